/**
 * The database as Parquet, for engines beyond one machine (DuckDB, Spark, Polars, pandas/pyarrow): one dataset per
 * table and view at `DIR/<name>/`. Rows that belong to a filing are partitioned hive-style by the filing's year,
 * `DIR/<name>/filing_year=YYYY/part-{uuid}.parquet` (from `filings.filed_at`; `filing_year=0` holds filings without
 * a FILED AS OF DATE), so a query on a year range reads only those folders, and shards exported on different
 * machines merge by copying their trees together (file names never collide). Small tables not tied to a filing
 * (`schema_migrations`, `feed_notices`) are one file, `DIR/<name>/part-{uuid}.parquet`.
 *
 * Columns are typed from the schema, not guessed per file, so every shard has the same schema: INTEGER → int64,
 * REAL → double, TEXT → string, and the ISO date columns (those the table models CHECK as `YYYY-MM-DD`, and the view
 * columns taken straight from them) → DATE. Share and unit counts are double (see isShareCount). Two exceptions,
 * found by scanning the column and reported: any other INTEGER column that holds fractional values is written as
 * double rather than truncated, and a date value that is not a real calendar date is written as NULL.
 *
 * Written with DuckDB (@duckdb/node-api): rows are read from SQLite with better-sqlite3 (64-bit integers exactly),
 * appended to a DuckDB table one object at a time, and `COPY … TO … (FORMAT parquet, PARTITION_BY …)` writes the
 * files, snappy-compressed (the codec every Parquet reader has, old Spark and Hive included). DuckDB's own Parquet writer is the reference implementation the readers are tested
 * against, and the same library reads the export back in the tests. Its SQLite reader would be an extension
 * downloaded at run time, which is why the rows go through the appender instead.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { pathInside, safeFileName } from './safe-name.js';
import { listSchemaObjects, type SchemaObject } from '../store/docs.js';
import { allTables } from '../store/migrations.js';
import type { ColumnModel, TableModel } from '../store/model.js';

export type ParquetType = 'BIGINT' | 'DOUBLE' | 'VARCHAR' | 'DATE' | 'BLOB';

export interface ParquetColumn {
  name: string;
  type: ParquetType;
}

export interface ParquetDataset {
  name: string;
  kind: SchemaObject['kind'];
  /** The dataset's folder. */
  path: string;
  rows: number;
  partitioned: boolean;
  columns: ParquetColumn[];
  /** Typing decisions worth telling the user (fractional values in an INTEGER column, invalid dates). */
  notes: string[];
}

export interface ParquetExportResult {
  datasets: ParquetDataset[];
  /** Objects that could not be exported (a view over a table this database lacks), with why. */
  failures: string[];
}

/** The partition column added to every per-filing dataset. */
export const PARTITION_COLUMN = 'filing_year';

const SMALL_TABLES = new Set(['schema_migrations', 'feed_notices']);

/** Export the chosen objects (default: every table, view and full-text table) of an open database into `outDir`. */
export async function exportParquet(sqlite: Database.Database, outDir: string, only?: readonly string[]): Promise<ParquetExportResult> {
  const { objects } = listSchemaObjects(sqlite);
  const wanted = only ? objects.filter((o) => only.includes(o.name)) : objects;
  const unknown = (only ?? []).filter((n) => !objects.some((o) => o.name === n));
  if (unknown.length) throw new Error(`no such table or view: ${unknown.join(', ')} (the database has ${objects.map((o) => o.name).join(', ')})`);
  mkdirSync(outDir, { recursive: true });
  const models = new Map(allTables().map((t) => [t.name, t]));
  const hasFilings = objects.some((o) => o.name === 'filings');
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  const result: ParquetExportResult = { datasets: [], failures: [] };
  try {
    for (const object of wanted) {
      try {
        result.datasets.push(await exportObject(sqlite, duck, object, outDir, models, hasFilings));
      } catch (error) {
        result.failures.push(`${object.name}: ${(error as Error).message}`);
      }
    }
  } finally {
    duck.closeSync();
    instance.closeSync();
  }
  return result;
}

