/**
 * Grammar helpers shared by the record readers: where a clause starts and ends inside a sentence, who its subject
 * is, which date governs it, what security a count is of, and whether it states a fact or a supposition.
 *
 * Handles: enumerated clauses (`(a) the US Fund purchased … and (b) the Offshore Fund purchased …`), subjects with
 * appositives (`Robert L. Ross, a director of Maurer Ross & Co., beneficially owns`), coordinated subjects (`each of
 * the US Fund and the Offshore Fund`), prepositional objects that are never subjects (`the general partner of the US
 * Fund`), and hypothetical clauses (`Assuming …`, `would have been`, `if …`).
 * Does not handle: pronouns and anaphora across sentences (`it`, `such Fund`): callers make no record then.
 */
import type { Party, PartyMention } from './parties.js';
import type { ProseContext, ProseSentence } from './types.js';
import type { Token } from './tokens.js';
import { pushAll } from '../../arrays.js';

/** A list marker that starts a clause: `(a)`, `(ii)`, `(3)`, `(B)` after white space or punctuation. */
const ENUMERATOR = /(?:^|(?<=[\s,;:]))\((?:[a-z]|[ivx]{1,4}|\d{1,2}|[A-H])\)(?=\s)/g;

export interface Segment {
  start: number;
  end: number;
}

/** Clause boundaries of a sentence: enumerators and semicolons. */
export function segments(raw: string): Segment[] {
  const cuts = new Set<number>([0]);
  ENUMERATOR.lastIndex = 0;
  for (let m = ENUMERATOR.exec(raw); m; m = ENUMERATOR.exec(raw)) cuts.add(m.index);
  for (let i = raw.indexOf(';'); i >= 0; i = raw.indexOf(';', i + 1)) cuts.add(i + 1);
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.map((start, i) => ({ start, end: i + 1 < sorted.length ? sorted[i + 1]! : raw.length }));
}

export function segmentAt(raw: string, at: number): Segment {
  const all = segments(raw);
  return all.find((s) => at >= s.start && at < s.end) ?? { start: 0, end: raw.length };
}

const PREPOSITION_BEFORE = /\b(?:of|by|to|for|from|with|in|on|at|than|under|between|among|through|via|over|upon|into|behalf\s+of|respect\s+to)\s+(?:the\s+|such\s+|each\s+|its\s+)?(?:other\s+)?$/i;
const QUANTIFIED_OF = /\b(?:each|both|all|any|either|none|neither|one)\s+of\s+(?:the\s+)?$/i;

/** Is the mention the object of a preposition (`the general partner of the US Fund`, `director of each of A and B`)? */
function isPrepositionalObject(raw: string, m: PartyMention): boolean {
  const before = raw.slice(Math.max(0, m.start - 40), m.start);
  if (QUANTIFIED_OF.test(before)) return /\b(?:of|for|to|by|with|from|in)\s+(?:each|both|all|any|either|one)\s+of\s+(?:the\s+)?$/i.test(before);
  return PREPOSITION_BEFORE.test(before);
}

/**
 * Is the mention inside an aside between the subject and its verb (`Mr. Singer, as the managing member of each of
 * Vertex GP and Vertex Capital, may be deemed …`, `Baran, through its wholly-owned subsidiary, Baran Acquisition,
 * has …`)?
 */
function isInAside(raw: string, m: PartyMention, from: number, verbStart: number): boolean {
  const open = raw.lastIndexOf(',', m.start);
  if (open < from) return false;
  const closeAt = raw.indexOf(',', m.end);
  if (closeAt < 0 || closeAt >= verbStart) return false;
  const lead = raw.slice(open, m.start);
  return /^,\s*(?:as|a|an|the|which|who|its|his|her|their|being|through|acting|in\s+its|in\s+his|together)\b/i.test(lead) || /^,\s*$/.test(lead) && /,\s*(?:as|a|an|the|through|its)\b[^,]*,\s*$/.test(raw.slice(from, m.start));
}

/**
 * The subject of the verb at `verbStart`: the nearest party named before it in the clause that is not a prepositional
 * object, with parties coordinated with it (`the US Fund and the Offshore Fund`). Empty when the subject is not a
 * party we know (a pronoun, "the Issuer's board").
 */
