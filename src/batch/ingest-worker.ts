/**
 * Worker-thread entry of the batch pool: receives PrepareTasks, answers TaskResults, one at a time.
 * Loaded from the compiled file (dist/src/batch/ingest-worker.js); see pool.ts for how it is found.
 */
import { parentPort } from 'node:worker_threads';
import type { PrepareTask } from './messages.js';
import { runPrepareTask } from './prepare-task.js';

if (!parentPort) throw new Error('ingest-worker.js runs as a worker thread (see src/batch/pool.ts)');
const port = parentPort;
port.on('message', (task: PrepareTask) => {
  port.postMessage(runPrepareTask(task));
});
