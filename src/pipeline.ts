/**
 * One input through the whole pipeline: parse → extract → store, in one transaction per filing.
 * The CLI and batch commands call this; it is also the library's main entry (re-exported by index.ts).
 *
 * The work is split in two so a batch can run the first half in worker threads:
 *   - `prepareFiling` (pure, no database): parse, extract, and every row the store will write, as plain data;
 *   - `storePreparedFiling` (the thread owning the connection): write those rows in one transaction.
 * `ingestSubmission` is both halves back to back, so every path writes the same rows.
 */
import { classifyDocument, documentClassFields } from './extract/exhibits/index.js';
import { declaredPreviousAccession } from './extract/cover-page/previous-accession.js';
import { EXTRACTORS, extractFiling, type ExtractedFiling } from './extract/index.js';
import { parseSubmission } from './parse/index.js';
import { documentText } from './parse/body.js';
import type { BodyFormat, Submission } from './parse/types.js';
import type { EdgarDatabase, FilingRows, StoreOutcome } from './store/database.js';
import { updateChains, updateChainsOf, type ChainUpdate } from './store/chains.js';
import { compressSource, type CompressedSource } from './store/database.js';
import { DOCUMENT_TEXT_COLUMNS, documentTextValues, writeDocumentText, type DocumentTextRow } from './store/document-text.js';
import { HeldRows } from './store/multi-row-insert.js';
import { filingKey, submissionRows } from './store/rows.js';

export interface IngestResult {
  accessionNumber: string;
  submission: Submission;
  extracted: ExtractedFiling;
  store: StoreOutcome;
}

/** A filing ready to store: plain data only (structured-cloneable), so it can cross from a worker thread. */
export interface PreparedFiling {
  accessionNumber: string;
  rows: FilingRows;
  /** The amendment-chain and full-text rows' inputs (see writeDerivedRows). */
  derived: DerivedFilingData;
  /** Parse and extraction warnings, counted by code (for a batch's summary). */
  warningCodes: Record<string, number>;
  /**
   * The input itself, compressed, kept by the store so `reprocess` needs no network. Compressed here (a worker thread
   * in a batch), not by the store: compressing was a third of the single writer thread's time per filing.
   */
  sourceCompressed: CompressedSource;
}

export interface PrepareOptions {
  sourceName?: string;
  /** The extractors to run (default: all of them); tests pass a failing one to check the guard. */
  extractors?: Parameters<typeof extractFiling>[1];
}

/** Parse, extract and store one submission. Throws ParseError for input that is not a submission at all. */
export function ingestSubmission(db: EdgarDatabase, bytes: Uint8Array, options: PrepareOptions = {}): IngestResult {
  const { submission, extracted, prepared } = prepareFiling(bytes, options);
  const store = storePreparedFiling(db, prepared);
  return { accessionNumber: prepared.accessionNumber, submission, extracted, store };
}

/** Parse and extract one submission and build its rows, without touching a database. Throws ParseError like ingestSubmission. */
export function prepareFiling(bytes: Uint8Array, options: PrepareOptions = {}): { submission: Submission; extracted: ExtractedFiling; prepared: PreparedFiling } {
  const submission = parseSubmission(bytes, { sourceName: options.sourceName ?? '<input>' });
  const extracted = extractFiling(submission, options.extractors ?? EXTRACTORS);
  return { submission, extracted, prepared: prepareRows(submission, extracted, bytes) };
}

/** The rows of a parsed and extracted submission (see PreparedFiling). */
export function prepareRows(submission: Submission, extracted: ExtractedFiling, source: Uint8Array = submission.bytes): PreparedFiling {
  const accessionNumber = filingKey(submission);
  const rows = submissionRows(submission, extracted.warnings);
  // What each document is (waiver letter, amendment, …) is stored on `documents`.
  rows.documents = rows.documents!.map((row, i) => ({ ...row, ...documentClassFields(classifyDocument(submission, submission.documents[i]!)) }));
  for (const [table, tableRows] of Object.entries(extracted.tables)) {
    rows[table] = tableRows.map((row) => ({ ...row, accessionNumber }));
  }
  const warningCodes: Record<string, number> = {};
  for (const w of submission.warnings) warningCodes[w.code] = (warningCodes[w.code] ?? 0) + 1;
  for (const w of extracted.warnings) warningCodes[w.code] = (warningCodes[w.code] ?? 0) + 1;
  return {
    accessionNumber,
    rows,
    derived: derivedFilingData(submission),
    warningCodes,
    sourceCompressed: compressSource(source),
  };
}

