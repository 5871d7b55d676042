/**
 * `edgar-extract index [--forms "SC 13D,SC 13D/A"|all] --since YYYY-MM-DD [--until YYYY-MM-DD] [--limit N]
 * [--concurrency N] [--db FILE] [--refresh] [--user-agent UA]`: every filing of a date range that EDGAR's indexes
 * list with the wanted forms (default: Schedules 13D and 13G, both eras' names), fetched, cached and stored exactly
 * as `cik` does it (same polite client, cache, batch runner with resume, progress and summary). Only the listing
 * differs: full-index/daily-index files (src/fetch/index-listing.ts) instead of a CIK's submissions JSON.
 * Exit codes as for `cik`: 0 done, 1 some filings failed to process, 2 usage error, 3 network failure, 130 interrupted.
 */
import { isFetchError, isNotFoundError, isParseError, isValidationError, ValidationError } from '../errors/index.js';
import type { BatchSummary } from '../fetch/batch.js';
import { DEFAULT_FORMS, edgarToday, listIndexedFilings, type IndexListing } from '../fetch/index-listing.js';
import { isIsoDate } from '../fetch/submissions.js';
import { runFetchBatch, wholeNumber, type CikStorage, type FetchBatchDeps } from './fetch-batch.js';
import { parseFetchOptions } from './fetch-options.js';

export const INDEX_USAGE = `Usage: edgar-extract index --since YYYY-MM-DD [options]

Select filings by form and date from EDGAR's full-index (finished quarters) and daily-index (the quarter in progress),
then fetch, parse, extract and store each one, politely (under 10 requests/second), cached, and resumable: rerun the
same command after an interruption; stored filings are skipped, cached ones not refetched.

Options:
  --forms LIST               form types, comma-separated (SC 13D also matches SCHEDULE 13D, and so on), or "all";
                             default: ${DEFAULT_FORMS.join(', ')}
  --since YYYY-MM-DD         first filing date (required)
  --until YYYY-MM-DD         last filing date (default: today)
  --limit N                  keep only the N most recent matching filings
  --concurrency N            filings in flight at once (default 4; the rate stays under 10 requests/second)
  --db FILE                  SQLite database (default ./edgar.db)
  --refresh                  refetch even cached filings and reprocess stored ones
  --user-agent "Name email"  declared User-Agent (default: EDGAR_USER_AGENT)
  -h, --help                 show this help

Environment: EDGAR_USER_AGENT (required), EDGAR_CACHE_DIR, EDGAR_BASE_URL.`;

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
  help: boolean;
}

/** The `cik` command's dependencies (storage factory gets these args), plus the day EDGAR is on (tests fix it). */
export interface IndexCommandDeps extends FetchBatchDeps {
  storage: CikStorage | ((args: IndexCommandArgs) => CikStorage | Promise<CikStorage>);
  today?: string;
}

export interface IndexCommandResult {
  exitCode: number;
  listing: IndexListing | null;
  summary: BatchSummary | null;
}

/** Parse the arguments after `index`. Throws ValidationError (`INVALID_OPTION`, `INVALID_DATE`). */
export function parseIndexArgs(argv: readonly string[], today: string = edgarToday()): IndexCommandArgs {
  const { help, shared, own } = parseFetchOptions('index', argv, {
    since: { type: 'string' },
    until: { type: 'string' },
    limit: { type: 'string' },
    concurrency: { type: 'string' },
  });
  const base = { ...shared, since: '', until: today, concurrency: 4 };
  if (help) return { ...base, forms: [...DEFAULT_FORMS], db: './edgar.db', refresh: false, help: true };
  const values = own as { since?: string; until?: string; limit?: string; concurrency?: string };
  if (values.since === undefined) throw new ValidationError('INVALID_OPTION', 'index needs --since YYYY-MM-DD (the first filing date to select)');
  const args: IndexCommandArgs = { ...base, since: values.since, until: values.until ?? today, help: false };
  for (const [name, value] of [['since', args.since], ['until', args.until]] as const) {
    if (!isIsoDate(value)) throw new ValidationError('INVALID_DATE', `--${name} must be a date as YYYY-MM-DD, got "${value}"`);
  }
  if (args.since > args.until) throw new ValidationError('INVALID_DATE', `--since ${args.since} is after --until ${args.until}`);
  if (values.limit !== undefined) args.limit = wholeNumber('--limit', values.limit, 1, Number.MAX_SAFE_INTEGER);
  if (values.concurrency !== undefined) args.concurrency = wholeNumber('--concurrency', values.concurrency, 1, 64);
  return args;
}

export async function runIndexCommand(argv: readonly string[], deps: IndexCommandDeps): Promise<number> {
  return (await executeIndexCommand(argv, deps)).exitCode;
}

/** As runIndexCommand, also returning the listing and the batch summary. */
export async function executeIndexCommand(argv: readonly string[], deps: IndexCommandDeps): Promise<IndexCommandResult> {
  let args: IndexCommandArgs;
  try {
    args = parseIndexArgs(argv, deps.today);
  } catch (error) {
    if (isValidationError(error)) {
      (deps.stderr ?? process.stderr).write(`edgar-extract index: ${error.message}\nTry: edgar-extract index --help\n`);
      return { exitCode: 2, summary: null, listing: null };
    }
    throw error;
  }
  if (args.help) {
    (deps.stdout ?? process.stdout).write(`${INDEX_USAGE}\n`);
    return { exitCode: 0, summary: null, listing: null };
  }
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
