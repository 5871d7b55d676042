/**
 * The duplicate rule: what happens when an input declares an accession number that is already stored from a
 * different input (a second copy in one batch, or a later run). Documented in docs/schema-notes.md.
 *
 *   1. The more complete input wins. From least to most complete:
 *        header only     no documents (a `.hdr.sgml`, an index header page)
 *        partial         fewer documents than its header's PUBLIC DOCUMENT COUNT (a truncated download, a
 *                        submission missing exhibits); between two partial inputs, the one with more documents
 *        complete        every declared document (or no count declared)
 *   2. Between equally complete inputs, the newest one (the one being stored now) replaces the stored one.
 *
 * A loser is never written, and the store outcome says so (`kept-existing`), so counts of stored filings match the
 * database. Inputs without an SEC header never collide: they are keyed by a hash of their bytes.
 */

export interface CompletenessFields {
  sourceFormat: unknown;
  documentCount: unknown;
  publicDocumentCount: unknown;
}

export interface Completeness {
  level: 0 | 1 | 2;
  documents: number;
  declared: number | null;
}

const HEADER_ONLY_FORMATS = new Set(['header-only', 'index-headers-html']);

export function completenessOf(filing: CompletenessFields): Completeness {
  const documents = Number(filing.documentCount ?? 0);
  const declared = filing.publicDocumentCount === null || filing.publicDocumentCount === undefined ? null : Number(filing.publicDocumentCount);
  if (documents === 0 || HEADER_ONLY_FORMATS.has(String(filing.sourceFormat))) return { level: 0, documents, declared };
  if (declared !== null && documents < declared) return { level: 1, documents, declared };
  return { level: 2, documents, declared };
}

/** > 0 when `a` is more complete than `b`, 0 when equally complete (the newer input then wins), < 0 when less. */
export function compareCompleteness(a: Completeness, b: Completeness): number {
  if (a.level !== b.level) return a.level - b.level;
  return a.level === 1 ? a.documents - b.documents : 0;
}

export function describeCompleteness(c: Completeness): string {
  const of = c.declared === null ? `${c.documents} document(s)` : `${c.documents} of ${c.declared} documents`;
  if (c.level === 0) return 'a header-only input';
  if (c.level === 1) return `a partial submission (${of})`;
  return `a complete submission (${of})`;
}
