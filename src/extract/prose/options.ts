/**
 * Options and warrants granted or issued to a holder: "On August 31, 1999, … the Issuer issued … (i) nonqualified
 * options exercisable for 8,618 shares of Common Stock directly to the US Fund and (ii) … 1,382 shares … to the
 * Offshore Fund", "the Board granted an immediately exercisable option to purchase 10,000 shares of Common Stock to
 * each of Robert L. Ross and Richard M. Maurer", "Mr. X was granted options to purchase 5,000 shares".
 *
 * Handles: the grant date of the sentence, one row per recipient (coordinated and "each of" recipients), exercise
 * price and expiry date stated in the same sentence or in the next one about "such options"/"the options".
 * Also the options and warrants a holder has, from the positions stated in shares underlying them (`heldOptions`) and
 * from any count the option vocabulary ties to an option or warrant (`tiedOptions`, option-vocabulary.ts).
 * Does not handle: vesting schedules, or warrants attached to notes (notes.ts).
 */
import { holderColumns, holdersOf, isHypothetical, leadingDate, partiesAfter, securityAfter, segmentAt, segments, subjectBefore } from './clauses.js';
import { FILERS_WORDS, NAMED_INSTRUMENT_END, PLAIN_INSTRUMENT_END, RIGHT_TO_ACQUIRE_SUBJECT, underliesAfter } from './holding-rules.js';
import { optionTieMatch, type OptionTie } from './option-vocabulary.js';
import type { Party } from './parties.js';
import type { Token } from './tokens.js';
import { PRICE_LEAD_SOURCE, withFraction } from './trade-vocabulary.js';
import { nameKey } from './parties.js';
import { evidence, provenance, sentenceSpan, type Evidence, type Found, type HoldingRow, type OptionRow, type ProseContext, type ProseSentence, type TransactionRow } from './types.js';

const GRANT_VERB = /\b(?:granted|issued|awarded|received|was\s+granted|were\s+granted|in\s+lieu\s+of\s+granting)\b/i;
const COVERS = /\b(options?|warrants?)\b(?:(?!\b(?:options?|warrants?)\b)[^;.]){0,60}?\b(?:exercisable\s+(?:for|into)|to\s+(?:purchase|acquire)|over|covering)\s+(?:an\s+aggregate\s+of\s+|up\s+to\s+|a\s+total\s+of\s+)?$/i;

export interface OptionReading {
  options: Found<OptionRow>[];
  transactions: Found<TransactionRow>[];
}

export function readOptionGrants(s: ProseSentence, next: ProseSentence | null, ctx: ProseContext): OptionReading {
  const options: Found<OptionRow>[] = [];
  const transactions: Found<TransactionRow>[] = [];
  if (!GRANT_VERB.test(s.raw) || isHypothetical(s.raw.slice(0, 40))) return { options, transactions };
  const date = leadingDate(s, ctx);
  for (const t of s.tokens) {
    if (t.kind !== 'shares') continue;
    const sliceStart = Math.max(0, t.start - 120);
    const lead = COVERS.exec(s.raw.slice(sliceStart, t.start));
    if (!lead) continue;
    const seg = segmentAt(s.raw, t.start);
    const kind: OptionRow['kind'] = /warrant/i.test(lead[1]!) ? 'warrant' : 'option';
    // Recipient: "… directly to the US Fund", "… to each of A and B"; else the subject of "received"/"was granted".
    let recipients: Party[] = holdersOf(s, partiesAfter(s, t.end, /^[\s\S]{0,80}?\b(?:directly\s+)?to\s+(?:each\s+of\s+)?(?:the\s+)?/i, 140));
    if (!recipients.length) {
      const verb = /\b(?:received|was\s+granted|were\s+granted|holds?|acquired)\b/i.exec(s.raw.slice(seg.start, t.start));
      if (verb) recipients = holdersOf(s, subjectBefore(s, seg.start + verb.index, seg.start));
    }
    if (!recipients.length) continue;
    const terms = optionTerms(s, t.end, s.raw.length) ?? (next && /^\s*(?:such|the|these|each\s+such|all\s+such)\s+(?:options?|warrants?)\b/i.test(next.raw) ? optionTerms(next, 0, next.raw.length) : null);
    const securityName = describe(s.raw, sliceStart + lead.index, lead[1]!);
    for (const p of recipients) {
      options.push({
        row: {
          kind,
          status: 'granted',
          ...holderColumns(p),
          security: securityName,
          shares: t.value,
          exercisePrice: terms?.price ?? null,
          grantDate: date,
          expiryDate: terms?.expiry ?? null,
          ...provenance(s),
        },
        evidence: { shares: evidence(s, t.start, t.end), ...(terms?.evidence ?? {}) },
      });
      // A grant the sentence gives no date of its own is the option's description ("… was granted a stock option to
      // purchase 11,969 shares … to replace an option granted by Ocera on July 24, 2006"), no trade to list.
      if (date === null) continue;
      transactions.push({
        row: {
          transactionDate: date,
          ...holderColumns(p),
          action: 'grant',
          security: securityName,
          shares: t.value,
          principalAmount: null,
          pricePerShare: terms?.price ?? null,
          consideration: null,
          convertibleIntoShares: null,
          sourceOfFunds: null,
          ...provenance(s),
        },
        evidence: { shares: evidence(s, t.start, t.end) },
      });
    }
  }
  return { options, transactions };
}

