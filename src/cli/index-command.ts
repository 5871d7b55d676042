/**
 * `edgar-extract index [--forms "SC 13D,SC 13D/A"|all] --since YYYY-MM-DD [--until YYYY-MM-DD] [--limit N]
 * [--concurrency N] [--db FILE] [--refresh] [--user-agent UA]`: every filing of a date range that EDGAR's indexes
 * list with the wanted forms (default: Schedules 13D and 13G, both eras' names), fetched, cached and stored exactly
 * as `cik` does it (same polite client, cache, batch runner with resume, progress and summary). Only the listing
 * differs: full-index/daily-index files (src/fetch/index-listing.ts) instead of a CIK's submissions JSON.
 * Exit codes as for `cik`: 0 done, 1 some filings failed to process, 2 usage error, 3 network failure, 130 interrupted.
 */
import { parseArgs } from 'node:util';
import { isEdgarError, isFetchError, isNotFoundError, isParseError, isValidationError, ValidationError } from '../errors/index.js';
import { runBatch } from '../fetch/batch.js';
import { SubmissionCache, defaultCacheDir } from '../fetch/cache.js';
import { EdgarClient } from '../fetch/client.js';
import { DEFAULT_FORMS, edgarToday, listIndexedFilings, parseFormsOption, type IndexListing } from '../fetch/index-listing.js';
import { ProgressReporter, formatBatchSummary } from '../fetch/progress.js';
import { isIsoDate } from '../fetch/submissions.js';
import { exitCodeFor, type CikCommandDeps, type CikStorage } from './cik-command.js';

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
export interface IndexCommandDeps extends Omit<CikCommandDeps, 'storage'> {
  storage: CikStorage | ((args: IndexCommandArgs) => CikStorage | Promise<CikStorage>);
  today?: string;
}

export interface IndexCommandResult {
  exitCode: number;
  listing: IndexListing | null;
  summary: Awaited<ReturnType<typeof runBatch>> | null;
}

