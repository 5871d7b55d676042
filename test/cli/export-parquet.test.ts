/**
 * `edgar-extract export --format parquet`: a database of real filings from 1994 to 2025 (test/fixtures/sc13 and the
 * `.nc` files) plus a Feed notice, exported, then read back with DuckDB: every table and view has the same row count
 * as in SQLite, the integer columns the same sums, per-filing datasets are partitioned by filing year, and the
 * columns carry their types (int64, double, DATE); and a second, independent reader (hyparquet) reads the files too.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { asyncBufferFromFile, parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExportCommand } from '../../src/cli/export-command.js';
import { ingestArchiveMember } from '../../src/input/archive-ingest.js';
import { readMemberHeader } from '../../src/input/feed-archive.js';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/database.js';
import { listSchemaObjects } from '../../src/store/docs.js';
import { io } from '../helpers/cli-output.js';
import { deletionNotice, realNcFiles } from '../helpers/feed-archive.js';

const SC13_DIR = new URL('../fixtures/sc13/', import.meta.url);
let dir: string;
let dbPath: string;
let out: string;
let duckInstance: DuckDBInstance;
let duck: DuckDBConnection;
let objects: { name: string; kind: string }[];

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const dataset = (name: string) => `read_parquet('${join(out, name).replace(/'/g, "''")}/**/*.parquet', hive_partitioning = true)`;
async function rows(sql: string): Promise<unknown[][]> {
  return (await duck.runAndReadAll(sql)).getRows() as unknown[][];
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edgar-parquet-'));
  dbPath = join(dir, 'edgar.db');
  out = join(dir, 'parquet');
  const db = openDatabase(dbPath);
  for (const name of readdirSync(SC13_DIR).filter((n) => n.endsWith('.txt')).sort().slice(0, 30)) {
    ingestSubmission(db, new Uint8Array(readFileSync(new URL(name, SC13_DIR))), { sourceName: name });
  }
  for (const file of realNcFiles()) ingestSubmission(db, file.bytes, { sourceName: file.name });
  const notice = deletionNotice('0000950170-24-139085', 'SCHEDULE 13D/A');
  ingestArchiveMember(db, '20241213.nc.tar.gz', { ...notice, header: readMemberHeader(notice.name, notice.bytes) });
  objects = listSchemaObjects(db.sqlite).objects;
  db.close();

  const t = io();
  const code = await runExportCommand(['--format', 'parquet', '--out', out, '--db', dbPath], { ...t, env: {} });
  if (code !== 0) throw new Error(`export failed (${code}): ${t.stderr.text}`);
  duckInstance = await DuckDBInstance.create(':memory:');
  duck = await duckInstance.connect();
}, 120_000);

afterAll(async () => {
  duck?.closeSync();
  duckInstance?.closeSync();
  await rm(dir, { recursive: true, force: true });
});

