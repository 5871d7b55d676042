/**
 * Debt instruments named in the prose, and the filing's terms for them.
 *
 * Handles: phrases headed by Note(s)/Debenture(s)/Bond(s) with their modifiers (`the Issuer's 10% Convertible Notes
 * due 12/20/04`, `a promissory note`, `12% non-convertible unsecured notes due 11/7/03`); a definition right after the
 * phrase (`(the "Additional Convertible Notes")`); later uses of a term, longest first, so "Additional Convertible
 * Notes" is never read as "Convertible Notes"; terms built on an instrument (`Exchange Note Conversion Rate`,
 * `Exchange Note Warrants`) mapped back to it.
 * Does not handle: instruments that are not debt (preferred stock and options are read as securities elsewhere).
 */
import { DATE_SOURCE, parseDate } from '../lexicon/index.js';
import type { ProseSentence } from './types.js';
import { matchesOf } from '../../matches.js';

export interface Instrument {
  /** The filing's defined term ("Exchange Notes"), or null. */
  term: string | null;
  /** As described where introduced ("10% Exchange Notes due 12/20/04"). */
  description: string;
}

export interface InstrumentMention {
  /** Offsets into the sentence's `raw`. */
  start: number;
  end: number;
  instrument: Instrument;
  /** The mention introduces the term here (a definition follows the phrase). */
  defines: boolean;
}

