/**
 * edgar-extract's public API. The stages chain fetch → parse → extract → store:
 *   - `parseSubmission(bytes)`: any EDGAR submission shape → a typed Submission tree (no I/O);
 *   - `documentText / documentSource / documentBinary`: a document's body, decoded on demand;
 *   - `extractFiling(submission)`: every extractor's records and warnings;
 *   - `openDatabase(path)` and `ingestSubmission(db, bytes)`: the whole pipeline for one input, one transaction;
 *   - `ingestMany(db, inputs, { jobs, onItem })`: many inputs, worker threads preparing, one writer, input order;
 *   - `resolveAccession(accession)` and `EdgarClient`: polite access to EDGAR, with the on-disk cache.
 */
export { parseSubmission, type ParseOptions } from './parse/index.js';
export type * from './parse/types.js';
export { documentBinary, documentBytes, documentSource, documentText, htmlToText, type DecodedBinary } from './parse/body.js';
export { extractFiling, type ExtractedFiling, type Extractor } from './extract/index.js';
export type { ExtractionWarning, Provenance } from './extract/types.js';
export { openDatabase, EdgarDatabase, type FilingRows, type StoreOutcome } from './store/database.js';
export { ingestSubmission, prepareFiling, storePreparedFiling, type IngestResult, type PreparedFiling } from './pipeline.js';
export { ingestMany, type BatchInput, type BatchItem, type IngestManyOptions } from './batch/ingest-many.js';
export { reprocessDatabase, type ReprocessReport } from './reprocess.js';
export { resolveAccession, type ResolveOptions, type ResolvedSubmission } from './fetch/resolve.js';
export { EdgarClient, type EdgarClientOptions } from './fetch/client.js';
export * from './errors/index.js';
export { PIPELINE_VERSION } from './version.js';
