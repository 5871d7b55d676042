/**
 * Holdings: positions the prose states.
 *
 * Handles:
 *   - active statements: "As of the date hereof, the US Fund holds 104,095 shares of Series A Preferred Stock …,
 *     which are convertible into 4,382,947 shares of Common Stock"; "Wesmar is the record and beneficial owner of
 *     1,399,096 shares … representing approximately 63.0%"; "Vertex GP … may be deemed the beneficial owner of the
 *     2,081,499 Shares owned by Vertex Opportunities"; "has the right … to acquire up to 5,559,610 shares";
 *   - lists of positions after one verb: "beneficially owns 9,418,231 shares of Common Stock and Warrants to
 *     purchase 116,070 shares", "consisting of (i) 451,590 shares … (ii) 100,000 shares of Preferred Stock
 *     convertible into 212,766 shares …";
 *   - passives and appositives: "322,100 Shares beneficially owned by the Reporting Persons", "189,664 shares of
 *     Common Stock owned by the Decedent directly", "Micco Corporation, holder of 474,052 shares";
 *   - totals: "the total number of Beneficial Shares owned by Mr. Gould is 2,110,933 shares", "The aggregate number
 *     of shares … that Motient may … be deemed the beneficial owner of … is 26,940,499";
 *   - label forms, also when the number sits on a following line or grid cell: "Aggregate Number of Shares …
 *     Beneficially Owned: 180,000 shares", "a. Aggregate number … beneficially owned by the filing person: /
 *     Number of Shares / Percentage / 764,546 / 8.98 %";
 *   - option and warrant positions (shares = the shares they cover), conversion into the class, the percent stated
 *     with the count (also "Percentage: Approximately 3.8%" on the next line), the clause's as-of date ("the date
 *     hereof" = the filing date), coordinated and "each of" holders.
 * Does not handle: re-references ("such 1,399,096 shares"), suppositions ("Assuming …", "would … own"), disclaimers,
 * statements of voting or dispositive power alone (the cover pages' rows 7–10), and positions laid out in tables.
 */
import { holderColumns, holdersOf, isHypothetical, securityAfter, securityKindOf, segmentAt, subjectBefore, clauseDate } from './clauses.js';
import { looksLikeName, type Party, type PartyMention } from './parties.js';
import { firstTokenIn, type Token } from './tokens.js';
import { evidence, provenance, type Found, type HoldingRow, type ProseContext, type ProseSentence } from './types.js';
import { pushAll } from '../../arrays.js';
import { distributedNames, eachWhenAllCovers, labelHolder } from './position-holders.js';
import { knownAs } from './printed-names.js';
import { isReferenceNumber, RE_REFERENCE } from './position-vocabulary.js';
import { optionName, rightHolders } from './options.js';
import { positionList, respectively } from './position-lists.js';
import {
  ABBREVIATION_END, ADMISSION_BEFORE_VERB, BARE_PARTICIPLE, ENUMERATED_OPTION_OBJECT, CLAUSE_VERB, CONVERSION, CONVERSION_LEAD, COUNT_LIST_JOIN, GERUND_SUBJECT_GAP, GERUND_VERB, HELD_BY_AFTER,
  HOLD_VERB, HOLDER_OF_APPOSITIVE, INSTRUMENT_COUNT, LABEL, LESS_THAN, NAME_AFTER, NAME_BEFORE,
  NEGATED_VERB, NOT_A_NAME_START, OF_AFTER_PERCENT, OPTION_WORD, OPTION_WORDS, OUTSTANDING_AFTER, PAIR_LINE, PERCENT_CELL_LINE, PERCENT_LABEL_LINE, PERCENT_NEXT_CELL,
  PERCENT_LEAD, POWER_ASIDE, RELATIVE_AFTER_HOLDER, RELATIVE_PRONOUN, REREFERENCE_BEFORE_COUNT,
  RIGHT_VERB, SHARE_WORD_AFTER, SHARES_OF_AFTER, TOPIC_LEAD, TOTAL_IS, TOTAL_OF_STATEMENT, TOTAL_OWNERSHIP_WORDS, TOTAL_PRONOUN, UNDERLYING_AFTER,
  VESTING_ASIDE, WARRANT_WORD, WOULD_BEFORE_VERB, WOULD_IN_PREFIX,
} from './holding-rules.js';
import { matchesOf } from '../../matches.js';

