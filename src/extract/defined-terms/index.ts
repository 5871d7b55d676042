/**
 * Defined terms of legal prose: `Fleming US Discovery Fund III, L.P. ("US Fund")`, `the Issuer's 10% Convertible
 * Notes due 12/20/04 (the "Convertible Notes")`, `the US Fund and the Offshore Fund (collectively, the "Fleming
 * Funds")`, `payable to … (the "Payee") by Hudson Technologies, Inc. (the "Maker")`, `"Affiliate" means …`.
 * A term maps to the noun phrase it names: a party's full legal name, an instrument ("10% Convertible Notes due
 * 12/20/04"), or anything else (a transaction, a document).
 *
 * Handles: parenthesised definitions with `the`/`this`/`an`/`collectively,`/`hereinafter referred to as` and
 * several alternative terms (`(the "Company" or "Hudson")`); an appositive between the name and the parenthesis
 * (`Hudson Technologies, Inc., a New York corporation (the "Issuer")`); names with commas, initials, `&`,
 * parenthesised words and connectors (`Fleming (Bermuda) Discovery III Limited`, `J.P. Morgan Chase & Co.`,
 * `Bank of America, N.A.`); instrument post-modifiers (`due …`, `in the principal amount of $…`, `, par value …`,
 * `dated as of …`); lists of parties or earlier terms for a plural or collective term (members resolved), also when
 * the list comes first (`X, Y and Z are referred to collectively as the "Funds"`); jurisdiction appositives (`, a
 * limited liability company organized under the laws of the State of Delaware`); commas, possessives and connectors
 * inside a name when the term names the words before them (`Goldman, Sachs & Co. ("Goldman Sachs")`); page breaks
 * between a name and its parenthesis; straight and curly quotes; line breaks anywhere.
 * With `acronyms` (a schedule's own text), also an unquoted abbreviation made of the initials of the name before it
 * (`Fidelity Venture Associates Limited (FVAL)`).
 * Does not handle: terms defined by reference to another document (`as defined in the Registration Statement`) —
 * merge the other document's terms instead — nor other definitions without quotation marks.
 *
 * Never guesses: a parenthesis whose noun phrase cannot be delimited (`Alpha, Beta & Co. (the "Seller")`: one name or
 * two?) is not recorded as a definition.
 * Spans are offsets into the text given to `fromText`: from the start of the meaning to the closing parenthesis, or
 * for a `"Term" means …` definition from the quoted term to the end of its clause.
 *
 * This module finds the definitions of a text and answers look-ups; the rest of the folder reads them:
 * meaning.ts (what a definition names), noun-phrase.ts (the walker over names, noun phrases and lists),
 * phrase-kind.ts (party, instrument or other), post-modifiers.ts and vocabulary.ts (the rule tables and word lists).
 */
import { collapse, normalizeKey, type DefinedTerm } from './defined-term.js';
import { joinList, meaningBefore, referredSubject, REFERRED_AS, resolveKnown, termsInParen, TOGETHER_WITH } from './meaning.js';
import { kindOfPhrase } from './phrase-kind.js';
import { isEntitySuffix } from '../lexicon/index.js';
import { matchesOf } from '../../matches.js';

export type { DefinedTerm } from './defined-term.js';

/** The whole of an unquoted parenthesis that may abbreviate the name before it: "(FVAL)", "(FMR)". */
const ACRONYM = /^\s*([A-Z][A-Z&]{1,7})\s*$/;

/**
 * The name right before an unquoted abbreviation whose letters are its words' initials, with or without its legal
 * form ("Fidelity Venture Associates Limited (FVAL)", "Fidelity Ventures Associates, Inc. (FVA)"; connectors and "&"
 * have none); null when no run of capitalised words ending at the parenthesis spells it.
 */
