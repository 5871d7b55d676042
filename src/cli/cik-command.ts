/**
 * `edgar-extract cik <CIK> [--forms "SC 13D,SC 13D/A"] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N]
 * [--concurrency N] [--db FILE] [--refresh] [--user-agent UA]`: every matching filing of a CIK, via the submissions
 * API, fetched politely, cached, and handed to injected storage. Parsing the arguments and printing are all this
 * file does; storage (`isStored`, `processFiling`) comes from the caller, so the SQLite pipeline is wired in
 * src/cli.ts, not here. Ctrl-C stops cleanly: no new filing starts, in-flight ones finish, the summary is printed,
 * and rerunning the same command resumes. A second Ctrl-C exits at once (the cache is atomic, so that is safe too).
 * Exit codes (design §3): 0 done, 1 some filings failed to process, 2 usage error (including no User-Agent or an
 * unknown CIK), 3 network failure (listing failed, or filings could not be fetched), 130 interrupted.
 */
import { isEdgarError, isFetchError, isNotFoundError, isValidationError, ValidationError } from '../errors/index.js';
import { runBatch, type BatchSummary } from '../fetch/batch.js';
import { SubmissionCache, defaultCacheDir } from '../fetch/cache.js';
import { parseCik } from '../fetch/cik.js';
import { EdgarClient, type EdgarClientOptions } from '../fetch/client.js';
import { ProgressReporter, formatBatchSummary, type ProgressStream } from '../fetch/progress.js';
import { expandForms, listFilings, validateFilingFilter, type FilerFilings } from '../fetch/submissions.js';
import { looksLikeTicker, resolveCikOrTicker } from '../fetch/tickers.js';
import { SCHEDULE_13_FORMS } from './forms-option.js';

export const CIK_USAGE = `Usage: edgar-extract cik <CIK | ticker> [options]

Fetch every Schedule 13D/13G filing (or with --forms, others) of a CIK listed by the SEC's submissions API,
then parse, extract and store each one. A ticker (AAPL) is looked up in EDGAR's company_tickers.json.
Resumable: rerun the same command after an interruption; stored filings are skipped, cached ones not refetched.

Options:
  --forms "SC 13D,SC 13D/A"  form types to keep (default: the 13D/13G family; all: every form)
  --since YYYY-MM-DD         keep filings filed on or after this date
  --until YYYY-MM-DD         keep filings filed on or before this date
  --limit N                  keep only the N most recent matching filings
  --concurrency N            filings in flight at once (default 4; the rate stays under 10 requests/second)
  --db FILE                  SQLite database (default ./edgar.db)
  --refresh                  refetch even cached filings and reprocess stored ones
  --user-agent "Name email"  declared User-Agent (default: EDGAR_USER_AGENT or EDGAR_IDENTITY)
  -h, --help                 show this help

Environment: EDGAR_USER_AGENT (required), EDGAR_CACHE_DIR, EDGAR_BASE_URL, EDGAR_DATA_URL.`;

export interface CikCommandArgs {
  /** Unpadded CIK; empty until a ticker is resolved. */
  cik: string;
  /** A ticker given instead of a CIK, resolved through company_tickers.json. */
  ticker?: string;
  forms?: string[];
  since?: string;
  until?: string;
  limit?: number;
  concurrency: number;
  /** Database path; default `./edgar.db`. */
  db: string;
  refresh: boolean;
  userAgent?: string;
  help: boolean;
}

/** What the pipeline provides: whether a filing is already in the database, and how to store one. */
export interface CikStorage {
  isStored(accession: string): boolean | Promise<boolean>;
  processFiling(accession: string, bytes: Uint8Array): Promise<void> | void;
  /** Called once at the end (e.g. to close the database). */
  close?(): void | Promise<void>;
}

/** Something that emits SIGINT: `process` by default, a plain EventEmitter in tests. */
export interface InterruptSource {
  on(event: 'SIGINT', listener: () => void): unknown;
  off(event: 'SIGINT', listener: () => void): unknown;
}

