/**
 * The schema's history, oldest first. A migration is never edited once released: changes go in a new one, and
 * `schema_migrations` records which have been applied to a database. `allTables()` lists every table in creation
 * order (parents before children), which is also the order rows are inserted in.
 */
import type { TableModel } from './model.js';
import { productMigration } from './product.js';
import { coreTables } from './tables/core.js';
import { coverPageTables } from './tables/cover-pages.js';
import { exhibitTables } from './tables/exhibits.js';
import { itemMigrationSql, itemRoleMigrationSql, itemTables, itemTablesAsCreated } from './tables/items.js';
import { item5VsCoverSql } from './views.js';

export interface Migration {
  version: number;
  name: string;
  /** Tables created by this migration (from their models). */
  tables?: TableModel[];
  /** Further statements (views, virtual tables, ALTERs). */
  sql?: string[];
}

const tableMigrations: Migration[] = [
  { version: 1, name: 'submissions, header entities, documents, warnings', tables: coreTables },
  { version: 2, name: 'Schedule 13D/13G cover pages', tables: coverPageTables },
  { version: 3, name: 'exhibits: waivers, conversion-price rules, amendments, exhibit references', tables: exhibitTables },
  { version: 4, name: 'items and their prose: holdings, notes, options, transactions, ownership basis, checks', tables: itemTablesAsCreated, sql: itemMigrationSql },
];

export const MIGRATIONS: Migration[] = [
  ...tableMigrations,
  // Views and search come last: they read the tables above.
  productMigration(5, tableMigrations.flatMap((m) => (m.tables ?? []).map((t) => t.name))),
  { version: 6, name: 'holdings.role; the item5_vs_cover view', sql: [...itemRoleMigrationSql, ...item5VsCoverSql] },
];

/** Tables whose model changed after the migration that created them: rows are written with today's model. */
const CURRENT_MODELS = new Map(itemTables.map((t) => [t.name, t]));

export function allTables(): TableModel[] {
  return MIGRATIONS.flatMap((m) => m.tables ?? []).map((t) => CURRENT_MODELS.get(t.name) ?? t);
}
