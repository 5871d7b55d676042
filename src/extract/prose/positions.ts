/**
 * Positions by structure: every share count of Item 5 (13G: Item 4) that the statement around it attributes to a
 * holder as an amount owned or a power held, whatever the sentence's shape.
 *
 * The reader works in three steps on each count, not on whole-sentence patterns:
 *   1. the count's role, from the words governing it: a power ("sole voting power … N", "N shares as to which … has
 *      shared dispositive power", "(ii) Shared power to vote: N"), an "of which" part, a direct or record holding
 *      ("N Shares held directly by X"), shares underlying options or warrants, an aggregate, or beneficial
 *      ownership; counts of outstanding shares, trades, prices and disclaimed or negated positions have no role;
 *   2. the count's holder: a passive agent ("held by X"), a list distributed by "respectively", the clause's subject
 *      (defined terms resolved, "each of A and B" expanded), a "Name - N" pair, the person of the block the count
 *      sits in, and finally the cover pages — a count equal to exactly the cover value of the same role for some
 *      reporting persons belongs to them (the cover pages are read at 99%);
 *   3. the percent the same statement gives with it.
 * Counts that another reader already used (holdings.ts) are left to it; the caller gives them a role afterwards
 * (`roleOf`, position-roles.ts). The role words live in position-vocabulary.ts, the holder search in position-holders.ts, tables in
 * position-tables.ts.
 * Does not handle: tables whose rows are not one holder per line, and pronouns across paragraphs beyond the last
 * holder named.
 */
import { BARE_DASH_SOURCE, isStatedZero, ZERO_WORD_SOURCE } from '../lexicon/zeros.js';
import { holderColumns, holdersOf, namesBlanked, partiesAfter, securityAfter, securityKindOf, segmentAt } from './clauses.js';
import { looksLikeName, nameKey, type Party } from './parties.js';
import { BREAKDOWN_AFTER, CONVERSION_UNDERLYING_AFTER, PAIR_LINE, underliesAfter } from './holding-rules.js';
import type { Token } from './tokens.js';
import { evidence, provenance, type Found, type HoldingRole, type HoldingRow, type ProseContext, type ProseSentence } from './types.js';
import { coordinatedPowers, restatedObjectVerb, DASH_VALUE_SEPARATOR, LABEL_END_WORDS, LABEL_SEPARATOR, RE_REFERENCE, REPORTED_HEREIN, OF_WHICH_AFTER, PART_AGENT, POWER, OWN_WORDS, TRADE_WORDS, NEGATION, UNDERLYING, NOT_POSITION_AFTER, hypothetical, isReferenceNumber, lastMatch, labelAtEnd, headerColumns, leadOf } from './position-vocabulary.js';
import { type PositionState, anchorsFor, blockHeading, anchored, introducedBlockBetween, respectivelyHolders, subjectOf, passiveAgent } from './position-holders.js';
import { accountsPhrase, printedName } from './printed-names.js';
import { personColumnRow, personColumns, tableRow } from './position-tables.js';
import { percentLine, percentWith } from './position-percent.js';
import { pushAll } from '../../arrays.js';
import { matchesOf } from '../../matches.js';

const MAX_COUNTS = 200;

/** The enumerator of the next label ("(ii) shared power …", "4(b) Percent of Class", "Item 4(c)"). */
const NEXT_LABEL = /^\s*(?:\d?\((?:[a-h]|[ivx]{1,4})\)|item\s+\d)/i;

interface Candidate {
  /** A second statement the count belongs to (the power holder of a passive count). */
  also?: { holders: Party[]; role: HoldingRole; more?: HoldingRole[] };
  token: Token;
  value: number;
  role: HoldingRole;
  holders: Party[];
  /** Where the role word or label sits (for the subject search). */
  roleAt: number;
  /** Other powers the same words give the holders ("sole voting power and sole dispositive power with regard to N"). */
  morePowers?: HoldingRole[];
}

/**
 * Read the positions of one sentence.
 * @param used token starts another reader already made a row of
 */
