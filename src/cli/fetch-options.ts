/**
 * The options `index` and `feed` share, parsed once: `--forms LIST|all`, `--db FILE`, `--refresh`,
 * `--user-agent UA` and `-h/--help`, plus each command's own (`--since`/`--until`/…, `--date`). Both commands take no
 * positional argument. Errors are ValidationError `INVALID_OPTION`, which the commands print with a usage hint.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ValidationError } from '../errors/index.js';
import { parseFormsOption } from '../fetch/index-listing.js';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

const SHARED_OPTIONS = {
  forms: { type: 'string' },
  db: { type: 'string' },
  refresh: { type: 'boolean' },
  'user-agent': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

/** The shared options as parsed. */
export interface SharedFetchArgs {
  /** null = every form. */
  forms: string[] | null;
  db: string;
  refresh: boolean;
  userAgent?: string;
}

/**
 * Parse `argv` with the shared options and `own`; returns the shared ones resolved, the command's own raw values, and
 * whether help was asked for (then nothing else is checked).
 */
export function parseFetchOptions<Own extends OptionSpec>(
  command: string,
  argv: readonly string[],
  own: Own,
): { help: boolean; shared: SharedFetchArgs; own: Record<keyof Own, string | boolean | undefined> } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...SHARED_OPTIONS, ...own }, allowPositionals: true });
  } catch (error) {
    throw new ValidationError('INVALID_OPTION', (error as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const ownValues = Object.fromEntries(Object.keys(own).map((k) => [k, values[k]])) as Record<keyof Own, string | boolean | undefined>;
  const help = Boolean(values.help);
  const shared: SharedFetchArgs = { forms: parseFormsOption(undefined), db: './edgar.db', refresh: false };
  if (help) return { help, shared, own: ownValues };
  if (parsed.positionals.length) throw new ValidationError('INVALID_OPTION', `${command} takes no arguments besides options (got ${parsed.positionals.join(' ')})`);
  shared.forms = parseFormsOption(values.forms as string | undefined);
  shared.db = (values.db as string | undefined) ?? './edgar.db';
  shared.refresh = Boolean(values.refresh);
  if (values['user-agent'] !== undefined) shared.userAgent = values['user-agent'] as string;
  if (shared.db.trim() === '') throw new ValidationError('INVALID_OPTION', '--db needs a file name');
  return { help, shared, own: ownValues };
}
