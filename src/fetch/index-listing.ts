/**
 * Which filings of a date range EDGAR lists, by form: the quarterly full-index `master` file of every finished
 * quarter in the range, and the daily-index `master` files of the quarter still in progress (its full-index is a
 * rolling bridge, the daily files are what is published day by day). Every request goes through the polite client.
 * A daily file that does not exist (a weekend, a holiday, today before ~10 p.m. ET) is skipped, not an error; a
 * missing quarterly file is NotFoundError, because a finished quarter always has one.
 * Not here: parsing index files (full-index.ts), fetching the filings (batch.ts).
 */
import { NotFoundError, ValidationError } from '../errors/index.js';
import type { EdgarClient, RequestOptions } from './client.js';
import { dailyIndexUrl, fullIndexUrls, parseIndexFile, quarterBounds, quarterOf, quartersBetween, sameQuarter, weekdaysBetween, type IndexEntry, type Quarter } from './full-index.js';
import { expandForms, isIsoDate } from './submissions.js';

/** Schedules 13D and 13G, both eras' names: what `index` and `feed` select unless told otherwise. */
export const DEFAULT_FORMS: readonly string[] = ['SC 13D', 'SC 13D/A', 'SC 13G', 'SC 13G/A', 'SCHEDULE 13D', 'SCHEDULE 13D/A', 'SCHEDULE 13G', 'SCHEDULE 13G/A'];

/** `--forms` text → the forms to keep, or null for every form (`all`). Empty or missing → DEFAULT_FORMS. */
export function parseFormsOption(text: string | undefined): string[] | null {
  if (text === undefined) return [...DEFAULT_FORMS];
  if (text.trim().toLowerCase() === 'all') return null;
  const forms = text.split(',').map((f) => f.trim()).filter((f) => f !== '');
  if (forms.length === 0) throw new ValidationError('INVALID_OPTION', '--forms needs at least one form type, or "all"');
  return forms;
}

export interface IndexQuery {
  /** Forms to keep (aliases of the other era included, as for `cik`); null = every form. */
  forms: readonly string[] | null;
  /** `YYYY-MM-DD`, inclusive. */
  since: string;
  /** `YYYY-MM-DD`, inclusive. */
  until: string;
  /** Keep at most this many, newest first. */
  limit?: number;
}

export interface IndexListing {
  /** Matching filings, one per accession number, newest first. */
  filings: IndexEntry[];
  /** Index rows read in all (a filing is listed once per CIK involved, so this counts some filings twice). */
  rowsRead: number;
  /** Index files fetched. */
  filesRead: string[];
  /** Daily index files that do not exist (no filing day, or not yet published). */
  daysWithoutIndex: string[];
}

export interface IndexListingOptions extends RequestOptions {
  /** Today, `YYYY-MM-DD` (tests fix it); default the current date in New York, where EDGAR's day turns. */
  today?: string;
  /** Told about each index file as it is read. */
  onFile?: (url: string, rows: number) => void;
}

/** EDGAR's calendar day: America/New_York. */
export function edgarToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** List the filings of `[since, until]` of the wanted forms from EDGAR's indexes. */
export async function listIndexedFilings(client: EdgarClient, query: IndexQuery, options: IndexListingOptions = {}): Promise<IndexListing> {
  for (const [name, value] of [['since', query.since], ['until', query.until]] as const) {
    if (!isIsoDate(value)) throw new ValidationError('INVALID_DATE', `--${name} must be a date as YYYY-MM-DD, got "${value}"`);
  }
  const today = options.today ?? edgarToday();
  const until = query.until > today ? today : query.until;
  const wanted = query.forms === null ? null : expandForms(query.forms);
  const keep = (e: IndexEntry): boolean =>
    e.dateFiled >= query.since && e.dateFiled <= until && (wanted === null || wanted.has(e.formType.replace(/\s+/g, ' ').toUpperCase()));
  const listing: IndexListing = { filings: [], rowsRead: 0, filesRead: [], daysWithoutIndex: [] };
  const found: IndexEntry[] = [];
  const current = quarterOf(today);
  if (query.since > until) return listing;

  const read = (url: string, bytes: Uint8Array): void => {
    const parsed = parseIndexFile(bytes, { sourceName: url, keep });
    listing.rowsRead += parsed.rows;
    listing.filesRead.push(url);
    found.push(...parsed.entries);
    options.onFile?.(url, parsed.rows);
  };

  for (const q of quartersBetween(query.since, until)) {
    if (sameQuarter(q, current)) {
      const { first } = quarterBounds(q);
      for (const day of weekdaysBetween(query.since > first ? query.since : first, until)) {
        const url = dailyIndexUrl(client.hosts.baseUrl, day);
        try {
          read(url, (await client.get(url, options)).bytes);
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          listing.daysWithoutIndex.push(day);
        }
      }
    } else {
      const { url, bytes } = await fetchQuarterIndex(client, q, options);
      read(url, bytes);
    }
  }

  // One filing per accession (the index lists it under every CIK involved); the first CIK seen names its folder.
  const seen = new Set<string>();
  const unique = found.filter((e) => (seen.has(e.accessionNumber) ? false : (seen.add(e.accessionNumber), true)));
  unique.sort((a, b) => (a.dateFiled < b.dateFiled ? 1 : a.dateFiled > b.dateFiled ? -1 : 0));
  listing.filings = query.limit !== undefined ? unique.slice(0, query.limit) : unique;
  return listing;
}

/** A finished quarter's master index: the gzipped copy, else the plain one. */
async function fetchQuarterIndex(client: EdgarClient, q: Quarter, options: RequestOptions): Promise<{ url: string; bytes: Uint8Array }> {
  const urls = fullIndexUrls(client.hosts.baseUrl, q);
  for (const url of urls) {
    try {
      return { url, bytes: (await client.get(url, options)).bytes };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  throw new NotFoundError('url', `EDGAR has no full index for ${q.year} QTR${q.quarter} (404 at ${urls.join(', ')})`);
}
