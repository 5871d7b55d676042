/**
 * Whom a share count of Item 5 belongs to: a passive agent ("held by X"), a list distributed by "respectively", the
 * clause's subject (defined terms resolved, "each of A and B" expanded), a "Name - N" pair, the block's person, a
 * proper name the filing never defines, and finally the cover pages (a count equal to the cover value of the same
 * role for some reporting persons is theirs). Also the reader's state from one sentence to the next.
 * Does not handle: pronouns across paragraphs beyond the last holder named.
 */
import { holdersOf, PAR_VALUE_SOURCE, partiesAfter, subjectBefore } from './clauses.js';
import type { Party, PartyMention } from './parties.js';
import type { Token } from './tokens.js';
import type { CoverAnchor, HoldingRole, ProseContext, ProseSentence } from './types.js';
import { FORM_LABEL_END_WORDS, LABEL_SEPARATOR, leadOf, OFFICERS_SUBJECT, PRONOUN_SUBJECT } from './position-vocabulary.js';
import { knownAs, printedName } from './printed-names.js';

/** A form row's last words right before its count (position-vocabulary.ts's strict list). */
const LABEL_END_BEFORE_COUNT = new RegExp(`\\b${FORM_LABEL_END_WORDS}\\s*$`, 'i');
/** A footnote mark after a count: "** see Note 1 **", "(see Note 1)", "*". */
const FOOTNOTE_MARK = String.raw`(?:\*{1,3}[ \t]*(?:see[ \t]+)?(?:foot)?note[ \t]*\w{1,3}[ \t]*\*{0,3}|\(\s*see[ \t]+(?:foot)?note[ \t]*\w{1,3}\s*\)|\*{1,3})[ \t]*`;
/**
 * The start of the form's next row right after a count: an enumerator ("(ii)", "4.") or a label's first word ("Shared
 * power to vote", "Percent of class", "Item 5"), the count's own "shares" and a footnote mark allowed before it
 * ("… direct the vote 715,775 ** see Note 1 ** (ii) shared power …", 0000354204-21-000224 flattened).
 */
const NEXT_FORM_ROW = new RegExp(String.raw`^[ \t]*(?:shares\b[ \t]*)?(?:${FOOTNOTE_MARK})?(?:\(\s*[a-z0-9]{1,4}\s*\)|\d{1,2}\.[ \t]|(?:sole|shared?|percent(?:age)?|amount|aggregate|number|item)\b)`, 'i');
/** Between a name and its count: "Armistice Capital, LLC - 2,574,000", "Franklin Resources, Inc.: 0". */
const NAME_COUNT_GAP = new RegExp(`^\\s*${LABEL_SEPARATOR}\\s*$`);

/** What the reader remembers from one sentence to the next inside an item. */
export interface PositionState {
  /** The parties a block of lines is about ("A. Tontine Financial Partners, L.P.", "(i) LionEye Master Fund:"). */
  heading: Party[] | null;
  /** The last holder a statement named (for "It", "He", "Such Reporting Person"). */
  lastHolder: Party[] | null;
  /** Inside sub-item (c) (transactions) or (d)/(e): no positions there. */
  inTrades: boolean;
  /** Column roles of the last table header seen, left to right. */
  columns: HoldingRole[] | null;
  /** Percent column position in the header (index among numeric cells), when the header has one. */
  percentColumn: number | null;
  /** A power or amount label that ended the previous sentence, its count on the next line ("Sole Voting Power" / "1,234,567"). */
  pendingLabel: HoldingRole | null;
  /** The power label over a list of "Name: N" lines, while the lines go on. */
  listRole: HoldingRole | null;
  /** The persons of a header line with one column each ("NAM  TCIM  TAL"), while label rows under it go on. */
  personColumns: Party[] | null;
}

export function newPositionState(): PositionState {
  return { heading: null, lastHolder: null, inTrades: false, columns: null, percentColumn: null, pendingLabel: null, listRole: null, personColumns: null };
}

