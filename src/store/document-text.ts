/**
 * Full-text search over document text with SQLite FTS5: the `document_text` virtual table holds the readable text of
 * every text, HTML and XML document (`documentText` of parse/body.ts, so extracted rows' `span_start`/`span_end`
 * index into the same string), and `searchDocuments` runs a query with bm25 ranking and snippets.
 * Binaries (uuencoded files, PDFs, XBRL instance data, empty bodies) are not indexed.
 * `accession_number` is an indexed column only so that a filing's rows can be found (and replaced) through the
 * full-text index instead of a scan of every document; user queries are confined to the `text` column.
 */
import type Database from 'better-sqlite3';
import { documentText } from '../parse/body.js';
import type { BodyFormat, Submission } from '../parse/types.js';
import type { EdgarDatabase } from './database.js';
import type { SqlType } from './model.js';

export interface FtsColumnDoc {
  name: string;
  type: SqlType;
  doc: string;
  example?: string;
  /** UNINDEXED: stored, not searchable. */
  unindexed?: boolean;
}

export interface FtsModel {
  name: string;
  doc: string;
  tokenize: string;
  columns: FtsColumnDoc[];
}

export const documentTextFts: FtsModel = {
  name: 'document_text',
  doc:
    'text, HTML or XML document of a filing, as readable text, for full-text search (FTS5: ' +
    "`WHERE document_text MATCH 'text : \"anti-dilution\"'`, `snippet()`, `bm25()`); uuencoded, PDF, XBRL and empty documents are not indexed",
  tokenize: 'porter unicode61 remove_diacritics 2',
  columns: [
    { name: 'accession_number', type: 'TEXT', doc: 'the filing', example: '0001125282-03-003998' },
    { name: 'document_sequence', type: 'INTEGER', unindexed: true, doc: 'the document\'s SEQUENCE (documents.sequence); NULL for a bare document', example: '6' },
    { name: 'type', type: 'TEXT', unindexed: true, doc: 'the document\'s TYPE (documents.type)', example: 'EX-12' },
    {
      name: 'text',
      type: 'TEXT',
      doc: 'readable text of the body (HTML rendered to lines, XML as its source); extracted rows\' span_start/span_end are offsets into it: `substr(text, span_start + 1, span_end - span_start)`',
    },
  ],
};

/** The statement creating an FTS5 table from its model. */
export function createFtsSql(model: FtsModel): string {
  const cols = model.columns.map((c) => (c.unindexed ? `${c.name} UNINDEXED` : c.name));
  return `CREATE VIRTUAL TABLE IF NOT EXISTS ${model.name} USING fts5(${cols.join(', ')}, tokenize = '${model.tokenize}')`;
}

/** Statements creating the full-text tables (for a migration's `sql`). */
export const documentTextSql: string[] = [createFtsSql(documentTextFts)];

/** Body formats that are not text a person would search. */
const NOT_TEXT: ReadonlySet<BodyFormat> = new Set<BodyFormat>(['uuencoded', 'pdf', 'xbrl', 'empty']);

