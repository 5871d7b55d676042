/**
 * Value normalisers for cover-page rows: share counts, percents, CUSIPs, dates, reporting-person and source-of-funds
 * codes, and check-box glyphs. Each works on the printed text of one row and says where in that text the value was,
 * so readers can keep per-value spans.
 *
 * Handles: thousands separators, `-0-` and its PEM-escaped `- - 0 -`, `None`, a bare `-` (zero), footnote marks and
 * trailing words after a number, fractional units, `less than 1%`, 8-character CUSIPs (check digit computed), month-name
 * and numeric dates (two-digit years), the check-box glyphs of every era (`þ`, `ý`, `☒`, `[X]`, Wingdings `x`/`o`, `¨`…).
 * Does not handle: finding the row (captions.ts, text-reader.ts) or deciding what a missing value means.
 */

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
// `-0-`, `- 0 -`, `- - 0 - -` (PEM dash-escaping doubles the leading dash), `--0--`.
const DASH_ZERO_AT = /^(?:-\s*){1,2}0(?:\s*-){1,2}/;
// `-3,416,000-`: a number framed by dashes the way `-0-` is.
const DASH_NUMBER_AT = /^-\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*-(?![\d-])/;
const WORD_ZERO_AT = /^(?:none|nil|zero)\b\.?/i;
// A lone dash or dash run standing for zero (Lazard 2005, Barclays 2009): nothing numeric may follow on that line.
const BARE_DASH_AT = /^[-\u2013\u2014]{1,3}(?=[ \t]*(?:\r?\n|$))/;
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
// CUSIP

const CUSIP_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*@#';

/** The CUSIP check digit of the first 8 characters (modulus 10 "double-add-double"), or null for invalid input. */
export function cusipCheckDigit(first8: string): string | null {
  const s = first8.toUpperCase();
  if (s.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const v0 = CUSIP_CHARS.indexOf(s[i]!);
    if (v0 < 0) return null;
    const v = i % 2 === 1 ? v0 * 2 : v0;
    sum += Math.floor(v / 10) + (v % 10);
  }
  return String((10 - (sum % 10)) % 10);
}

/** Whether a 9-character CUSIP's last character is its check digit. */
export function isValidCusip(cusip: string): boolean {
  return cusip.length === 9 && cusipCheckDigit(cusip.slice(0, 8)) === cusip[8];
}

/**
 * Normalise a printed CUSIP: spaces and dashes removed, upper case; 8 characters get their check digit appended;
 * other lengths (6-character issuer numbers, the odd 10-character typo) are kept as printed. Null when the text is
 * not CUSIP-like (must hold at least three digits, so words such as "NONE" are never taken).
 */
