/**
 * Declare `items_fts` as sqlite-utils and Datasette look for it: `content="items"` with double quotes. Both find a
 * table's full-text index with `sql LIKE '%VIRTUAL TABLE%USING FTS%content="items"%'` (or `content=[items]`), so the
 * single-quoted `content='items'` of migration 4 made `items` look unsearchable to them. The index is recreated
 * and rebuilt from `items` (its triggers name it, not its DDL, and stay as they are).
 *
 * A migration step of its own (applied after the others), kept apart so it can be frozen into a DDL snapshot.
 */
import type { Migration } from './migrations.js';

export const itemsFtsDetectableSql: string[] = [
  'DROP TABLE IF EXISTS items_fts',
  `CREATE VIRTUAL TABLE items_fts USING fts5(text, content="items", content_rowid="rowid", tokenize='porter unicode61')`,
  "INSERT INTO items_fts (items_fts) VALUES ('rebuild')",
];

export function itemsFtsDetectableMigration(version: number): Migration {
  return { version, name: 'items_fts declared with content="items", as sqlite-utils and Datasette detect full-text tables', sql: itemsFtsDetectableSql };
}