export function readPositions(s: ProseSentence, ctx: ProseContext, state: PositionState, used: Map<number, { holders: Party[]; role: HoldingRole }>, following: ProseSentence[] = []): Found<HoldingRow>[] {
  updateState(s, ctx, state);
  const out: Found<HoldingRow>[] = [];
  const counts = countsOf(s);
  // Per count the work is bounded by the sentence: a cap on counts keeps a hostile sentence linear.
  if (counts.length > MAX_COUNTS) return [];
  const table = tableRow(s, ctx, state, counts);
  if (table) return table;
  if (state.personColumns) {
    const row = personColumnRow(s, state.personColumns, counts);
    if (row) return row;
    state.personColumns = null;
  }
  state.personColumns = personColumns(s, ctx);
  // The count of a label on the line before: a sentence that is only the count.
  const pending = state.pendingLabel;
  // A count line may run into the next label when lines are joined ("650,102 shares (ii) shared power to vote …:"):
  // the count is the label's above, the label at its end the next line's.
  const first = counts[0];
  const rest = first ? s.raw.slice(first.end).replace(/^\s*(?:shares?|Shares|SHARES)\b/, '') : '';
  const nextLabel = counts.length === 1 && NEXT_LABEL.test(rest);
  state.pendingLabel = counts.length && !nextLabel ? null : labelAtEnd(s.raw);
  const nil = state.pendingLabel && !counts.length ? dashUnder(s, ctx, state, state.pendingLabel) : null;
  if (nil) return nil;
  // "Name: N" lines under a power label ("(i) Sole power to vote …" / "Franklin Resources, Inc.:   0" / …): each line
  // is that power of the party it names, until a line that is not such a pair.
  const listed = pairLine(s, ctx, state.listRole);
  if (!counts.length) state.listRole = state.pendingLabel;
  else if (!listed) state.listRole = null;
  if (listed) return listed;
  // (An aside in parentheses after the count is no more words: "647,322 (The remaining shares of stock are currently
  // subject to an Escrow Agreement …)" on its own line under "(iii) sole power to dispose …".)
  const afterCount = first ? s.raw.slice(first.end).replace(/^\s*(?:(?:shares?|Shares|SHARES)\s*)?\([^()]*\)/, '') : '';
  // The count alone under its label, or the label's total broken down into parts ("709,128 total shares consisting of
  // 268,007 shares of Common Stock and 436,121 shares … issuable upon conversion …": the parts are read below).
  const alone = counts.length === 1 && (afterCount.length < 40 || nextLabel);
  const brokenDown = counts.length > 1 && first !== undefined && BREAKDOWN_AFTER.test(s.raw.slice(first.end, counts[1]!.start));
  let last: { token: Token; holders: Party[]; role: HoldingRole } | null = null;
  let from = 0;
  if (pending && (alone || brokenDown) && !s.raw.slice(0, counts[0]!.start).trim() && !used.has(counts[0]!.start)) {
    const t = counts[0]!;
    const holders = subjectOf(s, ctx, state, t, pending, -1, 0, true);
    // The labels that follow go on about the same holder, as they do when label and count share a sentence.
    if (holders.length) state.lastHolder = holders;
    const rows = holders.map((holder) => positionRow(s, ctx, t, holder, pending, null));
    if (alone || !holders.length) return rows;
    pushAll(out, rows);
    last = { token: t, holders, role: pending };
    from = 1;
  }
  for (let i = from; i < counts.length; i++) {
    const t = counts[i]!;
    // The next person's block starting inside the sentence: its counts are that person's (introducedBlockBetween).
    const introduced = i > 0 ? introducedBlockBetween(s, counts[i - 1]!.end, t.start) : null;
    if (introduced) {
      state.heading = introduced;
      state.lastHolder = null;
    }
    const other = used.get(t.start);
    if (other) {
      last = { token: t, ...other };
      if (other.holders.length === 1) state.lastHolder = other.holders;
      // The count's passive agent holds it too ("… beneficial owner of the 686,997 Shares beneficially owned by
      // LionEye Master Fund").
      const c = passiveAgent(s, t, counts, ctx) ? candidate(s, ctx, state, t, counts, i > 0 ? counts[i - 1]!.end : 0, last) : null;
      const names = new Set(other.holders.map((p) => nameKey(p.name)));
      if (c) {
        for (const holder of c.holders.filter((p) => !names.has(nameKey(p.name)))) out.push(positionRow(s, ctx, t, holder, c.role, null));
        for (const holder of (c.also?.holders ?? []).filter((p) => !names.has(nameKey(p.name)))) out.push(positionRow(s, ctx, t, holder, c.also!.role, null));
      }
      continue;
    }
    const prevEnd = i > 0 ? counts[i - 1]!.end : 0;
    const c: Candidate | null = candidate(s, ctx, state, t, counts, prevEnd, last) ?? continued(s, t, last, counts);
    if (!c || !c.holders.length) continue;
    last = { token: t, holders: c.holders, role: c.role };
    const pct = percentWith(s, t, counts[i + 1]?.start ?? s.raw.length) ?? percentLine(following[0], c.role);
    const sec = securityAfter(s, t, ctx);
    const before = s.raw.slice(Math.max(prevEnd, t.start - 120), t.start);
    let kind = securityKindOf(sec.name);
    if (c.role === 'underlying') {
      const w = /\b(warrants?|options?)\b/i.exec(`${before} ${s.raw.slice(t.end, t.end + 120)}`);
      const converts = w ? null : CONVERSION_UNDERLYING_AFTER.exec(s.raw.slice(t.end, t.end + 160));
      kind = w ? securityKindOf(w[1]!) : converts ? securityKindOf(converts[1]!) : kind === 'common' ? 'common' : kind;
    }
    for (const holder of c.holders) {
      const row = positionRow(s, ctx, t, holder, c.role, pct);
      row.row.securityKind = kind;
      row.row.shares = c.value;
      out.push(row);
    }
    // "X has sole voting power over the N Shares held by Y": Y holds them, X has the power.
    if (c.also) for (const role of [c.also.role, ...(c.also.more ?? [])]) for (const holder of c.also.holders) out.push(positionRow(s, ctx, t, holder, role, null));
    for (const more of c.morePowers ?? []) for (const holder of c.holders) out.push(positionRow(s, ctx, t, holder, more, null));
    state.lastHolder = c.holders;
  }
  return out;
}

