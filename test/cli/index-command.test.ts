// `edgar-extract index` against the local EDGAR stand-in: the quarter's master index (served gzipped, as master.gz)
// lists 13D/13G filings of both eras next to other forms, each 13D/G under both its CIKs; the real filings
// (test/fixtures/sc13, byte copies of ../shared/corpus) are served under every CIK that lists them, nothing else is.
// One quarter must store exactly that quarter's 13D/G filings, with the real SQLite store; a rerun fetches nothing.
import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { indexArgs, indexCommand, type IndexCommandDeps, type IndexCommandResult } from '../../src/cli/index-command.js';
import { runProgram } from '../../src/cli/program.js';
import { parseIndexFile } from '../../src/fetch/full-index.js';
import { RateLimiter } from '../../src/fetch/rate-limiter.js';
import { openDatabase } from '../../src/store/database.js';
import { ingestSubmission } from '../../src/pipeline.js';
import { startEdgarServer, type EdgarTestServer, type ServedFiling } from '../helpers/edgar-server.js';

const USER_AGENT = 'edgar-extract tests tests@example.com';
const fixture = (path: string): Buffer => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
const QUARTER_INDEX = fixture('index/master-2024-QTR4.idx');
const DAILY_INDEX = fixture('index/master.20250117.idx');
const SC13 = ['0000950170-24-139085', '0000950170-24-140615', '0001172661-24-005104', '0001193125-24-255715', '0001420506-24-002350', '0001815572-25-000002'];

