/**
 * The README's examples, run as a user would type them (through a shell, the built executable on PATH), in a fresh
 * folder holding a database of the founding sample; EDGAR is the local test server. Every `$ edgar-extract …` line
 * in a code block must exit 0, and when output lines follow it, print exactly them. So the README cannot drift.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EdgarTestServer } from '../helpers/edgar-server.js';

const root = resolve(import.meta.dirname, '../..');

interface Example {
  command: string;
  expected: string[];
}

/** `$ ` lines inside fenced code blocks, each with the lines after it (up to the next `$ ` or the fence). */
export function readmeExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  let inBlock = false;
  let current: Example | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      inBlock = !inBlock;
      current = null;
      continue;
    }
    if (!inBlock) continue;
    if (line.startsWith('$ ')) {
      current = { command: line.slice(2).replace(/^npx edgar-extract/, 'edgar-extract'), expected: [] };
      examples.push(current);
    } else if (current) current.expected.push(line);
  }
  return examples;
}

function run(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('sh', ['-c', command], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const examples = readmeExamples(readFileSync(join(root, 'README.md'), 'utf8'));
let server: EdgarTestServer;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  const sample = new Uint8Array(readFileSync(join(root, 'samples/0001125282-03-003998.txt')));
  server = await new EdgarTestServer({
    filings: [{ cik: '925528', accessionNumber: '0001125282-03-003998', bytes: sample, form: 'SC 13D/A', filingDate: '2003-06-25' }],
    names: { '925528': 'HUDSON TECHNOLOGIES INC /NY' },
    tickers: [{ cik_str: 925528, ticker: 'HDSN', title: 'HUDSON TECHNOLOGIES INC' }],
  }).listen();
  dir = mkdtempSync(join(tmpdir(), 'edgar-readme-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'edgar-extract'), `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'dist/src/cli.js')}" "$@"\n`);
  chmodSync(join(bin, 'edgar-extract'), 0o755);
  symlinkSync(join(root, 'samples'), join(dir, 'samples'));
  env = { PATH: `${bin}:${process.env.PATH}`, HOME: dir, EDGAR_CACHE_DIR: join(dir, 'cache'), ...server.env };
  // The README's examples start after the quick start has stored the founding sample.
  const first = await run('edgar-extract samples/0001125282-03-003998.txt --quiet', dir, env);
  expect(first.code).toBe(0);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('README examples', () => {
  it('has examples of every command', () => {
    const commands = new Set(examples.map((e) => /^edgar-extract (\S+)/.exec(e.command)?.[1]));
    for (const name of ['parse', 'cik', 'show', 'sql', 'search', 'export', 'datasette-metadata', 'completion']) expect(commands).toContain(name);
    expect(examples.some((e) => /^edgar-extract samples\//.test(e.command))).toBe(true);
  });

  it.each(examples.map((e) => [e.command, e] as const))('%s', async (_command, example) => {
    const r = await run(example.command, dir, env);
    expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' });
    if (example.expected.length) expect(r.stdout.replace(/\r\n/g, '\n').trimEnd()).toBe(example.expected.join('\n').trimEnd());
  }, 30_000);
});
