// scripts/batch-year.sh end to end with the built executable against the local EDGAR stand-in: a year's four
// quarterly indexes (QTR4 lists the real 13D/13G filings of test/fixtures/sc13, the others only headers) go into one
// database; a rerun resumes, fetching no filing again.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIndexFile } from '../../src/fetch/full-index.js';
import { openDatabase } from '../../src/store/database.js';
import { startEdgarServer, type EdgarTestServer } from '../helpers/edgar-server.js';

const QUARTER_INDEX = readFileSync(new URL('../fixtures/index/master-2024-QTR4.idx', import.meta.url));
// An index with no filings: the header, the column titles and the rule, as EDGAR writes them.
const EMPTY_INDEX = QUARTER_INDEX.toString('latin1').split('-'.repeat(80))[0] + '-'.repeat(80) + '\n';
const served = parseIndexFile(QUARTER_INDEX).entries.filter((e) => /13[DG]/.test(e.formType));

let server: EdgarTestServer;
beforeAll(async () => {
  server = await startEdgarServer({
    filings: served.map((e) => ({ cik: e.cik, accessionNumber: e.accessionNumber, bytes: readFileSync(new URL(`../fixtures/sc13/${e.accessionNumber}.txt`, import.meta.url)) })),
    files: {
      '/Archives/edgar/full-index/2024/QTR1/master.idx': EMPTY_INDEX,
      '/Archives/edgar/full-index/2024/QTR2/master.idx': EMPTY_INDEX,
      '/Archives/edgar/full-index/2024/QTR3/master.gz': gzipSync(EMPTY_INDEX),
      '/Archives/edgar/full-index/2024/QTR4/master.gz': gzipSync(QUARTER_INDEX),
    },
  });
});
afterAll(async () => {
  await server.close();
});

function runScript(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['scripts/batch-year.sh', ...args], { env: { ...process.env, ...env } }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr });
    });
  });
}

describe('scripts/batch-year.sh', () => {
  it('stores every 13D/13G of the year into one database, and a rerun fetches no filing again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgar-batch-year-'));
    const db = join(dir, 'y2024.db');
    const env = { ...server.env, EDGAR_USER_AGENT: 'edgar-extract tests tests@example.com', EDGAR_CACHE_DIR: join(dir, 'cache'), EDGAR_EXTRACT: `${process.execPath} dist/src/cli.js` };
    const first = await runScript(['2024', db], env);
    expect(first.stderr).toContain('4 of 4 quarter(s) of 2024 done');
    expect(first.code).toBe(0);
    const store = openDatabase(db);
    const stored = store.sqlite.prepare('SELECT accession_number FROM filings ORDER BY 1').pluck().all();
    store.close();
    expect(stored).toEqual([...new Set(served.map((e) => e.accessionNumber))].sort());
    expect(server.requestsTo('/Archives/edgar/full-index/2024/')).toHaveLength(6); // QTR1, QTR2: .gz 404 then .idx
    expect(server.requestsTo('/Archives/edgar/data/')).toHaveLength(5);

    server.resetLog();
    const again = await runScript(['2024', db], env);
    expect(again.code).toBe(0);
    expect(server.requestsTo('/Archives/edgar/data/')).toEqual([]);
    expect(server.overLimit).toBe(0);
  }, 60_000);

  it('refuses a bad year and a missing User-Agent (exit 2)', async () => {
    expect((await runScript(['24'], {})).code).toBe(2);
    expect((await runScript(['2024'], { EDGAR_USER_AGENT: '' })).code).toBe(2);
  });
});
