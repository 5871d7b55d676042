/**
 * Notes: debt instruments a party holds, with principal in dollars (cents kept), interest rate, issue and maturity
 * dates, conversion price, the shares it converts into and the warrants that come with it.
 *
 * Handles: purchases and holdings stated with a principal amount (`the US Fund purchased the Issuer's 10% Convertible
 * Notes due 12/20/04 … in the principal amount of $302,000`, `$5,000,000 aggregate principal amount of …`), exchanges
 * into a new instrument (`exchanged $349,939.27 in principal and interest on … into an equal amount of … Exchange
 * Notes`), notes given as consideration (`in exchange for a promissory note in the amount of $100,049,325`). The
 * terms are then gathered from the rest of the items: rate and maturity from the description or from "bears interest
 * at …"/"matures on …", the conversion price from a defined "<instrument> Conversion Rate/Price" or "conversion price
 * of $…" about that instrument, the conversion shares from "the <instrument> held by <holder> would be convertible
 * into N shares", warrant shares from "N with respect to <holder>" in the definition of "<instrument> Warrants".
 * Does not handle: suppositions ("Assuming a $1.13 conversion rate, …") — they never set a value — or notes issued
 * by the reporting persons to third parties that the prose does not tie to a holder.
 */
import { clauseDate, holderColumns, holdersOf, isHypothetical, leadingDate, partiesAfter, segmentAt, subjectBefore } from './clauses.js';
import { describedTerms, singular, type Instrument, type InstrumentMention, type InstrumentRegistry } from './instruments.js';
import type { Party, PartyMention } from './parties.js';
import type { Token } from './tokens.js';
import { evidence, provenance, type Evidence, type Found, type NoteRow, type OptionRow, type ProseContext, type ProseSentence, type TransactionRow } from './types.js';
import { matchesOf } from '../../matches.js';

const PRINCIPAL_BEFORE = /\b(?:principal\s+amount|face\s+amount|in\s+the\s+(?:aggregate\s+)?amount)\s+of\s*(?:about\s+|approximately\s+|up\s+to\s+)?$/i;
const PRINCIPAL_AFTER = /^\s*(?:in\s+)?(?:(?:aggregate|original|outstanding)\s+)*principal(?:\s+amount)?\b/i;
const ACQUIRE_VERB = /\b(purchased|acquired|bought|holds?|held|owns?|received|exchanged|subscribed\s+for|(?:was|were)\s+issued|loaned|lent)\b/gi;

export interface NoteReading {
  notes: Found<NoteRow>[];
  transactions: Found<TransactionRow>[];
}

/** Notes whose principal a sentence states. */
export function readNotes(s: ProseSentence, ctx: ProseContext, registry: InstrumentRegistry): NoteReading {
  const notes: Found<NoteRow>[] = [];
  const transactions: Found<TransactionRow>[] = [];
  const instruments = registry.mentions(s.raw);
  if (!instruments.length) return { notes, transactions };
  for (const money of s.tokens) {
    if (money.kind !== 'money' || money.typo) continue;
    const before = s.raw.slice(Math.max(0, money.start - 60), money.start);
    const after = s.raw.slice(money.end, money.end + 60);
    const principalAndInterest = /^\s*in\s+principal\s+and\s+interest\b/i.test(after);
    if (!PRINCIPAL_BEFORE.test(before) && !PRINCIPAL_AFTER.test(after) && !principalAndInterest) continue;
    const seg = segmentAt(s.raw, money.start);
    if (isHypothetical(s.raw.slice(seg.start, money.end))) continue;
    const inst = instrumentFor(s, money, instruments, seg.start, seg.end);
    if (!inst) continue;
    const verb = lastVerb(s.raw, seg.start, money.start);
    // "Trump-Alexander's delivered to Citibank a promissory note …": the recipient holds the note.
    let holders: Party[] = holdersOf(s, recipientBefore(s, inst.start, seg.start));
    // "the Issuer sold 4,056,739 shares … to the Trust … in exchange for a promissory note": the seller holds it.
    const seller = consideration(s, seg.start, inst.start);
    if (!holders.length && seller) holders = holdersOf(s, subjectBefore(s, seller.index, seg.start));
    if (!holders.length && verb) holders = holdersOf(s, subjectBefore(s, verb.index, seg.start));
    if (!holders.length) holders = holdersOf(s, partiesAfter(s, Math.max(inst.end, money.end), /^[\s\S]{0,40}?\b(?:issued\s+to|held\s+by|owned\s+by|to)\s+(?:each\s+of\s+)?(?:the\s+)?/i));
    if (!holders.length) holders = holdersOf(s, subjectBefore(s, money.start, seg.start));
    if (!holders.length) continue;
    const date = leadingDate(s, ctx) ?? clauseDate(s, seg.start, seg.end, ctx);
    const described = describedTerms(inst.instrument.description);
    const action = verb && /exchanged/i.test(verb[0]) ? 'exchange' : verb && /purchased|acquired|bought|subscribed/i.test(verb[0]) ? 'purchase' : null;
    // A note taken as consideration, or delivered, is issued on the date of that sale or delivery.
    const issued = action !== null || seller !== null || /\b(?:delivered|issued)\b/i.test(s.raw.slice(seg.start, inst.start));
    for (const p of holders) {
      const ev: Record<string, Evidence> = { principal: evidence(s, money.start, money.end) };
      notes.push({
        row: {
          ...holderColumns(p),
          instrument: stripOwner(inst.instrument.description),
          definedTerm: inst.instrument.term,
          principal: money.value,
          interestRate: described.interestRate,
          issueDate: issued ? date : null,
          maturityDate: described.maturityDate,
          conversionPrice: null,
          convertibleIntoShares: null,
          warrantShares: null,
          ...provenance(s),
        },
        evidence: ev,
      });
      if (action) {
        transactions.push({
          row: {
            transactionDate: date,
            ...holderColumns(p),
            action,
            security: inst.instrument.term ?? stripOwner(inst.instrument.description),
            shares: null,
            principalAmount: money.value,
            pricePerShare: null,
            consideration: null,
            convertibleIntoShares: null,
            sourceOfFunds: null,
            ...provenance(s),
          },
          evidence: { principalAmount: evidence(s, money.start, money.end) },
        });
      }
    }
  }
  return { notes, transactions };
}

