/**
 * The row captions of a Schedule 13D/13G cover page as they are printed across three decades (edgar-reference.md
 * §4.2–4.3): upper case, sentence case, the 1990s `SOLE POWER TO VOTE` wording, `SOLE DISPOSITION POWER`, wrapped
 * and truncated captions (`(9) Aggregate`), and the words of the left-hand side caption ("NUMBER OF SHARES
 * BENEFICIALLY OWNED BY EACH REPORTING PERSON WITH") that many layouts interleave with rows 7–10.
 *
 * Handles: recognising a caption wherever it sits (start of line, inside a table cell, mid-line in the flattened
 * sample) and the row numbers printed before captions, for the 13D and the 13G numbering.
 * Does not handle: values (values.ts) or which caption belongs to which cover page (text-reader.ts).
 */
import type { ScheduleKind } from './types.js';

export type RowKey =
  | 'name'
  | 'group'
  | 'secUse'
  | 'source'
  | 'legal'
  | 'citizenship'
  | 'side'
  | 'soleVotingPower'
  | 'sharedVotingPower'
  | 'soleDispositivePower'
  | 'sharedDispositivePower'
  | 'aggregateAmount'
  | 'excludesCertainShares'
  | 'percentOfClass'
  | 'typeOfReportingPerson';

/** Printed order of the rows; a cover page's captions must come in this order. */
export const ROW_ORDER: Record<RowKey, number> = {
  name: 1,
  group: 2,
  secUse: 3,
  source: 4,
  legal: 5,
  citizenship: 6,
  side: 6.5,
  soleVotingPower: 7,
  sharedVotingPower: 8,
  soleDispositivePower: 9,
  sharedDispositivePower: 10,
  aggregateAmount: 11,
  excludesCertainShares: 12,
  percentOfClass: 13,
  typeOfReportingPerson: 14,
};

/** The row numbers printed before each caption, per schedule. */
export const ROW_NUMBERS: Record<ScheduleKind, Partial<Record<RowKey, number>>> = {
  '13D': {
    name: 1, group: 2, secUse: 3, source: 4, legal: 5, citizenship: 6, soleVotingPower: 7, sharedVotingPower: 8,
    soleDispositivePower: 9, sharedDispositivePower: 10, aggregateAmount: 11, excludesCertainShares: 12,
    percentOfClass: 13, typeOfReportingPerson: 14,
  },
  '13G': {
    name: 1, group: 2, secUse: 3, citizenship: 4, soleVotingPower: 5, sharedVotingPower: 6, soleDispositivePower: 7,
    sharedDispositivePower: 8, aggregateAmount: 9, excludesCertainShares: 10, percentOfClass: 11,
    typeOfReportingPerson: 12,
  },
};

/**
 * Build a caption regex: spaces in the pattern match any run of white space (captions wrap), and a row number may sit
 * where a caption wraps ("EXCLUDES\n 10   CERTAIN SHARES" in layouts that print numbers beside the second line).
 */
function cap(pattern: string): string {
  return pattern.replace(/ /g, String.raw`(?:[ \t]*\r?\n[ \t]*\(?\d{1,2}\)?[.)]?[ \t]+|\s+)`);
}

// "IN ROW (11)", "in Row 9", "BY LINE 9". A bare number must not run into a value ("IN ROW\t9.2%").
const ROW_REF = String.raw`(?:\s+(?:(?:IN|ON)\s+)?(?:ROW|LINE|BOX|ITEM)(?:\s*(?:NO\.?\s*)?(?:\(\s*[0-9lI]{1,2}\s*\)|[0-9lI]{1,2}(?!\.\d|%|,\d|\d)))?)?`;
const POWER_TAIL = String.raw`(?:\s+OR\s+(?:TO\s+)?DIRECT\s+THE\s+(?:VOTE|DISPOSITION(?:\s+OF)?))?`;

