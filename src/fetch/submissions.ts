/**
 * A filer's filings from the submissions API (reference §2.3): `data.sec.gov/submissions/CIK##########.json` holds
 * the recent filings as columnar arrays under `filings.recent` and names older pages in `filings.files[]`, whose
 * column arrays sit at the top level. Every page is fetched (skipping pages wholly outside `since`/`until`),
 * columns become rows, and rows are filtered by form, date range and count. Unknown keys are ignored because the SEC
 * adds fields. Not here: fetching the filings themselves (batch.ts).
 */
import { FetchError, NotFoundError, ValidationError } from '../errors/index.js';
import { normalizeAccessionNumber } from './accession.js';
import { parseCik } from './cik.js';
import type { EdgarClient, RequestOptions } from './client.js';
import { submissionsPageUrl, submissionsUrl } from './urls.js';
import { pushAll } from '../arrays.js';

/** One filing as the submissions API lists it (one row of the columnar arrays). */
export interface FilingRow {
  /** CIK whose submissions listed the filing (its archive folder is under this CIK). */
  cik: string;
  accessionNumber: string;
  /** `YYYY-MM-DD`. */
  filingDate: string;
  reportDate: string | null;
  /** As the SEC writes it; Eastern wall-clock time despite the `Z` (reference §2.3). */
  acceptanceDateTime: string | null;
  form: string;
  fileNumber: string | null;
  filmNumber: string | null;
  items: string | null;
  size: number | null;
  primaryDocument: string | null;
  primaryDocDescription: string | null;
}

export interface FilingFilter {
  /** Form types to keep (case-insensitive). `SC 13D` also matches `SCHEDULE 13D` and vice versa (see formAliases). */
  forms?: readonly string[];
  /** Earliest filing date kept, `YYYY-MM-DD`, inclusive. */
  since?: string;
  /** Latest filing date kept, `YYYY-MM-DD`, inclusive. */
  until?: string;
  /** Keep at most this many, newest first. */
  limit?: number;
}

export interface FilerFilings {
  cik: string;
  /** The filer's name as the API gives it. */
  name: string | null;
  /** Matching filings, newest first. */
  filings: FilingRow[];
  /** How many filings the API lists for the CIK in all (pages skipped by date counted by their `filingCount`). */
  listed: number;
  /** Submissions JSON documents fetched: the main one plus `files[]` pages. */
  pagesFetched: number;
}

/** The columns of one page, as the API sends them: parallel arrays, row i across all of them. */
export interface SubmissionColumns {
  accessionNumber?: unknown[];
  filingDate?: unknown[];
  reportDate?: unknown[];
  acceptanceDateTime?: unknown[];
  form?: unknown[];
  fileNumber?: unknown[];
  filmNumber?: unknown[];
  items?: unknown[];
  size?: unknown[];
  primaryDocument?: unknown[];
  primaryDocDescription?: unknown[];
  [other: string]: unknown;
}

interface SubmissionsPageRef {
  name?: unknown;
  filingCount?: unknown;
  filingFrom?: unknown;
  filingTo?: unknown;
}

interface SubmissionsDocument {
  cik?: unknown;
  name?: unknown;
  filings?: { recent?: SubmissionColumns; files?: SubmissionsPageRef[] };
}

/**
 * Since 18 December 2024 Schedules 13D/13G are filed as `SCHEDULE 13D` etc.; before, as `SC 13D`. A user asking
 * for one almost always wants both eras, so each name matches its twin.
 */
export const formAliases: Readonly<Record<string, readonly string[]>> = {
  'SC 13D': ['SCHEDULE 13D'],
  'SC 13D/A': ['SCHEDULE 13D/A'],
  'SC 13G': ['SCHEDULE 13G'],
  'SC 13G/A': ['SCHEDULE 13G/A'],
  'SCHEDULE 13D': ['SC 13D'],
  'SCHEDULE 13D/A': ['SC 13D/A'],
  'SCHEDULE 13G': ['SC 13G'],
  'SCHEDULE 13G/A': ['SC 13G/A'],
};

/** The form names a filter matches, aliases included, upper-cased. */
export function expandForms(forms: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const form of forms) {
    const key = form.trim().replace(/\s+/g, ' ').toUpperCase();
    if (key === '') continue;
    out.add(key);
    for (const alias of formAliases[key] ?? []) out.add(alias);
  }
  return out;
}