/** An FTS5 phrase matching exactly the tokens of `value` (double quotes doubled). */
function ftsPhrase(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** One document's readable text, as `document_text` stores it. */
export interface DocumentTextRow {
  sequence: number | null;
  type: string | null;
  text: string;
}

/**
 * The full-text rows of a submission: its text, HTML and XML documents with any text. Pure (no database), so a
 * worker thread can compute them and hand them to the thread that owns the connection.
 */
export function documentTextRows(submission: Submission): DocumentTextRow[] {
  const rows: DocumentTextRow[] = [];
  for (const doc of submission.documents) {
    if (NOT_TEXT.has(doc.bodyFormat)) continue;
    const text = documentText(submission, doc);
    if (!text.trim()) continue;
    rows.push({ sequence: doc.sequence, type: doc.type, text });
  }
  return rows;
}

/**
 * Replace the full-text rows of one filing with the text of its documents. Call it after storeFiling (the lead
 * wires it into the store step); runs in its own transaction, a savepoint when nested. Returns how many
 * documents were indexed.
 */
export function indexDocumentText(db: EdgarDatabase, accessionNumber: string, submission: Submission): number {
  return writeDocumentText(db, accessionNumber, documentTextRows(submission));
}

/**
 * Replace the full-text rows of one filing with `rows` (from documentTextRows); same transaction rules, unless the
 * caller says it already holds a transaction that makes the filing atomic (`inTransaction`).
 */
export function writeDocumentText(db: EdgarDatabase, accessionNumber: string, rows: readonly DocumentTextRow[], options: { inTransaction?: boolean } = {}): number {
  const statements = documentTextStatements(db.sqlite);
  const write = (): void => {
    statements.remove.run(`accession_number : ${ftsPhrase(accessionNumber)}`, accessionNumber);
    for (const row of rows) statements.insert.run(accessionNumber, row.sequence, row.type, row.text);
  };
  if (options.inTransaction && db.sqlite.inTransaction) write();
  else db.sqlite.transaction(write)();
  return rows.length;
}

/** Prepared once per connection: preparing them for every filing was a measurable cost of a batch. */
const statementCache = new WeakMap<Database.Database, { remove: Database.Statement; insert: Database.Statement }>();

function documentTextStatements(sqlite: Database.Database): { remove: Database.Statement; insert: Database.Statement } {
  let statements = statementCache.get(sqlite);
  if (!statements) {
    statements = {
      remove: sqlite.prepare(`DELETE FROM document_text WHERE rowid IN (SELECT rowid FROM document_text WHERE document_text MATCH ? AND accession_number = ?)`),
      insert: sqlite.prepare('INSERT INTO document_text (accession_number, document_sequence, type, text) VALUES (?, ?, ?, ?)'),
    };
    statementCache.set(sqlite, statements);
  }
  return statements;
}

/** Remove a filing's full-text rows (for a filing deleted from the database). */
export function removeDocumentText(db: EdgarDatabase, accessionNumber: string): void {
  db.sqlite
    .prepare(`DELETE FROM document_text WHERE rowid IN (SELECT rowid FROM document_text WHERE document_text MATCH ? AND accession_number = ?)`)
    .run(`accession_number : ${ftsPhrase(accessionNumber)}`, accessionNumber);
}

/**
 * A user's words → an FTS5 query on the text column. Words and "quoted phrases" must all occur (AND); a hyphenated
 * word is a phrase (`anti-dilution` = "anti dilution"); `word*` is a prefix; upper-case OR, AND, NOT are operators.
 * Anything else FTS5 would read as syntax (`-`, `:`, `^`, parentheses) is taken literally.
 */
export function toFtsQuery(input: string): string {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m[1] !== undefined) {
      if (m[1].trim()) parts.push(ftsPhrase(m[1]));
      continue;
    }
    const word = m[2]!;
    if (word === 'OR' || word === 'AND' || word === 'NOT') {
      parts.push(word);
      continue;
    }
    const prefix = word.length > 1 && word.endsWith('*');
    const body = prefix ? word.slice(0, -1) : word;
    // A token of punctuation only would be an empty phrase, which FTS5 rejects.
    if (!/[\p{L}\p{N}]/u.test(body)) continue;
    parts.push(prefix ? `${ftsPhrase(body)}*` : ftsPhrase(body));
  }
  // Operators need operands on both sides: drop dangling ones.
  while (parts.length && /^(OR|AND|NOT)$/.test(parts[0]!)) parts.shift();
  while (parts.length && /^(OR|AND|NOT)$/.test(parts[parts.length - 1]!)) parts.pop();
  if (parts.length === 0) return '';
  return `text : (${parts.join(' ')})`;
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

export interface SearchOptions {
  limit?: number;
  /** Pass the query to FTS5 as written (its own syntax: NEAR, column filters, …). */
  raw?: boolean;
  /** Strings around each match in the snippet. */
  mark?: [string, string];
  /** Tokens of context in a snippet (FTS5 allows up to 64). */
  snippetTokens?: number;
}

/** Does this database have the full-text table? (Databases made before it existed do not.) */
export function hasDocumentText(sqlite: Database.Database): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'document_text'").get() !== undefined;
}

/** Search document text; best matches first. Throws FTS5's own error for a malformed raw query. */
export function searchDocuments(sqlite: Database.Database, query: string, options: SearchOptions = {}): SearchHit[] {
  const match = options.raw ? query : toFtsQuery(query);
  if (!match.trim()) return [];
  const [open, close] = options.mark ?? ['**', '**'];
  const tokens = Math.min(64, Math.max(1, options.snippetTokens ?? 24));
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
    .all({ open, close, tokens, match, limit: options.limit ?? 20 }) as SearchHit[];
  return rows.map((r) => ({ ...r, documentSequence: r.documentSequence === null ? null : Number(r.documentSequence) }));
}