/**
 * Store a prepared filing: its rows, then (in the same transaction) its amendment chains and full-text rows.
 * In a batch (BatchWriter), `batch` is the open transaction's context: the filing is written without a savepoint of its
 * own (the writer undoes a failed filing by replaying the others), and some of its rows wait for the commit: its
 * chains are recomputed once per subject company for all the transaction's filings (updateChainsOf), and its rows
 * indexed for full-text search (items, documents' text) are inserted with the other filings' (HeldRows), instead of
 * after each filing.
 */
export function storePreparedFiling(db: EdgarDatabase, prepared: PreparedFiling, batch?: BatchTransaction): StoreOutcome {
  const { accessionNumber, derived } = prepared;
  if (!batch) {
    // storeFiling's transaction already makes the filing atomic, so no savepoint of its own for the derived rows.
    return db.storeFiling(prepared.rows, { afterWrite: () => writeDerivedRows(db, accessionNumber, derived, { inTransaction: true }), sourceCompressed: prepared.sourceCompressed });
  }
  return db.storeFiling(prepared.rows, {
    // (A filing stored before has had its document_texts rows deleted by storeFiling with its other per-filing rows.)
    afterWrite: () => {
      batch.held.hold(accessionNumber, 'document_texts', DOCUMENT_TEXT_COLUMNS, documentTextValues(accessionNumber, derived.documentTexts));
      batch.chainUpdates.push({ accessionNumber, declared: derived.declaredPrevious });
    },
    sourceCompressed: prepared.sourceCompressed,
    undoneByCaller: true,
    held: batch.held,
  });
}

/** What storePreparedFiling leaves to the end of a batch's transaction: chains and full-text rows of the filings it wrote. */
export interface BatchTransaction {
  chainUpdates: ChainUpdate[];
  /** The rows of items and document_texts, inserted at commit. */
  held: HeldRows;
}

/** An empty BatchTransaction. */
export function newBatchTransaction(): BatchTransaction {
  return { chainUpdates: [], held: new HeldRows() };
}

/** Write what the batch transaction's filings left for the commit (their full-text rows, then their chains). */
export function finishBatchTransaction(db: EdgarDatabase, batch: BatchTransaction): void {
  batch.held.insertAll(db.sqlite);
  updateChainsOf(db, batch.chainUpdates);
}

/**
 * What the store writes besides the filing's rows, read from the submission here (in a worker thread for a batch),
 * so the writer needs no tree and the store never decodes a document.
 */
export interface DerivedFilingData {
  /** The predecessor the submission declares (extract's declaredPreviousAccession), null for none. */
  declaredPrevious: string | null;
  /** The readable text of each text, HTML and XML document (documentTextRows). */
  documentTexts: DocumentTextRow[];
}

/**
 * After storeFiling wrote a filing: recompute its issuer's amendment chains and index its documents' text. Call it
 * inside storeFiling's transaction to keep "one transaction per filing" true for these rows too; it opens a savepoint
 * of its own unless `inTransaction` says the caller's transaction is enough (storeFiling's `afterWrite`).
 */
export function writeDerivedRows(db: EdgarDatabase, accessionNumber: string, derived: DerivedFilingData, options: { inTransaction?: boolean } = {}): void {
  if (options.inTransaction) {
    updateChains(db, accessionNumber, derived.declaredPrevious);
    writeDocumentText(db, accessionNumber, derived.documentTexts, { inTransaction: true });
    return;
  }
  db.sqlite.transaction(() => {
    updateChains(db, accessionNumber, derived.declaredPrevious);
    writeDocumentText(db, accessionNumber, derived.documentTexts);
  })();
}

/** What the store derives besides the filing's rows (amendment chains, full-text index), read from the submission here. */
export function derivedFilingData(submission: Submission): DerivedFilingData {
  return { declaredPrevious: declaredPreviousAccession(submission), documentTexts: documentTextRows(submission) };
}

/** Body formats that are not text a person would search. */
const NOT_TEXT: ReadonlySet<BodyFormat> = new Set<BodyFormat>(['uuencoded', 'pdf', 'xbrl', 'empty']);

/** The full-text rows of a submission: its text, HTML and XML documents with any text. Pure (no database). */
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
