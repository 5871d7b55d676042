/**
 * Many inputs into one database: worker threads parse and extract (WorkerPool), this thread stores (BatchWriter).
 *
 * Order: results are stored and reported in input order. Tasks run ahead of the writer in a bounded window
 * (`window` inputs, default 8 per worker: the tasks posted to it and as many results waiting to be stored), so memory
 * is bounded by a few of the largest inputs and their rows, never by the number of inputs; nothing about a filing is
 * kept once it is reported.
 */
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
  /** Inputs in flight ahead of the writer; default 8 per worker (at least 2). */
  window?: number;
  /** Ask for the tree and records of this input (for a summary or --json). */
  detail?: (index: number) => boolean;
  /** Called once per input, in input order, after it is stored or has failed. */
  onItem: (item: BatchItem) => void;
}

export async function ingestMany(db: EdgarDatabase, inputs: readonly BatchInput[], options: IngestManyOptions): Promise<void> {
  const pool = new WorkerPool(options.jobs);
  const writer = new BatchWriter(db, options);
  const window = Math.max(2, options.window ?? Math.max(1, options.jobs) * 8);
  const pending: Promise<{ result: TaskResult; name: string; stage: 'read' | 'prepare' }>[] = [];
  let next = 0;
  const launch = (): void => {
    const index = next;
    next += 1;
    pending.push(startTask(pool, inputs[index]!, index, options.detail?.(index) ?? false));
  };
  try {
    while (next < inputs.length && pending.length < window) launch();
    for (let index = 0; pending.length > 0; index += 1) {
      const { result, name, stage } = await pending.shift()!;
      // Refill first, so the workers stay busy while this thread writes.
      if (next < inputs.length) launch();
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
