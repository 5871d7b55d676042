/**
 * Cuts an item's prose into sentences, each with its span.
 *
 * Handles: abbreviations and initials ("Inc.", "L.P.", "J.P. Morgan", "No. 2", "$.01"), wrapped plain text (a line
 * break is soft when the sentence plainly continues, hard after a colon or in a column layout), HTML-rendered and XML
 * text where a line is a block, page breaks inside a sentence (page furniture is already blanked, see
 * items/prose-source.ts), and the " - " bullets, underlined headings ("BOAS ----") and rules across the page of
 * flattened bodies.
 * Does not handle: clauses inside a sentence (the record readers work on clauses themselves).
 */
import { collapseSpace } from '../items/prose-source.js';

export interface Sentence {
  /** Offsets into the prose source's text, end exclusive. */
  start: number;
  end: number;
  /** The sentence with white space collapsed. */
  readonly text: string;
  /** Cut at MAX_SENTENCE_CHARS: the text ran on without a sentence end. */
  cut?: boolean;
}

/** A sentence as splitSentences finds it; its collapsed text is made when asked for (most sentences never are). */
class FoundSentence implements Sentence {
  private collapsed: string | null = null;
  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    readonly cut: boolean,
  ) {}

  get text(): string {
    return (this.collapsed ??= collapseSpace(this.source.slice(this.start, this.end)));
  }
}

/**
 * The longest sentence the readers are given. Text that runs on without a sentence end (a flattened table, or hostile
 * input) is cut at the first blank after this many characters: the readers look at every pair of numbers, parties and
 * verbs of a sentence, so one sentence of 500 KB took 10 s. Real sentences of Items 3–6 are a few thousand at most.
 */
export const MAX_SENTENCE_CHARS = 10_000;

const ABBREVIATIONS = new Set([
  'inc', 'corp', 'co', 'cos', 'ltd', 'l.p', 'lp', 'llc', 'l.l.c', 'jr', 'sr', 'mr', 'mrs', 'ms', 'dr', 'messrs', 'st', 'no', 'nos',
  'ave', 'bldg', 'u.s', 'n.a', 's.a', 'n.v', 'a.g', 'b.v', 'p.c', 'etc', 'e.g', 'i.e', 'approx', 'vs', 'v', 'esq', 'p.o', 'ste',
  'del', 'cal', 'n.y', 'mass', 'fla', 'ill', 'tex', 'va', 'pa', 'conn', 'assoc', 'dept', 'gen', 'intl', 'mgmt', 'par', 'fig',
  'sec', 'seq', 'viz', 'cf', 'al', 'hon', 'prof', 'rev', 'gov', 'sen', 'rep', 'u.k', 'plc', 'p.l.c', 's.p.a', 'ag', 'se', 'n.j',
]);

