/**
 * Who the prose is talking about: every way a filing names a holder, mapped to one full legal name.
 *
 * Handles: the cover pages' reporting persons (as printed, any case); defined terms that name a party
 * (`Fleming US Discovery Fund III, L.P. ("US Fund")` → the US Fund is that cover person, under the prose's spelling
 * of the name); collective terms (`the "Fleming Funds"`, `the "Reporting Persons"`) as groups with their members;
 * "the Reporting Person(s)" when the filing does not define it; a unique first word or two of a cover name
 * (`Wesmar` for Wesmar Partners Limited Partnership); `Mr. Ross` for a cover person Robert L. Ross.
 * Does not handle: pronouns ("it", "such Fund") — a record whose holder is only a pronoun is not made.
 *
 * This is a thin layer over the shared `DefinedTerms` reader (extract/defined-terms/): it only decides which terms
 * are parties and which party each stands for.
 */
import type { DefinedTerms } from '../defined-terms/index.js';
import { endsWithEntitySuffix, withoutLegalForm } from '../lexicon/index.js';
import type { CoverPerson, Party, PartyMention, Surface } from './party.js';
import { pushShortForms, trustAndTrustee } from './short-forms.js';
import { COLLAPSIBLE_SPACE, collapseRuns } from '../../white-space.js';

export type { CoverPerson, Party, PartyMention } from './party.js';

const HONORIFICS = ['Mr. ', 'Ms. ', 'Mrs. ', 'Dr. '];

/**
 * The words right after an honorific in `text` ("Mr. Woodman" → Woodman), each the whole run of letters, apostrophes
 * and hyphens there. Kept for the last text asked about: PartyIndex.build asks for every individual on the cover pages
 * of one filing, and scanning the whole schedule four times per person was a hundredth of a worker's time.
 */
let honorificText: string | null = null;
let honorificWords = new Set<string>();

function wordsAfterHonorifics(text: string): Set<string> {
  if (text === honorificText) return honorificWords;
  const words = new Set<string>();
  for (const h of HONORIFICS) {
    for (let i = text.indexOf(h); i >= 0; i = text.indexOf(h, i + 1)) {
      let end = i + h.length;
      while (end < text.length && NAME_CHAR.test(text.charAt(end))) end++;
      words.add(text.slice(i + h.length, end));
    }
  }
  honorificText = text;
  honorificWords = words;
  return words;
}

