/**
 * The store stage: SQLite through better-sqlite3.
 *   - Opening checks the file is ours first (identity.ts) and refuses anything else untouched; then applies the
 *     frozen migrations (migrations.ts) it lacks, inside one IMMEDIATE transaction, so two processes opening the
 *     same new file at once cannot both migrate it (the second waits, then finds the work done).
 *   - One transaction per filing: a crash leaves either the old rows or the new ones, never half a filing.
 *   - Keyed on the accession number. Storing the same bytes again under the same pipeline version changes nothing
 *     (not even `stored_at`); under a newer one it re-extracts them. A different input with an accession already
 *     stored goes through the duplicate rule (duplicates.ts): the more complete submission wins, and between equals
 *     the newest input. The outcome says which happened.
 *   - The input bytes are kept compressed in `sources` (Brotli; gzip in rows stored before schema version 9), so
 *     `reprocess` can re-extract without the files.
 *   - WAL mode, so readers (the sqlite3 shell, Datasette) never block a running batch.
 */
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants, gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { DatabaseError } from '../errors/database-error.js';
import { compareCompleteness, completenessOf, describeCompleteness, type Completeness, type CompletenessFields } from './duplicates.js';
import { APPLICATION_ID, checkDatabasePath, inspectDatabase, refusal } from './identity.js';
import { adoptLegacySchema } from './legacy-schema.js';
import { encodeSpansColumn } from '../extract/span-json.js';
import { camelCase, toSqlValue, type TableModel } from './model.js';
import { MIGRATIONS, SCHEMA_VERSION, allTables } from './migrations.js';
import { insertRows, type HeldRows } from './multi-row-insert.js';

/** Rows to store for one filing, by table name; row keys are the columns in camelCase. */
export type FilingRows = Record<string, Record<string, unknown>[]>;

/**
 * What storing one input did:
 *   stored         a new accession: its rows were written
 *   replaced       the accession was stored from another input, and this one won the duplicate rule: rows replaced
 *   refreshed      the same bytes were stored by an older pipeline version: re-extracted, rows replaced
 *   unchanged      the same bytes under the same pipeline version: nothing written
 *   kept-existing  the accession was stored from a more complete input, which was kept: nothing written
 */
export type StoreAction = 'stored' | 'replaced' | 'refreshed' | 'unchanged' | 'kept-existing';

export interface StoreOutcome {
  accessionNumber: string;
  action: StoreAction;
  /** true when rows were written (stored, replaced, refreshed). */
  changed: boolean;
  /** For replaced and kept-existing: the two inputs compared, e.g. "a complete submission (6 of 6 documents) over a header-only one". */
  detail?: string;
}

export interface StoreOptions {
  /** Runs inside the filing's transaction, after its rows are written; `fresh` when the accession was not stored before. */
  afterWrite?: (write: { fresh: boolean }) => void;
  /** The input bytes, kept compressed in `sources` for reprocess. */
  source?: Uint8Array;
  /** The same, already compressed with compressSource (a batch compresses in its worker threads). */
  sourceCompressed?: CompressedSource;
  /**
   * The caller holds an open transaction and, should this call throw, rolls all of it back (BatchWriter does, then
   * stores again the filings before this one): no savepoint of its own. A savepoint per filing made FTS5 write its
   * pending index entries to disk for every filing, the largest part of a batch writer's full-text cost.
   */
  undoneByCaller?: boolean;
  /**
   * With undoneByCaller: the rows of tables with an FTS5 trigger are held here instead of inserted, for the caller to
   * insert before it commits (HeldRows says why). Rows a filing held before, stored again, are forgotten.
   */
  held?: HeldRows;
}

/** The input bytes as a `sources` row stores them: `content` compressed as `encoding` says. */
export interface CompressedSource {
  encoding: SourceEncoding;
  content: Uint8Array;
}

/** `sources.encoding`: br (Brotli), what this version writes; gzip, what builds before schema version 9 wrote. */
export type SourceEncoding = 'br' | 'gzip';

/**
 * The input bytes as `sources.content` stores them: Brotli at quality 1. Compression is a batch's largest single cost
 * after extraction (a twentieth of a worker's time with gzip); over 400 corpus submissions Brotli at quality 1 took
 * 65 ms for 18.2% of their size, where gzip at level 1 (written before schema version 9) took 137 ms for 19.5%.
 */
