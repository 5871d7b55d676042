/**
 * `edgar-extract sql "SELECT …"`: run one query against the database, read-only, and print the rows as a table, CSV,
 * JSON or NDJSON. Writes are refused before anything runs (exit 2): `query_only` is set on the connection; a
 * statement SQLite does not call read-only is refused; and so are statements SQLite counts as read-only although
 * they change something outside the database's content (ATTACH, DETACH, VACUUM, PRAGMA assignments in either form
 * — `x = y` or `x(y)` — and the pragmas that act: optimize, wal_checkpoint, incremental_vacuum, shrink_memory).
 * A query runs in a child process killed after `--timeout` seconds, the only way to stop SQLite mid-statement here.
 */
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option } from 'commander';
import type Database from 'better-sqlite3';
import { EXIT, UsageError, type CliIo, type ParsedCommand } from './command-registry.js';
import { packageRoot } from './package-root.js';
import { runProgram } from './program.js';
import { distinctNames, openReadOnly, parseFormat, toCsv, toJson, toNdjson, toTable, type OutputFormat } from './query-output.js';
import { isQuantityColumn } from './table.js';

/** Pragmas that do something even on a read-only connection, or try to. */
const ACTING_PRAGMAS = new Set(['optimize', 'wal_checkpoint', 'incremental_vacuum', 'shrink_memory', 'integrity_check_repair']);
/** Pragmas whose argument in parentheses names what to read (`PRAGMA table_info(items)`), not a new setting. */
const READING_PRAGMAS_WITH_ARGUMENT = new Set([
  'table_info',
  'table_xinfo',
  'table_list',
  'index_info',
  'index_xinfo',
  'index_list',
  'foreign_key_list',
  'foreign_key_check',
  'integrity_check',
  'quick_check',
]);

/** The SQL with leading white space and comments removed. */
function stripLeadingComments(sql: string): string {
  let s = sql;
  for (;;) {
    const t = s.replace(/^\s+/, '');
    if (t.startsWith('--')) {
      const nl = t.indexOf('\n');
      s = nl < 0 ? '' : t.slice(nl + 1);
    } else if (t.startsWith('/*')) {
      const end = t.indexOf('*/');
      s = end < 0 ? '' : t.slice(end + 2);
    } else {
      return t;
    }
  }
}

/**
 * Why a prepared statement may not run read-only, or null when it may. Exported for tests and for other read-side
 * tools (a Datasette-like server would need the same rule).
 */
