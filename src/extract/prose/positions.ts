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
 * (`roleOf`).
 * Does not handle: tables whose rows are not one holder per line, and pronouns across paragraphs beyond the last
 * holder named.
 */
import { holderColumns, holdersOf, isHypothetical, partiesAfter, securityAfter, securityKindOf, segmentAt, subjectBefore } from './clauses.js';
import { nameKey, type Party, type PartyMention } from './parties.js';
import type { Token } from './tokens.js';
import { evidence, provenance, type CoverAnchor, type Found, type HoldingRole, type HoldingRow, type ProseContext, type ProseSentence } from './types.js';

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
}

export function newPositionState(): PositionState {
  return { heading: null, lastHolder: null, inTrades: false, columns: null, percentColumn: null, pendingLabel: null };
}

const POWER = {
  sole_voting: /\bsole\s+(?:and\s+shared\s+)?(?:voting(?:\s+(?:and|or)\s+(?:dispositive|investment))?\s+(?:power|authority|control)|power\s+(?:to\s+vote|of\s+voting|to\s+(?:direct\s+the\s+)?vote)|power\s+over\s+the\s+voting|voting\b)/gi,
  shared_voting: /\bshared?\s+(?:voting(?:\s+(?:and|or)\s+(?:dispositive|investment))?\s+(?:power|authority|control)|power\s+(?:to\s+vote|of\s+voting|to\s+(?:direct\s+the\s+)?vote)|voting\b)/gi,
  sole_dispositive: /\bsole\s+(?:dispositive|investment|disposition)\s+(?:power|authority|control)|\bsole\s+power\s+(?:to\s+(?:direct\s+the\s+)?dispos|of\s+disposition|to\s+sell|over\s+the\s+disposition)|\bsole\s+(?:dispositive|investment)\b/gi,
  shared_dispositive: /\bshared?\s+(?:dispositive|investment|disposition)\s+(?:power|authority|control)|\bshared?\s+power\s+(?:to\s+(?:direct\s+the\s+)?dispos|of\s+disposition|to\s+sell|over\s+the\s+disposition)|\bshared?\s+(?:dispositive|investment)\b/gi,
} as const;
const OWN_WORDS = /\b(?:beneficially\s+own\w*|beneficial\s+own\w*|beneficial\s+owners?|own(?:s|ed|ing)?|hold(?:s|ing)?|held|deemed\s+to\s+(?:have\s+)?(?:beneficially\s+)?own|amount\s+beneficially|aggregate\s+(?:number|amount)|in\s+the\s+aggregate|an\s+aggregate\s+of|a\s+total\s+of|totals?|holdings|consisting\s+of|comprised\s+of|interest\s+in)\b/gi;
const TRADE_WORDS = /\b(?:purchas\w*|bought|buys?|sold|sells?|sales?|acquired|acquisitions?|acquire|disposed|transferr?\w*|exercised|converted|conversion\s+of|gift\w*|distribut\w*|paid|price|cost|consideration|issued|granted|awarded|received|receive|exchang\w*|tender\w*|redeem\w*|lend|loan\w*|pledg\w*|reduced|increased|decreased)\b/i;
const NEGATION = /\b(?:no|not|neither|nor|none|disclaims?|disclaimed|except|excluding|other\s+than|without)\b/i;
const UNDERLYING = /\b(?:options?|warrants?|convertible|conversion|exercis\w+|underlying|issuable|rights?\s+to\s+(?:purchase|acquire)|notes?|debentures?)\b/i;
/** Words that make a count something other than a position: a denominator, a money amount, a vote count. */
const NOT_POSITION_AFTER = /^\s*(?:(?:shares?|Shares)\s+)?(?:(?:of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,4})?(?:issued\s+and\s+)?(?:then\s+)?outstanding|\(?(?:shares\s+)?outstanding\)?|per\s+share|dollars|years?|days?|months?|votes?\b)/;

/** A pronoun or the form's words for the subject that the block or the previous statement names. */
const PRONOUN_SUBJECT = /(?:^|[.;:,]\s*|\(\w{1,4}\)\s*)(?:it|he|she|they|each\s+(?:such\s+)?(?:reporting\s+)?person|such\s+(?:reporting\s+)?person|the\s+(?:reporting|filing)\s+person|such\s+entity|(?:the\s+)?person)\b/i;

const MAX_COUNTS = 200;

interface Candidate {
  /** A second statement the count belongs to (the power holder of a passive count). */
  also?: { holders: Party[]; role: HoldingRole };
  token: Token;
  value: number;
  role: HoldingRole;
  holders: Party[];
  /** Where the role word or label sits (for the subject search). */
  roleAt: number;
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
  // The count of a label on the line before: a sentence that is only the count.
  const pending = state.pendingLabel;
  state.pendingLabel = counts.length ? null : labelAtEnd(s.raw);
  if (pending && counts.length === 1 && !s.raw.slice(0, counts[0]!.start).trim() && s.raw.length - counts[0]!.end < 40 && !used.has(counts[0]!.start)) {
    const t = counts[0]!;
    const holders = subjectOf(s, ctx, state, t, pending, -1, 0, true);
    return holders.map((holder) => positionRow(s, ctx, t, holder, pending, null));
  }
  let last: { token: Token; holders: Party[]; role: HoldingRole } | null = null;
  for (let i = 0; i < counts.length; i++) {
    const t = counts[i]!;
    const other = used.get(t.start);
    if (other) {
      last = { token: t, ...other };
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
      kind = w ? securityKindOf(w[1]!) : kind === 'common' ? 'common' : kind;
    }
    for (const holder of c.holders) {
      const row = positionRow(s, ctx, t, holder, c.role, pct);
      row.row.securityKind = kind;
      row.row.shares = c.value;
      out.push(row);
    }
    // "X has sole voting power over the N Shares held by Y": Y holds them, X has the power.
    if (c.also) for (const holder of c.also.holders) out.push(positionRow(s, ctx, t, holder, c.also.role, null));
    state.lastHolder = c.holders;
  }
  return out;
}