/** A written zero of the shared vocabulary (../lexicon/zeros.ts): "-0-", "None", "None.", "Nil", "Zero". */
const ZERO_FORM = String.raw`(?:-0-|${ZERO_WORD_SOURCE})`;

/**
 * A written zero after a power or amount label. The label is checked by a lookbehind placed after the word, so it
 * runs only where the word is: in front of the word it ran at every position and rescanned each run of spaces.
 */
const ZERO_AFTER_LABEL = new RegExp(
  String.raw`${ZERO_FORM}(?<=(?:${LABEL_END_WORDS}\b[^.;\d]{0,12}?(?:[:\-\u2013\u2014]\s*|\s+)|\bis\s+|^\s*)${ZERO_FORM})(?=\s*(?:shares?\b|$|\(|-\s))`,
  'gim',
);

/**
 * The form's next row right after a dash on the same line: flattened text has no line ends ("(ii)Shared power to vote
 * or to direct the vote: - (iii)Sole power …", 0001207017-05-000031 flattened).
 */
const NEXT_ROW_AFTER_DASH = String.raw`[ \t]{1,3}(?:\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)|\d{1,2}\))`;

/**
 * A bare dash that ends the line of a power or amount label after its colon or dashes ("(ii)Shared power to vote or to
 * direct the vote:-", 0001207017-05-000031; "… the vote -- -", run together "… the vote ---"), or stands alone on the
 * line under it (0000913414-09-003235: "(ii) shared power to vote or to direct the vote" / "-"), or that the form's
 * next row follows on its line: the form's number slot left at none — unless a count follows on the next line (the
 * dashes were the separator). The lookbehind sits after the dash, so it runs only at a dash that ends its line or
 * comes before the next row; its runs of blanks are bounded, so a hostile run of spaces is no quadratic rescan.
 */
const DASH_UNDER_LABEL = new RegExp(
  String.raw`${BARE_DASH_SOURCE}(?=[ \t]{0,40}$|${NEXT_ROW_AFTER_DASH})(?![ \t]{0,40}\n[ \t]{0,40}\d)(?<=${LABEL_END_WORDS}[ \t]{0,40}(?:${DASH_VALUE_SEPARATOR}|${DASH_VALUE_SEPARATOR}?[ \t]{0,40}\n)[ \t]{0,40}${BARE_DASH_SOURCE})`,
  'gim',
);

/**
 * A single hyphen ending a label's sentence right before a rule across the page: "(ii) shared power to vote or to direct
 * the vote - ------" (0000913414-08-003796 flattened, as filed "… the vote" / "-" / "-----"). Apart from the rule a
 * single hyphen could be the label's separator with the count after it; with the rule next, nothing follows it in the
 * slot, so it is the form's nil value. The rule itself is checked after the sentence (`dashBeforeRule`).
 */
