/**
 * One PrepareTask run to its result: read, parse, extract, build rows. Runs inside a worker thread (ingest-worker.ts)
 * and, for a pool of zero workers, on the main thread; never throws (a failure is a result like any other).
 */
import { readFileSync } from 'node:fs';
import { isEdgarError, isFetchError, isNotFoundError, isParseError, isValidationError } from '../errors/index.js';
import { prepareFiling } from '../pipeline.js';
import type { PrepareTask, TaskFailure, TaskResult } from './messages.js';

export function runPrepareTask(task: PrepareTask): TaskResult {
  try {
    const bytes = task.bytes ?? new Uint8Array(readFileSync(task.path!));
    const { submission, extracted, prepared } = prepareFiling(bytes, { sourceName: task.name });
    if (!task.detail) return { id: task.id, ok: true, prepared };
    // The bytes stay behind: the summary and --json never print them.
    return { id: task.id, ok: true, prepared, detail: { submission: { ...submission, bytes: new Uint8Array(0) }, extracted } };
  } catch (error) {
    return { id: task.id, ok: false, failure: describeFailure(error, task.name) };
  }
}

/** Any error → one line for the batch's report. Untyped errors are defects: named as such, without a stack trace. */
export function describeFailure(error: unknown, name: string): TaskFailure {
  if (isParseError(error)) return { code: error.code, message: error.format().split('\n')[0]!, typed: true, exitCode: 1 };
  if (isEdgarError(error)) {
    const exitCode = isValidationError(error) ? 2 : isFetchError(error) || isNotFoundError(error) ? 3 : 1;
    return { code: error.code, message: `${name}: ${error.code}: ${oneLine(error.message)}`, typed: true, exitCode };
  }
  const err = error instanceof Error ? error : new Error(String(error));
  const code = (err as { code?: unknown }).code;
  const label = typeof code === 'string' ? code : err.name || 'Error';
  return { code: label, message: `${name}: ${label}: ${oneLine(err.message)}`, typed: false, exitCode: 1 };
}

function oneLine(message: string): string {
  const first = message.split('\n')[0] ?? '';
  return first.length > 300 ? `${first.slice(0, 300)}…` : first;
}
