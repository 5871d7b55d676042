/**
 * `edgar-extract sql`: read-only by construction (a write is refused with a clear message and exit 2, and the
 * database is unchanged), a readable table by default, CSV quoted per RFC 4180, JSON as an array of objects.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/cli/query-output.js';
import { runSqlCommand } from '../../src/cli/sql-command.js';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/database.js';
import { io } from '../helpers/cli-output.js';

let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edgar-sql-'));
  dbPath = join(dir, 'edgar.db');
  const db = openDatabase(dbPath);
  ingestSubmission(db, new Uint8Array(readFileSync(new URL('../../samples/0001125282-03-003998.txt', import.meta.url))), { sourceName: 'sample' });
  db.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sql(...argv: string[]) {
  const out = io();
  const code = await runSqlCommand([...argv, '--db', dbPath], out);
  return { code, stdout: out.stdout.text, stderr: out.stderr.text };
}

function fingerprint() {
  const db = new Database(dbPath, { readonly: true });
  try {
    return {
      filings: db.prepare('SELECT count(*) FROM filings').pluck().get(),
      documents: db.prepare('SELECT count(*) FROM documents').pluck().get(),
      objects: db.prepare('SELECT group_concat(name) FROM (SELECT name FROM sqlite_master ORDER BY name)').pluck().get(),
      userVersion: db.pragma('user_version', { simple: true }),
      journal: db.pragma('journal_mode', { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe('sql: reading', () => {
  it('prints a readable table by default', async () => {
    const r = await sql('SELECT accession_number, form_type, document_count FROM filings');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^accession_number\s+form_type\s+document_count$/);
    expect(lines[1]).toMatch(/^-+ +-+ +-+$/);
    expect(lines[2]).toMatch(/^0001125282-03-003998\s+SC 13D\/A\s+6$/);
    expect(r.stderr).toBe('1 row\n');
  });

  it('prints JSON: an array of objects with SQL types kept', async () => {
    const r = await sql("SELECT accession_number, document_count, NULL AS missing, 1.5 AS half FROM filings", '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ accession_number: '0001125282-03-003998', document_count: 6, missing: null, half: 1.5 }]);
  });

  it('prints CSV with RFC 4180 quoting and CRLF line ends', async () => {
    const r = await sql(`SELECT 'a,b' AS comma, 'say "hi"' AS quote, 'line1' || char(10) || 'line2' AS newline, NULL AS empty, 'plain' AS plain, 42 AS n`, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('comma,quote,newline,empty,plain,n\r\n"a,b","say ""hi""","line1\nline2",,plain,42\r\n');
  });

  it('allows reading pragmas and the query plan', async () => {
    expect((await sql('PRAGMA table_info(filings)', '--format', 'json')).code).toBe(0);
    expect((await sql('EXPLAIN QUERY PLAN SELECT * FROM filings WHERE accession_number = 1')).code).toBe(0);
    expect((await sql('SELECT count(*) FROM pragma_table_info(\'filings\')')).stdout).toMatch(/\b20\b/);
  });
});

describe('sql: writes are refused (exit 2, database unchanged)', () => {
  const writes = [
    "INSERT INTO filings (accession_number) VALUES ('x')",
    'DELETE FROM filings',
    "UPDATE filings SET form_type = 'X'",
    'DROP TABLE warnings',
    'CREATE TABLE t (a)',
    'CREATE INDEX i ON filings (source_name)',
    "WITH doomed AS (SELECT accession_number FROM filings) DELETE FROM filings WHERE accession_number IN doomed",
    "\n-- a comment first\nINSERT INTO warnings (accession_number) VALUES ('x')",
    "/* block */ DELETE FROM documents",
    `ATTACH DATABASE '${'placeholder'}' AS other`,
    'DETACH DATABASE main',
    'PRAGMA user_version = 7',
    'PRAGMA journal_mode = DELETE',
    'pragma main.user_version=7',
    'PRAGMA optimize',
    'PRAGMA wal_checkpoint(TRUNCATE)',
    'VACUUM',
    'REINDEX',
    'ANALYZE',
  ];

  it.each(writes)('%s', async (statement) => {
    const before = fingerprint();
    const text = statement.replace('placeholder', join(dir, 'other.db'));
    const r = await sql(text);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^edgar-extract sql: .*(refused|read-only|readonly|cannot run)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fingerprint()).toEqual(before);
  });

  it('refuses VACUUM INTO, which would write a new file', async () => {
    const target = join(dir, 'copy.db');
    const r = await sql(`VACUUM INTO '${target}'`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/VACUUM is refused/);
    expect(() => readFileSync(target)).toThrow();
  });

  it('says why in words', async () => {
    expect((await sql('DELETE FROM filings')).stderr).toBe('edgar-extract sql: this statement would write to the database (DELETE), and the sql command is read-only\n');
    expect((await sql("ATTACH 'x.db' AS x")).stderr).toMatch(/ATTACH is refused/);
    expect((await sql('PRAGMA user_version = 3')).stderr).toMatch(/PRAGMA user_version = … is refused/);
  });
});