/** A verb's object preceded only by the means it is held through, set off by commas: ", through Fidelity, …, ". */
const THROUGH_ASIDE = /^\s*,\s*(?:indirectly\s+)?through\s+[^;:()]{1,120},\s*$/i;

/** A relative clause right after a position's security: "… that (the) ", "…, which ". */
const RELATIVE_LEAD = /^\s*,?\s*(?:that|which)\s+(?:the\s+)?/i;
/** The clause's verb after its party: "has the right to acquire", "has the immediately exercisable right to acquire". */
const RIGHT_AFTER_HOLDER = /^\s+(?:has|have)\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}?right\s+to\s+acquire\b/i;

/** "held (directly) by the ": the holder of a listed part follows. */
const PART_HELD_BY = /\b(?:owned|held)\s+(?:directly\s+|indirectly\s+|of\s+record\s+)*by\s+(?:the\s+)?/gi;

/**
 * Whether a party other than the verb's subject holds a listed part, as its words say up to its end or a semicolon:
 * "Mr. Woodman may be deemed to beneficially own an aggregate of 46,238,278 shares …, consisting of (i) 792,059 shares
 * … held directly by Mr. Woodman; (ii) 1,129,944 shares … held directly by The Woodman Family Trust; …" makes (ii) the
 * Trust's part, not Mr. Woodman's (0001104659-26-106446). False when the part names no holder or the subject's own.
 */
function heldByOther(s: ProseSentence, t: Token, end: number, subject: Party[]): boolean {
  const semicolon = s.raw.indexOf(';', t.end);
  const words = s.raw.slice(t.end, semicolon >= 0 && semicolon < end ? semicolon : end);
  for (const m of matchesOf(PART_HELD_BY, words)) {
    const at = t.end + m.index + m[0].length;
    const who = s.mentions.find((x) => x.start === at);
    if (!who) continue;
    return !holdersOf(s, [who]).some((h) => subject.includes(h));
  }
  return false;
}

/** The most positions one "… held by" list can join (real lists have a handful). */
const MAX_LISTED_POSITIONS = 50;

/**
 * @param following the next few sentences (a count or percent may sit on the next line of a grid)
 * @param heading the parties of the section heading above the sentence, if any
 * @param amountList whether the sentence is under an "Amount beneficially owned" label (13G Item 4 lists
 *   "Name: N" lines under it; under a power label the same lines are powers, not positions)
 */
