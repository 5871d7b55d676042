// Store and read back: what the pipeline writes is what SQL reads, and storing twice changes nothing.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/database.js';

const SAMPLE = 'samples/0001125282-03-003998.txt';

describe('store round trip', () => {
  it('writes the founding sample and reads it back with SQL', () => {
    const db = openDatabase(':memory:');
    ingestSubmission(db, readFileSync(SAMPLE), { sourceName: SAMPLE });
    const sql = db.sqlite;
    expect(sql.prepare("SELECT type, filename FROM documents WHERE accession_number = '0001125282-03-003998' ORDER BY sequence").all()).toEqual([
      { type: 'SC 13D/A', filename: 'b325596_sch13da.txt' },
      { type: 'EX-1', filename: 'b325596_ex1.txt' },
      { type: 'EX-10', filename: 'b325596_ex10.txt' },
      { type: 'EX-11', filename: 'b325596_ex11.txt' },
      { type: 'EX-12', filename: 'b325596_ex12.txt' },
      { type: 'EX-13', filename: 'b325596_ex13.txt' },
    ]);
    expect(sql.prepare('SELECT role, name, cik FROM filing_entities ORDER BY ordinal').all()).toEqual([
      { role: 'filed_by', name: 'FLEMING US DISCOVERY FUND III LP', cik: '0001024780' },
      { role: 'subject_company', name: 'HUDSON TECHNOLOGIES INC /NY', cik: '0000925528' },
    ]);
    expect(sql.prepare('SELECT form_type, filed_at, acceptance_datetime, public_document_count, document_count, source_format, pem_wrapped FROM filings').get()).toEqual({
      form_type: 'SC 13D/A',
      filed_at: '2003-06-25',
      acceptance_datetime: '2003-06-25T16:05:02',
      public_document_count: 6,
      document_count: 6,
      source_format: 'flattened-submission',
      pem_wrapped: 1,
    });
    expect(sql.prepare('SELECT former_conformed_name, date_changed FROM former_names').all()).toEqual([{ former_conformed_name: 'REFRIGERANT RECLAMATION INDUSTRIES INC', date_changed: '1994-06-17' }]);
    expect(sql.prepare('SELECT name FROM group_members').pluck().all()).toEqual(['FLEMING US DISCOVERY OFFSHORE FUND III, L.P.']);
    // The stored body span cuts the document out of the source file.
    const ex12 = sql.prepare("SELECT span_start, span_end FROM documents WHERE type = 'EX-12'").get() as { span_start: number; span_end: number };
    expect(readFileSync(SAMPLE).subarray(ex12.span_start, ex12.span_end).toString('latin1')).toMatch(/^Exhibit 12 April 10, 2003/);
    db.close();
  });

  it('is idempotent: the same input twice changes nothing, not even stored_at', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgar-store-'));
    const path = join(dir, 'edgar.db');
    const bytes = readFileSync('test/fixtures/full/0001193125-25-120935.txt');
    const first = openDatabase(path);
    expect(ingestSubmission(first, bytes, { sourceName: 'x' }).store.changed).toBe(true);
    const dump = (db: ReturnType<typeof openDatabase>) =>
      ['filings', 'filing_entities', 'former_names', 'group_members', 'documents', 'warnings'].map((t) => db.sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
    const before = dump(first);
    expect(ingestSubmission(first, bytes, { sourceName: 'x' }).store.changed).toBe(false);
    first.close();
    const second = openDatabase(path);
    expect(dump(second)).toEqual(before);
    expect(second.sqlite.prepare("SELECT count(*) FROM filing_entities WHERE role = 'filer'").pluck().get()).toBe(399);
    second.close();
  });

  it('replaces every row of a filing when its bytes change, in one transaction', () => {
    const db = openDatabase(':memory:');
    const original = readFileSync('test/fixtures/full/0000109446-94-000005.txt', 'latin1');
    // Stored first: a copy declaring a document it lacks (partial); then the complete original replaces all of it.
    const partial = original.replace(/PUBLIC DOCUMENT COUNT:\s*1/, 'PUBLIC DOCUMENT COUNT:\t\t2');
    ingestSubmission(db, Buffer.from(partial, 'latin1'));
    expect(db.sqlite.prepare('SELECT code FROM warnings').pluck().all()).toEqual(['DOCUMENT_COUNT_MISMATCH']);
    expect(ingestSubmission(db, Buffer.from(original, 'latin1')).store.action).toBe('replaced');
    expect(db.sqlite.prepare('SELECT count(*) FROM filings').pluck().get()).toBe(1);
    expect(db.sqlite.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
    expect(db.sqlite.prepare('SELECT code FROM warnings').pluck().all()).toEqual([]);
    db.close();
  });

  it('a failure inside the transaction leaves the previously stored filing untouched', () => {
    const db = openDatabase(':memory:');
    ingestSubmission(db, readFileSync(SAMPLE), { sourceName: SAMPLE });
    const before = db.sqlite.prepare('SELECT * FROM documents ORDER BY ordinal').all();
    // A row that violates a CHECK (negative bytes) makes the whole filing's transaction roll back.
    expect(() =>
      db.storeFiling({
        filings: [{ ...(db.sqlite.prepare('SELECT * FROM filings').get() as object), accessionNumber: '0001125282-03-003998', sourceSha256: 'different', pipelineVersion: 'x', sourceFormat: 'full-submission', pemWrapped: false, documentCount: 1, sourceBytes: 1, storedAt: 'now' }],
        documents: [{ accessionNumber: '0001125282-03-003998', ordinal: 1, format: 'text', bytes: -1, spanStart: 0, spanEnd: 0 }],
      }),
    ).toThrow(/CHECK constraint failed/);
    expect(db.sqlite.prepare('SELECT * FROM documents ORDER BY ordinal').all()).toEqual(before);
    db.close();
  });

  it('records its migrations', () => {
    const db = openDatabase(':memory:');
    const versions = db.sqlite.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    db.close();
  });
});

describe('regressions', () => {
  it('regression: a single exhibit named after its submission (…-ex13.txt) no longer replaces the whole filing', () => {
    const db = openDatabase(':memory:');
    ingestSubmission(db, readFileSync(SAMPLE), { sourceName: SAMPLE });
    const exhibit = ingestSubmission(db, readFileSync('samples/0001125282-03-003998-ex13.txt'), { sourceName: 'samples/0001125282-03-003998-ex13.txt' });
    expect(exhibit.accessionNumber).toMatch(/^local-[0-9a-f]{20}$/);
    expect(db.sqlite.prepare("SELECT count(*) FROM documents WHERE accession_number = '0001125282-03-003998'").pluck().get()).toBe(6);
    expect(db.sqlite.prepare('SELECT named_accession_number FROM filings WHERE accession_number = ?').pluck().get(exhibit.accessionNumber)).toBe('0001125282-03-003998');
    db.close();
  });
});

describe('storing a new accession writes without deleting first', () => {
  // storeFiling skips the per-table DELETEs for an accession not yet stored. That is sound only while no per-filing
  // row can exist without its filing row: each such table must reference `filings` (and the connection enforce it).
  it('every per-filing table references filings, and the connection enforces foreign keys', async () => {
    const { allTables } = await import('../../src/store/migrations.js');
    const db = openDatabase(':memory:');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const perFiling = allTables().filter((t) => t.perFiling && t.name !== 'filings');
    expect(perFiling.length).toBeGreaterThan(20);
    for (const table of perFiling) {
      const keys = db.sqlite.pragma(`foreign_key_list(${table.name})`) as { table: string; from: string; on_delete: string }[];
      expect(keys, table.name).toContainEqual(expect.objectContaining({ table: 'filings', from: 'accession_number', on_delete: 'CASCADE' }));
    }
    db.close();
  });
});
