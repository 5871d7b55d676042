/**
 * The command line, as a function (`runCli(argv, io) → exit code`) so tests run it in-process. It parses arguments,
 * calls the library, and prints; nothing else. Commands:
 *   edgar-extract <accession | file | directory | archive>... [--db FILE] [--json]   store every input, print a summary
 *   edgar-extract parse <file> [--json]                                  print the parse tree, store nothing
 *   edgar-extract cik <CIK> [...]                                        every filing of a CIK (see cik-command.ts)
 *   edgar-extract index --since … [...]                                  every filing of a date range (index-command.ts)
 *   edgar-extract feed --date … [...]                                    one day of the PDS Feed (feed-command.ts)
 *   edgar-extract sql | search | export                                  query the database (read-only)
 * Exit codes (design.md §3): 0 success, 1 a parse or extraction failure of an input, 2 usage error, 3 network failure.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isEdgarError, isFetchError, isNotFoundError, isParseError, isValidationError } from '../errors/index.js';
import { isAccessionNumber } from '../fetch/accession.js';
import { listInputFiles } from '../input-files.js';
import { ingestArchiveMember } from '../input/archive-ingest.js';
import { isArchivePath, readArchiveMembers, type ArchiveMember } from '../input/feed-archive.js';
import { resolveAccession } from '../fetch/resolve.js';
import { parseSubmission } from '../parse/index.js';
import { ingestSubmission, type IngestResult } from '../pipeline.js';
import { openDatabase, type EdgarDatabase } from '../store/database.js';
import { runCikCommand } from './cik-command.js';
import { runExportCommand } from './export-command.js';
import { runFeedCommand } from './feed-command.js';
import { runIndexCommand } from './index-command.js';
import { runSearchCommand } from './search-command.js';
import { runSqlCommand } from './sql-command.js';
import { packageRoot } from './package-root.js';
import { formatFilingSummary, filingJson } from './summary.js';

export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  env: NodeJS.ProcessEnv;
}

export const USAGE = `Usage: edgar-extract <accession-number | file | directory | archive>... [--db FILE] [--json]
       edgar-extract parse <file> [--json]
       edgar-extract cik <CIK> [--forms "SC 13D,SC 13D/A"] [--since YYYY-MM-DD] [--db FILE] ...
       edgar-extract index --since YYYY-MM-DD [--until YYYY-MM-DD] [--forms LIST|all] [--limit N] [--db FILE] ...
       edgar-extract feed --date YYYY-MM-DD [--forms LIST|all] [--db FILE] ...
       edgar-extract sql "SELECT ..." [--db FILE] [--format table|csv|json]
       edgar-extract search "WORDS" [--db FILE] [--limit N] [--items]
       edgar-extract export --format csv|json|parquet --out DIR [--db FILE]

Parse EDGAR submissions, extract Schedule 13D/13G data, and store everything in SQLite (default ./edgar.db).
An accession number is looked up in samples/ and the cache first; only then fetched (needs EDGAR_USER_AGENT).
An archive (.tar, .tar.gz, .tgz, a PDS Feed .nc.tar.gz) is read as it streams, each .nc/.txt member stored.

Options:
  --db FILE     SQLite database to write (default ./edgar.db)
  --json        print the records as JSON instead of a summary
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
    if (command === 'index') return await runIndexCommand(rest, { env: io.env, stdout: io.stdout, stderr: io.stderr, storage: (args) => sqliteBatchStorage(args.db) });
    if (command === 'feed') return await runFeedCommand(rest, { env: io.env, stdout: io.stdout, stderr: io.stderr, openDatabase: (path) => openDatabase(path) });
    if (command === 'parse') return runParse(rest, io);
    if (command === 'sql') return await runSqlCommand(rest, io);
    if (command === 'search') return await runSearchCommand(rest, io);
    if (command === 'export') return await runExportCommand(rest, io);
    return await runStore(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

/** The SQLite store behind a fetch-and-store command (`index`, `feed`): skip what is stored, ingest the rest. */
function sqliteBatchStorage(path: string) {
  const db = openDatabase(path);
  return {
    db,
    isStored: (accession: string) => db.hasFiling(accession),
    processFiling: (accession: string, bytes: Uint8Array) => {
      ingestSubmission(db, bytes, { sourceName: accession });
    },
    close: () => db.close(),
  };
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

async function runStore(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      db: { type: 'string', default: 'edgar.db' },
      json: { type: 'boolean' },
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
  if (positionals.length === 0) return usageError('nothing to do: give an accession number, a file or a directory', io);

  const db = openDatabase(values.db!);
  let exitCode = 0;
  const results: IngestResult[] = [];
  let stored = 0;
  try {
    for (const input of positionals) {
      for await (const source of expandInput(input, io, Boolean(values.refresh))) {
        try {
          const result = source.member
            ? ingestArchiveMember(db, source.member.archive, source.member)
            : ingestSubmission(db, await source.read(), { sourceName: source.name });
          if (result === null) continue; // a Feed deletion notice: recorded, nothing to store
          stored += 1;
          // Only --json needs the results at the end; keeping them otherwise would hold every input (a day's Feed
          // archive is gigabytes) in memory until the run ends.
          if (values.json) results.push(result);
          if (!values.json) io.stdout.write(`${formatFilingSummary(result.submission, result)}\n\n`);
        } catch (error) {
          if (!isParseError(error)) throw error;
          // One unreadable input does not stop the others; it does make the run fail.
          io.stderr.write(`${error.format()}\n`);
          exitCode = 1;
        }
      }
    }
  } finally {
    db.close();
  }
  if (values.json) io.stdout.write(`${JSON.stringify(results.map(filingJson), null, 2)}\n`);
  else io.stderr.write(`stored ${stored} filing(s) in ${values.db}\n`);
  return exitCode;
}

interface InputSource {
  name: string;
  /** Read when its turn comes, so a directory of thousands of filings is never all in memory at once. */
  read: () => Uint8Array | Promise<Uint8Array>;
  /** Set for a member of a `.tar` / `.tar.gz` / `.nc.tar.gz` input. */
  member?: ArchiveMember & { archive: string };
}

/**
 * An input argument → the submissions it names: a file, every file under a directory, each member of an archive
 * (read as the archive streams), or an accession number.
 */
async function* expandInput(input: string, io: CliIo, refresh: boolean): AsyncGenerator<InputSource> {
  if (existsSync(input)) {
    const files = statSync(input).isDirectory() ? listInputFiles(input) : [input];
    for (const name of files) {
      if (isArchivePath(name)) {
        for await (const member of readArchiveMembers(name)) yield { name: `${name}:${member.name}`, read: () => member.bytes, member: { archive: name, ...member } };
      } else {
        yield { name, read: () => readInput(name) };
      }
    }
    return;
  }
  if (isAccessionNumber(input)) {
    const resolved = await resolveAccession(input, { samplesDir: join(packageRoot(), 'samples'), refresh, env: io.env });
    yield { name: resolved.path, read: () => resolved.bytes };
    return;
  }
  throw new CliUsageError(`${input}: no such file or directory, and not an accession number (##########-##-######)`);
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
