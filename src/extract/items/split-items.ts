/**
 * Splits the readable text of a Schedule 13D into Items 1–7 and of a Schedule 13G into Items 1–10.
 *
 * Handles: plain text (headings at line starts, wrapped titles, underlines), HTML rendered by `documentText`
 * (headings in their own block or table cell), and flattened bodies (one line, white space collapsed), where a
 * heading can only be told from a cross-reference by the item's title following it. Amendments that repeat an item
 * ("Item 5(a)", "Item 5 is hereby amended") and body text that mentions items ("as described in Item 3 above") are
 * not mistaken for headings: candidates are scored and the best chain of increasing item numbers wins.
 * Does not handle: XML-era schedules (xml-items.ts) or reading the prose inside items (prose/).
 *
 * Offsets are into the document's decoded text; every item's span runs from its heading to the start of the next
 * item (or the signature block).
 */
import type { Span } from '../../parse/types.js';

export type ScheduleKind = '13D' | '13G';

export interface ItemHeading {
  itemNumber: number;
  /** The title as printed, white space collapsed; null when the heading has none. */
  title: string | null;
  /** Heading start (the "I" of "Item") to the end of the item. */
  span: Span;
  /** After the heading and title, to the end of the item. */
  bodySpan: Span;
}

/** The SEC's item titles, as patterns that tolerate the drift seen in filings ("Purposes of Transactions"). */
const TITLES_13D: Record<number, RegExp> = {
  1: /^security\s+and\s+(?:the\s+)?issuer/i,
  2: /^identity\s+and\s+background/i,
  3: /^sources?\s+and\s+amounts?\s+of\s+funds(?:\s+(?:or|and)\s+other\s+consideration)?/i,
  4: /^purposes?\s+of\s+(?:the\s+)?transactions?/i,
  5: /^interests?\s+in\s+(?:the\s+)?securities\s+of\s+(?:the\s+)?issuer/i,
  6: /^contracts,?\s+arrangements,?(?:\s+understandings,?)?\s+(?:or|and)\s+relationships(?:\s+with\s+respect\s+to\s+(?:the\s+)?securities(?:\s+of\s+(?:the\s+)?issuer)?)?/i,
  7: /^materials?\s+to\s+be\s+filed\s+as\s+exhibits/i,
};

const TITLES_13G: Record<number, RegExp> = {
  1: /^(?:\(a\)\.?\s*)?name\s+of\s+(?:the\s+)?issuer/i,
  2: /^(?:\(a\)\.?\s*)?names?\s+of\s+(?:the\s+)?persons?\s+filing/i,
  3: /^(?:if\s+this\s+statement\s+is\s+filed|type\s+of\s+(?:reporting\s+)?person)/i,
  4: /^ownership/i,
  5: /^ownership\s+of\s+(?:five|5)\s+percent\s+or\s+less/i,
  6: /^ownership\s+of\s+more\s+than\s+(?:five|5)\s+percent\s+on\s+behalf/i,
  7: /^identification\s+and\s+classification\s+of\s+(?:the\s+)?subsidiar(?:y|ies)/i,
  8: /^identification\s+and\s+classification\s+of\s+(?:the\s+)?members/i,
  9: /^notice\s+of\s+dissolution/i,
  10: /^certifications?/i,
};

/**
 * A 13G's Item 4 printed without its title, its first label right after the number: "ITEM 4 (a) AMOUNT BENEFICIALLY
 * OWNED: 152,350 SHARES" (0000068100-95-000016). As good as a title for telling the heading from a cross-reference
 * (a flattened body has no line start to go by), but the label stays in the body, where the readers take its count.
 */
const ITEM_4_FIRST_LABEL = /^(?:\(a\)\.?\s*)?amount\s+beneficially\s+owned/i;

/** The canonical titles (for XML schedules, which carry no titles, and for documentation). */
export const CANONICAL_TITLES: Record<ScheduleKind, Record<number, string>> = {
  '13D': {
    1: 'Security and Issuer',
    2: 'Identity and Background',
    3: 'Source and Amount of Funds or Other Consideration',
    4: 'Purpose of Transaction',
    5: 'Interest in Securities of the Issuer',
    6: 'Contracts, Arrangements, Understandings or Relationships with Respect to Securities of the Issuer',
    7: 'Material to Be Filed as Exhibits',
  },
  '13G': {
    1: 'Name and Address of Issuer',
    2: 'Person Filing, Address, Citizenship, Title of Class and CUSIP Number',
    3: 'Type of Person Filing',
    4: 'Ownership',
    5: 'Ownership of Five Percent or Less of a Class',
    6: 'Ownership of More than Five Percent on Behalf of Another Person',
    7: 'Identification and Classification of the Subsidiary Which Acquired the Security',
    8: 'Identification and Classification of Members of the Group',
    9: 'Notice of Dissolution of Group',
    10: 'Certification',
  },
};

