/**
 * Defined terms of legal prose: `Fleming US Discovery Fund III, L.P. ("US Fund")`, `the Issuer's 10% Convertible
 * Notes due 12/20/04 (the "Convertible Notes")`, `the US Fund and the Offshore Fund (collectively, the "Fleming
 * Funds")`, `payable to … (the "Payee") by Hudson Technologies, Inc. (the "Maker")`, `"Affiliate" means …`.
 * A term maps to the noun phrase it names: a party's full legal name, an instrument ("10% Convertible Notes due
 * 12/20/04"), or anything else (a transaction, a document).
 *
 * Handles: parenthesised definitions with `the`/`this`/`an`/`collectively,`/`hereinafter referred to as` and
 * several alternative terms (`(the "Company" or "Hudson")`); an appositive between the name and the parenthesis
 * (`Hudson Technologies, Inc., a New York corporation (the "Issuer")`); names with commas, initials, `&`,
 * parenthesised words and connectors (`Fleming (Bermuda) Discovery III Limited`, `J.P. Morgan Chase & Co.`,
 * `Bank of America, N.A.`); instrument post-modifiers (`due …`, `in the principal amount of $…`, `, par value …`,
 * `dated as of …`); lists of parties or earlier terms for a plural or collective term (members resolved), also when
 * the list comes first (`X, Y and Z are referred to collectively as the "Funds"`); jurisdiction appositives (`, a
 * limited liability company organized under the laws of the State of Delaware`); commas, possessives and connectors
 * inside a name when the term names the words before them (`Goldman, Sachs & Co. ("Goldman Sachs")`); page breaks
 * between a name and its parenthesis; straight and curly quotes; line breaks anywhere.
 * Does not handle: terms defined by reference to another document (`as defined in the Registration Statement`) —
 * merge the other document's terms instead — nor definitions without quotation marks.
 *
 * Never guesses: a parenthesis whose noun phrase cannot be delimited (`Alpha, Beta & Co. (the "Seller")`: one name or
 * two?) is not recorded as a definition.
 * Spans are offsets into the text given to `fromText`: from the start of the meaning to the closing parenthesis, or
 * for a `"Term" means …` definition from the quoted term to the end of its clause.
 */
import type { Span } from '../parse/types.js';
import { isEntitySuffix } from './lexicon/index.js';

export interface DefinedTerm {
  /** The term as written between the quotation marks (`US Fund`). */
  term: string;
  /** The noun phrase it names, white space collapsed (`Fleming US Discovery Fund III, L.P.`). */
  meaning: string;
  kind: 'party' | 'instrument' | 'other';
  documentSequence: number | null;
  /** From the start of the meaning to the end of the defining parenthesis (`"X" means …`: the term to the clause's end). */
  span: { start: number; end: number };
  /** For a collective term (`Fleming Funds`, `Parties`): each member's full name, in order. */
  members?: string[];
}

const QUOTE_OPEN = '"\u201c\u201d\u2033';
const QUOTE_CLOSE = '"\u201d\u201c\u2033';
const QUOTED = new RegExp(`[${QUOTE_OPEN}]([^${QUOTE_OPEN}()]{1,100}?)[${QUOTE_CLOSE}]`, 'g');
/** Words allowed around the quoted terms inside a defining parenthesis. */
const PAREN_WORDS = new Set([
  'the', 'this', 'that', 'a', 'an', 'each', 'collectively', 'together', 'jointly', 'individually', 'severally',
  'hereinafter', 'herein', 'hereafter', 'referred', 'to', 'as', 'called', 'so', 'amended', 'at', 'such', 'time',
  'and', 'or', 'with', 'any', 'all', 'of', 'them', 'being', 'its', 'their', 'respectively', 'also', 'known',
  'sometimes', 'including', 'successors', 'assigns', 'together,', 'in', 'one', 'case', 'and/or',
]);
const COLLECTIVE_WORDS = /\b(?:collectively|together|jointly)\b/i;

