/**
 * The command line, as a function (`runCli(argv, io) → exit code`) so tests run it in-process. It parses arguments,
 * calls the library, and prints; nothing else. Commands:
 *   edgar-extract <accession | file | directory>... [--db FILE] [--json]   store every input, print a summary
 *   edgar-extract parse <file> [--json]                                  print the parse tree, store nothing
 *   edgar-extract cik <CIK> [...]                                        every filing of a CIK (see cik-command.ts)
 *   edgar-extract sql | search | export                                  query the database (read-only)
 * Exit codes (design.md §3): 0 success, 1 a parse or extraction failure of an input, 2 usage error, 3 network failure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isEdgarError, isFetchError, isNotFoundError, isParseError, isValidationError } from '../errors/index.js';
import { parseSubmission } from '../parse/index.js';
import { ingestSubmission } from '../pipeline.js';
import { openDatabase, type EdgarDatabase } from '../store/database.js';
import { runCikCommand } from './cik-command.js';
import { runExportCommand } from './export-command.js';
import { IngestUsageError, runIngestCommand } from './ingest-command.js';
import { runSearchCommand } from './search-command.js';
import { runSqlCommand } from './sql-command.js';
import { packageRoot } from './package-root.js';
import { formatFilingSummary } from './summary.js';

export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
}

export const USAGE = `Usage: edgar-extract <accession-number | file | directory>... [--db FILE] [--json | --json-lines] [--jobs N] [-q | -v]
       edgar-extract parse <file> [--json]
       edgar-extract cik <CIK> [--forms "SC 13D,SC 13D/A"] [--since YYYY-MM-DD] [--db FILE] ...
       edgar-extract sql "SELECT ..." [--db FILE] [--format table|csv|json]
       edgar-extract search "WORDS" [--db FILE] [--limit N] [--items]
       edgar-extract export --format csv|json --out DIR [--db FILE]

Parse EDGAR submissions, extract Schedule 13D/13G data, and store everything in SQLite (default ./edgar.db).
An accession number is looked up in samples/ and the cache first; only then fetched (needs EDGAR_USER_AGENT).

Options:
  --db FILE     SQLite database to write (default ./edgar.db)
  --json        print the records as one JSON array (streamed, one filing at a time) instead of summaries
  --json-lines  print the records as NDJSON: one JSON object per filing per line
  -j, --jobs N  worker threads parsing and extracting (default: the available cores; 0: none)
  -q, --quiet   print only failed inputs (no summaries, progress or totals)
  -v, --verbose a summary of every filing (by default only for up to 5 inputs; larger batches show progress)
  --refresh     refetch an accession even when it is cached
  -h, --help    show this help
  --version     print the version`;

export async function runCli(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'cik') {
      return await runCikCommand(rest, {
        env: io.env,
        stdout: io.stdout,
        stderr: io.stderr,
        storage: (args) => {
          const db = openDatabase(args.db);
          return {
            isStored: (accession) => db.hasFiling(accession),
            processFiling: (accession, bytes) => {
              ingestSubmission(db, bytes, { sourceName: accession });
            },
            close: () => db.close(),
          };
        },
      });
    }
    if (command === 'parse') return runParse(rest, io);
    if (command === 'sql') return await runSqlCommand(rest, io);
    if (command === 'search') return await runSearchCommand(rest, io);
    if (command === 'export') return await runExportCommand(rest, io);
    return await runStore(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function runParse(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({ args: [...argv], options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) {
    io.stdout.write('Usage: edgar-extract parse <file> [--json]\n\nPrint the parse tree of one submission (header and document envelopes) without storing it.\n');
    return 0;
  }
  if (positionals.length !== 1) return usageError('parse takes exactly one file', io);
  const file = positionals[0]!;
  const submission = parseSubmission(readInput(file), { sourceName: file });
  const { bytes: _bytes, ...tree } = submission;
  if (values.json) io.stdout.write(`${JSON.stringify(tree, null, 2)}\n`);
  else io.stdout.write(`${formatFilingSummary(submission, null)}\n`);
  return 0;
}

/** The store command's arguments → IngestCommandOptions; the batch itself is runIngestCommand (ingest-command.ts). */
async function runStore(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      db: { type: 'string', default: 'edgar.db' },
      json: { type: 'boolean' },
      'json-lines': { type: 'boolean' },
      jobs: { type: 'string', short: 'j' },
      quiet: { type: 'boolean', short: 'q' },
      verbose: { type: 'boolean', short: 'v' },
      refresh: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${readVersion()}\n`);
    return 0;
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs)) return usageError(`--jobs takes a whole number, not ${values.jobs}`, io);
    jobs = Number(values.jobs);
  }
  try {
    return await runIngestCommand(
      {
        inputs: positionals,
        db: values.db!,
        json: Boolean(values.json),
        jsonLines: Boolean(values['json-lines']),
        ...(jobs !== undefined ? { jobs } : {}),
        quiet: Boolean(values.quiet),
        verbose: Boolean(values.verbose),
        refresh: Boolean(values.refresh),
      },
      io,
    );
  } catch (error) {
    if (error instanceof IngestUsageError) return usageError(error.message, io);
    throw error;
  }
}

function readInput(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

class CliUsageError extends Error {}

function usageError(message: string, io: CliIo): number {
  io.stderr.write(`edgar-extract: ${message}\n\n${USAGE}\n`);
  return 2;
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CliUsageError) return usageError(error.message, io);
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return usageError(error.message, io);
  if (isParseError(error)) {
    io.stderr.write(`${error.format()}\n`);
    return 1;
  }
  if (isValidationError(error)) {
    io.stderr.write(`edgar-extract: ${error.message}\n`);
    return 2;
  }
  if (isFetchError(error) || isNotFoundError(error)) {
    io.stderr.write(`edgar-extract: ${error.message}\n`);
    return 3;
  }
  if (isEdgarError(error)) {
    io.stderr.write(`edgar-extract: ${error.code}: ${error.message}\n`);
    return 1;
  }
  throw error;
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export type { EdgarDatabase };
