/**
 * Value normalisers for cover-page rows: share counts, percents, and reporting-person and source-of-funds codes.
 * Each works on the printed text of one row and says where in that text the value was, so readers can keep per-value
 * spans. CUSIPs are read by cusip.ts, check boxes by check-boxes.ts, dates by the shared lexicon (../lexicon).
 *
 * Handles: thousands separators, `-0-` and its PEM-escaped `- - 0 -`, `None`, a bare `-` (zero), footnote marks and
 * trailing words after a number, fractional units, `less than 1%`.
 * Does not handle: finding the row (captions.ts, text-reader.ts) or deciding what a missing value means.
 */
import { BARE_DASH_SOURCE, DASH_ZERO_SOURCE, ZERO_WORD_SOURCE } from '../lexicon/zeros.js';
import { matchesOf } from '../../matches.js';

/** A parsed row value: `value` null with `text` set means the row was prose ("SEE ITEM 5"). */
export interface ParsedValue {
  value: number | null;
  /** The printed prose when the value is not a number; null when a number was read or the row was blank. */
  text: string | null;
  /** Offsets of the printed value inside the input string (end exclusive), or null for a blank row. */
  start: number | null;
  end: number | null;
}

const BLANK: ParsedValue = { value: null, text: null, start: null, end: null };

/** `4,413,110` → 4413110; `31,797.3` → 31797.3; `700000.00` → 700000. */
export function numberFromDigits(digits: string): number | null {
  const cleaned = digits.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

// A number as printed: grouped thousands or a plain run of digits, an optional decimal part.
const NUMBER_AT = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d)/;
// The zero forms are the shared vocabulary's (../lexicon/zeros.ts): `-0-`, `None`, a bare `-`.
const DASH_ZERO_AT = new RegExp(`^${DASH_ZERO_SOURCE}`);
// `-3,416,000-`: a number framed by dashes the way `-0-` is.
const DASH_NUMBER_AT = /^-\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*-(?![\d-])/;
const WORD_ZERO_AT = new RegExp(`^${ZERO_WORD_SOURCE}`, 'i');
// A lone dash or dash run standing for zero: nothing may follow on that line.
const BARE_DASH_AT = new RegExp(String.raw`^${BARE_DASH_SOURCE}(?=[ \t]*(?:\r?\n|$))`);
const APPROX_AT = /^(?:approximately|approx\.|about|appr\.)\s*/i;

function firstNonSpace(s: string): number {
  const m = /\S/.exec(s);
  return m ? m.index : -1;
}

/** Collapse white space and trim; used for the kept prose of a row. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Trim prose to the words a reader needs (a row's prose can run on into unrelated text). */
function proseText(s: string): string {
  const text = collapse(s);
  return text.length > 200 ? `${text.slice(0, 200).trimEnd()}…` : text;
}

/**
 * A share-count row (rows 7–11 of a 13D, 5–9 of a 13G). The first thing printed decides: a number (footnote marks
 * and trailing words ignored), a zero form, or prose. The input should already have caption words masked out.
 */
export function parseShareCount(raw: string): ParsedValue {
  const i = firstNonSpace(raw);
  if (i < 0) return BLANK;
  let rest = raw.slice(i);
  let offset = i;
  const approx = APPROX_AT.exec(rest);
  if (approx) {
    offset += approx[0].length;
    rest = rest.slice(approx[0].length);
  }
  const dashZero = DASH_ZERO_AT.exec(rest);
  if (dashZero) return { value: 0, text: null, start: offset, end: offset + dashZero[0].length };
  const dashNumber = DASH_NUMBER_AT.exec(rest);
  if (dashNumber) {
    const value = numberFromDigits(dashNumber[1]!);
    if (value !== null) return { value, text: null, start: offset, end: offset + dashNumber[0].length };
  }
  const num = NUMBER_AT.exec(rest.replace(/^\$/, ''));
  if (num) {
    const dollar = rest.startsWith('$') ? 1 : 0;
    const after = rest.slice(dollar + num[0].length);
    // A percent printed in a share row ("48.5%") is not a share count: keep it as text.
    if (/^\s*%/.test(after)) return prose(raw, i);
    const value = numberFromDigits(num[0]);
    if (value !== null) return { value, text: null, start: offset + dollar, end: offset + dollar + num[0].length };
  }
  const wordZero = WORD_ZERO_AT.exec(rest);
  if (wordZero) return { value: 0, text: null, start: offset, end: offset + wordZero[0].length };
  const dash = BARE_DASH_AT.exec(rest);
  if (dash) return { value: 0, text: null, start: offset, end: offset + dash[0].length };
  return prose(raw, i);
}

function prose(raw: string, start: number): ParsedValue {
  const trimmedEnd = raw.trimEnd().length;
  const text = proseText(raw.slice(start, trimmedEnd));
  if (!text || /^[-_=*.\s]+$/.test(text)) return BLANK;
  return { value: null, text, start, end: trimmedEnd };
}