export function normalizeCusip(raw: string): string | null {
  const s = raw.replace(/[\s\-\u2010-\u2014.]/g, '').toUpperCase();
  if (!/^[0-9A-Z*@#]{6,10}$/.test(s)) return null;
  if ((s.match(/\d/g) ?? []).length < 3) return null;
  if (s.length === 8) {
    const check = cusipCheckDigit(s);
    return check === null ? s : s + check;
  }
  return s;
}

/**
 * Every CUSIP-like run in a piece of text, normalised, with its offsets. Groups printed with spaces or dashes
 * (`957 550 106`, `G6420H 11 2`, `228569-10-9`) are joined until they make nine characters, so a page header after
 * the number (`444144109 13D Page 2`) is not glued on. An 8-character run gets its check digit; a lone 6- or
 * 10-character run is kept as printed.
 */
export function findCusips(text: string): { cusip: string; start: number; end: number }[] {
  const tokens = [...text.matchAll(/[0-9A-Za-z*@#]+/g)].map((m) => ({ s: m[0], start: m.index, end: m.index + m[0].length }));
  const out: { cusip: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    let compact = '';
    let j = i;
    let taken = -1;
    for (; j < tokens.length; j += 1) {
      if (j > i && !/^[ \t]?-?[ \t]?$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
      // Lower-case or purely alphabetic tokens ("Page", "PAGE", "OF") are page furniture, never part of a CUSIP.
      if (/[a-z]/.test(tokens[j]!.s) || /^[A-Z]{2,}$/.test(tokens[j]!.s)) break;
      compact += tokens[j]!.s;
      if (compact.length > 10) break;
      if (compact.length === 9) {
        taken = j;
        break;
      }
    }
    if (taken < 0) {
      // No nine-character run: accept an 8-character run (check digit appended) or a lone 6/10-character token.
      let acc = '';
      for (let k = i; k < tokens.length && k <= j; k += 1) {
        if (k > i && !/^[ \t]?-?[ \t]?$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) break;
        if (/[a-z]/.test(tokens[k]!.s) || /^[A-Z]{2,}$/.test(tokens[k]!.s)) break;
        if ((acc + tokens[k]!.s).length > 8) break;
        acc += tokens[k]!.s;
        if (acc.length === 8) taken = k;
      }
      if (taken < 0 && [6, 10].includes(tokens[i]!.s.length) && /^[0-9A-Z*@#]+$/.test(tokens[i]!.s)) taken = i;
    }
    if (taken >= 0) {
      const raw = text.slice(tokens[i]!.start, tokens[taken]!.end);
      const c = normalizeCusip(raw);
      if (c) {
        out.push({ cusip: c, start: tokens[i]!.start, end: tokens[taken]!.end });
        i = taken + 1;
        continue;
      }
    }
    i += 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days || y < 1900 || y > 2100) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  // Two-digit years: EDGAR filings start in 1993, so 00–49 are 2000s.
  return n < 50 ? 2000 + n : 1900 + n;
}

export interface ParsedDate {
  iso: string;
  start: number;
  end: number;
}

/**
 * The first date in a piece of text as ISO: `February 16, 2001`, `Feb. 16,2001`, `16 February 2001`,
 * `02/16/2001`, `3/10/16` (US month-first), `2001-02-16`. Null when there is none.
 */
export function findDate(text: string): ParsedDate | null {
  const candidates: ParsedDate[] = [];
  const push = (iso: string | null, m: RegExpExecArray): void => {
    if (iso) candidates.push({ iso, start: m.index, end: m.index + m[0].length });
  };
  const monthFirst = new RegExp(`\\b${MONTH_RE}\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})\\b`, 'gi');
  for (const m of text.matchAll(monthFirst)) push(isoDate(Number(m[3]), MONTHS.indexOf(m[1]!.toLowerCase()) + 1, Number(m[2])), m as RegExpExecArray);
  const dayFirst = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE},?\\s+(\\d{4})\\b`, 'gi');
  for (const m of text.matchAll(dayFirst)) push(isoDate(Number(m[3]), MONTHS.indexOf(m[2]!.toLowerCase()) + 1, Number(m[1])), m as RegExpExecArray);
  for (const m of text.matchAll(/\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?![\d/])/g)) {
    push(isoDate(fullYear(m[3]!), Number(m[1]), Number(m[2])), m as RegExpExecArray);
  }
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) push(isoDate(Number(m[1]), Number(m[2]), Number(m[3])), m as RegExpExecArray);
  candidates.sort((a, b) => a.start - b.start);
  return candidates[0] ?? null;
}

/** `02/16/2001` or `2001-02-16` (the XML era) → ISO; null when not a real date. */
export function parseDate(text: string): string | null {
  return findDate(text)?.iso ?? null;
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
  for (const m of line.matchAll(/\([^()]{0,80}\)|[A-Za-z0-9.*\u2020\u2021]+|[^\sA-Za-z0-9.*(\u2020\u2021]/g)) {
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

// ---------------------------------------------------------------------------------------------------------------
// Check boxes

export interface Glyph {
  checked: boolean;
  start: number;
  end: number;
}

// Checked: Wingdings þ (&#254;) and ý (&#253;), ballot boxes ☒ ☑, ticks, filled squares.
const CHECKED_CHARS = '\u00fe\u00fd\u2612\u2611\u2713\u2714\u2717\u2718\u25a0\u2327\u22a0\u25aa';
// Unchecked: Wingdings ¨ (&#168;, renders as a diaeresis), ☐, □, ❑, ❒, ○.
const UNCHECKED_CHARS = '\u00a8\u2610\u25a1\u2751\u2752\u25cb\u2022';

const GLYPH_RE = new RegExp(
  [
    // Bracketed boxes: [X] [x ] [ X] |X| (X) /X/ /X / and the empty [ ] [_] |_| ( ) / /
    String.raw`\[\s*[xX\u2713\u2714]?\s*_?\s*\]`,
    String.raw`\|\s*[xX_]?\s*\|`,
    String.raw`\(\s*[xX]?\s*\)`,
    String.raw`/\s*[xX]?\s*/`,
    // Single glyph characters.
    `[${CHECKED_CHARS}${UNCHECKED_CHARS}]`,
    // A lone letter: Wingdings x (checked) / o and q (empty) in HTML, or a typed X.
    String.raw`(?<![A-Za-z0-9'’])[xXoq](?![A-Za-z0-9'’])`,
    // Blank underscores drawn as a box.
    String.raw`_{3,}`,
  ].join('|'),
  'g',
);

/** Every check-box glyph in a piece of text, in order, with whether it is checked. */
export function findGlyphs(text: string): Glyph[] {
  const out: Glyph[] = [];
  for (const m of text.matchAll(GLYPH_RE)) {
    const g = m[0];
    out.push({ checked: isCheckedGlyph(g), start: m.index, end: m.index + g.length });
  }
  return out;
}

/** Whether one glyph (as matched by `findGlyphs`) is a checked box. */
export function isCheckedGlyph(glyph: string): boolean {
  if (/[xX\u2713\u2714]/.test(glyph)) return true;
  for (const ch of glyph) if (CHECKED_CHARS.includes(ch)) return true;
  return false;
}

/** A box row (13D rows 5 and 12, 13G row 10): true when a checked glyph is printed, false otherwise. */
export function parseBox(text: string): { checked: boolean; start: number | null; end: number | null } {
  const glyphs = findGlyphs(text);
  const hit = glyphs.find((g) => g.checked);
  if (hit) return { checked: true, start: hit.start, end: hit.end };
  const first = glyphs[0];
  return { checked: false, start: first ? first.start : null, end: first ? first.end : null };
}
