/**
 * One input through the whole pipeline: parse → extract → store, in one transaction per filing.
 * The CLI and batch commands call this; it is also the library's main entry (re-exported by index.ts).
 */
import { extractFiling, type ExtractedFiling } from './extract/index.js';
import { parseSubmission } from './parse/index.js';
import type { Submission } from './parse/types.js';
import type { EdgarDatabase, StoreOutcome } from './store/database.js';
import { filingKey, submissionRows } from './store/rows.js';

export interface IngestResult {
  accessionNumber: string;
  submission: Submission;
  extracted: ExtractedFiling;
  store: StoreOutcome;
}

/** Parse, extract and store one submission. Throws ParseError for input that is not a submission at all. */
export function ingestSubmission(db: EdgarDatabase, bytes: Uint8Array, options: { sourceName?: string } = {}): IngestResult {
  const submission = parseSubmission(bytes, { sourceName: options.sourceName ?? '<input>' });
  const extracted = extractFiling(submission);
  const accessionNumber = filingKey(submission);
  const rows = submissionRows(submission, extracted.warnings);
  for (const [table, tableRows] of Object.entries(extracted.tables)) {
    rows[table] = tableRows.map((row) => ({ accessionNumber, ...row }));
  }
  const store = db.storeFiling(rows);
  return { accessionNumber, submission, extracted, store };
}
