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
import { isFetchError, isNotFoundError, isValidationError, ValidationError } from '../errors/index.js';
import type { BatchSummary } from '../fetch/batch.js';
import { defaultCacheDir } from '../fetch/cache.js';
import { parseCik } from '../fetch/cik.js';
import { expandForms, listFilings, validateFilingFilter, type FilerFilings } from '../fetch/submissions.js';
import { looksLikeTicker, resolveCikOrTicker } from '../fetch/tickers.js';
import { runFetchBatch, wholeNumber, type CikStorage, type FetchBatchDeps } from './fetch-batch.js';
import { SCHEDULE_13_FORMS } from './forms-option.js';

export { exitCodeFor } from './fetch-batch.js';

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

export type { CikStorage, InterruptSource } from './fetch-batch.js';

export interface CikCommandDeps extends FetchBatchDeps {
  /** The storage, or a factory given the parsed arguments (to open `args.db`), called after the usage checks pass. */
  storage: CikStorage | ((args: CikCommandArgs) => CikStorage | Promise<CikStorage>);
}

export interface CikCommandResult {
  exitCode: number;
  summary: BatchSummary | null;
  listing: FilerFilings | null;
}

const VALUE_OPTIONS = new Set(['--forms', '--since', '--until', '--limit', '--concurrency', '--db', '--user-agent']);

/**
 * The options of `cik` by name, as the command framework parses them or as parseCikArgs reads them from an argument
 * list (values checked by cikArgs).
 */
export interface CikOptions {
  forms?: string;
  since?: string;
  until?: string;
  limit?: string;
  concurrency?: string;
  db?: string;
  refresh?: boolean;
  userAgent?: string;
}

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
  const options: CikOptions = { refresh: flags.has('--refresh') };
  const named = { '--forms': 'forms', '--since': 'since', '--until': 'until', '--limit': 'limit', '--concurrency': 'concurrency', '--db': 'db', '--user-agent': 'userAgent' } as const;
  for (const [flag, key] of Object.entries(named)) {
    const value = values.get(flag);
    if (value !== undefined) options[key] = value;
  }
  return cikArgs(positional, options);
}

/**
 * The target (one CIK or ticker) and the options checked and resolved. Throws ValidationError (`INVALID_OPTION`,
 * `INVALID_CIK`, `INVALID_DATE`).
 */
export function cikArgs(targets: readonly string[], options: CikOptions): CikCommandArgs {
  if (targets.length === 0) throw new ValidationError('INVALID_OPTION', 'missing <CIK>');
  if (targets.length > 1) throw new ValidationError('INVALID_OPTION', `one CIK at a time, got ${targets.join(' ')}`);
  const target = (targets[0] as string).trim();
  const args: CikCommandArgs = {
    ...(looksLikeTicker(target) ? { cik: '', ticker: target.toUpperCase() } : { cik: parseCik(target) }),
    concurrency: 4,
    db: options.db ?? './edgar.db',
    refresh: Boolean(options.refresh),
    help: false,
  };
  // A 13D tool: the 13D/13G family unless the user asks for other forms, or for all of them.
  const forms = options.forms;
  if (forms === undefined) args.forms = [...SCHEDULE_13_FORMS];
  else if (forms.trim().toLowerCase() !== 'all') {
    args.forms = forms.split(',').map((f) => f.trim()).filter((f) => f !== '');
    if (args.forms.length === 0) throw new ValidationError('INVALID_OPTION', '--forms needs at least one form type, or all');
  }
  if (options.since !== undefined) args.since = options.since;
  if (options.until !== undefined) args.until = options.until;
  if (options.limit !== undefined) args.limit = wholeNumber('--limit', options.limit, 1, Number.MAX_SAFE_INTEGER);
  if (options.concurrency !== undefined) args.concurrency = wholeNumber('--concurrency', options.concurrency, 1, 64);
  if (options.userAgent !== undefined) args.userAgent = options.userAgent;
  if (args.db.trim() === '') throw new ValidationError('INVALID_OPTION', '--db needs a file name');
  validateFilingFilter(args);
  return args;
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
    return usageFailure(error, deps);
  }
  if (args.help) {
    (deps.stdout ?? process.stdout).write(`${CIK_USAGE}\n`);
    return { exitCode: 0, summary: null, listing: null };
  }
  return executeCik(args, deps);
}

/** `cik` with the target and options the command framework parsed (commands.ts); a bad value exits 2 as above. */
export async function executeCikOptions(targets: readonly string[], options: CikOptions, deps: CikCommandDeps): Promise<CikCommandResult> {
  let args: CikCommandArgs;
  try {
    args = cikArgs(targets, options);
  } catch (error) {
    return usageFailure(error, deps);
  }
  return executeCik(args, deps);
}

/** A bad argument: the message and where to look, exit 2. Anything but a ValidationError is rethrown. */
function usageFailure(error: unknown, deps: CikCommandDeps): CikCommandResult {
  if (!isValidationError(error)) throw error;
  (deps.stderr ?? process.stderr).write(`edgar-extract cik: ${error.message}\nTry: edgar-extract cik --help\n`);
  return { exitCode: 2, summary: null, listing: null };
}

/** Run the command with arguments already parsed (by parseCikArgs or the command framework). */
export async function executeCik(parsed: CikCommandArgs, deps: CikCommandDeps): Promise<CikCommandResult> {
  let args = parsed;
  const stderr = deps.stderr ?? process.stderr;
  return runFetchBatch<FilerFilings>(
    {
      command: 'cik',
      userAgent: args.userAgent,
      concurrency: args.concurrency,
      refresh: args.refresh,
      list: async (client, signal) => {
        if (args.ticker !== undefined) {
          try {
            const found = await resolveCikOrTicker(args.ticker, { client: () => client, cacheDir: deps.cacheDir ?? defaultCacheDir(deps.env ?? process.env), signal });
            args = { ...args, cik: found.cik };
            stderr.write(`${found.ticker} is CIK ${found.cik}${found.title ? ` (${found.title})` : ''}\n`);
          } catch (error) {
            if (isNotFoundError(error)) return { failed: true, exitCode: 2, message: error.message };
            if (isFetchError(error)) return { failed: true, exitCode: 3, message: `could not look up ticker ${args.ticker}: ${error.message}` };
            throw error;
          }
        }
        try {
          return await listFilings(client, args.cik, args, { signal });
        } catch (error) {
          if (signal.aborted) return { failed: true, exitCode: 130, message: 'interrupted while listing filings; nothing was stored' };
          if (isNotFoundError(error)) return { failed: true, exitCode: 2, message: error.message, hint: 'Check the CIK (https://www.sec.gov/edgar/searchedgar/companysearch).' };
          if (isFetchError(error)) return { failed: true, exitCode: 3, message: `could not list filings of CIK ${args.cik}: ${error.message}` };
          throw error;
        }
      },
      filings: (listing) => listing.filings,
      describe: (listing) => describeListing(listing, args),
      label: () => `CIK ${args.cik}`,
      storage: () => (typeof deps.storage === 'function' ? deps.storage(args) : deps.storage),
    },
    deps,
  );
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
