/**
 * Which defined terms a stretch of exhibit prose mentions: the waiver reader and the conversion-price rule parser both
 * name parties, instruments and events by the terms the document defined.
 *
 * Handles: overlapping terms (the longest wins: `Convertible Notes` over `Notes`), terms joined to hyphens or words
 * (`Notes-based` is not `Notes`).
 * Does not handle: pronouns or undefined paraphrases (`such notes`).
 */
import type { Span } from '../../parse/types.js';
import type { DefinedTerm, DefinedTerms } from '../defined-terms/index.js';
import { matchesOf } from '../../matches.js';
import { escapeRegExp } from '../../regexp-escape.js';

/** Defined terms mentioned in `s` (longest first, no overlaps), in order of appearance. */
export function termsIn(s: string, terms: DefinedTerms, keep: (t: DefinedTerm) => boolean): DefinedTerm[] {
  const candidates = [...new Map(terms.all().filter(keep).map((t) => [t.term, t])).values()].sort((a, b) => b.term.length - a.term.length);
  const taken: Span[] = [];
  const hits: { at: number; def: DefinedTerm }[] = [];
  for (const def of candidates) {
    const re = new RegExp(String.raw`(?<![\w-])${escapeRegExp(def.term)}(?![\w-])`, 'g');
    for (const m of matchesOf(re, s)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (taken.some((t) => span.start < t.end && span.end > t.start)) continue;
      taken.push(span);
      if (!hits.some((h) => h.def.term === def.term)) hits.push({ at: m.index, def });
    }
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => h.def);
}

/** The first defined term mentioned in `s` that `keep` accepts. */
export function firstTermIn(s: string, terms: DefinedTerms, keep: (t: DefinedTerm) => boolean): DefinedTerm | null {
  return termsIn(s, terms, keep)[0] ?? null;
}
