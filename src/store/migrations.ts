/**
 * The schema's history, oldest first. A migration is never edited once released: changes go in a new one, and
 * `schema_migrations` records which have been applied to a database. `allTables()` lists every table in creation
 * order (parents before children), which is also the order rows are inserted in.
 */
import type { TableModel } from './model.js';
import { coreTables } from './tables/core.js';

export interface Migration {
  version: number;
  name: string;
  /** Tables created by this migration (from their models). */
  tables?: TableModel[];
  /** Further statements (views, virtual tables, ALTERs). */
  sql?: string[];
}

export const MIGRATIONS: Migration[] = [{ version: 1, name: 'submissions, header entities, documents, warnings', tables: coreTables }];

export function allTables(): TableModel[] {
  return MIGRATIONS.flatMap((m) => m.tables ?? []);
}
