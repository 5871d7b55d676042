/**
 * The store stage: SQLite through better-sqlite3.
 *   - The schema comes from the table models (tables/*.ts); migrations add tables in order and are recorded in
 *     `schema_migrations`, so an older database is brought up to date when opened.
 *   - One transaction per filing: a crash leaves either the old rows or the new ones, never half a filing.
 *   - Keyed on the accession number: storing the same bytes again changes nothing (not even `stored_at`); storing
 *     different bytes for the same accession replaces every row of that filing.
 *   - WAL mode, so readers (the sqlite3 shell, Datasette) never block a running batch.
 */
import Database from 'better-sqlite3';
import { camelCase, createTableSql, toSqlValue, type TableModel } from './model.js';
import { MIGRATIONS, allTables } from './migrations.js';

/** Rows to store for one filing, by table name; row keys are the columns in camelCase. */
export type FilingRows = Record<string, Record<string, unknown>[]>;

export interface StoreOutcome {
  accessionNumber: string;
  /** false when the identical input was already stored (nothing was written). */
  changed: boolean;
}

export class EdgarDatabase {
  readonly sqlite: Database.Database;
  private readonly inserts = new Map<string, Database.Statement>();
  private readonly deletes = new Map<string, Database.Statement>();

  constructor(path: string, options: { readonly?: boolean } = {}) {
    this.sqlite = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    if (options.readonly) return;
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('foreign_keys = ON');
    this.sqlite.pragma('busy_timeout = 5000');
    this.migrate();
  }

  /** Apply every migration not yet recorded, each in its own transaction. */
  private migrate(): void {
    const db = this.sqlite;
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      db.transaction(() => {
        for (const table of migration.tables ?? []) for (const sql of createTableSql(table)) db.exec(sql);
        for (const sql of migration.sql ?? []) db.exec(sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
      })();
    }
  }

  /** Is this accession stored? (Batches use it to skip work after an interruption.) */
  hasFiling(accessionNumber: string): boolean {
    return this.sqlite.prepare('SELECT 1 FROM filings WHERE accession_number = ?').get(accessionNumber) !== undefined;
  }

  /**
   * Store one filing's rows in one transaction. `rows.filings` must hold exactly one row, with `sourceSha256` and
   * `pipelineVersion`. Identical input already stored by the same pipeline version → nothing is written.
   * `afterWrite` runs inside the same transaction, after the rows are written.
   */
  storeFiling(rows: FilingRows, afterWrite?: () => void): StoreOutcome {
    const filing = rows.filings?.[0];
    if (!filing || rows.filings!.length !== 1) throw new Error('storeFiling: rows.filings must hold exactly one row');
    const accessionNumber = String(filing.accessionNumber);
    const existing = this.sqlite.prepare('SELECT source_sha256 AS sha, pipeline_version AS version FROM filings WHERE accession_number = ?').get(accessionNumber) as
      | { sha: string; version: string }
      | undefined;
    if (existing && existing.sha === filing.sourceSha256 && existing.version === filing.pipelineVersion) return { accessionNumber, changed: false };

    this.sqlite.transaction(() => {
      // Children first (foreign keys), then the filing row, then the new rows.
      for (const table of [...allTables()].reverse()) {
        if (table.perFiling) this.deleteStatement(table).run(accessionNumber);
      }
      for (const table of allTables()) {
        const tableRows = rows[table.name];
        if (!tableRows) continue;
        const insert = this.insertStatement(table);
        for (const row of tableRows) insert.run(bindRow(table, row));
      }
      // Derived rows (amendment chains, full-text index) commit or roll back with the filing.
      afterWrite?.();
    })();
    return { accessionNumber, changed: true };
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

  private deleteStatement(table: TableModel): Database.Statement {
    let stmt = this.deletes.get(table.name);
    if (!stmt) {
      stmt = this.sqlite.prepare(`DELETE FROM ${table.name} WHERE accession_number = ?`);
      this.deletes.set(table.name, stmt);
    }
    return stmt;
  }
}

function bindRow(table: TableModel, row: Record<string, unknown>): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const c of table.columns) out[c.name] = toSqlValue(row[camelCase(c.name)]);
  return out;
}

/** Open (creating and migrating as needed) the database at `path`; `:memory:` works for tests. */
export function openDatabase(path: string, options: { readonly?: boolean } = {}): EdgarDatabase {
  return new EdgarDatabase(path, options);
}