async function exportObject(
  sqlite: Database.Database,
  duck: DuckDBConnection,
  object: SchemaObject,
  outDir: string,
  models: Map<string, TableModel>,
  hasFilings: boolean,
): Promise<ParquetDataset> {
  const quoted = quoteIdent(object.name);
  const select = sqlite.prepare(`SELECT * FROM ${quoted}`);
  const origins = select.columns();
  const notes: string[] = [];
  const names = origins.map((c) => c.name);
  if (names.includes(PARTITION_COLUMN)) throw new Error(`has a column named ${PARTITION_COLUMN}, the partition column`);
  const storage = storageClasses(sqlite, quoted, names);
  const columns: ParquetColumn[] = origins.map((c, i) => {
    const declared = schemaType(c, models);
    const seen = storage[i]!;
    if (declared === 'BIGINT' && seen.has('real')) {
      notes.push(`${c.name}: INTEGER column holds fractional values, written as double`);
      return { name: c.name, type: 'DOUBLE' };
    }
    if ((declared === 'BIGINT' || declared === 'DOUBLE') && seen.has('text')) {
      notes.push(`${c.name}: numeric column holds text, written as string`);
      return { name: c.name, type: 'VARCHAR' };
    }
    if (declared !== 'BLOB' && seen.has('blob')) return { name: c.name, type: 'BLOB' };
    return { name: c.name, type: declared };
  });
  const partitioned = hasFilings && names.includes('accession_number') && !SMALL_TABLES.has(object.name) && (object.kind !== 'table' || object.name === 'filings' || models.get(object.name)?.perFiling !== false);

  // Stage: dates as text (cast on the way out, so an impossible date becomes NULL and is counted, not an error).
  const stage = 'stage';
  const stageColumns = columns.map((c) => `${quoteIdent(c.name)} ${c.type === 'DATE' ? 'VARCHAR' : c.type}`);
  if (partitioned) stageColumns.push(`${PARTITION_COLUMN} INTEGER`);
  await duck.run(`DROP TABLE IF EXISTS ${stage}`);
  await duck.run(`CREATE TABLE ${stage} (${stageColumns.join(', ')})`);
  const rowsSql = partitioned
    ? object.name === 'filings'
      ? `SELECT o.*, COALESCE(CAST(substr(o.filed_at, 1, 4) AS INTEGER), 0) FROM ${quoted} AS o`
      : `SELECT o.*, COALESCE((SELECT CAST(substr(f.filed_at, 1, 4) AS INTEGER) FROM filings AS f WHERE f.accession_number = o.accession_number), 0) FROM ${quoted} AS o`
    : `SELECT * FROM ${quoted}`;
  const rows = sqlite.prepare(rowsSql).raw(true).safeIntegers(true);
  const appender = await duck.createAppender(stage);
  let count = 0;
  try {
    for (const row of rows.iterate() as Iterable<unknown[]>) {
      for (let i = 0; i < columns.length; i += 1) append(appender, columns[i]!.type, row[i]);
      if (partitioned) appender.appendInteger(Number(row[columns.length]));
      appender.endRow();
      count += 1;
    }
  } finally {
    appender.closeSync();
  }

  // The folder is named after the object, made safe: a hostile view name must not pick (and empty) another folder.
  const target = pathInside(outDir, safeFileName(object.name));
  // The dataset is replaced as a whole (as `export --format csv` replaces its file); nothing else in DIR is touched.
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const projection = columns.map((c) => (c.type === 'DATE' ? `TRY_CAST(${quoteIdent(c.name)} AS DATE) AS ${quoteIdent(c.name)}` : quoteIdent(c.name)));
  for (const c of columns.filter((col) => col.type === 'DATE')) {
    const bad = await scalar(duck, `SELECT count(*) FROM ${stage} WHERE ${quoteIdent(c.name)} IS NOT NULL AND TRY_CAST(${quoteIdent(c.name)} AS DATE) IS NULL`);
    if (bad > 0) notes.push(`${c.name}: ${bad} value(s) not a calendar date, written as NULL`);
  }
  const path = resolve(target).replace(/'/g, "''");
  // File names are unique per export (part-{uuid}), so the trees of shards exported on different machines merge by
  // copying them together, without one shard's files overwriting another's.
  if (partitioned && count > 0) {
    await duck.run(
      `COPY (SELECT ${[...projection, PARTITION_COLUMN].join(', ')} FROM ${stage}) TO '${path}' ` +
        `(FORMAT parquet, COMPRESSION snappy, PARTITION_BY (${PARTITION_COLUMN}), FILENAME_PATTERN 'part-{uuid}', OVERWRITE_OR_IGNORE true)`,
    );
  } else {
    // An empty per-filing table still gets a file, so every dataset can be read and has its schema.
    await duck.run(`COPY (SELECT ${projection.join(', ')} FROM ${stage}) TO '${path}/part-${randomUUID()}.parquet' (FORMAT parquet, COMPRESSION snappy)`);
  }
  await duck.run(`DROP TABLE ${stage}`);
  return { name: object.name, kind: object.kind, path: target, rows: count, partitioned: partitioned && count > 0, columns, notes };
}

/** Per column, the SQLite storage classes its values use (`integer`, `real`, `text`, `blob`). */
function storageClasses(sqlite: Database.Database, quoted: string, names: string[]): Set<string>[] {
  if (names.length === 0) return [];
  const sql = `SELECT ${names.map((n) => `group_concat(DISTINCT typeof(${quoteIdent(n)}))`).join(', ')} FROM ${quoted}`;
  const row = sqlite.prepare(sql).raw(true).get() as (string | null)[];
  return row.map((v) => new Set((v ?? '').split(',').filter((t) => t !== '' && t !== 'null')));
}

/** The Parquet type a column has by the schema: its table model, else its declared type, else text. */
function schemaType(column: Database.ColumnDefinition, models: Map<string, TableModel>): ParquetType {
  const model = column.table && column.column ? models.get(column.table)?.columns.find((c) => c.name === column.column) : undefined;
  if (model) return modelType(model);
  const declared = (column.type ?? '').toUpperCase();
  if (/INT/.test(declared)) return 'BIGINT';
  if (/REAL|FLOA|DOUB|NUMERIC|DECIMAL/.test(declared)) return 'DOUBLE';
  if (/BLOB/.test(declared)) return 'BLOB';
  return 'VARCHAR';
}

function modelType(column: ColumnModel): ParquetType {
  if (column.type === 'INTEGER') return isShareCount(column) ? 'DOUBLE' : 'BIGINT';
  if (column.type === 'REAL') return 'DOUBLE';
  // The models CHECK every ISO date column with the same GLOB (tables/common.ts isoDateCheck).
  return column.check?.includes("GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'") ? 'DATE' : 'VARCHAR';
}

/**
 * Share and unit counts are INTEGER in SQLite, but the store keeps the rare fractional unit count a filing prints
 * (31,797.3) as a real in them. Written as double in every export, whatever one shard holds, so shards exported on
 * different machines share one schema (a double holds every whole count below 2^53 exactly). Boolean flags whose
 * names mention shares (`excludes_certain_shares`) stay integers.
 */
export function isShareCount(column: ColumnModel): boolean {
  if (column.type !== 'INTEGER' || /IN \(0, 1\)/.test(column.check ?? '')) return false;
  return /(^|_)shares($|_)|_power$|^aggregate_amount$/.test(column.name) || /\bin shares\b/.test(column.doc);
}

function append(appender: DuckDBAppender, type: ParquetType, value: unknown): void {
  if (value === null || value === undefined) return appender.appendNull();
  switch (type) {
    case 'BIGINT':
      return appender.appendBigInt(typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value))));
    case 'DOUBLE':
      return appender.appendDouble(Number(value));
    case 'BLOB':
      return appender.appendBlob(value instanceof Uint8Array ? value : new Uint8Array(Buffer.from(String(value))));
    default:
      return appender.appendVarchar(value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : String(value));
  }
}

async function scalar(duck: DuckDBConnection, sql: string): Promise<number> {
  const reader = await duck.runAndReadAll(sql);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