const NOTE_NOUN = /\b(?:[Nn]otes?|NOTES?|[Dd]ebentures?|[Bb]onds?)\b/g;
const MODIFIER = /^(?:\d+(?:\.\d+)?%|\d+\s+\d\/\d%|[A-Z][\w-]*|convertible|non-convertible|promissory|senior|subordinated|secured|unsecured|exchangeable|junior|term|demand|bridge|zero|coupon|exchange|floating|fixed|rate|guaranteed|mandatorily|callable|redeemable|original|issue|discount|notes?)$/;
const DEFINITION_AFTER = /^\s*,?\s*\((?:the|each,?\s+an?|collectively,?\s+the|hereinafter(?:\s+referred\s+to\s+as)?(?:\s+the)?)?\s*["\u201c]([^"\u201d]{2,80})["\u201d]\)/;
const DUE_AFTER = new RegExp(String.raw`^\s*,?\s*(?:due|maturing)\s+(?:on\s+)?(${DATE_SOURCE}|\d{4})`);

/** The filing's instrument terms, learnt from every definition of a debt phrase, in document order. */
export class InstrumentRegistry {
  private readonly byTerm = new Map<string, Instrument>();
  /**
   * `phrasesIn` and `mentions` by sentence text: each sentence is read by `learn`, `readNotes` and `completeNotes`,
   * and a document repeating one sentence (or table line) thousands of times reads it once. Both are pure functions
   * of the text and the terms, so the mention cache is dropped whenever a term is added.
   */
  private readonly phraseCache = new Map<string, readonly InstrumentMention[]>();
  private readonly mentionCache = new Map<string, readonly InstrumentMention[]>();

  /** Learn `phrase ("Term")` definitions from these sentences (a pre-pass, so later readers see every term). */
  learn(sentences: ProseSentence[]): void {
    for (const s of sentences) for (const m of this.phrases(s.raw)) if (m.defines && m.instrument.term) this.add(m.instrument);
  }

  add(instrument: Instrument): void {
    if (instrument.term && !this.byTerm.has(instrument.term.toLowerCase())) {
      this.byTerm.set(instrument.term.toLowerCase(), instrument);
      this.mentionCache.clear();
    }
  }

  private phrases(raw: string): readonly InstrumentMention[] {
    let found = this.phraseCache.get(raw);
    if (!found) {
      found = phrasesIn(raw);
      this.phraseCache.set(raw, found);
    }
    return found;
  }

  terms(): Instrument[] {
    return [...this.byTerm.values()];
  }

  get(term: string): Instrument | null {
    return this.byTerm.get(term.toLowerCase()) ?? null;
  }

  /**
   * Every debt instrument named in a sentence: defined terms (longest first) and described phrases, not overlapping.
   */
  mentions(raw: string): InstrumentMention[] {
    let found = this.mentionCache.get(raw);
    if (!found) {
      found = this.readMentions(raw);
      this.mentionCache.set(raw, found);
    }
    // Copies: callers get their own array and records, as when each call read the text afresh.
    return found.map((m) => ({ ...m }));
  }

  private readMentions(raw: string): InstrumentMention[] {
    const out: InstrumentMention[] = [];
    const terms = this.terms().sort((a, b) => b.term!.length - a.term!.length);
    for (const inst of terms) {
      const term = inst.term!;
      const variants = new Set([term, singular(term)]);
      for (const v of variants) {
        for (let at = raw.indexOf(v); at >= 0; at = raw.indexOf(v, at + 1)) {
          const end = at + v.length;
          if ((at > 0 && /\w/.test(raw[at - 1]!)) || (end < raw.length && /\w/.test(raw[end]!))) continue;
          // A longer name built on the term ("Exchange Note Conversion Rate") is not the instrument itself.
          if (/^\s+(?:Conversion|Warrants?|Events?|Holders?|Agreements?|Purchase|Rate|Price|holder)\b/.test(raw.slice(end, end + 14))) continue;
          if (out.some((o) => at < o.end && end > o.start)) continue;
          const quoted = /["\u201c]$/.test(raw.slice(0, at)) && /^["\u201d]/.test(raw.slice(end));
          if (quoted) continue;
          out.push({ start: at, end, instrument: inst, defines: false });
        }
      }
    }
    for (const m of this.phrases(raw)) {
      if (out.some((o) => m.start < o.end && m.end > o.start)) {
        // A described phrase that contains a known term only to define it: keep the definition.
        if (m.defines && m.instrument.term) {
          for (let i = out.length - 1; i >= 0; i--) if (m.start < out[i]!.end && m.end > out[i]!.start) out.splice(i, 1);
          out.push({ ...m, instrument: this.get(m.instrument.term) ?? m.instrument });
        }
        continue;
      }
      out.push(m.instrument.term ? { ...m, instrument: this.get(m.instrument.term) ?? m.instrument } : { ...m });
    }
    return out.sort((a, b) => a.start - b.start);
  }

  /** The instrument a term built on it refers to: "Exchange Note Conversion Rate" → Exchange Notes. */
  baseOf(compound: string): Instrument | null {
    const m = /^(.*?\bNotes?|.*?\bDebentures?|.*?\bBonds?)\s+(?:Conversion|Warrants?)\b/.exec(compound);
    if (!m) return null;
    const base = m[1]!;
    return this.get(base) ?? this.get(`${base}s`) ?? this.terms().find((t) => singular(t.term!) === base) ?? null;
  }
}

export function singular(term: string): string {
  return term.replace(/(Note|Debenture|Bond)s$/i, '$1');
}

/** Described debt phrases in a sentence: the head noun, its modifiers, `due …`, and a definition after it. */
export function phrasesIn(raw: string): InstrumentMention[] {
  const out: InstrumentMention[] = [];
  NOTE_NOUN.lastIndex = 0;
  for (let m = NOTE_NOUN.exec(raw); m; m = NOTE_NOUN.exec(raw)) {
    const nounEnd = m.index + m[0].length;
    // "Note:" and "Notes to" are not instruments; neither is a noun inside a longer defined name in quotes.
    if (/^\s*:/.test(raw.slice(nounEnd, nounEnd + 3)) || /^\s+to\s+(?:the\s+)?(?:consolidated\s+)?financial/i.test(raw.slice(nounEnd, nounEnd + 30))) continue;
    if (/["\u201c][^"\u201d]*$/.test(raw.slice(Math.max(0, m.index - 60), m.index)) && /^[^"\u201c]*["\u201d]/.test(raw.slice(nounEnd, nounEnd + 60))) continue;
    // Walk left over modifiers, up to 120 characters back. (Only those characters are split into words: splitting
    // everything before each noun made "10% Convertible Notes due 12/20/04" × 5,715 take 19 s. A word cut by the
    // window starts 120 back, which stops the walk as the whole word did.)
    const windowStart = Math.max(0, m.index - 120);
    const words = [...matchesOf(/\S+/g, raw.slice(windowStart, m.index))];
    let start = m.index;
    for (let i = words.length - 1; i >= 0 && m.index - (windowStart + words[i]!.index) < 120; i--) {
      const w = words[i]![0];
      if (/['\u2019]s$/.test(w) || /[,;:()"\u201c\u201d]/.test(w)) break;
      if (/^(?:the|a|an|its|their|such|of|in|on|and|or|to|by|for|with|any|all|each|said|this|these|those|which|that)$/i.test(w)) break;
      if (!MODIFIER.test(w)) break;
      start = windowStart + words[i]!.index!;
    }
    let end = nounEnd;
    const due = DUE_AFTER.exec(raw.slice(end, end + 40));
    if (due) end += due[0].length;
    // The definition may follow the amount: `a promissory note in the amount of $100,049,325 (the "Note")`.
    let def = DEFINITION_AFTER.exec(raw.slice(end, end + 100));
    if (!def) {
      const amount = /^\s*,?\s*in\s+(?:the\s+)?(?:aggregate\s+|original\s+)*(?:principal\s+)?amount\s+of\s+\$\s?[\d,.]+(?:\s+(?:million|billion))?(?:\s*\((?![^)]*["\u201c])[^)]*\))?(?:\s+plus\s+[^(]{0,120})?/i.exec(raw.slice(end, end + 300));
      const after = amount ? DEFINITION_AFTER.exec(raw.slice(end + amount[0].length, end + amount[0].length + 100)) : null;
      if (amount && after) def = Object.assign(after, { 0: amount[0] + after[0] }) as RegExpExecArray;
    }
    const description = raw.slice(start, end).replace(/\s+/g, ' ').trim();
    if (!/[A-Za-z]/.test(description)) continue;
    const term = def ? def[1]!.replace(/\s+/g, ' ').trim() : null;
    out.push({ start, end: def ? end + def[0].length : end, instrument: { term, description }, defines: !!def });
    NOTE_NOUN.lastIndex = def ? end + def[0].length : end;
  }
  return out;
}

/** Interest rate and maturity printed in a description ("10% Convertible Notes due 12/20/04"). */
export function describedTerms(description: string): { interestRate: number | null; maturityDate: string | null } {
  const rate = /(\d+(?:\.\d+)?)(?:\s+(\d)\/(\d))?\s*%/.exec(description);
  let interestRate: number | null = null;
  if (rate) interestRate = Number(rate[1]) + (rate[2] ? Number(rate[2]) / Number(rate[3]) : 0);
  const due = /\bdue\s+(?:on\s+)?(.+)$/i.exec(description);
  return { interestRate, maturityDate: due ? parseDate(due[1]!) : null };
}