const FIELD_ROLE: [keyof CoverAnchor, HoldingRole][] = [
  ['aggregateAmount', 'beneficial'],
  ['soleVotingPower', 'sole_voting'],
  ['sharedVotingPower', 'shared_voting'],
  ['soleDispositivePower', 'sole_dispositive'],
  ['sharedDispositivePower', 'shared_dispositive'],
];

/** Reporting persons whose cover value of `role` (any share field when null) equals `value`. */
export function anchorsFor(ctx: ProseContext, value: number, role: HoldingRole | null): { party: Party; role: HoldingRole }[] {
  const out: { party: Party; role: HoldingRole }[] = [];
  for (const a of ctx.cover ?? []) {
    for (const [field, r] of FIELD_ROLE) {
      if (role && role !== r && !(role === 'group_total' && r === 'beneficial')) continue;
      if (a[field] === value && (value !== 0 || role)) {
        out.push({ party: a.party, role: r });
        break;
      }
    }
  }
  return out;
}

/**
 * The reporting persons together, when `value` is the sum of their cover values of `role` over two or more persons
 * and no single person's value: a 13G whose Item 4 states the group's totals under the form's labels (0000913414-08-
 * 003796: sole voting 9,101,402 = the six covers' row 5 added up). Null otherwise, or for a zero.
 */
export function groupSumAnchor(ctx: ProseContext, value: number, role: HoldingRole): Party | null {
  const field = FIELD_ROLE.find(([, r]) => r === role || (role === 'group_total' && r === 'beneficial'))?.[0];
  const cover = ctx.cover ?? [];
  if (!field || value === 0 || cover.length < 2) return null;
  const values = cover.map((a) => a[field]).filter((v): v is number => typeof v === 'number');
  if (values.filter((v) => v > 0).length < 2 || values.includes(value)) return null;
  if (values.reduce((sum, v) => sum + v, 0) !== value) return null;
  return ctx.parties.reportingPersons();
}

/** The covers' values of `role` added up, null when no cover gives one. */
function coverSum(ctx: ProseContext, role: HoldingRole): number | null {
  const field = FIELD_ROLE.find(([, r]) => r === role || (role === 'group_total' && r === 'beneficial'))?.[0];
  const values = field ? (ctx.cover ?? []).map((a) => a[field]).filter((v): v is number => typeof v === 'number') : [];
  return values.length ? values.reduce((sum, v) => sum + v, 0) : null;
}

/** Is the value one of the cover pages' share counts? */
export function anchored(ctx: ProseContext, value: number): boolean {
  return anchorsFor(ctx, value, null).length > 0;
}

/**
 * "A, B and C … N1, N2 and N3 shares, respectively": the holder paired with this count. 'skip' when the sentence
 * pairs by "respectively" but the lists do not line up (better no row than a wrong one).
 */
export function respectivelyHolders(s: ProseSentence, t: Token, counts: Token[], roleAt: number): Party | null | 'skip' {
  const resp = s.raw.slice(t.end, t.end + 420).search(/\brespectively\b/i);
  if (resp < 0 || resp > 400) return null;
  const respAt = t.end + resp;
  // The run of counts this one belongs to: joined by commas and "and", ending before "respectively".
  const idx = counts.indexOf(t);
  let a = idx;
  while (a > 0 && /^\s*(?:shares?|Shares)?[^.;\d]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+)$/.test(s.raw.slice(counts[a - 1]!.end, counts[a]!.start)) && !/\b(?:has|have|owns?|holds?)\b/.test(s.raw.slice(counts[a - 1]!.end, counts[a]!.start))) a--;
  let b = idx;
  while (b + 1 < counts.length && counts[b + 1]!.start < respAt && /^\s*(?:shares?|Shares)?[^.;\d]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+)$/.test(s.raw.slice(counts[b]!.end, counts[b + 1]!.start))) b++;
  if (a === b) return null;
  if (b + 1 < counts.length && counts[b + 1]!.start < respAt) return null;
  const n = b - a + 1;
  const pos = idx - a;
  // The parties: coordinated before the role word (subject), or after the counts ("held by A and B, respectively").
  const runStart = counts[a]!.start;
  const lists: PartyMention[][] = [];
  const subj = subjectBefore(s, roleAt >= 0 && roleAt < runStart ? roleAt : runStart);
  if (subj.length) lists.push(subj);
  const tail = partiesAfter(s, counts[b]!.end, /^[^.;]{0,80}?\bby\s+(?:each\s+of\s+)?(?:the\s+)?/i, 120);
  if (tail.length) lists.push(tail);
  // "each of A and B, which directly owns N1 and N2 shares, respectively": the list right before the counts.
  const near = s.mentions.filter((m) => m.end <= runStart && m.start >= Math.max(0, runStart - 300));
  if (near.length >= n) lists.push(near.slice(-n));
  for (const list of lists) if (list.length === n) return list[pos]!.party;
  return 'skip';
}

