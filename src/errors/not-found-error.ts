import { EdgarError } from './edgar-error.js';

/** Something asked for does not exist: an accession EDGAR does not have, a file that is not there. */
export class NotFoundError extends EdgarError {
  override name = 'NotFoundError';
  readonly what: string;

  constructor(what: string, message: string, options?: { cause?: unknown }) {
    super('NOT_FOUND', message, options);
    this.what = what;
  }
}

export function isNotFoundError(value: unknown): value is NotFoundError {
  return value instanceof NotFoundError;
}
