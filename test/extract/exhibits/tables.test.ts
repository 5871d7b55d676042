/**
 * The exhibits table models: their DDL is valid SQLite, every column is documented, and the extractor's rows for the
 * founding samples insert under the keys and CHECKs (read back with SQL). Uses an in-memory database.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { extractExhibits, exhibitTableViews } from '../../../src/extract/exhibits/index.js';
import { parseSubmission } from '../../../src/parse/index.js';
import { camelCase, createTableSql, toSqlValue } from '../../../src/store/model.js';
import { documentClassColumns, exhibitTables } from '../../../src/store/tables/exhibits.js';

const ROOT = new URL('../../../', import.meta.url);

function database(): Database.Database {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE filings (accession_number TEXT PRIMARY KEY)');
  for (const t of exhibitTables) for (const sql of createTableSql(t)) db.exec(sql);
  return db;
}

function store(db: Database.Database, accession: string, tables: Partial<Record<string, readonly object[]>>): void {
  db.prepare('INSERT INTO filings VALUES (?)').run(accession);
  for (const t of exhibitTables) {
    const cols = t.columns.map((c) => c.name);
    const insert = db.prepare(`INSERT INTO ${t.name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    for (const row of tables[t.name] ?? []) {
      insert.run(cols.map((c) => (c === 'accession_number' ? accession : toSqlValue((row as Record<string, unknown>)[camelCase(c)]))));
    }
  }
}

describe('exhibit table models', () => {
  it('document every column and name no column the extractor does not produce', () => {
    for (const t of exhibitTables) {
      expect(t.doc.length).toBeGreaterThan(10);
      for (const c of t.columns) expect(c.doc.length, `${t.name}.${c.name}`).toBeGreaterThan(5);
    }
    for (const c of documentClassColumns) expect(c.doc.length).toBeGreaterThan(5);
    const sub = parseSubmission(readFileSync(new URL('samples/0001125282-03-003998.txt', ROOT)), { sourceName: 'founding' });
    const { tables } = extractExhibits(sub);
    for (const t of exhibitTables) {
      const row = (tables as Partial<Record<string, readonly object[]>>)[t.name]?.[0];
      if (!row) continue;
      const expected = t.columns.map((c) => camelCase(c.name)).filter((k) => k !== 'accessionNumber').sort();
      expect(Object.keys(row).sort(), t.name).toEqual(expected);
    }
  });

  it('store the founding samples under their keys and CHECKs', () => {
    const db = database();
    const founding = extractExhibits(parseSubmission(readFileSync(new URL('samples/0001125282-03-003998.txt', ROOT)), { sourceName: 'founding' }));
    const amendment = extractExhibits(parseSubmission(readFileSync(new URL('samples/hudson-ex10-20-first-amendment.txt', ROOT)), { sourceName: 'amendment' }));
    store(db, '0001125282-03-003998', founding.tables);
    store(db, 'local-hudson-ex10-20', amendment.tables);
    const letters = db.prepare("SELECT document_type, holder, principal, maturity_date, old_conversion_price, new_conversion_price FROM waivers WHERE kind = 'waiver_letter' ORDER BY ordinal").all();
    expect(letters).toEqual([
      { document_type: 'EX-12', holder: 'Fleming US Discovery Fund III, L.P.', principal: 302000, maturity_date: '2004-12-20', old_conversion_price: 0.7924, new_conversion_price: 1.13 },
      { document_type: 'EX-13', holder: 'Fleming US Discovery Offshore Fund III, L.P.', principal: 48000, maturity_date: '2004-12-20', old_conversion_price: 0.7924, new_conversion_price: 1.13 },
    ]);
    const section9A = db.prepare("SELECT COUNT(*) AS n FROM waiver_items WHERE subject = 'Section 9A of the Purchase Agreements'").get() as { n: number };
    expect(section9A.n).toBe(4);
    const rule = db.prepare('SELECT price_basis, price, min_gross_proceeds, deadline FROM conversion_price_rules WHERE waiver_ordinal = 3 AND branch = 1').get();
    expect(rule).toEqual({ price_basis: 'lower_of', price: 1.13, min_gross_proceeds: 2000000, deadline: '2003-12-20' });
    const linked = db.prepare("SELECT DISTINCT to_document_sequence AS seq FROM exhibit_references WHERE exhibit_number IN ('12', '13') ORDER BY seq").pluck().all();
    expect(linked).toEqual([6, 7]);
    const topOff = db.prepare("SELECT amount FROM amendment_amounts WHERE role = 'maximum'").pluck().all();
    expect(topOff).toEqual([925000]);
    const spans = JSON.parse(db.prepare('SELECT spans FROM waivers WHERE ordinal = 3').pluck().get() as string) as Record<string, number[]>;
    expect(spans.principal).toHaveLength(2);
  });

  it('reject a value outside its CHECK', () => {
    const db = database();
    db.prepare('INSERT INTO filings VALUES (?)').run('x');
    expect(() => db.prepare("INSERT INTO waivers (accession_number, ordinal, kind, dated) VALUES ('x', 1, 'waiver_letter', 'April 10, 2003')").run()).toThrow(/CHECK/);
    // Ordinals count from 1 in every table.
    expect(() => db.prepare("INSERT INTO waivers (accession_number, ordinal, kind) VALUES ('x', 0, 'waiver_letter')").run()).toThrow(/CHECK constraint failed: ordinal >= 1/);
    expect(() => db.prepare("INSERT INTO waivers (accession_number, ordinal, kind) VALUES ('x', 1, 'memo')").run()).toThrow(/CHECK/);
  });

  it('have a summary view for each table they fill', () => {
    for (const [table, view] of Object.entries(exhibitTableViews)) {
      const model = exhibitTables.find((t) => t.name === table);
      expect(model, table).toBeDefined();
      for (const [, key] of view.columns) expect(model!.columns.map((c) => camelCase(c.name))).toContain(key);
    }
  });
});
