/**
 * What a definition names. Reads the quoted terms of a defining parenthesis, strips the post-modifiers before it,
 * and takes the noun phrase that ends there: a document naming itself, a list for a collective or plural term, a
 * proper name, a short noun phrase, or the clause. Also the subject of a `… are referred to as "Term"` definition.
 * Does not handle: finding the parentheses and `"X" means` clauses of a text, or looking terms up (index.ts).
 * Never guesses: a phrase whose start cannot be told gives no meaning, and the term stays undefined.
 */
import { collapse, normalizeKey, type DefinedTerm } from './defined-term.js';
import { bare, clauseFallback, explainsTerm, isNameToken, isSuffix, leadByTerm, listWalk, lowerWalk, nameWalk, quantityBefore, tokenize } from './noun-phrase.js';
import { isPersonName, isPluralTerm, kindOfPhrase } from './phrase-kind.js';
import { endingOf, POST_MODIFIERS } from './post-modifiers.js';
import { COLLECTIVE_WORDS, PAREN_WORDS, QUOTE_CLOSE, QUOTE_OPEN, QUOTED } from './vocabulary.js';
import { matchesOf } from '../../matches.js';

/**
 * `"667" and, together with Life Sciences, the "Funds"` (also `the "Fund," and together with …`): a term, then a group
 * term of it and the parties listed.
 */
export const TOGETHER_WITH = new RegExp(
  `^\\s*(?:the\\s+)?[${QUOTE_OPEN}]([^${QUOTE_OPEN}()]{1,60}?)[${QUOTE_CLOSE}]\\s*,?\\s*and\\s*,?\\s*(?:together|collectively)\\s+with\\s+([^${QUOTE_OPEN}()]{1,120}?)\\s*,\\s*(?:the\\s+)?[${QUOTE_OPEN}]([^${QUOTE_OPEN}()]{1,60}?)[${QUOTE_CLOSE}]\\s*$`,
);

/** The quoted terms of a parenthesis if it is a definition (`the "Company" or "Hudson"`), else null. */
export function termsInParen(content: string): { terms: string[]; collective: boolean; distributive: boolean } | null {
  const terms: string[] = [];
  let rest = '';
  let last = 0;
  for (const q of matchesOf(QUOTED, content)) {
    terms.push(collapse(q[1]!));
    rest += ` ${content.slice(last, q.index)} `;
    last = q.index + q[0].length;
  }
  if (!terms.length) return null;
  rest += ` ${content.slice(last)}`;
  const words = rest.replace(/[,;:]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length > 10) return null;
  for (const w of words) if (!PAREN_WORDS.has(w.toLowerCase())) return null;
  // A numeral is a term only as the short name of a fund named by it (`667, L.P. ("667")`); PartyIndex checks that.
  if (terms.some((t) => (!/[A-Za-z]/.test(t) && !/^\d{1,5}$/.test(t)) || /^\s|\s$/.test(t))) return null;
  return { terms, collective: COLLECTIVE_WORDS.test(rest), distributive: /\beach\b/i.test(rest) };
}

export interface Meaning {
  meaning: string;
  kind: DefinedTerm['kind'];
  start: number;
  members?: string[];
}