const HYPHEN_ENDING_LABEL = new RegExp(String.raw`-$(?<=${LABEL_END_WORDS}[ \t]{1,40}-)`, 'i');

/** A rule across the page (ten or more of one of - = _) right after `s` in its source. */
const RULE_AFTER = /^\s*(?:-{10,}|={10,}|_{10,})(?!\S)/;

/** The single hyphen that ends `s` as its label's nil value (HYPHEN_ENDING_LABEL), or null. */
function dashBeforeRule(s: ProseSentence): RegExpExecArray | null {
  const m = HYPHEN_ENDING_LABEL.exec(s.raw);
  return m && RULE_AFTER.test(s.source.text.slice(s.end, Math.min(s.source.end, s.end + 200))) ? m : null;
}

/** The next line holding only a dash (the shared vocabulary's bare dash). */
const DASH_LINE_AFTER = new RegExp(String.raw`^[ \t]*\n[ \t]*(${BARE_DASH_SOURCE})[ \t]*(?=\n|$)`);

/** What ends a label right before its count: a separator (position-vocabulary.ts) or "is", "of", "over", "to". */
const LABEL_SEPARATOR_OR_LINK = new RegExp(String.raw`(?:${LABEL_SEPARATOR}|\bis|\bof|\bover|\bto)\s*$`, 'i');

/**
 * A lone dash on the line after a label ("(ii) shared power to vote or to direct the vote" / "-"): the form's nil
 * value. When the label is a sentence of its own (lines are blocks in HTML; a label ending in a colon ends its sentence
 * in text) the sentence splitter drops a line with no letter or digit, so the dash is read from the text after the
 * label. Null when no such line follows.
 */
function dashUnder(s: ProseSentence, ctx: ProseContext, state: PositionState, role: HoldingRole): Found<HoldingRow>[] | null {
  const m = DASH_LINE_AFTER.exec(s.source.text.slice(s.end, Math.min(s.source.end, s.end + 80)));
  if (!m) return null;
  const at = s.end + m[0].length - m[1]!.length;
  const line: ProseSentence = { ...s, start: at, end: at + m[1]!.length, raw: m[1]!, text: m[1]!, tokens: [], mentions: [] };
  const t: Token = { kind: 'number', value: 0, iso: null, start: 0, end: m[1]!.length, raw: m[1]!, typo: null };
  state.pendingLabel = null;
  state.listRole = null;
  const holders = subjectOf(line, ctx, state, t, role, -1, 0, true);
  if (holders.length) state.lastHolder = holders;
  return holders.map((holder) => positionRow(line, ctx, t, holder, role, null));
}

/** A clause that says the count is included in a position ("which include", "including"), not "does not include". */
function saysIncludes(lead: string): boolean {
  return /\binclud(?:e|es|ing)\b/i.test(lead) && !/\bnot\s+includ/i.test(lead);
}

/** The role of a count a passive agent holds ("N Shares owned by X"), from the agent's words and the clause before the count. */
function passiveRole(agent: { holders: Party[]; words: string }, clauseBefore: string): HoldingRole {
  if (/issuable|exercis|convert|warrants?|options?/i.test(agent.words)) return 'underlying';
  if (saysIncludes(clauseBefore)) return 'part_of';
  // Held "in the aggregate" or "collectively" by X is X's whole position, not a holding of record.
  if (/in\s+the\s+aggregate|collectively/i.test(agent.words)) return agent.holders.length === 1 && agent.holders[0]!.group ? 'group_total' : 'beneficial';
  return /beneficially/i.test(agent.words) ? 'beneficial' : 'direct';
}

/** Share counts of the sentence, plus a zero written "-0-", "None" or "-" after a power or amount label. */
function countsOf(s: ProseSentence): Token[] {
  // A reference ("** see Note 1 **", "Section 13(d)") is no count: a label's line "1046400 **see Note 1**" holds one.
  // A fractional count is one only with its share word ("942,779.937806 Common Shares", units of a fund).
  const list = s.tokens.filter((t) => (t.kind === 'shares' || (t.kind === 'number' && Number.isInteger(t.value) && !/\./.test(t.raw))) && !(t.kind === 'number' && isReferenceNumber(s.raw, t.start)));
  // After a label (with or without its colon or dash), or alone on a line under it (the label above); never "none of".
  const beforeRule = dashBeforeRule(s);
  for (const m of [...matchesOf(ZERO_AFTER_LABEL, s.raw), ...matchesOf(DASH_UNDER_LABEL, s.raw), ...(beforeRule ? [beforeRule] : [])]) {
    if (list.some((t) => t.start === m.index)) continue;
    list.push({ kind: 'number', value: 0, iso: null, start: m.index, end: m.index + m[0].length, raw: m[0], typo: null });
  }
  return list.sort((a, b) => a.start - b.start);
}