class Output {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

// Serve each real filing under every CIK an index lists it under, as EDGAR does.
function servedFilings(): ServedFiling[] {
  const rows = [...parseIndexFile(QUARTER_INDEX).entries, ...parseIndexFile(DAILY_INDEX).entries];
  return rows
    .filter((row) => SC13.includes(row.accessionNumber))
    .map((row) => ({ cik: row.cik, accessionNumber: row.accessionNumber, bytes: fixture(`sc13/${row.accessionNumber}.txt`) }));
}

let server: EdgarTestServer;
let dir: string;
const limiter = new RateLimiter();

beforeAll(async () => {
  server = await startEdgarServer({
    filings: servedFilings(),
    files: {
      '/Archives/edgar/full-index/2024/QTR4/master.gz': gzipSync(QUARTER_INDEX),
      '/Archives/edgar/daily-index/2025/QTR1/master.20250117.idx': DAILY_INDEX,
    },
  });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.resetLog();
  dir = mkdtempSync(join(tmpdir(), 'edgar-index-'));
  return () => rm(dir, { recursive: true, force: true });
});

function run(argv: string[], overrides: Partial<IndexCommandDeps> = {}, dbName = 'edgar.db') {
  const stdout = new Output();
  const stderr = new Output();
  const db = join(dir, dbName);
  const deps: IndexCommandDeps = {
    storage: () => {
      const store = openDatabase(db);
      return {
        isStored: (accession) => store.hasFiling(accession),
        processFiling: (accession, bytes) => void ingestSubmission(store, bytes, { sourceName: accession }),
        close: () => store.close(),
      };
    },
    env: { ...server.env, EDGAR_USER_AGENT: USER_AGENT, EDGAR_CACHE_DIR: join(dir, 'cache') },
    stdout,
    stderr,
    interrupts: null,
    today: '2026-12-02',
    clientOptions: { limiter, initialBackoffMs: 10, blockPauseMs: 2000, log: (line) => stderr.write(`${line}\n`) },
    ...overrides,
  };
  // Through the command framework, as `edgar-extract index …` runs it; the listing and summary are kept on the side.
  const result = (async () => {
    let outcome: IndexCommandResult | null = null;
    const command = indexCommand(() => ({ ...deps, onResult: (r) => (outcome = r) }));
    const exitCode = await runProgram([command], ['index', '--db', db, ...argv], { stdout, stderr, env: deps.env ?? {} });
    const kept = outcome as IndexCommandResult | null;
    return { exitCode, listing: kept?.listing ?? null, summary: kept?.summary ?? null };
  })();
  return { result, stdout, stderr, db };
}

function stored(db: string): { accession_number: string; form_type: string; filed_at: string }[] {
  const store = openDatabase(db);
  try {
    return store.sqlite.prepare('SELECT accession_number, form_type, filed_at FROM filings ORDER BY accession_number').all() as never;
  } finally {
    store.close();
  }
}

describe('edgar-extract index: one finished quarter', () => {
  it('stores exactly the quarter\'s 13D/13G filings from the index, both eras, each once; a rerun fetches nothing', async () => {
    const first = run(['--since', '2024-10-01', '--until', '2024-12-31']);
    const { exitCode, listing, summary } = await first.result;
    expect(first.stderr.text).not.toMatch(/failed/i);
    expect(exitCode).toBe(0);
    // The quarter's index, gzipped copy first; no daily files for a finished quarter.
    expect(server.requestsTo('/Archives/edgar/full-index/').map((r) => r.path)).toEqual(['/Archives/edgar/full-index/2024/QTR4/master.gz']);
    expect(server.requestsTo('/Archives/edgar/daily-index/')).toEqual([]);
    expect(listing?.rowsRead).toBe(16);
    expect(summary).toMatchObject({ total: 5, stored: 5, fetched: 5, failed: [] });
    const rows = stored(first.db);
    expect(rows).toEqual([
      { accession_number: '0000950170-24-139085', form_type: 'SCHEDULE 13D/A', filed_at: '2024-12-20' },
      { accession_number: '0000950170-24-140615', form_type: 'SCHEDULE 13D', filed_at: '2024-12-26' },
      { accession_number: '0001172661-24-005104', form_type: 'SC 13G', filed_at: '2024-11-14' },
      { accession_number: '0001193125-24-255715', form_type: 'SC 13G/A', filed_at: '2024-11-12' },
      { accession_number: '0001420506-24-002350', form_type: 'SCHEDULE 13G/A', filed_at: '2024-11-13' },
    ]);
    // Only 13D/G filings were asked for (the 10-K, Form 4, SC 13E3, SC TO-T … rows were never fetched), each once.
    const filingRequests = server.requestsTo('/Archives/edgar/data/');
    expect(filingRequests).toHaveLength(5);
    expect(server.overLimit).toBe(0);

    server.resetLog();
    const again = run(['--since', '2024-10-01', '--until', '2024-12-31']);
    expect((await again.result).summary).toMatchObject({ total: 5, skipped: 5, fetched: 0, stored: 0 });
    expect(server.requestsTo('/Archives/edgar/data/')).toEqual([]);
    expect(stored(again.db)).toHaveLength(5);
  });

  it('--forms narrows the selection (SC 13G also matches SCHEDULE 13G) and --limit keeps the newest', async () => {
    const narrow = run(['--since', '2024-10-01', '--until', '2024-12-31', '--forms', 'SC 13G']);
    expect((await narrow.result).listing?.filings.map((f) => f.accessionNumber)).toEqual(['0001172661-24-005104']);

    const newest = run(['--since', '2024-10-01', '--until', '2024-12-31', '--limit', '2'], {}, 'newest.db');
    expect((await newest.result).exitCode).toBe(0);
    expect(stored(newest.db).map((r) => r.accession_number)).toEqual(['0000950170-24-139085', '0000950170-24-140615']);
  });

  it('--since/--until cut inside the quarter', async () => {
    const { result, db } = run(['--since', '2024-11-13', '--until', '2024-11-14']);
    expect((await result).exitCode).toBe(0);
    expect(stored(db).map((r) => r.accession_number)).toEqual(['0001172661-24-005104', '0001420506-24-002350']);
  });
});

describe('edgar-extract index: the quarter in progress reads the daily index', () => {
  it('asks for each weekday\'s master file, skips days without one, and stores what they list', async () => {
    const { result, db, stderr } = run(['--since', '2025-01-01'], { today: '2025-01-17' });
    const { exitCode, listing } = await result;
    expect(exitCode).toBe(0);
    expect(server.requestsTo('/Archives/edgar/full-index/')).toEqual([]);
    // 13 weekdays from Wednesday 1 January to Friday 17 January 2025; only the 17th is served.
    expect(server.requestsTo('/Archives/edgar/daily-index/2025/QTR1/')).toHaveLength(13);
    expect(listing?.daysWithoutIndex).toHaveLength(12);
    expect(stderr.text).toContain('no daily index for 12 weekday(s)');
    expect(stored(db).map((r) => [r.accession_number, r.form_type])).toEqual([['0001815572-25-000002', 'SCHEDULE 13G']]);
  });
});

describe('edgar-extract index: errors', () => {
  it('a finished quarter without an index is a network failure (exit 3), nothing stored', async () => {
    const { result, stderr } = run(['--since', '2023-01-01', '--until', '2023-01-31']);
    expect((await result).exitCode).toBe(3);
    expect(stderr.text).toContain('no full index for 2023 QTR1');
  });

  it('usage errors exit 2 before any request', async () => {
    for (const argv of [[], ['--since', '2024-02-30'], ['--since', '2024-03-01', '--until', '2024-02-01'], ['--since', '2024-01-01', '--limit', '0'], ['--since', '2024-01-01', '--forms', ' , ']]) {
      const { result } = run(argv);
      expect((await result).exitCode).toBe(2);
    }
    expect(server.requests).toEqual([]);
  });

  it('is a command of the framework: its own help, and a usage error named after it (it parses no argv itself)', async () => {
    const help = run(['--help']);
    expect((await help.result).exitCode).toBe(0);
    expect(help.stdout.text).toMatch(/Usage: edgar-extract index \[options\]/);
    expect(help.stdout.text).toContain('--since <date>');
    expect(help.stdout.text).toContain('Examples:');
    const missing = run([]);
    expect((await missing.result).exitCode).toBe(2);
    expect(missing.stderr.text).toBe('edgar-extract index: index needs --since YYYY-MM-DD (the first filing date to select)\n');
    const unknown = run(['--since', '2024-01-01', '--untill', '2024-02-01']);
    expect((await unknown.result).exitCode).toBe(2);
    expect(unknown.stderr.text).toMatch(/unknown option '--untill'[^]*Did you mean --until\?/);
    expect(server.requests).toEqual([]);
  });

  it('parses --forms all as every form, and defaults to the 13D/13G family', () => {
    expect(indexArgs({ since: '2024-01-01', forms: 'all' }, '2026-01-01').forms).toBeNull();
    expect(indexArgs({ since: '2024-01-01' }, '2026-01-01')).toMatchObject({
      forms: ['SC 13D', 'SC 13D/A', 'SC 13G', 'SC 13G/A', 'SCHEDULE 13D', 'SCHEDULE 13D/A', 'SCHEDULE 13G', 'SCHEDULE 13G/A'],
      until: '2026-01-01',
    });
  });
});
