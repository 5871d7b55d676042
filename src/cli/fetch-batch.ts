/**
 * What `cik` and `index` share once they know which filings they want: a polite client (no User-Agent, no request),
 * Ctrl-C handling (the first stops new work, the second exits), the cache, the batch runner with resume, progress and
 * the summary, and the mapping of failures to exit codes (0 done, 1 a filing failed to process, 2 usage, 3 network,
 * 130 interrupted). Each command brings its own listing step: a CIK's submissions JSON, or EDGAR's daily and
 * full indexes.
 */
import { isEdgarError, isFetchError, isValidationError, ValidationError } from '../errors/index.js';
import { runBatch, type BatchFiling, type BatchSummary } from '../fetch/batch.js';
import { SubmissionCache, defaultCacheDir } from '../fetch/cache.js';
import { EdgarClient, type EdgarClientOptions } from '../fetch/client.js';
import { ProgressReporter, formatBatchSummary, type ProgressStream } from '../fetch/progress.js';

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

/** What a fetch batch takes from its surroundings (tests inject each of these). */
export interface FetchBatchDeps {
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

/** A listing step that could not list: the exit code and what to tell the user. */
export interface ListingFailure {
  failed: true;
  exitCode: number;
  message: string;
  hint?: string;
}

export interface FetchBatchSpec<Listing> {
  /** The command's name, for messages (`edgar-extract cik: …`). */
  command: string;
  userAgent?: string | undefined;
  concurrency: number;
  refresh: boolean;
  /** List the filings to fetch; a failure is reported with its exit code and nothing is stored. */
  list(client: EdgarClient, signal: AbortSignal): Promise<Listing | ListingFailure>;
  /** The filings of a listing, in the order to fetch them. */
  filings(listing: Listing): readonly BatchFiling[];
  /** One line saying what was listed (stderr), and the progress bar's label. */
  describe(listing: Listing): string;
  label(listing: Listing): string;
  /** The storage, opened once the listing succeeded. */
  storage(): CikStorage | Promise<CikStorage>;
}

export interface FetchBatchResult<Listing> {
  exitCode: number;
  summary: BatchSummary | null;
  listing: Listing | null;
}

/** Run a fetch-and-store batch as `cik` and `index` do. `deps` are the command's injected dependencies. */
export async function runFetchBatch<Listing>(spec: FetchBatchSpec<Listing>, deps: FetchBatchDeps): Promise<FetchBatchResult<Listing>> {
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  const env = deps.env ?? process.env;
  const fail = (exitCode: number, message: string, hint?: string): FetchBatchResult<Listing> => {
    stderr.write(`edgar-extract ${spec.command}: ${message}\n${hint ? `${hint}\n` : ''}`);
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
      ...(spec.userAgent !== undefined ? { userAgent: spec.userAgent } : {}),
    });
  } catch (error) {
    if (isValidationError(error)) return fail(2, error.message, error.code.endsWith('USER_AGENT') ? undefined : `Try: edgar-extract ${spec.command} --help`);
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
    const listed = await spec.list(client, signal);
    if (isListingFailure(listed)) return fail(listed.exitCode, listed.message, listed.hint);
    const listing = listed;
    stderr.write(`${spec.describe(listing)}\n`);

    storage = await spec.storage();
    const cache = new SubmissionCache(deps.cacheDir ?? defaultCacheDir(env));
    // Temporary files a killed run left behind (over an hour old, so a concurrent run's are safe) go now.
    await cache.sweep().catch(() => 0);
    const filings = spec.filings(listing);
    const progress = new ProgressReporter({
      total: filings.length,
      stream: stderr,
      label: spec.label(listing),
      ...(deps.isTTY !== undefined ? { isTTY: deps.isTTY } : {}),
    });
    notify = (line) => progress.log(line);
    const store = storage;
    const summary = await runBatch(filings, {
      client,
      cache,
      isStored: (accession) => store.isStored(accession),
      processFiling: (accession, bytes) => store.processFiling(accession, bytes),
      concurrency: spec.concurrency,
      refresh: spec.refresh,
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

function isListingFailure(value: unknown): value is ListingFailure {
  return typeof value === 'object' && value !== null && (value as { failed?: unknown }).failed === true;
}

/** 130 when interrupted, 1 when any filing failed in processing, 3 when only fetches failed, else 0. */
export function exitCodeFor(summary: BatchSummary): number {
  if (summary.interrupted) return 130;
  if (summary.failed.some((f) => f.stage === 'process')) return 1;
  if (summary.failed.length > 0) return 3;
  return 0;
}

/** A whole-number option within [min, max]; ValidationError `INVALID_OPTION` otherwise. */
export function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new ValidationError('INVALID_OPTION', `${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}
