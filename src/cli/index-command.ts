/**
 * `edgar-extract index [--forms "SC 13D,SC 13D/A"|all] --since YYYY-MM-DD [--until YYYY-MM-DD] [--limit N]
 * [--concurrency N] [--db FILE] [--refresh] [--user-agent UA]`: every filing of a date range that EDGAR's indexes
 * list with the wanted forms (default: Schedules 13D and 13G, both eras' names), fetched, cached and stored exactly
 * as `cik` does it (same polite client, cache, batch runner with resume, progress and summary). Only the listing
 * differs: full-index/daily-index files (src/fetch/index-listing.ts) instead of a CIK's submissions JSON.
 * Exit codes as for `cik`: 0 done, 1 some filings failed to process, 2 usage error, 3 network failure, 130 interrupted.
 * The command framework (program.ts) parses the options and prints the help; this module checks their values.
 */
import { Option } from 'commander';
import { isFetchError, isNotFoundError, isParseError } from '../errors/index.js';
import type { BatchSummary } from '../fetch/batch.js';
import { DEFAULT_FORMS, edgarToday, listIndexedFilings, parseFormsOption, type IndexListing } from '../fetch/index-listing.js';
import { isIsoDate } from '../fetch/submissions.js';
import { UsageError, type CliIo, type ParsedCommand, type SharedOptions } from './command-registry.js';
import { runFetchBatch, wholeNumber, type CikStorage, type FetchBatchDeps } from './fetch-batch.js';

/** The options of `index` as the command framework parses them (values checked by indexArgs). */
export interface IndexOptions {
  forms?: string;
  since?: string;
  until?: string;
  limit?: string;
  concurrency?: string;
  refresh?: boolean;
}

export interface IndexCommandArgs {
  /** null = every form. */
  forms: string[] | null;
  since: string;
  until: string;
  limit?: number;
  concurrency: number;
  db: string;
  refresh: boolean;
  userAgent?: string;
}

/** The `cik` command's dependencies (storage factory gets these args), plus the day EDGAR is on (tests fix it). */
export interface IndexCommandDeps extends FetchBatchDeps {
  storage: CikStorage | ((args: IndexCommandArgs) => CikStorage | Promise<CikStorage>);
  today?: string;
  /** Receives the listing and the batch summary of the run (the exit code alone is what the command returns). */
  onResult?: (result: IndexCommandResult) => void;
}

export interface IndexCommandResult {
  exitCode: number;
  listing: IndexListing | null;
  summary: BatchSummary | null;
}

/** `--forms` of the commands that select filings from a listing or an archive (index, feed): one spelling and help. */
export function formsSelectionOption(): Option {
  return new Option('--forms <list>', `form types, comma-separated (SC 13D also matches SCHEDULE 13D, and so on), or all; default: ${DEFAULT_FORMS.join(', ')}`);
}

/**
 * The `index` command for the registry (commands.ts): the framework parses the options and prints the help; `deps`
 * makes the command's dependencies for the run's io (the SQLite store in the executable, a test server in tests).
 */
export function indexCommand(deps: (io: CliIo) => IndexCommandDeps): ParsedCommand<IndexOptions> {
  return {
    name: 'index',
    summary: "fetch and store the 13D/13G filings (or --forms) of a date range, from EDGAR's full-index (resumable)",
    description:
      "Select filings by form and date from EDGAR's full-index (finished quarters) and daily-index (the quarter in\n" +
      'progress), then fetch, parse, extract and store each one, politely (under 10 requests/second), cached, and\n' +
      'resumable: rerun the same command after an interruption; stored filings are skipped, cached ones not refetched.\n' +
      'Environment: EDGAR_USER_AGENT or EDGAR_IDENTITY (required), EDGAR_CACHE_DIR, EDGAR_BASE_URL.',
    shared: ['db', 'userAgent'],
    configure: (cmd) => {
      cmd.addOption(new Option('--since <date>', 'first filing date, YYYY-MM-DD (required)'));
      cmd.addOption(new Option('--until <date>', 'last filing date, YYYY-MM-DD (default: today)'));
      cmd.addOption(formsSelectionOption());
      cmd.addOption(new Option('--limit <n>', 'keep only the N most recent matching filings'));
      cmd.addOption(new Option('--concurrency <n>', 'filings in flight at once (the rate stays under 10 requests/second)').default('4'));
      cmd.addOption(new Option('--refresh', 'refetch even cached filings and reprocess stored ones'));
    },
    examples: ['edgar-extract index --since 2024-10-01 --until 2024-12-31', 'edgar-extract index --since 2024-12-02 --forms all --limit 50'],
    run: async (_args, options, io) => {
      const made = deps(io);
      const result = await executeIndexCommand(indexArgs(options, made.today), made);
      made.onResult?.(result);
      return result.exitCode;
    },
  };
}

