/**
 * Central Index Keys: the SEC's number for a filer. Accepted as typed by users (`320193`, `0000320193`,
 * `CIK0000320193`); the archive uses the unpadded form in paths, the submissions API the 10-digit zero-padded form.
 * A malformed CIK is a usage error (ValidationError `INVALID_CIK`).
 */
import { ValidationError } from '../errors/index.js';

const CIK_PATTERN = /^(?:CIK)?0*(\d{1,10})$/i;

/** Parse a CIK into its unpadded digits (`"0000320193"` → `"320193"`). */
export function parseCik(input: string | number): string {
  const text = String(input).trim();
  const match = CIK_PATTERN.exec(text);
  // `0` alone matches as `0`; CIK 0 does not exist, so treat it as malformed rather than request it.
  if (!match || match[1] === undefined || text.replace(/^CIK/i, '').length > 10 || /^0+$/.test(match[1])) {
    throw new ValidationError('INVALID_CIK', `"${input}" is not a CIK: expected up to 10 digits, e.g. 320193 or 0000320193`);
  }
  return match[1];
}

/** The 10-digit zero-padded CIK the submissions API names its files with (`"320193"` → `"0000320193"`). */
export function padCik(input: string | number): string {
  return parseCik(input).padStart(10, '0');
}