describe('sql: usage errors (exit 2)', () => {
  it.each([
    [['SELECT 1; SELECT 2'], /one statement at a time/],
    [['SELEC nonsense'], /the query cannot run: near "SELEC"/],
    [['SELECT * FROM no_such_table'], /no such table: no_such_table/],
    [['SELECT 1', '--format', 'xml'], /argument 'xml' is invalid. Allowed choices are table, csv, json, ndjson/],
    [[], /sql needs a query/],
    [['SELECT 1', 'SELECT 2'], /too many arguments for 'sql'/],
  ])('%j', async (argv, message) => {
    const r = await sql(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
  });

  it('a missing database file is a usage error, and is not created', async () => {
    const out = io();
    const missing = join(dir, 'missing.db');
    expect(await runSqlCommand(['SELECT 1', '--db', missing], out)).toBe(2);
    expect(out.stderr.text).toMatch(/no database at .*missing\.db/);
    expect(() => readFileSync(missing)).toThrow();
  });

  it('--help prints the usage', async () => {
    const out = io();
    expect(await runSqlCommand(['--help'], out)).toBe(0);
    expect(out.stdout.text).toMatch(/^Usage: edgar-extract sql/);
  });
});

describe('csv helpers', () => {
  it('quote only what RFC 4180 requires', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('')).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(3.25)).toBe('3.25');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('"')).toBe('""""');
    expect(csvField(Buffer.from('hi'))).toBe('aGk=');
    expect(csvField(2n ** 63n - 1n)).toBe('9223372036854775807');
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe('sql: regressions of issue 11', () => {
  it('refuses function-form pragmas that set something (PRAGMA query_only(0))', async () => {
    for (const statement of ['PRAGMA query_only(0)', 'PRAGMA main.journal_mode(DELETE)', 'pragma user_version (7)']) {
      const r = await sql(statement);
      expect(r.code, statement).toBe(2);
      expect(r.stderr, statement).toMatch(/is refused: it changes a setting/);
    }
    // Reading pragmas that take a name in parentheses still work.
    expect((await sql('PRAGMA table_info(filings)', '--format', 'csv')).stdout).toMatch(/^cid,name,type,/);
  });

  it('accepts read-only pragmas with a schema name (PRAGMA main.journal_mode)', async () => {
    const r = await sql('PRAGMA main.journal_mode', '--format', 'csv');
    expect(r).toMatchObject({ code: 0, stdout: 'journal_mode\r\nwal\r\n' });
  });

  it('takes SQL that begins with a -- comment as the query, not as an option', async () => {
    const r = await sql('-- how many filings?\nSELECT count(*) AS n FROM filings', '--format', 'csv');
    expect(r).toMatchObject({ code: 0, stdout: 'n\r\n1\r\n' });
    const block = await sql('/* count */ SELECT 1 AS one', '--format', 'csv');
    expect(block).toMatchObject({ code: 0, stdout: 'one\r\n1\r\n' });
  });

  it('stops a query that runs forever (a recursive CTE) after --timeout seconds, exit 1', async () => {
    const started = Date.now();
    const r = await sql('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c', '--timeout', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ran longer than 1 s and was stopped/);
    // Generous: the point is that it ends at all, not how fast.
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('has a time limit by default', async () => {
    const help = io();
    await runSqlCommand(['--help'], help);
    expect(help.stdout.text).toMatch(/--timeout <seconds>.*\(default: 5\)/);
  });
});