/** ", through <aside>, and the Accounts (each) has" after a subject; group 1 the plural noun. */
const GROUP_AFTER_ASIDE = /^,\s*(?:through|as|acting)\b[^;]{1,200}?,\s+and\s+the\s+([A-Z][a-z]{2,}s)\s+(?:each\s+)?(?:has|have)\b/;

export function subjectOf(s: ProseSentence, ctx: ProseContext, state: PositionState, t: Token, role: HoldingRole, roleAt: number, segStart: number, labelledAbove = false): Party[] {
  const raw = s.raw;
  // "Armistice Capital, LLC - 2,574,000": a name and its count.
  const pair = [...s.mentions].reverse().find((m) => m.end <= t.start && NAME_COUNT_GAP.test(raw.slice(m.end, t.start)));
  if (pair) return holdersOf(s, [pair]);
  const at = roleAt >= 0 ? Math.min(roleAt, t.start) : t.start;
  if (OFFICERS_SUBJECT.test(raw.slice(Math.max(segStart, at - 200), t.start))) return [];
  let subject = subjectBefore(s, at, segStart);
  if (!subject.length && segStart > 0) {
    // An enumerated clause continuing the sentence's subject: "X has (i) sole voting power over N, (ii) …".
    const lead = raw.slice(segStart, at);
    // So does a clause whose verb has no subject of its own: "The Fund has the shared power to vote … 4,987,103 …;
    // has the sole power to vote … 0 shares …; and has the sole power to dispose … 0 shares".
    if (!/\b(?:has|have|owns?|holds?)\b/i.test(lead) || /^[\s;,]*(?:and\s+)?(?:has|have)\b/i.test(lead)) subject = subjectBefore(s, at, 0);
  }
  // "each of A and B" after the role word: "voting power is shared by A and B".
  if (!subject.length) {
    const by = partiesAfter(s, t.end, /^[^.;]{0,60}?\b(?:shared\s+(?:with|by)|by)\s+(?:each\s+of\s+)?(?:the\s+)?/i, 100);
    if (by.length && /shared|by/i.test(raw.slice(t.end, t.end + 60)) && role !== 'beneficial') subject = by;
  }
  const mentioned = subject.filter((m) => !ctx.parties.isIssuer(m.party));
  if (mentioned.length) {
    // "FMR, through its control of FMTC, investment manager to the Accounts, and the Accounts each has …": a group the
    // filing never defines, coordinated with the subject past the subject's aside, is a subject too.
    const group = GROUP_AFTER_ASIDE.exec(raw.slice(mentioned[mentioned.length - 1]!.end, at));
    return group ? [...holdersOf(s, mentioned), { name: group[1]!, coverOrdinal: null, group: true, members: [] }] : holdersOf(s, mentioned);
  }
  if (subject.length) return [];
  // A name the filing never defines, right before the verb: "Fidelity Ventures Associates, Inc. has sole voting power".
  const verb = /\b(?:each\s+)?(?:has|have|had|owns?|holds?|is|are|may|beneficially|directly|shares|possesses|exercises)\b[^.;]*$/i.exec(raw.slice(segStart, at));
  if (verb) {
    const named = printedName(raw, segStart + verb.index, 'before');
    if (named.length) return named.flatMap((p) => distributedNames(p, raw.slice(segStart + verb.index)));
  }
  // No party named: a pronoun or the form's words ("such person"), a label in a block, or nothing at all.
  const clauseLead = raw.slice(segStart, at);
  // A label: "…: N", "… -- N", "… is N", or a noun phrase right before the count ("AMOUNT BENEFICIALLY OWNED 2,542,287").
  const labelled =
    labelledAbove ||
    /[:\u2013\u2014-]\s*$/.test(leadOf(raw, t.start, 4)) ||
    /\b(?:is|are|was)\s+$/i.test(leadOf(raw, t.start, 8)) ||
    /\b(?:amount|number)\b[^.;\d]{0,60}?(?:beneficially\s+)?owned\W{0,6}$/i.test(raw.slice(Math.max(0, t.start - 90), t.start)) ||
    // A count on its own line under its label, or set off from it ("(i) sole power to vote or to direct the vote" /
    // "2,630,290", "shared power to vote or to direct the vote  None", "… the disposition of None").
    // (A tab is a cell boundary: "(i)\tsole power to vote or to direct the vote\t715,775".)
    // So is a count that ends its line right after the label's words: a layout that collapses the padding (an HTML
    // <pre> rendered with one space: "(i) sole power to vote or to direct the vote 0"). With the line breaks gone too
    // (flattened text), the count ends its row when the form's next row starts right after it ("… direct the vote
    // 19494548 Shared power to vote …", "… the vote 0 (ii) Shared …").
    ((/(?:\n|\t|[ \t]{2,}|\bof\s+)\s*$/.test(raw.slice(Math.max(0, t.start - 80), t.start)) || /^[ \t]*(?:\n|$)/.test(raw.slice(t.end, t.end + 40)) || NEXT_FORM_ROW.test(raw.slice(t.end, t.end + 40))) &&
      LABEL_END_BEFORE_COUNT.test(leadOf(raw, t.start, 40)));
  const pronoun = PRONOUN_SUBJECT.test(clauseLead) || /^\s*(?:\(\w{1,4}\)\s*)?(?:it|he|she|they)\b/i.test(raw);
  // The cover pages: reporting persons whose value of this role equals the count.
  const anchors = anchorsFor(ctx, t.value, role).map((a) => a.party);
  if (state.heading && (labelled || pronoun)) return state.heading;
  // "(b) Number of shares as to which each Reporting Person has: (i) sole power to vote …: 0": every cover person.
  if (labelled && EACH_REPORTING_PERSON.test(raw.slice(0, t.start)) && ctx.coverParties.length > 1) return ctx.coverParties;
  if (pronoun && state.lastHolder?.length === 1 && !state.lastHolder[0]!.group) return state.lastHolder;
  if (labelled || pronoun) {
    if (ctx.coverParties.length === 1) return [ctx.coverParties[0]!];
    // A block whose figures are the group's (the covers added up) goes on being the group's, a zero too: every cover's
    // zero adds up to the group's ("(ii) shared power to vote …" / "-" under 0000913414-09-003235's summed block).
    const all = ctx.parties.reportingPersons();
    if (labelled && all && state.lastHolder?.length === 1 && state.lastHolder[0] === all && coverSum(ctx, role) === t.value) return [all];
    // An amount for "such person" that some covers give but not all stays the reporting persons' together, as
    // `eachWhenAllCovers` keeps it (0000038777-98-000161: 10,287,268 on three of four covers).
    const some = anchors.length >= 2 && anchors.length < (ctx.cover ?? []).length && (role === 'beneficial' || role === 'group_total');
    if (some && all && !filerOf(anchors, ctx)) return [all];
    if (anchors.length) return filerOf(anchors, ctx) ?? anchors;
    const group = groupSumAnchor(ctx, t.value, role);
    if (group) return [group];
  }
  // "(a) … X beneficially owned N Shares. (b) 1. Sole power to vote …: N": the labels go on about the holder the
  // block's first statement named.
  if (labelled && state.lastHolder?.length === 1 && !state.lastHolder[0]!.group) return state.lastHolder;
  return [];
}

