/**
 * Adopting a database made by edgar-extract before schemas were versioned (0.1.0 and its pre-releases). Those
 * computed their DDL from the table models of the day, so one made before a column was added (e.g. the `name_key`
 * columns) has `schema_migrations` saying "done" and lacks the column: every later store failed with "no such
 * column". Here each table is compared with the frozen 0.1.0 schema (schema-history/) and, where it differs,
 * rebuilt to it, keeping every column both have and every rowid (the items FTS index points at rowids). Views and
 * triggers are recreated from the same snapshot, missing tables and indexes created, and the stored name keys the
 * old database lacks computed from the names. Runs inside the caller's transaction, with foreign keys off.
 */
import Database from 'better-sqlite3';
import { nameKey } from '../extract/name-key.js';
import { schemaV1 } from './schema-history/v1-schema-0.1.0.js';

interface SchemaEntry {
  type: 'table' | 'index' | 'view' | 'trigger';
  name: string;
  tblName: string;
  sql: string;
}

/** Columns holding a name → the column holding its matching key (added in 0.1.0, empty in older databases). */
const NAME_KEYS: [string, string][] = [
  ['name', 'name_key'],
  ['issuer_name', 'issuer_name_key'],
  ['holder', 'holder_key'],
];

export function adoptLegacySchema(sqlite: Database.Database): void {
  const target = snapshotEntries();
  const current = new Map(entries(sqlite).map((e) => [e.name, e]));

  // Views and triggers read the tables being rebuilt; they are recreated from the snapshot at the end.
  for (const e of current.values()) if (e.type === 'view' || e.type === 'trigger') sqlite.exec(`DROP ${e.type.toUpperCase()} IF EXISTS "${e.name}"`);

  const rebuiltItems: string[] = [];
  for (const t of target.filter((e) => e.type === 'table')) {
    const old = current.get(t.name);
    if (!old) sqlite.exec(t.sql);
    else if (old.sql !== t.sql && !isVirtual(t.sql)) {
      rebuildTable(sqlite, t);
      rebuiltItems.push(t.name);
    }
  }
  for (const i of target.filter((e) => e.type === 'index')) {
    const old = current.get(i.name);
    // A rebuilt table lost its indexes with the old copy; the others keep theirs unless the definition changed.
    if (old && old.sql === i.sql && !rebuiltItems.includes(i.tblName)) continue;
    sqlite.exec(`DROP INDEX IF EXISTS "${i.name}"`);
    sqlite.exec(i.sql);
  }
  for (const e of target.filter((x) => x.type === 'view' || x.type === 'trigger')) sqlite.exec(e.sql);
  if (rebuiltItems.includes('items')) sqlite.exec("INSERT INTO items_fts (items_fts) VALUES ('rebuild')");
  fillNameKeys(sqlite);
}

function rebuildTable(sqlite: Database.Database, table: SchemaEntry): void {
  const legacy = `${table.name}__legacy`;
  const oldColumns = new Set(sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table.name) as string[]);
  // legacy_alter_table: renaming must not rewrite other tables' foreign keys to point at the old copy.
  sqlite.pragma('legacy_alter_table = ON');
  try {
    sqlite.exec(`ALTER TABLE "${table.name}" RENAME TO "${legacy}"`);
  } finally {
    sqlite.pragma('legacy_alter_table = OFF');
  }
  sqlite.exec(table.sql);
  const newColumns = sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table.name) as string[];
  const shared = newColumns.filter((c) => oldColumns.has(c)).map((c) => `"${c}"`);
  sqlite.exec(`INSERT INTO "${table.name}" (rowid, ${shared.join(', ')}) SELECT rowid, ${shared.join(', ')} FROM "${legacy}"`);
  sqlite.exec(`DROP TABLE "${legacy}"`);
}

function fillNameKeys(sqlite: Database.Database): void {
  sqlite.function('edgar_name_key', { deterministic: true }, (name: unknown) => (typeof name === 'string' ? nameKey(name) : null));
  for (const table of sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]) {
    const columns = new Set(sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
    for (const [nameColumn, keyColumn] of NAME_KEYS) {
      if (columns.has(nameColumn) && columns.has(keyColumn)) {
        sqlite.exec(`UPDATE "${table}" SET ${keyColumn} = edgar_name_key(${nameColumn}) WHERE ${keyColumn} IS NULL AND ${nameColumn} IS NOT NULL`);
      }
    }
  }
}

function isVirtual(sql: string): boolean {
  return /^CREATE VIRTUAL TABLE/i.test(sql);
}

/** The objects the 0.1.0 snapshot creates, as SQLite stores them (so text comparisons are exact). */
function snapshotEntries(): SchemaEntry[] {
  const reference = new Database(':memory:');
  try {
    for (const sql of schemaV1) reference.exec(sql);
    const shadow = new Set(reference.prepare("SELECT name FROM pragma_table_list WHERE type = 'shadow'").pluck().all() as string[]);
    return entries(reference).filter((e) => !shadow.has(e.name));
  } finally {
    reference.close();
  }
}

function entries(sqlite: Database.Database): SchemaEntry[] {
  return (
    sqlite.prepare("SELECT type, name, tbl_name AS tblName, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'schema_migrations' ORDER BY rowid").all() as SchemaEntry[]
  );
}
