// Batches through the store command: output sized for thousands of inputs, JSON streams, failures that do not stop
// the batch, and kill -9 then rerun with the built executable.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadSources, syntheticCorpus } from '../../bench/synthetic-corpus.js';
import { runCli } from '../../src/cli/main.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s), isTTY: false }, env: {} },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'edgar-ingest-'));
const reserved = join('..', 'shared', 'corpus', 'RESERVED.tsv');
const sources = loadSources('test/fixtures/sc13', reserved);

/** `n` distinct submissions (fixtures under new accession numbers) in a fresh folder. */
function batchDir(n: number): string {
  return syntheticCorpus(sources, tmp(), [n]).get(n)!;
}

const count = (db: string, sql = 'SELECT count(*) FROM filings'): number => {
  const s = new Database(db, { readonly: true });
  try {
    return s.prepare(sql).pluck().get() as number;
  } finally {
    s.close();
  }
};

describe('edgar-extract <directory> as a batch', () => {
  it('prints progress lines and one summary, not a summary per filing, for 40 inputs', async () => {
    const dir = batchDir(40);
    const db = join(tmp(), 'e.db');
    const t = io();
    expect(await runCli([dir, '--db', db, '--jobs', '2'], t.io)).toBe(0);
    expect(t.stdout()).toBe('');
    const lines = t.stderr().trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(25);
    expect(lines.filter((l) => /^\d+\/40 \d+%/.test(l)).length).toBeGreaterThanOrEqual(10);
    expect(t.stderr()).toMatch(/40 input\(s\) in \d+:\d\d \([\d.]+\/s\) into .*e\.db: stored 40, failed 0/);
    expect(count(db)).toBe(40);
    // Again: nothing changes, and the summary says so.
    const again = io();
    expect(await runCli([dir, '--db', db, '--quiet'], again.io)).toBe(0);
    expect(again.stderr()).toBe('');
    const third = io();
    expect(await runCli([dir, '--db', db], third.io)).toBe(0);
    expect(third.stderr()).toMatch(/: unchanged 40, failed 0/);
  });

  it('reports every failed input on one line without a stack trace, stores the rest, exits 1 at the end', async () => {
    const dir = batchDir(8);
    writeFileSync(join(dir, '0-empty.txt'), '');
    writeFileSync(join(dir, 'zz-binary.txt'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 9, 0]));
    const db = join(tmp(), 'e.db');
    const t = io();
    expect(await runCli([dir, '--db', db], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/0-empty\.txt:1:1: EMPTY_INPUT: the input is empty\n/);
    expect(t.stderr()).toMatch(/zz-binary\.txt:\d+:\d+: [A-Z_]+: /);
    expect(t.stderr()).not.toMatch(/^\s+at /m);
    expect(t.stderr()).toMatch(/stored 8, failed 2\n {2}failures by code: /);
    expect(count(db)).toBe(8);
  });

  it('--json-lines prints one object per filing per line; --json one array, both in input order', async () => {
    const dir = batchDir(7);
    const lines = io();
    expect(await runCli([dir, '--db', join(tmp(), 'a.db'), '--json-lines', '--quiet'], lines.io)).toBe(0);
    const objects = lines.stdout().trimEnd().split('\n').map((l) => JSON.parse(l) as { accession_number: string; stored: boolean; documents: unknown[] });
    expect(objects.map((o) => o.accession_number)).toEqual(Array.from({ length: 7 }, (_v, i) => `99${'0'.repeat(8)}-26-${String(i).padStart(6, '0')}`));
    expect(objects.every((o) => o.stored && o.documents.length > 0)).toBe(true);
    const array = io();
    expect(await runCli([dir, '--db', join(tmp(), 'b.db'), '--json'], array.io)).toBe(0);
    expect((JSON.parse(array.stdout()) as { accession_number: string }[]).map((o) => o.accession_number)).toEqual(objects.map((o) => o.accession_number));
    const none = io();
    expect(await runCli([join(dir, '0000000000-does-not-exist.txt'), '--db', join(tmp(), 'c.db'), '--json'], none.io)).toBe(2);
  });

  it('--verbose prints every filing summary; --jobs 0 stores the same on the main thread', async () => {
    const dir = batchDir(7);
    const t = io();
    expect(await runCli([dir, '--db', join(tmp(), 'v.db'), '--verbose', '--jobs', '0'], t.io)).toBe(0);
    expect(t.stdout().match(/^99\d{8}-26-\d{6} {2}/gm)).toHaveLength(7);
  });

  it('killed with SIGKILL mid-batch, keeps only whole filings; the same command run again completes the batch', async () => {
    expect(existsSync('dist/src/batch/ingest-worker.js')).toBe(true);
    const n = 300;
    const dir = batchDir(n);
    const db = join(tmp(), 'kill.db');
    const run = (onSpawn?: (kill: () => void) => void) =>
      new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['dist/src/cli.js', dir, '--db', db, '--jobs', '2']);
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
        onSpawn?.(() => child.kill('SIGKILL'));
      });
    const first = await run((kill) => {
      const poll = setInterval(() => {
        if (existsSync(db) && safeCount(db) >= 80) {
          clearInterval(poll);
          kill();
        }
      }, 20);
    });
    expect(first.signal).toBe('SIGKILL');
    const afterKill = count(db);
    expect(afterKill).toBeGreaterThanOrEqual(80);
    expect(afterKill).toBeLessThan(n);
    // Whole filings only: every stored filing has all its documents and its full-text rows.
    expect(count(db, 'SELECT count(*) FROM filings f WHERE document_count != (SELECT count(*) FROM documents d WHERE d.accession_number = f.accession_number)')).toBe(0);
    expect(count(db, 'SELECT count(DISTINCT accession_number) FROM document_text')).toBe(afterKill);
    const second = await run();
    expect(second.code).toBe(0);
    expect(count(db)).toBe(n);
    expect(second.stderr).toContain(`stored ${n - afterKill}, unchanged ${afterKill}, failed 0`);
  }, 120_000);
});

