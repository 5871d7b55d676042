/**
 * Text helpers for exhibit prose: sentences (legal abbreviations do not end one), numbered sections and lettered
 * subsections of an agreement, long quotations (replacement text inside an amendment) and covering spans.
 * Dates and dollar amounts are read by the shared lexicon (../lexicon).
 *
 * Does not handle: reading records (waivers.ts, amendments.ts).
 */
import type { Span } from '../../parse/types.js';
import { matchesOf } from '../../matches.js';

/** Abbreviations after which a period does not end a sentence. */
const NO_BREAK = /(?:\b(?:Inc|Co|Corp|Ltd|No|Nos|Sec|Secs|Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|etc|Cos|Bros|Pty|Art|approx)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]|\bU\.S|\bL\.P|\bN\.A|\bi\.e|\be\.g)$/;

/** Sentence spans of `text[from, to)`: a period, `?` or `!` followed by white space and a capital or an opener. */
export function sentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  while (start < to && /\s/.test(text[start]!)) start += 1;
  const re = /[.?!](?=["\u201d)]?\s+(?:["\u201c([]?[A-Z0-9$-]|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+[A-Z]))/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const before = text.slice(Math.max(from, m.index - 12), m.index);
    if (text[m.index] === '.' && NO_BREAK.test(before)) continue;
    // A period inside a number ($1.13) is followed by a digit, never by white space, so it never matches here.
    let end = m.index + 1;
    if (/["\u201d)]/.test(text[end] ?? '')) end += 1;
    if (end - start > 1) out.push({ start, end });
    start = end;
    while (start < to && /\s/.test(text[start]!)) start += 1;
  }
  if (start < to && /\S/.test(text.slice(start, to))) out.push({ start, end: trimEnd(text, start, to) });
  return out;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e -= 1;
  return e;
}

/**
 * Quotations longer than `min` characters (replacement paragraphs, quoted sections), as spans including the marks.
 * Marks are paired with a stack, so defined terms quoted inside a quoted paragraph (`… (the "Company") …`) nest:
 * a straight quote opens after white space, `(` or `:` and closes before white space or punctuation.
 */
export function longQuotes(text: string, min = 150): Span[] {
  const out: Span[] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '"' && c !== '\u201c' && c !== '\u201d') continue;
    const prev = i > 0 ? text[i - 1]! : ' ';
    const next = i + 1 < text.length ? text[i + 1]! : ' ';
    const opener = c === '\u201c' || (c === '"' && /[\s(:[\u2014-]/.test(prev) && /\S/.test(next));
    const closer = c === '\u201d' || (c === '"' && /\S/.test(prev) && /[\s.,;:)\]!?]/.test(next));
    if (opener && !closer) stack.push(i);
    else if (closer && stack.length) {
      const open = stack.pop()!;
      if (!stack.length && i - open > min) out.push({ start: open, end: i + 1 });
    }
  }
  return out;
}

export interface Section {
  /** `2`, or `2(a)` for a subsection. */
  number: string;
  heading: string;
  /** The whole section, from its number to the next section's number. */
  span: Span;
  /** The text after the heading. */
  bodyStart: number;
  subsections: Section[];
}

const HEADING_WORD = String.raw`(?:[A-Z][\w'\u2019&-]*|of|the|to|and|or|for|in|on|with|a|an|by|under)`;

/**
 * Numbered sections (`1. Amendments to Certificate of Incorporation.`) and their lettered subsections (`(a)
 * Consent.`) in `text[from, to)`. Numbers must run 1, 2, 3 … and letters a, b, c …; a candidate inside a long
 * quotation is ignored, so a quoted replacement section never splits the agreement.
 */
export function numberedSections(text: string, from: number, to: number, quotes: Span[]): Section[] {
  const inQuote = (at: number): boolean => quotes.some((q) => at > q.start && at < q.end);
  const heads = new RegExp(String.raw`(?:^|\s)(\d{1,2})\.\s+(${HEADING_WORD}(?:\s+${HEADING_WORD}){0,11})\.(?=\s)`, 'gd');
  const candidates: { n: number; at: number; heading: string; bodyStart: number }[] = [];
  for (const m of matchesOf(heads, text.slice(from, to))) {
    const at = from + m.indices![1]![0];
    if (inQuote(at) || !/^[A-Z]/.test(m[2]!)) continue;
    candidates.push({ n: Number(m[1]), at, heading: m[2]!, bodyStart: from + m.index + m[0].length });
  }
  const chain: typeof candidates = [];
  for (const c of candidates) if (c.n === chain.length + 1) chain.push(c);
  return chain.map((c, i) => {
    const end = i + 1 < chain.length ? chain[i + 1]!.at : to;
    const section: Section = { number: String(c.n), heading: c.heading, span: { start: c.at, end: trimEnd(text, c.at, end) }, bodyStart: c.bodyStart, subsections: [] };
    section.subsections = lettered(text, c.bodyStart, end, quotes).map((s) => ({ ...s, number: `${c.n}(${s.number})` }));
    return section;
  });
}

function lettered(text: string, from: number, to: number, quotes: Span[]): Section[] {
  const inQuote = (at: number): boolean => quotes.some((q) => at > q.start && at < q.end);
  const heads = new RegExp(String.raw`(?:^|\s)\(([a-z])\)\s+(${HEADING_WORD}(?:\s+${HEADING_WORD}){0,9})\.(?=\s)`, 'gd');
  const candidates: { letter: string; at: number; heading: string; bodyStart: number }[] = [];
  for (const m of matchesOf(heads, text.slice(from, to))) {
    // The section starts at the parenthesis just before the letter.
    const at = from + m.indices![1]![0] - 1;
    if (inQuote(at) || !/^[A-Z]/.test(m[2]!)) continue;
    candidates.push({ letter: m[1]!, at, heading: m[2]!, bodyStart: from + m.index + m[0].length });
  }
  const chain: typeof candidates = [];
  for (const c of candidates) if (c.letter.charCodeAt(0) === 97 + chain.length) chain.push(c);
  return chain.map((c, i) => {
    const end = i + 1 < chain.length ? chain[i + 1]!.at : to;
    return { number: c.letter, heading: c.heading, span: { start: c.at, end: trimEnd(text, c.at, end) }, bodyStart: c.bodyStart, subsections: [] };
  });
}

/** White space collapsed. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The smallest span covering every `[start, end]` given (a record's span over all its values), or null for none. */
export function coveringSpan(spans: readonly (readonly [number, number])[]): Span | null {
  if (spans.length === 0) return null;
  // (A loop, not Math.min(...spans): spread arguments overflow past ~100,000 spans.)
  let start = Infinity;
  let end = -Infinity;
  for (const [s, e] of spans) {
    if (s < start) start = s;
    if (e > end) end = e;
  }
  return { start, end };
}
