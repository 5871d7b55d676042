/**
 * EDGAR's index files (reference §2.4): which filings exist, by form and date, without asking per CIK.
 *   - Quarterly `full-index/{YYYY}/QTR{n}/master.idx` (and `master.gz`, the same bytes gzipped; also `form.idx`).
 *   - Daily `daily-index/{YYYY}/QTR{n}/master.{YYYYMMDD}.idx` (and `form.{YYYYMMDD}.idx`), for the quarter in progress.
 * Both layouts start with `Description:` / `Last Data Received:` / … lines, blanks, a column-title line (which the
 * daily form index wraps onto two lines) and a dashed rule; rows follow.
 *   - master: `CIK|Company Name|Form Type|Date Filed|Filename`, pipe-delimited.
 *   - form: fixed width, but a long form type (`SCHEDULE 13D/A`, 14 characters) overruns its 12-character column
 *     and company names hold runs of spaces, so a row is read from the right, where the fields have fixed shapes
 *     (archive path, date, CIK), and the form type is what precedes the first run of two or more spaces.
 * Date Filed is `YYYY-MM-DD` in quarterly files and `YYYYMMDD` in daily ones; both become `YYYY-MM-DD`. The bytes are
 * decoded as latin-1 (company names are not UTF-8 everywhere). The Filename's basename is the accession number.
 * Not here: fetching (index-listing.ts), storing (the batch runner).
 */
import { gunzipSync } from 'node:zlib';
import { ParseError, ValidationError } from '../errors/index.js';
import { normalizeAccessionNumber } from './accession.js';

/** One row of an index file: a filing listed under one of its CIKs (a filing appears once per CIK involved). */
export interface IndexEntry {
  /** Unpadded CIK the row lists the filing under. */
  cik: string;
  companyName: string;
  formType: string;
  /** `YYYY-MM-DD`. */
  dateFiled: string;
  /** As listed, e.g. `edgar/data/320193/0000320193-24-000123.txt`. */
  filename: string;
  /** Dashed accession number, from the Filename's basename. */
  accessionNumber: string;
}

export type IndexLayout = 'master' | 'form';

export interface ParsedIndex {
  layout: IndexLayout;
  /** `Description:` header value, when present. */
  description: string | null;
  /** `Last Data Received:` header value, when present. */
  lastDataReceived: string | null;
  /** The rows read (those `keep` accepted, when given). */
  entries: IndexEntry[];
  /** Every readable row, kept or not. */
  rows: number;
  /** Rows after the rule that could not be read (1-based line number and why); they are skipped, not fatal. */
  skipped: { line: number; reason: string }[];
}

/** gzip's magic bytes: a `.gz` index is gunzipped, a plain one read as is (servers may already have decoded it). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Parse an index file (master or form layout, quarterly or daily, gzipped or not). Throws ParseError `NOT_AN_INDEX`
 * (with the source name) when there is no dashed rule, i.e. the bytes are not an EDGAR index at all (an HTML error
 * page, say). A row that cannot be read is reported in `skipped` and the rest are kept.
 */
export function parseIndexFile(
  input: Uint8Array | string,
  options: { sourceName?: string; keep?: (entry: IndexEntry) => boolean } = {},
): ParsedIndex {
  const sourceName = options.sourceName ?? '<index>';
  const text = typeof input === 'string' ? input : Buffer.from(isGzip(input) ? gunzipSync(input) : input).toString('latin1');
  const lines = text.split(/\r?\n/);
  let description: string | null = null;
  let lastDataReceived: string | null = null;
  let rule = -1;
  let layout: IndexLayout | null = null;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const header = /^([A-Za-z][A-Za-z ]*):\s*(.*)$/.exec(line);
    if (header && rule < 0 && !line.includes('|')) {
      const key = header[1]!.trim().toLowerCase();
      if (key === 'description') description = header[2]!.trim();
      else if (key === 'last data received') lastDataReceived = header[2]!.trim();
    }
    if (/^-{20,}\s*$/.test(line)) {
      rule = i;
      // The title line(s) just above the rule say which layout this is.
      const titles = lines.slice(Math.max(0, i - 2), i).join(' ');
      layout = /CIK\|Company Name\|Form Type/i.test(titles) ? 'master' : /Form Type\s+Company Name/i.test(titles) ? 'form' : null;
      break;
    }
  }
  if (rule < 0 || layout === null) {
    const at = rule < 0 ? 0 : rule;
    const offset = lines.slice(0, at).reduce((n, l) => n + l.length + 1, 0);
    throw new ParseError(
      'NOT_AN_INDEX',
      'not an EDGAR index file (expected column titles "CIK|Company Name|Form Type…" or "Form Type  Company Name…" above a dashed rule)',
      { file: sourceName, offset, line: at + 1, column: 1 },
      lines[at] ?? '',
    );
  }
  const entries: IndexEntry[] = [];
  const skipped: { line: number; reason: string }[] = [];
  let rows = 0;
  for (let i = rule + 1; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const read = layout === 'master' ? readMasterRow(line) : readFormRow(line);
    if (typeof read === 'string') {
      skipped.push({ line: i + 1, reason: read });
      continue;
    }
    rows += 1;
    // A quarter lists hundreds of thousands of filings; keeping only the wanted ones keeps memory small.
    if (!options.keep || options.keep(read)) entries.push(read);
  }
  return { layout, description, lastDataReceived, entries, rows, skipped };
}