/** Split `text[start, end)` into sentences. */
export function splitSentences(text: string, start: number, end: number, linesAreBlocks: boolean): Sentence[] {
  const out: Sentence[] = [];
  let sentenceStart = -1;
  const close = (at: number, cut = false): void => {
    if (sentenceStart < 0) return;
    let e = at;
    while (e > sentenceStart && /\s/.test(text[e - 1]!)) e--;
    const raw = text.slice(sentenceStart, e);
    // Rules, underlines and lone bullets are not sentences.
    if (/[A-Za-z0-9]/.test(raw)) out.push(new FoundSentence(text, sentenceStart, e, cut));
    sentenceStart = -1;
  };
  for (let i = start; i < end; i++) {
    if (sentenceStart >= 0) {
      // Inside a sentence only a line break, . ! ? - = _ or the length limit can do anything: skip to the next of them.
      const limit = Math.min(end, sentenceStart + MAX_SENTENCE_CHARS);
      while (i < limit && !mayEndSentence(text.charCodeAt(i))) i++;
      if (i >= end) break;
    }
    const ch = text[i]!;
    if (sentenceStart < 0) {
      // A bullet dash ("- Holders of …") is not part of the sentence it introduces.
      if (!/\s/.test(ch) && !(ch === '-' && /^-\s+[A-Z]/.test(text.slice(i, Math.min(i + 3, end))))) sentenceStart = i;
      continue;
    }
    if (i - sentenceStart >= MAX_SENTENCE_CHARS && /\s/.test(ch)) {
      close(i, true);
      continue;
    }
    if (ch === '\n') {
      if (isHardBreak(text, i, end, linesAreBlocks)) close(i);
      // Not a break: every later newline of this run of blanks has the same text on either side, so the same answer.
      // (Asking again at each one rescanned the run: quadratic in a run of newlines.)
      else while (i + 1 < end && /\s/.test(text[i + 1]!)) i++;
      continue;
    }
    if (ch === '.' || ch === '!' || ch === '?') {
      let j = i + 1;
      while (j < end && /["'\u201d\u2019)\]]/.test(text[j]!)) j++;
      if (j < end && !/\s/.test(text[j]!)) continue;
      if (ch === '.' && isAbbreviation(text, sentenceStart, i)) continue;
      let k = j;
      while (k < end && /\s/.test(text[k]!)) k++;
      if (k >= end || /[A-Z0-9("'\u201c\u2018\u2022*-]/.test(text[k]!)) {
        close(j);
        i = j - 1;
      }
      continue;
    }
    // A flattened underlined heading: "… of: None BOAS ---- (a) Amount …" is a sentence "BOAS ----" of its own.
    if ((ch === '-' || ch === '=' || ch === '_') && text[i - 1] === ' ') {
      const heading = underlinedHeading(text, Math.max(sentenceStart, i - 1 - HEADING_CHARS), i, end);
      if (heading) {
        close(heading.start);
        sentenceStart = heading.start;
        close(heading.end);
        i = heading.end - 1;
        continue;
      }
      // A flattened rule between a form's rows ("… direct the vote 9,101,402 ------ (ii) shared power …") ends a row.
      const rule = ruleEnd(text, i, end);
      if (rule > 0) {
        close(i);
        i = rule - 1;
        continue;
      }
    }
    // Flattened bullets: "…Events\"): - Holders of the …".
    // (Only within `end`: past it is the next item's heading, "… disposition of: - Item 5", where the dash is the count.)
    if (ch === '-' && /[:;.]["')\u201d]*\s+$/.test(text.slice(Math.max(start, i - 12), i)) && /^-\s+[A-Z]/.test(text.slice(i, Math.min(i + 3, end)))) {
      close(i);
      sentenceStart = -1;
      continue;
    }
  }
  close(end);
  return out;
}

/** A line break, `.`, `!`, `?`, `-`, `=` or `_`: the characters splitSentences looks at inside a sentence. */
function mayEndSentence(c: number): boolean {
  return c === 10 || c === 46 || c === 33 || c === 63 || c === 45 || c === 61 || c === 95;
}

/** The longest heading an underline on its line makes one: a few words in capitals. */
const HEADING_CHARS = 60;

/**
 * An underline run after a heading in capitals on the same line ("BOAS ----", "WHITMAN -------": a person's block
 * heading over its underline, once the line break between them is gone): the heading's start and the run's end.
 * `from` is how far back the heading may start; one to four words in capitals, the word before them not in capitals
 * (or none). Null when the run at `at` (three or more of one character, blank after it) is not such an underline.
 */
function underlinedHeading(text: string, from: number, at: number, end: number): { start: number; end: number } | null {
  const ch = text[at]!;
  let e = at;
  while (e < end && text[e] === ch) e++;
  if (e - at < 3 || (e < end && !/\s/.test(text[e]!))) return null;
  const before = /(?:^|[^\S\n])((?:[A-Z][A-Z0-9.&'-]+ ){1,4})$/.exec(text.slice(from, at));
  if (!before) return null;
  const start = at - before[1]!.length;
  // (Cut off mid-word by `from`: no heading of its own.)
  if (start === from && from > 0 && /\S/.test(text[from - 1]!)) return null;
  // Capitals or a number going on before the words ("ITEM 5 OWNERSHIP ----") make a caption, not a person's heading.
  const prev = /(\S+)\s*$/.exec(text.slice(Math.max(0, start - 40), start));
  if (prev && /^(?:[A-Z]{2,}|\d{1,3})[:.]?$/.test(prev[1]!)) return null;
  return { start, end: e };
}

/** Shortest run of one character that is a rule across the page, not a dash or a blank to fill in. */
const RULE_CHARS = 10;

/** The end of a rule at `at` (a run of RULE_CHARS or more of one of - = _, blank after it), or 0 when none. */
function ruleEnd(text: string, at: number, end: number): number {
  let e = at;
  while (e < end && text[e] === text[at]) e++;
  return e - at >= RULE_CHARS && (e >= end || /\s/.test(text[e]!)) ? e : 0;
}

function isAbbreviation(text: string, from: number, dot: number): boolean {
  let s = dot;
  while (s > from && /[A-Za-z.&]/.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot).replace(/^[.&]+/, '');
  if (!word) {
    // "$.01", "5." in a list: a digit before the dot ends a sentence only when followed by a capital.
    return false;
  }
  if (/^[A-Z]$/.test(word)) return true; // an initial: "Richard D. Waters"
  if (/^([A-Za-z]\.)+[A-Za-z]$/.test(word)) return true; // "J.P", "U.S", "L.P"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** A line ending in a word that joins it to the next: an article, a preposition, a conjunction. */
const CONNECTOR_AT_END = /\b(?:or|and|to|the|of|an?|with|as|by|for|in|such|which)[ \t]*$/i;

/**
 * Does the line break at `i` end a sentence? Blank lines and block boundaries do, unless the words on either side
 * plainly continue one sentence (a page break in mid-sentence leaves "options to" … "purchase 67,500"). A single
 * line break in wrapped text does not, unless it follows a colon or the lines are laid out in columns.
 */
function isHardBreak(text: string, i: number, end: number, linesAreBlocks: boolean): boolean {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  const line = text.slice(lineStart, i);
  let k = i + 1;
  let blank = false;
  while (k < end && /\s/.test(text[k]!)) {
    if (text[k] === '\n') blank = true;
    k++;
  }
  if (k >= end) return true;
  // The last character written before this break (blank lines in between do not count).
  let b = i - 1;
  while (b >= 0 && /\s/.test(text[b]!)) b--;
  const prevChar = b >= 0 ? text[b]! : '';
  const nextChar = text[k]!;
  // A block boundary (HTML, XML) continues a sentence only into a lower-case word ("options to" | "purchase …");
  // wrapped text also continues into a number ("owner of" | "1,399,096 shares").
  // Rendered HTML has no blank lines of its own: one here is blanked page furniture (a running header), so the
  // words around it are one sentence broken by a page.
  const gap = text.slice(b + 1, k);
  const blankBetween = (gap.match(/\n/g) ?? []).length >= 2;
  const pageBreak = linesAreBlocks && blankBetween;
  const continues = /[a-z,]/.test(prevChar) && (linesAreBlocks && !pageBreak ? /[a-z]/.test(nextChar) : /[a-z0-9$(]/.test(nextChar));
  if (continues) return false;
  // Wrapped text continues after a word no sentence ends with, whatever its case ("(ii)\tShared Power to Vote or to" /
  // "Direct the Vote:\t0"), and a line in capitals into another in capitals as lower-case text does into lower case
  // ("(i)\tSOLE POWER TO VOTE OR TO DIRECT" / "THE VOTE:\t2,079"): the tab of its enumerator is no column.
  if (!linesAreBlocks && !blank) {
    if (CONNECTOR_AT_END.test(line) && /[A-Za-z0-9$(]/.test(nextChar)) return false;
    const nextLine = text.slice(k, Math.min(end, k + 200)).split('\n', 1)[0]!;
    const words = line.replace(/\((?:[a-z]{1,4}|\d{1,2})\)/g, ' ');
    if (/[A-Z]/.test(prevChar) && /[A-Z]{2}/.test(words) && !/[a-z]/.test(words) && /^[A-Z]{2,}\b/.test(nextLine) && !/[a-z]/.test(nextLine)) return false;
  }
  if (/:\s*$/.test(line)) return true;
  if (blank || linesAreBlocks) return true;
  // Column layouts ("Sole Voting Power:      180,000 shares") and short lines end at the line break.
  if (/\S {3,}\S/.test(line.trim()) || /\t/.test(line.trim())) return true;
  return line.trim().length < 45 && !/[a-z,]$/.test(line.trimEnd());
}
