/**
 * The on-disk cache: where it lives, atomic writes, and a writer killed mid-write (a real child process, SIGKILL)
 * leaving no partial `{accession}.txt` behind — only a temporary file that sweep() removes.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmissionCache, defaultCacheDir } from '../../src/fetch/cache.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'edgar-cache-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('defaultCacheDir', () => {
  it('prefers EDGAR_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(defaultCacheDir({ EDGAR_CACHE_DIR: '/x/edgar', XDG_CACHE_HOME: '/y' })).toBe('/x/edgar');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/y' })).toBe('/y/edgar-extract');
    expect(defaultCacheDir({ HOME: '/home/u' })).toBe('/home/u/.cache/edgar-extract');
  });
});

describe('SubmissionCache', () => {
  it('stores bytes unchanged under filings/{accession}.txt, whichever form the accession is given in', async () => {
    const cache = new SubmissionCache(join(work, 'basic'));
    const bytes = new Uint8Array([0, 1, 2, 255, 13, 10]);
    expect(await cache.has('0000000001-24-000001')).toBe(false);
    expect(await cache.read('000000000124000001')).toBeNull();
    const path = await cache.write('000000000124000001', bytes);
    expect(path).toBe(join(work, 'basic', 'filings', '0000000001-24-000001.txt'));
    expect(await cache.has('0000000001-24-000001')).toBe(true);
    expect(await cache.read('0000000001-24-000001')).toEqual(bytes);
    expect(await readdir(join(work, 'basic', 'filings'))).toEqual(['0000000001-24-000001.txt']);
  });

  it('survives concurrent writers of the same accession: complete bytes, no temporary files left', async () => {
    const cache = new SubmissionCache(join(work, 'concurrent'));
    const versions = [1, 2, 3, 4, 5].map((n) => new Uint8Array(200_000).fill(n));
    await Promise.all(versions.map((v) => cache.write('0000000001-24-000002', v)));
    const got = (await cache.read('0000000001-24-000002'))!;
    expect(got.byteLength).toBe(200_000);
    expect(new Set(got).size).toBe(1);
    expect(await readdir(join(work, 'concurrent', 'filings'))).toEqual(['0000000001-24-000002.txt']);
  });
});

/** Compile the cache module and what it imports to plain JS, so a child `node` process can run it. */
async function compileCacheModule(outDir: string): Promise<string> {
  const sources = ['src/fetch/cache.ts', 'src/fetch/accession.ts', ...(await readdir(join(root, 'src/errors'))).map((f) => `src/errors/${f}`)];
  for (const source of sources.filter((s) => s.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(await readFile(join(root, source), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const target = join(outDir, source.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
  await writeFile(join(outDir, 'package.json'), '{"type":"module"}');
  const script = join(outDir, 'writer.mjs');
  await writeFile(
    script,
    `import { SubmissionCache } from './${relative(outDir, join(outDir, 'src/fetch/cache.js'))}';
const cache = new SubmissionCache(process.argv[2]);
const size = 16 * 1024 * 1024;
const bytes = new Uint8Array(size).fill(0x41);
bytes.set(Buffer.from('</SEC-DOCUMENT>\\n'), size - 16);
process.stdout.write('ready\\n');
for (let i = 1; ; i += 1) await cache.write('0000000001-24-' + String(i).padStart(6, '0'), bytes);
`,
  );
  return script;
}

describe('a crash mid-write', () => {
  it('never leaves a partial {accession}.txt visible (writer SIGKILLed at three moments)', async () => {
    const script = await compileCacheModule(join(work, 'compiled'));
    let tempsSeen = 0;
    for (const killAfterMs of [40, 150, 400]) {
      const dir = join(work, `crash-${killAfterMs}`);
      const child = spawn(process.execPath, [script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      await new Promise((r) => setTimeout(r, killAfterMs));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;

      const names = await readdir(join(dir, 'filings')).catch(() => [] as string[]);
      const finals = names.filter((n) => n.endsWith('.txt'));
      const temps = names.filter((n) => n.endsWith('.tmp'));
      tempsSeen += temps.length;
      const cache = new SubmissionCache(dir);
      // Every file under its final name is complete; the one being written is invisible to readers.
      for (const name of finals) {
        const bytes = (await cache.read(name.replace(/\.txt$/, '')))!;
        expect(bytes.byteLength).toBe(16 * 1024 * 1024);
        expect(Buffer.from(bytes.subarray(-16)).toString()).toBe('</SEC-DOCUMENT>\n');
      }
      const next = `0000000001-24-${String(finals.length + 1).padStart(6, '0')}`;
      expect(await cache.has(next)).toBe(false);
      expect(await cache.read(next)).toBeNull();
      // The crashed writer's leftovers are swept, and the next run writes the accession normally.
      expect(await cache.sweep({ olderThanMs: 0 })).toBe(temps.length);
      await cache.write(next, new Uint8Array([1, 2, 3]));
      expect((await readdir(join(dir, 'filings'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    }
    // The writer spends nearly all its time between open and rename, so the kills did land mid-write.
    expect(tempsSeen).toBeGreaterThan(0);
  });

  it('sweep leaves fresh temporary files of live writers alone', async () => {
    const cache = new SubmissionCache(join(work, 'sweep'));
    await mkdir(join(work, 'sweep', 'filings'), { recursive: true });
    await writeFile(join(work, 'sweep', 'filings', '0000000001-24-000009.txt.123-abcd.tmp'), 'partial');
    expect(await cache.sweep()).toBe(0);
    expect(await cache.sweep({ olderThanMs: 0 })).toBe(1);
  });
});
