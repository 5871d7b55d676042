/**
 * `edgar-extract sql "SELECT …" [--db FILE] [--format table|csv|json]`: run one query against the database, read-only,
 * and print the rows. Writes are refused before anything runs (exit 2), three ways: the connection is opened
 * read-only with query_only set; a statement SQLite does not call read-only is refused; and so are statements SQLite
 * counts as read-only although they change something outside the database's content (ATTACH, DETACH, VACUUM,
 * PRAGMA assignments, and the pragmas that act: optimize, wal_checkpoint, incremental_vacuum, shrink_memory).
 */
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { CommandUsageError, distinctNames, openReadOnly, parseFormat, toCsv, toJson, toTable, type CommandIo } from './query-output.js';

export const SQL_USAGE = `Usage: edgar-extract sql "SELECT …" [--db FILE] [--format table|csv|json]

Run one read-only SQL query against the database and print the result (see docs/schema.md for the tables and views).
Statements that would write (INSERT, UPDATE, DELETE, CREATE, DROP, ATTACH, PRAGMA x = y, VACUUM, …) are refused.

Options:
  --db FILE          SQLite database to read (default ./edgar.db)
  --format FORMAT    table (default, for reading), csv (RFC 4180) or json (an array of objects)
  -h, --help         show this help`;

/** Pragmas that do something even on a read-only connection, or try to. */
const ACTING_PRAGMAS = new Set(['optimize', 'wal_checkpoint', 'incremental_vacuum', 'shrink_memory', 'integrity_check_repair']);

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
    const m = /^PRAGMA\s+(?:[A-Za-z_][\w]*\s*\.\s*)?([A-Za-z_]\w*)\s*(=)?/i.exec(head);
    if (m?.[2]) return `PRAGMA ${m[1]} = … is refused: it changes a setting; only reading pragmas (PRAGMA table_info(x), …) are allowed`;
    if (m && ACTING_PRAGMAS.has(m[1]!.toLowerCase())) return `PRAGMA ${m[1]} is refused: it acts on the database`;
  }
  if (!stmt.readonly) return `this statement would write to the database (${keyword || 'a write'}), and the sql command is read-only`;
  return null;
}

interface SqlArgs {
  sql: string;
  db: string;
  format: 'table' | 'csv' | 'json';
}

function parseSqlArgs(argv: readonly string[]): SqlArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { db: { type: 'string', default: 'edgar.db' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new CommandUsageError(positionals.length === 0 ? 'sql needs a query, e.g. edgar-extract sql "SELECT count(*) FROM filings"' : 'sql takes exactly one query: put it in quotes');
  const format = parseFormat(values.format, ['table', 'csv', 'json'], 'table') as SqlArgs['format'];
  return { sql: positionals[0]!, db: values.db!, format };
}

/** Run `sql`'s argument list (after the word `sql`); returns the exit code. */
export async function runSqlCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let sqlite: Database.Database | null = null;
  try {
    const args = parseSqlArgs(argv);
    if (args === 'help') {
      io.stdout.write(`${SQL_USAGE}\n`);
      return 0;
    }
    sqlite = openReadOnly(args.db);
    let stmt: Database.Statement;
    try {
      stmt = sqlite.prepare(args.sql);
    } catch (error) {
      const message = (error as Error).message;
      throw new CommandUsageError(
        /more than one statement/i.test(message) ? 'give one statement at a time (the query holds more than one)' : `the query cannot run: ${message}`,
      );
    }
    const refusal = writeRefusal(stmt, args.sql);
    if (refusal) throw new CommandUsageError(refusal);
    if (!stmt.reader) {
      // BEGIN, SAVEPOINT, a pragma that returns nothing: harmless, nothing to print.
      stmt.run();
      return 0;
    }
    stmt.raw(true);
    const columns = distinctNames(stmt.columns().map((c) => c.name));
    let rows: unknown[][];
    try {
      rows = stmt.all() as unknown[][];
    } catch (error) {
      throw new CommandUsageError(`the query failed: ${(error as Error).message}`);
    }
    if (args.format === 'csv') io.stdout.write(toCsv(columns, rows));
    else if (args.format === 'json') io.stdout.write(toJson(columns, rows));
    else {
      io.stdout.write(toTable(columns, rows));
      io.stderr.write(`${rows.length} row${rows.length === 1 ? '' : 's'}\n`);
    }
    return 0;
  } catch (error) {
    return reportCommandError('sql', error, io, SQL_USAGE);
  } finally {
    sqlite?.close();
  }
}

/** Usage problems → one line on stderr and exit 2; anything else is a defect and is rethrown. */
export function reportCommandError(command: string, error: unknown, io: CommandIo, usage: string): number {
  if (error instanceof CommandUsageError) {
    io.stderr.write(`edgar-extract ${command}: ${error.message}\n`);
    return 2;
  }
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    io.stderr.write(`edgar-extract ${command}: ${error.message}\n\n${usage}\n`);
    return 2;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    io.stderr.write(`edgar-extract ${command}: ${(error as Error).message} (${code})\n`);
    return 1;
  }
  throw error;
}