function safeCount(db: string): number {
  try {
    return count(db);
  } catch {
    return 0; // not created or not migrated yet
  }
}

describe('batch output pieces', () => {
  it('on a terminal, progress is one bar redrawn in place, with failures printed above it', async () => {
    const { runIngestCommand } = await import('../../src/cli/ingest-command.js');
    const dir = batchDir(8);
    writeFileSync(join(dir, 'zz-empty.txt'), '');
    const t = io();
    const code = await runIngestCommand({ inputs: [dir], db: join(tmp(), 't.db'), json: false, jobs: 1, progressTty: true }, { ...t.io, stderr: { write: t.io.stderr.write, isTTY: true, columns: 200 } });
    expect(code).toBe(1);
    expect(t.stderr()).toContain('\r\x1b[2K');
    expect(t.stderr()).toMatch(/\[#{24}\] 9\/9 100% [\d.]+\/s ETA 0:00 {2}stored 8, failed 1/);
    // eslint-disable-next-line no-control-regex -- the terminal bar's erase-line sequence is what is checked
    expect(t.stderr()).toMatch(/\r\x1b\[2K.*zz-empty\.txt:1:1: EMPTY_INPUT: the input is empty\n/);
  });

  it('the summary counts whatever outcome a store reports, by name, in a stable order', async () => {
    const { formatIngestSummary, outcomeName } = await import('../../src/cli/ingest-command.js');
    expect(outcomeName({ accessionNumber: 'a', action: 'stored', changed: true })).toBe('stored');
    expect(outcomeName({ accessionNumber: 'a', action: 'unchanged', changed: false })).toBe('unchanged');
    expect(outcomeName({ accessionNumber: 'a', action: 'replaced', changed: true })).toBe('replaced');
    const text = formatIngestSummary({
      total: 10,
      outcomes: new Map([['kept-existing', 1], ['unchanged', 2], ['replaced', 3], ['stored', 2]]),
      failed: 2,
      failures: new Map([['EMPTY_INPUT', 2]]),
      warnings: new Map([['B', 1], ['A', 5]]),
      elapsedMs: 2000,
      db: 'x.db',
    });
    expect(text).toBe('10 input(s) in 0:02 (5.0/s) into x.db: stored 2, replaced 3, unchanged 2, kept-existing 1, failed 2\n  failures by code: EMPTY_INPUT 2\n  warnings by code: A 5, B 1');
  });
});