export function readHoldings(s: ProseSentence, ctx: ProseContext, following: ProseSentence[] = [], heading: Party[] = [], amountList = false): Found<HoldingRow>[] {
  const out: Found<HoldingRow>[] = [];
  const used = new Set<number>();
  const take = (list: Found<HoldingRow>[], tokens: Token[]): void => {
    for (const t of tokens) used.add(t.start);
    pushAll(out, list);
  };

  // Active: subject + verb + one or more positions.
  HOLD_VERB.lastIndex = 0;
  for (let m = HOLD_VERB.exec(s.raw); m; m = HOLD_VERB.exec(s.raw)) {
    const seg = segmentAt(s.raw, m.index);
    const verbEnd = m.index + m[0].length;
    const before = s.raw.slice(Math.max(0, m.index - 40), m.index);
    if (NEGATED_VERB.test(before) || ADMISSION_BEFORE_VERB.test(s.raw.slice(Math.max(seg.start, m.index - 200), m.index))) continue;
    // "A, B and C beneficially owned N1, N2 and N3 Common Shares, respectively".
    const listed = subjectBefore(s, m.index, seg.start);
    const pairs = listed.length >= 2 ? respectively(s, verbEnd, listed.length) : null;
    if (pairs && !pairs.some((t) => used.has(t.start))) {
      for (let k = 0; k < pairs.length; k++) take(buildHoldings(s, ctx, [listed[k]!.party], pairs[k]!, '', seg.start, s.raw.length, following, pairs[pairs.length - 1]!), [pairs[k]!]);
      continue;
    }
    const first = firstCount(s, verbEnd, s.raw.length);
    if (!first || used.has(first.start)) continue;
    const prefix = s.raw.slice(verbEnd, first.start);
    if (!acceptablePrefix(prefix, s, verbEnd)) continue;
    if (isHypothetical(s.raw.slice(seg.start, first.end)) || WOULD_IN_PREFIX.test(prefix) || WOULD_BEFORE_VERB.test(s.raw.slice(Math.max(0, m.index - 20), m.index))) continue;
    // A gerund ("resulting in EFM beneficially owning …") takes the party right before it as its subject.
    const gerund = GERUND_VERB.test(m[0]) ? s.mentions.find((x) => x.end <= m.index && GERUND_SUBJECT_GAP.test(s.raw.slice(x.end, m.index))) : undefined;
    let subject = gerund ? [gerund] : subjectBefore(s, m.index, seg.start);
    if (!subject.length && seg.start > 0) subject = subjectBefore(s, m.index, 0);
    if (!subject.length) subject = coordinatedSubject(s, m.index, seg.start);
    // A name the filing never defines, right before the verb ("the Rare Medium Stockholders have the right …").
    const holders = subject.length ? holdersOf(s, subject) : namedAt(s.raw, m.index, 'before').flatMap((p) => distributedNames(p, s.raw.slice(m.index)));
    if (!holders.length) continue;

    // The list of positions governed by this verb: until the next verb or the end of the sentence.
    const nextVerb = nextHoldVerb(s.raw, verbEnd);
    // "has the right … to acquire up to N shares": a warrant or similar right; the verb names the security.
    // A right granted by an option agreement ("Pursuant to the Option Agreement, THORN has the immediately
    // exercisable right to acquire …") is an option; every count of the list is under the right.
    const rightTo = RIGHT_VERB.test(m[0]) ? `${WARRANT_WORD.test(s.raw) ? 'Warrant ' : OPTION_WORD.test(s.raw) ? 'Option ' : ''}right to acquire ` : '';
    const positions = positionList(s, ctx, first, rightTo + prefix, nextVerb);
    // "holds options … to purchase (i) 600,000 shares … and (ii) 238,321 shares": an enumeration right after "to
    // purchase" is the option's object, so every item of it is under the option.
    const enumeratedObject = ENUMERATED_OPTION_OBJECT.test(prefix) ? prefix : '';
    for (const [k, p] of positions.entries()) {
      if (used.has(p.token.start)) continue;
      const right = k > 0 ? rightHolders(s, ctx, p.token) : null;
      // A part of the subject's total that another party holds is that party's, which the readers of "held by" give
      // it (a list of what the subject is deemed to own, "(ii) 71,268 Shares beneficially owned by LionEye Onshore",
      // with no total, stays the subject's).
      if (p.part && !right && heldByOther(s, p.token, p.end, holders)) continue;
      take(buildHoldings(s, ctx, right ?? holders, p.token, k > 0 ? rightTo + enumeratedObject + p.prefix : p.prefix, seg.start, p.end, following), [p.token]);
    }
  }

  // Passive: "322,100 Shares beneficially owned by the Reporting Persons", "… held by the Decedent as custodian".
  for (const t of s.tokens) {
    if (used.has(t.start) || (t.kind !== 'shares' && t.kind !== 'number')) continue;
    const lead = s.raw.slice(Math.max(0, t.start - 40), t.start);
    if (RE_REFERENCE.test(lead)) continue;
    // The conversion shares of another position are not a position of their own.
    if (CONVERSION_LEAD.test(lead)) continue;
    // "1,326,863 Common Shares and 375,000 LTIP Units held directly by EMGH": a list before one "held by".
    const chain: Token[] = [t];
    let sec = securityAfter(s, t, ctx);
    // (A list longer than any real one is cut: each of its numbers starts a chain, so an endless "1, 2, 3, …" was
    // quadratic.)
    while (chain.length < MAX_LISTED_POSITIONS) {
      const next = firstTokenIn(s.tokens, sec.end, sec.end + 8);
      if (!next || (next.kind !== 'shares' && next.kind !== 'number') || !COUNT_LIST_JOIN.test(s.raw.slice(sec.end, next.start)) || used.has(next.start)) break;
      chain.push(next);
      sec = securityAfter(s, next, ctx);
    }
    const rest = s.raw.slice(sec.end, sec.end + 60);
    const by = HELD_BY_AFTER.exec(rest);
    if (!by) {
      // "19,280,205 shares of Class A Common Stock that the Woodman Family Trust has the right to acquire upon exercise
      // of the Warrant": the party of the relative clause holds the right.
      const rel = RELATIVE_LEAD.exec(rest);
      const who = rel && chain.length === 1 ? s.mentions.find((x) => x.start === sec.end + rel[0].length) : undefined;
      const right = who ? RIGHT_AFTER_HOLDER.exec(s.raw.slice(who.end, who.end + 80)) : null;
      if (!who || !right || isHypothetical(s.raw.slice(segmentAt(s.raw, t.start).start, t.end))) continue;
      const instrument = WARRANT_WORD.test(s.raw.slice(who.end, who.end + 200)) ? 'Warrant ' : OPTION_WORD.test(s.raw.slice(who.end, who.end + 200)) ? 'Option ' : '';
      take(buildHoldings(s, ctx, holdersOf(s, [who]), t, `${instrument}right to acquire `, segmentAt(s.raw, t.start).start, segmentAt(s.raw, t.start).end, following), [t]);
      continue;
    }
    if (t.kind === 'number' && !SHARE_WORD_AFTER.test(s.raw.slice(t.end, t.end + 10))) continue;
    const at = sec.end + by[0].length;
    const mention = s.mentions.find((x) => x.start >= at && x.start <= at + 2);
    // "owned by Gould's wife": the relative holds them (positions.ts names that holder), not the party.
    if (mention && RELATIVE_AFTER_HOLDER.test(s.raw.slice(mention.end, mention.end + 24))) continue;
    const holders = mention ? holdersOf(s, [mention]) : namedAt(s.raw, at, 'after').map((p) => knownAs(p, ctx));
    if (!holders.length) continue;
    const seg = segmentAt(s.raw, t.start);
    if (isHypothetical(s.raw.slice(seg.start, t.end))) continue;
    for (const c of chain) take(buildHoldings(s, ctx, holders, c, s.raw.slice(Math.max(seg.start, c.start - 60), c.start), seg.start, seg.end, following), [c]);
  }

  // Appositive: "Micco Corporation, (the) holder of 474,052 shares".
  // Also after a description: "PWPI, a Cayman Islands exempted company that is the holder of 112,466 Common Shares".
  for (const m of matchesOf(HOLDER_OF_APPOSITIVE, s.raw)) {
    const at = m.index + m[0].length;
    const t = s.tokens.find((x) => x.kind === 'shares' && x.start >= at && x.start <= at + 2);
    if (!t || used.has(t.start)) continue;
    const owner = [...s.mentions].reverse().find((x) => x.end <= m.index && x.end >= m.index - 2);
    const holders = owner ? [owner.party] : namedAt(s.raw, m.index, 'before');
    if (!holders.length) continue;
    take(buildHoldings(s, ctx, holders, t, '', 0, s.raw.length, following), [t]);
  }

  // Totals: "the total number of … owned by Mr. Gould is 2,110,933 shares", "aggregate number of shares … that
  // Motient may … be deemed the beneficial owner of … is 26,940,499".
  for (const m of matchesOf(TOTAL_IS, s.raw)) {
    const at = m.index + m[0].length;
    const t = s.tokens.find((x) => (x.kind === 'shares' || x.kind === 'number') && x.start >= at && x.start <= at + 2);
    if (!t || used.has(t.start)) continue;
    const inner = m[1]!;
    const relates = TOTAL_OF_STATEMENT.test(inner);
    if (!relates && !TOTAL_OWNERSHIP_WORDS.test(inner)) continue;
    const innerStart = m.indices![1]![0];
    let holders: Party[] = holdersOf(s, s.mentions.filter((x) => x.start >= innerStart && x.end <= innerStart + inner.length).slice(0, 1));
    // "The aggregate number … of Common Shares to which this Schedule 13D relates is N": the reporting persons'.
    if (!holders.length && relates) holders = [ctx.parties.reportingPersons()].filter((p): p is Party => p !== null);
    if (!holders.length && TOTAL_PRONOUN.test(inner)) holders = topicParty(s);
    if (!holders.length) continue;
    take(buildHoldings(s, ctx, holders, t, '', 0, s.raw.length, following), [t]);
  }

  // A line that pairs a holder and a count: "FJ Capital Management LLC - 807,223 shares" (13G Item 4 lists).
  const pair = amountList ? PAIR_LINE.exec(s.raw) : null;
  if (pair) {
    const who = s.mentions.find((x) => x.start <= s.raw.indexOf(pair[1]!) + 2 && x.end >= s.raw.indexOf(pair[1]!) + pair[1]!.trim().length - 2);
    const t = s.tokens.find((x) => x.raw === pair[2] && !used.has(x.start));
    if (who && t) take(buildHoldings(s, ctx, holdersOf(s, [who]), t, '', 0, s.raw.length, following), [t]);
  }

  // Label forms: "Aggregate Number of Shares … Beneficially Owned: 180,000 shares" (the count may follow on the
  // next lines of a grid: "Number of Shares / Percentage / 764,546 / 8.98 %").
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(s.raw); m; m = LABEL.exec(s.raw)) {
    const at = m.index + m[0].length;
    const holder = labelHolder(s, ctx, heading);
    if (!holder.length) continue;
    // Flattened, a grid's header words run on after the label: "… owned by the filing person: Number of Shares
    // Percentage 764,546 8.98 %" (0001193125-10-137857 flattened).
    const header = GRID_HEADER_WORDS.exec(s.raw.slice(at));
    const countAt = at + (header ? header[0].length : 0);
    const here = s.tokens.find((t) => (t.kind === 'shares' || t.kind === 'number') && t.start >= countAt && t.start <= countAt + 3);
    if (here) {
      if (used.has(here.start)) continue;
      take(buildHoldings(s, ctx, eachWhenAllCovers(holder, here.value, ctx), here, '', 0, s.raw.length, following), [here]);
      continue;
    }
    if (s.raw.slice(at).trim()) continue;
    // The count in the next few lines, after header words only.
    for (let k = 0; k < Math.min(4, following.length); k++) {
      const next = following[k]!;
      const count = next.tokens.find((t) => t.kind === 'shares' || t.kind === 'number');
      if (!count) {
        if (/\d/.test(next.raw) || next.raw.length > 60) break;
        continue;
      }
      if (next.raw.slice(0, count.start).trim()) break;
      const rows = buildHoldings(next, ctx, eachWhenAllCovers(holder, count.value, ctx), count, '', 0, next.raw.length, following.slice(k + 1));
      take(rows, []);
      break;
    }
  }
  return out;
}

