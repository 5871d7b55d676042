import type { ErrorCode } from './codes.js';
import { EdgarError } from './edgar-error.js';

/**
 * A `--db` file edgar-extract will not open: not a SQLite file, someone else's SQLite database, a database from a
 * newer edgar-extract, or a path whose directory does not exist. Thrown before anything is written, so the file is
 * left exactly as it was. `path` is the file as given.
 */
export class DatabaseError extends EdgarError {
  override name = 'DatabaseError';
  readonly path: string;

  constructor(code: ErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.path = path;
  }
}

export function isDatabaseError(value: unknown): value is DatabaseError {
  return value instanceof DatabaseError;
}
