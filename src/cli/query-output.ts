/**
 * Shared by the read-side commands (sql, search, export): opening the database read-only, and writing rows as a
 * terminal table, CSV (RFC 4180) or JSON. SQLite values map as: NULL → empty CSV field / JSON null / `-`;
 * BLOB → base64 text; integers beyond 2^53 → their exact decimal text.
 */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { UsageError } from './command-registry.js';
import { formatTable, type Cell, type TableOptions } from './table.js';

export interface CommandIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

/** A problem with how the command was called (exit 2), as opposed to a defect. */
export { UsageError as CommandUsageError };
const CommandUsageError = UsageError;

export type OutputFormat = 'table' | 'csv' | 'json' | 'ndjson';

export function parseFormat(value: string | undefined, allowed: readonly OutputFormat[], fallback: OutputFormat): OutputFormat {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as OutputFormat;
  throw new CommandUsageError(`--format must be one of ${allowed.join(', ')} (got "${value}")`);
}

/**
 * Open an existing database for reading only, with `query_only` set before anything runs (and the read commands
 * refuse any statement SQLite does not call read-only, and every pragma that sets something). The connection is
 * opened writable when the file allows it, for one reason: a WAL database read through a read-only connection
 * leaves `-wal` and `-shm` files beside it, while the last writable connection to close removes them. A file the
 * user may not write is opened read-only instead. WAL mode lets it read while a batch is writing.
 */
export function openReadOnly(path: string): Database.Database {
  if (path !== ':memory:' && !existsSync(path)) {
    throw new CommandUsageError(`no database at ${path}: create one with \`edgar-extract <file | accession>… --db ${path}\`, or give --db FILE`);
  }
  if (path !== ':memory:' && statSync(path).isDirectory()) throw new CommandUsageError(`--db ${path} is a directory, not a database file`);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { fileMustExist: true });
    sqlite.pragma('query_only = ON');
  } catch {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
  }
  sqlite.pragma('query_only = ON');
  // A reader can meet a lock for a moment (WAL index recovery, a checkpoint); wait instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

export type SqlValue = string | number | bigint | Buffer | Uint8Array | null;

/** A value as text for CSV and JSON. */
function plain(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a double quote, CR or LF; quotes doubled. NULL is empty. */
export function csvField(value: unknown): string {
  const v = plain(value);
  if (v === null) return '';
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF line end (RFC 4180 §2). */
export function csvRecord(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return csvRecord(columns) + rows.map(csvRecord).join('');
}

/** A row as a JSON object, in column order. */
export function jsonObject(columns: readonly string[], row: readonly unknown[]): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  columns.forEach((c, i) => {
    out[c] = plain(row[i]);
  });
  return out;
}

export function toJson(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${JSON.stringify(rows.map((r) => jsonObject(columns, r)), null, 2)}\n`;
}

export function toNdjson(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return rows.map((r) => `${JSON.stringify(jsonObject(columns, r))}\n`).join('');
}

export function toTable(columns: readonly string[], rows: readonly (readonly unknown[])[], options: TableOptions = {}): string {
  const cells = rows.map((r) => r.map((v): Cell => (v instanceof Uint8Array ? `<blob ${v.length} bytes>` : (plain(v) as Cell))));
  return `${formatTable([...columns], cells, options)}\n`;
}

/** Column names may repeat in a SELECT (`a.id, b.id`); keep them all, distinct, for JSON keys. */
export function distinctNames(columns: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return n === 1 ? c : `${c}_${n}`;
  });
}