/** A grid's column headings after a count's label, up to its first number: "Number of Shares Percentage ". */
const GRID_HEADER_WORDS = /^(?:(?:number\s+of\s+shares|shares|amount|percent(?:age)?(?:\s+of\s+class)?)\s+){1,4}(?=\d)/i;

/**
 * The subject of a verb phrase coordinated by "and" with the clause's first one: "Pursuant to an investment management
 * agreement, LAM maintains investment and voting power with respect to securities held by Loeb Arbitrage Fund as well
 * as for the accounts of customers as to which it has investment discretion and may be deemed to beneficially own
 * 314,428 shares". The clause's first party, when only an introductory phrase ("Pursuant to …,") comes before it and
 * a finite verb right after it; the words of the first verb phrase between do not matter.
 */
function coordinatedSubject(s: ProseSentence, verbAt: number, from: number): PartyMention[] {
  if (!/\band\s+$/i.test(s.raw.slice(Math.max(from, verbAt - 12), verbAt))) return [];
  const first = s.mentions.find((x) => x.start >= from && x.end <= verbAt);
  if (!first || !/^\s*(?:(?:\([a-z0-9]{1,4}\)|[A-Z][^,;.]{0,100},)\s*)?(?:the\s+)?$/.test(s.raw.slice(from, first.start))) return [];
  if (!/^\s+(?:(?:also|currently|now|directly|indirectly)\s+)?(?:maintains|has|have|holds|owns|is|are|exercises|shares|serves|acts|manages|controls|may|directs)\b/.test(s.raw.slice(first.end, first.end + 40))) return [];
  return [first];
}

