// Issue 3's acceptance, end to end with the real executable and the real SQLite store: 200 filings under one CIK on
// a local EDGAR stand-in (127.0.0.1), the process killed (SIGKILL) halfway, then the same command run again. Only
// the rest is fetched, nothing is over the rate limit, and the database ends with exactly 200 filings.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFilings, startEdgarServer, type EdgarTestServer } from '../helpers/edgar-server.js';

const FIXTURE_ACCESSION = '0002006228-23-000001';
const fixture = readFileSync('test/fixtures/fetch/0002006228-23-000001.txt', 'latin1');
// Each served filing carries its own accession number in its header, as EDGAR's do (the store keys on it).
const filings = generateFilings(Buffer.from(fixture, 'latin1'), 200, { cik: '1854583', forms: ['SCHEDULE 13G'] }).map((f) => ({
  ...f,
  bytes: Buffer.from(fixture.split(FIXTURE_ACCESSION).join(f.accessionNumber), 'latin1'),
}));

let server: EdgarTestServer;
beforeAll(async () => {
  server = await startEdgarServer({ filings, names: { '1854583': 'Collective Audience, Inc.' } });
});
afterAll(async () => {
  await server.close();
});

function storedCount(db: string): number {
  try {
    const sql = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return sql.prepare('SELECT count(*) FROM filings').pluck().get() as number;
    } finally {
      sql.close();
    }
  } catch {
    return 0;
  }
}

function runCik(db: string, cache: string, onSpawn?: (child: ChildProcess) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/src/cli.js', 'cik', '1854583', '--forms', 'all', '--db', db, '--concurrency', '4'], {
      env: { ...process.env, ...server.env, EDGAR_USER_AGENT: 'edgar-extract tests tests@example.com', EDGAR_CACHE_DIR: cache },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
    onSpawn?.(child);
  });
}

describe('edgar-extract cik: kill halfway, rerun', () => {
  it('stores exactly 200 filings, refetching none it had cached, never over 10 requests/second', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgar-cik-e2e-'));
    const db = join(dir, 'edgar.db');
    const cache = join(dir, 'cache');

    const first = await runCik(db, cache, (child) => {
      const poll = setInterval(() => {
        if (storedCount(db) >= 100) {
          clearInterval(poll);
          child.kill('SIGKILL');
        }
      }, 100);
      child.on('exit', () => clearInterval(poll));
    });
    expect(first.signal).toBe('SIGKILL');
    const afterKill = storedCount(db);
    expect(afterKill).toBeGreaterThanOrEqual(100);
    expect(afterKill).toBeLessThan(200);
    const fetchedInRun1 = server.requestsTo('/Archives/').length;

    await new Promise((r) => setTimeout(r, 1100)); // a person retyping the command; keeps the two runs' windows apart
    const second = await runCik(db, cache);
    expect(second.code).toBe(0);
    expect(storedCount(db)).toBe(200);

    // Nothing stored twice, nothing over the limit, and nothing fetched twice that run 1 had cached. A SIGKILL can
    // land after the server sent a body and before run 1 cached it: only such in-flight filings (at most the 4 of
    // --concurrency) may be fetched again, each at most once more.
    const archive = server.requestsTo('/Archives/');
    const timesFetched = new Map<string, number>();
    for (const r of archive) timesFetched.set(r.path, (timesFetched.get(r.path) ?? 0) + 1);
    expect(timesFetched.size).toBe(200);
    const refetched = [...timesFetched.values()].filter((n) => n > 1);
    expect(refetched.every((n) => n === 2)).toBe(true);
    expect(refetched.length).toBeLessThanOrEqual(4);
    const runTwoPaths = new Set(archive.slice(fetchedInRun1).map((r) => r.path));
    expect(runTwoPaths.size).toBe(archive.length - fetchedInRun1);
    expect(archive.length - fetchedInRun1).toBe(200 - fetchedInRun1 + refetched.length);
    expect(server.overLimit).toBe(0);
    expect(server.requests.every((r) => r.status === 200)).toBe(true);
    expect(server.maxInWindow(1000)).toBeLessThanOrEqual(10);
    const sql = new Database(db, { readonly: true });
    expect(sql.prepare("SELECT count(DISTINCT accession_number) FROM filings WHERE accession_number LIKE '0009999999-24-%'").pluck().get()).toBe(200);
    sql.close();
    console.log(`cik end-to-end: killed at ${afterKill} stored (${fetchedInRun1} fetched), rerun fetched ${archive.length - fetchedInRun1}; ${server.requests.length} requests at ${server.achievedRate().toFixed(2)}/s overall, max ${server.maxInWindow(1000)} in any 1 s window; summary: ${second.stdout.trim().split('\n')[0]}`);
  });
});