/** The parsed options checked and resolved. Throws UsageError (exit 2) for a missing --since or a bad value. */
export function indexArgs(options: IndexOptions & SharedOptions, today: string = edgarToday()): IndexCommandArgs {
  if (options.since === undefined) throw new UsageError('index needs --since YYYY-MM-DD (the first filing date to select)');
  const args: IndexCommandArgs = {
    forms: parseFormsOption(options.forms),
    since: options.since,
    until: options.until ?? today,
    concurrency: wholeNumber('--concurrency', options.concurrency ?? '4', 1, 64),
    db: options.db ?? 'edgar.db',
    refresh: Boolean(options.refresh),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
  };
  if (args.db.trim() === '') throw new UsageError('--db needs a file name');
  for (const [name, value] of [['since', args.since], ['until', args.until]] as const) {
    if (!isIsoDate(value)) throw new UsageError(`--${name} must be a date as YYYY-MM-DD, got "${value}"`);
  }
  if (args.since > args.until) throw new UsageError(`--since ${args.since} is after --until ${args.until}`);
  if (options.limit !== undefined) args.limit = wholeNumber('--limit', options.limit, 1, Number.MAX_SAFE_INTEGER);
  return args;
}

/** Select, fetch and store the filings `args` describe; the exit code with the listing and the batch summary. */
export async function executeIndexCommand(args: IndexCommandArgs, deps: IndexCommandDeps): Promise<IndexCommandResult> {
  return runFetchBatch<IndexListing>(
    {
      command: 'index',
      userAgent: args.userAgent,
      concurrency: args.concurrency,
      refresh: args.refresh,
      list: async (client, signal) => {
        try {
          return await listIndexedFilings(
            client,
            { forms: args.forms, since: args.since, until: args.until, ...(args.limit !== undefined ? { limit: args.limit } : {}) },
            { signal, ...(deps.today !== undefined ? { today: deps.today } : {}) },
          );
        } catch (error) {
          if (signal.aborted) return { failed: true, exitCode: 130, message: 'interrupted while reading the indexes; nothing was stored' };
          if (isNotFoundError(error)) return { failed: true, exitCode: 3, message: error.message };
          if (isParseError(error)) return { failed: true, exitCode: 3, message: `${error.location.file}: ${error.message}` };
          if (isFetchError(error)) return { failed: true, exitCode: 3, message: `could not read EDGAR's indexes: ${error.message}` };
          throw error;
        }
      },
      filings: (listing) => listing.filings.map((f) => ({ accessionNumber: f.accessionNumber, cik: f.cik })),
      describe: (listing) => describeListing(listing, args),
      label: () => `${args.since}..${args.until}`,
      storage: () => (typeof deps.storage === 'function' ? deps.storage(args) : deps.storage),
    },
    deps,
  );
}

function describeListing(listing: IndexListing, args: IndexCommandArgs): string {
  const forms = args.forms === null ? 'all forms' : `forms ${args.forms.join(', ')}`;
  const missing = listing.daysWithoutIndex.length ? `; no daily index for ${listing.daysWithoutIndex.length} weekday(s)` : '';
  return (
    `EDGAR indexes ${args.since}..${args.until}: ${listing.filings.length} filing(s) match (${forms}${args.limit ? `; at most ${args.limit}` : ''}) ` +
    `among ${listing.rowsRead} index rows in ${listing.filesRead.length} file(s)${missing}`
  );
}