/** The first share count after the verb (money first means a note; a percent or date first means no count). */
function firstCount(s: ProseSentence, from: number, to: number): Token | null {
  for (const t of s.tokens) {
    if (t.start < from || t.start >= to) continue;
    if (t.kind === 'money' && !t.typo) return null;
    if (t.kind === 'percent' || t.kind === 'date') return null;
    // "… for any other purposes than Section 13(d) of the Act": a reference, not a count.
    if (t.kind === 'number' && isReferenceNumber(s.raw, t.start)) return null;
    // "options exercisable within 60 days to purchase 250,000 shares": a period, not the count.
    if (t.kind === 'number' && /^\s*(?:days?|months?|years?)\b/i.test(s.raw.slice(t.end, t.end + 10))) continue;
    // "based on 3,185,100 shares of Common Stock outstanding": a denominator, not a position.
    if (OUTSTANDING_AFTER.test(s.raw.slice(t.end, t.end + 80))) return null;
    if (t.kind === 'shares') return t;
    if (t.kind === 'number' && SHARES_OF_AFTER.test(s.raw.slice(t.end, t.end + 30))) return t;
    // A bare number with a passive naming its holder: "… of a total of 9,697,714 owned by the Gebbia Living Trust".
    if (t.kind === 'number' && HELD_BY_AFTER.test(s.raw.slice(t.end, t.end + 60)) && /^\s*,?\s*(?:\w+\s+)?(?:owned|held)\b/.test(s.raw.slice(t.end, t.end + 40))) return t;
    if (t.kind === 'number' && INSTRUMENT_COUNT.test(s.raw.slice(t.end, t.end + 40))) return t;
    return null;
  }
  return null;
}

