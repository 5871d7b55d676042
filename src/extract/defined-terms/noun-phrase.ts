/**
 * The noun-phrase walker: tokens of a window of text, and walks back from the end of the window over a proper name
 * (`J.P. Morgan Chase & Co.`), a short lower-case noun phrase (`common stock purchase warrants`), a list of names or
 * earlier terms (`the US Fund and the Offshore Fund`), or a whole clause when nothing shorter ends there. Also decides
 * where a name that contains a comma, a possessive or a connector starts, by the words of the term that names it.
 * Does not handle: what precedes the walk (post-modifiers: post-modifiers.ts) or what kind of thing a phrase names
 * (phrase-kind.ts). Offsets are into the text given to `tokenize`.
 */
import { isEntitySuffix, isMonthWord } from '../lexicon/index.js';
import { collapse, normalizeKey, type DefinedTerm } from './defined-term.js';
import { ABBREV, CAP_STOPS, CONNECTORS, DETERMINERS, LOWER_STOPS, OBJECT_VERBS, QUANTITY_NOUNS, ROMAN, SENTENCE_ADVERBS } from './vocabulary.js';
import { isWhiteSpace } from '../../white-space.js';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** The token began with an opening quotation mark (removed from `text`): a name may start here, not before. */
  opensQuote?: boolean;
  /**
   * The token ends the value of a label line other than a name's ("Citizenship: Delaware"): a name on the next line
   * does not run back into it (0000930413-20-000384 defined "TCIM" as "Delaware TIAA-CREF Investment Management, LLC").
   */
  endsLabelValue?: boolean;
}

export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  // Whether the current line starts with a label ("Citizenship:", within its first six words) that is not a name's
  // ("Name of Person Filing:").
  let labelled = false;
  let lineWords = '';
  let lineTokens = 0;
  // The words are the runs of non-blanks (`\S+`), found by char code: a regex match per word, and a slice of the gap
  // before it to look for a line break, were a fiftieth of a worker's time.
  let newLine = false;
  for (let at = 0; at < slice.length; ) {
    const c = slice.charCodeAt(at);
    if (isWhiteSpace(c)) {
      if (c === 10) newLine = true;
      at++;
      continue;
    }
    let wordEnd = at + 1;
    while (wordEnd < slice.length && !isWhiteSpace(slice.charCodeAt(wordEnd))) wordEnd++;
    const wordStart = at;
    at = wordEnd;
    if (newLine) {
      const last = out[out.length - 1];
      if (last && labelled) last.endsLabelValue = true;
      labelled = false;
      lineWords = '';
      lineTokens = 0;
      newLine = false;
    }
    let t = slice.slice(wordStart, wordEnd);
    let start = from + wordStart;
    let opensQuote = false;
    if (/^["\u201c]/.test(t) && t.length > 1) {
      t = t.slice(1);
      start += 1;
      opensQuote = true;
    }
    if (++lineTokens <= 6) {
      lineWords += ` ${t}`;
      if (t.endsWith(':') && !/\bnames?\b/i.test(lineWords)) labelled = true;
    }
    out.push({ text: t, start, end: from + wordEnd, ...(opensQuote ? { opensQuote } : {}) });
  }
  return out;
}

export function bare(token: string): string {
  return token.replace(/,$/, '');
}

export function isSuffix(token: string): boolean {
  return isEntitySuffix(bare(token));
}