/** The words before a price per share, in the trade vocabulary ("at $41.50 per share", "at a price of …"). */
const PER_SHARE_PRICE = new RegExp(String.raw`${PRICE_LEAD_SOURCE}(?=\$[\d.,]+\s+per\s+share)`, 'i');

/** "an exercise price of $2.38", "expiration date of 8/31/04", "expire on …", "expiring …". */
function optionTerms(s: ProseSentence, from: number, to: number): { price: number | null; expiry: string | null; evidence: Record<string, Evidence> } | null {
  const text = s.raw.slice(from, to);
  let price: number | null = null;
  let expiry: string | null = null;
  const ev: Record<string, Evidence> = {};
  const p = /\bexercise\s+price\s+(?:of|equal\s+to|is)\s+/i.exec(text) ?? PER_SHARE_PRICE.exec(text);
  if (p) {
    const at = from + p.index + p[0].length;
    const found: Token | undefined = s.tokens.find((t) => t.kind === 'money' && t.start >= at && t.start <= at + 2);
    const tok = found ? withFraction(s.raw, found) : undefined;
    if (tok) {
      price = tok.value;
      ev.exercisePrice = evidence(s, tok.start, tok.end);
    }
  }
  const e = /\b(?:expiration\s+date\s+(?:of|is)|expir(?:e|es|ing)\s+(?:on\s+)?|terminat(?:e|es|ing)\s+on)\s*/i.exec(text);
  if (e) {
    const at = from + e.index + e[0].length;
    const tok = s.tokens.find((t) => t.kind === 'date' && t.start >= at && t.start <= at + 3);
    if (tok) {
      expiry = tok.iso;
      ev.expiryDate = evidence(s, tok.start, tok.end);
    }
  }
  return price !== null || expiry !== null ? { price, expiry, evidence: ev } : null;
}

/** "nonqualified options", "incentive stock options", "Common Stock purchase warrants": the noun and its kind words. */
function describe(raw: string, at: number, noun: string): string {
  const before = /((?:(?:non-?qualified|incentive|stock|director|employee|purchase|Common|Stock|Class\s+[A-Z]|Series\s+[A-Z0-9]+|[A-Z][\w-]*)\s+){0,3})$/.exec(raw.slice(Math.max(0, at - 60), at));
  const words = (before?.[1] ?? '').trim();
  return `${words} ${noun}`.trim();
}

/**
 * Options and warrants a holder has, from the positions the prose states in shares underlying them ("200,104 shares
 * … issuable upon the exercise of the Second Warrants owned by Mrs. Bodner", "406,536 options to purchase Ordinary
 * Shares", "800,000 Common Shares underlying the 2010 options granted to the Reporting Person"): one row per
 * (holder, kind, shares), status `issued` (the holder has them). A position that restates grants already recorded
 * for the holder — the same count, or the sum of the holder's grants of that kind ("holds … Fleming Options
 * exercisable into 30,163 shares" after four grants adding up to 30,163) — is not another instrument.
 */