/** Words between the verb and the count: an aggregate, adverbs, an option description, a comma-enclosed aside. */
function acceptablePrefix(prefix: string, s?: ProseSentence, from = 0): boolean {
  if (prefix.length > 160) return false;
  // Another clause in between ("owns one-third of … and is an officer of Micco Corporation, holder of …").
  // "… beneficially owns and has sole voting and dispositive power with respect to 7,000 shares" is one clause.
  const bare = prefix
    .replace(/\([^)]*\)/g, ' ')
    .replace(VESTING_ASIDE, ' ')
    .replace(POWER_ASIDE, ' ');
  if (CLAUSE_VERB.test(bare)) return false;
  // (The means named in an aside are no other clause: "FMR beneficially owns, through Fidelity, as investment advisor
  // to the Fidelity Funds, 558,900 Shares".)
  if (s && !THROUGH_ASIDE.test(prefix) && s.mentions.some((m) => m.start >= from && m.end <= from + prefix.length)) return false;
  if (REREFERENCE_BEFORE_COUNT.test(prefix)) return false;
  if (RELATIVE_PRONOUN.test(prefix.replace(/\([^)]*\)/g, ''))) return false;
  if (/[;:]/.test(prefix)) return false;
  if ((prefix.match(/\(/g) ?? []).length !== (prefix.match(/\)/g) ?? []).length) return false;
  return true;
}

function nextHoldVerb(raw: string, from: number): number {
  const re = new RegExp(HOLD_VERB.source, 'gi');
  re.lastIndex = from;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    // "held by"/"owned by" after a count belong to that count, not a new clause.
    if (BARE_PARTICIPLE.test(m[0].trim())) continue;
    return m.index;
  }
  return raw.length;
}

