/**
 * The command line, as a function (`runCli(argv, io) → exit code`) so tests run it in-process. The framework
 * (program.ts) parses arguments for every command listed in commands.ts; this file holds the default command, which
 * stores its inputs (accession numbers, files, directories), and `parse`.
 * Exit codes (README "Exit codes"): 0 success, 1 some input failed, 2 usage error, 3 network failure, 130 interrupted.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Option } from 'commander';
import { isParseError } from '../errors/index.js';
import { isAccessionNumber } from '../fetch/accession.js';
import { listInputFiles } from '../input-files.js';
import { ingestArchiveMember } from '../input/archive-ingest.js';
import { isArchivePath, readArchiveMembers, type ArchiveMember } from '../input/feed-archive.js';
import { resolveAccession } from '../fetch/resolve.js';
import { parseSubmission } from '../parse/index.js';
import { ingestSubmission, type IngestResult } from '../pipeline.js';
import { openDatabase, type EdgarDatabase } from '../store/database.js';
import { EXIT, UsageError, wholeNumberOption, type CliIo, type CommandDefinition, type ParsedCommand } from './command-registry.js';
import { COMMANDS } from './commands.js';
import { IngestUsageError, runIngestCommand } from './ingest-command.js';
import { packageRoot } from './package-root.js';
import { runProgram, similarNames } from './program.js';
import { formatFilingSummary, filingJson, snakeCaseKeys } from './summary.js';
import { parseFormList, passesFilingFilter } from './forms-option.js';

export type { CliIo };

/** Everything the default (ingest) command takes, parsed and typed. */
export interface IngestOptions {
  inputs: string[];
  db: string;
  json: boolean;
  /** NDJSON instead of a JSON array. */
  jsonLines?: boolean;
  /** Inputs read in parallel (worker threads); undefined = the pipeline's default. */
  jobs?: number;
  quiet: boolean;
  verbose: boolean;
  refresh: boolean;
  /** Keep only these form types (SC 13D also matches SCHEDULE 13D); undefined = every form. */
  forms?: string[];
  /** Keep only filings filed on or after this date, YYYY-MM-DD. */
  since?: string;
  userAgent?: string;
}

export const ingestCommand: ParsedCommand<Omit<IngestOptions, 'inputs' | 'forms'> & { forms?: string }> = {
  name: 'ingest',
  isDefault: true,
  summary: 'store accession numbers, files and directories (the default command: `ingest` may be left out)',
  description:
    'Parse each input, extract the Schedule 13D/13G data, and store everything in the SQLite database.\n' +
    'An input is a file, a directory (every submission file under it), or an accession number, looked up in\n' +
    'samples/ and the cache first and only then fetched from EDGAR (which needs a declared User-Agent).',
  arguments: ['[inputs...]'],
  shared: ['db', 'json', 'quiet', 'verbose', 'userAgent'],
  configure: (cmd) => {
    cmd.addOption(new Option('-j, --jobs <n>', 'worker threads that parse and extract (default: the available cores; 0: all on this thread)').argParser(wholeNumberOption('--jobs', 0, 256)));
    cmd.addOption(new Option('--json-lines', 'print NDJSON: one compact JSON object per filing per line'));
    cmd.addOption(new Option('--refresh', 'refetch an accession even when it is cached'));
    cmd.addOption(new Option('--forms <list>', 'keep only these form types, comma-separated (SC 13D also matches SCHEDULE 13D)'));
    cmd.addOption(new Option('--since <date>', 'keep only filings filed on or after YYYY-MM-DD'));
  },
  examples: [
    'edgar-extract samples/0001125282-03-003998.txt --db edgar.db',
    'edgar-extract 0001125282-03-003998 --json',
    'edgar-extract ingest ./filings --since 2003-01-01 --quiet',
  ],
  run: async (inputs, options, io) => {
    if (inputs.length === 0) throw new UsageError('nothing to do: give an accession number, a file or a directory (edgar-extract --help)');
    // A first word that is neither a file nor an accession but close to a command name is a mistyped command.
    const first = inputs[0]!;
    if (!existsSync(first) && !isAccessionNumber(first) && /^[a-z-]+$/.test(first)) {
      const names = [...COMMANDS.map((c) => c.name), 'help'];
      const close = similarNames(first, names);
      if (close.length) throw new UsageError(`unknown command '${first}' (Did you mean ${close[0]}?)`);
    }
    // Every input is checked before the database is opened, so a typo never leaves an empty database behind.
    const unknown = inputs.find((input) => !existsSync(input) && !isAccessionNumber(input));
    if (unknown !== undefined) throw new UsageError(`${unknown}: no such file or directory, and not an accession number (##########-##-######)`);
    if (options.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.since)) throw new UsageError(`--since must be a date YYYY-MM-DD, got "${options.since}"`);
    // Files keep every form unless asked (`--forms all` says the same explicitly).
    const forms = options.forms === undefined ? null : parseFormList(options.forms);
    const typed: IngestOptions = {
      inputs,
      db: options.db ?? 'edgar.db',
      json: Boolean(options.json),
      quiet: Boolean(options.quiet),
      verbose: Boolean(options.verbose),
      refresh: Boolean(options.refresh),
      ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
      ...(forms !== null ? { forms } : {}),
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
    };
    if (options.jsonLines) typed.jsonLines = true;
    // Filters (--forms, --since) and archive inputs go through the sequential path, which reads each header before
    // storing and streams archive members; everything else is a batch on the worker pool (src/batch/).
    if (typed.forms === undefined && typed.since === undefined && !inputs.some(namesArchive)) {
      const env = typed.userAgent !== undefined ? { ...io.env, EDGAR_USER_AGENT: typed.userAgent } : io.env;
      try {
        return await runIngestCommand(
          {
            inputs,
            db: typed.db,
            json: typed.json,
            jsonLines: Boolean(typed.jsonLines),
            quiet: typed.quiet,
            verbose: typed.verbose,
            refresh: typed.refresh,
            ...(typed.jobs !== undefined ? { jobs: typed.jobs } : {}),
          },
          { stdout: io.stdout, stderr: io.stderr, env },
        );
      } catch (error) {
        if (error instanceof IngestUsageError) throw new UsageError(error.message);
        throw error;
      }
    }
    return runStore(typed, io);
  },
};