/** The instrument a principal amount belongs to: an exchange's target, the phrase after "principal amount of", else the nearest. */
function instrumentFor(s: ProseSentence, money: Token, list: InstrumentMention[], from: number, to: number): InstrumentMention | null {
  const inSeg = list.filter((m) => m.start >= from && m.end <= to);
  if (!inSeg.length) return null;
  // `a promissory note in the amount of $X (the "Note")`: the amount is inside the defining phrase.
  const around = inSeg.find((m) => m.start <= money.start && m.end >= money.end);
  if (around) return around;
  const target = /^[\s\S]{0,200}?\binto\s+an?\s+equal\s+(?:principal\s+)?amount\s+of\s+(?:the\s+)?(?:(?:Issuer|Company)['\u2019]s\s+)?/i.exec(s.raw.slice(money.end, to));
  if (target) {
    const at = money.end + target.index + target[0].length;
    const m = inSeg.find((x) => x.start >= at && x.start <= at + 4);
    if (m) return m;
  }
  const ofNext = /^\s*(?:in\s+)?(?:(?:aggregate|original|outstanding)\s+)*principal\s+amount\s+of\s+(?:the\s+)?(?:(?:Issuer|Company)['\u2019]s\s+|its\s+)?/i.exec(s.raw.slice(money.end, to));
  if (ofNext) {
    const at = money.end + ofNext[0].length;
    const m = inSeg.find((x) => x.start >= at && x.start <= at + 4);
    if (m) return m;
  }
  // Nearest before the amount ("purchased … Notes … in the principal amount of $X"), else after.
  const beforeList = inSeg.filter((m) => m.end <= money.start);
  if (beforeList.length) return beforeList[beforeList.length - 1]!;
  return inSeg.find((m) => m.start >= money.end) ?? null;
}

/** A sale for a note: `sold … in exchange for|as consideration for` the instrument. */
function consideration(s: ProseSentence, from: number, instStart: number): RegExpExecArray | null {
  const lead = s.raw.slice(from, instStart);
  if (!/\b(?:in\s+exchange\s+for|as\s+consideration\s+for|in\s+consideration\s+(?:of|for))\s+(?:an?\s+|the\s+|its\s+)?$/i.test(lead)) return null;
  const re = /\b(?:sold|transferred|conveyed|assigned)\b/gi;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(lead); m; m = re.exec(lead)) last = m;
  if (last) last.index += from;
  return last;
}

/** `delivered|issued|gave|sold|transferred to PARTY a …` right before the instrument. */
function recipientBefore(s: ProseSentence, instStart: number, from: number): PartyMention[] {
  const m = [...s.mentions].reverse().find((x) => x.start >= from && x.end <= instStart && instStart - x.end <= 12);
  if (!m) return [];
  const lead = s.raw.slice(Math.max(from, m.start - 60), m.start);
  const gap = s.raw.slice(m.end, instStart);
  if (!/\b(?:delivered|issued|gave|given|sold|transferred|executed\s+and\s+delivered|granted)\s+to\s+(?:the\s+)?$/i.test(lead)) return [];
  if (!/^\s*(?:an?|its|the|one)?\s*$/i.test(gap)) return [];
  return [m];
}

function lastVerb(raw: string, from: number, to: number): RegExpExecArray | null {
  const re = new RegExp(ACQUIRE_VERB.source, 'gi');
  re.lastIndex = from;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(raw); m && m.index < to; m = re.exec(raw)) last = m;
  return last;
}

function stripOwner(description: string): string {
  return description.replace(/^(?:the\s+)?(?:(?:Issuer|Company)['\u2019]s\s+)/i, '').trim();
}

/**
 * Terms of each note gathered from every sentence of the items: rate, maturity, conversion price, conversion shares
 * and warrant shares. Also returns the note warrants as option rows (kind warrant).
 */
export function completeNotes(notes: Found<NoteRow>[], sentences: ProseSentence[], registry: InstrumentRegistry): Found<OptionRow>[] {
  const warrants: Found<OptionRow>[] = [];
  const key = (n: NoteRow): string => (n.definedTerm ?? n.instrument).toLowerCase();
  const instrumentsOfNotes = new Map<string, Instrument>();
  for (const n of notes) instrumentsOfNotes.set(key(n.row), registry.get(n.row.definedTerm ?? '') ?? { term: n.row.definedTerm, description: n.row.instrument });

  for (const s of sentences) {
    const mentions = registry.mentions(s.raw);
    // Conversion price from a term built on the instrument: `… equal to $.7924 …, subject to … (the "Exchange Note
    // Conversion Rate")`.
    for (const def of matchesOf(/\((?:the\s+)?["\u201c]([^"\u201d]{3,80}?\s+Conversion\s+(?:Rate|Price))["\u201d]\)/g, s.raw)) {
      const base = registry.baseOf(def[1]!);
      if (!base) continue;
      const seg = segmentAt(s.raw, def.index);
      const price = [...s.tokens].reverse().find((t) => t.kind === 'money' && !t.typo && t.end <= def.index && t.start >= seg.start && t.value > 0 && t.value < 10000);
      if (price) setAll(notes, base, (n) => n.conversionPrice === null, (f) => ((f.row.conversionPrice = price.value), (f.evidence.conversionPrice = evidence(s, price.start, price.end))));
    }
    const definesConversionTerm = /["\u201c][^"\u201d]*Conversion\s+(?:Rate|Price)["\u201d]/.test(s.raw);
    for (const m of mentions) {
      const inst = m.instrument;
      if (!instrumentsOfNotes.has((inst.term ?? inst.description).toLowerCase())) continue;
      const seg = segmentAt(s.raw, m.start);
      const clause = s.raw.slice(seg.start, seg.end);
      // "bears interest at the rate of 10% per annum", "matures on …".
      const rate = /\bbears?\s+interest\s+at\s+(?:the\s+|a\s+)?(?:rate\s+of\s+)?(\d+(?:\.\d+)?)\s*%/i.exec(clause);
      if (rate) setAll(notes, inst, (n) => n.interestRate === null, (f) => (f.row.interestRate = Number(rate[1])));
      const maturity = /\b(?:matures?|maturing|maturity\s+date\s+(?:of|is))\s+(?:on\s+)?/i.exec(clause);
      if (maturity) {
        const at = seg.start + maturity.index + maturity[0].length;
        const d = s.tokens.find((t) => t.kind === 'date' && t.start >= at && t.start <= at + 3);
        if (d) setAll(notes, inst, (n) => n.maturityDate === null, (f) => (f.row.maturityDate = d.iso));
      }
      if (!definesConversionTerm && !isHypothetical(clause)) {
        const conv = /\bconversion\s+(?:price|rate)\s+(?:of|equal\s+to|is|was)\s+(?:\$)/i.exec(clause) ?? /\bconvertible\b[^.;]{0,80}?\bat\s+(?:a\s+price\s+of\s+)?(?:\$)/i.exec(clause);
        if (conv) {
          const at = seg.start + conv.index + conv[0].length - 1;
          const price = s.tokens.find((t) => t.kind === 'money' && t.start === at);
          if (price) setAll(notes, inst, (n) => n.conversionPrice === null, (f) => ((f.row.conversionPrice = price.value), (f.evidence.conversionPrice = evidence(s, price.start, price.end))));
        }
      }
    }
    // "the Exchange Notes held by the US Fund would be convertible into 441,619 shares". (Only after an instrument the
    // sentence names: without one its tokens are not read.)
    if (mentions.length && !/^\W*(?:assuming|if)\b/i.test(s.raw)) {
      for (const t of s.tokens) {
        if (t.kind !== 'shares' && !(t.kind === 'money' && t.typo)) continue;
        const lead = s.raw.slice(Math.max(0, t.start - 40), t.start);
        if (!/\bconvertible\s+(?:on\s+such\s+date\s+)?into\s+(?:about\s+|approximately\s+)?$/i.test(lead)) continue;
        const windowStart = Math.max(0, t.start - 160);
        const inst = [...mentions].reverse().find((m) => m.start >= windowStart && m.end <= t.start);
        if (!inst) continue;
        const between = s.raw.slice(inst.end, t.start);
        if (s.tokens.some((x) => x.kind === 'shares' && x.start > inst.end && x.start < t.start)) continue;
        const by = /\b(?:held|owned|purchased)\b[^,;]{0,30}?\bby\s+(?:the\s+)?$/i;
        const party = s.mentions.find((p) => p.start > inst.end && p.end < t.start && by.test(s.raw.slice(inst.end, p.start)));
        if (!party || /\bwould\s+have\b/i.test(between)) continue;
        if (t.typo) continue; // "$42,478 shares": flagged by the checks, never used.
        setFor(notes, inst.instrument, party.party, (n) => n.convertibleIntoShares === null, (f) => ((f.row.convertibleIntoShares = t.value), (f.evidence.convertibleIntoShares = evidence(s, t.start, t.end))));
      }
    }
    // `Common Stock purchase warrants ("Exchange Note Warrants") … - 44,162 with respect to the US Fund and 7,040 …`.
    for (const def of matchesOf(/["\u201c]([^"\u201d]{3,80}?\s+Warrants)["\u201d]/g, s.raw)) {
      const base = registry.baseOf(def[1]!);
      if (!base) continue;
      const issuable = /\b(?:obligated\s+to\s+issue|will\s+issue|shall\s+issue|to\s+be\s+issued|agreed\s+to\s+issue)\b/i.test(s.raw);
      for (const pair of matchesOf(/(\d{1,3}(?:,\d{3})+|\d+)\s+with\s+respect\s+to\s+(?:the\s+)?/g, s.raw)) {
        const at = pair.index + pair[0].length;
        const party = s.mentions.find((p) => p.start >= at && p.start <= at + 2);
        const count = s.tokens.find((t) => t.start === pair.index);
        if (!party || !count || pair.index < (def.index ?? 0)) continue;
        setFor(notes, base, party.party, (n) => n.warrantShares === null, (f) => ((f.row.warrantShares = count.value), (f.evidence.warrantShares = evidence(s, count.start, count.end))));
        warrants.push({
          row: {
            kind: 'warrant',
            status: issuable ? 'issuable' : 'issued',
            ...holderColumns(party.party),
            security: def[1]!,
            shares: count.value,
            exercisePrice: null,
            grantDate: null,
            expiryDate: null,
            ...provenance(s),
          },
          evidence: { shares: evidence(s, count.start, count.end) },
        });
      }
    }
  }
  return warrants;
}

function sameInstrument(n: NoteRow, inst: Instrument): boolean {
  if (inst.term && n.definedTerm) return inst.term.toLowerCase() === n.definedTerm.toLowerCase() || singular(inst.term).toLowerCase() === singular(n.definedTerm).toLowerCase();
  return !inst.term && !n.definedTerm && inst.description.toLowerCase() === n.instrument.toLowerCase();
}

function setAll(notes: Found<NoteRow>[], inst: Instrument, when: (n: NoteRow) => boolean, set: (f: Found<NoteRow>) => void): void {
  for (const f of notes) if (sameInstrument(f.row, inst) && when(f.row)) set(f);
}

function setFor(notes: Found<NoteRow>[], inst: Instrument, party: Party, when: (n: NoteRow) => boolean, set: (f: Found<NoteRow>) => void): void {
  for (const f of notes) if (sameInstrument(f.row, inst) && f.row.holder === party.name && when(f.row)) set(f);
}