/** A token that can be part of a proper name (without looking at its neighbours). */
export function isNameToken(raw: string): boolean {
  const t = bare(raw);
  if (!t) return false;
  if (t === '&') return true;
  if (/^\([A-Z][\w .&-]*\)$/.test(t)) return true;
  if (/['\u2019]s$/.test(t)) return false;
  if (/["\u201c\u201d();:]/.test(t)) return false;
  if (CAP_STOPS.has(t.toLowerCase())) return false;
  if (/^[A-Z][\w'\u2019&.\-/]*$/.test(t)) {
    if (t.endsWith('.') && !ABBREV.test(t) && !isSuffix(t)) return false;
    return true;
  }
  if (/^\d{1,4}[A-Za-z]?$/.test(t) || /^\d+[A-Z][\w-]*$/.test(t)) return true;
  if (/^\d+(?:\.\d+)?%$/.test(t) || /^\d+-\d\/\d%$/.test(t)) return true;
  return false;
}

export interface Walk {
  start: number;
  first: number;
  suffixed: boolean;
}

const MAX_NAME_TOKENS = 20;

/**
 * Walk back from token `last` over a proper name: capitalised words, initials, numerals, `&`, parenthesised words,
 * connectors between name words, a comma only before a suffix (`Technologies, Inc.`) or a numeral. Returns null
 * when the name has no alphabetic word (a date or a number is not a name).
 */
export function nameWalk(tokens: Token[], last: number): Walk | null {
  if (last < 0) return null;
  const lastTok = tokens[last]!;
  if (/,$/.test(lastTok.text) || !isNameToken(lastTok.text)) return null;
  let first = last;
  for (let i = last - 1; i >= 0 && last - i < MAX_NAME_TOKENS; i--) {
    if (tokens[first]!.opensQuote || tokens[i]!.endsLabelValue) break;
    const t = tokens[i]!.text;
    const next = tokens[i + 1]!.text;
    if (t.endsWith(',')) {
      if (!(isSuffix(next) || ROMAN.test(bare(next))) || !isNameToken(t)) break;
      first = i;
      continue;
    }
    if (CONNECTORS.has(t) || (CONNECTORS.has(t.toLowerCase()) && /^[A-Z]+$/.test(t) && /^[A-Z]/.test(next))) {
      const before = tokens[i - 1];
      if (before && isNameToken(before.text) && !before.text.endsWith(',') && !isSuffix(before.text)) {
        first = i;
        continue;
      }
      break;
    }
    // `Board of Directors of the Company`: `of the` inside a name.
    if (/^the$/i.test(t) && /^of$/i.test(tokens[i - 1]?.text ?? '') && tokens[i - 2] && /^[A-Z][A-Za-z]/.test(tokens[i - 2]!.text) && isNameToken(tokens[i - 2]!.text) && /^[A-Z]/.test(next)) {
      first = i;
      continue;
    }
    // `among The Sinclair Companies`: a capitalised article mid-sentence begins the name.
    if ((t === 'The' || t === 'THE') && i > 0 && !/[.:;]$/.test(tokens[i - 1]!.text) && /^[a-z]/.test(tokens[i - 1]!.text)) {
      first = i;
      break;
    }
    if (!isNameToken(t)) break;
    first = i;
  }
  while (first <= last && (CONNECTORS.has(tokens[first]!.text.toLowerCase()) || /^the$/.test(tokens[first]!.text))) first += 1;
  if (first > last) return null;
  const words = tokens.slice(first, last + 1).map((t) => bare(t.text));
  // A numeral with a legal suffix is a name too (`667, L.P.`); a date or a bare number is not.
  const numbered = words.length >= 2 && /^\d/.test(words[0]!) && isSuffix(tokens[last]!.text);
  if (!numbered && !words.some((w) => /^[A-Z][A-Za-z]/.test(w) && !isMonthWord(w))) return null;
  return { start: tokens[first]!.start, first, suffixed: isSuffix(tokens[last]!.text) };
}

/**
 * Walk back over a short noun phrase (`common stock`, `Common Stock purchase warrants`), at most `max` words. `clean`
 * says whether it ended where a noun phrase starts (an article, a possessive, punctuation, the window's start)
 * rather than at a preposition or verb, which would mean the phrase is the tail of a longer one.
 */
export function lowerWalk(tokens: Token[], last: number, max: number): { start: number; count: number; clean: boolean } | null {
  if (last < 0) return null;
  let first = last + 1;
  let count = 0;
  let clean = false;
  for (let i = last; i >= 0; i--) {
    const raw = tokens[i]!.text;
    const lower = raw.toLowerCase();
    if (i < last && /[,;:]$/.test(raw)) {
      clean = true;
      break;
    }
    if (/['\u2019]s$/.test(raw) || /["\u201c\u201d()]/.test(raw)) {
      clean = true;
      break;
    }
    // `issue convertible promissory notes`, but `Common Stock purchase warrants` (a compound noun).
    const compound = i > 0 && /^[A-Z]/.test(raw) && /^[A-Z]/.test(tokens[i - 1]!.text) && isNameToken(tokens[i - 1]!.text);
    if (OBJECT_VERBS.has(lower) && !(i > 0 && /^[A-Z]/.test(tokens[i - 1]!.text) && isNameToken(tokens[i - 1]!.text))) {
      clean = true;
      break;
    }
    if (LOWER_STOPS.has(lower) && !compound) {
      clean = DETERMINERS.has(lower) || (lower === 'of' && i > 0 && QUANTITY_NOUNS.test(tokens[i - 1]!.text));
      break;
    }
    if (count === max) break;
    first = i;
    count += 1;
    if (tokens[i]!.opensQuote) {
      clean = true;
      break;
    }
    if (i === 0) clean = true;
  }
  if (count === 0) return null;
  return { start: tokens[first]!.start, count, clean };
}

export interface ListElement {
  text: string;
  start: number;
  kind: DefinedTerm['kind'];
}

/** `A, B and C` or `the US Fund and the Offshore Fund`: the elements, leftmost first, or null. */
export function listWalk(tokens: Token[], known: Map<string, DefinedTerm>): ListElement[] | null {
  const out: ListElement[] = [];
  let i = tokens.length - 1;
  while (i >= 0) {
    const original = tokens[i]!;
    // A list separator comma sits on the element's last token; take it off for the walk.
    const view = out.length && original.text.endsWith(',') ? [...tokens.slice(0, i), { ...original, text: original.text.slice(0, -1) }] : tokens;
    const walk = nameWalk(view, i);
    if (!walk) break;
    const text = collapse(view.slice(walk.first, i + 1).map((t) => t.text).join(' '));
    const def = known.get(normalizeKey(text));
    if (!walk.suffixed && !def) break;
    // Elements of one list are of one kind: `the Registration Statement, the US Fund and …` is not a list of three.
    const kind = walk.suffixed ? 'party' : def!.kind;
    if (out.length && kind !== out[0]!.kind) break;
    out.unshift({ text, start: walk.start, kind });
    let j = walk.first - 1;
    if (tokens[walk.first]!.opensQuote) break;
    if (tokens[j]?.text.toLowerCase() === 'the') j -= 1;
    const sep = tokens[j];
    if (!sep) break;
    if (sep.text === 'and' || sep.text === 'or' || sep.text === '&') {
      i = j - 1;
      continue;
    }
    if (sep.text.endsWith(',')) {
      i = j;
      continue;
    }
    break;
  }
  return out.length ? out : null;
}

/** Start of `30,163 shares of` before the token at `first`, or null. */
export function quantityBefore(tokens: Token[], first: number): number | null {
  const of = tokens[first - 1];
  const noun = tokens[first - 2];
  if (of?.text !== 'of' || !noun || !QUANTITY_NOUNS.test(noun.text)) return null;
  const count = tokens[first - 3];
  return count && /^\$?[\d,.]+$/.test(count.text) ? count.start : noun.start;
}

/**
 * Where a walk stops is not always where the name starts. Three separators may sit inside a name: a comma (`Goldman,
 * Sachs & Co.`, `Friedman, Billings, Ramsey & Co., Inc.`, but also a list: `BCLP, Boston Celtics Limited Partnership
 * II`), a possessive (`Evelyn Potter Rose Survivor's Trust`, but also `the Issuer's Series A Preferred Stock`) and a
 * connector after a legal suffix (`Wilshire Oil Company of Texas`). The term decides: the name starts at the nearest
 * segment from which every word of the term is a word of the name or its initials. Returns null to keep the walk
 * (it explains the term, or there is no such separator), the start of the longer name, or undefined when the walk
 * stopped at a comma and the term tells neither way (`Alpha, Beta & Co. (the "Seller")`): the start cannot be told,
 * so no definition.
 */
export function leadByTerm(tokens: Token[], walk: Walk, term: string): number | null | undefined {
  if (tokens[walk.first]!.opensQuote) return null;
  const termWords = term.replace(/^(?:the|Mr\.|Mrs\.|Ms\.|Dr\.)\s+/i, '').split(/\s+/).filter(Boolean);
  const starts: number[] = [walk.first];
  let view = tokens;
  let byComma = false;
  for (let first = walk.first; starts.length <= 4; ) {
    const prev = view[first - 1];
    if (!prev || view[first]!.opensQuote) break;
    let outer: Walk | null = null;
    if (prev.text.endsWith(',')) {
      const word = bare(prev.text);
      if (!/^[A-Z][A-Za-z'\u2019&-]*$/.test(word) || !isNameToken(prev.text) || isSuffix(word) || ROMAN.test(word)) break;
      if (isMonthWord(word) || SENTENCE_ADVERBS.test(word)) break;
      view = [...view.slice(0, first - 1), { ...prev, text: word }, ...view.slice(first)];
      outer = nameWalk(view, first - 1);
      if (first === walk.first) byComma = true;
    } else if (/^[A-Z][A-Za-z&-]*['\u2019]s$/.test(prev.text)) {
      view = [...view.slice(0, first - 1), { ...prev, text: prev.text.replace(/['\u2019]s$/, '') }, ...view.slice(first)];
      outer = nameWalk(view, first - 1);
    } else if (CONNECTORS.has(prev.text) && view[first - 2] && isSuffix(view[first - 2]!.text) && !view[first - 2]!.text.endsWith(',')) {
      outer = nameWalk(view, first - 2);
    } else if (prev.text === 'and' && view[first - 2] && /^[A-Z][A-Za-z'\u2019&-]*$/.test(view[first - 2]!.text) && isNameToken(view[first - 2]!.text)) {
      // `WEA Musik Neue Medien and Elektronik GmbH ("WEA Musik")`: an "and" between capitalised words, the name one
      // only when the words before it explain the term (a list `Alpha Corp. and Beta LLC ("Beta")` keeps the walk).
      outer = nameWalk(view, first - 2);
    }
    if (!outer) break;
    starts.push(outer.first);
    first = outer.first;
  }
  if (starts.length === 1) return null;
  for (const [k, first] of starts.entries()) {
    if (explainsTerm(view.slice(first).map((t) => bare(t.text)), termWords)) return k === 0 ? null : view[first]!.start;
  }
  if (!byComma) return null;
  // `V10, Vieco US, Foundation Sub 1, Inc. ("Merger Sub A")`: term words only in the walk still point at the walk.
  const walkWords = view.slice(walk.first).map((t) => bare(t.text));
  const outerWords = view.slice(starts[starts.length - 1], walk.first).map((t) => bare(t.text));
  if (termWords.some((w) => explainsTerm(walkWords, [w])) && !termWords.some((w) => explainsTerm(outerWords, [w]))) return null;
  return undefined;
}

/** Is every word of the term a word of the name, a numeral, or an acronym of the name's initials (`PNF`, `GS`)? */
export function explainsTerm(nameWords: string[], termWords: string[]): boolean {
  const key = (w: string): string => w.toLowerCase().replace(/['\u2019]s$/, '').replace(/[^a-z0-9&]/g, '');
  const words = new Set(nameWords.map(key));
  const initials = nameWords
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0]!)
    .join('');
  return termWords.every((w) => {
    if (words.has(key(w))) return true;
    if (!/^[A-Z]{2,}$/.test(w)) return false;
    let at = 0;
    for (const c of initials) if (c === w[at]) at += 1;
    return at === w.length && initials[0] === w[0];
  });
}

/**
 * When no name or short noun phrase ends at the parenthesis (`in the event of a public offering … prior to December
 * 20, 2003 (the "Equity Offering")`), the meaning is the clause, from its first article, scaffolding removed. A
 * collective term after an enumeration (`(i) … and (ii) … (collectively, the "Options")`) takes the whole
 * enumeration. Returns the start offset, or null.
 */
export function clauseFallback(tokens: Token[], collective: boolean): number | null {
  let first = 0;
  for (let i = tokens.length - 2; i >= 0; i--) {
    const t = tokens[i]!.text;
    if (/[;:]$/.test(t) || (/\.$/.test(t) && !ABBREV.test(t) && !isSuffix(t) && !/^\$?[\d,]*\.\d*$/.test(t)) || /["\u201d]\)[,.]?$/.test(t)) {
      first = i + 1;
      break;
    }
    const enumerator = /^\(([ivx]+|[a-z]|[A-Z]|\d+)\)$/.exec(t);
    if (enumerator) {
      if (collective && !/^(?:i|a|A|1)$/.test(enumerator[1]!)) continue;
      first = i + 1;
      break;
    }
  }
  const scaffold = /^(?:-|\u2022|\*|whereas,?|in|on|upon|if|when|following|with|pursuant|reference|by|under|after|before|prior|and|or|the|event|of|that|respect|to|connection|is|made|case)$/i;
  let k = first;
  while (k < tokens.length && k - first < 6 && !/^(?:a|an)$/i.test(tokens[k]!.text)) {
    if (/^the$/i.test(tokens[k]!.text) && !/^event$/i.test(tokens[k + 1]?.text ?? '')) break;
    if (!scaffold.test(tokens[k]!.text)) break;
    k += 1;
  }
  if (k < tokens.length && /^(?:a|an|the)$/i.test(tokens[k]!.text)) k += 1;
  else if (k - first >= 6) k = first;
  if (k >= tokens.length) return null;
  if (/^(?:since|until|from|to|for|by|at|in|on|during|after|before|prior|within|as|through|of|with|under|per)$/i.test(tokens[k]!.text)) return null;
  return tokens[k]!.start;
}