const ROMAN = /^(?:[IVX]{1,5})$/;
/** Abbreviations and initials that may end in a period inside a name. */
const ABBREV = /^(?:(?:[A-Z]\.)+|(?:Inc|Co|Corp|Ltd|Jr|Sr|No|St|Mr|Mrs|Ms|Dr|Bros|Cos|Pty|Mt|Ft|Intl|Assn|Natl|Mfg|Svcs|Hldgs)\.)$/;
const CONNECTORS = new Set(['of', 'for', 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'del', 'y', 'et']);
/** Capitalised words that introduce a name rather than belong to it. */
const CAP_STOPS = new Set([
  'the', 'an', 'on', 'in', 'by', 'to', 'from', 'with', 'for', 'of', 'as', 'at', 'and', 'or', 'between', 'among',
  'each', 'this', 'that', 'these', 'those', 'whereas', 'reference', 're', 're:', 'dear', 'effective', 'dated',
  'pursuant', 'under', 'upon', 'if', 'when', 'such', 'its', 'their', 'his', 'her', 'any', 'all', 'exhibit', 'item',
  'note:', 'see', 'now', 'therefore', 'witnesseth', 'whose', 'which', 'who', 'is', 'are', 'was', 'were', 'has', 'have',
  'thus', 'because', 'although', 'except', 'including', 'than', 'into', 'via', 'attention:', 'subject', 'between:',
]);
const MONTH_WORDS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?$/i;
/** Lower-case words a noun phrase never contains (articles, prepositions, verbs of linking, conjunctions). */
const LOWER_STOPS = new Set([
  'the', 'a', 'an', 'of', 'to', 'by', 'in', 'for', 'with', 'on', 'at', 'from', 'into', 'onto', 'upon', 'under', 'over',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'shall', 'may', 'might', 'would',
  'could', 'should', 'must', 'can', 'and', 'or', 'nor', 'but', 'that', 'which', 'who', 'whom', 'whose', 'its',
  'their', 'his', 'her', 'such', 'certain', 'any', 'all', 'each', 'this', 'these', 'those', 'as', 'than', 'not',
  'if', 'prior', 'after', 'before', 'between', 'among', 'pursuant', 'hereby', 'herein', 'hereto', 'thereto',
  'purchased', 'issued', 'sold', 'acquired', 'entered', 'made', 'filed', 'executed', 'held', 'owned', 'received',
  'bought', 'exchanged', 'granted', 'payable', 'about', 'approximately', 'our', 'your', 'my', 'every', 'no',
  'against', 'through', 'during', 'without', 'within', 'via', 'per', 'other', 'respectively', 'thereof', 'hereof',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'such', 'certain', 'this', 'these', 'those', 'our', 'your', 'any', 'all', 'each']);
const ROLE_WORDS =
  /^(?:company|issuer|maker|payee|payor|holders?|purchasers?|sellers?|buyers?|borrowers?|lenders?|investors?|guarantors?|trustee|agent|parent|employer|employee|executive|consultant|landlord|tenant|grantor|grantee|licensor|licensee|obligor|obligee|assignor|assignee|parties|party|reporting persons?|funds?|partnership|corporation|bank|stockholders?|shareholders?|subscribers?|optionee|participant|manager|sponsor|adviser|advisor|underwriters?|subsidiary|affiliates?)$/i;
const INSTRUMENT_HEAD =
  /^(?:notes?|debentures?|bonds?|warrants?|stock|shares?|securities|security|options?|units?|rights|preferred|debt|loans?|certificates of deposit|obligations|interests|debentures|paper|ADSs?|ADRs?)$/i;

/** Head nouns of documents and plans: `Certificate of Determination … of Apple Computer, Inc.` is not a party. */
const DOCUMENT_HEADS =
  /^(?:certificates?|agreements?|plans?|articles|bylaws|by-laws|statements?|designations?|determination|amendments?|indenture|notices?|letters?|schedules?|exhibits?|policy|program|programme|charter|resolutions?|awards?|award|memorandum|prospectus|supplement|deed|lease|guaranty|guarantee|contract|instrument)$/i;
