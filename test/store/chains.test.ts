/**
 * Amendment chains: declared links (XML previousAccessionNumber) win, then amendment numbers within the same subject
 * company, filer and form family, then date order; the result does not depend on the order filings are stored in.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestSubmission } from '../../src/pipeline.js';
import { parseSubmission } from '../../src/parse/index.js';
import { declaredPreviousAccession } from '../../src/extract/cover-page/previous-accession.js';
import { rebuildAllChains, scheduleFormFamily, updateChains } from '../../src/store/chains.js';
import type { EdgarDatabase } from '../../src/store/database.js';
import { addFiling, openProductDatabase, type TestFiling } from '../helpers/product-database.js';

const S = '0000925528';
const FLEMING = '0001105977';
const OTHER = '0001000001';

const filings: TestFiling[] = [
  { accession: '0000000001-01-000001', formType: 'SC 13D', filedAt: '2001-02-26', filedByCik: FLEMING, schedule13: {} },
  { accession: '0000000001-01-000002', formType: 'SC 13D/A', filedAt: '2001-06-01', filedByCik: FLEMING, schedule13: { amendmentNumber: 1 } },
  { accession: '0000000001-02-000003', formType: 'SC 13D/A', filedAt: '2002-01-15', filedByCik: FLEMING, schedule13: { amendmentNumber: 2 } },
  // Another filer's 13G on the same issuer: a chain of its own.
  { accession: '0000000002-02-000001', formType: 'SC 13G', filedAt: '2002-02-01', filedByCik: OTHER, schedule13: {} },
  { accession: '0000000002-03-000002', formType: 'SC 13G/A', filedAt: '2003-02-01', filedByCik: OTHER, schedule13: {} },
  // Amendment No. 3 of the 13D, filed after the 13G: must still follow No. 2, not the 13G.
  { accession: '0000000001-03-000004', formType: 'SC 13D/A', filedAt: '2003-06-25', filedByCik: FLEMING, schedule13: { amendmentNumber: 3 } },
  // XML era: declares the filing it amends (No. 2, not the latest).
  {
    accession: '0000000001-24-000005',
    formType: 'SCHEDULE 13D/A',
    filedAt: '2024-01-10',
    filedByCik: FLEMING,
    schedule13: { amendmentNumber: 4, previousAccessionNumber: '0000000001-03-000004' },
  },
  // An annual report of the issuer: not a 13D/13G, no chain row.
  { accession: '0000925528-03-000010', formType: '10-K', filedAt: '2003-03-31', filedByCik: null },
];

type Row = Record<string, unknown>;

function chainRows(db: EdgarDatabase): Row[] {
  return db.sqlite
    .prepare(
      'SELECT accession_number, chain_id, position, amends_accession_number, original_accession_number, method, form_family, is_amendment, amendment_number FROM amendment_chains ORDER BY accession_number',
    )
    .all() as Row[];
}

function storeAll(order: TestFiling[]): EdgarDatabase {
  const db = openProductDatabase();
  for (const f of order) {
    addFiling(db, f);
    updateChains(db, f.accession);
  }
  return db;
}

describe('scheduleFormFamily', () => {
  it('reads legacy and XML-era form types', () => {
    expect(scheduleFormFamily('SC 13D/A')).toEqual({ family: '13D', amendment: true });
    expect(scheduleFormFamily('SCHEDULE 13G')).toEqual({ family: '13G', amendment: false });
    expect(scheduleFormFamily('SC13G/A')).toEqual({ family: '13G', amendment: true });
    expect(scheduleFormFamily('SC TO-T/A')).toBeNull();
    expect(scheduleFormFamily('10-K')).toBeNull();
  });
});

describe('updateChains', () => {
  it('links each amendment to the filing it amends and to the original', () => {
    const db = storeAll(filings);
    const rows = chainRows(db);
    const by = new Map(rows.map((r) => [r.accession_number, r]));
    expect(rows).toHaveLength(7);
    expect(by.has('0000925528-03-000010')).toBe(false);

    const d = '0000000001-01-000001';
    expect(by.get(d)).toMatchObject({ chain_id: d, position: 0, amends_accession_number: null, original_accession_number: d, method: 'original', form_family: '13D', is_amendment: 0 });
    expect(by.get('0000000001-01-000002')).toMatchObject({ chain_id: d, position: 1, amends_accession_number: d, original_accession_number: d, method: 'amendment_number' });
    expect(by.get('0000000001-02-000003')).toMatchObject({ chain_id: d, position: 2, amends_accession_number: '0000000001-01-000002', method: 'amendment_number' });
    expect(by.get('0000000001-03-000004')).toMatchObject({ chain_id: d, position: 3, amends_accession_number: '0000000001-02-000003', method: 'amendment_number', amendment_number: 3 });
    expect(by.get('0000000001-24-000005')).toMatchObject({ chain_id: d, position: 4, amends_accession_number: '0000000001-03-000004', method: 'previous_accession_number' });

    const g = '0000000002-02-000001';
    expect(by.get(g)).toMatchObject({ chain_id: g, position: 0, method: 'original', form_family: '13G' });
    // No amendment number on the cover: linked by date order within the same subject, filer and family.
    expect(by.get('0000000002-03-000002')).toMatchObject({ chain_id: g, position: 1, amends_accession_number: g, method: 'date_order', is_amendment: 1 });
  });

  it('gives the same chains whatever order the filings are stored in', () => {
    const forward = chainRows(storeAll(filings));
    const backward = chainRows(storeAll([...filings].reverse()));
    const shuffled = chainRows(storeAll([filings[3]!, filings[6]!, filings[0]!, filings[5]!, filings[2]!, filings[7]!, filings[1]!, filings[4]!]));
    expect(backward).toEqual(forward);
    expect(shuffled).toEqual(forward);
  });

  it('recomputes without duplicating and matches a full rebuild', () => {
    const db = storeAll(filings);
    const before = chainRows(db);
    for (const f of filings) updateChains(db, f.accession);
    expect(chainRows(db)).toEqual(before);
    rebuildAllChains(db);
    expect(chainRows(db)).toEqual(before);
  });

  it('starts a chain at an amendment whose predecessors are not stored, and follows a declared link that is not stored', () => {
    const db = storeAll([
      { accession: '0000000003-05-000007', formType: 'SC 13D/A', filedAt: '2005-01-01', filedByCik: OTHER, schedule13: { amendmentNumber: 7 } },
      {
        accession: '0000000003-24-000009',
        formType: 'SCHEDULE 13D/A',
        filedAt: '2024-05-01',
        filedByCik: OTHER,
        schedule13: { amendmentNumber: 9, previousAccessionNumber: '0000000003-23-000008' },
      },
    ]);
    const [first, second] = chainRows(db);
    expect(first).toMatchObject({ chain_id: '0000000003-05-000007', position: 0, amends_accession_number: null, original_accession_number: null, method: 'unlinked' });
    // It says it amends No. 8, which is not stored: the declared link is kept, and the chain continues through No. 7.
    expect(second).toMatchObject({ chain_id: '0000000003-05-000007', position: 1, amends_accession_number: '0000000003-23-000008', method: 'previous_accession_number' });
  });

  it('starts a new chain at a new original of the same filer', () => {
    const db = storeAll([
      { accession: '0000000004-01-000001', formType: 'SC 13D', filedAt: '2001-01-01', filedByCik: OTHER, schedule13: {} },
      { accession: '0000000004-02-000002', formType: 'SC 13D/A', filedAt: '2002-01-01', filedByCik: OTHER, schedule13: { amendmentNumber: 1 } },
      { accession: '0000000004-09-000003', formType: 'SC 13D', filedAt: '2009-01-01', filedByCik: OTHER, schedule13: {} },
      { accession: '0000000004-10-000004', formType: 'SC 13D/A', filedAt: '2010-01-01', filedByCik: OTHER, schedule13: { amendmentNumber: 1 } },
    ]);
    const rows = chainRows(db);
    expect(rows.map((r) => [r.chain_id, r.position])).toEqual([
      ['0000000004-01-000001', 0],
      ['0000000004-01-000001', 1],
      ['0000000004-09-000003', 0],
      ['0000000004-09-000003', 1],
    ]);
    expect(rows[3]!.amends_accession_number).toBe('0000000004-09-000003');
  });

  it('chains a 13D with no header (bare document) on its own', () => {
    const db = storeAll([{ accession: 'local-abc', formType: 'SC 13D/A', filedAt: '2003-08-22', subjectCik: null, filedByCik: null, schedule13: { amendmentNumber: 2 } }]);
    expect(chainRows(db)).toEqual([
      expect.objectContaining({ accession_number: 'local-abc', chain_id: 'local-abc', position: 0, method: 'unlinked', is_amendment: 1, amendment_number: 2 }),
    ]);
  });

  it('chains the founding sample: an amendment whose original is not stored', () => {
    const db = openProductDatabase();
    const bytes = new Uint8Array(readFileSync(new URL('../../samples/0001125282-03-003998.txt', import.meta.url)));
    const { accessionNumber } = ingestSubmission(db, bytes, { sourceName: 'samples/0001125282-03-003998.txt' });
    updateChains(db, accessionNumber);
    const [row] = chainRows(db);
    expect(row).toMatchObject({ accession_number: '0001125282-03-003998', chain_id: '0001125282-03-003998', position: 0, method: 'unlinked', form_family: '13D', is_amendment: 1 });
    const subject = db.sqlite.prepare('SELECT subject_company_cik, filer_cik FROM amendment_chains').get();
    expect(subject).toMatchObject({ subject_company_cik: '0000925528' });
  });

  it('uses the XML previousAccessionNumber of the submission and remembers it across recomputations', () => {
    const db = openProductDatabase();
    const path = 'test/fixtures/sc13/0000950170-24-139085.txt';
    const bytes = new Uint8Array(readFileSync(new URL(`../../${path}`, import.meta.url)));
    const result = ingestSubmission(db, bytes, { sourceName: path });
    expect(declaredPreviousAccession(result.submission)).toBe('0001193125-24-037021');
    updateChains(db, result.accessionNumber, declaredPreviousAccession(result.submission));
    const row = () => db.sqlite.prepare('SELECT amends_accession_number, method, form_family, is_amendment FROM amendment_chains WHERE accession_number = ?').get(result.accessionNumber);
    const expected = { amends_accession_number: '0001193125-24-037021', method: 'previous_accession_number', form_family: '13D', is_amendment: 1 };
    expect(row()).toEqual(expected);
    // Recomputed without the submission (another filing of the issuer stored, or a full rebuild): still declared.
    const subject = db.sqlite.prepare('SELECT subject_company_cik FROM amendment_chains').pluck().get() as string;
    addFiling(db, { accession: '0000000005-25-000001', formType: 'SCHEDULE 13G', filedAt: '2025-01-01', subjectCik: subject, filedByCik: OTHER });
    updateChains(db, '0000000005-25-000001');
    expect(row()).toEqual(expected);
    rebuildAllChains(db);
    expect(row()).toEqual(expected);
  });

  it('reads previousAccessionNumber from the 13G XML era too, and none from a text filing', () => {
    const read = (path: string) => declaredPreviousAccession(parseSubmission(new Uint8Array(readFileSync(new URL(`../../${path}`, import.meta.url))), { sourceName: path }));
    expect(read('test/fixtures/sc13/0001420506-24-002350.txt')).toBe('0001171520-21-000239');
    expect(read('samples/0001125282-03-003998.txt')).toBeNull();
  });
});
