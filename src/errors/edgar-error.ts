import type { ErrorCode } from './codes.js';

/**
 * The root of every error edgar-extract throws on purpose. Each error has a stable `code` (for scripts and the
 * database's warning tables), keeps its `cause`, and says what to do where it can. The four branches follow the
 * pipeline's failure kinds: fetching (transport), not found, parsing, validation (bad arguments or values).
 */
export class EdgarError extends Error {
  override name = 'EdgarError';
  /** Registered in codes.ts (an unregistered code fails the typecheck). */
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isEdgarError(value: unknown): value is EdgarError {
  return value instanceof EdgarError;
}