export function compressSource(bytes: Uint8Array): CompressedSource {
  const content = brotliCompressSync(bytes, {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength },
  });
  return { encoding: 'br', content };
}

/** A `sources` row's content decompressed, whichever encoding wrote it. */
function decompressSource(encoding: string, content: Uint8Array): Uint8Array {
  if (encoding === 'br') return new Uint8Array(brotliDecompressSync(content));
  if (encoding === 'gzip') return new Uint8Array(gunzipSync(content));
  throw new Error(`sources: unknown encoding ${JSON.stringify(encoding)}`);
}

export class EdgarDatabase {
  readonly sqlite: Database.Database;
  private readonly inserts = new Map<string, Database.Statement>();
  private readonly deletes = new Map<string, Database.Statement>();
  /** What storeFiling needs to know about a stored version of the filing (prepared once: it runs for every filing). */
  private existingStatement: Database.Statement | null = null;
  private triggered: ReadonlySet<string> | null = null;

  constructor(path: string, options: { readonly?: boolean } = {}) {
    const readonly = options.readonly ?? false;
    checkDatabasePath(path, { mustExist: readonly });
    this.sqlite = openSqlite(path, readonly);
    try {
      this.sqlite.pragma('busy_timeout = 5000');
      // One read transaction: its several reads must see one state, not a migration another process commits between them.
      const kind = sqliteCall(path, () => whenNotBusy(() => this.sqlite.transaction(() => inspectDatabase(this.sqlite)).deferred()));
      const refused = refusal(path, kind);
      if (refused) throw refused;
      if (readonly) return;
      sqliteCall(path, () => whenNotBusy(() => this.sqlite.pragma('journal_mode = WAL')));
      // Up to date: no write lock needed (a batch may be writing in another process).
      if (kind.kind !== 'ours' || kind.version !== SCHEMA_VERSION) this.migrate(path);
      this.sqlite.pragma('foreign_keys = ON');
    } catch (error) {
      this.sqlite.close();
      throw error;
    }
  }