export interface CikCommandDeps {
  /** The storage, or a factory given the parsed arguments (to open `args.db`), called after the usage checks pass. */
  storage: CikStorage | ((args: CikCommandArgs) => CikStorage | Promise<CikStorage>);
  env?: NodeJS.ProcessEnv;
  /** Summary and results; default process.stdout. */
  stdout?: ProgressStream;
  /** Progress, notices and errors; default process.stderr. */
  stderr?: ProgressStream;
  /** Force the progress bar (true) or plain lines (false); default: stderr's isTTY. */
  isTTY?: boolean;
  /** Abort to interrupt, as Ctrl-C does. */
  signal?: AbortSignal;
  /** Where SIGINT comes from; default `process`; null to install no handler. */
  interrupts?: InterruptSource | null;
  /** What a second Ctrl-C does; default exit(130) at once. */
  onSecondInterrupt?: () => void;
  /** Extra client settings (tests: a private limiter, a short block pause). */
  clientOptions?: EdgarClientOptions;
  cacheDir?: string;
}

export interface CikCommandResult {
  exitCode: number;
  summary: BatchSummary | null;
  listing: FilerFilings | null;
}

const VALUE_OPTIONS = new Set(['--forms', '--since', '--until', '--limit', '--concurrency', '--db', '--user-agent']);