/** `CIK|Company Name|Form Type|Date Filed|Filename`; a `|` inside a company name is kept (fields read from both ends). */
function readMasterRow(line: string): IndexEntry | string {
  const parts = line.split('|');
  if (parts.length < 5) return `expected 5 fields separated by |, found ${parts.length}`;
  const filename = parts.at(-1)!.trim();
  const date = parts.at(-2)!.trim();
  const formType = parts.at(-3)!.trim();
  const cik = parts[0]!.trim();
  const companyName = parts.slice(1, -3).join('|').trim();
  return entry(cik, companyName, formType, date, filename);
}

/** `Form Type   Company Name   CIK   Date Filed   File Name`, fixed width with overruns; read from the right. */
function readFormRow(line: string): IndexEntry | string {
  const tail = /\s+(\d{1,10})\s+(\d{4}-\d{2}-\d{2}|\d{8})\s+(\S+)\s*$/.exec(line);
  if (!tail) return 'no CIK, date and file name at the end of the row';
  const left = line.slice(0, tail.index).trimEnd();
  // A known multi-word form type first: one that overran its column is followed by a single space, and the company
  // name after it may itself hold runs of spaces. Otherwise form types never hold two spaces in a row, and the gap
  // after one always has at least two.
  const upper = left.toUpperCase();
  const known = MULTI_WORD_FORMS.find((f) => upper.startsWith(`${f} `) || upper === f);
  const gap = /\s{2,}/.exec(left);
  const cut = known ? known.length : gap ? gap.index : left.search(/\s/);
  const formType = cut < 0 ? left : left.slice(0, cut).trim();
  const companyName = cut < 0 ? '' : left.slice(cut).trim();
  return entry(tail[1]!, companyName, formType, tail[2]!, tail[3]!);
}

/** Multi-word form types a single-space overrun could glue to a company name, longest first. */
const MULTI_WORD_FORMS = ['SCHEDULE 13D/A', 'SCHEDULE 13G/A', 'SCHEDULE 13D', 'SCHEDULE 13G', 'SC 13D/A', 'SC 13G/A', 'SC 13D', 'SC 13G', 'SC 14D9/A', 'SC 14D9', 'SC TO-T/A', 'SC TO-T', 'SC TO-I/A', 'SC TO-I', 'DEF 14A', 'PRE 14A'];

function entry(cik: string, companyName: string, formType: string, date: string, filename: string): IndexEntry | string {
  if (!/^\d{1,10}$/.test(cik)) return `CIK "${cik}" is not a number`;
  const dateFiled = isoDate(date);
  if (dateFiled === null) return `Date Filed "${date}" is not a date`;
  if (formType === '') return 'empty Form Type';
  const base = filename.split('/').at(-1) ?? '';
  let accessionNumber: string;
  try {
    accessionNumber = normalizeAccessionNumber(base.replace(/(-index\.html?|\.txt|\.nc)$/i, ''));
  } catch {
    return `file name "${filename}" does not end in an accession number`;
  }
  return { cik: String(Number(cik)), companyName, formType, dateFiled, filename, accessionNumber };
}

function isoDate(text: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Quarters and where their index files live.

export interface Quarter {
  year: number;
  /** 1–4. */
  quarter: number;
}

export function quarterOf(isoDateText: string): Quarter {
  const year = Number(isoDateText.slice(0, 4));
  const month = Number(isoDateText.slice(5, 7));
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/** First and last day of a quarter, `YYYY-MM-DD`. */
export function quarterBounds(q: Quarter): { first: string; last: string } {
  const firstMonth = (q.quarter - 1) * 3;
  const first = new Date(Date.UTC(q.year, firstMonth, 1));
  const last = new Date(Date.UTC(q.year, firstMonth + 3, 0));
  return { first: first.toISOString().slice(0, 10), last: last.toISOString().slice(0, 10) };
}

/** Every quarter touching `[since, until]`, oldest first. */
export function quartersBetween(since: string, until: string): Quarter[] {
  if (since > until) throw new ValidationError('INVALID_DATE', `--since ${since} is after --until ${until}`);
  const out: Quarter[] = [];
  let q = quarterOf(since);
  const end = quarterOf(until);
  while (q.year < end.year || (q.year === end.year && q.quarter <= end.quarter)) {
    out.push(q);
    q = q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: q.quarter + 1 };
  }
  return out;
}

export function sameQuarter(a: Quarter, b: Quarter): boolean {
  return a.year === b.year && a.quarter === b.quarter;
}

/** Weekdays (Monday–Friday) in `[since, until]`, `YYYY-MM-DD`: the days a daily index can exist for. */
export function weekdaysBetween(since: string, until: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${since}T00:00:00Z`); t <= Date.parse(`${until}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) out.push(day.toISOString().slice(0, 10));
  }
  return out;
}

/**
 * `{base}/Archives/edgar/full-index/{YYYY}/QTR{n}/master.gz` then `master.idx`: the compressed copy first (a
 * quarter's master index is tens of MB plain, a fifth of that gzipped).
 */
export function fullIndexUrls(baseUrl: string, q: Quarter): string[] {
  const dir = `${baseUrl}/Archives/edgar/full-index/${q.year}/QTR${q.quarter}`;
  return [`${dir}/master.gz`, `${dir}/master.idx`];
}

/** `{base}/Archives/edgar/daily-index/{YYYY}/QTR{n}/master.{YYYYMMDD}.idx` for one day. */
export function dailyIndexUrl(baseUrl: string, isoDay: string): string {
  const q = quarterOf(isoDay);
  return `${baseUrl}/Archives/edgar/daily-index/${q.year}/QTR${q.quarter}/master.${isoDay.replace(/-/g, '')}.idx`;
}