/** Share counts of the sentence, plus zero written "-0-", "None" or "0" after a power or amount label. */
function countsOf(s: ProseSentence): Token[] {
  const list = s.tokens.filter((t) => (t.kind === 'shares' || t.kind === 'number') && Number.isInteger(t.value) && !/\./.test(t.raw));
  for (const m of s.raw.matchAll(/(?<=(?:power|vote|disposition|dispose|owned|of)\b[^.;\d]{0,12}?[:\-\u2013\u2014]\s*|\bis\s+)(?:-0-|none\b|nil\b)/gi)) {
    if (list.some((t) => t.start === m.index)) continue;
    list.push({ kind: 'number', value: 0, iso: null, start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return list.sort((a, b) => a.start - b.start);
}

/** The role a count plays and whom it belongs to, or null when it is not a position. */
/**
 * A count that continues a list after an accepted one: "800,000 Common Shares underlying the 2010 options granted to
 * the Reporting Person on April 15, 2010 and 600,000 Common Shares underlying …" — same holder, same kind of role.
 */
function continued(s: ProseSentence, t: Token, last: { token: Token; holders: Party[]; role: HoldingRole } | null, counts: Token[] = []): Candidate | null {
  if (!last) return null;
  const gap = s.raw.slice(last.token.end, t.start);
  if (gap.length > 240 || /[;]|\.\s+[A-Z]/.test(gap) || !/(?:\band|,)\s+(?:\((?:[ivx]{1,4}|[a-h]|\d)\)\s*)?$/i.test(gap)) return null;
  if (/\b(?:sold|sells?|purchased|bought|acquired|disposed|transferred|outstanding|disclaims?|respectively|whom|other\s+than|except)\b/i.test(gap)) return null;
  if (NOT_POSITION_AFTER.test(s.raw.slice(t.end, t.end + 160)) || !/^\s*(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares|were|are)\b/.test(s.raw.slice(t.end, t.end + 40))) return null;
  const role: HoldingRole = /^\s*(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares)\s+(?:underlying|issuable)/i.test(s.raw.slice(t.end, t.end + 60)) ? 'underlying' : last.role;
  // "A and B have … N1 and N2 Shares, respectively": the list pairs this count with its own holder.
  const listed = respectivelyHolders(s, t, counts, -1);
  if (listed === 'skip') return null;
  return { token: t, value: t.value, role, holders: listed ? [listed] : last.holders, roleAt: t.start };
}

function candidate(s: ProseSentence, ctx: ProseContext, state: PositionState, t: Token, counts: Token[], prevEnd: number, last: { token: Token; holders: Party[]; role: HoldingRole } | null = null): Candidate | null {
  const raw = s.raw;
  const after = raw.slice(t.end, t.end + 160);
  // 2. "of which N (shares) are held by X", "of which N are directly owned by X".
  if (/\bof\s+which\s+(?:\(\w{1,4}\)\s*)?(?:up\s+to\s+|approximately\s+)?$/i.test(raw.slice(Math.max(0, t.start - 30), t.start))) {
    const agent = /^\s*(?:(?:shares?|Shares)\b[^,;.]{0,40}?)?\s*(?:are|is|were|may\s+be\s+deemed\s+to\s+be)\s+(?:(?:beneficially|directly|indirectly|held|owned|of\s+record)\s+)*(?:held|owned)\s+(?:(?:directly|indirectly|of\s+record)\s+)*by\s+/i.exec(after);
    if (agent) {
      const at = t.end + agent[0].length;
      const found = partiesAfter(s, at - 4, /by\s+(?:each\s+of\s+)?(?:the\s+)?/i, 40);
      const holders = found.length ? holdersOf(s, found) : printedName(raw, at, 'after');
      return holders.length ? { token: t, value: t.value, role: 'part_of', holders, roleAt: t.start } : null;
    }
    // "N Common Shares, of which (i) M were restricted …": a part of the holder's own position.
    if (last && /^\s*(?:shares?|Shares)?\s*(?:are|is|were)\b/i.test(after)) return { token: t, value: t.value, role: 'part_of', holders: last.holders, roleAt: t.start };
    return null;
  }
  // A number that is not a share count: a year, a section, a page, a small count without a share word.
  if (t.kind === 'number') {
    const label = /(?:[:\u2013\u2014]|--?|\bis|\bof|\bover|\bto)\s*$/i.test(raw.slice(Math.max(0, t.start - 6), t.start));
    if (!label && !anchored(ctx, t.value)) return null;
    if (/^\s*(?:%|percent|per\s*cent|days?|years?|months?|persons?|of\s+the\s+(?:Act|Exchange\s+Act|Rules?))/i.test(after)) return null;
    if (/\b(?:Rule|Section|Item|Items|Row|Rows|No\.|page|pages|Exhibit|Schedule|Form|Amendment|Note|Notes|Box|Line|Lines)\s*$/i.test(raw.slice(Math.max(0, t.start - 12), t.start))) return null;
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

  // 1. A passive agent: "N Shares (beneficially) owned (directly) by X", "N shares are held of record by X".
  const agent = passiveAgent(s, t, counts, ctx);
  if (agent && !/\b(?:such|said)\s+$/i.test(lead) && !hypothetical(s, seg.start, t.end)) {
    const role: HoldingRole = /issuable|exercis|convert|warrants?|options?/i.test(agent.words) ? 'underlying' : /\binclud(?:e|es|ing)\b/i.test(raw.slice(seg.start, t.start)) ? 'part_of' : /beneficially/i.test(agent.words) ? 'beneficial' : 'direct';
    const c: Candidate = { token: t, value: t.value, role, holders: agent.holders, roleAt: t.start };
    // A power named before the count belongs to the clause's subject.
    for (const [name, re] of Object.entries(POWER) as [HoldingRole, RegExp][]) {
      re.lastIndex = 0;
      const m = re.exec(raw.slice(Math.max(seg.start, t.start - 120), t.start));
      if (!m || NEGATION.test(raw.slice(seg.start, t.start))) continue;
      const at = Math.max(seg.start, t.start - 120) + m.index;
      const subject = subjectOf(s, ctx, state, t, name, at, seg.start).filter((p) => !agent.holders.some((h) => h.name === p.name));
      if (subject.length) c.also = { holders: subject, role: name };
      break;
    }
    return c;
  }
  // "N Shares were held in the LionEye Capital Management Accounts": the accounts hold them.
  const heldIn = /^\s*(?:shares?|Shares)?\s*(?:are|were|is)\s+held\s+in\s+(?:the\s+)?/i.exec(after);
  if (heldIn && !hypothetical(s, seg.start, t.end)) {
    const named = printedName(raw, t.end + heldIn[0].length, 'after');
    if (named.length && /\bAccounts?\b/.test(named[0]!.name)) return { token: t, value: t.value, role: 'direct', holders: named, roleAt: t.start };
  }
  if (hypothetical(s, seg.start, t.end)) return null;
  if (/\b(?:such|said|these|those)\s+$/i.test(lead)) return null;

  // 3. The governing words: the last role phrase between the previous count (or the clause start) and this count,
  //    or one right after it ("N shares as to which X has sole voting power").
  let role: HoldingRole | null = null;
  let roleAt = -1;
  for (const [name, re] of Object.entries(POWER) as [HoldingRole, RegExp][]) {
    re.lastIndex = 0;
    for (const m of before.matchAll(re)) {
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
  const ownAt = lastMatch(OWN_WORDS, before);
  if (!role && ownAt >= 0) {
    roleAt = from + ownAt;
    role = /aggregate|total|combined|holdings/i.test(before.slice(ownAt)) ? 'group_total' : 'beneficial';
  }
  // Words between the role and the count that make it a trade, a price or another kind of count ("purchased an
  // aggregate of N": the verb sits just before the role words).
  const governing = raw.slice(roleAt >= 0 ? Math.max(from, roleAt - 30) : from, t.start);
  if (role && TRADE_WORDS.test(governing.replace(/\b(?:acquire|exercis\w+|conversion\s+of)\b[^,;]{0,80}?(?:options?|warrants?|notes?|preferred)/gi, ' ')) && !/\bright\s+to\s+acquire\b|\bupon\s+(?:the\s+)?(?:exercise|conversion)\b/i.test(governing)) return null;
  if (role && NEGATION.test(raw.slice(Math.max(seg.start, (roleAt >= 0 ? roleAt : from) - 60), t.start)) && !/\bother\s+than\b/i.test(governing) && !/[:\u2013\u2014-]\s*$/.test(raw.slice(t.start - 3, t.start))) return null;
  if (!role) {
    const a = anchorsFor(ctx, t.value, null);
    if (!a.length || !/^\s*(?:shares?|Shares)\b/.test(after)) return null;
    role = a[0]!.role;
    roleAt = t.start;
  }
  if (role === 'beneficial' && UNDERLYING.test(raw.slice(Math.max(from, t.start - 80), t.start + 0)) && /\b(?:options?|warrants?|exercis|convert|underlying|issuable)/i.test(before.slice(-80))) role = 'underlying';
  if (role === 'beneficial' && /\bdirectly\b|\bof\s+record\b|\brecord\s+(?:and\s+beneficial\s+)?owner/i.test(governing)) role = 'direct';

  // The holder: a "respectively" list, the clause's subject, a "Name - N" pair, the block's person, the cover.
  const listed = respectivelyHolders(s, t, counts, roleAt);
  if (listed === 'skip') return null;
  if (listed) return { token: t, value: t.value, role, holders: [listed], roleAt };
  const holders = subjectOf(s, ctx, state, t, role, roleAt, seg.start);
  if (!holders.length) return null;
  if (role === 'beneficial' && holders.length === 1 && holders[0]!.group) role = 'group_total';
  return { token: t, value: t.value, role, holders, roleAt };
}

function hypothetical(s: ProseSentence, from: number, to: number): boolean {
  return isHypothetical(s.raw.slice(from, to)) || /\b(?:would|assumes?|assuming|if)\b/i.test(s.raw.slice(from, to));
}

function lastMatch(re: RegExp, text: string): number {
  let at = -1;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) at = m.index;
  return at;
}

/** Is the value one of the cover pages' share counts? */
function anchored(ctx: ProseContext, value: number): boolean {
  return anchorsFor(ctx, value, null).length > 0;
}

const FIELD_ROLE: [keyof CoverAnchor, HoldingRole][] = [
  ['aggregateAmount', 'beneficial'],
  ['soleVotingPower', 'sole_voting'],
  ['sharedVotingPower', 'shared_voting'],
  ['soleDispositivePower', 'sole_dispositive'],
  ['sharedDispositivePower', 'shared_dispositive'],
];

/** Reporting persons whose cover value of `role` (any share field when null) equals `value`. */
function anchorsFor(ctx: ProseContext, value: number, role: HoldingRole | null): { party: Party; role: HoldingRole }[] {
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
 * "A, B and C … N1, N2 and N3 shares, respectively": the holder paired with this count. 'skip' when the sentence
 * pairs by "respectively" but the lists do not line up (better no row than a wrong one).
 */
function respectivelyHolders(s: ProseSentence, t: Token, counts: Token[], roleAt: number): Party | null | 'skip' {
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

/** "(i) Sole power to vote or to direct the vote:" ending a line: the role of the count on the next line. */
function labelAtEnd(raw: string): HoldingRole | null {
  const tail = raw.slice(-160);
  if (!/(?:power|vote|disposition|dispose|owned|of)\s*[:\-\u2013\u2014]?\s*$/i.test(tail)) return null;
  let { role } = lastPowerRole(tail);
  if (!role && /\b(?:amount|number)\b[^.;\d]{0,60}beneficially\s+owned\s*[:\-\u2013\u2014]?\s*$/i.test(tail)) role = 'beneficial';
  return role;
}

function subjectOf(s: ProseSentence, ctx: ProseContext, state: PositionState, t: Token, role: HoldingRole, roleAt: number, segStart: number, labelledAbove = false): Party[] {
  const raw = s.raw;
  // "Armistice Capital, LLC - 2,574,000": a name and its count.
  const pair = [...s.mentions].reverse().find((m) => m.end <= t.start && /^\s*(?:[:\-\u2013\u2014]|--)\s*$/.test(raw.slice(m.end, t.start)));
  if (pair) return holdersOf(s, [pair]);
  const at = roleAt >= 0 ? Math.min(roleAt, t.start) : t.start;
  let subject = subjectBefore(s, at, segStart);
  if (!subject.length && segStart > 0) {
    // An enumerated clause continuing the sentence's subject: "X has (i) sole voting power over N, (ii) …".
    const lead = raw.slice(segStart, at);
    if (!/\b(?:has|have|owns?|holds?)\b/i.test(lead)) subject = subjectBefore(s, at, 0);
  }
  // "each of A and B" after the role word: "voting power is shared by A and B".
  if (!subject.length) {
    const by = partiesAfter(s, t.end, /^[^.;]{0,60}?\b(?:shared\s+(?:with|by)|by)\s+(?:each\s+of\s+)?(?:the\s+)?/i, 100);
    if (by.length && /shared|by/i.test(raw.slice(t.end, t.end + 60)) && role !== 'beneficial') subject = by;
  }
  const mentioned = subject.filter((m) => !ctx.parties.isIssuer(m.party));
  if (mentioned.length) return holdersOf(s, mentioned);
  if (subject.length) return [];
  // A name the filing never defines, right before the verb: "Fidelity Ventures Associates, Inc. has sole voting power".
  const verb = /\b(?:has|have|had|owns?|holds?|is|are|may|beneficially|directly|shares|possesses|exercises)\b[^.;]*$/i.exec(raw.slice(segStart, at));
  if (verb) {
    const named = printedName(raw, segStart + verb.index, 'before');
    if (named.length) return named;
  }
  // No party named: a pronoun or the form's words ("such person"), a label in a block, or nothing at all.
  const clauseLead = raw.slice(segStart, at);
  // A label: "…: N", "… -- N", "… is N", or a noun phrase right before the count ("AMOUNT BENEFICIALLY OWNED 2,542,287").
  const labelled =
    labelledAbove ||
    /[:\u2013\u2014-]\s*$/.test(raw.slice(Math.max(0, t.start - 4), t.start)) ||
    /\b(?:is|are|was)\s+$/i.test(raw.slice(Math.max(0, t.start - 8), t.start)) ||
    /\b(?:amount|number)\b[^.;\d]{0,60}?(?:beneficially\s+)?owned\W{0,6}$/i.test(raw.slice(Math.max(0, t.start - 90), t.start));
  const pronoun = PRONOUN_SUBJECT.test(clauseLead) || /^\s*(?:\(\w{1,4}\)\s*)?(?:it|he|she|they)\b/i.test(raw);
  // The cover pages: reporting persons whose value of this role equals the count.
  const anchors = anchorsFor(ctx, t.value, role).map((a) => a.party);
  if (state.heading && (labelled || pronoun)) return state.heading;
  if (pronoun && state.lastHolder?.length === 1 && !state.lastHolder[0]!.group) return state.lastHolder;
  if (labelled || pronoun) {
    if (ctx.coverParties.length === 1) return [ctx.coverParties[0]!];
    if (anchors.length) return anchors;
  }
  return [];
}

/** A percent stated with the count, before the next count: "N Shares, or approximately 7.50% of …", "N (9.8%)". */
function percentWith(s: ProseSentence, t: Token, limit: number): { value: number; ev: ReturnType<typeof evidence> } | null {
  const p = s.tokens.find((x) => x.kind === 'percent' && x.start > t.end && x.start < Math.min(limit, t.end + 200));
  if (!p) return null;
  const between = s.raw.slice(t.end, p.start);
  if (/[;]|\b(?:of\s+which|respectively|each)\b/i.test(between)) return null;
  if (!/\b(?:represent\w*|constitut\w*|or|approximately|about|equal\s+to|which\s+is|comprising|being)\b|\(\s*(?:approximately\s+)?$|,\s*$/i.test(between)) return null;
  if (/less\s+than\s*$/i.test(between)) return null;
  return { value: p.value, ev: evidence(s, p.start, p.end) };
}

/** "(b) Percent of class: 8.3%" on the line after an amount label. */
function percentLine(next: ProseSentence | undefined, role: HoldingRole): { value: number; ev: ReturnType<typeof evidence> } | null {
  if (!next || (role !== 'beneficial' && role !== 'group_total')) return null;
  if (!/^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:item\s+\d\s*\(\w\)\.?\s*)?Percent(?:age)?(?:\s+of\s+(?:the\s+)?class)?\b[^.\d]{0,40}?:?/i.test(next.raw)) return null;
  const p = next.tokens.find((x) => x.kind === 'percent' || (x.kind === 'number' && /\./.test(x.raw)));
  if (!p || next.tokens.filter((x) => x.kind === 'percent').length > 1) return null;
  return { value: p.value, ev: evidence(next, p.start, p.end) };
}

/** Track the block the sentence opens: a heading naming its parties, a table header. */
function updateState(s: ProseSentence, ctx: ProseContext, state: PositionState): void {
  const raw = s.raw;
  // "A. Tontine Financial Partners, L.P." alone on a line, or "(i) LionEye Master Fund:" / "(v) Messrs. Raneri and
  // Rosen:" opening the block of statements about them.
  const lead = /^\s*(?:[A-Z]\.|\(?[a-z0-9]{1,4}[.)]|\d+\.)?\s*(?:Messrs\.\s*|Mr\.\s*|Ms\.\s*)?/.exec(raw)![0].length;
  const first = s.mentions[0];
  if (first && first.start <= lead + 1) {
    const listed = [first];
    for (const m of s.mentions.slice(1)) {
      if (!/^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$/.test(raw.slice(listed[listed.length - 1]!.end, m.start))) break;
      listed.push(m);
    }
    const tail = raw.slice(listed[listed.length - 1]!.end);
    if (/^\s*[:.]?\s*$/.test(tail) || /^\s*:/.test(tail)) {
      state.heading = listed.map((m) => m.party);
      state.inTrades = false;
    }
  }
  const header = headerColumns(raw);
  if (header) {
    state.columns = header.roles;
    state.percentColumn = header.percent;
  }
  void ctx;
}

/** Column words of a table header, in order: "Name | Aggregate | Percent | Sole Voting | Shared Voting | …". */
function headerColumns(raw: string): { roles: HoldingRole[]; percent: number | null } | null {
  if (/\d{2,}/.test(raw.replace(/\b(?:13|19|20)\d{2}\b/g, ''))) return null;
  const found: { at: number; role: HoldingRole | 'percent' }[] = [];
  const words: [RegExp, HoldingRole | 'percent'][] = [
    [/\b(?:aggregate|amount|number\s+of\s+shares|shares)\s+(?:beneficially\s+)?owned\b|\bbeneficial\s+ownership\b|\baggregate\s+(?:number|amount)\b/gi, 'beneficial'],
    [/\bpercent(?:age)?(?:\s+of\s+class)?\b|%/gi, 'percent'],
    ...(Object.entries(POWER) as [HoldingRole, RegExp][]).map(([r, re]) => [new RegExp(re.source, 'gi'), r] as [RegExp, HoldingRole]),
  ];
  for (const [re, role] of words) for (const m of raw.matchAll(re)) if (!found.some((f) => Math.abs(f.at - m.index) < 3)) found.push({ at: m.index, role });
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

/**
 * A table row under a header: "Icahn Master 1,234,567 5.2% 1,234,567 0 1,234,567 0". The row's party is named at
 * its start; its counts fill the header's columns left to right (a percent column takes a percent or decimal).
 */
function tableRow(s: ProseSentence, ctx: ProseContext, state: PositionState, counts: Token[]): Found<HoldingRow>[] | null {
  if (!state.columns) return null;
  const first = s.mentions[0];
  const nums = s.tokens.filter((t) => t.kind === 'shares' || t.kind === 'number' || t.kind === 'percent');
  if (!first || nums.length < 2 || /^[^\d]*[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}/.test(s.raw.slice(first.end, nums[0]!.start))) {
    // Prose after the table ends it (not the header itself).
    if ((s.raw.length > 200 || !nums.length) && !headerColumns(s.raw)) state.columns = null;
    return null;
  }
  if (s.raw.slice(0, first.start).trim().length > 6) return null;
  const out: Found<HoldingRow>[] = [];
  const holders = holdersOf(s, [first]);
  let col = 0;
  let pct: Token | null = null;
  // The row's percent, wherever its column is (the amount column usually comes first).
  const rowPercent = nums.find((t) => t.kind === 'percent') ?? null;
  const pctIndex = state.percentColumn;
  let seen = 0;
  for (const t of nums) {
    if (pctIndex !== null && seen === pctIndex && (t.kind === 'percent' || /\./.test(t.raw))) {
      pct = t;
      seen++;
      continue;
    }
    seen++;
    if (t.kind === 'percent' || !Number.isInteger(t.value)) continue;
    const role = state.columns[col++];
    if (!role) break;
    for (const holder of holders) {
      out.push({
        row: { ...holderColumns(holder), role, security: null, securityKind: 'common', shares: t.value, convertibleIntoShares: null, asOfDate: null, percentOfClass: role === 'beneficial' && (pct ?? rowPercent) ? (pct ?? rowPercent)!.value : null, ...provenance(s) },
        evidence: { shares: evidence(s, t.start, t.end) },
      });
    }
  }
  void counts;
  void ctx;
  return out.length ? out : null;
}

/**
 * The role of a row another reader made (holdings.ts reads ownership statements): an option or warrant position, a
 * group holder's total, an "of which" part, a direct or record holding, else beneficial ownership.
 */
export function roleOf(s: ProseSentence, row: HoldingRow, shareStart: number, group: boolean): HoldingRole {
  const before = s.raw.slice(Math.max(0, shareStart - 120), shareStart);
  if (row.securityKind === 'option' || row.securityKind === 'warrant') return 'underlying';
  if (group) return 'group_total';
  if (/\bof\s+which\s+(?:\w+\s+){0,2}$/i.test(before)) return 'part_of';
  if (/^[\d,]*\s*(?:(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares)\b[^,;.()]{0,60}?)?\s*(?:which\s+(?:are|were)\s+)?(?:directly\s+|of\s+record\s+)?(?:owned|held)\s+(?:directly\s+|of\s+record\s+)?by\b/i.test(s.raw.slice(shareStart, shareStart + 120)) && !/\bbeneficially\s+(?:owned|held)\s+by/i.test(s.raw.slice(shareStart, shareStart + 120))) return 'direct';
  if (/\bdirect\s+(?:and\s+beneficial\s+)?owner\b[^.;]{0,40}$|\bdirectly\s+(?:owns?|holds?|held|owned)\b[^.;]{0,40}$|\bof\s+record\b[^.;]{0,40}$|\brecord\s+(?:and\s+beneficial\s+)?owner/i.test(before) || /^\s*(?:shares?|Shares)?[^,;.]{0,40}?(?:owned|held)\s+directly/i.test(s.raw.slice(shareStart, shareStart + 80))) return 'direct';
  return 'beneficial';
}

const NAME_CAP = "[A-Z][\\w.&'\u2019-]*";
// Connectors only between capitalised words: a name never ends in "and" or "of".
const NAME_RUN = new RegExp(`${NAME_CAP}(?:\\s+(?:(?:of|and|&|de|du|von|van|for)\\s+)*${NAME_CAP}){0,8}(?:,?\\s+(?:Inc\\.?|L\\.?P\\.?|LLC|L\\.L\\.C\\.|Ltd\\.?|Limited|N\\.A\\.|Corp\\.?|Co\\.))?`);
const NOT_NAME = /^(?:The|Common|Preferred|Series|Class|Shares?|Stock|Percentage|Percent|Number|Aggregate|Amount|Total|Item|Items|Schedule|Each|Such|Neither|None|Except|As|Of|And|In|On|By|Reporting|Issuer|Company)$/;

/**
 * A proper name the filing does not define, printed right after `at` ("held by Fidelity Ventures Associates
 * Limited") or right before it ("Fidelity Ventures Associates, Inc. has …"): kept as printed, with the words of a
 * group term ("the Fidelity Funds", "the Accounts") as the holder's name.
 */
function printedName(raw: string, at: number, side: 'before' | 'after'): Party[] {
  let name: string | null;
  if (side === 'after') {
    const m = new RegExp(`^(?:the\\s+)?(${NAME_RUN.source}(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+)(?:the\\s+)?${NAME_RUN.source})*)`).exec(raw.slice(at, at + 240));
    name = m ? m[1]!.replace(/\s+/g, ' ') : null;
  } else {
    const window = raw.slice(Math.max(0, at - 120), at);
    const m = new RegExp(`(${NAME_RUN.source})\\s*,?\\s*$`).exec(window);
    name = m ? m[1]! : null;
    if (m && /[A-Za-z]/.test(window.slice(0, m.index).replace(/^[\s\S]*[.;:(]\s*/, '').replace(/^\s*(?:\([a-z0-9]{1,4}\)\s*)?/, '').replace(/\b(?:the|and|each\s+of)\s*$/i, '').trim())) name = null;
  }
  if (!name) return [];
  // A word wrapped at its hyphen ("Mitsui-\nJapan") is one word.
  name = name.replace(/-\s+/g, '-').replace(/^(?:The|and|of)\s+/, '').replace(/\s+(?:and|of|&)$/, '').replace(/,$/, '').trim();
  // A sentence's full stop is not part of the name; the period of "Inc." or "L.P." is.
  if (/\.$/.test(name) && !/\b(?:Inc|Corp|Co|Ltd|Jr|Sr|L\.P|N\.A|S\.A|L\.L\.C|P\.C)\.$/.test(name)) name = name.slice(0, -1);
  const words = name.split(/\s+/);
  if (NOT_NAME.test(words[0]!) || words.some((w) => /^(?:Shares?|Stock|Common|Preferred|Item|Schedule)$/.test(w))) return [];
  // One word only as a plural group term ("the Accounts").
  if (words.length < 2 && !/^[A-Z][a-z]+s$/.test(name)) return [];
  return [{ name, coverOrdinal: null, group: words.length < 2, members: [] }];
}

/**
 * Item 5 tables read line by line: a row names a holder at its start and gives one or more counts ("Gerald F.
 * Fitzgerald . . . 7,950 110,872", "Gould Investors L.P. 1,512,241/17.23% Shared (3)"); the caption lines above the
 * rows say what the counts are (the cover page's row words: beneficially owned, sole or shared power to vote or to
 * dispose; a percentage table gives no counts). When the words introducing the table say whose position the rows
 * make up ("… which Mr. Gould may be deemed to beneficially own"), each count is also that party's.
 * Works on the item's text lines rather than sentences: dotted leaders and cells are not sentence punctuation.
 */
export function readTableLines(source: ProseSentence['source'], itemNumber: number, documentSequence: number | null, ctx: ProseContext, makeSentence: (start: number, end: number) => ProseSentence): Found<HoldingRow>[] {
  const out: Found<HoldingRow>[] = [];
  const text = source.text;
  let caption = '';
  let captionRole: HoldingRole | 'percent' | null = null;
  let columnRoles: HoldingRole[] | null = null;
  let owner: Party[] = [];
  let rowsInBlock = 0;
  let pending: string[] = [];
  let lineStart = source.start;
  while (lineStart < source.end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > source.end) lineEnd = source.end;
    const line = text.slice(lineStart, lineEnd);
    // The last line of a wrapped name cell may start in lower case ("persons   61,302/…").
    const row = line.length > 240 ? null : ROW_LINE.exec(line) ?? (pending.length && rowsInBlock > 0 ? ROW_LINE_CONTINUED.exec(line) : null);
    const inTable = rowsInBlock > 0;
    let name = row ? cleanRowName(row[1]!, pending.length > 0, inTable) : null;
    if (row && name && /\b(?:Inc|Corp|Co|Ltd|Jr|Sr|L\.P|N\.A)$/.test(name) && line[row[1]!.length] === '.') name += '.';
    if (row && name) {
      // A name cell wrapped over the lines above the row ("One Liberty" / "Properties, Inc.  30,048/…").
      if (pending.length) name = `${pending.join(' ')} ${name}`.replace(/\s+/g, ' ');
      pending = [];
      if (rowsInBlock === 0) {
        captionRole = captionRoleOf(caption);
        owner = introducedOwner(caption, ctx);
        // A header naming several figures ("Name  Aggregate  Percent  Sole Voting  Shared Voting …"): one column each.
        columnRoles = headerColumns(caption.slice(-400))?.roles ?? null;
        if (columnRoles && columnRoles.length < 2) columnRoles = null;
      }
      rowsInBlock++;
      // Only under a caption that says what the counts are (an address line "Greenville, SC 29601" has none).
      if (captionRole !== 'percent' && captionRole !== null) {
        const s = makeSentence(lineStart, lineEnd);
        const holder = rowHolder(s, name, ctx);
        const counts = rowCounts(s, row[1]!.length);
        const pct = s.tokens.find((t) => t.kind === 'percent' && !/less\s+than\s*$/i.test(s.raw.slice(Math.max(0, t.start - 12), t.start)));
        for (const [k, t] of counts.entries()) {
          const role = (columnRoles && counts.length === columnRoles.length ? columnRoles[k] : null) ?? captionRole ?? 'beneficial';
          for (const p of [...holder, ...owner]) {
            out.push({
              row: { ...holderColumns(p), role: p === holder[0] || owner.length === 0 ? role : 'beneficial', security: null, securityKind: 'common', shares: t.value, convertibleIntoShares: null, asOfDate: null, percentOfClass: counts.length === 1 && pct && p === holder[0] ? pct.value : null, ...provenance(s) },
              evidence: { shares: evidence(s, t.start, t.end) },
            });
          }
        }
      }
    } else if (line.trim()) {
      const cell = line.trim();
      if (cell.length <= 45 && !/\S\s{3,}\S/.test(cell) && !/\d/.test(cell) && cleanRowName(cell, false, inTable) && cell !== cell.toUpperCase()) {
        // A name cell that wraps onto the row below.
        pending.push(cell);
        caption = `${caption} ${line}`.slice(-600);
      } else if (inTable && /\d/.test(cell) && cell.length < 120) {
        // A row this reader cannot name does not end the table.
        pending = [];
      } else {
        pending = [];
        if (inTable) caption = '';
        rowsInBlock = 0;
        caption = `${caption} ${line}`.slice(-600);
      }
    }
    lineStart = lineEnd + 1;
  }
  void itemNumber;
  void documentSequence;
  return out;
}

/** A table row: a name, dotted leaders or a footnote mark, then counts (or "None") and at most a short tail. */
const ROW_LINE = /^\s*((?:\d{1,4}\s+)?[A-Z][^\d\n]{2,90}?)[\s.]*(?:\(\d{1,2}\)|\*{1,2})?[\s.]*(?:(?:\d{1,3}(?:,\d{3})+|\d+|None|-0-)(?:\/[^\s]*(?:\s+than\s+1%)?)?\s*){1,6}(?:[A-Za-z]{0,12}\s*(?:\(\d{1,2}\))?)?\s*$/;

const ROW_LINE_CONTINUED = new RegExp(ROW_LINE.source.replace('(?:\\d{1,4}\\s+)?[A-Z]', '[a-z]'));

function cleanRowName(raw: string, continued = false, inTable = false): string | null {
  // Dotted leaders and a footnote mark go; the period of "Inc." or "L.P." stays.
  const name = raw.replace(/(?:\s+\.)+\s*$/, '').replace(/\(\d{1,2}\)\s*$/, '').replace(/(?:\s+\.)+\s*$/, '').trim();
  if (name.length < (continued ? 2 : 4) || /:\s*$/.test(raw) || /\b(?:Owned|Beneficially|Power|Percent|Percentage|Amount|Aggregate|Outstanding)\b/i.test(name)) return null;
  // Prose is not a row name: lowercase words other than connectors.
  // Inside a table whose rows are already read, a cell may be a description ("Trustee for the benefit of various").
  const lower = name.split(/\s+/).filter((w) => /^[a-z]/.test(w) && !/^(?:of|the|for|and|as|de|von|van|du|la|le|y|e|on|in)$/.test(w));
  if (lower.length && !(inTable && name.length <= 60 && lower.length <= 4)) return null;
  if (/^(?:Total|Class|Name|Number|Shares|Common|Preferred|Series|Date|Page|Item|Percent|Aggregate|Sole|Shared)\b/i.test(name)) return null;
  return name;
}

/** The holder of a row: a party named at its start, a cover person the printed name misspells, or the name printed. */
function rowHolder(s: ProseSentence, name: string, ctx: ProseContext): Party[] {
  const at = s.raw.indexOf(name.slice(0, 4));
  const m = s.mentions.find((x) => x.start <= at + 2 && x.end >= at + Math.min(name.length, 8));
  if (m && m.end - m.start >= name.replace(/[.,\s]+$/, '').length - 6) return [m.party];
  const fuzzy = fuzzyCover(name, ctx);
  if (fuzzy) return [fuzzy];
  if (m && name.length - (m.end - m.start) < 4) return [m.party];
  return [{ name, coverOrdinal: null, group: false, members: [] }];
}

/** "Majorie G Fitzgerald" for the cover's "Marjorie G. Fitzgerald": same words, one letter off at most per word. */
function fuzzyCover(name: string, ctx: ProseContext): Party | null {
  const words = (n: string): string[] => n.toLowerCase().replace(/[.,]/g, ' ').split(/\s+/).filter(Boolean);
  const a = words(name);
  const hits = ctx.coverParties.filter((p) => {
    const b = words(p.name);
    return b.length === a.length && b.every((w, i) => w === a[i] || (w.length >= 5 && oneEditApart(w, a[i]!)));
  });
  return hits.length === 1 ? hits[0]! : null;
}

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

function captionRoleOf(caption: string): HoldingRole | 'percent' | null {
  const tail = caption.slice(-300);
  const last = lastPowerRole(tail);
  let role = last.role;
  const at = last.at;
  // "Sole Power to Vote" split over caption lines: "Number of Shares with / Name of Sole Power to Vote".
  const spread = /\b(sole|shared?)\s+power\s+to\s+(vote|dispose)/i.exec(tail.replace(/\s+/g, ' '));
  if (spread && !role) role = `${spread[1]!.toLowerCase().startsWith('sole') ? 'sole' : 'shared'}_${spread[2]!.toLowerCase() === 'vote' ? 'voting' : 'dispositive'}` as HoldingRole;
  const pctAt = lastMatch(/\bpercent(?:age)?\b/gi, tail);
  const ownAt = lastMatch(/\bbeneficially\s+owned\b|\bnumber\s+of\s+shares\b/gi, tail);
  if (pctAt >= 0 && pctAt > at && !/\bnumber\s+of\s+shares\b/i.test(tail)) return 'percent';
  return role ?? (ownAt >= 0 || /\bnumber\s+of\s+shares\b|\bshares\s+(?:beneficially\s+)?owned\b/i.test(tail) ? 'beneficial' : null);
}

/** "The following sets forth the number of Beneficial Shares which Mr. Gould may be deemed to beneficially own". */
function introducedOwner(caption: string, ctx: ProseContext): Party[] {
  const m = /\bwhich\s+((?:Mr\.|Ms\.|Mrs\.)?\s*[A-Z][\w.&' -]{1,60}?)\s+(?:may\s+be\s+deemed\s+to\s+)?(?:beneficially\s+)?own/.exec(caption);
  if (!m) return [];
  const p = ctx.parties.resolve(m[1]!.trim());
  return p ? [p] : [];
}

/** The counts of a row after its name: numbers, "None" and "-0-" as 0; not footnote marks "(3)" nor "/17.23%". */
function rowCounts(s: ProseSentence, from: number): Token[] {
  const out: Token[] = [];
  for (const m of s.raw.slice(from).matchAll(/(?<![\d,(./])(\d{1,3}(?:,\d{3})+|\d+|None|-0-)(?![\d,)%]|\.\d)/g)) {
    const start = from + m.index;
    const value = /\d/.test(m[1]!) ? Number(m[1]!.replace(/,/g, '')) : 0;
    out.push({ kind: 'shares', value, iso: null, start, end: start + m[0].length, raw: m[0] });
  }
  return out;
}

/**
 * The passive agent of a count: "N Shares (beneficially) owned (directly) by X", "N shares … issuable upon the exercise
 * of the Second Warrants owned by X", "N Class A shares and M Class B shares owned by the Celine McMahon Fitzgerald
 * Trust" (a count joined by "and" to the next takes that count's agent), "held of record by Julie F. Schauer's
 * spouse".
 */
function passiveAgent(s: ProseSentence, t: Token, counts: Token[], ctx: ProseContext): { holders: Party[]; words: string } | null {
  const raw = s.raw;
  let k = counts.indexOf(t);
  let cur = t;
  for (let hop = 0; hop < 4; hop++) {
    const after = raw.slice(cur.end, cur.end + 200);
    const m = /^\s*(?:(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares|units?|Units|ADSs?)\b[^,;.()]{0,90}?)?\s*,?\s*(?:which\s+(?:are|were)\s+|that\s+(?:are|were)\s+|are\s+|is\s+|were\s+)?(?:(?:beneficially|directly|indirectly|of\s+record|collectively|jointly)\s+)*(?:owned|held)\s+(?:(?:beneficially|directly|indirectly|of\s+record|collectively|jointly)\s+)*by\s+(?:each\s+of\s+)?(?:the\s+)?/i.exec(after);
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
      if (rel) return { holders: [{ name: `${rel[1]}'s ${rel[2]}`, coverOrdinal: null, group: false, members: [] }], words };
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
    if (!next || !/^\s*(?:(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares)\b[^,;.()\d]{0,40}?)?\s*(?:,\s*(?:and\s+)?|and\s+)$/.test(raw.slice(cur.end, next.start))) return null;
    cur = next;
    k++;
  }
  return null;
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

/**
 * A printed name as the party the filing knows it as: a defined term or cover name ("Goldman Sachs"), or a cover
 * person printed with a middle initial for a middle name ("Mark J. Benun" for Mark Jack Benun).
 */
function knownAs(p: Party, ctx: ProseContext): Party {
  const resolved = ctx.parties.resolve(p.name);
  if (resolved) return resolved;
  const words = (n: string): string[] => n.replace(/[.,]/g, ' ').split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());
  const a = words(p.name);
  const hits = ctx.coverParties.filter((c) => {
    const b = words(c.name);
    return a.length === 3 && b.length === 3 && a[0] === b[0] && a[2] === b[2] && a[1]!.length === 1 && b[1]!.startsWith(a[1]!);
  });
  return hits.length === 1 ? hits[0]! : p;
}
