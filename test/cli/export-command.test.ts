/**
 * `edgar-extract export`: one file per table and view (the full-text table too, never FTS5's shadow tables), CSV
 * with a header row and RFC 4180 quoting, JSON arrays that hold exactly the rows of the table.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExportCommand } from '../../src/cli/export-command.js';
import { documentTextRows, ingestSubmission } from '../../src/pipeline.js';
import { updateChains } from '../../src/store/chains.js';
import { openDatabase } from '../../src/store/database.js';
import { listSchemaObjects } from '../../src/store/docs.js';
import { writeDocumentText } from '../../src/store/document-text.js';
import { io } from '../helpers/cli-output.js';
import { openProductDatabase } from '../helpers/product-database.js';

const sample = new Uint8Array(readFileSync(new URL('../../samples/0001125282-03-003998.txt', import.meta.url)));
let dir: string;
let dbPath: string;
let objects: string[];
let counts: Map<string, number>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edgar-export-'));
  dbPath = join(dir, 'edgar.db');
  const db = openProductDatabase(dbPath);
  const result = ingestSubmission(db, sample, { sourceName: 'samples/0001125282-03-003998.txt' });
  writeDocumentText(db, result.accessionNumber, documentTextRows(result.submission));
  updateChains(db, result.accessionNumber);
  objects = listSchemaObjects(db.sqlite).objects.map((o) => o.name);
  counts = new Map(objects.map((name) => [name, db.sqlite.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]));
  db.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function exportTo(format: string, ...extra: string[]) {
  const out = join(dir, `out-${format}-${extra.join('-')}`);
  const streams = io();
  const code = await runExportCommand(['--format', format, '--out', out, '--db', dbPath, ...extra], streams);
  return { code, out, stderr: streams.stderr.text };
}

describe('export', () => {
  it('writes one CSV file per table and view', async () => {
    const r = await exportTo('csv');
    expect(r.code).toBe(0);
    expect(readdirSync(r.out).sort()).toEqual(objects.map((o) => `${o}.csv`).sort());
    expect(objects).toEqual(expect.arrayContaining(['filings', 'documents', 'amendment_chains', 'document_text', 'latest_positions']));
    expect(objects.some((o) => o.startsWith('document_text_'))).toBe(false);
    const filings = readFileSync(join(r.out, 'filings.csv'), 'utf8').split('\r\n');
    expect(filings[0]).toMatch(/^accession_number,form_type,filed_at,/);
    expect(filings[1]).toMatch(/^0001125282-03-003998,SC 13D\/A,/);
    expect(filings).toHaveLength(3); // header, one row, and the empty string after the last CRLF
    expect(r.stderr).toMatch(/wrote .*filings\.csv \(1 row\)/);
  });

  it('quotes document text so that a CSV reader gets it back whole', async () => {
    const r = await exportTo('csv', '--tables', 'document_text');
    expect(readdirSync(r.out)).toEqual(['document_text.csv']);
    const csv = readFileSync(join(r.out, 'document_text.csv'), 'utf8');
    expect(csv.startsWith('accession_number,document_sequence,type,text\r\n0001125282-03-003998,1,SC 13D/A,"')).toBe(true);
  });

  it('writes JSON arrays holding every row', async () => {
    const r = await exportTo('json');
    expect(r.code).toBe(0);
    for (const name of objects) {
      const rows = JSON.parse(readFileSync(join(r.out, `${name}.json`), 'utf8')) as unknown[];
      expect(rows.length, name).toBe(counts.get(name));
    }
    const [documents] = [JSON.parse(readFileSync(join(r.out, 'documents.json'), 'utf8')) as Record<string, unknown>[]];
    expect(documents[0]).toMatchObject({ accession_number: '0001125282-03-003998', ordinal: 1 });
    expect(JSON.parse(readFileSync(join(r.out, 'group_members.json'), 'utf8'))).toEqual(expect.any(Array));
  });

  it('refuses to run without --format or --out, or with an unknown table', async () => {
    const streams = io();
    expect(await runExportCommand(['--out', join(dir, 'x'), '--db', dbPath], streams)).toBe(2);
    expect(streams.stderr.text).toMatch(/required option '--format <format>' not specified/);
    expect(await runExportCommand(['--format', 'csv', '--db', dbPath], io())).toBe(2);
    expect(await runExportCommand(['--format', 'xml', '--out', join(dir, 'x'), '--db', dbPath], io())).toBe(2);
    const unknown = io();
    expect(await runExportCommand(['--format', 'csv', '--out', join(dir, 'y'), '--db', dbPath, '--tables', 'nope'], unknown)).toBe(2);
    expect(unknown.stderr.text).toMatch(/no such table or view: nope/);
    expect(existsSync(join(dir, 'y'))).toBe(false);
    const parquet = io();
    expect(await runExportCommand(['--format', 'parquet', '--out', join(dir, 'z'), '--db', dbPath, '--tables', 'nope'], parquet)).toBe(2);
    expect(parquet.stderr.text).toMatch(/no such table or view: nope/);
    expect(existsSync(join(dir, 'z'))).toBe(false);
  });

  it('exports a core database (no views yet) too', async () => {
    const core = join(dir, 'core.db');
    openDatabase(core).close();
    const streams = io();
    const out = join(dir, 'core-out');
    expect(await runExportCommand(['--format', 'csv', '--out', out, '--db', core], streams)).toBe(0);
    expect(readdirSync(out)).toContain('filings.csv');
    expect(readFileSync(join(out, 'filings.csv'), 'utf8')).toMatch(/^accession_number,.*\r\n$/);
  });
});

describe('export: regressions of issue 11', () => {
  it('never writes outside --out, even for a view named ../../x', async () => {
    const hostile = join(dir, 'hostile.db');
    const db = openDatabase(hostile);
    db.sqlite.exec('CREATE VIEW "../../x" AS SELECT 1 AS one');
    db.sqlite.exec('CREATE VIEW "/etc/evil" AS SELECT 2 AS two');
    db.close();
    const out = join(dir, 'nested', 'out');
    const streams = io();
    expect(await runExportCommand(['--format', 'csv', '--out', out, '--db', hostile, '--tables', '../../x,/etc/evil'], streams)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['__.._x.csv', '_etc_evil.csv'].sort());
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
    expect(readFileSync(join(out, '__.._x.csv'), 'utf8')).toBe('one\r\n1\r\n');
  });

  it('a Parquet export never names (and so never replaces) a folder outside --out, even for a view named ..', async () => {
    const hostile = join(dir, 'hostile-parquet.db');
    const db = openDatabase(hostile);
    db.sqlite.exec('CREATE VIEW ".." AS SELECT 1 AS one');
    db.sqlite.exec('CREATE VIEW "../sibling" AS SELECT 2 AS two');
    db.close();
    const out = join(dir, 'pq-nested', 'out');
    const sibling = join(dir, 'pq-nested', 'sibling');
    mkdirSync(sibling, { recursive: true });
    writeFileSync(join(sibling, 'keep.txt'), 'still here');
    expect(await runExportCommand(['--format', 'parquet', '--out', out, '--db', hostile, '--tables', '..,../sibling'], io())).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['_', '__sibling']);
    expect(readFileSync(join(sibling, 'keep.txt'), 'utf8')).toBe('still here');
    expect(readdirSync(join(dir, 'pq-nested')).sort()).toEqual(['out', 'sibling']);
  });

  it('says --out is a file in one line instead of a stack trace', async () => {
    const file = join(dir, 'a-file.txt');
    writeFileSync(file, 'x');
    const streams = io();
    expect(await runExportCommand(['--format', 'csv', '--out', file, '--db', dbPath], streams)).toBe(2);
    expect(streams.stderr.text).toBe(`edgar-extract export: --out ${file} is a file; give a folder to write the tables into\n`);
  });

  it('fails at once for an --out the system will not create (/proc/x looped forever)', async () => {
    if (!existsSync('/proc/self')) return;
    const streams = io();
    expect(await runExportCommand(['--format', 'csv', '--out', '/proc/edgar-extract-test/x', '--db', dbPath], streams)).toBe(2);
    expect(streams.stderr.text).toMatch(/^edgar-extract export: cannot create --out \/proc\/edgar-extract-test\/x: /);
  });
});