/** Words that make shares the object of an option's exercise, not of a trade: "may be acquired upon exercise of". */
const ACQUIRABLE_TIE = /\b(?:may|can|could)\s+be\s+acquired\s+(?:within\s+(?:60|sixty)\s+days\s+)?(?:upon|through|on|by|pursuant\s+to)\s+(?:the\s+)?(?:exercise|conversion)\b/gi;

/**
 * A count that continues a list after an accepted one: "800,000 Common Shares underlying the 2010 options granted to
 * the Reporting Person on April 15, 2010 and 600,000 Common Shares underlying …" — same holder, same kind of role.
 */
export function continued(s: ProseSentence, t: Token, last: { token: Token; holders: Party[]; role: HoldingRole } | null, counts: Token[] = []): Candidate | null {
  if (!last) return null;
  const gap = s.raw.slice(last.token.end, t.start);
  if (gap.length > 240 || /[;]|\.\s+[A-Z]/.test(gap) || !/(?:\band|,)\s+(?:\((?:[ivx]{1,4}|[a-h]|\d)\)\s*)?$/i.test(gap)) return null;
  // (Not the words that tie the last count to its option: "… which may be acquired upon exercise of the options … and".)
  if (/\b(?:sold|sells?|purchased|bought|acquired|disposed|transferred|outstanding|disclaims?|respectively|whom|other\s+than|except)\b/i.test(gap.replace(ACQUIRABLE_TIE, ' '))) return null;
  if (NOT_POSITION_AFTER.test(s.raw.slice(t.end, t.end + 160)) || !/^\s*(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares|were|are)\b/.test(s.raw.slice(t.end, t.end + 40))) return null;
  const role: HoldingRole = underliesAfter(s.raw.slice(t.end, t.end + 160)) ? 'underlying' : last.role;
  // "A and B have … N1 and N2 Shares, respectively": the list pairs this count with its own holder.
  const listed = respectivelyHolders(s, t, counts, -1);
  if (listed === 'skip') return null;
  return { token: t, value: t.value, role, holders: listed ? [listed] : last.holders, roleAt: t.start };
}

