/**
 * `edgar-extract export --format csv|json|parquet --out DIR [--db FILE] [--tables a,b]`: write every table and view
 * (the full-text table too; FTS5's internal shadow tables never) to DIR/<name>.csv or DIR/<name>.json, reading
 * the database read-only and streaming rows, so exporting a large database needs little memory. Parquet writes one
 * dataset per object, DIR/<name>/, partitioned by filing year (src/export/parquet.ts).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { exportParquet } from '../export/parquet.js';
import { listSchemaObjects } from '../store/docs.js';
import { CommandUsageError, csvRecord, distinctNames, jsonObject, openReadOnly, parseFormat, type CommandIo } from './query-output.js';
import { reportCommandError } from './sql-command.js';

export const EXPORT_USAGE = `Usage: edgar-extract export --format csv|json|parquet --out DIR [--db FILE] [--tables NAME,NAME]

Write each table and view of the database to DIR/<name>.csv (RFC 4180, header row), DIR/<name>.json
(an array of objects), or the Parquet dataset DIR/<name>/ (typed columns; rows of a filing partitioned by its
year as DIR/<name>/filing_year=YYYY/*.parquet; read with DuckDB, Spark, Polars, pandas). The database is only read.

Options:
  --format FORMAT   csv, json or parquet (required)
  --out DIR         folder to write into (created if missing; existing files of the same name are replaced)
  --db FILE         SQLite database to read (default ./edgar.db)
  --tables LIST     only these tables and views, comma-separated
  -h, --help        show this help`;

export interface ExportedFile {
  name: string;
  path: string;
  rows: number;
}

/** Buffered writes to a file descriptor: one syscall per 64 KB instead of one per row. */
class FileSink {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= 65536) this.flush();
  }
  flush(): void {
    if (this.chunks.length) writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Write one table or view; returns the number of rows. */
export function exportObject(sqlite: Database.Database, name: string, format: 'csv' | 'json', path: string): number {
  const stmt = sqlite.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw(true);
  const columns = distinctNames(stmt.columns().map((c) => c.name));
  const sink = new FileSink(path);
  let rows = 0;
  try {
    if (format === 'csv') sink.write(csvRecord(columns));
    else sink.write('[');
    for (const row of stmt.iterate() as Iterable<unknown[]>) {
      if (format === 'csv') sink.write(csvRecord(row));
      else sink.write(`${rows === 0 ? '\n' : ',\n'}${JSON.stringify(jsonObject(columns, row))}`);
      rows += 1;
    }
    if (format === 'json') sink.write(rows === 0 ? ']\n' : '\n]\n');
  } finally {
    sink.close();
  }
  return rows;
}

/** Export the chosen objects (default: every table and view) of an open database into `outDir`. */
export function exportDatabase(sqlite: Database.Database, format: 'csv' | 'json', outDir: string, only?: string[]): { files: ExportedFile[]; failures: string[] } {
  const { objects } = listSchemaObjects(sqlite);
  const names = objects.map((o) => o.name);
  const wanted = only ?? names;
  const unknown = wanted.filter((n) => !names.includes(n));
  if (unknown.length) throw new CommandUsageError(`no such table or view: ${unknown.join(', ')} (the database has ${names.join(', ')})`);
  mkdirSync(outDir, { recursive: true });
  const files: ExportedFile[] = [];
  const failures: string[] = [];
  for (const name of wanted) {
    const path = join(outDir, `${name}.${format}`);
    try {
      files.push({ name, path, rows: exportObject(sqlite, name, format, path) });
    } catch (error) {
      // A view over a table that does not exist yet cannot be read; the others are still worth having.
      failures.push(`${name}: ${(error as Error).message}`);
    }
  }
  return { files, failures };
}

export async function runExportCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let sqlite: Database.Database | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        db: { type: 'string', default: 'edgar.db' },
        tables: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
    if (values.help) {
      io.stdout.write(`${EXPORT_USAGE}\n`);
      return 0;
    }
    if (positionals.length) throw new CommandUsageError(`export takes no arguments besides options (got ${positionals.join(' ')})`);
    if (!values.format) throw new CommandUsageError('export needs --format csv, json or parquet');
    const format = values.format === 'parquet' ? 'parquet' : (parseFormat(values.format, ['csv', 'json', 'parquet' as never], 'csv') as 'csv' | 'json');
    if (!values.out) throw new CommandUsageError('export needs --out DIR, the folder to write the files into');
    const only = values.tables
      ?.split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    sqlite = openReadOnly(values.db!);
    if (format === 'parquet') {
      const names = listSchemaObjects(sqlite).objects.map((o) => o.name);
      const unknown = (only ?? []).filter((n) => !names.includes(n));
      if (unknown.length) throw new CommandUsageError(`no such table or view: ${unknown.join(', ')} (the database has ${names.join(', ')})`);
      const { datasets, failures } = await exportParquet(sqlite, values.out, only);
      for (const d of datasets) {
        io.stderr.write(`wrote ${d.path}/ (${d.rows} row${d.rows === 1 ? '' : 's'}${d.partitioned ? ', partitioned by filing_year' : ''})\n`);
        for (const note of d.notes) io.stderr.write(`  note: ${note}\n`);
      }
      for (const f of failures) io.stderr.write(`edgar-extract export: could not export ${f}\n`);
      io.stderr.write(`exported ${datasets.length} Parquet dataset(s) to ${values.out}\n`);
      return failures.length ? 1 : 0;
    }
    const { files, failures } = exportDatabase(sqlite, format, values.out, only);
    for (const f of files) io.stderr.write(`wrote ${f.path} (${f.rows} row${f.rows === 1 ? '' : 's'})\n`);
    for (const f of failures) io.stderr.write(`edgar-extract export: could not export ${f}\n`);
    io.stderr.write(`exported ${files.length} table(s) and view(s) to ${values.out}\n`);
    return failures.length ? 1 : 0;
  } catch (error) {
    return reportCommandError('export', error, io, EXPORT_USAGE);
  } finally {
    sqlite?.close();
  }
}