export function subjectBefore(s: ProseSentence, verbStart: number, from = segmentAt(s.raw, verbStart).start): PartyMention[] {
  const candidates = s.mentions.filter((m) => m.start >= from && m.end <= verbStart);
  for (let i = candidates.length - 1; i >= 0; i--) {
    const m = candidates[i]!;
    if (isPrepositionalObject(s.raw, m) || isInAside(s.raw, m, from, verbStart)) continue;
    // A possessive is not a subject: "the US Fund's general partner holds".
    if (/^['\u2019]s\b/.test(s.raw.slice(m.end, m.end + 2)) && !/^['\u2019]s\s+(?:own|hold)/.test(s.raw.slice(m.end, m.end + 8))) continue;
    // The words between subject and verb must not contain another finite verb clause ("the Issuer issued … to").
    const between = withoutClosedRelative(s.raw.slice(m.end, verbStart));
    if (/\b(?:issued|granted|sold|agreed|entered|which|who|that)\b/i.test(stripAppositive(between))) continue;
    return withCoordinated(s, candidates, i);
  }
  return [];
}

/**
 * A relative clause set off by commas and closed right before the verb is an aside of the subject: "The Income Fund
 * of America, Inc., an investment company …, which is advised by Capital Research and Management Company ("CRMC"), is
 * the beneficial owner of …". Only the last 300 characters are looked at (a bounded scan per candidate).
 */
function withoutClosedRelative(between: string): string {
  const tail = between.length > 300 ? between.slice(-300) : between;
  const m = CLOSED_RELATIVE.exec(tail);
  return m ? between.slice(0, between.length - tail.length + m.index) + ' ' : between;
}

const CLOSED_RELATIVE = /,\s*(?:which|who)\s[^,;()]*(?:\([^()]*\)[^,;()]*)*,\s*$/i;