/** The role a count plays and whom it belongs to, or null when it is not a position. */
function candidate(s: ProseSentence, ctx: ProseContext, state: PositionState, t: Token, counts: Token[], prevEnd: number, last: { token: Token; holders: Party[]; role: HoldingRole } | null = null): Candidate | null {
  const raw = s.raw;
  const after = raw.slice(t.end, t.end + 160);
  // 2. "of which N (shares) are held by X", "of which N are directly owned by X", and the count first: "N of which
  //    are directly held by the Funds".
  const countFirst = OF_WHICH_AFTER.exec(after);
  if (countFirst || /\bof\s+which\s+(?:\(\w{1,4}\)\s*)?(?:up\s+to\s+|approximately\s+)?$/i.test(raw.slice(Math.max(0, t.start - 30), t.start))) {
    const skip = countFirst ? countFirst[0].length : 0;
    // "of which 250,000 are issuable upon exercise of options": a part that is an option's shares.
    const partRole = partRoleAfter(after);
    const agent = PART_AGENT.exec(after.slice(skip));
    if (agent) {
      const at = t.end + skip + agent[0].length;
      const found = partiesAfter(s, at - 4, /by\s+(?:each\s+of\s+)?(?:the\s+)?/i, 40);
      const holders = found.length ? holdersOf(s, found) : printedName(raw, at, 'after');
      return holders.length ? { token: t, value: t.value, role: partRole, holders, roleAt: t.start } : null;
    }
    // "N Common Shares, of which (i) M were restricted …": a part of the holder's own position.
    if (last && /^\s*(?:shares?|Shares)?\s*(?:are|is|were)\b/i.test(after)) return { token: t, value: t.value, role: partRole, holders: last.holders, roleAt: t.start };
    return null;
  }
  // "N total shares consisting of M shares of Common Stock and …": the first part of the position just read, its
  // holder's (the next parts continue the list).
  if (last && BREAKDOWN_AFTER.test(raw.slice(last.token.end, t.start))) {
    return { token: t, value: t.value, role: partRoleAfter(after), holders: last.holders, roleAt: t.start };
  }
  // A number that is not a share count: a year, a section, a page, a small count without a share word.
  if (t.kind === 'number') {
    // (A written zero, "-0-" or "None", is a count only after a label: countsOf found it there.)
    // The label may end without a colon when its count follows on the same line or cell: "(i) sole power to vote or
    // to direct the vote   715,775".
    const label = LABEL_SEPARATOR_OR_LINK.test(leadOf(raw, t.start, 6)) || (/\D/.test(t.raw) && isStatedZero(t.raw)) || labelAtEnd(raw.slice(Math.max(prevEnd, t.start - 160), t.start)) !== null;
    if (!label && !anchored(ctx, t.value)) return null;
    if (/^\s*(?:%|percent|per\s*cent|days?|years?|months?|persons?|of\s+the\s+(?:Act|Exchange\s+Act|Rules?))/i.test(after)) return null;
    if (t.value >= 1900 && t.value <= 2100 && !/,/.test(t.raw)) return null;
  }
  if (NOT_POSITION_AFTER.test(after)) return null;
  const lead = raw.slice(Math.max(0, t.start - 40), t.start);
  if (/\$\s*$/.test(lead)) return null;
  // The conversion shares of another position are not a position of their own.
  if (/\b(?:convertible|exercisable|exchangeable)\s+(?:\w+\s+){0,3}(?:into|for)\s+(?:up\s+to\s+|approximately\s+|an\s+aggregate\s+of\s+)?$/i.test(raw.slice(Math.max(0, t.start - 60), t.start))) return null;

  if (/\b(?:based\s+(?:up)?on|out\s+of|of\s+the|divided\s+by|by)\s+(?:a\s+total\s+of\s+|an\s+aggregate\s+of\s+)?(?:approximately\s+)?$/i.test(lead) && /outstanding/i.test(raw.slice(t.end, t.end + 200))) return null;

  const seg = segmentAt(raw, t.start);
  const from = Math.max(seg.start, prevEnd, t.start - 260);
  const before = raw.slice(from, t.start);

  // 1. A passive agent: "N Shares (beneficially) owned (directly) by X", "N shares are held of record by X". Held "in
  //    the aggregate" or "collectively" by X is X's whole position (0000905718-14-000108), not a holding of record.
  const agent = passiveAgent(s, t, counts, ctx);
  if (agent && !RE_REFERENCE.test(lead) && !hypothetical(s, seg.start, t.end)) {
    const role = passiveRole(agent, raw.slice(seg.start, t.start));
    const c: Candidate = { token: t, value: t.value, role, holders: agent.holders, roleAt: t.start };
    // A power named before the count belongs to the clause's subject.
    for (const [name, re] of Object.entries(POWER) as [HoldingRole, RegExp][]) {
      re.lastIndex = 0;
      const m = re.exec(raw.slice(Math.max(seg.start, t.start - 120), t.start));
      if (!m || NEGATION.test(raw.slice(seg.start, t.start))) continue;
      const at = Math.max(seg.start, t.start - 120) + m.index;
      const subject = subjectOf(s, ctx, state, t, name, at, seg.start);
      if (subject.length) c.also = { holders: subject, role: name, more: coordinatedPowers(raw.slice(Math.max(seg.start, t.start - 160), t.start), name) };
      break;
    }
    return c;
  }
  // "An aggregate of N Shares, constituting approximately P% of the Shares outstanding, are reported in this Schedule
  // 13D": the reporting persons' total.
  if (REPORTED_HEREIN.test(after) && !hypothetical(s, seg.start, t.end) && !NEGATION.test(raw.slice(seg.start, t.start))) {
    const all = ctx.parties.reportingPersons();
    if (all) return { token: t, value: t.value, role: all.group ? 'group_total' : 'beneficial', holders: [all], roleAt: t.start };
  }
  // "N Shares were held in the LionEye Capital Management Accounts": the accounts hold them.
  const heldIn = /^\s*(?:shares?|Shares)?\s*(?:(?:are|were|is)\s+)?held\s+in\s+(?:the\s+)?/i.exec(after);
  if (heldIn && !hypothetical(s, seg.start, t.end)) {
    const named = printedName(raw, t.end + heldIn[0].length, 'after');
    if (named.length && /\bAccounts?\b/.test(named[0]!.name)) return { token: t, value: t.value, role: 'direct', holders: named, roleAt: t.start };
    // "The shares reported include 2,517,911 shares held in customer accounts …, 122,060 shares held in accounts owned
    // by the partners …": each part's accounts as printed (0000922423-10-000115).
    const accounts = accountsPhrase(raw, t.end + heldIn[0].length);
    if (accounts.length) return { token: t, value: t.value, role: saysIncludes(raw.slice(seg.start, t.start)) ? 'part_of' : 'direct', holders: accounts, roleAt: t.start };
  }
  if (hypothetical(s, seg.start, t.end)) return null;
  if (RE_REFERENCE.test(lead)) return null;

  // 3. The governing words: the last role phrase between the previous count (or the clause start) and this count,
  //    or one right after it ("N shares as to which X has sole voting power").
  let role: HoldingRole | null = null;
  let roleAt = -1;
  for (const [name, re] of Object.entries(POWER) as [HoldingRole, RegExp][]) {
    re.lastIndex = 0;
    for (const m of matchesOf(re, before)) {
      if (from + m.index > roleAt) {
        roleAt = from + m.index;
        role = name;
      }
    }
  }
  const asToWhich = /^\s*(?:shares?|Shares)?[^.;]{0,40}?\b(?:as\s+to|over|with\s+respect\s+to)\s+which\s+([^.;]{0,120})/i.exec(after);
  if (!role && asToWhich) {
    for (const [name, re] of Object.entries(POWER) as [HoldingRole, RegExp][]) {
      re.lastIndex = 0;
      if (re.test(asToWhich[1]!)) {
        role = name;
        roleAt = t.end + asToWhich.index + asToWhich[0].indexOf(asToWhich[1]!);
        break;
      }
    }
  }
  // "…, which include N shares …": a part of the position just stated, the clause subject's.
  const includes = /\binclud(?:e|es|ing)\s+(?:\(\w{1,4}\)\s*)?$/i.test(raw.slice(Math.max(0, t.start - 16), t.start));
  if (!role && includes) {
    role = 'part_of';
    roleAt = t.start - 1 - (/\binclud\w*\s+(?:\(\w{1,4}\)\s*)?$/i.exec(raw.slice(Math.max(0, t.start - 16), t.start))?.[0].length ?? 0);
  }
  // (Words of a party's name are no ownership words: "Citadel Advisors Holdings LP: 0" states no holdings.)
  const ownAt = lastMatch(OWN_WORDS, namesBlanked(s, before, from));
  if (!role && ownAt >= 0) {
    roleAt = from + ownAt;
    role = /aggregate|total|combined|holdings/i.test(before.slice(ownAt)) ? 'group_total' : 'beneficial';
  }
  // Words between the role and the count that make it a trade, a price or another kind of count ("purchased an
  // aggregate of N": the verb sits just before the role words).
  const governing = raw.slice(roleAt >= 0 ? Math.max(from, roleAt - 30) : from, t.start);
  if (role && TRADE_WORDS.test(governing.replace(/\b(?:acquire|exercis\w+|conversion\s+of)\b[^,;]{0,80}?(?:options?|warrants?|notes?|preferred)/gi, ' ')) && !/\bright\s+to\s+acquire\b|\bupon\s+(?:the\s+)?(?:exercise|conversion)\b/i.test(governing)) return null;
  if (role && NEGATION.test(raw.slice(Math.max(seg.start, (roleAt >= 0 ? roleAt : from) - 60), t.start)) && !/\bother\s+than\b/i.test(governing) && !/[:\u2013\u2014-]\s*$/.test(leadOf(raw, t.start, 3))) return null;
  if (!role) {
    const a = anchorsFor(ctx, t.value, null);
    if (!a.length || !/^\s*(?:shares?|Shares)\b/.test(after)) return null;
    role = a[0]!.role;
    roleAt = t.start;
  }
  if (role === 'beneficial' && UNDERLYING.test(raw.slice(Math.max(from, t.start - 80), t.start + 0)) && /\b(?:options?|warrants?|exercis|convert|underlying|issuable)/i.test(before.slice(-80))) role = 'underlying';
  if (role === 'beneficial' && /\bdirectly\b|\bof\s+record\b|\brecord\s+(?:and\s+beneficial\s+)?owner/i.test(governing)) role = 'direct';
  // The words after the count name an option or warrant it underlies ("which includes 250,000 shares … that may be
  // acquired upon the exercise of stock options", "… and 250,000 shares underlying currently exercisable warrants").
  if ((role === 'beneficial' || role === 'part_of' || role === 'direct') && underliesAfter(after)) role = 'underlying';

  // The holder: a "respectively" list, the clause's subject, a "Name - N" pair, the block's person, the cover.
  const listed = respectivelyHolders(s, t, counts, roleAt);
  if (listed === 'skip') return null;
  const morePowers = coordinatedPowers(raw.slice(from, t.start), role);
  if (listed) return { token: t, value: t.value, role, holders: [listed], roleAt, morePowers };
  // A count that restates the object of the sentence's ownership verb is its subject's: "Each of A, …, and the Trust
  // … may be deemed to own beneficially … the shares … owned by the other Reporting Persons, which is, in the
  // aggregate, 16,941,323 shares" (john-friedman__schedule13d), not the nearest party's before "which is".
  const main = role === 'group_total' || role === 'beneficial' ? restatedObjectVerb(raw, t.start) : -1;
  const holders = main >= 0 ? subjectOf(s, ctx, state, t, role, main, 0) : subjectOf(s, ctx, state, t, role, roleAt, seg.start);
  if (!holders.length) return null;
  if (role === 'beneficial' && holders.length === 1 && holders[0]!.group) role = 'group_total';
  return { token: t, value: t.value, role, holders, roleAt, morePowers };
}