export function heldOptions(holdings: Found<HoldingRow>[], recorded: Found<OptionRow>[], tied: Found<OptionRow>[] = []): Found<OptionRow>[] {
  const out: Found<OptionRow>[] = [];
  const known = new Set<string>();
  const sums = new Map<string, number>();
  for (const o of recorded) {
    const k = `${nameKey(o.row.holder)}|${o.row.kind}`;
    known.add(`${k}|${o.row.shares}`);
    sums.set(k, (sums.get(k) ?? 0) + (o.row.shares ?? 0));
  }
  for (const h of holdings) {
    const kind = h.row.securityKind;
    if (h.row.role !== 'underlying' || (kind !== 'option' && kind !== 'warrant') || h.row.shares === null) continue;
    if (namesYear(h.row.sentence, h.evidence.shares?.raw ?? '')) continue;
    const k = `${nameKey(h.row.holder)}|${kind}`;
    if (known.has(`${k}|${h.row.shares}`) || sums.get(k) === h.row.shares) continue;
    known.add(`${k}|${h.row.shares}`);
    const { itemNumber, documentSequence, spanStart, spanEnd, sentence } = h.row;
    out.push({
      row: { kind, status: 'issued', holder: h.row.holder, reportingPersonOrdinal: h.row.reportingPersonOrdinal, security: h.row.security, shares: h.row.shares, exercisePrice: null, grantDate: null, expiryDate: null, itemNumber, documentSequence, spanStart, spanEnd, sentence },
      evidence: { shares: h.evidence.shares! },
    });
  }
  // Counts the option vocabulary tied to an instrument, whatever role the holdings readers gave them: one per (holder,
  // shares), since the holdings readers may have named the instrument's kind differently.
  const held = new Set([...known].map((k) => k.replace(/\|(?:option|warrant)\|/, '|')));
  for (const o of tied) {
    const k = `${nameKey(o.row.holder)}|${o.row.shares}`;
    if (held.has(k) || known.has(`${nameKey(o.row.holder)}|${o.row.kind}|${o.row.shares}`) || sums.get(`${nameKey(o.row.holder)}|${o.row.kind}`) === o.row.shares) continue;
    held.add(k);
    out.push(o);
  }
  return out;
}

/**
 * A year that names the instrument, not a count of it: "the 2010 non-qualified stock options to purchase 800,000
 * Common Shares" (a four-digit number without a thousands separator after "the", "its" or "such", perhaps with one word between: "the amended 2011 options").
 */
function namesYear(sentence: string, raw: string): boolean {
  return /^(?:19|20)\d\d$/.test(raw) && new RegExp(String.raw`\b(?:the|its|his|her|their|such|each)\s+(?:[a-z-]+\s+)?${raw}\s+(?!shares?\b|Shares\b)`, 'i').test(sentence);
}

/** After the instrument of a tie: who holds it ("… options held by Jeffrey Klausner", "… owned directly by X"). */
const HELD_BY = /^[^,;.]{0,40}?\b(?:held|owned|beneficially\s+owned)\s+(?:directly\s+|indirectly\s+|of\s+record\s+)?by\s+(?:each\s+of\s+)?(?:the\s+)?/i;
/** The holder inside a tie: "… that Mrs. Bodner has the right to acquire upon exercise of …". */
const RIGHT_HOLDER = /^[\s\S]*?\b(?:that|which)\s+(?:the\s+)?/i;
/** A verb of holding before an instrument whose count follows ("the Fund holds … and Warrants exercisable for N"). */
const HOLD_VERB = /\b(?:holds?|held|owns?|owned|beneficially\s+owns?|has|have|had|is\s+the\s+(?:beneficial\s+)?owner\s+of)\b/gi;

/**
 * The options and warrants a sentence's counts are the shares of, by the option vocabulary (option-vocabulary.ts):
 * a count a holdings reader gave a holder (`rows`, read from this sentence), else one whose holder the tie names —
 * "held by X" after the instrument, "that X has the right to acquire", or the subject of a verb of holding before
 * "Warrants to purchase N". Status `issued` (the holder has them). Suppositions ("assuming the exercise of …") are not
 * read.
 */
