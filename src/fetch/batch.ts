/**
 * The resumable batch runner: given filings (usually a CIK's, from submissions.ts), get each one's bytes from the
 * cache or EDGAR and hand them to the caller's `processFiling`. Storage is injected, so this module knows nothing of
 * SQLite: `isStored(accession)` says what an earlier run already finished (skipped, no request), and the cache means
 * what was fetched but not stored is never fetched again. That is what makes a rerun after Ctrl-C or a killed process
 * cheap and duplicate-free (the store's upsert by accession number does the rest).
 * p-limit bounds how many filings are in flight; the client's shared limiter bounds the request rate. A failure on
 * one filing is recorded and the batch goes on. Aborting stops new work; a download already on the wire finishes
 * and is cached and processed, so nothing fetched is wasted and no partial file is left.
 * Not here: listing filings, printing (progress.ts), argument parsing (cli/cik-command.ts).
 */
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import { FetchError, ValidationError } from '../errors/index.js';
import { normalizeAccessionNumber } from './accession.js';
import type { SubmissionCache } from './cache.js';
import type { EdgarClient } from './client.js';
import { headerAccession } from './submission-check.js';

/** What the runner needs to know of a filing: its accession number and, ideally, a CIK it is filed under. */
export interface BatchFiling {
  accessionNumber: string;
  cik?: string;
}

export interface BatchOptions {
  /** The client, or a factory called on the first cache miss (so an all-cached batch needs no User-Agent). */
  client: EdgarClient | (() => EdgarClient);
  cache: SubmissionCache;
  /** True when an earlier run already stored this accession: it is skipped without a request. */
  isStored: (accession: string) => boolean | Promise<boolean>;
  /** Store one filing. Calls never overlap, so a synchronous database transaction inside is safe. */
  processFiling: (accession: string, bytes: Uint8Array) => Promise<void> | void;
  /** Filings in flight at once; default 4. The request rate is bounded separately. */
  concurrency?: number;
  /** Refetch even when cached, and reprocess even when stored. */
  refresh?: boolean;
  /** Abort to stop: no new filing starts, in-flight downloads finish and are kept. */
  signal?: AbortSignal;
  onProgress?: (event: BatchProgressEvent) => void;
}

export type BatchOutcome = 'stored' | 'skipped' | 'failed';

export interface BatchProgressEvent {
  accession: string;
  outcome: BatchOutcome;
  /** Where the bytes came from, when they were got. */
  origin: 'cache' | 'fetched' | null;
  error?: Error;
  /** Filings finished so far (any outcome) and in all. */
  completed: number;
  total: number;
}

export interface BatchFailure {
  accession: string;
  /** `fetch`: no bytes (network, not found, not a filing); `process`: the callback threw (parse, extract, store). */
  stage: 'fetch' | 'process';
  error: Error;
}

export interface BatchSummary {
  /** Distinct filings given. */
  total: number;
  /** Downloaded from EDGAR in this run. */
  fetched: number;
  /** Read from the cache instead. */
  fromCache: number;
  /** processFiling succeeded. */
  stored: number;
  /** Already stored by an earlier run. */
  skipped: number;
  failed: BatchFailure[];
  /** Not attempted because the batch was interrupted or stopped. */
  notStarted: number;
  /** The caller's signal aborted (Ctrl-C). */
  interrupted: boolean;
  /** Set when the batch stopped itself: EDGAR kept blocking us, so asking for the rest would only extend the block. */
  stoppedBy?: Error;
  elapsedMs: number;
}