/** Turn one page's parallel arrays into rows; rows without an accession number are dropped. */
export function columnsToRows(cik: string, columns: SubmissionColumns): FilingRow[] {
  const accessions = Array.isArray(columns.accessionNumber) ? columns.accessionNumber : [];
  const column = (name: keyof SubmissionColumns, index: number): unknown => {
    const values = columns[name];
    return Array.isArray(values) ? values[index] : undefined;
  };
  const rows: FilingRow[] = [];
  accessions.forEach((value, index) => {
    if (typeof value !== 'string') return;
    let accessionNumber: string;
    try {
      accessionNumber = normalizeAccessionNumber(value);
    } catch {
      return; // a row the API garbled is not worth stopping the listing for
    }
    const size = column('size', index);
    rows.push({
      cik,
      accessionNumber,
      filingDate: text(column('filingDate', index)) ?? '',
      reportDate: text(column('reportDate', index)),
      acceptanceDateTime: text(column('acceptanceDateTime', index)),
      form: text(column('form', index)) ?? '',
      fileNumber: text(column('fileNumber', index)),
      filmNumber: text(column('filmNumber', index)),
      items: text(column('items', index)),
      size: typeof size === 'number' ? size : null,
      primaryDocument: text(column('primaryDocument', index)),
      primaryDocDescription: text(column('primaryDocDescription', index)),
    });
  });
  return rows;
}

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Check a filter's values; throws ValidationError (`INVALID_DATE`, `INVALID_OPTION`). */
export function validateFilingFilter(filter: FilingFilter): void {
  for (const [name, value] of [['since', filter.since], ['until', filter.until]] as const) {
    if (value !== undefined && !isIsoDate(value)) {
      throw new ValidationError('INVALID_DATE', `--${name} must be a date as YYYY-MM-DD, got "${value}"`);
    }
  }
  if (filter.since !== undefined && filter.until !== undefined && filter.since > filter.until) {
    throw new ValidationError('INVALID_DATE', `--since ${filter.since} is after --until ${filter.until}`);
  }
  if (filter.limit !== undefined && !(Number.isInteger(filter.limit) && filter.limit > 0)) {
    throw new ValidationError('INVALID_OPTION', `--limit must be a positive whole number, got ${filter.limit}`);
  }
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Apply a filter to rows; result is newest first, one row per accession number. */
export function filterFilings(rows: readonly FilingRow[], filter: FilingFilter = {}): FilingRow[] {
  validateFilingFilter(filter);
  const forms = filter.forms && filter.forms.length > 0 ? expandForms(filter.forms) : null;
  const seen = new Set<string>();
  const kept = rows.filter((row) => {
    if (seen.has(row.accessionNumber)) return false;
    seen.add(row.accessionNumber);
    if (forms && !forms.has(row.form.trim().toUpperCase())) return false;
    if (filter.since !== undefined && row.filingDate < filter.since) return false;
    if (filter.until !== undefined && row.filingDate > filter.until) return false;
    return true;
  });
  // Stable sort: the API's own order breaks ties between filings of the same day.
  kept.sort((a, b) => (a.filingDate < b.filingDate ? 1 : a.filingDate > b.filingDate ? -1 : 0));
  return filter.limit !== undefined ? kept.slice(0, filter.limit) : kept;
}

/**
 * List a CIK's filings, every page included, filtered. Throws NotFoundError when EDGAR has no such CIK,
 * FetchError `BAD_SUBMISSIONS_JSON` when the answer is not the expected shape.
 */
export async function listFilings(
  client: EdgarClient,
  cikInput: string | number,
  filter: FilingFilter = {},
  options: RequestOptions = {},
): Promise<FilerFilings> {
  validateFilingFilter(filter);
  const cik = parseCik(cikInput);
  const url = submissionsUrl(cik, client.hosts);
  let document: SubmissionsDocument;
  try {
    document = await client.getJson<SubmissionsDocument>(url, options);
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new NotFoundError('cik', `EDGAR has no submissions for CIK ${cik} (404 at ${url})`, { cause: error });
    }
    throw error;
  }
  if (typeof document !== 'object' || document === null || typeof document.filings !== 'object' || document.filings === null) {
    throw new FetchError('BAD_SUBMISSIONS_JSON', `${url} has no "filings" object`, { url, status: 200 });
  }
  const rows = columnsToRows(cik, document.filings.recent ?? {});
  let pagesFetched = 1;
  let skippedCount = 0;
  for (const page of document.filings.files ?? []) {
    if (typeof page?.name !== 'string') continue;
    // Pages carry their date range; one wholly outside the filter is not worth a request.
    const before = filter.since !== undefined && typeof page.filingTo === 'string' && page.filingTo < filter.since;
    const after = filter.until !== undefined && typeof page.filingFrom === 'string' && page.filingFrom > filter.until;
    if (before || after) {
      skippedCount += typeof page.filingCount === 'number' ? page.filingCount : 0;
      continue;
    }
    const pageUrl = submissionsPageUrl(page.name, client.hosts);
    const columns = await client.getJson<SubmissionColumns>(pageUrl, options);
    if (typeof columns !== 'object' || columns === null || !Array.isArray(columns.accessionNumber)) {
      throw new FetchError('BAD_SUBMISSIONS_JSON', `${pageUrl} has no accessionNumber column`, { url: pageUrl, status: 200 });
    }
    pushAll(rows, columnsToRows(cik, columns));
    pagesFetched += 1;
  }
  return {
    cik,
    name: typeof document.name === 'string' ? document.name : null,
    filings: filterFilings(rows, filter),
    listed: rows.length + skippedCount,
    pagesFetched,
  };
}