  /**
   * Bring the schema up to SCHEMA_VERSION. Everything happens in one IMMEDIATE transaction that first looks again at
   * what the database is: another process may have created or upgraded it since the check in the constructor.
   */
  private migrate(path: string): void {
    const db = this.sqlite;
    // Rebuilding a 0.1.0 table drops and re-creates a parent of foreign keys; they are checked after, not during.
    db.pragma('foreign_keys = OFF');
    const run = db.transaction(() => {
      const kind = inspectDatabase(db);
      const refused = refusal(path, kind);
      if (refused) throw refused;
      if (kind.kind === 'ours' && kind.version === SCHEMA_VERSION) return;
      db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      let from = kind.kind === 'ours' ? kind.version : 0;
      if (kind.kind === 'legacy') {
        adoptLegacySchema(db);
        // Its schema_migrations numbered the old model-computed steps; it now holds the 0.1.0 schema, migration 1.
        db.exec('DELETE FROM schema_migrations');
        recordMigration(db, MIGRATIONS[0]!);
        from = 1;
      }
      for (const migration of MIGRATIONS) {
        if (migration.version <= from) continue;
        for (const sql of migration.sql) db.exec(sql);
        recordMigration(db, migration);
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length) throw new DatabaseError('DB_INCONSISTENT', path, `${path}: upgrading left ${broken.length} row(s) without their filing; nothing was changed`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    });
    sqliteCall(path, () => whenNotBusy(() => run.immediate()));
  }

  /** Is this accession stored? (Batches use it to skip work after an interruption.) */
  hasFiling(accessionNumber: string): boolean {
    return this.sqlite.prepare('SELECT 1 FROM filings WHERE accession_number = ?').get(accessionNumber) !== undefined;
  }

  /** The input a filing was stored from, when this database kept it (databases from 0.1.0 did not). */
  readSource(accessionNumber: string): Uint8Array | null {
    const row = this.sqlite.prepare('SELECT encoding, content FROM sources WHERE accession_number = ?').get(accessionNumber) as { encoding: string; content: Buffer } | undefined;
    if (!row) return null;
    return decompressSource(row.encoding, row.content);
  }

  /**
   * Store one filing's rows in one transaction. `rows.filings` must hold exactly one row, with `sourceSha256`,
   * `pipelineVersion`, `sourceFormat`, `documentCount` and `publicDocumentCount`. See StoreAction for what can happen.
   * A bare function as second argument is `afterWrite` (the 0.1.0 signature).
   */
  storeFiling(rows: FilingRows, options: StoreOptions | (() => void) = {}): StoreOutcome {
    const { afterWrite, source, sourceCompressed, undoneByCaller, held } =
      typeof options === 'function' ? { afterWrite: options, source: undefined, sourceCompressed: undefined, undoneByCaller: false, held: undefined } : options;
    if (undoneByCaller && !this.sqlite.inTransaction) throw new Error('storeFiling: undoneByCaller needs the caller\'s open transaction');
    if (held && !undoneByCaller) throw new Error('storeFiling: held rows need undoneByCaller (the caller inserts them before it commits)');
    const filing = rows.filings?.[0];
    if (!filing || rows.filings!.length !== 1) throw new Error('storeFiling: rows.filings must hold exactly one row');
    const accessionNumber = String(filing.accessionNumber);
    this.existingStatement ??= this.sqlite.prepare(
      'SELECT source_sha256 AS sha, pipeline_version AS version, source_format AS sourceFormat, document_count AS documentCount, public_document_count AS publicDocumentCount FROM filings WHERE accession_number = ?',
    );
    const existing = this.existingStatement.get(accessionNumber) as ({ sha: string; version: string } & CompletenessFields) | undefined;

    let action: StoreAction = 'stored';
    let detail: string | undefined;
    if (existing) {
      if (existing.sha === filing.sourceSha256) {
        if (existing.version === filing.pipelineVersion) return { accessionNumber, action: 'unchanged', changed: false };
        action = 'refreshed';
      } else {
        const incoming = completenessOf(filing as unknown as CompletenessFields);
        const stored = completenessOf(existing);
        if (compareCompleteness(incoming, stored) < 0) {
          return { accessionNumber, action: 'kept-existing', changed: false, detail: `kept ${describeCompleteness(stored)} over ${describeCompleteness(incoming)}` };
        }
        action = 'replaced';
        detail = `${describeCompleteness(incoming)} replaced ${describeCompleteness(stored)}`;
      }
    }
    const compressed = sourceCompressed ?? (source ? compressSource(source) : undefined);
    const toWrite: FilingRows = compressed ? { ...rows, sources: [{ accessionNumber, encoding: compressed.encoding, content: compressed.content }] } : rows;

    // IMMEDIATE: the write lock is taken at BEGIN, under the busy timeout. A deferred transaction reads first (preparing
    // a statement whose triggers write to document_text opens the FTS5 table, which reads), and a read transaction that
    // must become a write after another process committed fails at once with "database is locked".
    const write = (): void => {
      // Children first (foreign keys), then the filing row, then the new rows. A new accession has nothing to delete:
      // every per-filing table references `filings` with a foreign key, which this connection enforces, so no row of
      // it can exist before its filing row (about 25 deletes per filing were a tenth of a batch's writer time).
      if (existing) {
        held?.forget(accessionNumber);
        for (const table of [...allTables()].reverse()) {
          if (table.perFiling) this.deleteStatement(table).run(accessionNumber);
        }
      }
      for (const table of allTables()) {
        const tableRows = toWrite[table.name];
        if (!tableRows) continue;
        if (held && this.triggeredTables().has(table.name)) {
          const keys = rowKeysOf(table);
          held.hold(accessionNumber, table.name, keys.map((k) => k.column), this.valuesOf(keys, tableRows));
          continue;
        }
        if (tableRows.length > 1 && this.triggeredTables().has(table.name)) {
          this.insertMany(table, tableRows);
          continue;
        }
        const insert = this.insertStatement(table);
        for (const row of tableRows) insert.run(bindRow(table, row));
      }
      // Derived rows (amendment chains, full-text index) commit or roll back with the filing.
      afterWrite?.({ fresh: !existing });
    };
    if (undoneByCaller) write();
    else this.sqlite.transaction(write).immediate();
    return detail === undefined ? { accessionNumber, action, changed: true } : { accessionNumber, action, changed: true, detail };
  }

  close(): void {
    this.sqlite.close();
  }

  private insertStatement(table: TableModel): Database.Statement {
    let stmt = this.inserts.get(table.name);
    if (!stmt) {
      const cols = table.columns.map((c) => c.name);
      stmt = this.sqlite.prepare(`INSERT INTO ${table.name} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      this.inserts.set(table.name, stmt);
    }
    return stmt;
  }

  /**
   * The tables whose INSERT fires a trigger (items → items_fts): their rows go in a filing at a time (multi-row-insert.ts
   * says why). Other tables keep one single-row INSERT per row: a multi-row INSERT would need a statement journal of
   * its own.
   */
  private triggeredTables(): ReadonlySet<string> {
    this.triggered ??= new Set(
      (this.sqlite.prepare("SELECT DISTINCT tbl_name AS name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%AFTER INSERT%'").all() as { name: string }[]).map((r) => r.name),
    );
    return this.triggered;
  }

  /** Rows in order, a filing's at a time (the same rowids as one INSERT per row). */
  private insertMany(table: TableModel, rows: Record<string, unknown>[]): void {
    const keys = rowKeysOf(table);
    insertRows(this.sqlite, table.name, keys.map((k) => k.column), this.valuesOf(keys, rows));
  }

  /** Rows as the values insertRows binds, in `keys` order. */
  private valuesOf(keys: ReturnType<typeof rowKeysOf>, rows: Record<string, unknown>[]): unknown[][] {
    return rows.map((row) => keys.map(({ key, spans }) => (spans ? encodeSpansColumn(row[key]) : toSqlValue(row[key]))));
  }

  private deleteStatement(table: TableModel): Database.Statement {
    let stmt = this.deletes.get(table.name);
    if (!stmt) {
      stmt = this.sqlite.prepare(`DELETE FROM ${table.name} WHERE accession_number = ?`);
      this.deletes.set(table.name, stmt);
    }
    return stmt;
  }
}

export type { Completeness };

function recordMigration(db: Database.Database, migration: { version: number; name: string }): void {
  db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
}

/** Each table's columns with the row key that holds them, worked out once (bindRow runs for every stored row). */
const rowKeys = new WeakMap<TableModel, { column: string; key: string; spans: boolean }[]>();

function rowKeysOf(table: TableModel): { column: string; key: string; spans: boolean }[] {
  let keys = rowKeys.get(table);
  if (!keys) {
    keys = table.columns.map((c) => ({ column: c.name, key: camelCase(c.name), spans: c.encoding === 'spans' }));
    rowKeys.set(table, keys);
  }
  return keys;
}

function bindRow(table: TableModel, row: Record<string, unknown>): Record<string, string | number | Uint8Array | null> {
  const keys = rowKeysOf(table);
  const out: Record<string, string | number | Uint8Array | null> = {};
  for (const { column, key, spans } of keys) out[column] = spans ? encodeSpansColumn(row[key]) : toSqlValue(row[key]);
  return out;
}

/**
 * Retry `call` while SQLite reports the file busy. busy_timeout covers most waits, but not all of them: while another
 * process is switching a new file to WAL, or recovering its WAL index, SQLite returns SQLITE_BUSY at once.
 */
function whenNotBusy<T>(call: () => T, waitMs = 10_000): T {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return call();
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? '');
      if (!code.startsWith('SQLITE_BUSY') || Date.now() > deadline) throw error;
      Atomics.wait(PAUSE, 0, 0, 20);
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

function openSqlite(path: string, readonly: boolean): Database.Database {
  return sqliteCall(path, () => new Database(path, { readonly, fileMustExist: readonly }));
}

/** SQLite's own errors about the file itself, as DatabaseErrors (one line, the path, what to do). */
function sqliteCall<T>(path: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB') throw new DatabaseError('DB_NOT_SQLITE', path, `${path} is not a SQLite database`, { cause: error });
    if (code === 'SQLITE_CORRUPT') throw new DatabaseError('DB_CORRUPT', path, `${path} is a damaged SQLite database`, { cause: error });
    if (code === 'SQLITE_CANTOPEN') throw new DatabaseError('DB_CANNOT_OPEN', path, `cannot open ${path}: ${(error as Error).message}`, { cause: error });
    if (code === 'SQLITE_READONLY') throw new DatabaseError('DB_READ_ONLY', path, `${path} cannot be written (read-only file or directory)`, { cause: error });
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) throw new DatabaseError('DB_BUSY', path, `${path} is locked by another process (waited 5 s)`, { cause: error });
    throw error;
  }
}

/** Open (creating and migrating as needed) the database at `path`; `:memory:` works for tests. */
export function openDatabase(path: string, options: { readonly?: boolean } = {}): EdgarDatabase {
  return new EdgarDatabase(path, options);
}
