/**
 * A pool of worker threads that run PrepareTasks (parse + extract + rows), so a batch uses every core while one
 * thread owns the database. Size 0 runs tasks on the calling thread (the same results, one core).
 *
 * Workers need compiled JavaScript: the worker file sits beside this module in dist/; when this module runs from
 * TypeScript source (vitest), the package's dist/ copy is used, so `npm run build` must have run.
 * A worker that dies (out of memory, a native crash) fails only its task; a fresh worker takes its place.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../cli/package-root.js';
import type { PrepareTask, TaskResult } from './messages.js';
import { runPrepareTask } from './prepare-task.js';

interface Job {
  task: PrepareTask;
  transfer: ArrayBuffer[];
  resolve: (result: TaskResult) => void;
}

interface Slot {
  worker: Worker;
  /** Posted to this worker, oldest first: the first is running, the rest wait in its message queue. */
  jobs: Job[];
}

/**
 * Tasks posted ahead to each worker. With one at a time, a worker sat idle from posting a result until the main
 * thread (busy storing) got round to sending the next: 20–25% of its time in a measured batch. With two, a worker
 * still ran dry while the writer committed (11% of a worker's profile idle over 2,000 filings); with four, the same
 * batch ran 0–9% faster (median 4%, six interleaved pairs) at the same peak RSS (309 MB). Four still ran dry during
 * the writer's commits (5–23% idle per second of a worker's profile); sixteen, with the batch's window widened to
 * match (ingest-many.ts), left them busy.
 */
const TASKS_PER_WORKER = 16;

export class WorkerPool {
  readonly size: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  readonly #script: string | null;
  #closed = false;
  /** Inputs that exhausted a worker's heap and were prepared on this thread instead. */
  retriedOnMainThread = 0;

  readonly #heapMb: number;

  /**
   * `heapMb` caps each worker's old generation (default 192 MB). Without a cap V8 lets every worker's heap grow far
   * beyond what it holds live, which tripled a batch's memory; an input that needs more is retried on this thread.
   */
  constructor(size: number, options: { heapMb?: number } = {}) {
    this.size = Math.max(0, Math.floor(size));
    this.#heapMb = options.heapMb ?? 192;
    this.#script = this.size > 0 ? workerScript() : null;
    for (let i = 0; i < this.size; i += 1) this.#slots.push(this.#spawn());
  }

  /** Run one task; resolves with its result (a failure is a result too, never a rejection). */
  run(task: PrepareTask): Promise<TaskResult> {
    if (this.#closed) return Promise.reject(new Error('WorkerPool: closed'));
    if (this.size === 0) return Promise.resolve(runPrepareTask(task));
    return new Promise((resolve) => {
      // Bytes are copied, not transferred: the main thread keeps them to retry an input that exhausts a worker's heap.
      this.#queue.push({ task, transfer: [], resolve });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  #dispatch(): void {
    for (let round = 0; round < TASKS_PER_WORKER; round += 1) {
      for (const slot of this.#slots) {
        if (this.#queue.length === 0) return;
        if (slot.jobs.length > round) continue;
        const job = this.#queue.shift()!;
        slot.jobs.push(job);
        slot.worker.postMessage(job.task, job.transfer);
      }
    }
  }

  #spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.#script!, { resourceLimits: { maxOldGenerationSizeMb: this.#heapMb } }), jobs: [] };
    slot.worker.on('message', (result: TaskResult) => {
      const job = slot.jobs.shift();
      job?.resolve(result);
      this.#dispatch();
    });
    const replace = (reason: string, outOfMemory = false): void => {
      // The worker runs its tasks in order: the first was running when it died; the others go back to the queue.
      const job = slot.jobs.shift();
      this.#queue.unshift(...slot.jobs);
      slot.jobs = [];
      if (this.#closed) return;
      const index = this.#slots.indexOf(slot);
      if (index >= 0) this.#slots[index] = this.#spawn();
      // An input too big for a worker's capped heap gets the main thread's (uncapped) heap instead.
      if (job && outOfMemory) {
        this.retriedOnMainThread += 1;
        job.resolve(runPrepareTask(job.task));
        this.#dispatch();
        return;
      }
      job?.resolve({ id: job.task.id, ok: false, failure: { code: 'WORKER_DIED', message: `${job.task.name}: WORKER_DIED: ${reason}`, typed: false, exitCode: 1 } });
      this.#dispatch();
    };
    slot.worker.on('error', (error) => replace(error.message.split('\n')[0] ?? 'worker error', (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'));
    slot.worker.on('exit', (code) => {
      if (!this.#closed) replace(`worker exited with code ${code}`);
    });
    return slot;
  }
}

/** The compiled worker entry: beside this module when running from dist/, else the package's dist/ copy. */
function workerScript(): string {
  const beside = fileURLToPath(new URL('./ingest-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = join(packageRoot(), 'dist', 'src', 'batch', 'ingest-worker.js');
  if (existsSync(built)) return built;
  throw new Error(`edgar-extract: the worker thread needs the compiled ${built}; run \`npm run build\``);
}
