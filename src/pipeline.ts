/**
 * One input through the whole pipeline: parse → extract → store, in one transaction per filing.
 * The CLI and batch commands call this; it is also the library's main entry (re-exported by index.ts).
 */
import { classifyDocument, documentClassFields } from './extract/exhibits/index.js';
import { EXTRACTORS, extractFiling, type ExtractedFiling } from './extract/index.js';
import { parseSubmission } from './parse/index.js';
import type { Submission } from './parse/types.js';
import type { EdgarDatabase, StoreOutcome } from './store/database.js';
import { afterStoreFiling } from './store/product.js';
import { filingKey, submissionRows } from './store/rows.js';

export interface IngestResult {
  accessionNumber: string;
  submission: Submission;
  extracted: ExtractedFiling;
  store: StoreOutcome;
}

/** Parse, extract and store one submission. Throws ParseError for input that is not a submission at all. */
export function ingestSubmission(
  db: EdgarDatabase,
  bytes: Uint8Array,
  options: { sourceName?: string; extractors?: Parameters<typeof extractFiling>[1] } = {},
): IngestResult {
  const submission = parseSubmission(bytes, { sourceName: options.sourceName ?? '<input>' });
  const extracted = extractFiling(submission, options.extractors ?? EXTRACTORS);
  const accessionNumber = filingKey(submission);
  const rows = submissionRows(submission, extracted.warnings);
  // What each document is (waiver letter, amendment, …) is stored on `documents`.
  rows.documents = rows.documents!.map((row, i) => ({ ...row, ...documentClassFields(classifyDocument(submission, submission.documents[i]!)) }));
  for (const [table, tableRows] of Object.entries(extracted.tables)) {
    rows[table] = tableRows.map((row) => ({ ...row, accessionNumber }));
  }
  // Amendment chains and the full-text index are derived rows: written in the filing's own transaction.
  const store = db.storeFiling(rows, { afterWrite: () => afterStoreFiling(db, accessionNumber, submission), source: bytes });
  return { accessionNumber, submission, extracted, store };
}