/** Run a batch. Resolves with the summary even when interrupted; throws only for usage errors (e.g. no User-Agent). */
export async function runBatch(filings: readonly BatchFiling[], options: BatchOptions): Promise<BatchSummary> {
  const started = Date.now();
  const concurrency = options.concurrency ?? 4;
  if (!(Number.isInteger(concurrency) && concurrency > 0)) {
    throw new ValidationError('INVALID_OPTION', `concurrency must be a positive whole number, got ${concurrency}`);
  }
  const unique = dedupe(filings);
  const summary: BatchSummary = {
    total: unique.length,
    fetched: 0,
    fromCache: 0,
    stored: 0,
    skipped: 0,
    failed: [],
    notStarted: 0,
    interrupted: false,
    elapsedMs: 0,
  };
  // A usage error found mid-batch (no User-Agent on the first cache miss) stops everything, like a user abort.
  const fatal = new AbortController();
  let fatalError: unknown;
  const signal = options.signal ? AbortSignal.any([options.signal, fatal.signal]) : fatal.signal;
  // Every worker waiting on the limiter listens to this one signal; that is by design, not a leak.
  setMaxListeners(0, signal);
  let client: EdgarClient | undefined;
  const getClient = (): EdgarClient => {
    client ??= typeof options.client === 'function' ? options.client() : options.client;
    return client;
  };
  const storeLane = pLimit(1);
  let completed = 0;
  const report = (accession: string, outcome: BatchOutcome, origin: 'cache' | 'fetched' | null, error?: Error): void => {
    completed += 1;
    options.onProgress?.({ accession, outcome, origin, completed, total: unique.length, ...(error ? { error } : {}) });
  };

  const work = async (filing: BatchFiling): Promise<void> => {
    if (signal.aborted) {
      summary.notStarted += 1;
      return;
    }
    const accession = filing.accessionNumber;
    let bytes: Uint8Array | null = null;
    let origin: 'cache' | 'fetched';
    try {
      if (!options.refresh && (await options.isStored(accession))) {
        summary.skipped += 1;
        report(accession, 'skipped', null);
        return;
      }
      bytes = options.refresh ? null : await options.cache.read(accession);
      if (bytes) {
        const declared = headerAccession(bytes);
        if (declared !== null && declared !== accession) {
          throw new FetchError('ACCESSION_MISMATCH', `the cached file for ${accession} holds submission ${declared}; nothing was stored (rerun with --refresh)`, { url: options.cache.pathFor(accession) });
        }
        origin = 'cache';
      } else {
        let edgar: EdgarClient;
        try {
          edgar = getClient();
        } catch (error) {
          fatalError ??= error;
          fatal.abort(error);
          summary.notStarted += 1;
          return;
        }
        const fetched = await edgar.fetchSubmission(accession, { signal, ...(filing.cik ? { cik: filing.cik } : {}) });
        // Cache before processing: if processing fails or the run dies, the download is not lost.
        await options.cache.write(accession, fetched.bytes);
        bytes = fetched.bytes;
        origin = 'fetched';
      }
    } catch (error) {
      if (signal.aborted && (isAbortError(error) || error === signal.reason)) {
        // Stopped while waiting for the limiter or a backoff: nothing was sent, nothing to record.
        summary.notStarted += 1;
        return;
      }
      summary.failed.push({ accession, stage: 'fetch', error: asError(error) });
      report(accession, 'failed', null, asError(error));
      if ((error as { code?: unknown }).code === 'EDGAR_BLOCKED' && summary.stoppedBy === undefined) {
        // The client has given up on EDGAR; every other filing would fail the same way. Stop starting them.
        summary.stoppedBy = asError(error);
        fatal.abort(error);
      }
      return;
    }
    if (origin === 'cache') summary.fromCache += 1;
    else summary.fetched += 1;
    const got = bytes;
    try {
      await storeLane(() => options.processFiling(accession, got));
      summary.stored += 1;
      report(accession, 'stored', origin);
    } catch (error) {
      summary.failed.push({ accession, stage: 'process', error: asError(error) });
      report(accession, 'failed', origin, asError(error));
    }
  };

  const limit = pLimit(concurrency);
  await Promise.all(unique.map((filing) => limit(work, filing)));
  summary.interrupted = options.signal?.aborted ?? false;
  if (summary.stoppedBy === undefined) delete summary.stoppedBy;
  summary.elapsedMs = Date.now() - started;
  if (fatalError !== undefined) throw fatalError;
  return summary;
}

/** One entry per accession number, in the given order; malformed numbers are kept to fail visibly. */
function dedupe(filings: readonly BatchFiling[]): BatchFiling[] {
  const seen = new Set<string>();
  const out: BatchFiling[] = [];
  for (const filing of filings) {
    let accessionNumber = filing.accessionNumber;
    try {
      accessionNumber = normalizeAccessionNumber(accessionNumber);
    } catch {
      // left as given; the cache lookup will throw ValidationError and the filing is reported as failed
    }
    if (seen.has(accessionNumber)) continue;
    seen.add(accessionNumber);
    out.push({ ...filing, accessionNumber });
  }
  return out;
}

function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ((error as Error).name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR');
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