/** `are referred to collectively as the "Term"`, `is hereinafter called "Term"`: a definition whose subject comes first. */
export const REFERRED_AS =
  /\b(?:are|is|shall\s+be|will\s+be|may\s+be)\s+(?:(?:hereinafter|herein|sometimes|also)\s+)*(?:referred\s+to|called|known)\s+(?:(?:herein|hereinafter|collectively|together|jointly|individually)\s*,?\s+)*as\s+(?:the\s+)?[\u201c"]([^"\u201c\u201d()]{1,80})[\u201d"]/g;

/**
 * The subject of a `… are referred to as "Term"` definition: the parties or earlier terms between the clause's start
 * (an opening parenthesis, a semicolon or colon, a sentence end) and the verb. Only a list that fills the whole
 * subject counts, and only of parties; anything else (`In this statement, Alpha LLC …`) leaves the term undefined.
 */
export function referredSubject(text: string, verbAt: number, known: Map<string, DefinedTerm>): Meaning | null {
  const from = Math.max(0, verbAt - 400);
  const before = text.slice(from, verbAt);
  const boundary = /.*(?:[(;:]|[^A-Z.]\.\s)/s.exec(before);
  const tokens = tokenize(text, from + (boundary ? boundary[0].length : 0), verbAt);
  const list = listWalk(tokens, known);
  // Parties only: a list of documents or events says too little about what the term stands for.
  if (!list || list[0]!.kind !== 'party') return null;
  const lead = tokens.filter((t) => t.start < list[0]!.start).map((t) => t.text.toLowerCase());
  if (lead.some((w) => w !== 'the')) return null;
  const members = list.map((e) => resolveKnown(e.text, known));
  return { meaning: joinList(members), kind: list[0]!.kind, start: list[0]!.start, ...(members.length >= 2 ? { members } : {}) };
}

/** The noun phrase that ends just before the parenthesis at `parenStart`. */
export function meaningBefore(text: string, parenStart: number, terms: string[], collective: boolean, distributive: boolean, known: Map<string, DefinedTerm>): Meaning | null {
  const windowStart = Math.max(0, parenStart - 600);
  let end = parenStart;
  while (end > windowStart && /[\s,]/.test(text[end - 1]!)) end -= 1;
  let coreEnd = end;
  let appositive = false;
  const dropped: [number, number][] = [];
  const words = new WindowWords(text, windowStart, end);
  for (let guard = 0; guard < 8; guard++) {
    const slice = text.slice(windowStart, coreEnd);
    // The first modifier (in order) ending the slice; later ones are not run (each scans the whole slice).
    let pm: { p: (typeof POST_MODIFIERS)[number]; m: RegExpExecArray } | undefined;
    const ending = endingOf(slice);
    for (const p of POST_MODIFIERS) {
      if (p.endsLike && !p.endsLike.test(ending)) continue;
      if (!p.needs.some((w) => words.within(w, slice.length))) continue;
      const m = p.re.exec(slice);
      if (m && m.index > 0) {
        pm = { p, m };
        break;
      }
    }
    if (!pm) break;
    const at = windowStart + pm.m.index;
    if (!pm.p.keep) dropped.push([at, coreEnd]);
    if (pm.p.party) appositive = true;
    coreEnd = at;
  }
  const meaningOf = (start: number): string => {
    let out = '';
    let at = start;
    for (const [s0, e0] of [...dropped].sort((x, y) => x[0] - y[0])) {
      if (s0 < at) continue;
      out += text.slice(at, s0);
      at = e0;
    }
    return collapse(out + text.slice(at, end)).replace(/,$/, '');
  };
  const tokens = tokenize(text, windowStart, coreEnd);
  if (!tokens.length) return null;
  const termText = terms[0]!;
  const isKnown = (phrase: string): boolean => known.has(normalizeKey(phrase));

  // Self-naming: `an Agreement, Waiver and Consent (the "Agreement, Waiver and Consent")`.
  const core = text.slice(windowStart, coreEnd);
  const beforeTerm = core.slice(0, core.length - termText.length);
  const wordBefore = lastWord(beforeTerm);
  if (core.toLowerCase().endsWith(termText.toLowerCase()) && /(?:^|\s)$/.test(beforeTerm) && !isNameToken(wordBefore) && !/^\d/.test(wordBefore)) {
    const start = coreEnd - termText.length;
    const meaning = meaningOf(start);
    return { meaning, kind: kindOfPhrase(meaning, termText, false), start };
  }

  // `(each, an "Additional Issuance")`: distributive over a whole clause, never just the nearest noun.
  if (distributive) {
    const at = clauseFallback(tokens, false);
    const meaning = at === null ? '' : meaningOf(at);
    return meaning && meaning.length <= 240 ? { meaning, kind: kindOfPhrase(meaning, termText, false), start: at! } : null;
  }

  if (collective || isPluralTerm(termText)) {
    const list = listWalk(tokens, known);
    // `Motient and Apollo Overseas Partners IV, L.P. ("Apollo Overseas")`: a term made of the last name's own words
    // names that name, however plural it looks.
    const own = !collective && list && explainsTerm(list[list.length - 1]!.text.split(/\s+/).map(bare), termText.split(/\s+/));
    if (list && list.length >= 2 && !own) {
      const members = list.map((e) => resolveKnown(e.text, known));
      const start = list[0]!.start;
      return { meaning: joinList(members), kind: list[0]!.kind, start, members };
    }
  }

  // A document naming itself: `This Agreement, Waiver and Consent (the "Agreement")`, `THIS AMENDMENT TO LOAN AND
  // SECURITY AGREEMENT (this "Amendment")`.
  const title = /(?:^|[\s"\u201c])(?:This|THIS)\s+((?:[A-Z][\w'\u2019-]*,?\s+(?:(?:and|AND|to|TO|of|OF|&)\s+)?){0,12}[A-Z][\w'\u2019-]*)\s*$/.exec(core);
  if (title && !isSuffix(title[1]!.split(/\s+/).pop() ?? '')) {
    const start = windowStart + title.index + title[0].lastIndexOf(title[1]!);
    return { meaning: meaningOf(start), kind: 'other', start };
  }

  const walk = nameWalk(tokens, tokens.length - 1);
  if (walk) {
    // `Goldman, Sachs & Co.`, `Survivor's Trust`, `Company of Texas`: the name may go on before the walk's stop.
    const lead = leadByTerm(tokens, walk, termText);
    if (lead === undefined) return null;
    if (lead !== null) {
      const meaning = meaningOf(lead);
      const person = isPersonName(tokens.filter((t) => t.start >= lead), termText);
      return { meaning, kind: walk.suffixed || appositive ? 'party' : kindOfPhrase(meaning, termText, person), start: lead };
    }
    const phrase = collapse(text.slice(walk.start, coreEnd));
    const quantity = quantityBefore(tokens, walk.first);
    if (isKnown(phrase)) {
      // `104,095 shares of Series A Preferred Stock ("US Fund Preferred Stock")`: a holding of a defined class.
      if (quantity !== null) {
        const meaning = meaningOf(quantity);
        return { meaning, kind: 'instrument', start: quantity };
      }
      // `the Purchase Agreements, as amended to date (the "Amended Purchase Agreements")`: a modified known term.
      if (coreEnd < end && !dropped.some(([s0]) => s0 === coreEnd) && known.get(normalizeKey(phrase))!.kind !== 'party') {
        return { meaning: meaningOf(walk.start), kind: known.get(normalizeKey(phrase))!.kind, start: walk.start };
      }
    } else {
      // `registration statement on Form SB-2/A`: a proper noun after `on`/`of` that is not a party completes a
      // lower-case head noun before it.
      let start = walk.start;
      if (!walk.suffixed && !appositive && walk.first > 1 && quantity === null) {
        const prep = tokens[walk.first - 1]!;
        if (/^(?:on|of)$/.test(prep.text) && /^[a-z]/.test(tokens[walk.first - 2]!.text)) {
          const head = lowerWalk(tokens, walk.first - 2, 4);
          if (head && head.clean) start = head.start;
        }
      }
      const meaning = meaningOf(start);
      const person = isPersonName(tokens.slice(walk.first), termText);
      const kind = appositive || (walk.suffixed && kindOfPhrase(meaning, termText, false) !== 'other') ? 'party' : kindOfPhrase(meaning, termText, person);
      return { meaning, kind, start };
    }
  }

  const lower = lowerWalk(tokens, tokens.length - 1, 8);
  if (lower && lower.clean && /[a-z]/i.test(tokens[tokens.length - 1]!.text)) {
    const phrase = collapse(text.slice(lower.start, coreEnd));
    if (!isKnown(phrase) && !/^[$\d]/.test(phrase)) {
      const meaning = meaningOf(lower.start);
      return { meaning, kind: kindOfPhrase(meaning, termText, false), start: lower.start };
    }
  }

  const fallback = clauseFallback(tokens, collective);
  if (fallback === null) return null;
  const meaning = meaningOf(fallback);
  // A clause with a finite verb or a relative pronoun is a statement, not a name: leave the term undefined.
  if (!meaning || meaning.length > 240 || !/[A-Za-z]/.test(meaning) || /\b(?:that|which|who|is|are|was|were|may|shall|will|has|have|had)\b/.test(meaning)) return null;
  const alias = known.get(normalizeKey(meaning));
  if (alias) return { meaning: alias.meaning, kind: alias.kind, start: fallback, ...(alias.members ? { members: alias.members } : {}) };
  return { meaning, kind: kindOfPhrase(meaning, termText, false), start: fallback };
}

/**
 * Whether a lower-case word occurs in the lower-cased text from `from` up to some end before `to`: what
 * `text.slice(from, end).toLowerCase().includes(word)` says, from one lower-casing and one search per word for all the
 * ends meaningBefore tries (up to eight per parenthesis, each a 600-character window).
 */
class WindowWords {
  readonly #lower: string;
  /** False when lower-casing changed the length (`İ` → `i̇`): offsets differ, and each end is lower-cased anew. */
  readonly #sameOffsets: boolean;
  readonly #firstAt = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly from: number,
    to: number,
  ) {
    this.#lower = text.slice(from, to).toLowerCase();
    this.#sameOffsets = this.#lower.length === to - from;
  }

  /** Whether `word` (lower-case ASCII) occurs within the first `length` characters. */
  within(word: string, length: number): boolean {
    if (!this.#sameOffsets) return this.text.slice(this.from, this.from + length).toLowerCase().includes(word);
    let at = this.#firstAt.get(word);
    if (at === undefined) this.#firstAt.set(word, (at = this.#lower.indexOf(word)));
    return at >= 0 && at + word.length <= length;
  }
}

/**
 * The last run of non-blanks in `s` ('' when none): what `/(\S+)\s*$/` captures, without that regex's retries at
 * every word of a 600-character window (it showed in profiles).
 */
function lastWord(s: string): string {
  const t = s.trimEnd();
  let i = t.length;
  while (i > 0 && !/\s/.test(t[i - 1]!)) i -= 1;
  return t.slice(i);
}

export function resolveKnown(phrase: string, known: Map<string, DefinedTerm>): string {
  return known.get(normalizeKey(phrase))?.meaning ?? phrase;
}

export function joinList(items: string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
