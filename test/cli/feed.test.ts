// Feed archives end to end, with the real SQLite store: an archive built here from the real `.nc` files
// (test/fixtures/nc and ../shared/corpus/nc) stores every accession in it, given to the main command as a file or
// fetched by `edgar-extract feed` from the local EDGAR stand-in; `feed` keeps only the selected forms, records
// notices, caches the archive and resumes.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { feedArchiveUrl, feedCommand, type FeedCommandDeps, type FeedCommandResult } from '../../src/cli/feed-command.js';
import { runProgram } from '../../src/cli/program.js';
import { runCli } from '../../src/cli/main.js';
import { RateLimiter } from '../../src/fetch/rate-limiter.js';
import { openDatabase } from '../../src/store/database.js';
import { Output } from '../helpers/cli-output.js';
import { startEdgarServer, type EdgarTestServer } from '../helpers/edgar-server.js';
import { buildArchive, correctionOf, deletionNotice, ncAccession, realNcFiles } from '../helpers/feed-archive.js';

const USER_AGENT = 'edgar-extract tests tests@example.com';
const files = realNcFiles();
const accessions = files.map((f) => ncAccession(f.bytes)).sort();
// A deletion notice for a filing that is not in this day's archive (it was disseminated on an earlier day).
const deletion = deletionNotice('0000950170-24-139085', 'SCHEDULE 13D/A');
const sc13g = files.find((f) => f.name === '0001076809-24-000144.nc')!;
const DAY_PATH = '/Archives/edgar/Feed/2024/QTR4/20241213.nc.tar.gz';
const CORRECTION_DAY_PATH = '/Archives/edgar/Feed/2024/QTR4/20241216.nc.tar.gz';

let server: EdgarTestServer;
let dir: string;
const limiter = new RateLimiter();

beforeAll(async () => {
  server = await startEdgarServer({
    files: {
      [DAY_PATH]: await buildArchive([...files, deletion]),
      [CORRECTION_DAY_PATH]: await buildArchive([correctionOf(sc13g)]),
    },
  });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.resetLog();
  dir = mkdtempSync(join(tmpdir(), 'edgar-feed-'));
  return () => rm(dir, { recursive: true, force: true });
});

function storedAccessions(db: string): string[] {
  const store = openDatabase(db);
  try {
    return store.sqlite.prepare('SELECT accession_number FROM filings ORDER BY accession_number').pluck().all() as string[];
  } finally {
    store.close();
  }
}

function notices(db: string): unknown[] {
  const store = openDatabase(db);
  try {
    return store.sqlite.prepare('SELECT source_archive, member_name, accession_number, kind, form_type, notice_timestamp, feed_date FROM feed_notices ORDER BY member_name').all();
  } finally {
    store.close();
  }
}

describe('the main command reads archives', () => {
  it('stores every accession of a .nc.tar.gz of the corpus .nc files, and records the deletion notice instead of storing it', async () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    const archive = join(dir, '20241213.nc.tar.gz');
    writeFileSync(archive, await buildArchive([...files, deletion]));
    const db = join(dir, 'edgar.db');
    const out = { stdout: new Output(), stderr: new Output(), env: {} };
    expect(await runCli([archive, '--db', db], out)).toBe(0);
    expect(storedAccessions(db)).toEqual(accessions);
    expect(out.stderr.text).toContain(`stored ${files.length} filing(s)`);
    expect(notices(db)).toEqual([
      { source_archive: archive, member_name: '0000950170-24-139085.nc', accession_number: '0000950170-24-139085', kind: 'DELETION', form_type: 'SCHEDULE 13D/A', notice_timestamp: '2024-12-13T17:02:11', feed_date: null },
    ].map((n) => ({ ...n, source_archive: '20241213.nc.tar.gz', feed_date: '2024-12-13' })));
  });

  it('reads a plain .tar inside a directory argument too', async () => {
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'day.tar'), await buildArchive(files.slice(0, 2), { gzip: false }));
    const db = join(dir, 'edgar.db');
    expect(await runCli([join(dir, 'in'), '--db', db, '--json'], { stdout: new Output(), stderr: new Output(), env: {} })).toBe(0);
    expect(storedAccessions(db)).toEqual(files.slice(0, 2).map((f) => ncAccession(f.bytes)).sort());
  });

  it('a damaged archive is a parse failure naming it (exit 1), the members before the damage are kept', async () => {
    const whole = await buildArchive(files, { gzip: false });
    const archive = join(dir, 'cut.tar');
    writeFileSync(archive, whole.subarray(0, whole.length - 5000));
    const out = { stdout: new Output(), stderr: new Output(), env: {} };
    expect(await runCli([archive, '--db', join(dir, 'edgar.db')], out)).toBe(1);
    expect(out.stderr.text).toMatch(/cut\.tar:1:1: BAD_ARCHIVE/);
    expect(storedAccessions(join(dir, 'edgar.db')).length).toBe(files.length - 1);
  });
});