/** Parse the arguments after `cik`. Throws ValidationError (`INVALID_OPTION`, `INVALID_CIK`, `INVALID_DATE`). */
export function parseCikArgs(argv: readonly string[]): CikCommandArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      flags.add('--help');
      continue;
    }
    if (arg === '--refresh') {
      flags.add(arg);
      continue;
    }
    if (arg.startsWith('-')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(0, eq) : arg;
      if (!VALUE_OPTIONS.has(name)) throw new ValidationError('INVALID_OPTION', `unknown option ${name}`);
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) {
        throw new ValidationError('INVALID_OPTION', `${name} needs a value`);
      }
      if (values.has(name)) throw new ValidationError('INVALID_OPTION', `${name} given twice`);
      values.set(name, value);
      continue;
    }
    positional.push(arg);
  }
  if (flags.has('--help')) return { cik: '', concurrency: 4, db: './edgar.db', refresh: false, help: true };
  if (positional.length === 0) throw new ValidationError('INVALID_OPTION', 'missing <CIK>');
  if (positional.length > 1) throw new ValidationError('INVALID_OPTION', `one CIK at a time, got ${positional.join(' ')}`);
  const target = (positional[0] as string).trim();
  const args: CikCommandArgs = {
    ...(looksLikeTicker(target) ? { cik: '', ticker: target.toUpperCase() } : { cik: parseCik(target) }),
    concurrency: 4,
    db: values.get('--db') ?? './edgar.db',
    refresh: flags.has('--refresh'),
    help: false,
  };
  // A 13D tool: the 13D/13G family unless the user asks for other forms, or for all of them.
  const forms = values.get('--forms');
  if (forms === undefined) args.forms = [...SCHEDULE_13_FORMS];
  else if (forms.trim().toLowerCase() !== 'all') {
    args.forms = forms.split(',').map((f) => f.trim()).filter((f) => f !== '');
    if (args.forms.length === 0) throw new ValidationError('INVALID_OPTION', '--forms needs at least one form type, or all');
  }
  const since = values.get('--since');
  if (since !== undefined) args.since = since;
  const until = values.get('--until');
  if (until !== undefined) args.until = until;
  const limit = values.get('--limit');
  if (limit !== undefined) args.limit = wholeNumber('--limit', limit, 1, Number.MAX_SAFE_INTEGER);
  const concurrency = values.get('--concurrency');
  if (concurrency !== undefined) args.concurrency = wholeNumber('--concurrency', concurrency, 1, 64);
  const userAgent = values.get('--user-agent');
  if (userAgent !== undefined) args.userAgent = userAgent;
  if (args.db.trim() === '') throw new ValidationError('INVALID_OPTION', '--db needs a file name');
  validateFilingFilter(args);
  return args;
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new ValidationError('INVALID_OPTION', `${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** Run `edgar-extract cik …` and return the exit code. */
export async function runCikCommand(argv: readonly string[], deps: CikCommandDeps): Promise<number> {
  return (await executeCikCommand(argv, deps)).exitCode;
}

/** As runCikCommand, also returning the listing and the batch summary (for tests and callers that report). */
export async function executeCikCommand(argv: readonly string[], deps: CikCommandDeps): Promise<CikCommandResult> {
  let args: CikCommandArgs;
  try {
    args = parseCikArgs(argv);
  } catch (error) {
    if (isValidationError(error)) {
      (deps.stderr ?? process.stderr).write(`edgar-extract cik: ${error.message}\nTry: edgar-extract cik --help\n`);
      return { exitCode: 2, summary: null, listing: null };
    }
    throw error;
  }
  if (args.help) {
    (deps.stdout ?? process.stdout).write(`${CIK_USAGE}\n`);
    return { exitCode: 0, summary: null, listing: null };
  }
  return executeCik(args, deps);
}

/** Run the command with arguments already parsed (by parseCikArgs or the command framework). */
export async function executeCik(args: CikCommandArgs, deps: CikCommandDeps): Promise<CikCommandResult> {
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  const env = deps.env ?? process.env;
  const fail = (exitCode: number, message: string, hint?: string): CikCommandResult => {
    stderr.write(`edgar-extract cik: ${message}\n${hint ? `${hint}\n` : ''}`);
    return { exitCode, summary: null, listing: null };
  };

  let client: EdgarClient;
  let notify = (line: string): void => void stderr.write(`${line}\n`);
  try {
    // Before anything touches the network or the database: no User-Agent, no requests.
    client = new EdgarClient({
      env,
      // Notices (an SEC block) go through the progress display once there is one, so they do not tear the bar.
      log: (line) => notify(line),
      ...deps.clientOptions,
      ...(args.userAgent !== undefined ? { userAgent: args.userAgent } : {}),
    });
  } catch (error) {
    if (isValidationError(error)) return fail(2, error.message, error.code.endsWith('USER_AGENT') ? undefined : 'Try: edgar-extract cik --help');
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
    if (args.ticker !== undefined) {
      try {
        const found = await resolveCikOrTicker(args.ticker, { client: () => client, cacheDir: deps.cacheDir ?? defaultCacheDir(env), signal });
        args = { ...args, cik: found.cik };
        stderr.write(`${found.ticker} is CIK ${found.cik}${found.title ? ` (${found.title})` : ''}\n`);
      } catch (error) {
        if (isNotFoundError(error)) return fail(2, error.message);
        if (isFetchError(error)) return fail(3, `could not look up ticker ${args.ticker}: ${error.message}`);
        throw error;
      }
    }
    let listing: FilerFilings;
    try {
      listing = await listFilings(client, args.cik, args, { signal });
    } catch (error) {
      if (signal.aborted) return fail(130, 'interrupted while listing filings; nothing was stored');
      if (isNotFoundError(error)) return fail(2, error.message, 'Check the CIK (https://www.sec.gov/edgar/searchedgar/companysearch).');
      if (isFetchError(error)) return fail(3, `could not list filings of CIK ${args.cik}: ${error.message}`);
      throw error;
    }
    stderr.write(`${describeListing(listing, args)}\n`);

    storage = typeof deps.storage === 'function' ? await deps.storage(args) : deps.storage;
    const cache = new SubmissionCache(deps.cacheDir ?? defaultCacheDir(env));
    // Temporary files a killed run left behind (over an hour old, so a concurrent run's are safe) go now.
    await cache.sweep().catch(() => 0);
    const progress = new ProgressReporter({
      total: listing.filings.length,
      stream: stderr,
      label: `CIK ${args.cik}`,
      ...(deps.isTTY !== undefined ? { isTTY: deps.isTTY } : {}),
    });
    notify = (line) => progress.log(line);
    const store = storage;
    const summary = await runBatch(listing.filings, {
      client,
      cache,
      isStored: (accession) => store.isStored(accession),
      processFiling: (accession, bytes) => store.processFiling(accession, bytes),
      concurrency: args.concurrency,
      refresh: args.refresh,
      signal,
      onProgress: (event) => progress.update(event),
    });
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

/** 130 when interrupted, 1 when any filing failed in processing, 3 when only fetches failed, else 0. */
export function exitCodeFor(summary: BatchSummary): number {
  if (summary.interrupted) return 130;
  if (summary.failed.some((f) => f.stage === 'process')) return 1;
  if (summary.failed.length > 0) return 3;
  return 0;
}

function describeListing(listing: FilerFilings, args: CikCommandArgs): string {
  const filters: string[] = [];
  if (args.forms) {
    const all = [...expandForms(args.forms)];
    filters.push(`forms ${all.join(', ')}`);
  }
  if (args.since) filters.push(`since ${args.since}`);
  if (args.until) filters.push(`until ${args.until}`);
  if (args.limit) filters.push(`at most ${args.limit}`);
  const who = listing.name ? `${listing.name} (CIK ${listing.cik})` : `CIK ${listing.cik}`;
  return `${who}: ${listing.filings.length} of ${listing.listed} listed filings match${filters.length ? ` (${filters.join('; ')})` : ''}`;
}