const DATE_TEXT = String.raw`(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4})`;
const DATES_TEXT = String.raw`${DATE_TEXT}(?:,?\s+(?:and|or)\s+${DATE_TEXT})*`;
/**
 * Phrases that may follow a name before its defining parenthesis: stripped before the name is delimited. `keep`:
 * whether they stay in the meaning (an instrument's maturity does; an appositive or a `subject to` clause does not).
 */
/**
 * `organized under the laws of the State of Delaware`, `incorporated in the Province of British Columbia, Canada`,
 * `regulated by the Guernsey Financial Services Commission`: capitalised place (or regulator) words.
 */
const PLACE_WORD = String.raw`(?:[A-Z][\w.'\u2019-]*|of|the|province|state|commonwealth|republic|kingdom|territory)`;
const JURISDICTION = String.raw`(?:(?:regulated|authori[sz]ed|licensed|supervised)\s+by\s+the\s+${PLACE_WORD}(?:\s+${PLACE_WORD}){0,8}|(?:duly\s+)?(?:organized|organised|incorporated|formed|existing|established|registered|constituted)(?:\s+and\s+existing)?\s+(?:under\s+the\s+laws\s+of|in)\s+${PLACE_WORD}(?:,?\s+${PLACE_WORD}){0,10})(?:\s+(?:that|which)\s+[^,()"\u201c\u201d]{1,100})?`;
/** A page break between a name and its parenthesis: `<PAGE>` and page-number lines (`4 of 9`, `Page 4`, `- 4 -`). */
const PAGE_LINE = String.raw`(?:<PAGE>|(?:Page[ \t]+)?\d{1,3}[ \t]+of[ \t]+\d{1,3}|Page[ \t]+\d{1,3}|-[ \t]*\d{1,3}[ \t]*-)`;
/**
 * `needs`: words one of which the lower-cased text must contain for `re` to match. meaningBefore tries every modifier on
 * a 600-character window up to eight times per parenthesis, and an end-anchored regex is tried at every position of
 * the window, so a cheap `includes` first skips most of them. Each list must hold for every way `re` can match.
 */