function acronymMeaning(text: string, parenStart: number, acronym: string): { meaning: string; start: number } | null {
  const from = Math.max(0, parenStart - 200);
  const words = [...matchesOf(/\S+/g, text.slice(from, parenStart))];
  let initials = '';
  let legalForm = '';
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]![0].replace(/,$/, '');
    if (/^(?:of|and|&|the|de|du|van|von)$/.test(word)) continue;
    if (!/^[A-Z][A-Za-z.'\u2019-]*$/.test(word)) return null;
    initials = word.charAt(0) + initials;
    if (i === words.length - 1 && isEntitySuffix(word)) legalForm = word.charAt(0);
    if (initials === acronym || (legalForm && initials.slice(0, -1) === acronym)) {
      const start = from + words[i]!.index;
      return { meaning: collapse(text.slice(start, parenStart)).replace(/,$/, ''), start };
    }
    if (initials.length > acronym.length) return null;
  }
  return null;
}

/**
 * The names of a list ("A, B and C"), a legal form after a comma kept with the name before it: `the Strome Mezzanine
 * Fund, LP` is one name.
 */
function listedNames(list: string): string[] {
  const names: string[] = [];
  for (const part of list.split(/\s*,\s*(?:and\s+)?|\s+and\s+/)) {
    if (names.length > 0 && isEntitySuffix(part)) names[names.length - 1] += `, ${part}`;
    else names.push(part);
  }
  return names;
}

export class DefinedTerms {
  private readonly terms: DefinedTerm[];
  private readonly index = new Map<string, DefinedTerm>();

  private constructor(terms: DefinedTerm[]) {
    this.terms = terms;
    for (const t of terms) {
      const key = normalizeKey(t.term);
      if (!this.index.has(key)) this.index.set(key, t);
    }
  }

