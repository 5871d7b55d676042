/**
 * The record of one defined term and the key terms are looked up by: shared by the readers of definitions and the
 * index built from them. Holds no rules of its own.
 */

export interface DefinedTerm {
  /** The term as written between the quotation marks (`US Fund`). */
  term: string;
  /** The noun phrase it names, white space collapsed (`Fleming US Discovery Fund III, L.P.`). */
  meaning: string;
  kind: 'party' | 'instrument' | 'other';
  documentSequence: number | null;
  /** From the start of the meaning to the end of the defining parenthesis (`"X" means …`: the term to the clause's end). */
  span: { start: number; end: number };
  /** For a collective term (`Fleming Funds`, `Parties`): each member's full name, in order. */
  members?: string[];
}

/** Key for lookup: quotes straightened, white space collapsed, case folded. */
export function normalizeKey(term: string): string {
  return collapse(term.replace(/[\u2018\u2019]/g, "'")).toLowerCase();
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