/**
 * The words after a count up to its passive agent: "… shares (of Common Stock, par value $.10 per share,) held by".
 * The words before "shares" name a class ("Class A", "Common"), never a determiner: flattened, "… Steven Boyd -
 * 2,574,000 The percentage of Shares reported to be beneficially owned by the Reporting Persons …" is the next
 * sentence, not the count's agent (0001172661-24-005104).
 */
const AGENT_AFTER = new RegExp(
  String.raw`^\s*(?:(?:(?!(?:the|an|such|these|those|each|all|this|that)\s)[A-Z][\w-]*\s+){0,3}(?:shares?|Shares|units?|Units|ADSs?)\b[^,;.()]{0,90}?(?:${PAR_VALUE_SOURCE}[^,;.()]{0,90}?)?)?\s*,?\s*(?:which\s+(?:are|were)\s+|that\s+(?:are|were)\s+|are\s+|is\s+|were\s+)?(?:(?:beneficially|directly|indirectly|of\s+record|collectively|jointly)\s+)*(?:owned|held)\s+(?:(?:beneficially|directly|indirectly|of\s+record|collectively|jointly|in\s+the\s+aggregate)\s+)*by\s+(?:each\s+of\s+)?(?:the\s+)?`,
  'i',
);

/** Between two counts of one list: "N1 Class A shares and", "N1 shares of Common Stock, par value $.001 per share, and". */
const LIST_GAP = new RegExp(String.raw`^\s*(?:(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares)\b[^,;.()\d]{0,40}?(?:${PAR_VALUE_SOURCE}[^,;.()\d]{0,40}?)?)?\s*(?:,\s*(?:and\s+)?|and\s+)$`);