/** One regex per row. Order of alternatives matters: the longest wording first. */
export const CAPTION_PATTERNS: Record<RowKey, string> = {
  name: [
    cap('NAMES? OF (?:THE )?REPORTING PERSONS?') + String.raw`(?:\s*\(\s*S\s*\))?`,
    // Dimensional Fund Advisors' 2001 template: "Item 1: REPORTING PERSONS".
    String.raw`(?<=ITEM\s{1,6}1\s{0,3}[:.]\s{0,12})` + cap('REPORTING PERSONS?'),
  ].join('|'),
  group: [
    cap('CHECK (?:THE )?APPROPRIATE \\[?(?:BOX|LINE|ROW)\\]? IF (?:A|YOU ARE A) MEMBER OF A GROUP'),
    cap('MEMBER OF (?:A |THE )?GROUP'),
  ].join('|'),
  secUse: cap('SEC USE ONLY'),
  source: cap('SOURCE OF FUNDS(?: OR OTHER CONSIDERATION)?'),
  legal:
    String.raw`(?:CHECK\s+(?:BOX\s+)?(?:IF\s+)?(?:DISCLOSURE\s+OF\s+)?|DISCLOSURE\s+OF\s+)LEGAL\s+PROCEEDINGS?` +
    String.raw`(?:\s+(?:IS|ARE|MAY\s+BE)\s+REQUIRED)?(?:\s+PURSUANT\s+TO)?` +
    String.raw`(?:\s+ITEMS?\s+2\s*\(\s*d\s*\)\s*(?:OR|AND|&|,)\s*(?:ITEM\s+)?(?:2\s*)?\(\s*e\s*\))?`,
  citizenship: [
    cap('CITIZENSHIP (?:OR|OF|AND) PLACE OF ORGANI[SZ]ATION'),
    cap('PLACE OF ORGANI[SZ]ATION'),
    'CITIZENSHIP',
  ].join('|'),
  side: cap('NUMBER OF SHARES BENEFICIALLY OWNED BY (?:EACH )?(?:THE )?REPORTING PERSONS?(?: WITH)?'),
  soleVotingPower: [cap('SOLE VOTING(?: POWER)?'), cap('SOLE POWER TO VOTE') + POWER_TAIL].join('|'),
  sharedVotingPower: [cap('SHARE[DS] VOTING(?: POWER)?'), cap('SHARED POWER TO VOTE') + POWER_TAIL].join('|'),
  soleDispositivePower: [
    cap('SOLE DISPO[A-Z]*(?: POWER)?'),
    cap('SOLE POWER TO DISPOSE') + POWER_TAIL,
  ].join('|'),
  sharedDispositivePower: [
    // "SHARES DISPOSITIVE POWER", "SHARED DISPOTIVE POWER": typos seen in filed covers.
    cap('SHARE[DS] DISPO[A-Z]*(?: POWER)?'),
    cap('SHARED POWER TO DISPOSE') + POWER_TAIL,
  ].join('|'),
  aggregateAmount: [
    cap('AGGREGATE AMOUNT') +
      String.raw`(?!\s+(?:IN|ON|REPRESENTED)\b)(?:\s+OF)?(?:\s+BENEFICIALLY(?:\s+OWNED(?:\s+BY(?:\s+(?:EACH|THE)(?:\s+REPORTING(?:\s+(?:PERSONS?|PARTY))?)?)?)?)?)?`,
    // Truncated caption after its row number: "(9) Aggregate" (Barclays 2009).
    // (The lookbehind is `(?:^|\n)[ \t]*\(?\s*(?:9|11)\s*[.)]?[ \t]*` written without two adjacent runs that both take
    // blanks: V8 tries it before every caption word, and behind 20,000 blanks it split them every possible way.)
    String.raw`(?<=(?:^|\n)(?:[ \t]*\(\s*|\s*)(?:9|11)(?:\s*[.)][ \t]*|\s*))AGGREGATE(?=[ \t]*\r?\n)`,
  ].join('|'),
  excludesCertainShares: [
    String.raw`(?:CHECK\s+(?:BOX\s+)?(?:IF\s+)?)?(?:THE\s+)?AGGREGATE\s+AMOUNT[\s\S]{0,80}?EXCLU[A-Z]*\s+(?:\d{1,2}\s+)?CER-?\s*TAIN(?:\s+SHARES)?`,
    // "EXCLUSED", "Excludes Cer-\ntain Shares", and the box printed between "Certain" and "Shares".
    String.raw`EXCLU[A-Z]*\s+CER-?\s*TAIN(?:\s+SHARES)?`,
  ].join('|'),
  percentOfClass:
    cap('PERCENT(?:AGE)? OF CLASS') +
    String.raw`(?:\s+REPRESENT(?:ED|ING)(?:\s+BY)?(?:\s+(?:THE\s+)?AMOUNT)?` + ROW_REF + ')?',
  typeOfReportingPerson: cap('TYPE OF (?:REPORTING PERSONS?|PERSONS? REPORTING)'),
};