/** Parse the arguments after `index`. Throws ValidationError (`INVALID_OPTION`, `INVALID_DATE`). */
export function parseIndexArgs(argv: readonly string[], today: string = edgarToday()): IndexCommandArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        forms: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        limit: { type: 'string' },
        concurrency: { type: 'string' },
        db: { type: 'string' },
        refresh: { type: 'boolean' },
        'user-agent': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new ValidationError('INVALID_OPTION', (error as Error).message);
  }
  const { values, positionals } = parsed;
  const base = { forms: [...DEFAULT_FORMS], since: '', until: today, concurrency: 4, db: './edgar.db', refresh: false };
  if (values.help) return { ...base, help: true };
  if (positionals.length) throw new ValidationError('INVALID_OPTION', `index takes no arguments besides options (got ${positionals.join(' ')})`);
  if (values.since === undefined) throw new ValidationError('INVALID_OPTION', 'index needs --since YYYY-MM-DD (the first filing date to select)');
  const args: IndexCommandArgs = {
    ...base,
    forms: parseFormsOption(values.forms),
    since: values.since,
    until: values.until ?? today,
    db: values.db ?? './edgar.db',
    refresh: Boolean(values.refresh),
    help: false,
  };
  for (const [name, value] of [['since', args.since], ['until', args.until]] as const) {
    if (!isIsoDate(value)) throw new ValidationError('INVALID_DATE', `--${name} must be a date as YYYY-MM-DD, got "${value}"`);
  }
  if (args.since > args.until) throw new ValidationError('INVALID_DATE', `--since ${args.since} is after --until ${args.until}`);
  if (values.limit !== undefined) args.limit = wholeNumber('--limit', values.limit, 1, Number.MAX_SAFE_INTEGER);
  if (values.concurrency !== undefined) args.concurrency = wholeNumber('--concurrency', values.concurrency, 1, 64);
  if (values['user-agent'] !== undefined) args.userAgent = values['user-agent'];
  if (args.db.trim() === '') throw new ValidationError('INVALID_OPTION', '--db needs a file name');
  return args;
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new ValidationError('INVALID_OPTION', `${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

export async function runIndexCommand(argv: readonly string[], deps: IndexCommandDeps): Promise<number> {
  return (await executeIndexCommand(argv, deps)).exitCode;
}

/** As runIndexCommand, also returning the listing and the batch summary. */
export async function executeIndexCommand(argv: readonly string[], deps: IndexCommandDeps): Promise<IndexCommandResult> {
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  const env = deps.env ?? process.env;
  const fail = (exitCode: number, message: string, hint?: string): IndexCommandResult => {
    stderr.write(`edgar-extract index: ${message}\n${hint ? `${hint}\n` : ''}`);
    return { exitCode, summary: null, listing: null };
  };

  let args: IndexCommandArgs;
  let client: EdgarClient;
  let notify = (line: string): void => void stderr.write(`${line}\n`);
  try {
    args = parseIndexArgs(argv, deps.today);
    if (args.help) {
      stdout.write(`${INDEX_USAGE}\n`);
      return { exitCode: 0, summary: null, listing: null };
    }
    client = new EdgarClient({
      env,
      log: (line) => notify(line),
      ...deps.clientOptions,
      ...(args.userAgent !== undefined ? { userAgent: args.userAgent } : {}),
    });
  } catch (error) {
    if (isValidationError(error)) return fail(2, error.message, error.code.endsWith('USER_AGENT') ? undefined : 'Try: edgar-extract index --help');
    throw error;
  }

  const controller = new AbortController();
  const signal = deps.signal ? AbortSignal.any([deps.signal, controller.signal]) : controller.signal;
  const interrupts = deps.interrupts === undefined ? process : deps.interrupts;
  let interruptCount = 0;
  const onInterrupt = (): void => {
    interruptCount += 1;
    if (interruptCount === 1) {
      stderr.write('\nInterrupted: finishing the filings already downloading; press Ctrl-C again to quit at once.\n');
      controller.abort(new DOMException('Interrupted', 'AbortError'));
    } else {
      (deps.onSecondInterrupt ?? (() => process.exit(130)))();
    }
  };
  interrupts?.on('SIGINT', onInterrupt);

  let storage: CikStorage | undefined;
  try {
    let listing: IndexListing;
    try {
      listing = await listIndexedFilings(
        client,
        { forms: args.forms, since: args.since, until: args.until, ...(args.limit !== undefined ? { limit: args.limit } : {}) },
        { signal, ...(deps.today !== undefined ? { today: deps.today } : {}) },
      );
    } catch (error) {
      if (signal.aborted) return fail(130, 'interrupted while reading the indexes; nothing was stored');
      if (isNotFoundError(error)) return fail(3, error.message);
      if (isParseError(error)) return fail(3, `${error.location.file}: ${error.message}`);
      if (isFetchError(error)) return fail(3, `could not read EDGAR's indexes: ${error.message}`);
      throw error;
    }
    stderr.write(`${describeListing(listing, args)}\n`);

    storage = typeof deps.storage === 'function' ? await deps.storage(args) : deps.storage;
    const cache = new SubmissionCache(deps.cacheDir ?? defaultCacheDir(env));
    await cache.sweep().catch(() => 0);
    const progress = new ProgressReporter({
      total: listing.filings.length,
      stream: stderr,
      label: `${args.since}..${args.until}`,
      ...(deps.isTTY !== undefined ? { isTTY: deps.isTTY } : {}),
    });
    notify = (line) => progress.log(line);
    const store = storage;
    const summary = await runBatch(
      listing.filings.map((f) => ({ accessionNumber: f.accessionNumber, cik: f.cik })),
      {
        client,
        cache,
        isStored: (accession) => store.isStored(accession),
        processFiling: (accession, bytes) => store.processFiling(accession, bytes),
        concurrency: args.concurrency,
        refresh: args.refresh,
        signal,
        onProgress: (event) => progress.update(event),
      },
    );
    progress.finish();
    stdout.write(`${formatBatchSummary(summary)}\n`);
    return { exitCode: exitCodeFor(summary), summary, listing };
  } catch (error) {
    if (isValidationError(error)) return fail(2, error.message);
    if (isEdgarError(error)) return fail(isFetchError(error) ? 3 : 1, error.message);
    throw error;
  } finally {
    interrupts?.off('SIGINT', onInterrupt);
    await storage?.close?.();
  }
}

function describeListing(listing: IndexListing, args: IndexCommandArgs): string {
  const forms = args.forms === null ? 'all forms' : `forms ${args.forms.join(', ')}`;
  const missing = listing.daysWithoutIndex.length ? `; no daily index for ${listing.daysWithoutIndex.length} weekday(s)` : '';
  return (
    `EDGAR indexes ${args.since}..${args.until}: ${listing.filings.length} filing(s) match (${forms}${args.limit ? `; at most ${args.limit}` : ''}) ` +
    `among ${listing.rowsRead} index rows in ${listing.filesRead.length} file(s)${missing}`
  );
}
