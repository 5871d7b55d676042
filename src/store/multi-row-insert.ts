/**
 * Rows of a table with an FTS5 trigger, inserted a filing at a time with one statement per up to ROWS_PER_INSERT rows.
 *
 * Why: an INSERT that fires a trigger runs in a statement journal, and opening one makes every FTS5 table written in
 * the transaction flush its pending index entries to a new segment (FTS5's xSavepoint), which later merges must undo.
 * A statement per row was a flush per row, and most of a batch writer's full-text time. A multi-row INSERT gives the
 * rows the same rowids, in the same order, as one INSERT per row.
 * Used by EdgarDatabase.storeFiling (items → items_fts) and writeDocumentText (document_texts → document_text).
 */
import type Database from 'better-sqlite3';

/** Rows per statement: most filings have fewer items, and each row count is a prepared statement of its own. */
export const ROWS_PER_INSERT = 16;

/**
 * Rows per statement for a whole batch transaction's rows (writeDocumentTexts): a statement journal, and so a flush of
 * FTS5's pending entries, per this many rows instead of per filing. Only full statements of this size are used; the
 * rest goes in ROWS_PER_INSERT chunks, so at most ROWS_PER_INSERT + 1 row counts are ever prepared per table.
 */
export const ROWS_PER_BULK_INSERT = 256;

/** Prepared once per connection, table, columns and row count. */
const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Insert `rows` (each its values in `columns` order) into `table`, in order, up to ROWS_PER_INSERT a statement, or
 * ROWS_PER_BULK_INSERT with `bulk` while that many remain.
 */
export function insertRows(sqlite: Database.Database, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options: { bulk?: boolean } = {}): void {
  let from = 0;
  if (options.bulk) {
    for (; rows.length - from >= ROWS_PER_BULK_INSERT; from += ROWS_PER_BULK_INSERT) {
      statementFor(sqlite, table, columns, ROWS_PER_BULK_INSERT).run(rows.slice(from, from + ROWS_PER_BULK_INSERT).flat());
    }
  }
  for (; from < rows.length; from += ROWS_PER_INSERT) {
    const chunk = rows.slice(from, from + ROWS_PER_INSERT);
    statementFor(sqlite, table, columns, chunk.length).run(chunk.flat());
  }
}

function statementFor(sqlite: Database.Database, table: string, columns: readonly string[], count: number): Database.Statement {
  let byShape = statementCache.get(sqlite);
  if (!byShape) statementCache.set(sqlite, (byShape = new Map()));
  const key = `${table}(${columns.join(',')})*${count}`;
  let stmt = byShape.get(key);
  if (!stmt) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    stmt = sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: count }, () => row).join(', ')}`);
    byShape.set(key, stmt);
  }
  return stmt;
}
