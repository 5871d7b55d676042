/**
 * Duplicate accessions. A second file with an already-stored accession silently replaced it, and "stored N"
 * overstated the database (426 said, 423 stored). Now one rule decides (src/store/duplicates.ts: the more complete
 * input wins, the newest between equals) and the store outcome says what happened. Inputs: a real full submission
 * (6 documents) and cuts of it: its header alone (what a .hdr.sgml holds) and the header with only the first document.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase, type EdgarDatabase, type StoreAction } from '../../src/store/database.js';

const full = readFileSync('test/fixtures/full/0000320193-97-000011.txt', 'latin1');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const COMPLETE = bytes(full);
const HEADER_ONLY = bytes(full.slice(0, full.indexOf('<DOCUMENT>')));
const PARTIAL = bytes(`${full.slice(0, full.indexOf('</DOCUMENT>') + '</DOCUMENT>'.length)}\n</SEC-DOCUMENT>\n`);
// The same submission with equal completeness but different bytes (a re-download with other line endings).
const COMPLETE_AGAIN = bytes(full.replace(/\n/g, '\r\n'));

function store(db: EdgarDatabase, input: Uint8Array, name: string) {
  return ingestSubmission(db, input, { sourceName: name }).store;
}

const storedFrom = (db: EdgarDatabase) => db.sqlite.prepare('SELECT source_name AS name, document_count AS documents FROM filings').get();

describe('duplicate accessions', () => {
  it('a header-only or partial copy stored after the full submission is kept out ("kept-existing"), not silently replacing it', () => {
    const db = openDatabase(':memory:');
    expect(store(db, COMPLETE, 'full.txt').action).toBe('stored');
    const headerOnly = store(db, HEADER_ONLY, 'x.hdr.sgml');
    expect(headerOnly).toMatchObject({ action: 'kept-existing', changed: false });
    expect(headerOnly.detail).toBe('kept a complete submission (6 of 6 documents) over a header-only input');
    expect(store(db, PARTIAL, 'partial.txt')).toMatchObject({ action: 'kept-existing', detail: 'kept a complete submission (6 of 6 documents) over a partial submission (1 of 6 documents)' });
    expect(storedFrom(db)).toEqual({ name: 'full.txt', documents: 6 });
    expect(db.sqlite.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(6);
    db.close();
  });

  it('the full submission replaces a header-only or partial copy stored before it ("replaced")', () => {
    const db = openDatabase(':memory:');
    expect(store(db, HEADER_ONLY, 'x.hdr.sgml').action).toBe('stored');
    expect(store(db, PARTIAL, 'partial.txt')).toMatchObject({ action: 'replaced', detail: 'a partial submission (1 of 6 documents) replaced a header-only input' });
    expect(store(db, COMPLETE, 'full.txt')).toMatchObject({ action: 'replaced', changed: true });
    expect(storedFrom(db)).toEqual({ name: 'full.txt', documents: 6 });
    db.close();
  });

  it('between equally complete inputs the newest replaces; the same bytes again are "unchanged"', () => {
    const db = openDatabase(':memory:');
    store(db, COMPLETE, 'first.txt');
    expect(store(db, COMPLETE_AGAIN, 'second.txt')).toMatchObject({ action: 'replaced', detail: 'a complete submission (6 of 6 documents) replaced a complete submission (6 of 6 documents)' });
    expect(storedFrom(db)).toEqual({ name: 'second.txt', documents: 6 });
    expect(store(db, COMPLETE_AGAIN, 'second.txt').action).toBe('unchanged');
    db.close();
  });

  it('the counts of a batch with duplicates tell the truth: written outcomes = filings in the database', () => {
    const db = openDatabase(':memory:');
    const other = readFileSync('test/fixtures/full/0001000685-98-000002.txt');
    const actions: StoreAction[] = [
      store(db, COMPLETE, 'a'),
      store(db, HEADER_ONLY, 'b'),
      store(db, new Uint8Array(other), 'c'),
      store(db, COMPLETE, 'a'),
      store(db, COMPLETE_AGAIN, 'd'),
    ].map((o) => o.action);
    expect(actions).toEqual(['stored', 'kept-existing', 'stored', 'unchanged', 'replaced']);
    expect(db.sqlite.prepare('SELECT count(*) FROM filings').pluck().get()).toBe(actions.filter((a) => a === 'stored').length);
    db.close();
  });
});
