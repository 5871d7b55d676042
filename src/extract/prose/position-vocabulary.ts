/**
 * The words of Item 5 (13G: Item 4) that give a share count its role: the cover page's power rows (sole or shared,
 * voting or dispositive), ownership words, trade words, negation, the words of an underlying instrument and of a count
 * that is no position (outstanding shares, prices), and the captions and headers of position tables.
 * Each table is named so that a rule can be cited and tested; the readers (positions.ts, position-tables.ts) decide
 * what to do with a match. Does not decide holders (position-holders.ts).
 */
import { isHypothetical } from './clauses.js';
import type { HoldingRole, ProseSentence } from './types.js';
import { matchesOf } from '../../matches.js';

export const POWER = {
  sole_voting: /\bsole\s+(?:and\s+shared\s+)?(?:voting(?:\s+(?:and|or)\s+(?:dispositive|investment))?\s+(?:power|authority|control)|(?:power|authority)\s+(?:to\s+vote|of\s+voting|to\s+(?:direct\s+the\s+)?vote)|power\s+over\s+the\s+voting|voting\b)/gi,
  shared_voting: /\bshared?\s+(?:the\s+)?(?:voting(?:\s+(?:and|or)\s+(?:dispositive|investment))?\s+(?:power|authority|control)|(?:power|authority)\s+(?:to\s+vote|of\s+voting|to\s+(?:direct\s+the\s+)?vote)|voting\b)/gi,
  sole_dispositive: /\bsole\s+(?:dispositive|investment|disposition)\s+(?:power|authority|control)|\bsole\s+(?:power|authority)\s+(?:to\s+(?:direct\s+the\s+)?dispos|of\s+disposition|to\s+sell|over\s+the\s+disposition)|\bsole\s+(?:dispositive|investment)\b/gi,
  shared_dispositive: /\bshared?\s+(?:dispositive|investment|disposition)\s+(?:power|authority|control)|\bshared?\s+(?:the\s+)?(?:power|authority)\s+(?:to\s+(?:direct\s+the\s+)?dispos|of\s+disposition|to\s+sell|over\s+the\s+disposition)|\bshared?\s+(?:dispositive|investment)\b/gi,
} as const;

/** Adverbs before an ownership verb (a comma only after one: the comma before the first is the subject's aside's). */
const OWN_ADVERBS = '(?:(?:directly|indirectly|beneficially|collectively|together|jointly|currently|now|also|thus|presently|still|solely|individually|in\\s+the\\s+aggregate|of\\s+record|each)\\s*,?\\s*)*';

/**
 * The ownership predicate: every way a filing says that its subject owns the count that follows. One vocabulary for
 * every reader that asks "is this an ownership statement?" (holdings.ts's verbs, the introduction of a position table),
 * so that "beneficially owns", "may be deemed to beneficially own", "is (deemed to be) the beneficial owner of" and
 * "has beneficial ownership of" read alike. Sources without flags (the readers compile them case-sensitive or not).
 */
export const OWNERSHIP_PREDICATE_RULES: readonly { name: string; source: string }[] = [
  // "As of the date hereof, the US Fund holds 104,095 shares of Series A Preferred Stock", "beneficially owns
  // 9,418,231 shares of Common Stock", "resulting in EFM beneficially owning …" (not "held by": a passive).
  { name: 'owns or holds', source: `(?:may\\s+be\\s+deemed\\s+to\\s+(?:have\\s+)?)?${OWN_ADVERBS}(?:owns?|owned|owning|holds?|held|hold|holding)\\b(?!\\s+by\\b)` },
  // "Wesmar is the record and beneficial owner of 1,399,096 shares", "Vertex GP … may be deemed the beneficial
  // owner of the 2,081,499 Shares owned by Vertex Opportunities", "may be deemed to be the beneficial owner of", and
  // the same with "holder" ("a Cayman Islands exempted company that is the holder of 527,194 shares", 0000905718-14-000108).
  { name: 'is the owner of', source: '(?:is|are|was|were|be|been|(?:may\\s+be\\s+)?deemed(?:\\s+to\\s+be)?)\\s+(?:the\\s+)?(?:record\\s+(?:and|or)\\s+)?(?:beneficial\\s+)?(?:record\\s+)?(?:owners?|holders?)\\s+of\\b' },
  // "has acquired beneficial ownership of N shares", "has beneficial ownership of N shares", "she may be deemed to
  // have indirect beneficial ownership of a total of 9,697,714 owned by the Gebbia Living Trust" (john-friedman__schedule13d).
  { name: 'has beneficial ownership of', source: '(?:has|have|had)\\s+(?:acquired\\s+)?(?:(?:direct|indirect)\\s+)?beneficial\\s+ownership\\s+of\\b' },
];
/** Any ownership predicate (case-sensitive: the words are lower case in prose). */
export const OWNERSHIP_PREDICATE = new RegExp(OWNERSHIP_PREDICATE_RULES.map((r) => r.source).join('|'));

