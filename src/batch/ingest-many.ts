/**
 * Many inputs into one database: worker threads parse and extract (WorkerPool), this thread stores (BatchWriter).
 *
 * Order: results are stored and reported in input order. Tasks run ahead of the writer in a bounded window: at most
 * `window` inputs (default 32 per worker: the tasks posted to it and the results waiting to be stored) and, beyond
 * two per worker, at most `maxInFlightBytes` of input files (default 64 MB). So memory is bounded by the window's
 * inputs and their rows, never by the number of inputs; nothing about a filing is kept once it is reported.
 *
 * Why so wide a window: the writer commits every few dozen filings, and a commit (the held full-text rows indexed
 * together) keeps this thread busy for a while. With 8 per worker, the workers ran out of posted tasks during
 * commits and sat idle 5–23% of the time (CPU profile, 2,000 filings); with 32 per worker they stay busy and the
 * batch ran 13–16% faster (three interleaved pairs), at 25 MB more peak RSS.
 */
import { statSync } from 'node:fs';
import type { EdgarDatabase, StoreOutcome } from '../store/database.js';
import type { FilingDetail, TaskFailure, TaskResult } from './messages.js';
import { describeFailure } from './prepare-task.js';
import { WorkerPool } from './pool.js';
import { BatchAbortedError, BatchWriter, type WriterOptions } from './writer.js';

/** One input: a file the worker reads, or bytes got on this thread (an accession resolved from the cache or EDGAR). */
export type BatchInput = { name: string; path: string } | { name: string; fetch: () => Promise<{ name: string; bytes: Uint8Array }> };

export type BatchItem =
  | {
      index: number;
      name: string;
      ok: true;
      accessionNumber: string;
      store: StoreOutcome;
      /** Parse and extraction warnings by code. */
      warningCodes: Record<string, number>;
      detail?: FilingDetail;
    }
  | { index: number; name: string; ok: false; stage: 'read' | 'prepare' | 'store'; failure: TaskFailure };

export interface IngestManyOptions extends WriterOptions {
  /** Worker threads (0: everything on this thread). */
  jobs: number;
  /** Inputs in flight ahead of the writer; default 32 per worker (at least 2). */
  window?: number;
  /**
   * Bytes of input files in flight ahead of the writer (default 64 MB): a batch of large filings keeps fewer in
   * flight, though always two per worker (or two), whatever their size.
   */
  maxInFlightBytes?: number;
  /** Ask for the tree and records of this input (for a summary or --json). */
  detail?: (index: number) => boolean;
  /** Called once per input, in input order, after it is stored or has failed. */
  onItem: (item: BatchItem) => void;
}

export async function ingestMany(db: EdgarDatabase, inputs: readonly BatchInput[], options: IngestManyOptions): Promise<void> {
  const pool = new WorkerPool(options.jobs);
  const writer = new BatchWriter(db, options);
  const window = Math.max(2, options.window ?? Math.max(1, options.jobs) * 32);
  const alwaysInFlight = Math.min(window, Math.max(2, options.jobs * 2));
  const maxInFlightBytes = options.maxInFlightBytes ?? 64 * 1024 * 1024;
  const pending: { task: Promise<{ result: TaskResult; name: string; stage: 'read' | 'prepare' }>; bytes: number }[] = [];
  let inFlightBytes = 0;
  let next = 0;
  const launchMore = (): void => {
    while (next < inputs.length && pending.length < window && (pending.length < alwaysInFlight || inFlightBytes < maxInFlightBytes)) {
      const index = next;
      next += 1;
      const input = inputs[index]!;
      const bytes = 'path' in input ? fileSize(input.path) : 0;
      inFlightBytes += bytes;
      pending.push({ task: startTask(pool, input, index, options.detail?.(index) ?? false), bytes });
    }
  };
  try {
    launchMore();
    for (let index = 0; pending.length > 0; index += 1) {
      const head = pending.shift()!;
      const { result, name, stage } = await head.task;
      inFlightBytes -= head.bytes;
      // Refill first, so the workers stay busy while this thread writes.
      launchMore();
      if (!result.ok) {
        options.onItem({ index, name, ok: false, stage, failure: result.failure });
        continue;
      }
      let store: StoreOutcome;
      try {
        store = writer.store(result.prepared);
      } catch (error) {
        if (error instanceof BatchAbortedError) throw error;
        options.onItem({ index, name, ok: false, stage: 'store', failure: describeFailure(error, name) });
        continue;
      }
      options.onItem({
        index,
        name,
        ok: true,
        accessionNumber: result.prepared.accessionNumber,
        store,
        warningCodes: result.prepared.warningCodes,
        ...(result.detail ? { detail: result.detail } : {}),
      });
    }
    writer.commit();
  } catch (error) {
    // Filings already reported as stored must stay stored, whatever stopped the loop (a closed stdout, say).
    if (!(error instanceof BatchAbortedError)) writer.commit();
    throw error;
  } finally {
    // On an abort, the open transaction is left to SQLite to roll back when the connection closes.
    await pool.close();
  }
}

/** An input file's size for the window's byte budget; 0 when it cannot be read (the worker reports why). */
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

async function startTask(pool: WorkerPool, input: BatchInput, id: number, detail: boolean): Promise<{ result: TaskResult; name: string; stage: 'read' | 'prepare' }> {
  if ('path' in input) return { result: await pool.run({ id, name: input.name, path: input.path, detail }), name: input.name, stage: 'prepare' };
  let got: { name: string; bytes: Uint8Array };
  try {
    got = await input.fetch();
  } catch (error) {
    return { result: { id, ok: false, failure: describeFailure(error, input.name) }, name: input.name, stage: 'read' };
  }
  return { result: await pool.run({ id, name: got.name, bytes: got.bytes, detail }), name: got.name, stage: 'prepare' };
}