  /**
   * Every definition in `text`, in order of appearance.
   * @param options.acronyms also read an unquoted abbreviation of the name before it as a party's term ("Fidelity
   *   Venture Associates Limited (FVAL)"), as a schedule's Item 2 names its persons; a contract or report quotes its
   *   terms, and there "(SERP)" or "(GDP)" is no party.
   */
  static fromText(text: string, documentSequence: number | null = null, options: { acronyms?: boolean } = {}): DefinedTerms {
    const found: DefinedTerm[] = [];
    const known = new Map<string, DefinedTerm>();
    const add = (t: DefinedTerm): void => {
      found.push(t);
      const key = normalizeKey(t.term);
      if (!known.has(key)) known.set(key, t);
    };
    const events: { at: number; run: () => void }[] = [];
    // (An exec loop, not matchesOf: every parenthesis of the schedule is tried, and the iterator's bookkeeping counted.)
    const parens = /\(([^()]{1,220})\)/g;
    for (let paren = parens.exec(text); paren; paren = parens.exec(text)) {
      const start = paren.index;
      const end = start + paren[0].length;
      // `667, L.P. ("667" and, together with Life Sciences, the "Funds")`: the first term names the party before
      // the parenthesis; the second the group of that party and the ones listed.
      const joint = TOGETHER_WITH.exec(paren[1]!);
      if (joint) {
        events.push({
          at: start,
          run: () => {
            const def = meaningBefore(text, start, [collapse(joint[1]!).replace(/[,;]$/, '')], false, false, known);
            if (!def) return;
            // `("Life Sciences," and together with 667, the "Funds")`: the comma inside the quotes is no part of the term.
            add({ term: collapse(joint[1]!).replace(/[,;]$/, ''), meaning: def.meaning, kind: def.kind, documentSequence, span: { start: def.start, end } });
            const others = listedNames(collapse(joint[2]!)).map((x) => resolveKnown(x.replace(/^the\s+/i, ''), known));
            const members = [def.meaning, ...others];
            add({ term: collapse(joint[3]!), meaning: joinList(members), kind: def.kind, documentSequence, span: { start: def.start, end }, members });
          },
        });
        continue;
      }
      const terms = termsInParen(paren[1]!);
      if (!terms) {
        // `Fidelity Venture Associates Limited (FVAL)`: an unquoted abbreviation made of the name's initials.
        const acronym = options.acronyms ? ACRONYM.exec(paren[1]!)?.[1] : undefined;
        if (acronym) {
          events.push({
            at: start,
            run: () => {
              const def = acronymMeaning(text, start, acronym);
              if (def && kindOfPhrase(def.meaning, acronym, false) === 'party') add({ term: acronym, meaning: def.meaning, kind: 'party', documentSequence, span: { start: def.start, end } });
            },
          });
        }
        continue;
      }
      events.push({
        at: start,
        run: () => {
          const def = meaningBefore(text, start, terms.terms, terms.collective, terms.distributive, known);
          if (!def) return;
          for (const term of terms.terms) {
            add({ term, meaning: def.meaning, kind: def.kind, documentSequence, span: { start: def.start, end }, ...(def.members ? { members: def.members } : {}) });
          }
        },
      });
    }
    for (const m of matchesOf(/[“"]([^"“”()]{1,80})[”"]\s+(?:shall\s+)?means?\s+/g, text)) {
      const start = m.index;
      events.push({
        at: start,
        run: () => {
          const rest = text.slice(start + m[0].length, start + m[0].length + 400);
          const stop = /;|(?<!\b(?:[A-Z]|Inc|Co|Corp|Ltd|No|Nos|Sec|Mr|Mrs|Ms|Dr|St|Jr|Sr|U\.S|L\.P|N\.A))\.(?=\s+[^a-z]|\s*$)|\s[“"][^"“”]{1,80}[”"]\s+(?:shall\s+)?means?\s/.exec(rest);
          const body = collapse(rest.slice(0, stop ? stop.index : rest.length));
          if (!body || body.length > 300) return;
          add({ term: collapse(m[1]!), meaning: body, kind: kindOfPhrase(body, m[1]!, false), documentSequence, span: { start, end: start + m[0].length + (stop ? stop.index : rest.length) } });
        },
      });
    }
    // `(Apollo Fund IV, Apollo Overseas and AIF IV are referred to collectively as the "Rare Medium Stockholders")`.
    for (const m of matchesOf(REFERRED_AS, text)) {
      const at = m.index;
      events.push({
        at,
        run: () => {
          const def = referredSubject(text, at, known);
          if (!def) return;
          const close = /^\s*\)/.exec(text.slice(at + m[0].length));
          const end = at + m[0].length + (close ? close[0].length : 0);
          // `as the "Reporting Entities."`: the sentence's period inside the quotation marks is no part of the term.
          add({ term: collapse(m[1]!).replace(/[.,;:]$/, ''), meaning: def.meaning, kind: def.kind, documentSequence, span: { start: def.start, end }, ...(def.members ? { members: def.members } : {}) });
        },
      });
    }
    events.sort((a, b) => a.at - b.at);
    for (const e of events) e.run();
    return new DefinedTerms(found);
  }

  /** Both sets; for a term defined in both, this set's definition wins (a document's own terms over a filing's). */
  merge(other: DefinedTerms): DefinedTerms {
    return new DefinedTerms([...this.terms, ...other.terms]);
  }

  /** The definition of `term` (exact, then case-insensitive; a leading "the" is ignored), or null. */
  lookup(term: string): DefinedTerm | null {
    const key = normalizeKey(term);
    return this.index.get(key) ?? this.index.get(normalizeKey(key.replace(/^the\s+/i, ''))) ?? null;
  }

  /** The full meaning when `phrase` is a defined term (or "the" + one), else `phrase` unchanged. */
  resolve(phrase: string): string {
    const def = this.lookup(phrase.trim().replace(/[,;:.]+$/, ''));
    return def ? def.meaning : phrase;
  }

  all(): DefinedTerm[] {
    return [...this.terms];
  }
}