/** Is this input an archive, or a directory holding one? */
function namesArchive(input: string): boolean {
  if (!existsSync(input)) return false;
  return statSync(input).isDirectory() ? listInputFiles(input).some(isArchivePath) : isArchivePath(input);
}

export const parseCommand: ParsedCommand<{ json?: boolean }> = {
  name: 'parse',
  summary: 'print the parse tree of one submission file, storing nothing',
  arguments: ['<file>'],
  shared: ['json'],
  examples: ['edgar-extract parse samples/0001125282-03-003998.txt', 'edgar-extract parse samples/0001125282-03-003998.txt --json'],
  run: (args, options, io) => runParse(args[0]!, Boolean(options.json), io),
};

/** Every command, the default one first. */
export const ALL_COMMANDS: CommandDefinition[] = [ingestCommand, parseCommand, ...COMMANDS];

export async function runCli(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  return runProgram(ALL_COMMANDS, argv, io);
}

function runParse(file: string, json: boolean, io: CliIo): number {
  const submission = parseSubmission(readInputFile(file), { sourceName: file });
  const { bytes: _bytes, ...tree } = submission;
  if (json) io.stdout.write(`${JSON.stringify(snakeCaseKeys(tree), null, 2)}\n`);
  else io.stdout.write(`${formatFilingSummary(submission, null)}\n`);
  return EXIT.ok;
}

/** A file named on the command line: missing or a directory is a usage error, said in one line. */
function readInputFile(path: string): Uint8Array {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file`);
  if (statSync(path).isDirectory()) throw new UsageError(`${path} is a directory; parse reads one submission file (to store a directory: edgar-extract ${path})`);
  return readInput(path);
}

/** Store every input. The batch path: scale's runIngestCommand(options, io) replaces this body. */
export async function runStore(options: IngestOptions, io: CliIo): Promise<number> {
  const values = options;
  const positionals = options.inputs;

  const db = openDatabase(values.db!);
  let exitCode = 0;
  const results: IngestResult[] = [];
  let stored = 0;
  try {
    for (const input of positionals) {
      for await (const source of expandInput(input, io, Boolean(values.refresh), values.userAgent)) {
        try {
          const bytes = await source.read();
          if (values.verbose) io.stderr.write(`reading ${source.name}\n`);
          if (!keepInput(bytes, source.name, values, io)) continue;
          const result = source.member ? ingestArchiveMember(db, source.member.archive, source.member) : ingestSubmission(db, bytes, { sourceName: source.name });
          if (result === null) continue; // a Feed deletion notice: recorded, nothing to store
          stored += 1;
          // Only --json needs the results at the end; keeping them otherwise would hold every input (a day's Feed
          // archive is gigabytes) in memory until the run ends.
          if (values.json) results.push(result);
          if (!values.json && !values.quiet) io.stdout.write(`${formatFilingSummary(result.submission, result)}\n\n`);
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
  else if (!values.quiet) io.stderr.write(`stored ${stored} filing(s) in ${values.db}\n`);
  return exitCode;
}

/** `--forms` / `--since` on files: parse the header first, store only what passes (no filter: no extra parse). */
function keepInput(bytes: Uint8Array, name: string, options: IngestOptions, io: CliIo): boolean {
  if (options.forms === undefined && options.since === undefined) return true;
  const submission = parseSubmission(bytes, { sourceName: name });
  const filing = { formType: submission.header?.formType ?? submission.documents[0]?.type ?? null, filedAt: submission.header?.filedAt ?? null };
  const keep = passesFilingFilter(filing, options);
  if (!keep && options.verbose) io.stderr.write(`skipped ${name}: ${filing.formType ?? 'no form type'} filed ${filing.filedAt ?? 'on no stated date'} is outside --forms/--since\n`);
  return keep;
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
async function* expandInput(input: string, io: CliIo, refresh: boolean, userAgent?: string): AsyncGenerator<InputSource> {
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
    const resolved = await resolveAccession(input, {
      samplesDir: join(packageRoot(), 'samples'),
      refresh,
      env: io.env,
      clientOptions: { ...(userAgent !== undefined ? { userAgent } : {}), log: (line) => void io.stderr.write(`${line}\n`) },
    });
    yield { name: resolved.path, read: () => resolved.bytes };
    return;
  }
  throw new UsageError(`${input}: no such file or directory, and not an accession number (##########-##-######)`);
}

function readInput(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

export type { EdgarDatabase };