export interface CaptionHit {
  row: RowKey;
  /** Start of the caption, moved back over a row number printed before it (`7`, `(7)`, `7.`, `Item 7:`). */
  start: number;
  /** Where the caption's own words start. */
  captionStart: number;
  end: number;
}

// Sticky: tried only where CAPTION_START finds a caption's first word (see findCaptions).
const COMBINED = new RegExp(
  (Object.keys(CAPTION_PATTERNS) as RowKey[]).map((row) => `(?<${row}>${CAPTION_PATTERNS[row]})`).join('|'),
  'iy',
);

/**
 * How every alternative of CAPTION_PATTERNS starts (lookbehinds aside): its first word, and the white space that
 * follows it wherever the pattern has more words (cap's separator starts with a blank, as do `\s+` and the `(?=[ \t]*\r?\n)`
 * after a truncated "AGGREGATE"). A caption can only start where one of these does. Running the big alternation at
 * every character of a long text cost more than the rest of the cover-page reader; running it only here finds the
 * same matches. The blank keeps "securities", "second", "shareholders" and "numbers" from being tried, and "THE" is
 * tried only before "AGGREGATE" (the excluded-shares row): as bare words they were tried in every sentence of the
 * prose. Keep in step with CAPTION_PATTERNS.
 */
const CAPTION_START = /NAMES?\s|REPORTING\s|CHECK\s|MEMBER\s|SEC\s|SOURCE\s|DISCLOSURE\s|CITIZENSHIP|PLACE\s|NUMBER\s|SOLE\s|SHARE[DS]\s|AGGREGATE\s|THE\s+AGGREGATE\s|EXCLU|PERCENT(?:AGE)?\s|TYPE\s/gi;

/** The same matches as `text.matchAll(/COMBINED/gi)`: leftmost first, the next search starting where a match ends (test: captions.test.ts). */
export function* captionMatches(text: string): Generator<RegExpExecArray> {
  let from = 0;
  while (from < text.length) {
    CAPTION_START.lastIndex = from;
    const candidate = CAPTION_START.exec(text);
    if (!candidate) return;
    COMBINED.lastIndex = candidate.index;
    const m = COMBINED.exec(text);
    if (!m) {
      from = candidate.index + 1;
      continue;
    }
    from = m.index + Math.max(1, m[0].length);
    yield m;
  }
}

// A row number just before a caption: `7`, `7.`, `(7)`, `[5]`, `7)`, `l.` (OCR'd one), `Item 7:`, glued to the
// separator underscores before it (`____2.`).
const ROW_NUMBER_BEFORE = /(?:^|[\s|_\-=*])(?:(?:ITEM|ROW)\s+)?[[(]?([0-9lI]{1,2})[\])]?\s*[.):]?[\s_\-=|*]*$/i;

function rowNumberValue(s: string): number {
  return Number(s.replace(/[lI]/g, '1'));
}

/** All caption hits in a text, in order, with non-overlapping spans. */
export function findCaptions(text: string, kind: ScheduleKind | null): CaptionHit[] {
  const hits: CaptionHit[] = [];
  for (const m of captionMatches(text)) {
    const groups = m.groups ?? {};
    const row = (Object.keys(groups) as RowKey[]).find((k) => groups[k] !== undefined);
    if (!row || m[0].length === 0) continue;
    // Caption words inside a sentence ("… may be deemed to have sole dispositive power") are prose, not a caption:
    // captions start a line, a cell or a row number, and are never lower case after a lower-case word.
    if (/^[a-z]/.test(m[0]) && /[A-Za-z,;]\s*$/.test(text.slice(Math.max(0, m.index - 40), m.index).split('\n').pop() ?? '')) continue;
    // Punctuation printed after a caption ("Names of Reporting Persons.", "Sole Voting Power:") is part of it.
    const tail = /^[ \t]*[.:*]+(?![\d])/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 8));
    hits.push({ row, start: m.index, captionStart: m.index, end: m.index + m[0].length + (tail ? tail[0].length : 0) });
  }
  // Move each start back over the row number printed before the caption, never into the previous caption.
  for (let i = 0; i < hits.length; i += 1) {
    const hit = hits[i]!;
    const floor = i > 0 ? hits[i - 1]!.end : 0;
    const windowStart = Math.max(floor, hit.start - 24);
    const before = text.slice(windowStart, hit.start);
    const m = ROW_NUMBER_BEFORE.exec(before);
    if (!m) continue;
    const n = rowNumberValue(m[1]!);
    const expected = [ROW_NUMBERS['13D'][hit.row], ROW_NUMBERS['13G'][hit.row]].filter((x) => x !== undefined);
    const accept = kind ? ROW_NUMBERS[kind][hit.row] === n || (expected.includes(n) && !ROW_NUMBERS[kind][hit.row]) : expected.includes(n);
    if (!accept) continue;
    const lead = m[0].length - m[0].replace(/^[\s|_\-=*]/, '').length;
    hit.start = windowStart + m.index + lead;
  }
  return hits;
}