const NAME_CHAR = /[A-Za-z'-]/;

/** Does `text` put an honorific before the surname `name` ("Mr. Woodman")? */
function honorificBefore(text: string, name: string): boolean {
  const title = name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
  // A surname of letters, apostrophes and hyphens is one of the words after an honorific, or is not there at all.
  if (/^[A-Za-z'-]+$/.test(title)) return wordsAfterHonorifics(text).has(title);
  return HONORIFICS.some((h) => {
    const needle = h + title;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      if (!/[A-Za-z'-]/.test(text.charAt(i + needle.length))) return true;
    }
    return false;
  });
}

/** A surface with the string `mentions` searches for (lower-cased once here rather than on every call). */
interface IndexedSurface extends Surface {
  needle: string;
}

/** Compare names without case, punctuation, "the" or white space differences. */
export function nameKey(name: string): string {
  // Pure and called O(cover persons × defined terms) times per filing while building a PartyIndex: memoised.
  let key = nameKeyCache.get(name);
  if (key === undefined) {
    if (nameKeyCache.size >= 20_000) nameKeyCache.clear();
    key = computeNameKey(name);
    nameKeyCache.set(name, key);
  }
  return key;
}

const nameKeyCache = new Map<string, string>();

/** nameKey with legal suffixes in one spelling: "Park West Investors Master Fund, Limited" = "…, Ltd.". */
function partyKey(name: string): string {
  return nameKey(name)
    .replace(/\blimited$/, 'ltd')
    .replace(/\bincorporated$/, 'inc')
    .replace(/\bcorporation$/, 'corp')
    .replace(/\bcompany$/, 'co')
    .replace(/\bl p$/, 'lp')
    .replace(/\bl l c$/, 'llc');
}

function computeNameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "'")
    .replace(/\bthe\b/g, ' ')
    .replace(/[.,;:"\u201c\u201d()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of documents, instruments and events: a term built on them is not a party. */
const COMMON_NOUNS = /\b(?:Agreements?|Plans?|Stock|Shares?|Notes?|Offering|Statement|Act|Amendments?|Schedule|Certificates?|Warrants?|Options?|Securities|Merger|Proxy|Letters?|Report|Exhibits?|Rate|Price|Dates?|Period|Events?|Transactions?|Conversion|Financing|Loan|Facility|Interests?|Rights?|Units?|Debentures?|Bonds?|Will|Estate)\b/;
const ENTITY_WORDS = /\b(?:inc|incorporated|corp|corporation|co|company|l\.?\s?p|lp|llc|l\.?l\.?c|ltd|limited|partners|partnership|fund|trust|holdings?|capital|group|management|advisors?|associates|bank|n\.?a|plc|s\.?a|ag|gmbh|b\.?v|n\.?v|foundation|llp|investments?|ventures?|securities|master|offshore|equity)\b/i;
/** Words too common to stand for one cover person on their own. */
const GENERIC_PREFIX = new Set(['the', 'first', 'new', 'american', 'national', 'united', 'general', 'international', 'capital', 'global', 'north', 'south', 'east', 'west', 'fund', 'trust', 'bank', 'mr', 'ms', 'mrs', 'dr']);
/** A capitalised word that continues a name: after a term it makes another party ("Fidelity" → "Fidelity Funds"). */
const NAME_CONTINUES = /^ (?:Funds?|Accounts?|Associates|Partners|Ventures|Capital|Management|Holdings|Group|Master|Offshore|Limited|Ltd|Foundation|Plan|Partnership|International|Advisors|Investors|Trusts?)\b/;
const ISSUER_TERM = /^(?:Issuer|Company|Corporation|Registrant)$/;
/** The quoted part of a cover name, after its legal form: «Bank Otkritie Financial Corporation», “Acron”. */
const QUOTED_NAME = /^[^«»\u201c\u201d"]{4,80}[«\u201c"]([A-Z][^«»\u201c\u201d"]{2,80})[»\u201d"]\s*$/;
const GROUP_TERM = /\b(?:persons|funds|entities|parties|partnerships|members|filers|holders|companies|investors|purchasers|stockholders|shareholders|group)\b/i;

export class PartyIndex {
  private readonly surfaces: IndexedSurface[];
  readonly coverParties: Party[];

  private readonly issuers: Set<Party>;

  private constructor(surfaces: Surface[], coverParties: Party[], issuers: Set<Party>) {
    this.issuers = issuers;
    // Longest first, so "Offshore Fund Options" never yields "Offshore Fund" when a longer party name matches.
    this.surfaces = surfaces
      .sort((a, b) => b.text.length - a.text.length)
      .map((s) => ({ ...s, needle: s.caseSensitive ? s.text : s.text.toLowerCase() }));
    this.coverParties = coverParties;
  }

  /**
   * @param text the schedule's text, scanned for short forms of cover names that the filing never defines
   *   ("GS Group" for The Goldman Sachs Group, L.P.).
   */
  static build(cover: CoverPerson[], terms: DefinedTerms | null, text = ''): PartyIndex {
    const surfaces: Surface[] = [];
    const coverParties: Party[] = [];
    const issuers = new Set<Party>();
    const byKey = new Map<string, Party>();
    const termList = terms?.all() ?? [];
    for (const person of cover) {
      if (!person.name) continue;
      const key = partyKey(person.name);
      // The prose usually spells the name in mixed case where the cover shouts it: prefer the defined meaning.
      const printed = person.name.replace(/\s+/g, ' ').trim();
      const spellings = [...termList.filter((t) => partyKey(t.meaning) === key).map((t) => t.meaning), printed];
      // A cover in mixed case is the name as filed ("Park West Investors Master Fund, Ltd." where the prose writes
      // "Limited"): the holder keeps it.
      const spelled = /[a-z]/.test(printed) ? printed : (spellings.find((n) => /[a-z]/.test(n)) ?? printed);
      const party: Party = { name: spelled, coverOrdinal: person.ordinal, group: false, members: [] };
      coverParties.push(party);
      byKey.set(key, party);
      surfaces.push({ text: person.name.replace(/\s+/g, ' ').trim(), caseSensitive: false, party });
      if (spelled !== person.name) surfaces.push({ text: spelled, caseSensitive: false, party });
      // Without the legal suffix: "Fleming US Discovery Fund III" for "… Fund III, L.P.".
      const short = withoutLegalForm(spelled);
      if (short !== spelled && short.split(/\s+/).length >= 2) surfaces.push({ text: short, caseSensitive: false, party });
      // A series of a series LLC is named without its trust: "Pantheon Infrastructure (QP)" for "Pantheon
      // Infrastructure (QP), a series of BlueArc Core Alternatives, LLC".
      const series = /^([^,]{4,120}),\s+a\s+series\s+of\s/i.exec(printed);
      if (series && series[1]!.trim().split(/\s+/).length >= 2) surfaces.push({ text: series[1]!.trim(), caseSensitive: false, party });
    }
    const exactName = (name: string): Party | null => byKey.get(partyKey(name)) ?? null;
    // A meaning that goes on after the name with an appositive ("NCCS Management, LLC, a Delaware limited liability
    // company, the investment manager of the Fund"): the name before it.
    const resolveName = (name: string): Party | null => {
      const hit = exactName(name);
      if (hit || !name.includes(',')) return hit;
      const parts = name.split(',');
      for (let k = 1; k < Math.min(parts.length, 4); k++) {
        if (!/^\s*(?:a|an|the)\s/i.test(parts[k]!)) continue;
        const lead = exactName(parts.slice(0, k).join(','));
        if (lead) return lead;
      }
      return null;
    };

    // Defined terms that name a party (or whose meaning is a cover person whatever kind the reader gave it).
    const seenTerms = new Set<string>();
    for (const t of termList) {
      const termKey = t.term.toLowerCase();
      if (seenTerms.has(termKey)) continue;
      // A numeral names only the party whose name begins with it ("667" for 667, L.P.), never a count.
      if (/^\d+$/.test(t.term) && !t.meaning.startsWith(`${t.term},`) && !t.meaning.startsWith(`${t.term} `)) continue;
      // The form's own words must stand for the cover persons; a reader's stray meaning for them is ignored.
      if (/^(?:reporting|filing)\s+persons?$/i.test(t.term) && !resolveName(t.meaning) && !(t.members ?? []).some((m) => resolveName(m))) continue;
      const plural = GROUP_TERM.test(t.term) && /s$/i.test(t.term);
      const direct = plural ? null : resolveName(t.meaning) ?? coverNameEndingIn(t.term, t.meaning, coverParties) ?? coverNameLessOneWord(t.meaning, coverParties) ?? coverNameAfterWords(t.meaning, coverParties);
      if (direct) {
        seenTerms.add(termKey);
        surfaces.push({ text: t.term, caseSensitive: true, party: direct });
        continue;
      }
      if (GROUP_TERM.test(t.term) && /s$/i.test(t.term)) {
        // A collective term is a holder in its own right even when its members are not all known.
        const members = groupMembers(t.members ?? t.meaning.split(/,\s*(?:and\s+)?|\s+and\s+/), (n) => resolveName(n) ?? coverNameLessOneWord(n, coverParties), surfaces);
        seenTerms.add(termKey);
        surfaces.push({ text: t.term, caseSensitive: true, party: { name: t.term, coverOrdinal: null, group: true, members: members.length >= 2 ? members : [] } });
        continue;
      }
      if ((t.kind === 'party' || endsWithEntitySuffix(t.meaning)) && looksLikeName(t.meaning) && !COMMON_NOUNS.test(t.term)) {
        seenTerms.add(termKey);
        // A meaning read across a page break may start with the page's furniture ("Page 3 of 5 Capital Group …").
        const party: Party = { name: t.meaning.replace(/^Page\s+\d+\s+of\s+\d+\s+(?:Pages?\s+)?/i, ''), coverOrdinal: null, group: false, members: [] };
        surfaces.push({ text: t.term, caseSensitive: true, party });
        // The full name too, so "Loeb Offshore Management LP" is not read as the shorter term "Loeb".
        if (t.meaning.split(/\s+/).length >= 2) surfaces.push({ text: t.meaning, caseSensitive: false, party });
        if (ISSUER_TERM.test(t.term)) issuers.add(party);
      }
    }

    // One company defined under several terms (`BRT Realty Trust ("BRT" or "Issuer")`) is one party per term: each of
    // them is the issuer, or a heading "GLP purchased Beneficial Shares of BRT" credits the issuer with GLP's trades.
    if (issuers.size > 0) {
      const issuerKeys = new Set([...issuers].map((p) => partyKey(p.name)));
      for (const s of surfaces) if (!s.party.group && s.party.coverOrdinal === null && issuerKeys.has(partyKey(s.party.name))) issuers.add(s.party);
    }

    // "the Reporting Person(s)" when the filing relies on the form's own words.
    if (!seenTerms.has('reporting persons') && coverParties.length > 1) {
      surfaces.push({ text: 'Reporting Persons', caseSensitive: false, party: { name: 'Reporting Persons', coverOrdinal: null, group: true, members: coverParties } });
    }
    if (!seenTerms.has('reporting person') && coverParties.length === 1) {
      surfaces.push({ text: 'Reporting Person', caseSensitive: false, party: coverParties[0]! });
      surfaces.push({ text: 'Reporting Persons', caseSensitive: false, party: coverParties[0]! });
    }

    // A unique leading word or two of a cover name, capitalised as a name ("Wesmar", "Mill Road").
    for (const party of coverParties) {
      // A name quoted after its legal form ("Public Joint-Stock Company «Bank Otkritie Financial Corporation»") is
      // the name the prose uses, and so are its first two words ("Bank Otkritie", 0001140361-17-047815).
      const quoted = QUOTED_NAME.exec(party.name)?.[1]?.trim();
      if (quoted) {
        surfaces.push({ text: quoted, caseSensitive: false, party });
        const short = quoted.split(/\s+/).slice(0, 2).join(' ');
        if (short !== quoted && short.split(' ').length === 2 && !coverParties.some((p) => p !== party && p.name.includes(short))) surfaces.push({ text: short, caseSensitive: true, party });
      }
      const words = party.name.split(/\s+/);
      for (let n = 1; n <= Math.min(2, words.length - 1); n++) {
        const prefix = words.slice(0, n).join(' ').replace(/[,.]$/, '');
        if (prefix.length < 4 || GENERIC_PREFIX.has(prefix.toLowerCase()) || !/^[A-Z]/.test(prefix)) continue;
        const clash = coverParties.some((p) => p !== party && p.name.toLowerCase().startsWith(prefix.toLowerCase()));
        if (clash) continue;
        if (surfaces.some((s) => s.text.toLowerCase() === prefix.toLowerCase())) break;
        // A cover printed in capitals ("LIONEYE ONSHORE FUND LP") is spelled "LionEye Onshore" in the prose.
        surfaces.push({ text: prefix, caseSensitive: prefix !== prefix.toUpperCase() || prefix.length < 6, party });
        break;
      }
      // Individuals: "Mr. Ross" for Robert L. Ross.
      if (!ENTITY_WORDS.test(party.name) && words.length >= 2 && words.length <= 5) {
        const last = words[words.length - 1]!.replace(/[,.]$/, '');
        let lastName = /^(?:Jr|Sr|II|III|IV)$/i.test(last) ? words[words.length - 2]!.replace(/[,.]$/, '') : last;
        // An XML cover prints the name surname first ("Woodman Nicholas") and the prose says "Mr. Woodman": the
        // first word is the surname when the text puts an honorific before it and never before the last word.
        const first = words[0]!.replace(/,$/, '');
        if (first !== lastName && /^[A-Z][a-z'-]+$/i.test(first) && honorificBefore(text, first) && !honorificBefore(text, lastName)) lastName = first;
        if (/^[A-Z][a-z'-]+$/i.test(lastName)) {
          const title = lastName.charAt(0).toUpperCase() + lastName.slice(1).toLowerCase();
          for (const honorific of ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Mr', 'Ms', 'Mrs', 'Dr']) surfaces.push({ text: `${honorific} ${title}`, caseSensitive: true, party });
          // "James Cramer" for James J. Cramer: first and last name without the middle initial.
          if (words.length === 3 && /^[A-Z]\.?$/.test(words[1]!)) surfaces.push({ text: `${words[0]} ${words[2]}`, caseSensitive: true, party });
          // "Messrs. Raneri and Rosen": a surname alone after a plural honorific list, when no other cover name has it.
          if (title.length >= 4 && !coverParties.some((p) => p !== party && p.name.toLowerCase().includes(title.toLowerCase()))) surfaces.push({ text: title, caseSensitive: true, party, afterHonorifics: true });
        }
      }
    }
    // Short forms built from initials and words of one cover name ("GS Group", "JPMP Capital", "BLR Partners").
    // A cover name that is a trust and its trustee ("THE DUNN FAMILY TRUST, DAVID J. DUNN, TRUSTEE") is two persons
    // when the prose names them apart: its parts are parties of their own, under the cover person's ordinal.
    const parts = coverParties.flatMap((p) => trustAndTrustee(p));
    for (const part of parts) surfaces.push({ text: part.name, caseSensitive: false, party: part });
    pushShortForms(text, coverParties, parts, surfaces);
    return new PartyIndex(surfaces, coverParties, issuers);
  }

  /** The reporting persons together: the group the filing calls "the Reporting Persons", or the only one. */
  reportingPersons(): Party | null {
    const named = this.surfaces.find((s) => /^reporting persons$/i.test(s.text))?.party;
    if (named) return named;
    if (this.coverParties.length === 1) return this.coverParties[0]!;
    return this.coverParties.length ? { name: 'Reporting Persons', coverOrdinal: null, group: true, members: this.coverParties } : null;
  }

  /** Every party the filing names one holder by (cover persons and defined names; no groups, not the issuer). */
  namedParties(): Party[] {
    this.named ??= [...new Set(this.surfaces.map((s) => s.party))].filter((p) => !p.group && !this.issuers.has(p));
    return this.named;
  }

  private named: Party[] | null = null;

  /** Is this party the issuer (a holder only in unusual sentences)? */
  isIssuer(p: Party): boolean {
    return this.issuers.has(p);
  }

  /**
   * Every party named in `text`, leftmost first, never overlapping (the longest name wins). A name wrapped over lines
   * or padded by aligned text ("held by D.E.\nShaw") is found too: the names are matched in the text with each run
   * of white space read as one space, and the mentions point back into `text` (`surface` is the collapsed spelling).
   */
  mentions(text: string): PartyMention[] {
    if (!/\s\s|[\t\n\r\u00a0]/.test(text)) return this.mentionsIn(text);
    const found = this.mentionsIn(collapseRuns(text));
    if (found.length === 0) return found;
    // A character of the collapsed text → its offset in `text`; a run of white space → where the run starts. Only the
    // runs that collapsing shortens or changes are kept (a single space is where it was, less what went before it),
    // and only the mentions' ends are looked up: a table of every character's offset, built for each sentence with a
    // line break in it, was most of this method's time.
    const runStarts: number[] = [];
    const spaceAt: number[] = [];
    const removedAfter: number[] = [];
    let removed = 0;
    COLLAPSIBLE_SPACE.lastIndex = 0;
    for (let run = COLLAPSIBLE_SPACE.exec(text); run; run = COLLAPSIBLE_SPACE.exec(text)) {
      runStarts.push(run.index);
      spaceAt.push(run.index - removed);
      removed += run[0].length - 1;
      removedAfter.push(removed);
    }
    const inText = (at: number): number => {
      // The last kept run whose space is at or before `at` (binary search: the runs are in order).
      let lo = 0;
      let hi = spaceAt.length - 1;
      let k = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (spaceAt[mid]! <= at) {
          k = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (k < 0) return at;
      return spaceAt[k] === at ? runStarts[k]! : at + removedAfter[k]!;
    };
    return found.map((m) => ({ ...m, start: inText(m.start), end: inText(m.end - 1) + 1 }));
  }

  private mentionsIn(text: string): PartyMention[] {
    const found: PartyMention[] = [];
    const lower = text.toLowerCase();
    for (const s of this.surfaces) {
      const needle = s.needle;
      const hay = s.caseSensitive ? text : lower;
      for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
        const end = at + needle.length;
        if (at > 0 && /[\w]/.test(text[at - 1]!)) continue;
        if (end < text.length && /[\w]/.test(text[end]!) && !/^'s/.test(text.slice(end))) continue;
        // A name that is a numeral ("667" for 667, L.P.) is not the start of a count ("667,000 shares", "$667.50").
        if (/^\d/.test(needle) && (/^[.,]\d/.test(text.slice(end, end + 2)) || /[$\d.,]$/.test(text.slice(Math.max(0, at - 1), at)))) continue;
        if (found.some((f) => at < f.end && end > f.start)) continue;
        // "the Fidelity Funds", "the LionEye Capital Management Accounts": a longer name the term only begins.
        if (NAME_CONTINUES.test(text.slice(end, end + 16))) continue;
        if (s.afterHonorifics && !/\bMessrs\.?\s+(?:[A-Z][\w'-]*,?\s+(?:and\s+)?)*$/.test(text.slice(Math.max(0, at - 80), at))) continue;
        found.push({ start: at, end, surface: text.slice(at, end), party: s.party });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /**
   * The party a block heading names when the heading is the whole line: a name or defined term in any case ("BOAS"
   * for the term "Boas", "CMMC"). Case is ignored only for a whole-line match, where a common word cannot pass for a
   * name.
   */
  resolveHeading(phrase: string): Party | null {
    const exact = this.resolve(phrase);
    if (exact) return exact;
    const key = phrase.trim().replace(/^the\s+/i, '').replace(/[,;:.]+$/, '').toLowerCase();
    if (key.length < 3) return null;
    const hits = new Set(this.surfaces.filter((x) => x.needle.toLowerCase() === key).map((x) => x.party));
    return hits.size === 1 ? [...hits][0]! : null;
  }

  /** The party a phrase names (a whole name, a defined term, "the US Fund"), or null. */
  resolve(phrase: string): Party | null {
    const p = phrase.trim().replace(/^the\s+/i, '').replace(/['\u2019]s$/, '').replace(/[,;:.]+$/, '');
    const m = this.mentions(p);
    if (m.length === 1 && m[0]!.start <= 1 && m[0]!.end >= p.length - 1) return m[0]!.party;
    return null;
  }
}

/**
 * A cover name that ends with a term's meaning: the trustee's cover page for the trust the prose defines (`Wachovia
 * Bank of North Carolina, N.A., as Trustee for the M.A. Hanna Company Associates Ownership Trust` for `M.A. Hanna
 * Company Associates Ownership Trust (the "Trust")`). The one such cover name that also contains the term's words.
 */
function coverNameEndingIn(term: string, meaning: string, cover: Party[]): Party | null {
  const tail = nameKey(meaning);
  if (tail.length < 4) return null;
  const termWords = nameKey(term).split(' ');
  const hits = cover.filter((p) => {
    const key = nameKey(p.name);
    return key !== tail && key.endsWith(tail) && termWords.every((w) => key.split(' ').includes(w));
  });
  return hits.length === 1 ? hits[0]! : null;
}

/**
 * The one cover name that is the meaning with one more descriptive word ("Platinum Investment Holdings RSC Limited"
 * defined where the cover has "Platinum International Investment Holdings RSC Limited"): same first and last words (the extra one inside),
 * at least three words, and the extra word no entity word or numeral (so "ABC Capital LLC" is not "ABC LLC").
 */
function coverNameLessOneWord(meaning: string, cover: Party[]): Party | null {
  const words = partyKey(meaning).split(' ');
  if (words.length < 3) return null;
  const hits = cover.filter((p) => {
    const key = partyKey(p.name).split(' ');
    if (key.length !== words.length + 1 || key[0] !== words[0] || key[key.length - 1] !== words[words.length - 1]) return false;
    const extra = key.findIndex((w, i) => w !== words[i]);
    if (extra <= 0 || extra >= key.length - 1 || ENTITY_WORDS.test(key[extra]!) || /^(?:\d+|[ivx]+)$/.test(key[extra]!)) return false;
    return key.slice(extra + 1).every((w, i) => w === words[extra + i]);
  });
  return hits.length === 1 ? hits[0]! : null;
}

/**
 * The one cover name of three words or more that a meaning ends with after one or two capitalised words (a meaning read
 * back over the value before the name once line breaks are gone: "Citizenship: Delaware TIAA-CREF Investment
 * Management, LLC ("TCIM")" in 0000930413-20-000384 flattened means the cover's TIAA-CREF Investment Management, LLC).
 */
function coverNameAfterWords(meaning: string, cover: Party[]): Party | null {
  const words = partyKey(meaning).split(' ');
  const hits = cover.filter((p) => {
    const key = partyKey(p.name).split(' ');
    const extra = words.length - key.length;
    return key.length >= 3 && (extra === 1 || extra === 2) && key.every((w, i) => w === words[extra + i]) && /^(?:[A-Z][\w.&'-]*\s+){1,2}$/.test(meaning.slice(0, meaning.length - p.name.length));
  });
  return hits.length === 1 ? hits[0]! : null;
}

function groupMembers(names: string[], resolveName: (n: string) => Party | null, surfaces: Surface[]): Party[] {
  const out: Party[] = [];
  for (const raw of names) {
    const name = raw.replace(/^(?:the|and)\s+/i, '').trim();
    const direct =
      resolveName(name) ??
      surfaces.find((s) => !s.party.group && (s.text.toLowerCase() === name.toLowerCase() || nameKey(s.party.name) === nameKey(name)))?.party ??
      null;
    if (direct && !out.includes(direct)) out.push(direct);
  }
  return out;
}

/** A proper name: capitalised words, or a known entity suffix; not a sentence. */
export function looksLikeName(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 120) return false;
  if (!/^[A-Z0-9]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 12) return false;
  const lowerWords = words.filter((w) => /^[a-z]/.test(w) && !/^(?:of|and|the|de|du|des|la|le|van|von|der|for|&)$/.test(w));
  return lowerWords.length === 0;
}
