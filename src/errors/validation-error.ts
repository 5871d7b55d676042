import { EdgarError } from './edgar-error.js';

/**
 * Input that is well-formed enough to read but wrong: a malformed accession number or CIK, a bad command-line
 * option, a date that is not a date. The CLI maps it to exit code 2 (usage error).
 */
export class ValidationError extends EdgarError {
  override name = 'ValidationError';
}

export function isValidationError(value: unknown): value is ValidationError {
  return value instanceof ValidationError;
}