/**
 * Words that are never a value: caption tails, the side caption, instructions, page furniture. Readers replace them
 * with spaces (offsets kept) before reading a value.
 */
/** For `mask`: a word a pattern cannot match without, so the pattern is not run over text lacking it. */
const REQUIRED_WORD = new WeakMap<RegExp, RegExp>();

/**
 * Mark `re` as needing `word` (a case-insensitive test), for patterns that start with optional blanks (`\s*\(?\s*…`):
 * those backtrack over every run of blanks, which in fixed-width cover pages is most of the text.
 */
export function needsWord(re: RegExp, word: RegExp): RegExp {
  REQUIRED_WORD.set(re, word);
  return re;
}

/**
 * `*? \s* (? \s* SEE INSTRUCTIONS …` as `String#replace` matches it, found in linear time. As a plain regex the
 * engine tried a match from every blank of a run and split the run between its two `\s*` every possible way (cubic:
 * 1,500 spaces took 4 s). Here the fixed part is found first and the optional `*`, `(` and blanks before it are taken
 * back greedily (never into the previous match), which is where the leftmost match would have started.
 */
class SeeInstructions extends RegExp {
  constructor() {
    super(String.raw`SEE\s+INSTRUCTIONS?(?:\s+(?:BEFORE\s+FILLING\s+OUT|SHEET\s+BEFORE\s+FILLING\s+OUT))?\s*!?\s*\)?`, 'gi');
  }

  override [Symbol.replace](text: string, replacer: string | ((substring: string, ...args: unknown[]) => string)): string {
    if (typeof replacer !== 'function') return super[Symbol.replace](text, replacer);
    let out = '';
    let pos = 0;
    const core = new RegExp(this.source, 'gi');
    for (let m = core.exec(text); m; m = core.exec(text)) {
      let start = m.index;
      while (start > pos && /\s/.test(text[start - 1]!)) start -= 1;
      if (start > pos && text[start - 1] === '(') {
        start -= 1;
        while (start > pos && /\s/.test(text[start - 1]!)) start -= 1;
      }
      if (start > pos && text[start - 1] === '*') start -= 1;
      const end = m.index + m[0].length;
      out += text.slice(pos, start) + replacer(text.slice(start, end));
      pos = end;
    }
    return out + text.slice(pos);
  }
}

export const VALUE_NOISE: RegExp[] = [
  needsWord(new SeeInstructions(), /SEE/i),
  /\(\s*ENTITIES\s+ONLY\s*\)/gi,
  /<PAGE>[ \t]*\d*/gi,
  // Legacy EDGAR table markup inside text bodies (<TABLE>, <CAPTION>, <S>, <C>, <FN>).
  /<\/?(?:TABLE|CAPTION|S|C|FN|F\d)>/gi,
  /\bPAGE\s+\d+\s+OF\s+\d+(?:\s+PAGES?)?/gi,
  /\bCUSIP\s*(?:NO\.?|NUMBER|#)\s*[:.]?(?:[ \t]*[0-9A-Z]{3,9}(?:[ \t-][0-9A-Z]{1,6}){0,3})?/gi,
  /\b(?:SCHEDULE\s+)?13[DG](?:\/A)?\b/g,
  // Dotted leaders between a caption and its value (". . . . . 48.5%").
  /\.(?:[ \t]?\.){2,}/g,
];

/** The side caption's words, which wrap around and between rows 7–10. */
export const SIDE_WORDS = /\b(?:NUMBER\s+OF|SHARES|BENEFICIALLY|OWNED|BY|EACH|REPORTING|PERSONS?|WITH|THE|POWER|ITEM\s+\d{1,2})\b:?|:/gi;

/** Replace every match of the patterns with spaces (newlines kept), so offsets into the text stay valid. */
export function mask(text: string, patterns: RegExp[]): string {
  let out = text;
  for (const re of patterns) {
    const word = REQUIRED_WORD.get(re);
    if (word && !word.test(out)) continue;
    out = out.replace(re, (s) => s.replace(/[^\n]/g, ' '));
  }
  return out;
}
