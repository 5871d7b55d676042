/**
 * The text an item's prose is read from, and the way back from it to the document.
 *
 * Handles: two shapes of source. For text, HTML and flattened bodies the prose is read straight from
 * `documentText` with page furniture (`<PAGE>` lines, running "CUSIP No. … Page 4 of 7" headers, `-5-` page
 * numbers) overwritten by spaces, so every offset into it is already a document offset. For XML the prose is the
 * decoded text of the item's leaf elements joined by newlines, with a map from each character back to the XML
 * source (entities such as `&amp;` make the two lengths differ).
 * Does not handle: finding items (split-items.ts, xml-items.ts) or reading sentences (prose/).
 */
import { collapseRuns } from '../../white-space.js';

export interface ProseSource {
  /** The string sentences are cut from. */
  text: string;
  /** The item's body inside `text`, end exclusive. */
  start: number;
  end: number;
  /** True when a single line break ends a block (HTML-rendered text, XML leaves); false for wrapped plain text. */
  linesAreBlocks: boolean;
  /** A span of `text` (end exclusive) → the span of the document's decoded text it was read from. */
  toDocument(start: number, end: number): { start: number; end: number };
}

/**
 * Page furniture that interrupts prose in text and flattened bodies; each match is blanked, not removed. The rules run
 * one after the other, each over the text the rules before it left.
 *
 * Every rule but the last is anchored at a line start (`^`, multiline). Searched with a global regex, each was tried
 * at every character of the text, and the nine passes were a twentieth of a filing's extraction; so each is tried
 * only at the line starts (sticky) where it can match: `first` is the first character after the line's leading
 * blanks (a rule that starts `^[ \t]*Page` can only match where that is P or p), `near` a word that must occur
 * within the given number of characters of the line start. The unanchored last rule is tried at each `-`.
 */
interface FurnitureRule {
  name: string;
  pattern: RegExp;
  /** The characters a match can have after the line's leading blanks. */
  first?: string;
  /** A match has a `cusip` (any case) at most 60 characters after the line start. */
  cusipWithin60?: boolean;
  /** A match's line has a `/` or `\\` before the next line start. */
  separator?: boolean;
}

const PAGE_FURNITURE: FurnitureRule[] = [
  // `<PAGE>   5` on a line of its own.
  { name: 'page-tag', pattern: /^[ \t]*<PAGE>[^\n]*$/im, first: '<' },
  // Running headers: `CUSIP No. 444144109   13D   Page 4 of 15 Pages` and `PAGE 3 OF 7 PAGES`.
  { name: 'cusip-page-header', pattern: /^[^\n]{0,60}CUSIP\s+(?:No\.?|Number)?[^\n]{0,40}Page\s+\d+\s+of\s+\d+(?:\s+Pages)?[^\n]*$/im, cusipWithin60: true },
  { name: 'page-of', pattern: /^[ \t]*Page\s+\d+\s+of\s+\d+(?:\s+Pages)?[ \t]*$/im, first: 'Pp' },
  // A running header that is only the CUSIP (HTML filings): `CUSIP NO. 86858W101`, `CUSIP No. 60688K 108\t13D`.
  { name: 'cusip-header', pattern: /^[ \t]*CUSIP\s+(?:No\.?|Number)?[ \t:]*[0-9A-Z][0-9A-Z \t-]{5,14}(?:[ \t]+13[DG])?[ \t]*$/m, first: 'C' },
  // HTML running headers split into cells: `13D`, `SCHEDULE 13D/A`, `Page 11` each on a line of its own.
  { name: 'form-header', pattern: /^[ \t]*(?:SCHEDULE[ \t]+)?13[DG](?:\/A)?[ \t]*$/im, first: 'Ss1' },
  { name: 'page-number-word', pattern: /^[ \t]*Page[ \t]+\d+[ \t]*$/im, first: 'Pp' },
  // A word processor's document path alone on a line: `NYFS11...:\88\35888\0410\2396\NOT31094.V3A`.
  // (The lookahead finds the two separators once; `[^\s]*[\\/][^\s]*` backtracked over the whole run: quadratic.)
  // A date alone on a line ("6/13/2008", a trade table's cell in HTML) has two slashes too, and is no path.
  { name: 'document-path', pattern: /^[ \t]*(?!\d{1,4}\/\d{1,2}\/\d{1,4}[ \t]*$)(?=[^\s\\/]*[\\/][^\s\\/]*[\\/])\S+[ \t]*$/m, separator: true },
  // A page number alone on a line: `6`, `- 6 -`, `-6-`. No page is numbered 0: `-0-` and `0` are the nil values of
  // power rows and table cells ("Sole power to vote: -0-").
  // (`[ \t]*-?[ \t]*` split a run of blanks every possible way: 200,000 spaces on a line took 15 s.)
  { name: 'page-number', pattern: /^[ \t]*(?:-[ \t]*)?[1-9]\d{0,2}[ \t]*(?:-[ \t]*)?$/m, first: '-123456789' },
];