export const OWN_WORDS = /\b(?:beneficially\s+own\w*|beneficial\s+own\w*|beneficial\s+owners?|own(?:s|ed|ing)?|hold(?:s|ing)?|held|deemed\s+to\s+(?:have\s+)?(?:beneficially\s+)?own|amount\s+beneficially|aggregate\s+(?:number|amount)|in\s+the\s+aggregate|an\s+aggregate\s+of|a\s+total\s+of|totals?|holdings|consisting\s+of|comprised\s+of|interest\s+in)\b/gi;

export const TRADE_WORDS = /\b(?:purchas\w*|bought|buys?|sold|sells?|sales?|acquired|acquisitions?|acquire|disposed|transferr?\w*|exercised|converted|conversion\s+of|gift\w*|distribut\w*|paid|price|cost|consideration|issued|granted|awarded|received|receive|exchang\w*|tender\w*|redeem\w*|lend|loan\w*|pledg\w*|reduced|increased|decreased)\b/i;

/** Words that deny or leave out. ("No." before a number is the abbreviation: "CUSIP No. 86858W101", "Amendment No. 2".) */
export const NEGATION = /\b(?:no(?!\.\s*\w*\d)|not|neither|nor|none|disclaims?|disclaimed|except|excluding|other\s+than|without)\b/i;

export const UNDERLYING = /\b(?:options?|warrants?|convertible|conversion|exercis\w+|underlying|issuable|rights?\s+to\s+(?:purchase|acquire)|notes?|debentures?)\b/i;

/** Words that make a count something other than a position: a denominator, a money amount, a vote count. */
export const NOT_POSITION_AFTER = /^\s*(?:(?:shares?|Shares)\s+)?(?:(?:of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,4})?(?:issued\s+and\s+)?(?:then\s+)?outstanding|\(?(?:shares\s+)?outstanding\)?|per\s+share|dollars|years?|days?|months?|votes?\b)/;

/**
 * The filer's officers, directors or controlling persons as the subject of an ownership verb ("To the best knowledge
 * of WAC, its directors, executive officers and controlling persons beneficially own the following shares: -0-"):
 * Item 2 makes a 13D name them, and a count stated for them is not the reporting person's.
 */
export const OFFICERS_SUBJECT = /\b(?:its|their|his|her|the|such)\s+(?:[\w-]+,?\s+){0,3}?(?:directors|officers|controlling\s+persons|employees|partners|members)\b[^.;:]{0,80}?\b(?:beneficially\s+)?(?:own|hold)\b/i;

/** The holder of an "of which" part, after its count: "(shares) are (directly) held by", "may be deemed to be owned by". */
export const PART_AGENT = /^\s*(?:(?:shares?|Shares)\b[^,;.]{0,40}?)?\s*(?:are|is|were|may\s+be\s+deemed\s+to\s+be)\s+(?:(?:beneficially|directly|indirectly|held|owned|of\s+record)\s+)*(?:held|owned)\s+(?:(?:directly|indirectly|of\s+record)\s+)*by\s+/i;

/** "N of which …": a count that names a part of the position just stated before saying whose it is. */
export const OF_WHICH_AFTER = /^\s*(?:(?:shares?|Shares)\s+)?of\s+which\b/i;

/** "N Shares, constituting approximately P% of …, are reported in this Schedule 13D": the filing's total. */
export const REPORTED_HEREIN = /^\s*(?:(?:shares?|Shares)\b)?(?:[^;.]|\.\d){0,120}?\b(?:are|is|were)\s+(?:being\s+)?reported\s+(?:in|on|by)\s+this\s+(?:Schedule|Statement|statement|Amendment)\b/;

/**
 * Words before a count that make it a re-reference to a position stated elsewhere: "such 698,700 shares", "said
 * shares", and "Of the 1,500,000 Shares, 1,000,000 … are held by …" (the whole whose parts follow).
 */