export function tiedOptions(s: ProseSentence, rows: Found<HoldingRow>[]): Found<OptionRow>[] {
  const out: Found<OptionRow>[] = [];
  if (!/\b(?:options?|warrants?)\b/i.test(s.raw)) return out;
  const byOffset = new Map(s.tokens.filter((t) => t.kind === 'shares' || t.kind === 'number').map((t) => [sentenceSpan(s, t.start, t.end).start, t]));
  const read = new Set<Token>();
  let clauses: ReturnType<typeof segments> | undefined;
  const push = (holder: Party | { holder: string; reportingPersonOrdinal: number | null }, t: Token, tie: OptionTie): void => {
    const columns = 'name' in holder ? holderColumns(holder) : holder;
    out.push({
      row: { kind: tie.kind, status: 'issued', ...columns, security: tie.instrument, shares: t.value, exercisePrice: null, grantDate: null, expiryDate: null, ...provenance(s) },
      evidence: { shares: evidence(s, t.start, t.end) },
    });
  };
  for (const r of rows) {
    const t = r.evidence.shares ? byOffset.get(r.evidence.shares.span.start) : undefined;
    if (!t || r.row.shares === null || isHypothetical(s.raw.slice(Math.max(0, t.start - 60), t.start))) continue;
    const tie = optionTieMatch(s.raw, t.start, t.end);
    if (!tie) continue;
    read.add(t);
    push({ holder: r.row.holder, reportingPersonOrdinal: r.row.reportingPersonOrdinal }, t, tie);
  }
  for (const t of byOffset.values()) {
    if (read.has(t) || t.typo || isHypothetical(s.raw.slice(Math.max(0, t.start - 60), t.start))) continue;
    const tie = optionTieMatch(s.raw, t.start, t.end);
    if (!tie) continue;
    let holders: Party[] = [];
    const after = tie.after;
    if (after) {
      const end = t.end + after.index + after[0].length;
      holders = holdersOf(s, partiesAfter(s, end, HELD_BY, 80));
      if (!holders.length && after.groups!.instrument && /right\s+to\s+acquire|may\s+acquire/i.test(after[0])) holders = holdersOf(s, partiesAfter(s, t.end, RIGHT_HOLDER, 80));
    } else {
      // Before the count: the subject of the nearest verb of holding in the count's clause (its last 300 characters,
      // and the clauses split once per sentence, so that a long list of such counts stays linear).
      clauses ??= segments(s.raw);
      const seg = clauses.find((c) => t.start >= c.start && t.start < c.end) ?? { start: 0, end: s.raw.length };
      const from = Math.max(seg.start, t.start - 300);
      const lead = s.raw.slice(from, t.start);
      let verb: RegExpExecArray | null = null;
      HOLD_VERB.lastIndex = 0;
      for (let m = HOLD_VERB.exec(lead); m; m = HOLD_VERB.exec(lead)) verb = m;
      if (verb) holders = holdersOf(s, subjectBefore(s, from + verb.index, from));
    }
    for (const p of holders) push(p, t, tie);
  }
  return out;
}

/**
 * Who has the right to acquire a listed part's shares, when the part names them: "(ii) 1,363,722 shares of Common
 * Stock each Filer has the right to acquire through the exercise of a Pre-Funded Warrant" (0001831942-26-000014) is
 * each filer's, not only the holder of the whole. A party the filing names, or the form's words for the filers; null
 * when the part names no one.
 */
export function rightHolders(s: ProseSentence, ctx: ProseContext, t: Token): Party[] | null {
  const at = securityAfter(s, t, ctx).end;
  const m = RIGHT_TO_ACQUIRE_SUBJECT.exec(s.raw.slice(at, at + 160));
  if (!m || !underliesAfter(s.raw.slice(t.end, t.end + 200))) return null;
  const words = m[1]!.trim();
  if (FILERS_WORDS.test(words)) return ctx.coverParties.length ? ctx.coverParties : null;
  const named = ctx.parties.resolve(words.replace(/^each\s+(?:of\s+)?/i, ''));
  if (!named) return null;
  return named.group && /^each\b/i.test(words) && named.members.length ? named.members : [named];
}

/** "fully vested and currently exercisable Fleming Options exercisable into" → "Fleming Options". */
export function optionName(prefix: string, word: RegExpExecArray): string {
  if (/^right\b/i.test(word[1]!)) return /^Warrant\b/.test(prefix) ? 'Warrant' : /^Option\b/.test(prefix) ? 'Option' : 'right to acquire';
  const upto = prefix.slice(0, word.index + word[1]!.length);
  const named = NAMED_INSTRUMENT_END.exec(upto);
  if (named && !/^(?:The|And|Such)\s/.test(named[1]!)) return `${named[1]!.trim()} ${named[2]}`;
  const plain = PLAIN_INSTRUMENT_END.exec(upto);
  return plain ? `${plain[1]!.replace(/\b(?:and|currently|immediately|fully|presently|vested|exercisable)\s+/gi, '').trim()} ${plain[2]}`.trim() : word[1]!;
}
