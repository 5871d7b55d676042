/**
 * The views answer the common questions: latest_positions (newest cover figures per issuer and person, with names
 * matched regardless of case and punctuation), ownership_history (every figure in filing order with the change),
 * and the optional notes_outstanding / waivers_by_issuer, created only when their tables exist.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { updateChains } from '../../src/store/chains.js';
import { nameKey } from '../../src/extract/name-key.js';
import { optionalViewSql, viewSql } from '../../src/store/views.js';
import { addFiling, insertRow, openProductDatabase, type TestFiling } from '../helpers/product-database.js';

const HUDSON = '0000925528';
const OTHER_ISSUER = '0000111111';
const US_FUND = 'FLEMING US DISCOVERY FUND III, L.P.';

const filings: TestFiling[] = [
  {
    accession: '0000000001-01-000001',
    formType: 'SC 13D',
    filedAt: '2001-02-26',
    schedule13: {},
    persons: [
      { name: 'Fleming US Discovery Fund III, L.P.', sole: 4000000, aggregate: 4000000, percent: 45.1 },
      { name: 'Fleming US Discovery Offshore Fund III, L.P.', sole: 650000, aggregate: 650000, percent: 10.2 },
    ],
  },
  {
    accession: '0000000001-02-000002',
    formType: 'SC 13D/A',
    filedAt: '2002-03-01',
    schedule13: { amendmentNumber: 1 },
    persons: [{ name: 'FLEMING US DISCOVERY FUND III LP', sole: 4250000, aggregate: 4250000, percent: 47.0 }],
  },
  {
    accession: '0001125282-03-003998',
    formType: 'SC 13D/A',
    filedAt: '2003-06-25',
    schedule13: { amendmentNumber: 2 },
    persons: [
      { name: US_FUND, sole: 4413110, aggregate: null, percent: null },
      { name: 'FLEMING US DISCOVERY OFFSHORE FUND III, L.P.', sole: 707448, aggregate: null, percent: null },
    ],
  },
  // The same fund on another issuer: a separate pair.
  {
    accession: '0000000009-03-000001',
    formType: 'SC 13G',
    filedAt: '2003-07-01',
    subjectCik: OTHER_ISSUER,
    subjectName: 'OTHER CO',
    schedule13: { issuerName: 'Other Co', cusip: '000111222' },
    persons: [{ name: US_FUND, sole: 100, aggregate: 100, percent: 1.5 }],
  },
];

function build() {
  const db = openProductDatabase();
  for (const f of filings) {
    addFiling(db, f);
    updateChains(db, f.accession);
  }
  return db;
}

describe('nameKey', () => {
  it('matches names regardless of case, punctuation and spacing', () => {
    expect(nameKey('Fleming US Discovery Fund III, L.P.')).toBe('FLEMING US DISCOVERY FUND III LP');
    expect(nameKey('  FLEMING   US DISCOVERY\nFUND III LP ')).toBe('FLEMING US DISCOVERY FUND III LP');
    expect(nameKey("O'Brien & Co.-Partners")).toBe('OBRIEN AND CO PARTNERS');
    expect(nameKey(null)).toBeNull();
  });
});

describe('regressions', () => {
  it('regression: view SQL nested ~30 replace() calls, which overflowed the parser stack of the sqlite3 3.40 shell', () => {
    // Nesting depth of parentheses in every view definition stays small enough for any stock sqlite3 build.
    const depth = (sql: string) => {
      let d = 0;
      let max = 0;
      for (const ch of sql.replace(/'[^']*'/g, "''")) {
        if (ch === '(') max = Math.max(max, ++d);
        else if (ch === ')') d -= 1;
      }
      return max;
    };
    for (const sql of [...viewSql, ...optionalViewSql(['notes', 'waivers', 'schedule13'])]) expect(depth(sql)).toBeLessThanOrEqual(12);
  });
});

describe('latest_positions', () => {
  it('gives, per issuer and person, the newest figures and the filing they come from', () => {
    const db = build();
    const rows = db.sqlite.prepare('SELECT * FROM latest_positions WHERE issuer_cik = ? ORDER BY person_key').all(HUDSON) as Record<string, unknown>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      issuer_cik: HUDSON,
      person_key: 'FLEMING US DISCOVERY FUND III LP',
      reporting_person: US_FUND,
      accession_number: '0001125282-03-003998',
      filed_at: '2003-06-25',
      amendment_number: 2,
      sole_voting_power: 4413110,
      aggregate_amount: null,
      filings_count: 3,
      first_filed_at: '2001-02-26',
      chain_id: '0000000001-01-000001',
      chain_position: 2,
    });
    expect(rows[1]).toMatchObject({ person_key: 'FLEMING US DISCOVERY OFFSHORE FUND III LP', sole_voting_power: 707448, filings_count: 2 });
    const other = db.sqlite.prepare('SELECT issuer_name, sole_voting_power FROM latest_positions WHERE issuer_cik = ?').all(OTHER_ISSUER);
    expect(other).toEqual([{ issuer_name: 'Other Co', sole_voting_power: 100 }]);
    expect(db.sqlite.prepare('SELECT count(*) FROM latest_positions').pluck().get()).toBe(3);
  });

  it('keeps issuers without a CIK apart by name', () => {
    const db = build();
    for (const [accession, issuer] of [
      ['local-a', 'Alpha Corp'],
      ['local-b', 'Beta Corp'],
    ] as const) {
      addFiling(db, { accession, formType: 'SC 13D', filedAt: '2004-01-01', subjectCik: null, filedByCik: null, schedule13: { issuerName: issuer }, persons: [{ name: 'John Smith', sole: 5 }] });
    }
    const rows = db.sqlite.prepare('SELECT issuer_name FROM latest_positions WHERE issuer_cik IS NULL ORDER BY issuer_name').pluck().all();
    expect(rows).toEqual(['Alpha Corp', 'Beta Corp']);
  });
});

describe('ownership_history', () => {
  it('lists every cover figure in filing order with the change from the prior filing', () => {
    const db = build();
    const rows = db.sqlite
      .prepare(
        `SELECT accession_number, history_position, sole_voting_power, sole_voting_power_change, percent_of_class_change, prior_accession_number, prior_filed_at, chain_position
         FROM ownership_history WHERE issuer_cik = ? AND person_key = ? ORDER BY history_position`,
      )
      .all(HUDSON, 'FLEMING US DISCOVERY FUND III LP');
    expect(rows).toEqual([
      { accession_number: '0000000001-01-000001', history_position: 1, sole_voting_power: 4000000, sole_voting_power_change: null, percent_of_class_change: null, prior_accession_number: null, prior_filed_at: null, chain_position: 0 },
      { accession_number: '0000000001-02-000002', history_position: 2, sole_voting_power: 4250000, sole_voting_power_change: 250000, percent_of_class_change: expect.closeTo(1.9, 6), prior_accession_number: '0000000001-01-000001', prior_filed_at: '2001-02-26', chain_position: 1 },
      // 2003: percent given as prose on the cover → NULL, so no change can be computed.
      { accession_number: '0001125282-03-003998', history_position: 3, sole_voting_power: 4413110, sole_voting_power_change: 163110, percent_of_class_change: null, prior_accession_number: '0000000001-02-000002', prior_filed_at: '2002-03-01', chain_position: 2 },
    ]);
  });
});

describe('optional views', () => {
  it('are created only for the tables that exist', () => {
    expect(optionalViewSql([])).toEqual([]);
    expect(optionalViewSql(['notes']).map((s) => /CREATE VIEW (\w+)/.exec(s)![1])).toEqual(['notes_outstanding']);
    expect(optionalViewSql(['waivers', 'notes', 'schedule13']).map((s) => /CREATE VIEW (\w+)/.exec(s)![1])).toEqual(['notes_outstanding', 'waivers_by_issuer']);
    expect(viewSql.map((s) => /CREATE VIEW (\w+)/.exec(s)![1])).toEqual(['cover_pages', 'latest_positions', 'ownership_history']);
  });

  it('notes_outstanding gives the notes of each holder\'s newest filing stating notes', () => {
    const db = build();
    const note = (accession: string, ordinal: number, instrument: string, principal: number, maturity: string) =>
      insertRow(db.sqlite, 'notes', { accession_number: accession, ordinal, holder: 'Fleming US Discovery Fund III, L.P.', holder_key: 'FLEMING US DISCOVERY FUND III LP', instrument, principal, interest_rate: 10, maturity_date: maturity, conversion_price: 0.7924 });
    note('0000000001-02-000002', 1, 'Exchange Notes', 300000, '2004-12-20');
    note('0001125282-03-003998', 1, 'Exchange Notes', 349939.27, '2004-12-20');
    note('0001125282-03-003998', 2, 'Convertible Notes', 302000, '2004-12-20');
    const rows = db.sqlite.prepare('SELECT issuer_cik, issuer_name, holder_key, instrument, principal, matured, accession_number FROM notes_outstanding ORDER BY instrument').all();
    expect(rows).toEqual([
      { issuer_cik: HUDSON, issuer_name: 'HUDSON TECHNOLOGIES, INC.', holder_key: 'FLEMING US DISCOVERY FUND III LP', instrument: 'Convertible Notes', principal: 302000, matured: 1, accession_number: '0001125282-03-003998' },
      { issuer_cik: HUDSON, issuer_name: 'HUDSON TECHNOLOGIES, INC.', holder_key: 'FLEMING US DISCOVERY FUND III LP', instrument: 'Exchange Notes', principal: 349939.27, matured: 1, accession_number: '0001125282-03-003998' },
    ]);
  });

  it('waivers_by_issuer gives each waiver with its issuer and filing date', () => {
    const db = build();
    insertRow(db.sqlite, 'waivers', {
      accession_number: '0001125282-03-003998',
      ordinal: 1,
      document_sequence: 6,
      document_type: 'EX-12',
      kind: 'waiver_letter',
      dated: '2003-04-10',
      effective_date: '2002-12-20',
      holder: US_FUND,
      counterparty: 'Hudson Technologies, Inc.',
      old_conversion_price: 0.7924,
      new_conversion_price: 1.13,
    });
    const rows = db.sqlite.prepare('SELECT issuer_cik, filed_at, document_type, old_conversion_price, new_conversion_price FROM waivers_by_issuer WHERE issuer_cik = ?').all(HUDSON);
    expect(rows).toEqual([{ issuer_cik: HUDSON, filed_at: '2003-06-25', document_type: 'EX-12', old_conversion_price: 0.7924, new_conversion_price: 1.13 }]);
  });
});
