/**
 * Full-text search over document text: `document_texts` holds the readable text of every text, HTML and XML document
 * (`documentText` of parse/body.ts, so extracted rows' `span_start`/`span_end` index into the same string; the
 * pipeline decodes it and hands the rows here, see pipeline.ts `documentTextRows`), and the
 * FTS5 table `document_text` indexes it (external content kept in step by triggers, the design of fts.ts);
 * `searchDocuments` runs a query with bm25 ranking and snippets.
 * Binaries (uuencoded files, PDFs, XBRL instance data, empty bodies) are not indexed.
 * User queries are confined to the `text` column.
 */
import type Database from 'better-sqlite3';
import { searchParameters, type FtsModel, type SearchOptions } from './fts.js';
import type { SqliteHandle } from './chains.js';
import { insertRows } from './multi-row-insert.js';

export { toFtsQuery, type FtsColumnDoc, type FtsModel, type SearchOptions } from './fts.js';

export const documentTextFts: FtsModel = {
  name: 'document_text',
  content: 'document_texts',
  doc:
    'text, HTML or XML document of a filing (a row of `document_texts`), indexed for full-text search (FTS5 over `document_texts`, external content kept in step by triggers: ' +
    "`WHERE document_text MATCH 'text : \"anti-dilution\"'`, `snippet()`, `bm25()`); uuencoded, PDF, XBRL and empty documents are not indexed",
  tokenize: 'porter unicode61 remove_diacritics 2',
  columns: [
    { name: 'accession_number', type: 'TEXT', unindexed: true, doc: 'the filing', example: '0001125282-03-003998' },
    { name: 'document_sequence', type: 'INTEGER', unindexed: true, doc: 'the document\'s SEQUENCE (documents.sequence); NULL for a bare document', example: '6' },
    { name: 'type', type: 'TEXT', unindexed: true, doc: 'the document\'s TYPE (documents.type)', example: 'EX-12' },
    {
      name: 'text',
      type: 'TEXT',
      doc: 'readable text of the body (document_texts.text), searchable',
    },
  ],
};

/** One document's readable text, as `document_texts` stores it. */
export interface DocumentTextRow {
  sequence: number | null;
  type: string | null;
  text: string;
}

/**
 * Replace the full-text rows of one filing with `rows` (pipeline.ts documentTextRows). Runs in its own transaction, a
 * savepoint when nested, unless the caller says it already holds a transaction that makes the filing atomic
 * (`inTransaction`). `fresh`: the filing was not stored before, so it has no rows to remove (foreign keys, see
 * storeFiling). Returns how many documents were indexed.
 *
 * The rows go in a filing at a time (multi-row-insert.ts says why); the DELETE, even of no rows, fires the FTS5
 * trigger's statement journal too, so it runs only when the filing may have rows.
 */
export function writeDocumentText(db: SqliteHandle, accessionNumber: string, rows: readonly DocumentTextRow[], options: { inTransaction?: boolean; fresh?: boolean } = {}): number {
  const statements = documentTextStatements(db.sqlite);
  const write = (): void => {
    if (!options.fresh) statements.remove.run(accessionNumber);
    insertRows(db.sqlite, 'document_texts', DOCUMENT_TEXT_COLUMNS, documentTextValues(accessionNumber, rows));
  };
  if (options.inTransaction && db.sqlite.inTransaction) write();
  else db.sqlite.transaction(write)();
  return rows.length;
}

export const DOCUMENT_TEXT_COLUMNS: readonly string[] = ['accession_number', 'document_sequence', 'type', 'text'];

/** A filing's full-text rows as `document_texts` values in DOCUMENT_TEXT_COLUMNS order (for HeldRows). */
export function documentTextValues(accessionNumber: string, rows: readonly DocumentTextRow[]): unknown[][] {
  return rows.map((row) => [accessionNumber, row.sequence, row.type, row.text]);
}

/** Prepared once per connection: preparing them for every filing was a measurable cost of a batch. */
const statementCache = new WeakMap<Database.Database, { remove: Database.Statement }>();

function documentTextStatements(sqlite: Database.Database): { remove: Database.Statement } {
  let statements = statementCache.get(sqlite);
  if (!statements) {
    statements = { remove: sqlite.prepare('DELETE FROM document_texts WHERE accession_number = ?') };
    statementCache.set(sqlite, statements);
  }
  return statements;
}

/** Remove a filing's full-text rows (for a filing deleted from the database). */
export function removeDocumentText(db: SqliteHandle, accessionNumber: string): void {
  documentTextStatements(db.sqlite).remove.run(accessionNumber);
}

export interface SearchHit {
  accessionNumber: string;
  documentSequence: number | null;
  documentType: string | null;
  formType: string | null;
  filedAt: string | null;
  subjectCompany: string | null;
  /** Words around the matches, matches between the `mark` strings. */
  snippet: string;
  /** bm25 score: lower is better. */
  score: number;
}

/** Does this database keep each document's text in `document_texts`? (Databases not upgraded since 0.3.0 do not.) */
export function hasStoredText(sqlite: Database.Database): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'document_texts'").get() !== undefined;
}

/** Does this database have the full-text table? (Databases made before it existed do not.) */
export function hasDocumentText(sqlite: Database.Database): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'document_text'").get() !== undefined;
}

/** Search document text; best matches first. Throws FTS5's own error for a malformed raw query. */
export function searchDocuments(sqlite: Database.Database, query: string, options: SearchOptions = {}): SearchHit[] {
  const { match, open, close, tokens, limit } = searchParameters(query, options);
  if (!match.trim()) return [];
  const rows = sqlite
    .prepare(
      `SELECT t.accession_number AS accessionNumber, t.document_sequence AS documentSequence, t.type AS documentType,
         f.form_type AS formType, f.filed_at AS filedAt,
         (SELECT e.name FROM filing_entities e WHERE e.accession_number = t.accession_number AND e.role = 'subject_company' ORDER BY e.ordinal LIMIT 1) AS subjectCompany,
         snippet(document_text, 3, @open, @close, '…', @tokens) AS snippet,
         bm25(document_text) AS score
       FROM document_text t LEFT JOIN filings f ON f.accession_number = t.accession_number
       WHERE document_text MATCH @match
       ORDER BY t.rank
       LIMIT @limit`,
    )
    .all({ open, close, tokens, match, limit }) as SearchHit[];
  return rows.map((r) => ({ ...r, documentSequence: r.documentSequence === null ? null : Number(r.documentSequence) }));
}