export const RE_REFERENCE = /\b(?:such|said|these|those)\s+$|(?:^|[.;:]\s*|\(\w{1,4}\)\s*)of\s+(?:the|such|these|those)\s+$/i;

/** A pronoun or the form's words for the subject that the block or the previous statement names. */
export const PRONOUN_SUBJECT = /(?:^|[.;:,]\s*|\(\w{1,4}\)\s*)(?:it|he|she|they|each\s+(?:such\s+)?(?:reporting\s+)?person|such\s+(?:reporting\s+)?person|the\s+(?:reporting|filing)\s+person|such\s+entity|(?:the\s+)?person)\b/i;

/**
 * The words before a number that make it a reference, not a count: "Section 13(d)", "Rule 13d-3", "** see Note 1 **",
 * "Row (11)", "Item 4". Tested on the 12 characters before the number.
 */
export const REFERENCE_BEFORE = /\b(?:Rule|Section|Item|Items|Row|Rows|No\.|page|pages|Exhibit|Schedule|Form|Amendment|Note|Notes|Box|Line|Lines)\s*\(?$/i;

/** Whether the number at `start` of `raw` is a reference ("Note 1", "Section 13(d)"). */
export function isReferenceNumber(raw: string, start: number): boolean {
  return REFERENCE_BEFORE.test(raw.slice(Math.max(0, start - 12), start));
}

export function hypothetical(s: ProseSentence, from: number, to: number): boolean {
  return isHypothetical(s.raw.slice(from, to)) || /\b(?:would|assumes?|assuming|if)\b/i.test(s.raw.slice(from, to));
}

export function lastMatch(re: RegExp, text: string): number {
  let at = -1;
  re.lastIndex = 0;
  for (const m of matchesOf(re, text)) at = m.index;
  return at;
}

/** The power word (sole voting, shared dispositive, …) that occurs last in `tail` and where; role null when none does. */
function lastPowerRole(tail: string): { role: HoldingRole | null; at: number } {
  let role: HoldingRole | null = null;
  let at = -1;
  for (const [name, re] of Object.entries(POWER) as [HoldingRole, RegExp][]) {
    const i = lastMatch(new RegExp(re.source, 'gi'), tail);
    if (i > at) {
      at = i;
      role = name;
    }
  }
  return { role, at };
}

/**
 * The words that give a position's percent of the class: "N Shares, or approximately 7.50% of …", "representing
 * 63.0%", "which constitutes 0.0% of", "constituting", "equal to", "which is", "comprising", "being". One list for
 * every reader that pairs a count with its percent.
 */
export const PERCENT_VERB = String.raw`(?:represent\w*|constitut\w*|or|equal\s+to|equals?|which\s+is|comprising|being)`;

/**
 * Text made only of the words of the form's labels ("VOTE", "DISPOSITION OF", "Sole Voting Power"): the wrapped end of
 * a label, never a holder's name, whatever its case (a label in capitals looks like a name in capitals).
 */
export const LABEL_FRAGMENT = /^(?:[\s(),.:-]|\b(?:amount|aggregate|beneficially|owned|percent(?:age)?|class|number|shares?|sole|shared|power|vote|voting|direct|dispose|disposition|dispositive|of|or|to|the|with|respect|as|which|such|person|has|over)\b)+$/i;

/** What sets a label off from its value: a colon, a dash or two ("AMOUNT BENEFICIALLY OWNED --"), an en or em dash. */
export const LABEL_SEPARATOR = String.raw`(?:[:\u2013\u2014]|--?)`;
/**
 * The separators a written dash may follow as the label's value ("… the vote:-", "… the vote -- -", "… the vote ---"):
 * LABEL_SEPARATOR without the single hyphen, which a label's dash alone could not be told from.
 */
export const DASH_VALUE_SEPARATOR = String.raw`(?::|--|[\u2013\u2014])`;

/**
 * The words a power or amount label ends with before its count, whichever way the form's row is worded: "(i) sole
 * power to vote or to direct the vote of", "… the disposition:", "SOLE POWER TO VOTE OR DIRECT THE VOTE --", "Amount
 * beneficially owned", "sole voting power with respect to", "shared dispositive power over", "sole power as to". One list for every test of "is this a label's end"
 * (a count on the next line, a written zero, a dash, a count set off by spaces).
 */
export const LABEL_END_WORDS = String.raw`(?:power|vote|disposition|dispose|owned|of|over|(?:with\s+respect|as)\s+to)`;
/**
 * The stricter last words of a form's row, for a count on the same line or the next with no colon or dash between:
 * "… direct the vote      0", "… the disposition of" / "647,322", "sole dispositive power with respect to   0". Not
 * "of", "power" or "over" alone: wrapped prose ends lines with them ("the beneficial owner of" / "1,234 shares"); a
 * noun label ("Sole Voting Power") needs its colon.
 */
export const FORM_LABEL_END_WORDS = String.raw`(?:vote|disposition(?:\s+of)?|dispose|owned|(?:voting|dispositive)\s+power\s+(?:(?:with\s+respect|as)\s+to|over))`;
const LABEL_END = new RegExp(`${LABEL_END_WORDS}\\s*${LABEL_SEPARATOR}?\\s*$`, 'i');
const AMOUNT_LABEL_END = new RegExp(`\\b(?:amount|number)\\b[^.;\\d]{0,60}beneficially\\s+owned\\s*${LABEL_SEPARATOR}?\\s*$`, 'i');

/** "(i) Sole power to vote or to direct the vote:" ending a line: the role of the count on the next line. */
export function labelAtEnd(raw: string): HoldingRole | null {
  const tail = raw.slice(-160);
  if (!LABEL_END.test(tail)) return null;
  let { role } = lastPowerRole(tail);
  if (!role && AMOUNT_LABEL_END.test(tail)) role = 'beneficial';
  return role;
}

/** The words that name a table column, each compiled once (matchAll copies a regex, so sharing them is safe). */
const HEADER_WORDS: [RegExp, HoldingRole | 'percent'][] = [
  [/\b(?:aggregate|amount|number\s+of\s+shares|shares)\s+(?:beneficially\s+)?owned\b|\bbeneficial\s+ownership\b|\baggregate\s+(?:number|amount)\b/gi, 'beneficial'],
  [/\bpercent(?:age)?(?:\s+of\s+class)?\b|%/gi, 'percent'],
  ...(Object.entries(POWER) as [HoldingRole, RegExp][]).map(([r, re]) => [new RegExp(re.source, 'gi'), r] as [RegExp, HoldingRole]),
];

/** Column words of a table header, in order: "Name | Aggregate | Percent | Sole Voting | Shared Voting | …". */
export function headerColumns(raw: string): { roles: HoldingRole[]; percent: number | null } | null {
  if (/\d{2,}/.test(raw.replace(/\b(?:13|19|20)\d{2}\b/g, ''))) return null;
  const found: { at: number; role: HoldingRole | 'percent' }[] = [];
  // A word found within 2 characters of one already found is the same column. Positions are kept in a set, so a line
  // of thousands of "%" costs one look-up per match, not a scan of every match before it.
  const taken = new Set<number>();
  const near = (at: number): boolean => taken.has(at) || taken.has(at - 1) || taken.has(at + 1) || taken.has(at - 2) || taken.has(at + 2);
  for (const [re, role] of HEADER_WORDS) {
    for (const m of matchesOf(re, raw)) {
      if (near(m.index)) continue;
      found.push({ at: m.index, role });
      taken.add(m.index);
    }
  }
  const distinct = new Set(found.map((f) => f.role));
  if (distinct.size < 3 || !distinct.has('percent') && distinct.size < 4) return null;
  found.sort((a, b) => a.at - b.at);
  const roles: HoldingRole[] = [];
  let percent: number | null = null;
  for (const f of found) {
    if (f.role === 'percent') {
      if (percent === null) percent = roles.length;
      continue;
    }
    if (!roles.includes(f.role)) roles.push(f.role);
  }
  return { roles, percent };
}

export function captionRoleOf(caption: string): HoldingRole | 'percent' | null {
  const tail = caption.slice(-300);
  const last = lastPowerRole(tail);
  let role = last.role;
  const at = last.at;
  // "Sole Power to Vote" split over caption lines: "Number of Shares with / Name of Sole Power to Vote".
  const spread = /\b(sole|shared?)\s+power\s+to\s+(vote|dispose)/i.exec(tail.replace(/\s+/g, ' '));
  if (spread && !role) role = `${spread[1]!.toLowerCase().startsWith('sole') ? 'sole' : 'shared'}_${spread[2]!.toLowerCase() === 'vote' ? 'voting' : 'dispositive'}` as HoldingRole;
  const pctAt = lastMatch(/\bpercent(?:age)?\b/gi, tail);
  // "Number of Shares", "Number of Ordinary Shares we own": the count column of a percent table.
  const numberOf = /\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?shares\b/i;
  const ownAt = lastMatch(/\bbeneficially\s+owned\b|\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?shares\b/gi, tail);
  if (pctAt >= 0 && pctAt > at && !numberOf.test(tail)) return 'percent';
  return role ?? (ownAt >= 0 || numberOf.test(tail) || /\bshares\s+(?:beneficially\s+)?owned\b/i.test(tail) ? 'beneficial' : null);
}

/**
 * The `n` characters before `at` with each run of white space read as one space: aligned text pads a label from its
 * value ("Sole Voting Power:                180,000 shares"), and a label test on the raw characters sees only spaces.
 */
export function leadOf(raw: string, at: number, n: number): string {
  return raw.slice(Math.max(0, at - n - 160), at).replace(/\s+/g, ' ').slice(-n);
}

/**
 * The other powers coordinated with `role` in the words before a count: "sole voting power and sole dispositive
 * power with regard to N", "sole voting and dispositive power over N", "shared power to vote and to dispose of N".
 * Only a chain of power phrases joined by "and"/"or"/commas counts; the last phrase is `role` itself.
 */
export function coordinatedPowers(words: string, role: HoldingRole): HoldingRole[] {
  const found: { at: number; end: number; role: HoldingRole }[] = [];
  for (const [name, re] of Object.entries(POWER) as [HoldingRole, RegExp][]) {
    for (const m of matchesOf(new RegExp(re.source, 'gi'), words)) found.push({ at: m.index, end: m.index + m[0].length, role: name });
  }
  if (!found.length || !POWER_ROLE_NAMES.has(role)) return [];
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  const chain = [found[found.length - 1]!];
  for (let i = found.length - 2; i >= 0; i--) {
    const f = found[i]!;
    const head = chain[0]!;
    if (f.end > head.at) continue;
    if (!/^[\s,]*(?:and\/or|and|or)?[\s,]*(?:to\s+)?$/i.test(words.slice(f.end, head.at))) break;
    chain.unshift(f);
  }
  const roles = new Set(chain.map((c) => c.role));
  // "sole voting and dispositive power": one phrase for two powers.
  for (const c of chain) {
    const text = words.slice(c.at, c.end);
    if (/\b(?:and|or)\s+(?:dispositive|investment)\b/i.test(text)) roles.add(c.role === 'sole_voting' ? 'sole_dispositive' : 'shared_dispositive');
  }
  const tail = words.slice(chain[chain.length - 1]!.end);
  if (/^[^.;]{0,60}?\b(?:and|or)\s+(?:the\s+power\s+)?(?:to\s+)?(?:direct\s+the\s+)?dispos/i.test(tail) && (role === 'sole_voting' || role === 'shared_voting')) roles.add(role === 'sole_voting' ? 'sole_dispositive' : 'shared_dispositive');
  roles.delete(role);
  return [...roles];
}

const POWER_ROLE_NAMES = new Set<HoldingRole>(['sole_voting', 'shared_voting', 'sole_dispositive', 'shared_dispositive']);

/** "…, which is, in the aggregate, N": the count restates what the sentence's verb said is owned. */
const RESTATED_OBJECT = /,\s*which\s+(?:is|are|equals?|represents?)\s*,?\s*(?:in\s+the\s+aggregate|in\s+total|collectively)?\s*,?\s*(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?$/i;
/** An active ownership verb ("may be deemed to own beneficially", "beneficially owns"), not the passive "owned by". */
const ACTIVE_OWN = /\b(?:may\s+be\s+deemed\s+to\s+)?(?:beneficially\s+)?owns?\b(?!\s+by\b)/gi;

/** Where the ownership verb whose object the count restates starts ("which is, in the aggregate, N"), else -1. */
export function restatedObjectVerb(raw: string, countStart: number): number {
  const lead = RESTATED_OBJECT.exec(raw.slice(Math.max(0, countStart - 60), countStart));
  if (!lead) return -1;
  const upTo = countStart - lead[0].length;
  let at = -1;
  ACTIVE_OWN.lastIndex = 0;
  for (let m = ACTIVE_OWN.exec(raw); m && m.index < upTo; m = ACTIVE_OWN.exec(raw)) at = m.index;
  return at;
}
