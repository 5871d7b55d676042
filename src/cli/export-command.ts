/**
 * `edgar-extract export --format csv|json|parquet --out DIR [--db FILE] [--tables a,b]`: write every table and view
 * (the full-text table too; FTS5's internal shadow tables never) to DIR/<name>.csv or DIR/<name>.json, reading
 * the database read-only and streaming rows, so exporting a large database needs little memory. Parquet writes one
 * dataset per object, DIR/<name>/, partitioned by filing year (src/export/parquet.ts).
 */
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Option } from 'commander';
import type Database from 'better-sqlite3';
import { exportParquet } from '../export/parquet.js';
import { safeFileName } from '../export/safe-name.js';
import { listSchemaObjects } from '../store/docs.js';
import { EXIT, UsageError, type CliIo, type ParsedCommand } from './command-registry.js';
import { runProgram } from './program.js';
import { CommandUsageError, csvRecord, distinctNames, jsonObject, openReadOnly } from './query-output.js';

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
  makeOutputDir(outDir);
  const files: ExportedFile[] = [];
  const failures: string[] = [];
  const used = new Set<string>();
  for (const name of wanted) {
    const path = exportPath(outDir, name, format, used);
    try {
      files.push({ name, path, rows: exportObject(sqlite, name, format, path) });
    } catch (error) {
      // A view over a table that does not exist yet cannot be read; the others are still worth having.
      failures.push(`${name}: ${(error as Error).message}`);
    }
  }
  return { files, failures };
}

/**
 * The file a table or view is written to: its name made safe as a file name (a view may be called `../../x`; no
 * name from the database may choose where a file goes), kept distinct from the other tables' files, and checked to
 * lie directly inside `outDir`.
 */
export function exportPath(outDir: string, name: string, format: string, used: Set<string> = new Set()): string {
  const base = safeFileName(name);
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${base}_${n}`;
  used.add(candidate.toLowerCase());
  const path = join(outDir, `${candidate}.${format}`);
  if (dirname(resolve(path)) !== resolve(outDir)) throw new UsageError(`refusing to write ${name}: its file would land outside ${outDir}`);
  return path;
}

/**
 * Create `--out` and any missing parents one level at a time: an existing file is a usage error, and a path the
 * system will not create (under /proc, say) fails at once (Node's recursive mkdir loops forever there).
 */
function makeOutputDir(outDir: string): void {
  const full = resolve(outDir);
  if (existsSync(full)) {
    if (!statSync(full).isDirectory()) throw new UsageError(`--out ${outDir} is a file; give a folder to write the tables into`);
    return;
  }
  const missing: string[] = [];
  for (let dir = full; !existsSync(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  const parent = dirname(missing[0]!);
  if (existsSync(parent) && !statSync(parent).isDirectory()) throw new UsageError(`--out ${outDir}: ${parent} is a file, not a folder`);
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      throw new UsageError(`cannot create --out ${outDir}: ${(error as NodeJS.ErrnoException).code ?? ''} ${(error as Error).message}`.replace(/\s+/g, ' '));
    }
  }
}

export const exportCommand: ParsedCommand<{ format: 'csv' | 'json' | 'parquet'; out: string; tables?: string }> = {
  name: 'export',
  summary: 'write every table and view to CSV or JSON files, or Parquet datasets',
  description:
    'Write each table and view of the database to DIR/<name>.csv (RFC 4180, header row), DIR/<name>.json\n' +
    '(an array of objects, snake_case keys), or the Parquet dataset DIR/<name>/ (typed columns; rows of a filing\n' +
    'partitioned by its year as DIR/<name>/filing_year=YYYY/*.parquet; read with DuckDB, Spark, Polars, pandas).\n' +
    'The database is only read; DIR is created if missing.',
  shared: ['db', 'quiet'],
  configure: (cmd) => {
    cmd.addOption(new Option('--format <format>', 'csv, json or parquet').choices(['csv', 'json', 'parquet']).makeOptionMandatory());
    cmd.addOption(new Option('--out <dir>', 'folder to write into (existing files of the same name are replaced)').makeOptionMandatory());
    cmd.addOption(new Option('--tables <list>', 'only these tables and views, comma-separated'));
  },
  examples: ['edgar-extract export --format csv --out exported', 'edgar-extract export --format parquet --out parquet', 'edgar-extract export --format json --out exported --tables filings,reporting_persons'],
  run: async (_args, options, io) => {
    const only = options.tables
      ?.split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const sqlite = openReadOnly(options.db ?? 'edgar.db');
    try {
      if (options.format === 'parquet') {
        const names = listSchemaObjects(sqlite).objects.map((o) => o.name);
        const unknown = (only ?? []).filter((n) => !names.includes(n));
        if (unknown.length) throw new UsageError(`no such table or view: ${unknown.join(', ')} (the database has ${names.join(', ')})`);
        makeOutputDir(options.out);
        const { datasets, failures } = await exportParquet(sqlite, options.out, only);
        if (!options.quiet) {
          for (const d of datasets) {
            io.stderr.write(`wrote ${d.path}/ (${d.rows} row${d.rows === 1 ? '' : 's'}${d.partitioned ? ', partitioned by filing_year' : ''})\n`);
            for (const note of d.notes) io.stderr.write(`  note: ${note}\n`);
          }
        }
        for (const f of failures) io.stderr.write(`edgar-extract export: could not export ${f}\n`);
        if (!options.quiet) io.stderr.write(`exported ${datasets.length} Parquet dataset(s) to ${options.out}\n`);
        return failures.length ? EXIT.inputFailed : EXIT.ok;
      }
      const { files, failures } = exportDatabase(sqlite, options.format, options.out, only);
      if (!options.quiet) {
        for (const f of files) io.stderr.write(`wrote ${f.path} (${f.rows} row${f.rows === 1 ? '' : 's'})\n`);
      }
      for (const f of failures) io.stderr.write(`edgar-extract export: could not export ${f}\n`);
      if (!options.quiet) io.stderr.write(`exported ${files.length} table(s) and view(s) to ${options.out}\n`);
      return failures.length ? EXIT.inputFailed : EXIT.ok;
    } finally {
      sqlite.close();
    }
  },
};

/** `export`'s argument list (after the word `export`) → exit code; the same as `edgar-extract export …`. */
export async function runExportCommand(argv: readonly string[], io: Partial<CliIo> & Pick<CliIo, 'stdout' | 'stderr'>): Promise<number> {
  return runProgram([exportCommand], ['export', ...argv], { env: process.env, ...io });
}