const DEFINING_PAREN = /^\s*,?\s*\(\s*(?:the\s+|each\s+a\s+|an?\s+)?["\u201c]$/i;

/** Drop `, a Delaware limited partnership,`-style appositives and parentheses from the words between. */
function stripAppositive(between: string): string {
  return between.replace(/\([^)]*\)/g, ' ').replace(/,[^,]*,/g, ' ');
}

/**
 * The mention at `i` plus those joined to it by `and`, `,`, `, and` (`each of A, B and C`): a list must end in
 * "and"/"or", so "Pursuant to the Warrant Agreement, Baran, …" is not read as a list.
 */
function withCoordinated(s: ProseSentence, list: PartyMention[], i: number): PartyMention[] {
  const out = [list[i]!];
  for (let j = i - 1; j >= 0; j--) {
    const gap = s.raw.slice(list[j]!.end, out[0]!.start);
    // A term defined in passing is its name again: "Alpha Fund LP (the "Fund") and Alpha GP LLC (the "General
    // Partner")" coordinates two parties, each named twice.
    if (list[j]!.party === out[0]!.party && DEFINING_PAREN.test(gap)) {
      out[0] = list[j]!;
      continue;
    }
    // (A full name after its honorific, "Prescott Capital and Mr. Phil Frohlich", is joined too.)
    const joined = /^(?:["\u201d]\s*\))?(?:['\u2019]s)?\s*(?:\([^)]*\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:the\s+|(?:Mr|Mrs|Ms|Dr)\.?\s+)?$/i.test(gap);
    if (!joined || (out.length === 1 && !/\b(?:and|or)\b/i.test(gap))) break;
    out.unshift(list[j]!);
  }
  return out;
}

/** Parties named right after `at` as `to X`, `by X`, `held by X`, `with respect to X` (and coordinated ones). */
export function partiesAfter(s: ProseSentence, at: number, lead: RegExp, limit = 80): PartyMention[] {
  const window = s.raw.slice(at, at + limit);
  const m = lead.exec(window);
  if (!m) return [];
  const from = at + m.index + m[0].length;
  const first = s.mentions.find((x) => x.start >= from && x.start <= from + 12);
  if (!first) return [];
  const out = [first];
  for (const next of s.mentions.filter((x) => x.start > first.start)) {
    const gap = s.raw.slice(out[out.length - 1]!.end, next.start);
    if (/^\s*(?:\([^)]*\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$/i.test(gap)) out.push(next);
    else break;
  }
  return out;
}

/** Expand group subjects when the clause says "each of the Reporting Persons". */
export function holdersOf(s: ProseSentence, mentions: PartyMention[]): Party[] {
  const out: Party[] = [];
  for (const m of mentions) {
    const before = s.raw.slice(Math.max(0, m.start - 20), m.start);
    if (m.party.group && /\beach\s+of\s+(?:the\s+)?$/i.test(before) && m.party.members.length) pushAll(out, m.party.members);
    else out.push(m.party);
  }
  return [...new Set(out)];
}

/** A clause stating a supposition rather than a fact. */
export function isHypothetical(text: string): boolean {
  return /\b(?:assum(?:ing|es?)|would\s+have\s+(?:been|had|owned|held)|if\s+(?:the|all|such|it|they|each|any)\b|had\s+not\b|were\s+to\b|in\s+the\s+event\s+(?:of|that)|instead\s+of)\b/i.test(text);
}

/** The date a clause is about: `On February 16, 2001, …`, `As of April 15, 2003 …`, or the clause's first date. */
export function clauseDate(s: ProseSentence, from: number, to: number, ctx: ProseContext): string | null {
  const dates = s.tokens.filter((t) => t.kind === 'date' && t.start >= from && t.end <= to);
  if (dates.length) return dates[0]!.iso;
  const hereof = /\bas\s+of\s+the\s+(?:date\s+(?:hereof|of\s+this\s+(?:statement|amendment|schedule|filing|report))|filing\s+date)/i.exec(s.raw.slice(from, to));
  if (hereof) return ctx.filedAt;
  return null;
}

/** The sentence's leading date (`On December 20, 2002, …`, `(a) March 30, 2001, …`) if it has one. */
export function leadingDate(s: ProseSentence, ctx: ProseContext): string | null {
  const m = /^\s*(?:\([a-z0-9]+\)\s*)?(?:on|as\s+of|effective(?:\s+as\s+of)?|since|at\s+the\s+close\s+of\s+business\s+on)?\s*/i.exec(s.raw);
  const at = m ? m[0].length : 0;
  const first = s.tokens.find((t) => t.kind === 'date' && t.start >= at && t.start <= at + 2);
  if (first) return first.iso;
  return clauseDate(s, 0, Math.min(s.raw.length, 80), ctx);
}

/**
 * The word of a class of shares a filing may print in lower case ("the Issuer's common stock"): it names the same
 * class as "Common Stock". One list for the readers of a security's name (here, holding-rules.ts's CLASS_NAME).
 */
export const CLASS_WORD = '(?:common|preferred|ordinary|capital)';

// The name after "shares of": capitalised words (and "of"), never across "and" (a list: "Common Stock and Warrants").
// A filing may drop the "of" before a class named in full: "3,697,435 shares Common Stock, $0.00001 par value"
// (0001831942-26-000014).
const SECURITY_AFTER = new RegExp(
  String.raw`^\s*(?:\([^)]{0,40}\)\s*)?(?:shares?|units?|Shares|Units|SHARES)(?:\s+(?:(?:of|in)\s+|(?=(?:Class\s+[A-Z]\s+)?(?:Common|Preferred|Ordinary)\s+(?:Stock|Shares)\b))(?:the\s+)?(?:(?:[Ii]ssuer|[Cc]ompany|Partnership|Trust)['\u2019]s\s+|its\s+|their\s+)?((?:[A-Z0-9][\w.\-'\u2019&]*|[a-z]+[0-9A-Z][\w-]*|${CLASS_WORD}(?=\s+(?:stock|shares)\b))(?:\s+(?:[A-Z0-9][\w.\-'\u2019&]*|of(?=\s+[A-Z])|stock\b|shares\b))*))?`,
);
const LOWER_CASE_CLASS = new RegExp(String.raw`^${CLASS_WORD}\s+(?:stock|shares)$`);

/**
 * A par value printed between a count's class and the words after it: "9,418,231 shares of Common Stock, par value
 * $.10 per share, of the Issuer held by Water Street", "…, $.01 par value per share, …". Part of the class's name,
 * so the readers look past it for the verb or agent that follows.
 */
export const PAR_VALUE_SOURCE = String.raw`(?:,?\s*\(?\s*(?:(?:with\s+a\s+)?par\s+value\s+(?:of\s+)?\$\s?\d*\.?\d+|\$\s?\d*\.?\d+\s+par\s+value)(?:\s+per\s+share)?\s*\)?(?:\s*,?\s+of\s+the\s+(?:Issuer|Company))?,?)`;

const PAR_VALUE_AT = new RegExp(`^${PAR_VALUE_SOURCE}`, 'i');

/**
 * What a share count is of: `25,855 shares of the Issuer's Series A Convertible Preferred Stock, $.01 par value per
 * share ("Series A Preferred Stock")` → the defined term when one is introduced right there and the name is not
 * already a term, else the capitalised name. `Shares` or `Units` alone (a defined term) stand for themselves.
 */
export function securityAfter(s: ProseSentence, token: Token, ctx: ProseContext): { name: string | null; end: number } {
  const rest = s.raw.slice(token.end, token.end + 240);
  // "2,962,920 Common Shares", "375,000 LTIP Units", "1,000 Class A Ordinary Shares": the name is before the noun.
  const named = /^\s+((?:[A-Z][\w-]*\s+){1,4}(?:Shares|Units|Stock|ADSs|Interests))\b/.exec(rest);
  if (named && !/^(?:The|Such|These|Those)\b/.test(named[1]!)) return { name: named[1]!.replace(/\s+/g, ' ').trim(), end: parValueEnd(s.raw, token.end + named[0].length) };
  const m = SECURITY_AFTER.exec(rest);
  if (!m) return { name: null, end: token.end };
  let end = token.end + m[0].length;
  const noun = /^\s*(?:\([^)]{0,40}\)\s*)?(\S+)/.exec(rest)![1]!;
  let name: string | null = m[1] ? trimSecurity(m[1]) : /^[A-Z]/.test(noun) ? noun.replace(/s?$/, 's').replace(/^Share$/, 'Shares') : null;
  if (name && m[1]) {
    const tail = s.raw.slice(end, end + 120);
    const def = /^\s*,?\s*(?:\$?[\d.]+\s+par\s+value(?:\s+per\s+share)?\s*,?\s*)?\((?:the\s+)?["\u201c]([^"\u201d]{2,60})["\u201d]\)/.exec(tail);
    const isTerm = !!ctx.terms?.lookup(name);
    if (def && !isTerm) {
      name = def[1]!.trim();
      end += def[0].length;
      return { name, end };
    }
  }
  return { name, end: parValueEnd(s.raw, end) };
}

/** Past a par value right after a class's name (PAR_VALUE_SOURCE), else `end`. */
function parValueEnd(raw: string, end: number): number {
  const par = PAR_VALUE_AT.exec(raw.slice(end, end + 100));
  return par ? end + par[0].length : end;
}

function trimSecurity(name: string): string {
  let n = name.replace(/\s+/g, ' ').trim();
  // Stop at a par value or a trailing connective.
  n = n.replace(/,?\s+(?:\$?[\d.]+\s+)?par\s+value.*$/i, '').replace(/\s+(?:of|and|per|share)$/i, '').replace(/[,.]$/, '');
  // "shares of the Issuer's common stock" names the class "Common Stock" names.
  if (LOWER_CASE_CLASS.test(n)) n = n.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return n;
}

export function securityKindOf(name: string | null, context = ''): 'common' | 'preferred' | 'option' | 'warrant' | 'unit' | 'note' | 'other' {
  const t = `${name ?? ''} ${context}`;
  if (/\bwarrants?\b/i.test(t)) return 'warrant';
  if (/\boptions?\b/i.test(t)) return 'option';
  if (/\bpreferred\b/i.test(name ?? '')) return 'preferred';
  if (/\b(?:notes?|debentures?|bonds?)\b/i.test(name ?? '')) return 'note';
  if (/\bunits?\b/i.test(name ?? '')) return 'unit';
  if (!name || /\b(?:common|ordinary|shares?|stock|ADSs?|American Depositary)\b/i.test(name)) return 'common';
  return 'other';
}

/** The full name to store for a party, and its cover page when it is a reporting person. */
export function holderColumns(p: Party): { holder: string; reportingPersonOrdinal: number | null } {
  return { holder: p.name, reportingPersonOrdinal: p.coverOrdinal };
}

/** `text` (the sentence's raw text from `from`) with the party names it holds blanked out, offsets kept. */
export function namesBlanked(s: ProseSentence, text: string, from: number): string {
  let out = text;
  for (const m of s.mentions) {
    const a = Math.max(m.start, from) - from;
    const b = Math.min(m.end, from + text.length) - from;
    if (b > a) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  }
  return out;
}