/**
 * Flattened bodies: a running header inside a line, `CUSIP: 360921100 Page 3 of 5` (the page number makes it furniture:
 * prose never writes a CUSIP then "Page N of M"). As filed it is mostly a line of its own (`cusip-page-header`), but
 * that rule misses "CUSIP: 360921100" and "CUSIP No.874080104"; this one blanks those too. Blank runs are bounded (a
 * header pads to 80 columns), so a hostile run of spaces after many CUSIPs is no quadratic rescan.
 */
const INLINE_CUSIP_PAGE_HEADER = /CUSIP(?:[ \t]{1,120}(?:No\.?|NO\.?|Number|#))?[ \t]{0,120}:?[ \t]{0,120}(?=[0-9A-Z]{0,3}\d)[0-9A-Z][0-9A-Z -]{5,14}?[ \t]{1,120}(?:(?:SCHEDULE[ \t]{1,120})?13[DG](?:\/A)?[ \t]{1,120})?Page[ \t]{1,120}\d{1,3}[ \t]{1,120}of[ \t]{1,120}\d{1,3}(?:[ \t]{1,120}Pages)?(?=\s|$)/iy;

/** Flattened bodies: ` -5- ` between words (always dashes on both sides there, so plain numbers stay). */
const DASHED_PAGE_NUMBER = /(?<=\s)-[1-9]\d{0,2}-(?=\s)/y;

/** The rules' patterns, sticky: tried at one position. */
const STICKY = PAGE_FURNITURE.map((rule) => new RegExp(rule.pattern.source, `${rule.pattern.flags}y`));

/** Replace page furniture by spaces so offsets do not move. */
export function blankPageFurniture(text: string): string {
  const starts = lineStarts(text);
  const firsts = firstNonBlanks(text, starts);
  let out = text;
  PAGE_FURNITURE.forEach((rule, k) => {
    out = blankAtLineStarts(out, starts, firsts, rule, STICKY[k]!);
  });
  return blankPageBreakNumbers(blankDashedPageNumbers(blankInlineCusipHeaders(out)));
}

/**
 * Flattened bodies: a page break inside a sentence leaves the page's number and the next page's, "N N+1", between
 * two words in lower case ("… currently exercisable options to 7 8 purchase 67,500 shares …", 0000950152-00-002768
 * flattened, where the 7 was read as a count). Only two numbers that follow each other: a single number there may
 * be prose.
 */
const PAGE_BREAK_NUMBERS = /([1-9]\d{0,2}) ([1-9]\d{0,2})(?= [a-z])/g;

/**
 * The pair must follow a lower-case letter, comma or semicolon and a space. That is tested here, not by a lookbehind
 * in the pattern: a pattern that starts with a lookbehind is tried at every character (a hundredth of a batch worker's
 * time went to it), one that starts with a digit only where a digit is. The search may go on after a pair
 * that fails the test: no pair that passes starts inside it (each of its digits follows a digit or a digit and a space).
 */
function followsWord(text: string, at: number): boolean {
  if (at < 2 || text.charCodeAt(at - 1) !== 32) return false;
  const c = text.charCodeAt(at - 2);
  return (c >= 97 && c <= 122) || c === 44 || c === 59;
}

export function blankPageBreakNumbers(text: string): string {
  const found: RegExpExecArray[] = [];
  PAGE_BREAK_NUMBERS.lastIndex = 0;
  for (let m = PAGE_BREAK_NUMBERS.exec(text); m; m = PAGE_BREAK_NUMBERS.exec(text)) {
    if (followsWord(text, m.index) && Number(m[2]) === Number(m[1]) + 1) found.push(m);
  }
  return blankMatches(text, found);
}

/** INLINE_CUSIP_PAGE_HEADER over `text`, tried only where a `cusip` (any case) starts. */
function blankInlineCusipHeaders(text: string): string {
  const found: RegExpExecArray[] = [];
  CUSIP.lastIndex = 0;
  for (let c = CUSIP.exec(text); c; c = CUSIP.exec(text)) {
    INLINE_CUSIP_PAGE_HEADER.lastIndex = c.index;
    const m = INLINE_CUSIP_PAGE_HEADER.exec(text);
    if (!m) continue;
    found.push(m);
    CUSIP.lastIndex = c.index + m[0].length;
  }
  return blankMatches(text, found);
}

/**
 * Where `^` (multiline) matches: the start and after every line terminator. Blanking keeps `\n` but not `\r`, so a
 * rule skips a start whose terminator an earlier rule blanked; blanking never makes a new one.
 */
function lineStarts(text: string): number[] {
  const starts = [0];
  if (!/[\r\u2028\u2029]/.test(text)) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) if (isLineTerminator(text.charCodeAt(i))) starts.push(i + 1);
  return starts;
}

/**
 * For each line start, where its first character other than a space or tab is (the text's length for none), in the
 * text as given. Found once for all the rules instead of once per rule and line: fixed-width filings indent most
 * lines. A rule blanks whole lines, first character included, so in the text a later rule sees that position holds a
 * blank, which no rule's `first` has, exactly when the line was blanked (and the line's own first character would
 * then be its terminator, which no `first` has either).
 */
function firstNonBlanks(text: string, starts: number[]): Int32Array {
  const firsts = new Int32Array(starts.length);
  for (let j = 0; j < starts.length; j++) {
    let i = starts[j]!;
    let c = text.charCodeAt(i);
    while (c === 32 || c === 9) c = text.charCodeAt(++i);
    firsts[j] = Math.min(i, text.length);
  }
  return firsts;
}

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

const CUSIP = /cusip/gi;

/** One anchored rule over `text`, as `text.replace` with its global form would, trying only the starts it can match. */
function blankAtLineStarts(text: string, starts: number[], firsts: Int32Array, rule: FurnitureRule, sticky: RegExp): string {
  // The rule's fields are read once: rules differ in shape, and reading them on every line was most of the time.
  const first = rule.first ?? null;
  const separator = rule.separator === true;
  let cusips: number[] | null = null;
  if (rule.cusipWithin60) {
    cusips = [];
    CUSIP.lastIndex = 0;
    for (let m = CUSIP.exec(text); m; m = CUSIP.exec(text)) cusips.push(m.index);
    if (cusips.length === 0) return text;
  }
  let cusip = 0;
  // Separator rule: where the next `/` and `\\` are at or after the last line tried (the text's length for none).
  let nextSlash = -1;
  let nextBackslash = -1;
  const found: RegExpExecArray[] = [];
  let last = 0;
  for (let j = 0; j < starts.length; j++) {
    const s = starts[j]!;
    if (s < last) continue;
    if (s > 0 && !isLineTerminator(text.charCodeAt(s - 1))) continue;
    if (first !== null) {
      const i = firsts[j]!;
      if (i >= text.length || first.indexOf(text[i]!) < 0) continue;
    }
    if (cusips !== null) {
      while (cusip < cusips.length && cusips[cusip]! < s) cusip++;
      if (cusip === cusips.length) break;
      if (cusips[cusip]! > s + 60) continue;
    }
    if (separator) {
      // (A line ends at or before the next start: a terminator, or the space an earlier rule blanked it to.) Found
      // without slicing each line: the next separator's position is kept until the lines pass it.
      const lineEnd = j + 1 < starts.length ? starts[j + 1]! : text.length;
      if (nextSlash < s) nextSlash = positionOf(text, '/', s);
      if (nextBackslash < s) nextBackslash = positionOf(text, '\\', s);
      if (nextSlash >= lineEnd && nextBackslash >= lineEnd) continue;
    }
    sticky.lastIndex = s;
    const m = sticky.exec(text);
    if (!m) continue;
    found.push(m);
    last = s + m[0].length;
  }
  return blankMatches(text, found);
}

/** The first `needle` in `text` at or after `from`; the text's length when there is none. */
function positionOf(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at < 0 ? text.length : at;
}

/** DASHED_PAGE_NUMBER over `text`, as a global replace would, tried only where a `-` is. */
function blankDashedPageNumbers(text: string): string {
  const found: RegExpExecArray[] = [];
  let last = 0;
  for (let at = text.indexOf('-'); at >= 0; at = text.indexOf('-', at + 1)) {
    if (at < last || at === 0) continue;
    // A digit 1-9 follows, and white space comes before (the lookbehind, only asked when that is not a plain blank).
    const next = text.charCodeAt(at + 1);
    if (next < 49 || next > 57) continue;
    const before = text.charCodeAt(at - 1);
    if (before !== 32 && before !== 10 && before !== 9 && before !== 13 && !/\s/.test(text[at - 1]!)) continue;
    DASHED_PAGE_NUMBER.lastIndex = at;
    const m = DASHED_PAGE_NUMBER.exec(text);
    if (!m) continue;
    found.push(m);
    last = at + m[0].length;
  }
  return blankMatches(text, found);
}

/** `text` with each match (in order, none overlapping) replaced by blanks, as a global replace would. */
function blankMatches(text: string, matches: readonly RegExpExecArray[]): string {
  if (matches.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const m of matches) {
    parts.push(text.slice(last, m.index), blank(m[0]));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

function blank(match: string): string {
  return match.includes('\n') ? match.replace(/[^\n]/g, ' ') : ' '.repeat(match.length);
}

/** A source whose offsets are document offsets. */
export function identitySource(cleanText: string, start: number, end: number, linesAreBlocks: boolean): ProseSource {
  return { text: cleanText, start, end, linesAreBlocks, toDocument: (s, e) => ({ start: s, end: e }) };
}

/**
 * A source built from pieces of the document (XML leaves): `starts[i]` is the document offset where the source of
 * `text[i]` begins and `ends[i]` where it ends (an entity `&amp;` is five source characters for one of text).
 */
export function mappedSource(text: string, starts: number[], ends: number[]): ProseSource {
  return {
    text,
    start: 0,
    end: text.length,
    linesAreBlocks: true,
    toDocument: (s, e) => {
      if (text.length === 0) return { start: 0, end: 0 };
      const first = Math.min(Math.max(s, 0), text.length - 1);
      const last = Math.min(Math.max(e - 1, first), text.length - 1);
      return { start: starts[first]!, end: ends[last]! };
    },
  };
}

/** White space collapsed, for the readable `text`/`sentence` columns. */
export function collapseSpace(text: string): string {
  return collapseRuns(text).trim();
}
