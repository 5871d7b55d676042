/**
 * Rows of a table with an FTS5 trigger, inserted a filing at a time with one statement per up to ROWS_PER_INSERT rows,
 * or, in a batch, a transaction at a time (HeldRows).
 *
 * Why: an INSERT that fires a trigger runs in a statement journal, and opening one makes every FTS5 table written in
 * the transaction flush its pending index entries to a new segment (FTS5's xSavepoint), which later merges must undo.
 * A statement per row was a flush per row, and most of a batch writer's full-text time. A multi-row INSERT gives the
 * rows the same rowids, in the same order, as one INSERT per row.
 * Used by EdgarDatabase.storeFiling (items → items_fts), writeDocumentText (document_texts → document_text) and, for a
 * batch writer, HeldRows.
 */
import type Database from 'better-sqlite3';
import { pushAll } from '../arrays.js';

/** Rows per statement: most filings have fewer items, and each row count is a prepared statement of its own. */
export const ROWS_PER_INSERT = 16;

/**
 * Rows per statement for a whole batch transaction's rows (HeldRows): a statement journal, and so a flush of FTS5's
 * pending entries, per this many rows instead of per filing. Only full statements of this size are used; the rest goes
 * in ROWS_PER_INSERT chunks, so at most ROWS_PER_INSERT + 1 row counts are ever prepared per table.
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

/**
 * Rows of tables with an FTS5 trigger (items, document_texts), held back while a batch transaction is open and inserted
 * together just before it commits (batch/writer.ts).
 *
 * Why: each INSERT into such a table runs in a statement journal, which flushes every FTS5 index written in the
 * transaction to a new small segment. A filing at a time that was a segment per filing per index, and merging them
 * was most of the writer's full-text time: over 600 filings, items took 570 ms to insert (3 MB of text) against 50 ms
 * without their trigger. Held, a transaction of 64 filings makes one statement per 256 rows.
 */
export class HeldRows {
  /** By filing, in the order filings were (last) held; by table, in the order tables were held. */
  readonly #filings = new Map<string, Map<string, { columns: readonly string[]; values: unknown[][] }>>();

  /** Hold `values` (each in `columns` order) as the rows of `table` for a filing, after any it holds for other tables. */
  hold(accessionNumber: string, table: string, columns: readonly string[], values: unknown[][]): void {
    let tables = this.#filings.get(accessionNumber);
    if (!tables) this.#filings.set(accessionNumber, (tables = new Map()));
    tables.set(table, { columns, values });
  }

  /** Forget what a filing holds (it is being stored again in the same transaction). */
  forget(accessionNumber: string): void {
    this.#filings.delete(accessionNumber);
  }

  /** Insert every held row, table by table, each table's rows in the order their filings were held; then hold none. */
  insertAll(sqlite: Database.Database): void {
    const byTable = new Map<string, { columns: readonly string[]; values: unknown[][] }>();
    for (const tables of this.#filings.values()) {
      for (const [table, { columns, values }] of tables) {
        const all = byTable.get(table);
        if (all) pushAll(all.values, values);
        else byTable.set(table, { columns, values: [...values] });
      }
    }
    this.#filings.clear();
    for (const [table, { columns, values }] of byTable) insertRows(sqlite, table, columns, values, { bulk: true });
  }
}