/** Percent of class: `49.8%` → 49.8, `6.31 %`, `24.05`, `.5%`; `Less than 1%` → null with the text kept. */
export function parsePercent(raw: string): ParsedValue {
  const i = firstNonSpace(raw);
  if (i < 0) return BLANK;
  let rest = raw.slice(i);
  let offset = i;
  const approx = APPROX_AT.exec(rest);
  if (approx) {
    offset += approx[0].length;
    rest = rest.slice(approx[0].length);
  }
  const dashZero = /^(?:-\s*){1,2}0(?:\s*-){1,2}\s*%?/.exec(rest);
  if (dashZero) return { value: 0, text: null, start: offset, end: offset + dashZero[0].length };
  // A decimal comma ("19,7395", "5,1 %"): a comma not followed by exactly three digits.
  const decimalComma = /^(\d{1,3}),(\d{1,2}|\d{4,})(?!\d|,\d)(\s*(?:%|percent\b))?/i.exec(rest);
  if (decimalComma) {
    const value = Number(`${decimalComma[1]}.${decimalComma[2]}`);
    return { value, text: null, start: offset, end: offset + decimalComma[0].length };
  }
  const num = /^(\d+(?:\.\d*)?|\.\d+)(\s*(?:%|percent\b|per\s+cent\b))?/i.exec(rest);
  if (num) {
    // "3,355,502/61,145,088=5.5%": a computation; its result is the percent.
    if (/^[,/]\d|^\d*[,/]/.test(rest.slice(num[1]!.length))) {
      const line = rest.split('\n')[0]!;
      const result = /=\s*(\d+(?:\.\d+)?|\.\d+)\s*%/.exec(line);
      if (result) {
        const at = offset + result.index;
        return { value: Number(result[1]), text: null, start: at, end: at + result[0].length };
      }
      return prose(raw, i);
    }
    const value = Number(num[1]!.replace(/\.$/, ''));
    if (Number.isFinite(value)) return { value, text: null, start: offset, end: offset + num[0].length };
  }
  if (WORD_ZERO_AT.test(rest)) return { value: 0, text: null, start: offset, end: offset + WORD_ZERO_AT.exec(rest)![0].length };
  const dash = BARE_DASH_AT.exec(rest);
  if (dash) return { value: 0, text: null, start: offset, end: offset + dash[0].length };
  return prose(raw, i);
}

// ---------------------------------------------------------------------------------------------------------------
// Codes (rows 4 and 14)

/** Source-of-funds codes (13D row 4). */
export const FUND_CODES = new Set(['SC', 'BK', 'AF', 'WC', 'PF', 'OO']);
/** Type-of-reporting-person codes (13D row 14, 13G row 12; FI is 13G only but harmless to accept). */
export const PERSON_CODES = new Set(['BD', 'BK', 'CP', 'CO', 'EP', 'IN', 'IA', 'IC', 'IV', 'HC', 'PN', 'SA', 'OO', 'FI']);

/** Spellings of a code that mean the code: `00` typed for `OO`, `H.C.`, `CO.`, `wc`, a footnote star. */
export function normalizeCode(token: string): string {
  let t = token.toUpperCase().replace(/[.*\u2020\u2021]/g, '');
  t = t.replace(/^[0O]{2}$/, 'OO');
  return t;
}

export interface ParsedCodes {
  codes: string[];
  start: number | null;
  end: number | null;
}

/**
 * Codes at the start of a row, in order. Codes may be joined by commas, hyphens, slashes, `and` or spaces;
 * a parenthesised gloss after a code (`IA (Investment Adviser)`, `HC (See Item 4)`) is skipped; the first word that
 * is not a code ends the list, so prose after the codes is never read. Only the first line is read, and later lines
 * only while they hold nothing but codes (one code per paragraph in some HTML).
 */
export function parseCodes(raw: string, allowed: ReadonlySet<string>): ParsedCodes {
  const codes: string[] = [];
  let start: number | null = null;
  let end: number | null = null;
  let offset = 0;
  for (const line of raw.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    let scan = scanCodes(line, allowed);
    let shift = 0;
    if (codes.length === 0 && scan.codes.length === 0 && scan.prose) {
      // "Ariel - IA": a person label before the codes (filings that name the person on every row).
      const label = /^\s*[A-Z][\w.&'\u2019]*(?:\s+[\w.&'\u2019]+){0,3}\s*(?:[:\u2013\u2014]|\s-)\s+(?=\S)/.exec(line);
      const labelled = label ? scanCodes(line.slice(label[0].length), allowed) : null;
      if (label && labelled && labelled.codes.length > 0 && !labelled.prose) {
        scan = labelled;
        shift = label[0].length;
      }
    }
    const found = scan.codes.map((c) => ({ code: c.code, start: lineStart + shift + c.start, end: lineStart + shift + c.end }));
    if (codes.length === 0) {
      // Still looking for the first codes: a prose line means the row is prose; a line of leftovers is skipped.
      for (const c of found) codes.push(c.code);
      if (found.length > 0) {
        start = found[0]!.start;
        end = found[found.length - 1]!.end;
      }
      if (scan.prose) break;
      continue;
    }
    // A later line continues the list only when it holds nothing but codes (one code per paragraph in some HTML).
    if (scan.prose || found.length === 0) {
      if (scan.prose || line.trim() !== '') break;
      continue;
    }
    for (const c of found) codes.push(c.code);
    end = found[found.length - 1]!.end;
  }
  return { codes, start, end };
}

/** The codes of one line and whether prose followed them. */
function scanCodes(line: string, allowed: ReadonlySet<string>): { codes: { code: string; start: number; end: number }[]; prose: boolean } {
  const codes: { code: string; start: number; end: number }[] = [];
  for (const m of matchesOf(/\([^()]{0,80}\)|[A-Za-z0-9.*\u2020\u2021]+|[^\sA-Za-z0-9.*(\u2020\u2021]/g, line)) {
    const tok = m[0];
    if (tok.startsWith('(')) continue;
    if (/^[,;/&\-\u2013\u2014:|]$/.test(tok) || /^and$/i.test(tok)) continue;
    const code = normalizeCode(tok);
    if (code === '') continue;
    if (!allowed.has(code)) return { codes, prose: true };
    codes.push({ code, start: m.index, end: m.index + tok.length });
  }
  return { codes, prose: false };
}