/** The role of a part of a position: the shares under an option, warrant or convertible, else a plain part. */
function partRoleAfter(after: string): HoldingRole {
  return underliesAfter(after) ? 'underlying' : 'part_of';
}

/** Track the block the sentence opens: a heading naming its parties, a table header. */
function updateState(s: ProseSentence, ctx: ProseContext, state: PositionState): void {
  const raw = s.raw;
  const heading = blockHeading(s, ctx);
  if (heading) {
    state.heading = heading.length ? heading : null;
    state.lastHolder = null;
    state.inTrades = false;
  }
  const header = headerColumns(raw);
  if (header) {
    state.columns = header.roles;
    state.percentColumn = header.percent;
  }
}

function positionRow(s: ProseSentence, ctx: ProseContext, t: Token, holder: Party, role: HoldingRole, pct: { value: number; ev: ReturnType<typeof evidence> } | null): Found<HoldingRow> {
  const sec = securityAfter(s, t, ctx);
  const ev: Found<HoldingRow>['evidence'] = { shares: evidence(s, t.start, t.end) };
  if (pct) ev.percent = pct.ev;
  return {
    row: { ...holderColumns(holder), role, security: sec.name, securityKind: securityKindOf(sec.name), shares: t.value, convertibleIntoShares: null, asOfDate: null, percentOfClass: pct ? pct.value : null, ...provenance(s) },
    evidence: ev,
  };
}

/** A "Name: N" line under a power label: the party it names has that power over N (the name as printed if undefined). */
function pairLine(s: ProseSentence, ctx: ProseContext, role: HoldingRole | null): Found<HoldingRow>[] | null {
  if (!role) return null;
  const pair = PAIR_LINE.exec(s.raw);
  // A label of its own ("(iii) Sole Dispositive Power: 4,772,922" after a label with no count) is no name.
  if (!pair || labelAtEnd(pair[1]!)) return null;
  const at = s.raw.indexOf(pair[1]!);
  const t = s.tokens.find((x) => x.raw === pair[2] && x.start > at) ?? countsOf(s).find((x) => x.raw === pair[2]);
  if (!t) return null;
  const mention = s.mentions.find((m) => m.start <= at + 2 && m.end >= at + pair[1]!.trim().length - 2);
  const holders = mention ? holdersOf(s, [mention]) : looksLikeName(pair[1]!) && pair[1]!.trim().split(/\s+/).length >= 2 ? [{ name: pair[1]!.trim(), coverOrdinal: null, group: false, members: [] }] : [];
  return holders.length ? holders.map((h) => positionRow(s, ctx, t, h, role, null)) : null;
}