const POST_MODIFIERS: { re: RegExp; keep: boolean; party?: boolean; needs: string[] }[] = [
  // Each line is blanks, or blanks and one furniture item: no two ways to read the same blanks (no backtracking).
  { re: new RegExp(String.raw`\n(?:[ \t]*(?:${PAGE_LINE}[ \t]*)?\n)*[ \t]*${PAGE_LINE}$`), keep: false, needs: ['\n'] },
  {
    // The jurisdiction clause is matched word by word (`… of Delaware, and Bar Corp.` is not one) so that a
    // following name is never swallowed.
    re: new RegExp(
      String.raw`,?\s+(?:a|an)\s+(?:[A-Za-z.'\u2019-]+\s+){0,5}?(?:corporation|limited partnership|general partnership|partnership|limited liability company|company|business trust|statutory trust|trust|bank|banking association|banking corporation|association|exempted company|company limited by shares|societe anonyme|limited)(?:\s+${JURISDICTION})?\s*,?\s*$`,
      'i',
    ),
    keep: false,
    party: true,
    needs: ['corporation', 'partnership', 'company', 'trust', 'bank', 'association', 'societe anonyme', 'limited'],
  },
  {
    // An appositive saying what a named party does: `Carl Marks Management Company, L.P., a registered investment
    // adviser ("CMMC")`. Lower-case words ending in an agent noun; the name before it is the meaning.
    re: /,\s+(?:a|an)\s+(?:[a-z][a-z-]*\s+){0,4}?(?:adviser|advisor|manager|broker-dealer|broker|dealer|holding company|investment company|general partner)\s*,?\s*$/,
    keep: false,
    party: true,
    needs: ['adviser', 'advisor', 'manager', 'broker', 'dealer', 'holding company', 'investment company', 'general partner'],
  },
  { re: /,\s+subject to [^,()"\u201c\u201d]{1,80}$/i, keep: false, needs: ['subject to'] },
  { re: /,?\s+(?:with|having) (?:its )?(?:principal|registered) (?:executive )?(?:offices?|place of business) (?:located )?(?:at|in) [^()"\u201c\u201d]{1,160}$/i, keep: false, needs: ['principal', 'registered'] },
  { re: /,?\s+in\s+the\s+(?:aggregate\s+|original\s+)?principal\s+amount\s+of\s+\$\s?[\d,]*\.?\d+(?:\s+(?:million|billion))?\s*,?\s*$/i, keep: true, needs: ['principal'] },
  { re: new RegExp(String.raw`,?\s+due\s+(?:on\s+)?${DATE_TEXT}\s*,?\s*$`), keep: true, needs: ['due'] },
  { re: new RegExp(String.raw`,?\s+dated\s+(?:as\s+of\s+)?${DATES_TEXT}\s*,?\s*$`), keep: true, needs: ['dated'] },
  { re: /,\s+respectively\s*,?\s*$/i, keep: true, needs: ['respectively'] },
  { re: new RegExp(String.raw`,?\s+(?:each\s+)?as (?:so )?amended(?:\s+and restated)?(?:\s+(?:effective\s+)?(?:as of|through)\s+${DATE_TEXT}|\s+to date|\s+from time to time)?\s*,?\s*$`, 'i'), keep: true, needs: ['amended'] },
  { re: /\s+(?:substantially\s+)?in accordance with the terms (?:set forth|described) (?:on|in) (?:Exhibit|Schedule|Annex|Appendix) [\w.-]+(?:\s+(?:attached\s+)?hereto)?\s*,?\s*$/i, keep: true, needs: ['in accordance with the terms'] },
  { re: /,?\s+(?:\$\s?[\d.]+|\d+ cents?|no)\s+par value(?: per share)?\s*,?\s*$/i, keep: true, needs: ['par value'] },
  { re: /,?\s+(?:which|that) (?:is|are|will be|shall be|was|were|may be) (?:not )?[^,()"\u201c\u201d]{1,80}$/, keep: true, needs: ['which', 'that'] },
  { re: /\s*\([^()"\u201c\u201d]{1,200}\)\s*,?\s*$/, keep: false, needs: [')'] },
  { re: /,?\s+par value \$\s?[\d.]+(?: per share)?\s*,?\s*$/i, keep: true, needs: ['par value'] },
];
/** Verbs that take a noun phrase as object: a short phrase after one of them is complete. */
const OBJECT_VERBS = new Set([
  'issue', 'issues', 'issued', 'issuing', 'sell', 'sells', 'sold', 'purchase', 'purchases', 'purchasing', 'acquire',
  'acquires', 'acquired', 'hold', 'holds', 'receive', 'receives', 'grant', 'grants', 'deliver', 'delivers', 'pay',
  'buy', 'buys', 'own', 'owns', 'exchanged', 'bought', 'granted', 'received', 'held', 'owned', 'delivered', 'entered',
  'execute', 'executed', 'obtain', 'obtained', 'borrow', 'borrowed', 'lend', 'loaned', 'make', 'made', 'offer', 'offers',
  'offered', 'engage', 'engaged', 'establish', 'established', 'adopt', 'adopted', 'file', 'filed',
]);
const QUANTITY_NOUNS = /^(?:shares|share|units|unit|interests|amount|number|warrants|options)$/i;

export class DefinedTerms {
  private readonly terms: DefinedTerm[];
  private readonly index = new Map<string, DefinedTerm>();

  private constructor(terms: DefinedTerm[]) {
    this.terms = terms;
    for (const t of terms) {
      const key = normalizeKey(t.term);
      if (!this.index.has(key)) this.index.set(key, t);
    }
  }

  /** Every definition in `text`, in order of appearance. */
  static fromText(text: string, documentSequence: number | null = null): DefinedTerms {
    const found: DefinedTerm[] = [];
    const known = new Map<string, DefinedTerm>();
    const add = (t: DefinedTerm): void => {
      found.push(t);
      const key = normalizeKey(t.term);
      if (!known.has(key)) known.set(key, t);
    };
    const events: { at: number; run: () => void }[] = [];
    for (const paren of text.matchAll(/\(([^()]{1,220})\)/g)) {
      const start = paren.index;
      const end = start + paren[0].length;
      // `667, L.P. ("667" and, together with Life Sciences, the "Funds")`: the first term names the party before
      // the parenthesis; the second the group of that party and the ones listed.
      const joint = TOGETHER_WITH.exec(paren[1]!);
      if (joint) {
        events.push({
          at: start,
          run: () => {
            const def = meaningBefore(text, start, [collapse(joint[1]!).replace(/[,;]$/, '')], false, false, known);
            if (!def) return;
            // `("Life Sciences," and together with 667, the "Funds")`: the comma inside the quotes is no part of the term.
            add({ term: collapse(joint[1]!).replace(/[,;]$/, ''), meaning: def.meaning, kind: def.kind, documentSequence, span: { start: def.start, end } });
            const others = collapse(joint[2]!).split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((x) => resolveKnown(x.replace(/^the\s+/i, ''), known));
            const members = [def.meaning, ...others];
            add({ term: collapse(joint[3]!), meaning: joinList(members), kind: def.kind, documentSequence, span: { start: def.start, end }, members });
          },
        });
        continue;
      }
      const terms = termsInParen(paren[1]!);
      if (!terms) continue;
      events.push({
        at: start,
        run: () => {
          const def = meaningBefore(text, start, terms.terms, terms.collective, terms.distributive, known);
          if (!def) return;
          for (const term of terms.terms) {
            add({ term, meaning: def.meaning, kind: def.kind, documentSequence, span: { start: def.start, end }, ...(def.members ? { members: def.members } : {}) });
          }
        },
      });
    }
    for (const m of text.matchAll(/[“"]([^"“”()]{1,80})[”"]\s+(?:shall\s+)?means?\s+/g)) {
      const start = m.index;
      events.push({
        at: start,
        run: () => {
          const rest = text.slice(start + m[0].length, start + m[0].length + 400);
          const stop = /;|(?<!\b(?:[A-Z]|Inc|Co|Corp|Ltd|No|Nos|Sec|Mr|Mrs|Ms|Dr|St|Jr|Sr|U\.S|L\.P|N\.A))\.(?=\s+[^a-z]|\s*$)|\s[“"][^"“”]{1,80}[”"]\s+(?:shall\s+)?means?\s/.exec(rest);
          const body = collapse(rest.slice(0, stop ? stop.index : rest.length));
          if (!body || body.length > 300) return;
          add({ term: collapse(m[1]!), meaning: body, kind: kindOfPhrase(body, m[1]!, false), documentSequence, span: { start, end: start + m[0].length + (stop ? stop.index : rest.length) } });
        },
      });
    }
    // `(Apollo Fund IV, Apollo Overseas and AIF IV are referred to collectively as the "Rare Medium Stockholders")`.
    for (const m of text.matchAll(REFERRED_AS)) {
      const at = m.index;
      events.push({
        at,
        run: () => {
          const def = referredSubject(text, at, known);
          if (!def) return;
          const close = /^\s*\)/.exec(text.slice(at + m[0].length));
          const end = at + m[0].length + (close ? close[0].length : 0);
          // `as the "Reporting Entities."`: the sentence's period inside the quotation marks is no part of the term.
          add({ term: collapse(m[1]!).replace(/[.,;:]$/, ''), meaning: def.meaning, kind: def.kind, documentSequence, span: { start: def.start, end }, ...(def.members ? { members: def.members } : {}) });
        },
      });
    }
    events.sort((a, b) => a.at - b.at);
    for (const e of events) e.run();
    return new DefinedTerms(found);
  }

  /** Both sets; for a term defined in both, this set's definition wins (a document's own terms over a filing's). */
  merge(other: DefinedTerms): DefinedTerms {
    return new DefinedTerms([...this.terms, ...other.terms]);
  }

  /** The definition of `term` (exact, then case-insensitive; a leading "the" is ignored), or null. */
  lookup(term: string): DefinedTerm | null {
    const key = normalizeKey(term);
    return this.index.get(key) ?? this.index.get(normalizeKey(key.replace(/^the\s+/i, ''))) ?? null;
  }

  /** The full meaning when `phrase` is a defined term (or "the" + one), else `phrase` unchanged. */
  resolve(phrase: string): string {
    const def = this.lookup(phrase.trim().replace(/[,;:.]+$/, ''));
    return def ? def.meaning : phrase;
  }

  all(): DefinedTerm[] {
    return [...this.terms];
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

/** Key for lookup: quotes straightened, white space collapsed, case folded. */
function normalizeKey(term: string): string {
  return collapse(term.replace(/[\u2018\u2019]/g, "'")).toLowerCase();
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** `"667" and, together with Life Sciences, the "Funds"`: a term, then a group term of it and the parties listed. */
const TOGETHER_WITH = new RegExp(
  `^\\s*[${QUOTE_OPEN}]([^${QUOTE_OPEN}()]{1,60}?)[${QUOTE_CLOSE}]\\s*,?\\s*and\\s*,?\\s*(?:together|collectively)\\s+with\\s+([^${QUOTE_OPEN}()]{1,120}?)\\s*,\\s*(?:the\\s+)?[${QUOTE_OPEN}]([^${QUOTE_OPEN}()]{1,60}?)[${QUOTE_CLOSE}]\\s*$`,
);

/** The quoted terms of a parenthesis if it is a definition (`the "Company" or "Hudson"`), else null. */
function termsInParen(content: string): { terms: string[]; collective: boolean; distributive: boolean } | null {
  const terms: string[] = [];
  let rest = '';
  let last = 0;
  for (const q of content.matchAll(QUOTED)) {
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

interface Meaning {
  meaning: string;
  kind: DefinedTerm['kind'];
  start: number;
  members?: string[];
}

/** `are referred to collectively as the "Term"`, `is hereinafter called "Term"`: a definition whose subject comes first. */
const REFERRED_AS =
  /\b(?:are|is|shall\s+be|will\s+be|may\s+be)\s+(?:(?:hereinafter|herein|sometimes|also)\s+)*(?:referred\s+to|called|known)\s+(?:(?:herein|hereinafter|collectively|together|jointly|individually)\s*,?\s+)*as\s+(?:the\s+)?[\u201c"]([^"\u201c\u201d()]{1,80})[\u201d"]/g;

/**
 * The subject of a `… are referred to as "Term"` definition: the parties or earlier terms between the clause's start
 * (an opening parenthesis, a semicolon or colon, a sentence end) and the verb. Only a list that fills the whole
 * subject counts, and only of parties; anything else (`In this statement, Alpha LLC …`) leaves the term undefined.
 */
function referredSubject(text: string, verbAt: number, known: Map<string, DefinedTerm>): Meaning | null {
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
function meaningBefore(text: string, parenStart: number, terms: string[], collective: boolean, distributive: boolean, known: Map<string, DefinedTerm>): Meaning | null {
  const windowStart = Math.max(0, parenStart - 600);
  let end = parenStart;
  while (end > windowStart && /[\s,]/.test(text[end - 1]!)) end -= 1;
  let coreEnd = end;
  let appositive = false;
  const dropped: [number, number][] = [];
  for (let guard = 0; guard < 8; guard++) {
    const slice = text.slice(windowStart, coreEnd);
    // The first modifier (in order) ending the slice; later ones are not run (each scans the whole slice).
    let pm: { p: (typeof POST_MODIFIERS)[number]; m: RegExpExecArray } | undefined;
    const lower = slice.toLowerCase();
    for (const p of POST_MODIFIERS) {
      if (!p.needs.some((w) => lower.includes(w))) continue;
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

/** Capitalised words that open a sentence or clause before a comma and never begin a name. */
const SENTENCE_ADVERBS =
  /^(?:furthermore|moreover|additionally|accordingly|also|finally|thereafter|subsequently|consequently|however|similarly|specifically|previously|currently|together|instead|meanwhile|then|today|recently|separately|likewise|hence|therefore|thus|nevertheless|further|first|second|third|lastly|namely|notably|collectively|individually)$/i;

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
function leadByTerm(tokens: Token[], walk: Walk, term: string): number | null | undefined {
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
      if (MONTH_WORDS.test(word) || SENTENCE_ADVERBS.test(word)) break;
      view = [...view.slice(0, first - 1), { ...prev, text: word }, ...view.slice(first)];
      outer = nameWalk(view, first - 1);
      if (first === walk.first) byComma = true;
    } else if (/^[A-Z][A-Za-z&-]*['\u2019]s$/.test(prev.text)) {
      view = [...view.slice(0, first - 1), { ...prev, text: prev.text.replace(/['\u2019]s$/, '') }, ...view.slice(first)];
      outer = nameWalk(view, first - 1);
    } else if (CONNECTORS.has(prev.text) && view[first - 2] && isSuffix(view[first - 2]!.text) && !view[first - 2]!.text.endsWith(',')) {
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
function explainsTerm(nameWords: string[], termWords: string[]): boolean {
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

/** Start of `30,163 shares of` before the token at `first`, or null. */
function quantityBefore(tokens: Token[], first: number): number | null {
  const of = tokens[first - 1];
  const noun = tokens[first - 2];
  if (of?.text !== 'of' || !noun || !QUANTITY_NOUNS.test(noun.text)) return null;
  const count = tokens[first - 3];
  return count && /^\$?[\d,.]+$/.test(count.text) ? count.start : noun.start;
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** The token began with an opening quotation mark (removed from `text`): a name may start here, not before. */
  opensQuote?: boolean;
}

function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(/\S+/g)) {
    let t = m[0];
    let start = from + m.index;
    let opensQuote = false;
    if (/^["\u201c]/.test(t) && t.length > 1) {
      t = t.slice(1);
      start += 1;
      opensQuote = true;
    }
    out.push({ text: t, start, end: from + m.index + m[0].length, ...(opensQuote ? { opensQuote } : {}) });
  }
  return out;
}

function bare(token: string): string {
  return token.replace(/,$/, '');
}

function isSuffix(token: string): boolean {
  return isEntitySuffix(bare(token));
}

/** A token that can be part of a proper name (without looking at its neighbours). */
function isNameToken(raw: string): boolean {
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

interface Walk {
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
function nameWalk(tokens: Token[], last: number): Walk | null {
  if (last < 0) return null;
  const lastTok = tokens[last]!;
  if (/,$/.test(lastTok.text) || !isNameToken(lastTok.text)) return null;
  let first = last;
  for (let i = last - 1; i >= 0 && last - i < MAX_NAME_TOKENS; i--) {
    if (tokens[first]!.opensQuote) break;
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
  if (!numbered && !words.some((w) => /^[A-Z][A-Za-z]/.test(w) && !MONTH_WORDS.test(w))) return null;
  return { start: tokens[first]!.start, first, suffixed: isSuffix(tokens[last]!.text) };
}

/**
 * Walk back over a short noun phrase (`common stock`, `Common Stock purchase warrants`), at most `max` words. `clean`
 * says whether it ended where a noun phrase starts (an article, a possessive, punctuation, the window's start)
 * rather than at a preposition or verb, which would mean the phrase is the tail of a longer one.
 */
function lowerWalk(tokens: Token[], last: number, max: number): { start: number; count: number; clean: boolean } | null {
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

interface ListElement {
  text: string;
  start: number;
  kind: DefinedTerm['kind'];
}

/** `A, B and C` or `the US Fund and the Offshore Fund`: the elements, leftmost first, or null. */
function listWalk(tokens: Token[], known: Map<string, DefinedTerm>): ListElement[] | null {
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

function resolveKnown(phrase: string, known: Map<string, DefinedTerm>): string {
  return known.get(normalizeKey(phrase))?.meaning ?? phrase;
}

function joinList(items: string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function isPluralTerm(term: string): boolean {
  const last = term.trim().split(/\s+/).pop() ?? '';
  return /[a-rt-z]s$/i.test(last) && !/(?:ss|us|is)$/i.test(last);
}

/** `Robert L. Burr ("Burr")`, `Gilbert F. Amelio ("Mr. Amelio")`: the term is a surname of a short capitalised name. */
function isPersonName(tokens: Token[], term: string): boolean {
  // `Dr. Michael F. Powell ("Powell")`: an honorific is no part of the name's shape.
  const words = tokens.map((t) => bare(t.text)).filter((w, i) => i > 0 || !/^(?:Mr|Mrs|Ms|Dr)\.$/.test(w));
  if (words.length < 2 || words.length > 4) return false;
  if (!words.every((w) => /^[A-Z][a-z'\u2019-]+$|^[A-Z]\.$|^(?:Jr|Sr)\.$|^[IV]{1,3}$/.test(w))) return false;
  if (words.some((w) => INSTRUMENT_HEAD.test(w) || ROLE_WORDS.test(w) || DOCUMENT_HEADS.test(w))) return false;
  // `Frederick V. Fortmiller, Jr.`: the surname is the last word before a generational suffix.
  const names = words.filter((w, i) => i === 0 || !/^(?:Jr|Sr)\.$|^[IV]{1,3}$/.test(w));
  const surname = names[names.length - 1]!;
  // `Buck A. Mickel (the "Decedent")`: a given name, a middle initial and a surname are a person whatever the term.
  if (names.length >= 3 && /^[A-Z][a-z'\u2019-]+$/.test(names[0]!) && /^[A-Z][a-z'\u2019-]+$/.test(surname) && names.slice(1, -1).every((w) => /^[A-Z]\.$/.test(w))) return true;
  const termWords = term.replace(/^(?:Mr|Mrs|Ms|Dr)\.\s*/, '').split(/\s+/);
  if (termWords.length !== 1 || surname !== termWords[0]) return false;
  return words.some((w) => /^[A-Z]\.$/.test(w)) || /^(?:Mr|Mrs|Ms|Dr)\./.test(term) || words.length <= 3;
}

/** Party, instrument or other, from the phrase's head word and the term. */
function kindOfPhrase(meaning: string, term: string, person: boolean): DefinedTerm['kind'] {
  if (person) return 'party';
  const core = meaning
    .replace(/,?\s+(?:due|dated|in the (?:aggregate |original )?principal amount|par value|issued|with)\b.*$/i, '')
    .replace(/,?\s+(?:\$\s?[\d.]+|no)\s+par value.*$/i, '');
  const words = core.split(/\s+/).map((w) => w.replace(/[^\w]/g, '')).filter((w) => /[A-Za-z]/.test(w));
  const head = words[words.length - 1] ?? '';
  if (INSTRUMENT_HEAD.test(head)) return 'instrument';
  const lastTwo = words.slice(-2).join(' ');
  if (/certificates of deposit/i.test(lastTwo)) return 'instrument';
  // A description (`the value of Common Stock …`, `any person employed by the Company`) is not a party's name.
  const lead = core.replace(/^the\s+/i, '');
  if (/^[a-z]/.test(lead)) return 'other';
  if (DOCUMENT_HEADS.test(words[0] ?? '') || words.some((w, i) => i > 0 && /^of$/i.test(w) && DOCUMENT_HEADS.test(words[i - 1]!))) {
    return INSTRUMENT_HEAD.test(words[0] ?? '') ? 'instrument' : 'other';
  }
  if (isEntitySuffix(head)) return 'party';
  if (ROLE_WORDS.test(term.trim()) && /^[A-Z]/.test(core) && words.every((w) => /^[A-Z0-9]/.test(w) || CONNECTORS.has(w))) return 'party';
  return 'other';
}

/**
 * When no name or short noun phrase ends at the parenthesis (`in the event of a public offering … prior to December
 * 20, 2003 (the "Equity Offering")`), the meaning is the clause, from its first article, scaffolding removed. A
 * collective term after an enumeration (`(i) … and (ii) … (collectively, the "Options")`) takes the whole
 * enumeration. Returns the start offset, or null.
 */
function clauseFallback(tokens: Token[], collective: boolean): number | null {
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