export function maxItem(kind: ScheduleKind): number {
  return kind === '13D' ? 7 : 10;
}

interface Candidate {
  pos: number;
  itemNumber: number;
  subItem: string | null;
  /** Where the title (or body) may begin: after "Item 5" and its punctuation. */
  afterNumber: number;
  titleEnd: number | null;
  /** No title, but the item's first label follows the number (ITEM_4_FIRST_LABEL). */
  labelHeaded: boolean;
  punctuated: boolean;
  lineStart: boolean;
  score: number;
}

// "Item 5.", "ITEM 5 -", "Item No. 5:", "Item 1(a).", "Item 5(c)" — the number must not run into more digits.
const HEADING = /\b(ITEM|Item|item)\s*(?:No\.?\s*)?(\d{1,2})(?![\d,])(?:\s*\(([a-j])\))?/g;
// After the number: words that make "Item 4 of the Schedule 13D is amended" or "Item 3 above" a cross-reference.
const CROSS_REFERENCE = /^\s*(?:of\b|is\b|are\b|was\b|has\b|have\b|above\b|below\b|here(?:of|in|to|by)\b|hereby\b|to\b|and\b|or\b|through\b|as\b|in\b|shall\b|will\b|which\b|for\b|on\b|[,;)])/i;
// A heading line ends here; the title of a text heading can wrap onto at most the next line.
const SIGNATURE = /After\s+reasonable\s+inquiry|(?:^|\n)[ \t]*SIGNATURES?[ \t]*(?:\n|$)|\sSIGNATURES?\s+(?=After\b)/;

export interface SplitOptions {
  kind: ScheduleKind;
  /** Flattened bodies have no line structure: only headings followed by their title count. */
  flattened: boolean;
  /** Ignore headings before this offset (the end of the cover pages, whose rows mention "Item 2(d)"). */
  startAt?: number;
}

/** Find the item headings of a schedule body. */
export function splitItems(text: string, options: SplitOptions): ItemHeading[] {
  const titles = options.kind === '13D' ? TITLES_13D : TITLES_13G;
  const limit = maxItem(options.kind);
  const candidates: Candidate[] = [];
  HEADING.lastIndex = options.startAt ?? 0;
  for (let m = HEADING.exec(text); m; m = HEADING.exec(text)) {
    const itemNumber = Number(m[2]);
    if (itemNumber < 1 || itemNumber > limit) continue;
    const pos = m.index;
    const lineStart = isLineStart(text, pos);
    let after = pos + m[0].length;
    const rest = text.slice(after, after + 400);
    const punct = /^\s*(?:[.:\-\u2013\u2014]+|\))/.exec(rest);
    if (!punct && CROSS_REFERENCE.test(rest)) continue;
    if (punct) after += punct[0].length;
    const titleText = text.slice(after, after + 400).replace(/^[\s.:\-\u2013\u2014]*/, '');
    const lead = text.slice(after, after + 400).length - titleText.length;
    const titleMatch = titles[itemNumber]!.exec(titleText);
    const titleEnd = titleMatch ? after + lead + titleMatch[0].length : null;
    const labelHeaded = !titleMatch && options.kind === '13G' && itemNumber === 4 && ITEM_4_FIRST_LABEL.test(titleText);
    const named = titleMatch !== null || labelHeaded;
    if (options.flattened && !named) continue;
    if (!lineStart && !named) continue;
    // A heading that continues a sentence ("described in\nItem 3. The …") is a wrapped cross-reference.
    const prev = text.slice(Math.max(0, pos - 80), pos);
    const continuesSentence = lineStart && /[a-z,]\s*$/.test(prev) && !/\n[ \t]*\n\s*$/.test(prev);
    let score = 1;
    if (named) score += 4;
    if (punct) score += 1;
    if (lineStart) score += 1;
    if (continuesSentence) score -= 3;
    if (m[3]) score -= 1;
    if (m[1] === 'item') score -= 1;
    candidates.push({ pos, itemNumber, subItem: m[3] ?? null, afterNumber: after, titleEnd, labelHeaded, punctuated: !!punct, lineStart, score });
  }
  const chain = bestChain(candidates);
  const end = signatureStart(text, chain.length ? chain[chain.length - 1]!.afterNumber : text.length) ?? text.length;
  return chain.map((c, i) => {
    const next = i + 1 < chain.length ? chain[i + 1]!.pos : end;
    const heading = headingTitle(text, c, next, options.flattened);
    const title = heading.title;
    let bodyStart = heading.bodyStart;
    while (bodyStart < next && /\s/.test(text[bodyStart]!)) bodyStart++;
    return {
      itemNumber: c.itemNumber,
      title,
      span: { start: c.pos, end: trimEnd(text, c.pos, next) },
      bodySpan: { start: Math.min(bodyStart, next), end: trimEnd(text, Math.min(bodyStart, next), next) },
    };
  });
}

function isLineStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const ch = text[i]!;
    if (ch === '\n') return true;
    // Leading markup residue: spaces, tabs, bullets, bold asterisks, a table cell's tab.
    if (!/[ \t*\u2022>\u00a0]/.test(ch)) return false;
  }
  return true;
}

/**
 * The highest-scoring sequence of candidates with strictly increasing item numbers, in text order (a small
 * dynamic programme: n is at most a few dozen).
 */
function bestChain(candidates: Candidate[]): Candidate[] {
  const n = candidates.length;
  const best: number[] = new Array<number>(n).fill(0);
  const prev: number[] = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    best[i] = candidates[i]!.score;
    for (let j = 0; j < i; j++) {
      if (candidates[j]!.itemNumber < candidates[i]!.itemNumber && best[j]! + candidates[i]!.score > best[i]!) {
        best[i] = best[j]! + candidates[i]!.score;
        prev[i] = j;
      }
    }
  }
  let top = -1;
  for (let i = 0; i < n; i++) if (candidates[i]!.score > 0 && (top < 0 || best[i]! > best[top]!)) top = i;
  const chain: Candidate[] = [];
  for (let i = top; i >= 0; i = prev[i]!) chain.unshift(candidates[i]!);
  return chain.filter((c) => c.score > 0);
}

function signatureStart(text: string, from: number): number | null {
  const m = SIGNATURE.exec(text.slice(from));
  if (!m) return null;
  let at = from + m.index;
  // Keep "SIGNATURE" out of the last item when it precedes "After reasonable inquiry".
  const before = text.slice(Math.max(from, at - 40), at);
  const heading = /SIGNATURES?\s*$/.exec(before);
  if (heading) at -= before.length - heading.index;
  return at;
}

/** The printed title of a heading and where the body starts. */
function headingTitle(text: string, c: Candidate, limit: number, flattened: boolean): { title: string | null; bodyStart: number } {
  if (c.labelHeaded) return { title: null, bodyStart: c.afterNumber };
  if (c.titleEnd !== null) {
    let end = c.titleEnd;
    if (!flattened) {
      // In line-based text the rest of the title's line belongs to the heading ("Item 5. Interest in Securities
      // of the Issuer.", "Item 1(a). Name of Issuer:").
      const eol = text.indexOf('\n', end);
      const lineEnd = eol < 0 ? limit : Math.min(eol, limit);
      const tail = text.slice(end, lineEnd);
      if (tail.length < 120 && !/[.:]\s+\S/.test(tail)) end = lineEnd;
    }
    const raw = text.slice(c.afterNumber, end);
    return { title: cleanTitle(raw), bodyStart: skipUnderline(text, end, limit) };
  }
  // No recognised title: in line-based text the rest of the heading line is the title when it reads like one.
  const eol = text.indexOf('\n', c.afterNumber);
  const lineEnd = eol < 0 ? limit : Math.min(eol, limit);
  const rest = text.slice(c.afterNumber, lineEnd);
  if (!flattened && rest.trim().length > 0 && rest.trim().length <= 150 && !/^\s*[a-z]/.test(rest)) {
    return { title: cleanTitle(rest), bodyStart: skipUnderline(text, lineEnd, limit) };
  }
  return { title: null, bodyStart: c.afterNumber };
}

function cleanTitle(raw: string): string | null {
  const t = raw
    .replace(/\s+/g, ' ')
    .replace(/^[\s.:\-\u2013\u2014]+/, '')
    .replace(/[\s.:\-\u2013\u2014_*]+$/, '')
    .trim();
  return t.length ? t : null;
}

/** Step over the punctuation ending a title and an underline of dashes on the next line. */
function skipUnderline(text: string, from: number, limit: number): number {
  const m = /^[ \t.:\-\u2013\u2014]*(?:\n[ \t]*[-_=]{3,}[ \t]*(?=\n|$))*/.exec(text.slice(from, limit));
  return from + (m ? m[0].length : 0);
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