/** A passive clause with its agent, then "and" right before a count: "… are owned of record by Rose's wife and ". */
const GAPPED_PASSIVE_BEFORE = /\b(?:owned|held)\s+(?:(?:beneficially|directly|indirectly|of\s+record)\s+)*by\s+[^;.()]{2,80}?\s+and\s+$/i;
/** A footnote mark and then a capital: a note starting ("*** Shares reported herein …"), not a mark on a count. */
const NOTE_OPENS = /\*+\s+[A-Z]/;
/** A count's words, then its agent without the verb: "41,662 shares by ". */
const GAPPED_AGENT_AFTER = /^\s*(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares)\s+by\s+(?:the\s+)?/;

/**
 * The passive agent of a count: "N Shares (beneficially) owned (directly) by X", "N shares … issuable upon the exercise
 * of the Second Warrants owned by X", "N Class A shares and M Class B shares owned by the Celine McMahon Fitzgerald
 * Trust" (a count joined by "and" to the next takes that count's agent), "held of record by Julie F. Schauer's
 * spouse".
 */
export function passiveAgent(s: ProseSentence, t: Token, counts: Token[], ctx: ProseContext): { holders: Party[]; words: string } | null {
  const raw = s.raw;
  let k = counts.indexOf(t);
  let cur = t;
  for (let hop = 0; hop < 4; hop++) {
    const after = raw.slice(cur.end, cur.end + 200);
    // "1600 Beneficial Shares are owned of record by Rose's wife and 41,662 shares by Rose's wife as trustee …": the
    // verb of the clause before, left out after "and", governs this count too.
    const found = AGENT_AFTER.exec(after) ?? (GAPPED_PASSIVE_BEFORE.test(raw.slice(Math.max(0, cur.start - 200), cur.start)) ? GAPPED_AGENT_AFTER.exec(after) : null);
    // (Not across a footnote mark opening a note: "… 1,327,570 shares *** Shares reported herein are held by …", a
    // table's last row run onto the note under it, flattened; the note's verb is its own subject's.)
    const m = found && !NOTE_OPENS.test(found[0]) ? found : null;
    const heldIn = /^\s*(?:shares?|Shares)?\s*(?:are|were|is)?\s*held\s+in\s+(?:the\s+)?/i.exec(after);
    if (heldIn) {
      const named = printedName(raw, cur.end + heldIn[0].length, 'after');
      if (named.length && /\bAccounts?\b/.test(named[0]!.name)) return { holders: named, words: heldIn[0] };
    }
    if (m) {
      const at = cur.end + m[0].length;
      // The words that describe this count: up to the next count of a list, or to the agent.
      const words = raw.slice(t.end, cur === t ? at : counts[counts.indexOf(t) + 1]!.start);
      // "Julie F. Schauer's spouse", "Rose's wife": a relative of the party, named as printed.
      const rel = /^([^,;]{2,60}?)['\u2019]s\s+(spouse|wife|husband|children|son|daughter|minor\s+children)\b/.exec(raw.slice(at, at + 80));
      if (rel) return { holders: [{ name: spouseName(raw, rel[1]!, rel[2]!) ?? `${rel[1]}'s ${rel[2]}`, coverOrdinal: null, group: false, members: [] }], words };
      const agents = partiesAfter(s, at - 12, /by\s+(?:each\s+of\s+)?(?:the\s+)?/i, 40);
      const printed = printedName(raw, at, 'after');
      // A joint holder phrase the filing prints ("the Andrew J. Fitzgerald Trust and the Timothy E. Fitzgerald Trust").
      // Unless the phrase is only the parties the filing defines ("WCI and Games").
      const rest = agents.reduce((n, a) => n.replace(a.surface, ' '), printed[0]?.name ?? '');
      if (printed.length && (!agents.length || /[A-Z]/.test(rest))) return { holders: [knownAs(printed[0]!, ctx)], words };
      const holders = agents.length ? holdersOf(s, agents) : [];
      return holders.length ? { holders, words } : null;
    }
    // "N1 Class A shares and N2 Class B shares owned by X": go on to the next count of the list.
    const next = counts[k + 1];
    if (!next || !LIST_GAP.test(raw.slice(cur.end, next.start))) return null;
    cur = next;
    k++;
  }
  return null;
}

/**
 * The name the sentence itself gives a spouse: "owned by Gould's wife, as to which … Mrs. Gould has sole voting and
 * dispositive power" → "Mrs. Gould". Null when it gives none (the relative stays as printed).
 */
function spouseName(raw: string, surname: string, relation: string): string | null {
  const last = surname.trim().split(/\s+/).pop()!;
  if (!/^[A-Z][A-Za-z'-]+$/.test(last)) return null;
  const titles = relation === 'wife' ? ['Mrs'] : relation === 'husband' ? ['Mr'] : relation === 'spouse' ? ['Mrs', 'Mr', 'Ms'] : [];
  for (const title of titles) {
    const m = new RegExp(`\\b${title}\\.?\\s+${last}\\b`).exec(raw);
    if (m) return `${title}. ${last}`;
  }
  return null;
}

/**
 * The parties a line heads a block of statements about: "A. Tontine Financial Partners, L.P." alone on a line,
 * "(i) LionEye Master Fund:", "(v) Messrs. Raneri and Rosen:", a heading running into the block's first label when
 * the line has no full stop ("B. Centaurus Capital Limited (a) Amount beneficially owned: …"), or a defined term
 * alone on an underlined line in capitals ("BOAS" / "----" over a 13G's per-person blocks). Null when the line is
 * not a heading.
 */
export function blockHeading(s: ProseSentence, ctx: ProseContext): Party[] | null {
  const raw = s.raw;
  // "the ownership information with respect to each of PWAM and Mr. Park is as follows:": the parties it introduces.
  const introduced = introducedBlockBetween(s, 0, raw.length);
  if (introduced) return introduced;
  // The form's (c) lead naming one person, the labels under it theirs: "Number of shares as to which Newland Capital
  // Management, LLC has:" (0000919574-11-001978 repeats the block for each of its four persons).
  const asToWhich = AS_TO_WHICH_BLOCK.exec(raw);
  if (asToWhich) {
    const at = asToWhich.index + asToWhich[0].indexOf(asToWhich[1]!);
    const listed = s.mentions.filter((m) => m.start >= at && m.end <= at + asToWhich[1]!.length);
    if (listed.length) return holdersOf(s, listed);
  }
  const lead = /^\s*(?:[A-Z]\.|\(?[a-z0-9]{1,4}[.)]|\d+\.)?\s*(?:Messrs\.\s*|Mr\.\s*|Ms\.\s*)?/.exec(raw)![0].length;
  const first = s.mentions[0];
  if (first && first.start <= lead + 1) {
    const listed = [first];
    for (const m of s.mentions.slice(1)) {
      if (!/^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$/.test(raw.slice(listed[listed.length - 1]!.end, m.start))) break;
      listed.push(m);
    }
    const tail = raw.slice(listed[listed.length - 1]!.end);
    if (HEADING_TAIL.test(tail)) return listed.map((m) => m.party);
    return null;
  }
  if (s.mentions.length || raw.length > 100) return null;
  // A whole line that is one name: case does not matter there ("BOAS" for the term "Boas").
  const line = /^\s*((?:[A-Z]\.\s+|\(?[a-z0-9]{1,4}[.)]\s*)?)([A-Za-z][\w.,&' -]{1,70}?)\s*:?\s*(?:[-=_]{2,}\s*)?$/.exec(raw);
  const party = line ? ctx.parties.resolveHeading(line[2]!) : null;
  if (party) return [party];
  // An enumerated heading naming someone the filing does not let us resolve ("1) IPL"): a new block, whose holder
  // is unknown; the previous block's person must not carry over.
  if (line && line[1] && /^[A-Z][A-Z0-9.&'-]+(?:\s+[A-Z][A-Z0-9.&'-]*){0,3}$/.test(line[2]!) && !FORM_WORDS.test(line[2]!)) return [];
  return null;
}

/**
 * The parties of the first "… with respect to X is as follows:" in `from`–`to` of the sentence, or null. Also asked
 * between two counts of one sentence: flattened, the next person's block runs on after the last count of the one
 * before ("… the disposition of 0 As reported in the cover pages …, the ownership information with respect to PWIMF is
 * as follows: (a) Amount Beneficially Owned: 527,194* …", 0000905718-14-000108).
 */
export function introducedBlockBetween(s: ProseSentence, from: number, to: number): Party[] | null {
  const intro = INTRODUCED_BLOCK.exec(s.raw.slice(from, to));
  if (!intro) return null;
  const at = from + intro.index + intro[0].indexOf(intro[1]!);
  const listed = s.mentions.filter((m) => m.start >= at && m.end <= at + intro[1]!.length);
  return listed.length && !/\b(?:and|or)\s*$/.test(intro[1]!) ? holdersOf(s, listed) : null;
}

/** "… with respect to (each of) A and B is as follows:", group 1 the parties' words. */
const INTRODUCED_BLOCK = /\b(?:with\s+respect\s+to|as\s+to|regarding|concerning|for)\s+(?:each\s+of\s+)?(?:the\s+)?([^;:]{2,160}?)\s+(?:is|are)\s+(?:set\s+forth\s+)?(?:as\s+follows|below)\s*:/i;

/** "Number of shares as to which <persons> has:" ending its line, group 1 the persons' words. */
const AS_TO_WHICH_BLOCK = /\bas\s+to\s+which\s+(?:each\s+of\s+)?(?:the\s+)?([^;:]{2,160}?)\s+(?:has|have)\s*:?\s*$/i;

/** Words of the form's labels, never a person's heading ("(a) AMOUNT BENEFICIALLY OWNED"). */
const FORM_WORDS = /\b(?:AMOUNT|PERCENT(?:AGE)?|POWER|SHARES?|NUMBER|CLASS|OWNED|OWNERSHIP|SOLE|SHARED|ITEM|NONE|NOT|APPLICABLE|TOTAL|NAME|AGGREGATE)\b/;

/** The form's words for every reporting person in turn ("as to which each Reporting Person has:"). */
const EACH_REPORTING_PERSON = /\beach\s+(?:such\s+)?(?:reporting|filing)\s+person\b(?!s)/i;

/** What may follow the name of a heading: nothing, a colon or full stop, an underline, the block's first label. */
const HEADING_TAIL = /^\s*(?:[:.]?\s*$|:|[:.]?\s*(?:[-=_]{2,}\s*)?(?:$|\((?:[a-h]|[ivx]{1,4}|\d)\)))/;

/**
 * "Michael Goller and Ranjeev Krishana each hold …": a coordinated printed name that "each" distributes is one holder
 * per name. Without "each" the phrase stays one holder (a joint account, a firm called "A and B").
 * @param following the text right after the printed name
 */
export function distributedNames(p: Party, following: string): Party[] {
  if (!/^\s*,?\s*each\b/i.test(following)) return [p];
  const parts = p.name.split(/\s*,\s*(?:and\s+)?|\s+and\s+/);
  if (parts.length < 2 || parts.some((x) => x.split(/\s+/).length < 2)) return [p];
  return parts.map((name) => ({ name, coverOrdinal: null, group: false, members: [] }));
}

/**
 * The holder of a label-form position: the one party named in the sentence (not the issuer), else the party of the
 * section heading above it ("A. Tontine Financial Partners, L.P."), else the reporting persons (together, or the only one).
 */
export function labelHolder(s: ProseSentence, ctx: ProseContext, heading: Party[]): Party[] {
  // The company whose stock is counted ("Shares of Common Stock of Laminating Technologies Beneficially Owned") is
  // no holder.
  const holders = s.mentions.filter((m) => !/\b(?:stock|shares|securities|units)\s+of\s+(?:the\s+)?$/i.test(s.raw.slice(Math.max(0, m.start - 30), m.start)));
  const named = [...new Set(holders.map((m) => m.party))].filter((p) => (!p.group || p.members.length === 0) && !ctx.parties.isIssuer(p));
  if (named.length === 1) return [named[0]!];
  if (named.length) return [];
  if (heading.length) return heading;
  // No name and no heading: the filing's own position, the reporting persons' together (or the only one's).
  const all = ctx.parties.reportingPersons();
  return all ? [all] : [];
}

/**
 * A 13G block for "such person" under several cover pages that all give its amount is each person's statement
 * (0000902664-96-000076: both covers 698,700); when only some covers agree it stays the reporting persons' together.
 */
export function eachWhenAllCovers(holders: Party[], value: number, ctx: ProseContext): Party[] {
  const cover = ctx.cover ?? [];
  if (holders.length !== 1 || !holders[0]!.group || cover.length < 2 || holders[0] !== ctx.parties.reportingPersons()) return holders;
  if (!cover.every((c) => c.aggregateAmount === value)) return holders;
  const all = cover.map((c) => c.party);
  return filerOf(all, ctx) ?? all;
}

/**
 * Of several cover persons a count fits, the one a 13G's Item 2(a) names as the person filing: the "such person" of
 * its Item 4 (0000315066-17-001861: FMR LLC, whose figures Abigail P. Johnson's cover repeats). Null when Item 2(a)
 * names no one of them alone. (A block whose count fits no filer's cover, the covers added up, stays the group's.)
 */
function filerOf(fits: Party[], ctx: ProseContext): Party[] | null {
  const filer = ctx.filers?.length === 1 ? ctx.filers[0]! : null;
  return filer && fits.length > 1 && fits.includes(filer) ? [filer] : null;
}
