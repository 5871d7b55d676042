/**
 * The items module's table models and FTS migration in SQLite: the DDL builds, the extractor's rows fit the columns
 * and CHECKs of every table, and `items_fts` (external content on items.text) follows inserts, updates and deletes.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itemTableViews } from '../../../src/extract/items/index.js';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { parseSubmission } from '../../../src/parse/index.js';
import { camelCase, createTableSql, toSqlValue } from '../../../src/store/model.js';
import { itemMigrationSql, itemTables } from '../../../src/store/tables/items.js';

const ACC = '0001125282-03-003998';

function database(): Database.Database {
  const db = new Database(':memory:');
  // A minimal parent table for the foreign keys (the real one is core.ts's).
  db.exec('CREATE TABLE filings (accession_number TEXT PRIMARY KEY)');
  db.prepare('INSERT INTO filings VALUES (?)').run(ACC);
  for (const t of itemTables) for (const sql of createTableSql(t)) db.exec(sql);
  for (const sql of itemMigrationSql) db.exec(sql);
  return db;
}

function store(db: Database.Database, tables: Partial<Record<string, readonly object[]>>): void {
  for (const model of itemTables) {
    const cols = model.columns.map((c) => c.name);
    const insert = db.prepare(`INSERT INTO ${model.name} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
    for (const row of tables[model.name] ?? []) {
      // Every key of a row is a column (nothing the extractor makes is silently dropped).
      for (const key of Object.keys(row)) expect(cols.map(camelCase), `${model.name}.${key}`).toContain(key);
      insert.run(Object.fromEntries(model.columns.map((c) => [c.name, c.name === 'accession_number' ? ACC : toSqlValue((row as Record<string, unknown>)[camelCase(c.name)])])));
    }
  }
}

describe('item tables', () => {
  const { tables } = extractItemsAndProse(parseSubmission(readFileSync('samples/0001125282-03-003998.txt'), { sourceName: ACC }));

  it('store the founding sample within every column type and CHECK', () => {
    const db = database();
    store(db, tables);
    expect(db.prepare('SELECT holder, shares, convertible_into_shares FROM holdings ORDER BY ordinal').all()).toEqual([
      { holder: 'Fleming US Discovery Fund III, L.P.', shares: 104095, convertible_into_shares: 4382947 },
      { holder: 'Fleming US Discovery Fund III, L.P.', shares: 30163, convertible_into_shares: null },
      { holder: 'Fleming US Discovery Offshore Fund III, L.P.', shares: 16687, convertible_into_shares: 702611 },
      { holder: 'Fleming US Discovery Offshore Fund III, L.P.', shares: 4837, convertible_into_shares: null },
    ]);
    expect(db.prepare("SELECT sum(principal) AS total FROM notes WHERE defined_term = 'Exchange Notes'").get()).toEqual({ total: 405726.69 });
    expect(db.prepare("SELECT count(*) AS n FROM checks WHERE status = 'pass' AND kind = 'cover_vs_item5'").get()).toEqual({ n: 2 });
  });

  it('search the items through items_fts and follow changes to items', () => {
    const db = database();
    store(db, tables);
    const search = (q: string) => db.prepare('SELECT i.item_number AS n FROM items_fts JOIN items i ON i.rowid = items_fts.rowid WHERE items_fts MATCH ? ORDER BY i.item_number').pluck().all(q);
    expect(search('"Additional Convertible Notes"')).toEqual([3, 5]);
    expect(search('proxy')).toEqual([5, 6]);
    db.prepare("UPDATE items SET text = 'nothing left' WHERE item_number = 5").run();
    expect(search('proxy')).toEqual([6]);
    expect(search('nothing')).toEqual([5]);
    db.prepare('DELETE FROM items WHERE item_number = 6').run();
    expect(search('proxy')).toEqual([]);
    // A re-stored filing: delete all and insert again.
    db.prepare('DELETE FROM items').run();
    store(db, { items: tables.items! });
    expect(search('proxy')).toEqual([5, 6]);
    // FTS5's own check that the index matches its content table (throws when it does not).
    expect(() => db.prepare("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')").run()).not.toThrow();
  });

  it('rejects values the schema forbids', () => {
    const db = database();
    expect(() => db.prepare("INSERT INTO checks (accession_number, ordinal, kind, subject, status, message, spans) VALUES (?, 1, 'x', 'y', 'maybe', 'm', '[]')").run(ACC)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO holdings (accession_number, ordinal, holder, security_kind, as_of_date, item_number, span_start, span_end, sentence) VALUES (?, 1, 'h', 'common', '6/25/2003', 5, 0, 1, 's')").run(ACC)).toThrow(/CHECK/);
  });

  it('have views for the CLI summary naming existing record keys', () => {
    for (const [table, view] of Object.entries(itemTableViews)) {
      const model = itemTables.find((t) => t.name === table)!;
      for (const [, key] of view.columns) expect(model.columns.map((c) => camelCase(c.name))).toContain(key);
    }
  });
});
