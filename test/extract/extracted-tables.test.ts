/**
 * The boundary between extract and store: every table an extractor returns is a table of the store, and every key of
 * every row is one of that table's columns (camelCase). The store writes columns by name, so a key that is not a
 * column would be dropped without a word.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTRACTORS } from '../../src/extract/index.js';
import { parseSubmission } from '../../src/parse/index.js';
import { allTables } from '../../src/store/migrations.js';
import { camelCase } from '../../src/store/model.js';

const inputs = [
  ...readdirSync('samples').filter((f) => f.endsWith('.txt')).map((f) => `samples/${f}`),
  ...readdirSync('test/fixtures/sc13').filter((f) => f.endsWith('.txt')).map((f) => `test/fixtures/sc13/${f}`),
];

const columnsOf = new Map(allTables().map((t) => [t.name, new Set(t.columns.map((c) => camelCase(c.name)))]));

describe('extracted tables', () => {
  it('name only store tables, and every row key of every extractor is a column of its table', () => {
    const keysSeen = new Map<string, Set<string>>();
    for (const path of inputs) {
      const submission = parseSubmission(readFileSync(path), { sourceName: path });
      for (const { name, extract } of EXTRACTORS) {
        for (const [table, rows] of Object.entries(extract(submission).tables) as [string, object[]][]) {
          const columns = columnsOf.get(table);
          expect(columns, `${name} returns rows of ${table}, which is not a table of the store`).toBeDefined();
          for (const row of rows) {
            for (const key of Object.keys(row)) {
              expect(columns!.has(key), `${path}: ${name} gives ${table} rows a key ${key} that is not a column`).toBe(true);
              (keysSeen.get(table) ?? keysSeen.set(table, new Set()).get(table)!).add(key);
            }
          }
        }
      }
    }
    // The inputs reach every table the extractors write, so the check above covered each of them.
    expect([...keysSeen.keys()].sort()).toEqual(
      ['schedule13', 'reporting_persons', 'items', 'holdings', 'notes', 'options', 'transactions', 'ownership_basis', 'checks', 'waivers', 'waiver_items', 'conversion_price_rules', 'amendments', 'amendment_changes', 'amendment_amounts', 'exhibit_references'].sort(),
    );
  });
});
