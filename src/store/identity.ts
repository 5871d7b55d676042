/**
 * Is this file an edgar-extract database? Decided before anything is written, so a file that is not ours is left
 * byte-for-byte as it was.
 *
 *   - `PRAGMA application_id` = APPLICATION_ID marks a database as ours; `PRAGMA user_version` is the last migration
 *     applied to it (migrations.ts). Both live in the file header, so any SQLite tool can read them.
 *   - A new path, an empty file, or a SQLite file with no schema at all becomes ours.
 *   - A database made by edgar-extract 0.1.0 (before application_id was set) is recognised by its bookkeeping
 *     (`schema_migrations`, and `filings` with `source_sha256` and `pipeline_version`) and adopted.
 *   - Anything else is refused with a DatabaseError: another program's SQLite database, a file that is not SQLite, a
 *     directory that does not exist, a database from a newer edgar-extract ("upgrade edgar-extract").
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { DatabaseError } from '../errors/database-error.js';
import { SCHEMA_VERSION } from './migrations.js';

/** "EDGX" as a big-endian 32-bit integer (0x45444758): edgar-extract's mark in the SQLite header (offset 68). */
export const APPLICATION_ID = 0x45444758;

const SQLITE_MAGIC = 'SQLite format 3\0';

export type DatabaseKind =
  | { kind: 'empty' }
  | { kind: 'ours'; version: number }
  | { kind: 'legacy' }
  | { kind: 'foreign'; reason: string };

/** File-level checks before SQLite opens the path (opening a path in a missing directory, or a non-SQLite file, fails deep inside SQLite). */
export function checkDatabasePath(path: string, options: { mustExist: boolean }): void {
  if (path === ':memory:' || path === '') return;
  const dir = dirname(resolve(path));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DatabaseError('DB_DIRECTORY_MISSING', path, `cannot create database ${path}: directory ${dir} does not exist`);
  }
  if (!existsSync(path)) {
    if (options.mustExist) throw new DatabaseError('DB_NOT_FOUND', path, `no database at ${path}`);
    return;
  }
  const stat = statSync(path);
  if (!stat.isFile()) throw new DatabaseError('DB_NOT_A_FILE', path, `${path} is not a file, so it cannot be a database`);
  if (stat.size === 0) return;
  const head = Buffer.alloc(SQLITE_MAGIC.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') !== SQLITE_MAGIC) throw new DatabaseError('DB_NOT_SQLITE', path, `${path} is not a SQLite database; give --db a new file name or an edgar-extract database`);
}

/** What a just-opened database is. Reads only; safe on any SQLite file. */
export function inspectDatabase(sqlite: Database.Database): DatabaseKind {
  const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
  if (applicationId === APPLICATION_ID) return { kind: 'ours', version: userVersion };
  if (applicationId !== 0) return { kind: 'foreign', reason: `its application_id is ${applicationId} (0x${(applicationId >>> 0).toString(16)}), not edgar-extract's` };
  const objects = sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").pluck().get() as number;
  if (objects === 0 && userVersion === 0) return { kind: 'empty' };
  if (userVersion === 0 && madeByEarlyEdgarExtract(sqlite)) return { kind: 'legacy' };
  return { kind: 'foreign', reason: 'it holds tables edgar-extract did not make' };
}

/** 0.1.0 set no application_id; its databases have these tables and columns, which no other program would. */
function madeByEarlyEdgarExtract(sqlite: Database.Database): boolean {
  const columns = (table: string) => new Set(sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
  const migrations = columns('schema_migrations');
  const filings = columns('filings');
  return ['version', 'name', 'applied_at'].every((c) => migrations.has(c)) && ['accession_number', 'source_sha256', 'pipeline_version'].every((c) => filings.has(c));
}

/** The refusal for a database edgar-extract must not write to (or, when newer, cannot understand), else null. */
export function refusal(path: string, kind: DatabaseKind): DatabaseError | null {
  const name = path === '' ? '(temporary database)' : path;
  if (kind.kind === 'foreign') return new DatabaseError('DB_FOREIGN', path, `${name} is not an edgar-extract database (${kind.reason}); it was left untouched`);
  if (kind.kind === 'ours' && kind.version > SCHEMA_VERSION) {
    return new DatabaseError('DB_NEWER_SCHEMA', path, `${name} has schema version ${kind.version}, made by a newer edgar-extract (this one knows up to ${SCHEMA_VERSION}): upgrade edgar-extract`);
  }
  return null;
}
