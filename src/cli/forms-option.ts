/**
 * `--forms`: which form types a command keeps. A 13D tool keeps the 13D/13G family unless told otherwise
 * (`--forms all` keeps everything); both eras' names are listed because EDGAR renamed the forms on 18 December 2024.
 */
import { expandForms } from '../fetch/submissions.js';
import { UsageError } from './command-registry.js';

export const SCHEDULE_13_FORMS: readonly string[] = [
  'SC 13D',
  'SC 13D/A',
  'SC 13G',
  'SC 13G/A',
  'SCHEDULE 13D',
  'SCHEDULE 13D/A',
  'SCHEDULE 13G',
  'SCHEDULE 13G/A',
];

/** `"SC 13D, SC 13D/A"` → the list; `all` → null (no filter). */
export function parseFormList(text: string): string[] | null {
  if (text.trim().toLowerCase() === 'all') return null;
  const forms = text
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  if (forms.length === 0) throw new UsageError('--forms needs at least one form type, or all');
  return forms;
}

/**
 * Does a parsed submission pass `--forms` and `--since`? Form names match with their other-era twins (SC 13D ↔
 * SCHEDULE 13D); a filing with no date in its header does not pass `--since` (it cannot be shown to be recent).
 */
export function passesFilingFilter(filing: { formType: string | null; filedAt: string | null }, filter: { forms?: readonly string[]; since?: string }): boolean {
  if (filter.forms && !(filing.formType !== null && expandForms(filter.forms).has(filing.formType.trim().replace(/\s+/g, ' ').toUpperCase()))) return false;
  if (filter.since !== undefined && (filing.filedAt === null || filing.filedAt < filter.since)) return false;
  return true;
}
