/**
 * What crosses between the batch's main thread and its worker threads (structured-cloned, so plain data only).
 */
import type { ExtractedFiling } from '../extract/index.js';
import type { Submission } from '../parse/types.js';
import type { PreparedFiling } from '../pipeline.js';

export interface PrepareTask {
  id: number;
  /** The input's name, as the filing's `source_name` and in messages. */
  name: string;
  /** A file the worker reads itself, or the bytes (an accession resolved by the main thread, transferred). */
  path?: string;
  bytes?: Uint8Array;
  /** Also send the tree and extracted records back (for a per-filing summary or --json); costly, so only on demand. */
  detail: boolean;
}

/** The submission without its bytes, and the extraction: enough for formatFilingSummary and filingJson. */
export interface FilingDetail {
  submission: Submission;
  extracted: ExtractedFiling;
}

/** A failed input, reduced to what a one-line report needs. */
export interface TaskFailure {
  /** EdgarError code (EMPTY_INPUT, …), or the error class for anything untyped (a defect: say so). */
  code: string;
  /** One line: `file:line:column: CODE: message` for parse errors, else the message. */
  message: string;
  typed: boolean;
  /** The exit code this failure alone would give (design.md §3): 1 input, 2 usage or configuration, 3 network. */
  exitCode: 1 | 2 | 3;
}

export type TaskResult =
  | { id: number; ok: true; prepared: PreparedFiling; detail?: FilingDetail }
  | { id: number; ok: false; failure: TaskFailure };