function feed(argv: string[], dbName = 'edgar.db') {
  const stdout = new Output();
  const stderr = new Output();
  const db = join(dir, dbName);
  const deps: FeedCommandDeps = {
    openDatabase: (path) => openDatabase(path),
    env: { ...server.env, EDGAR_USER_AGENT: USER_AGENT, EDGAR_CACHE_DIR: join(dir, 'cache') },
    stdout,
    stderr,
    interrupts: null,
    clientOptions: { limiter, initialBackoffMs: 10, blockPauseMs: 2000 },
  };
  // Through the command framework, as `edgar-extract feed …` runs it; the summary is kept on the side.
  const result = (async () => {
    let outcome: FeedCommandResult | null = null;
    const command = feedCommand(() => ({ ...deps, onResult: (r) => (outcome = r) }));
    const exitCode = await runProgram([command], ['feed', '--db', db, ...argv], { stdout, stderr, env: deps.env ?? {} });
    return { exitCode, summary: (outcome as FeedCommandResult | null)?.summary ?? null };
  })();
  return { result, stdout, stderr, db };
}

describe('edgar-extract feed', () => {
  it('fetches the day\'s archive and stores every accession in it with --forms all', async () => {
    const { result, db, stderr } = feed(['--date', '2024-12-13', '--forms', 'all']);
    const { exitCode, summary } = await result;
    expect(stderr.text).not.toMatch(/error/i);
    expect(exitCode).toBe(0);
    expect(server.requestsTo('/Archives/').map((r) => r.path)).toEqual([DAY_PATH]);
    expect(summary).toMatchObject({ members: files.length + 1, selected: files.length + 1, stored: files.length, notices: 1, failed: [] });
    expect(storedAccessions(db)).toEqual(accessions);
  });

  it('by default keeps only 13D/13G filings (read from each .nc header) but every notice; a rerun uses the cache and skips', async () => {
    const first = feed(['--date', '2024-12-13']);
    expect((await first.result).summary).toMatchObject({ members: files.length + 1, selected: 2, stored: 1, notices: 1, downloaded: true });
    expect(storedAccessions(first.db)).toEqual(['0001076809-24-000144']);
    expect(notices(first.db)).toHaveLength(1);

    server.resetLog();
    const again = feed(['--date', '2024-12-13']);
    expect((await again.result).summary).toMatchObject({ stored: 0, skipped: 1, notices: 1, downloaded: false });
    expect(server.requests).toEqual([]);
    expect(notices(again.db)).toHaveLength(1);
  });

  it('a correction is stored again and recorded', async () => {
    expect((await feed(['--date', '2024-12-13']).result).exitCode).toBe(0);
    const { result, db } = feed(['--date', '2024-12-16']);
    expect((await result).summary).toMatchObject({ selected: 1, stored: 1, notices: 1 });
    expect(notices(db)).toContainEqual(expect.objectContaining({ kind: 'CORRECTION', accession_number: '0001076809-24-000144', feed_date: '2024-12-16', notice_timestamp: '2024-12-16T09:15:00' }));
    const store = openDatabase(db);
    expect(store.sqlite.prepare("SELECT flags FROM filings WHERE accession_number = '0001076809-24-000144'").pluck().get()).toContain('CORRECTION');
    store.close();
  });

  it('a download cut mid-body or answered 503 is retried; the cache never holds a partial archive', async () => {
    server.inject(DAY_PATH, { kind: 'cut', afterBytes: 20_000 }, { kind: 'status', status: 503 });
    const { result, db } = feed(['--date', '2024-12-13', '--forms', 'all']);
    expect((await result).exitCode).toBe(0);
    expect(server.requestsTo(DAY_PATH).map((r) => r.fault)).toEqual(['cut', 'status', null]);
    expect(storedAccessions(db)).toEqual(accessions);
    expect(readdirSync(join(dir, 'cache', 'feed'))).toEqual(['20241213.nc.tar.gz']);
  });

  it('a day without an archive is exit 3; a missing --date is exit 2', async () => {
    const none = feed(['--date', '2024-12-14']);
    expect((await none.result).exitCode).toBe(3);
    expect(none.stderr.text).toContain('no Feed archive for 2024-12-14');
    expect((await feed([]).result).exitCode).toBe(2);
    expect((await feed(['--date', '2024-13-01']).result).exitCode).toBe(2);
  });

  it('is a command of the framework: its own help, and usage errors named after it (it parses no argv itself)', async () => {
    const help = feed(['--help']);
    expect((await help.result).exitCode).toBe(0);
    expect(help.stdout.text).toMatch(/Usage: edgar-extract feed \[options\]/);
    expect(help.stdout.text).toContain('--date <date>');
    const bad = feed(['--date', '2024-13-01']);
    expect((await bad.result).exitCode).toBe(2);
    expect(bad.stderr.text).toBe('edgar-extract feed: --date must be a date as YYYY-MM-DD, got "2024-13-01"\n');
  });

  it('builds the Feed URL for the day\'s quarter', () => {
    expect(feedArchiveUrl('https://www.sec.gov', '2024-12-13')).toBe('https://www.sec.gov/Archives/edgar/Feed/2024/QTR4/20241213.nc.tar.gz');
  });
});