describe('export --format parquet, read back with DuckDB', () => {
  it('writes one dataset per table and view, and DuckDB counts the same rows as SQLite in every one', async () => {
    const sqlite = openDatabase(dbPath, { readonly: true });
    try {
      expect(objects.length).toBeGreaterThan(10);
      for (const { name } of objects) {
        expect(existsSync(join(out, name)), name).toBe(true);
        const expected = Number(sqlite.sqlite.prepare(`SELECT count(*) FROM ${q(name)}`).pluck().get());
        const [[actual]] = (await rows(`SELECT count(*) FROM ${dataset(name)}`)) as [[bigint]];
        expect(Number(actual), name).toBe(expected);
      }
      // The database is not trivially small: filings of many years, cover pages, documents.
      expect(Number(sqlite.sqlite.prepare('SELECT count(DISTINCT substr(filed_at, 1, 4)) FROM filings').pluck().get())).toBeGreaterThan(8);
      expect(Number(sqlite.sqlite.prepare('SELECT count(*) FROM reporting_persons').pluck().get())).toBeGreaterThan(20);
    } finally {
      sqlite.close();
    }
  });

  it('keeps every integer exactly: per table, each INTEGER column sums to the same total', async () => {
    const sqlite = openDatabase(dbPath, { readonly: true });
    try {
      for (const { name } of objects.filter((o) => o.kind === 'table')) {
        const cols = sqlite.sqlite.prepare(`SELECT name FROM pragma_table_info(?) WHERE type = 'INTEGER'`).pluck().all(name) as string[];
        for (const col of cols) {
          const expected = sqlite.sqlite.prepare(`SELECT total(${q(col)}) FROM ${q(name)}`).pluck().get() as number;
          const [[actual]] = (await rows(`SELECT coalesce(sum(${q(col)}), 0)::DOUBLE FROM ${dataset(name)}`)) as [[number]];
          expect(actual, `${name}.${col}`).toBe(expected);
        }
      }
    } finally {
      sqlite.close();
    }
  });

  it('partitions per-filing datasets by filing year (hive style) and keeps small tables in one file', async () => {
    const sqlite = openDatabase(dbPath, { readonly: true });
    const byYear = sqlite.sqlite.prepare("SELECT CAST(substr(filed_at, 1, 4) AS INTEGER) AS y, count(*) AS n FROM filings GROUP BY y ORDER BY y").all() as { y: number; n: number }[];
    sqlite.close();
    expect(readdirSync(join(out, 'filings')).sort()).toEqual(byYear.map((r) => `filing_year=${r.y}`).sort());
    const got = await rows(`SELECT filing_year, count(*) FROM ${dataset('filings')} GROUP BY 1 ORDER BY 1`);
    expect(got.map(([y, n]) => [Number(y), Number(n)])).toEqual(byYear.map((r) => [r.y, r.n]));
    // A child table's rows sit in the year of their filing.
    const mismatched = await rows(
      `SELECT count(*) FROM ${dataset('reporting_persons')} r JOIN ${dataset('filings')} f USING (accession_number) WHERE r.filing_year <> year(f.filed_at)`,
    );
    expect(Number(mismatched[0]![0])).toBe(0);
    expect(readdirSync(join(out, 'feed_notices'))).toEqual([expect.stringMatching(/^part-[0-9a-f-]{36}\.parquet$/)]);
    expect(readdirSync(join(out, 'schema_migrations'))).toEqual([expect.stringMatching(/^part-[0-9a-f-]{36}\.parquet$/)]);
    expect(readdirSync(join(out, 'filings', readdirSync(join(out, 'filings'))[0]!))).toEqual([expect.stringMatching(/^part-[0-9a-f-]{36}\.parquet$/)]);
  });

  it('types the columns: int64, double, DATE, string', async () => {
    const types = async (name: string) =>
      new Map((await rows(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${dataset(name)})`)).map(([c, t]) => [String(c), String(t)]));
    const filings = await types('filings');
    expect(filings.get('filed_at')).toBe('DATE');
    expect(filings.get('document_count')).toBe('BIGINT');
    expect(filings.get('form_type')).toBe('VARCHAR');
    expect(filings.get('acceptance_datetime')).toBe('VARCHAR');
    const persons = await types('reporting_persons');
    expect(persons.get('percent_of_class')).toBe('DOUBLE');
    expect(persons.get('ordinal')).toBe('BIGINT');
    // Share counts are double in every shard: the store keeps the rare fractional unit count a filing prints.
    expect(persons.get('aggregate_amount')).toBe('DOUBLE');
    expect(persons.get('excludes_certain_shares')).toBe('BIGINT');
    expect((await types('schedule13')).get('event_date')).toBe('DATE');
    expect((await types('feed_notices')).get('feed_date')).toBe('DATE');
    // Dates read back as the same calendar days.
    const sqlite = openDatabase(dbPath, { readonly: true });
    const first = sqlite.sqlite.prepare('SELECT min(filed_at) FROM filings').pluck().get();
    sqlite.close();
    const [[min]] = (await rows(`SELECT strftime(min(filed_at), '%Y-%m-%d') FROM ${dataset('filings')}`)) as [[string]];
    expect(min).toBe(first);
  });

  it('is readable by an independent Parquet reader (hyparquet, pure JS): same rows, same types', async () => {
    const sqlite = openDatabase(dbPath, { readonly: true });
    const expected = sqlite.sqlite.prepare('SELECT accession_number, filed_at, document_count FROM filings ORDER BY accession_number').all() as {
      accession_number: string;
      filed_at: string;
      document_count: number;
    }[];
    sqlite.close();
    const got: { accession_number: string; filed_at: string; document_count: number }[] = [];
    for (const part of readdirSync(join(out, 'filings'))) {
      for (const name of readdirSync(join(out, 'filings', part))) {
        const file = await asyncBufferFromFile(join(out, 'filings', part, name));
        const schema = parquetSchema(parquetMetadata(await file.slice(0)));
        const column = (n: string) => schema.children.find((c) => c.element.name === n)!.element;
        expect(column('filed_at')).toMatchObject({ type: 'INT32', converted_type: 'DATE' });
        expect(column('document_count')).toMatchObject({ type: 'INT64' });
        for (const row of (await parquetReadObjects({ file, columns: ['accession_number', 'filed_at', 'document_count'] })) as {
          accession_number: string;
          filed_at: Date;
          document_count: bigint;
        }[]) {
          got.push({ accession_number: row.accession_number, filed_at: row.filed_at.toISOString().slice(0, 10), document_count: Number(row.document_count) });
        }
      }
    }
    expect(got.sort((a, b) => a.accession_number.localeCompare(b.accession_number))).toEqual(expected);
  });

  it('answers the README\'s example query over two shards exported separately and merged by copying', async () => {
    // Two shards by year range, as two machines would make them, exported with the same command, trees merged.
    const shards = [join(dir, 'shard-a.db'), join(dir, 'shard-b.db')];
    const merged = join(dir, 'merged');
    const sqlite = openDatabase(dbPath, { readonly: true });
    const years = sqlite.sqlite.prepare("SELECT DISTINCT substr(filed_at, 1, 4) FROM filings ORDER BY 1").pluck().all() as string[];
    sqlite.close();
    const cut = years[Math.floor(years.length / 2)]!;
    // Thirty 13D filings (the query counts 13Ds only): the folder also holds 13Gs, and more of them are added as
    // golden labels grow, which must not thin out the years the query groups by.
    const names = readdirSync(SC13_DIR)
      .filter((n) => n.endsWith('.txt'))
      .sort()
      .filter((n) => /SUBMISSION TYPE:\s*SC 13D/.test(readFileSync(new URL(n, SC13_DIR)).subarray(0, 4096).toString('latin1')))
      .slice(0, 30);
    for (const [i, path] of shards.entries()) {
      const db = openDatabase(path);
      for (const name of names) {
        const bytes = new Uint8Array(readFileSync(new URL(name, SC13_DIR)));
        const filed = /FILED AS OF DATE:\s*(\d{4})/.exec(Buffer.from(bytes).toString('latin1'))?.[1] ?? '0000';
        if ((filed < cut) === (i === 0)) ingestSubmission(db, bytes, { sourceName: name });
      }
      db.close();
      const t = io();
      expect(await runExportCommand(['--format', 'parquet', '--out', join(dir, `pq-${i}`), '--db', path], { ...t, env: {} })).toBe(0);
      cpSync(join(dir, `pq-${i}`), merged, { recursive: true });
    }
    const tree = (name: string) => `read_parquet('${join(merged, name)}/**/*.parquet', hive_partitioning = true)`;
    const readme = `
      SELECT f.filing_year AS year, count(DISTINCT f.accession_number) AS filings_13d, max(r.percent_of_class) AS max_percent
      FROM ${tree('filings')} AS f JOIN ${tree('reporting_persons')} AS r USING (accession_number)
      WHERE f.form_type IN ('SC 13D', 'SC 13D/A', 'SCHEDULE 13D', 'SCHEDULE 13D/A')
      GROUP BY year ORDER BY year`;
    const both = openDatabase(join(dir, 'both.db'));
    for (const name of names) ingestSubmission(both, new Uint8Array(readFileSync(new URL(name, SC13_DIR))), { sourceName: name });
    const expected = both.sqlite
      .prepare(
        `SELECT CAST(substr(f.filed_at, 1, 4) AS INTEGER) AS year, count(DISTINCT f.accession_number), max(r.percent_of_class)
         FROM filings f JOIN reporting_persons r USING (accession_number)
         WHERE f.form_type IN ('SC 13D', 'SC 13D/A', 'SCHEDULE 13D', 'SCHEDULE 13D/A') GROUP BY year ORDER BY year`,
      )
      .raw(true)
      .all() as [number, number, number | null][];
    both.close();
    const got = (await rows(readme)).map(([y, n, p]) => [Number(y), Number(n), p === null ? null : Number(p)]);
    expect(expected.length).toBeGreaterThan(3);
    expect(got).toEqual(expected);
  });

  it('writes any other INTEGER column holding a fractional value as double rather than truncating it, and says so', async () => {
    const odd = join(dir, 'odd.db');
    const db = openDatabase(odd);
    ingestSubmission(db, new Uint8Array(readFileSync(new URL('0000950170-24-139085.txt', SC13_DIR))), { sourceName: 'x' });
    db.sqlite.prepare('UPDATE filings SET public_document_count = 2.5').run();
    db.close();
    const t = io();
    expect(await runExportCommand(['--format', 'parquet', '--out', join(dir, 'odd'), '--db', odd, '--tables', 'filings'], { ...t, env: {} })).toBe(0);
    expect(t.stderr.text).toContain('public_document_count: INTEGER column holds fractional values, written as double');
    const got = await rows(`SELECT public_document_count FROM read_parquet('${join(dir, 'odd', 'filings')}/**/*.parquet', hive_partitioning = true)`);
    expect(got).toEqual([[2.5]]);
    expect(readdirSync(join(dir, 'odd'))).toEqual(['filings']);
  });
});
