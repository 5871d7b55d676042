import type { ErrorCode } from './codes.js';
import { EdgarError } from './edgar-error.js';

/** A network or HTTP failure talking to EDGAR: the request, its URL and (when there was one) the status are kept. */
export class FetchError extends EdgarError {
  override name = 'FetchError';
  readonly url: string;
  readonly status: number | null;

  constructor(code: ErrorCode, message: string, details: { url: string; status?: number | null; cause?: unknown }) {
    super(code, message, { cause: details.cause });
    this.url = details.url;
    this.status = details.status ?? null;
  }
}

export function isFetchError(value: unknown): value is FetchError {
  return value instanceof FetchError;
}
