/**
 * The words that end a legal name (`Inc.`, `L.P.`, `GmbH`, `Trust`): one list for the defined-terms reader, the
 * prose's party index and anyone else who must tell where a name ends or what kind of name it is.
 *
 * Handles: each suffix with or without its periods (`L.P.`, `LP`, `L.P`), in any case, after a comma or not. Two kinds:
 * a legal form (`Inc.`, `Corporation`, `Limited`, `Company`) says what the entity is and can be left out of a short
 * form of the name ("Fleming US Discovery Fund III" for "… Fund III, L.P."); a name word (`Trust`, `Partnership`,
 * `Bancorp`) ends a name but belongs to it ("Smith Family Trust" is not "Smith Family").
 * Does not handle: words that only suggest an entity (`Fund`, `Capital`, `Holdings`: parties.ts weighs those), or
 * abbreviations that merely contain a period (`Mr.`, `No.`: sentence readers keep their own lists).
 */

export interface EntitySuffix {
  /** A regex source, no captures. */
  spelling: string;
  kind: 'legal-form' | 'name-word';
}

export const ENTITY_SUFFIXES: readonly EntitySuffix[] = [
  ...[
    String.raw`Inc\.?`,
    'Incorporated',
    String.raw`Corp\.?`,
    'Corporation',
    String.raw`Co\.?`,
    'Company',
    String.raw`Cos\.?`,
    String.raw`L\.?P\.?`,
    String.raw`L\.?L\.?C\.?`,
    String.raw`L\.?L\.?P\.?`,
    // A general partnership, only with its periods (`… Master Fund, G.P.`): "GP" alone is a word of names ("Vertex GP").
    String.raw`G[.]P[.]?`,
    String.raw`Ltd\.?`,
    'Limited',
    String.raw`N\.A\.?`,
    String.raw`P\.?L\.?C\.?`,
    String.raw`S\.A\.?`,
    String.raw`S\.A\.R\.L\.?`,
    'AG',
    'GmbH',
    String.raw`B\.V\.?`,
    String.raw`N\.V\.?`,
    String.raw`A\/S`,
    'AB',
    'ASA',
    String.raw`S\.p\.A\.?`,
    String.raw`Pty\.?`,
  ].map((spelling) => ({ spelling, kind: 'legal-form' as const })),
  ...['Trust', 'Partnership', 'Bancorp', 'Bancorporation'].map((spelling) => ({ spelling, kind: 'name-word' as const })),
];

const alternation = (kinds: readonly EntitySuffix['kind'][]): string =>
  `(?:${ENTITY_SUFFIXES.filter((s) => kinds.includes(s.kind)).map((s) => s.spelling).join('|')})`;

/** Any suffix as a regex source (no captures). */
export const ENTITY_SUFFIX_SOURCE = alternation(['legal-form', 'name-word']);

const SUFFIX_TOKEN = new RegExp(`^${ENTITY_SUFFIX_SOURCE}$`, 'i');
const SUFFIX_AT_END = new RegExp(String.raw`,?\s+${ENTITY_SUFFIX_SOURCE}$`, 'i');
const LEGAL_FORM_AT_END = new RegExp(String.raw`,?\s+${alternation(['legal-form'])}$`, 'i');
// Periods optional everywhere, for words whose periods were taken out (`N.A.` → `NA`).
const LEGAL_FORM_WORD = new RegExp(`^${alternation(['legal-form']).replace(/\\\.\??/g, String.raw`\.?`)}$`, 'i');

/** Is this one token (`Inc.`, `L.P.,`, `GmbH`) a suffix? A trailing comma is ignored. */
export function isEntitySuffix(token: string): boolean {
  return SUFFIX_TOKEN.test(token.replace(/,$/, ''));
}

/** Does the name end in a suffix (`Acme Holdings, Inc.`, `Smith Family Trust`)? */
export function endsWithEntitySuffix(name: string): boolean {
  return SUFFIX_AT_END.test(name);
}

/** The name without a final legal form (`Fleming US Discovery Fund III, L.P.` → `Fleming US Discovery Fund III`). */
export function withoutLegalForm(name: string): string {
  return name.replace(LEGAL_FORM_AT_END, '');
}

/** Is this word a legal form, periods or not (`Inc`, `LP`, `NA`, `gmbh`)? */
export function isLegalFormWord(word: string): boolean {
  return LEGAL_FORM_WORD.test(word);
}