function buildHoldings(s: ProseSentence, ctx: ProseContext, holders: Party[], token: Token, prefix: string, segStart: number, segEnd: number, following: ProseSentence[], securityFrom: Token = token): Found<HoldingRow>[] {
  const optionWord = OPTION_WORDS.exec(prefix);
  const sec = securityAfter(s, securityFrom, ctx);
  let after = sec.end;
  let security: string | null;
  let kind: HoldingRow['securityKind'];
  let convertible: Token | null = null;
  const tail = s.raw.slice(token.end, token.end + 160);
  let issuable: RegExpExecArray | null = null;
  for (const rule of UNDERLYING_AFTER) if ((issuable = rule.pattern.exec(tail))) break;
  if (optionWord) {
    security = optionName(prefix, optionWord);
    kind = securityKindOf(security, optionWord[1]);
  } else if (issuable) {
    // "98,251 shares of Common Stock issuable upon exercise of warrants", "800,000 Common Shares underlying the 2010
    // options", "406,536 options to purchase …": a warrant (or option) position.
    security = issuable[1]!.replace(/^(?:currently\s+exercisable\s+|the\s+)/i, '').trim();
    kind = securityKindOf(security);
  } else {
    security = sec.name;
    kind = securityKindOf(security);
    // "…, which are convertible into 4,382,947 shares of Common Stock" (before the next count).
    const next = s.tokens.find((t) => t.start >= after && t.start < segEnd && (t.kind === 'shares' || t.kind === 'number'));
    if (next && !next.typo && CONVERSION.test(s.raw.slice(after, next.start))) {
      convertible = next;
      after = next.end;
    }
  }
  // "…, representing approximately 63.0% of the Common Stock outstanding" right after the position.
  const percent = s.tokens.find((t) => t.kind === 'percent' && t.start >= after && t.start < Math.min(segEnd, after + 140));
  const countsBetween = percent ? s.tokens.some((t) => (t.kind === 'shares' || t.kind === 'money') && t.start > after && t.start < percent.start) : true;
  let pct: { value: number; ev: ReturnType<typeof evidence> } | null = null;
  if (percent && !countsBetween && PERCENT_LEAD.test(s.raw.slice(after, percent.start)) && OF_AFTER_PERCENT.test(s.raw.slice(percent.end, percent.end + 8))) {
    pct = { value: percent.value, ev: evidence(s, percent.start, percent.end) };
  }
  // Or the percent alone in the next cell of the count's grid row (the row's last).
  if (!pct && percent && PERCENT_NEXT_CELL.test(s.raw.slice(after, percent.start)) && !s.raw.slice(percent.end).trim()) {
    pct = { value: percent.value, ev: evidence(s, percent.start, percent.end) };
  }
  if (!pct) pct = percentLine(following[0]);
  const asOf = clauseDate(s, segStart, token.start, ctx) ?? clauseDate(s, 0, Math.min(token.start, 80), ctx);
  return holders.map((p) => {
    const ev: Found<HoldingRow>['evidence'] = { shares: evidence(s, token.start, token.end) };
    if (convertible) ev.convertibleIntoShares = evidence(s, convertible.start, convertible.end);
    if (pct) ev.percent = pct.ev;
    return {
      row: {
        ...holderColumns(p),
        security,
        securityKind: kind,
        shares: token.value,
        convertibleIntoShares: convertible ? convertible.value : null,
        asOfDate: asOf,
        percentOfClass: pct ? pct.value : null,
        ...provenance(s),
      },
      evidence: ev,
    };
  });
}

/** "Percentage: Approximately 3.8%" on the line after a position (the Olshan layout). */
function percentLine(next: ProseSentence | undefined): { value: number; ev: ReturnType<typeof evidence> } | null {
  // Or a grid cell holding only the percent ("8.98 %") after a label-form count.
  if (!next || !(PERCENT_LABEL_LINE.test(next.raw) || PERCENT_CELL_LINE.test(next.raw))) return null;
  const p = next.tokens.find((t) => t.kind === 'percent');
  if (!p || LESS_THAN.test(next.raw.slice(0, p.start))) return null;
  return { value: p.value, ev: evidence(next, p.start, p.end) };
}

/**
 * A proper name the filing does not define, printed right before (`Micco Corporation, holder of …`) or after
 * (`… held by Landmark Equity Partners III, L.P.`) a position: kept as printed, not tied to a cover page.
 */
function namedAt(raw: string, at: number, side: 'before' | 'after'): Party[] {
  const m = side === 'before' ? NAME_BEFORE.exec(raw.slice(Math.max(0, at - 80), at)) : NAME_AFTER.exec(raw.slice(at, at + 80));
  if (!m) return [];
  let name = m[1]!.replace(/^(?:The|and|of)\s+/, '').replace(/\s+(?:and|of|&)$/, '').trim();
  // A sentence's full stop is not part of the name; the period of "Inc." or "L.P." is.
  if (/\.$/.test(name) && !ABBREVIATION_END.test(name)) name = name.slice(0, -1);
  // A single word only as a plural after "the" ("owned by the Accounts"), which names a group of holders.
  const single = name.split(/\s+/).length < 2 && !(side === 'after' && /^[A-Z][a-z]+s$/.test(name) && /\bthe\s+$/i.test(raw.slice(Math.max(0, at - 4), at)));
  if (!looksLikeName(name) || single || NOT_A_NAME_START.test(name)) return [];
  return [{ name, coverOrdinal: null, group: false, members: [] }];
}

/** "As to Marshall Rose, …", "With respect to Fredric H. Gould, …": the party a pronoun in the sentence refers to. */
function topicParty(s: ProseSentence): Party[] {
  const m = TOPIC_LEAD.exec(s.raw);
  if (!m) return [];
  const mention: PartyMention | undefined = s.mentions.find((x) => x.start >= m[0].length && x.start <= m[0].length + 4);
  return mention ? [mention.party] : [];
}
