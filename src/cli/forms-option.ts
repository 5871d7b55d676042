/**
 * `--forms`: which form types a command keeps. A 13D tool keeps the 13D/13G family unless told otherwise
 * (`--forms all` keeps everything); both eras' names are listed because EDGAR renamed the forms on 18 December 2024.
 */
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
export function parseFormList(text: string, options: { allowAll?: boolean } = {}): string[] | null {
  if (options.allowAll !== false && text.trim().toLowerCase() === 'all') return null;
  const forms = text
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  if (forms.length === 0) throw new UsageError('--forms needs at least one form type, or all');
  return forms;
}
