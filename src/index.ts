/**
 * edgar-extract's public API. The stages chain fetch → parse → extract → store:
 *   - `parseSubmission(bytes)`: any EDGAR submission shape → a typed Submission tree (no I/O);
 *   - `documentText / documentSource / documentBinary`: a document's body, decoded on demand;
 *   - `extractFiling(submission)`: every extractor's records and warnings, typed per table (`ExtractedTables`);
 *     `extractCoverPages`, `extractItemsAndProse` and `extractExhibits` run one extractor each;
 *   - `openDatabase(path)` and `ingestSubmission(db, bytes)`: the whole pipeline for one input, one transaction;
 *     `openDatabase(path, { readonly: true })` opens an existing database for reading only (no migration, no write);
 *   - `searchDocuments(db.sqlite, query)` / `searchItems(db.sqlite, query)`: full-text search of stored filings;
 *   - `exportParquet(db.sqlite, outDir)`: every table and view as Parquet files;
 *   - `ingestMany(db, inputs, { jobs, onItem })`: many inputs, worker threads preparing, one writer, input order;
 *   - `resolveAccession(accession)` and `EdgarClient`: polite access to EDGAR, with the on-disk cache.
 */
export { parseSubmission, type ParseOptions } from './parse/index.js';
export type * from './parse/types.js';
export { documentBinary, documentBytes, documentSource, documentText, htmlToText, type DecodedBinary } from './parse/body.js';
export { EXTRACTORS, extractFiling, extractScheduleRows } from './extract/index.js';
export type { ExtractedFiling, ExtractedTableName, ExtractedTables, Extractor, ItemRow, Numbered, Keyed } from './extract/extractor.js';
export type { ExtractionWarning, Provenance } from './extract/types.js';
export { extractCoverPages } from './extract/cover-page/index.js';
export type { CoverPageResult, ReportingPersonRecord, Schedule13Record } from './extract/cover-page/types.js';
export { extractItemsAndProse } from './extract/items/index.js';
export type { CheckRow, HoldingRow, NoteRow, OptionRow, OwnershipBasisRow, TransactionRow } from './extract/prose/types.js';
export { extractExhibits } from './extract/exhibits/index.js';
export type {
  AmendmentAmountRecord,
  AmendmentChangeRecord,
  AmendmentRecord,
  ConversionPriceRuleRecord,
  ExhibitReferenceRecord,
  WaiverItemRecord,
  WaiverRecord,
} from './extract/exhibits/types.js';
export { openDatabase, EdgarDatabase, type FilingRows, type StoreOutcome } from './store/database.js';
export { searchDocuments, toFtsQuery, type SearchHit, type SearchOptions } from './store/document-text.js';
export { searchItems, type ItemSearchHit } from './store/item-text.js';
export { exportParquet, type ParquetExportResult } from './export/parquet.js';
export { ingestSubmission, prepareFiling, storePreparedFiling, type IngestResult, type PreparedFiling } from './pipeline.js';
export { ingestMany, type BatchInput, type BatchItem, type IngestManyOptions } from './batch/ingest-many.js';
export { reprocessDatabase, type ReprocessReport } from './reprocess.js';
export { resolveAccession, type ResolveOptions, type ResolvedSubmission } from './fetch/resolve.js';
export { EdgarClient, type EdgarClientOptions } from './fetch/client.js';
export * from './errors/index.js';
export { PIPELINE_VERSION } from './version.js';