export function writeRefusal(stmt: Database.Statement, sql: string): string | null {
  const head = stripLeadingComments(sql);
  const keyword = /^[A-Za-z]+/.exec(head)?.[0]?.toUpperCase() ?? '';
  if (keyword === 'ATTACH' || keyword === 'DETACH') return `${keyword} is refused: the sql command reads this database only`;
  if (keyword === 'VACUUM') return 'VACUUM is refused: it rewrites the database (or writes a new file with VACUUM INTO)';
  if (keyword === 'PRAGMA') {
    const m = /^PRAGMA\s+(?:[A-Za-z_]\w*\s*\.\s*)?([A-Za-z_]\w*)\s*([=(])?/i.exec(head);
    const name = m?.[1]?.toLowerCase() ?? '';
    if (m?.[2] === '=') return `PRAGMA ${m[1]} = … is refused: it changes a setting; only reading pragmas (PRAGMA table_info(x), …) are allowed`;
    if (m?.[2] === '(' && !READING_PRAGMAS_WITH_ARGUMENT.has(name)) return `PRAGMA ${m[1]}(…) is refused: it changes a setting; only reading pragmas (PRAGMA table_info(x), …) are allowed`;
    if (ACTING_PRAGMAS.has(name)) return `PRAGMA ${m![1]} is refused: it acts on the database`;
    // A pragma with no value only reads (`PRAGMA main.journal_mode`), although SQLite does not mark every one read-only.
    if (m) return null;
  }
  if (!stmt.readonly) return `this statement would write to the database (${keyword || 'a write'}), and the sql command is read-only`;
  return null;
}

export interface SqlOptions {
  db: string;
  format: OutputFormat;
  params: Record<string, string | number>;
  /** Seconds; 0 = no limit. */
  timeout: number;
  wide: boolean;
}

/** `NAME=VALUE` pairs → bind parameters. A number written plainly (no leading zero, so not a CIK) binds as a number. */
function bindParams(pairs: readonly string[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param takes a name and a value: --param cik 0000925528 (got "${pair}")`);
    const name = pair.slice(0, eq).replace(/^[:@$]/, '');
    const value = pair.slice(eq + 1);
    out[name] = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return out;
}

async function readStdin(io: CliIo): Promise<string> {
  const stream = io.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

export const sqlCommand: ParsedCommand<{ file?: string; format?: string; param?: string[]; timeout: number; wide?: boolean }> = {
  name: 'sql',
  summary: 'run one read-only SQL query and print the rows',
  description:
    'Run one read-only SQL query against the database and print the result (docs/schema.md lists the tables and\n' +
    'views). Statements that would write (INSERT, UPDATE, DELETE, CREATE, DROP, ATTACH, PRAGMA x = y, PRAGMA x(y),\n' +
    'VACUUM, …) are refused. The query is the argument, a file (--file), or standard input (-).\n' +
    'Tables fit the terminal (--wide for full cells); NULL prints as NULL; only share and money columns get\n' +
    'thousands separators.',
  arguments: ['[query]'],
  shared: ['db', 'json'],
  configure: (cmd) => {
    cmd.addOption(new Option('--format <format>', 'table, csv (RFC 4180), json (an array of objects) or ndjson (one object a line)').choices(['table', 'csv', 'json', 'ndjson']));
    cmd.addOption(new Option('-f, --file <path>', 'read the query from this file'));
    cmd.addOption(
      new Option('-p, --param <name value>', 'bind :name to value (repeatable): --param cik 0000925528').argParser((pair: string, previous: string[] = []) => [...previous, pair]),
    );
    cmd.addOption(
      new Option('--timeout <seconds>', 'stop a query that runs longer (0: no limit)').default(5).argParser((text: string) => {
        const value = Number(text);
        if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) throw new UsageError(`--timeout must be a number of seconds, got "${text}"`);
        return value;
      }),
    );
    cmd.addOption(new Option('--wide', 'do not cut table cells to fit the terminal'));
  },
  rewriteArgv: (argv) => {
    const out: string[] = [];
    for (let i = 0; i < argv.length; i += 1) {
      const arg = argv[i]!;
      if ((arg === '--param' || arg === '-p') && i + 2 < argv.length && !argv[i + 1]!.includes('=')) {
        // sqlite-utils' spelling, two words: --param NAME VALUE → one option value NAME=VALUE.
        out.push(arg, `${argv[i + 1]}=${argv[i + 2]}`);
        i += 2;
      } else if (/^(--|\/\*)/.test(arg) && /\s/.test(arg)) {
        // SQL that starts with a comment (`-- why\nSELECT …`) is the query, not an option.
        out.push(`\n${arg}`);
      } else out.push(arg);
    }
    return out;
  },
  examples: [
    'edgar-extract sql "SELECT form_type, count(*) AS n FROM filings GROUP BY form_type"',
    'edgar-extract sql "SELECT * FROM reporting_persons WHERE accession_number = :acc" --param acc 0001125282-03-003998 --format ndjson',
    'echo "SELECT count(*) FROM filings" | edgar-extract sql -',
  ],
  run: async (args, options, io) => {
    let sql: string;
    if (options.file !== undefined) {
      if (args.length) throw new UsageError('give the query as an argument or with --file, not both');
      if (!existsSync(options.file)) throw new UsageError(`--file ${options.file}: no such file`);
      sql = readFileSync(options.file, 'utf8');
    } else if (args[0] === '-') {
      sql = await readStdin(io);
    } else if (args.length === 1) {
      sql = args[0]!;
    } else {
      throw new UsageError('sql needs a query, e.g. edgar-extract sql "SELECT count(*) FROM filings" (or --file FILE, or - for standard input)');
    }
    const format = options.json ? 'json' : parseFormat(options.format, ['table', 'csv', 'json', 'ndjson'], 'table');
    return runSql(sql, { db: options.db ?? 'edgar.db', format, params: bindParams(options.param ?? []), timeout: options.timeout, wide: Boolean(options.wide) }, io);
  },
};

/** Check the query in this process (so refusals are immediate), then run it, in a child process when time-limited. */
export async function runSql(sql: string, options: SqlOptions, io: CliIo): Promise<number> {
  let columns: string[];
  let rows: unknown[][];
  const sqlite = openReadOnly(options.db);
  try {
    let stmt: Database.Statement;
    try {
      stmt = sqlite.prepare(sql);
    } catch (error) {
      const message = (error as Error).message;
      throw new UsageError(/more than one statement/i.test(message) ? 'give one statement at a time (the query holds more than one)' : `the query cannot run: ${message}`);
    }
    const refusal = writeRefusal(stmt, sql);
    if (refusal) throw new UsageError(refusal);
    if (!stmt.reader) {
      // BEGIN, SAVEPOINT, a pragma that returns nothing: harmless, nothing to print.
      stmt.run();
      return EXIT.ok;
    }
    if (options.timeout === 0) {
      stmt.raw(true);
      columns = distinctNames(stmt.columns().map((c) => c.name));
      try {
        rows = (Object.keys(options.params).length ? stmt.all(options.params) : stmt.all()) as unknown[][];
      } catch (error) {
        throw new UsageError(`the query failed: ${(error as Error).message}`);
      }
    }
  } finally {
    sqlite.close();
  }
  if (options.timeout > 0) {
    try {
      ({ columns, rows } = await runInChild(sql, options));
    } catch (error) {
      if (!(error instanceof QueryStopped)) throw error;
      io.stderr.write(`edgar-extract: ${error.message}\n`);
      return EXIT.inputFailed;
    }
  }
  printRows(columns!, rows!, options, io);
  return EXIT.ok;
}

/** The time limit ended the query (exit 1: the command was right, this query is too slow). */
class QueryStopped extends Error {}

function runnerPath(): string {
  const beside = fileURLToPath(new URL('./sql-runner.js', import.meta.url));
  return existsSync(beside) ? beside : join(packageRoot(), 'dist', 'src', 'cli', 'sql-runner.js');
}

function runInChild(sql: string, options: SqlOptions): Promise<{ columns: string[]; rows: unknown[][] }> {
  return new Promise((resolve, reject) => {
    const child = fork(runnerPath(), [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      child.kill('SIGKILL');
      reject(new QueryStopped(`the query ran longer than ${options.timeout} s and was stopped (--timeout SECONDS to allow more, 0 for no limit)`));
    }, options.timeout * 1000);
    child.once('message', (answer: { columns: string[]; rows: unknown[][] } | { error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if ('error' in answer) reject(new UsageError(`the query failed: ${answer.error}`));
      else resolve(answer);
    });
    child.once('exit', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`the query process ended without an answer (exit ${code})`));
    });
    child.send({ db: options.db, sql, params: options.params });
  });
}

function printRows(columns: string[], rows: unknown[][], options: SqlOptions, io: CliIo): void {
  if (options.format === 'csv') io.stdout.write(toCsv(columns, rows));
  else if (options.format === 'json') io.stdout.write(toJson(columns, rows));
  else if (options.format === 'ndjson') io.stdout.write(toNdjson(columns, rows));
  else {
    const fit = !options.wide && io.stdout.isTTY === true ? (io.stdout.columns ?? 100) : undefined;
    io.stdout.write(
      toTable(columns, rows, {
        nullText: 'NULL',
        groupDigits: isQuantityColumn,
        ...(fit !== undefined ? { maxWidth: fit } : {}),
        ...(options.wide ? { maxCell: Number.POSITIVE_INFINITY } : {}),
      }),
    );
    io.stderr.write(`${rows.length} row${rows.length === 1 ? '' : 's'}\n`);
  }
}

/** `sql`'s argument list (after the word `sql`) → exit code; the same as `edgar-extract sql …`. */
export async function runSqlCommand(argv: readonly string[], io: Partial<CliIo> & Pick<CliIo, 'stdout' | 'stderr'>): Promise<number> {
  return runProgram([sqlCommand], ['sql', ...argv], { env: process.env, ...io });
}

