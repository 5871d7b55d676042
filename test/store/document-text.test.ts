/**
 * Full-text search over document text: the founding sample's waiver letters (EX-12, EX-13) and agreements are found
 * by "anti-dilution", snippets show the words, binaries are not indexed, and re-indexing a filing replaces its rows.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSubmission } from '../../src/parse/index.js';
import { derivedFilingData, documentTextRows, ingestSubmission, writeDerivedRows } from '../../src/pipeline.js';
import type { EdgarDatabase } from '../../src/store/database.js';
import { searchDocuments, toFtsQuery, writeDocumentText } from '../../src/store/document-text.js';
import { openProductDatabase } from '../helpers/product-database.js';

const SAMPLE = 'samples/0001125282-03-003998.txt';
const bytes = new Uint8Array(readFileSync(new URL(`../../${SAMPLE}`, import.meta.url)));

describe('toFtsQuery', () => {
  it('turns words into a safe FTS5 query on the text column', () => {
    expect(toFtsQuery('anti-dilution waiver')).toBe('text : ("anti-dilution" "waiver")');
    expect(toFtsQuery('"conversion price" OR waiv*')).toBe('text : ("conversion price" OR "waiv"*)');
    expect(toFtsQuery('say "hi" NOT')).toBe('text : ("say" "hi")');
    expect(toFtsQuery('Section 9A: (waiver) -- ^x')).toBe('text : ("Section" "9A:" "(waiver)" "^x")');
    expect(toFtsQuery('  ')).toBe('');
  });
});

describe('writeDocumentText and searchDocuments', () => {
  let db: EdgarDatabase;
  let accession: string;

  beforeAll(() => {
    db = openProductDatabase();
    const result = ingestSubmission(db, bytes, { sourceName: SAMPLE });
    accession = result.accessionNumber;
    writeDocumentText(db, accession, documentTextRows(result.submission));
  });

  it('indexes every text document of the founding sample', () => {
    const documents = db.sqlite.prepare('SELECT count(*) FROM documents WHERE accession_number = ?').pluck().get(accession) as number;
    const indexed = db.sqlite.prepare('SELECT document_sequence, type FROM document_text ORDER BY document_sequence').all() as { type: string }[];
    expect(indexed.length).toBe(documents);
    expect(indexed.map((r) => r.type)).toEqual(expect.arrayContaining(['SC 13D/A', 'EX-12', 'EX-13']));
  });

  it('finds the waiver letters by "anti-dilution", with snippets', () => {
    const hits = searchDocuments(db.sqlite, 'anti-dilution', { limit: 20 });
    expect(hits.length).toBeGreaterThanOrEqual(2);
    const types = hits.map((h) => h.documentType);
    // The waiver letters (EX-12, EX-13) and the agreements, waivers and consents (EX-10, EX-11).
    expect(types).toEqual(expect.arrayContaining(['EX-10', 'EX-11', 'EX-12', 'EX-13']));
    for (const h of hits) {
      expect(h.accessionNumber).toBe('0001125282-03-003998');
      expect(h.formType).toBe('SC 13D/A');
      expect(h.filedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(h.snippet.toLowerCase()).toContain('**anti-dilution**');
    }
    expect(hits[0]!.subjectCompany).toMatch(/HUDSON/);
  });

  it('finds words in the letters of EX-12 and EX-13 (stemmed: "waivers" finds "waiver")', () => {
    const hits = searchDocuments(db.sqlite, 'waivers conversion price', { limit: 20 });
    expect(hits.map((h) => h.documentType)).toEqual(expect.arrayContaining(['EX-12', 'EX-13']));
  });

  it('accepts raw FTS5 syntax with --raw', () => {
    const hits = searchDocuments(db.sqlite, 'text : NEAR("conversion" "price", 3)', { raw: true, limit: 50 });
    expect(hits.length).toBeGreaterThan(0);
    expect(() => searchDocuments(db.sqlite, 'text : (', { raw: true })).toThrow(/fts5|syntax/i);
  });

  it('replaces a filing\'s rows when it is indexed again', () => {
    const before = db.sqlite.prepare('SELECT count(*) FROM document_text').pluck().get();
    writeDocumentText(db, accession, documentTextRows(parseSubmission(bytes, { sourceName: SAMPLE })));
    expect(db.sqlite.prepare('SELECT count(*) FROM document_text').pluck().get()).toBe(before);
  });

  it('keeps the text that extracted spans index into', () => {
    const text = db.sqlite.prepare("SELECT text FROM document_text WHERE type = 'EX-12'").pluck().get() as string;
    expect(text).toMatch(/anti-dilution/i);
    expect(text.length).toBeGreaterThan(1000);
  });
});

describe('writeDerivedRows', () => {
  it('chains and indexes a stored filing in one transaction with storeFiling', () => {
    const db = openProductDatabase();
    const submission = parseSubmission(bytes, { sourceName: SAMPLE });
    // What the lead's store step does: storeFiling and writeDerivedRows inside one transaction.
    db.sqlite.transaction(() => {
      const result = ingestSubmission(db, bytes, { sourceName: SAMPLE });
      writeDerivedRows(db, result.accessionNumber, derivedFilingData(submission));
    })();
    expect(db.sqlite.prepare('SELECT count(*) FROM document_text').pluck().get()).toBe(6);
    expect(db.sqlite.prepare('SELECT chain_id, method FROM amendment_chains').get()).toEqual({ chain_id: '0001125282-03-003998', method: 'unlinked' });
  });
});

describe('writeDocumentText in multi-row INSERTs', () => {
  it('stores many documents in order, searchable, and a rewrite replaces them (0001125282-03-003998)', () => {
    // The rows of a filing go in with INSERTs of up to 16 rows (one FTS5 flush per statement, not per row): 20
    // documents take two statements, whose rows must keep the input order and all be indexed.
    const db = openProductDatabase();
    const { accessionNumber } = ingestSubmission(db, bytes, { sourceName: SAMPLE });
    const rows = Array.from({ length: 20 }, (_, i) => ({ sequence: i + 1, type: `EX-${i + 1}`, text: `document ${i + 1} mentions zanzibar` }));
    db.sqlite.transaction(() => writeDocumentText(db, accessionNumber, rows, { inTransaction: true }))();
    const stored = () => db.sqlite.prepare('SELECT document_sequence AS sequence, type, text FROM document_texts WHERE accession_number = ? ORDER BY rowid').all(accessionNumber);
    expect(stored()).toEqual(rows);
    expect(db.sqlite.prepare("SELECT count(*) FROM document_text WHERE document_text MATCH 'zanzibar'").pluck().get()).toBe(20);
    writeDocumentText(db, accessionNumber, rows.slice(0, 3));
    expect(stored()).toEqual(rows.slice(0, 3));
    expect(db.sqlite.prepare("SELECT count(*) FROM document_text WHERE document_text MATCH 'zanzibar'").pluck().get()).toBe(3);
  });
});
