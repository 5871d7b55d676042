/**
 * What a defined term names: a party, an instrument or anything else, from the head word of its meaning, the term,
 * and whether the meaning is a person's name; and whether a term is plural (so may name a list).
 * Does not handle: delimiting the meaning (noun-phrase.ts, meaning.ts).
 */
import { isEntitySuffix } from '../lexicon/index.js';
import type { DefinedTerm } from './defined-term.js';
import { bare, type Token } from './noun-phrase.js';
import { CONNECTORS, DOCUMENT_HEADS, INSTRUMENT_HEAD, ROLE_WORDS } from './vocabulary.js';

export function isPluralTerm(term: string): boolean {
  const last = term.trim().split(/\s+/).pop() ?? '';
  return /[a-rt-z]s$/i.test(last) && !/(?:ss|us|is)$/i.test(last);
}

/** `Robert L. Burr ("Burr")`, `Gilbert F. Amelio ("Mr. Amelio")`: the term is a surname of a short capitalised name. */
export function isPersonName(tokens: Token[], term: string): boolean {
  // `Dr. Michael F. Powell ("Powell")`: an honorific is no part of the name's shape.
  const words = tokens.map((t) => bare(t.text)).filter((w, i) => i > 0 || !/^(?:Mr|Mrs|Ms|Dr)\.$/.test(w));
  if (words.length < 2 || words.length > 4) return false;
  if (!words.every((w) => /^[A-Z][a-z'\u2019-]+$|^[A-Z]\.$|^(?:Jr|Sr)\.$|^[IV]{1,3}$/.test(w))) return false;
  if (words.some((w) => INSTRUMENT_HEAD.test(w) || ROLE_WORDS.test(w) || DOCUMENT_HEADS.test(w))) return false;
  // `Frederick V. Fortmiller, Jr.`: the surname is the last word before a generational suffix.
  const names = words.filter((w, i) => i === 0 || !/^(?:Jr|Sr)\.$|^[IV]{1,3}$/.test(w));
  const surname = names[names.length - 1]!;
  // `Buck A. Mickel (the "Decedent")`: a given name, a middle initial and a surname are a person whatever the term.
  if (names.length >= 3 && /^[A-Z][a-z'\u2019-]+$/.test(names[0]!) && /^[A-Z][a-z'\u2019-]+$/.test(surname) && names.slice(1, -1).every((w) => /^[A-Z]\.$/.test(w))) return true;
  const termWords = term.replace(/^(?:Mr|Mrs|Ms|Dr)\.\s*/, '').split(/\s+/);
  if (termWords.length !== 1 || surname !== termWords[0]) return false;
  return words.some((w) => /^[A-Z]\.$/.test(w)) || /^(?:Mr|Mrs|Ms|Dr)\./.test(term) || words.length <= 3;
}

/** Party, instrument or other, from the phrase's head word and the term. */
export function kindOfPhrase(meaning: string, term: string, person: boolean): DefinedTerm['kind'] {
  if (person) return 'party';
  const core = meaning
    .replace(/,?\s+(?:due|dated|in the (?:aggregate |original )?principal amount|par value|issued|with)\b.*$/i, '')
    .replace(/,?\s+(?:\$\s?[\d.]+|no)\s+par value.*$/i, '');
  const words = core.split(/\s+/).map((w) => w.replace(/[^\w]/g, '')).filter((w) => /[A-Za-z]/.test(w));
  const head = words[words.length - 1] ?? '';
  if (INSTRUMENT_HEAD.test(head)) return 'instrument';
  const lastTwo = words.slice(-2).join(' ');
  if (/certificates of deposit/i.test(lastTwo)) return 'instrument';
  // A description (`the value of Common Stock …`, `any person employed by the Company`) is not a party's name.
  const lead = core.replace(/^the\s+/i, '');
  if (/^[a-z]/.test(lead)) return 'other';
  if (DOCUMENT_HEADS.test(words[0] ?? '') || words.some((w, i) => i > 0 && /^of$/i.test(w) && DOCUMENT_HEADS.test(words[i - 1]!))) {
    return INSTRUMENT_HEAD.test(words[0] ?? '') ? 'instrument' : 'other';
  }
  if (isEntitySuffix(head)) return 'party';
  if (ROLE_WORDS.test(term.trim()) && /^[A-Z]/.test(core) && words.every((w) => /^[A-Z0-9]/.test(w) || CONNECTORS.has(w))) return 'party';
  return 'other';
}
