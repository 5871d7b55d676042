/**
 * The short forms of cover names that a filing uses without defining them: initials and words of one cover name ("GS
 * Group" for The Goldman Sachs Group, L.P., "IPL" for Idanta Partners Ltd.), and the trust and the trustee that one
 * cover name joins ("THE DUNN FAMILY TRUST, DAVID J. DUNN, TRUSTEE"). Apart from parties.ts because it is a matcher of
 * its own over the whole text, with its own hot loop; PartyIndex.build adds what it finds to the index's surfaces.
 * Does not handle: defined terms, or the leading words and honorifics of a cover name (parties.ts).
 */
import { withoutLegalForm } from '../lexicon/index.js';
import type { Party, Surface } from './party.js';

/** The significant words of a name: no punctuation, "The", or legal forms at its end (`…, L.P.`, `… Co., Inc.`). */
function coreWords(name: string): string[] {
  let core = name.trim();
  for (let before = ''; before !== core; ) {
    before = core;
    core = withoutLegalForm(core);
  }
  return core
    .replace(/[,.]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !/^the$/i.test(w) && w !== '&');
}

/** A trust and its trustee in one cover name: "<…Trust>, <Person>, Trustee" (0001019687-00-000096). */
const TRUST_AND_TRUSTEE = /^(.{4,120}?\bTRUST),\s*((?:[A-Z][\w'-]*\.?\s+){1,3}[A-Z][\w'-]*),\s*(?:AS\s+)?TRUSTEE\.?$/i;

/**
 * Surfaces for the short forms of the cover names the text prints: phrases of capitalised words, at least one in
 * capitals, that abbreviate exactly one cover name or one part of a trust-and-trustee name.
 * Hot loop (the text has thousands of capitalised runs): the cover names' words are split once, a run without an
 * all-capitals word is skipped outright, and a phrase already tried is not tried again — its outcome cannot change,
 * since a hit goes into `known` and a miss stays a miss. A function of its own, not a block of PartyIndex.build: V8
 * optimised the whole of build for this loop's sake and threw it away again whenever a filing's arrays had another
 * shape (nine TurboFan compiles of about 0.3 s each in a worker's first thousand filings, a sixth of its compile time);
 * the counts are kept in loops for the same reason (no arrays of hits whose shape changes from filing to filing).
 */
export function pushShortForms(text: string, coverParties: Party[], parts: Party[], surfaces: Surface[]): void {
  const partCores = parts.map((p) => coreName(p.name));
  const known = new Set(surfaces.map((x) => x.text.toLowerCase()));
  const coverCores = coverParties.map((p) => coreName(p.name));
  // The initials may take in the legal form too: "IPL" for Idanta Partners Ltd. (0001019687-00-000096).
  const formCores = coverParties.map((p) => coreName(p.name, true));
  const tried = new Set<string>();
  // A phrase abbreviates a name only if its first word begins with the name's first letter (the word itself, or its
  // initials): a phrase starting with any other letter is not tried, whatever follows.
  const firstLetters = new Set<string>();
  for (const cores of [partCores, coverCores, formCores]) {
    for (let i = 0; i < cores.length; i++) {
      const core = cores[i]!;
      if (core.lower.length === 0) continue;
      firstLetters.add(core.initials[0]![0]!);
      firstLetters.add(core.lower[0]![0]!.toUpperCase());
    }
  }
  // (An exec loop, not matchesOf: this runs over the whole schedule, and the iterator's bookkeeping per match counted.)
  const runs = /\b[A-Z][A-Za-z0-9&'-]*(?:[ \t]+[A-Z][A-Za-z0-9&'-]*){0,3}\b/g;
  for (let m = runs.exec(text); m; m = runs.exec(text)) {
    if (!/(?:^|\s)[A-Z]{2,}(?=\s|$)/.test(m[0])) continue; // no all-capitals word: nothing to try
    const words = m[0].split(/\s+/);
    const capitals = words.map((w) => /^[A-Z]{2,}$/.test(w));
    for (let a = 0; a < words.length; a++) {
      if (!firstLetters.has(words[a]![0]!)) continue;
      for (let b = a + 1; b <= words.length; b++) {
        const phrase = words.slice(a, b).join(' ');
        if (tried.has(phrase)) continue;
        tried.add(phrase);
        if (known.has(phrase.toLowerCase()) || !someCapital(capitals, a, b)) continue;
        const tokens = words.slice(a, b);
        // "DFT" and "DJD" for the trust and the trustee of one cover name: the part the initials spell.
        const hit = onlyAbbreviated(tokens, parts, partCores, null) ?? onlyAbbreviated(tokens, coverParties, coverCores, formCores);
        if (hit) {
          surfaces.push({ text: phrase, caseSensitive: true, party: hit });
          known.add(phrase.toLowerCase());
        }
      }
    }
  }
}

function someCapital(capitals: boolean[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (capitals[i]) return true;
  return false;
}

/** The one party whose core name (or, given, its core with the legal form) the tokens abbreviate; null for none or several. */
function onlyAbbreviated(tokens: string[], parties: Party[], cores: CoreName[], formCores: CoreName[] | null): Party | null {
  let hit: Party | null = null;
  for (let i = 0; i < parties.length; i++) {
    if (!abbreviatesCore(tokens, cores[i]!) && !(formCores && abbreviatesCore(tokens, formCores[i]!))) continue;
    if (hit) return null;
    hit = parties[i]!;
  }
  return hit;
}

/** The trust and the trustee a cover name joins, each a party with the cover person's ordinal; none otherwise. */
export function trustAndTrustee(p: Party): Party[] {
  const m = TRUST_AND_TRUSTEE.exec(p.name.replace(/\s+/g, ' ').trim());
  if (!m) return [];
  return [m[1]!, m[2]!].map((name) => ({ name, coverOrdinal: p.coverOrdinal, group: false, members: [] }));
}

/**
 * Does `phrase` abbreviate `name`? Each word of the phrase is either a word of the name or the initials of the next
 * words of the name ("GS Group" → Goldman Sachs Group), consuming the name's words in order from the start; at least
 * one word must be initials, and the phrase must use at least two of the name's words.
 */
export function abbreviates(phrase: string, name: string): boolean {
  return abbreviatesCore(phrase.split(/\s+/), coreName(name));
}

/** A name's core words, lower-cased, and their initials in capitals: what `abbreviates` compares against. */
interface CoreName {
  lower: string[];
  /** Per word (not one string: an initial may upper-case to two letters, `ß` → `SS`). */
  initials: string[];
}

/** @param withForm keep the legal form at the end ("Ltd."): its initial may end an abbreviation. */
function coreName(name: string, withForm = false): CoreName {
  const w = withForm ? name.replace(/[,.]/g, ' ').split(/\s+/).filter((x) => x && !/^the$/i.test(x) && x !== '&') : coreWords(name);
  return { lower: w.map((x) => x.toLowerCase()), initials: w.map((x) => x[0]!.toUpperCase()) };
}

function abbreviatesCore(p: string[], name: CoreName): boolean {
  const w = name.lower;
  let j = 0;
  let initials = false;
  for (const token of p) {
    if (j < w.length && token.toLowerCase() === w[j]!) {
      j++;
      continue;
    }
    if (/^[A-Z]{2,}$/.test(token) && j + token.length <= w.length) {
      const letters = name.initials.slice(j, j + token.length).join('');
      if (letters === token) {
        j += token.length;
        initials = true;
        continue;
      }
    }
    return false;
  }
  return initials && j >= 2;
}
