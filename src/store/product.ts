/**
 * Wiring helpers for "the database as a product": the migration that adds amendment chains and
 * the views, and the one call the store step makes after each filing. Everything here is assembled from
 * chains.ts, document-text.ts and views.ts; nothing new is defined. What these rows are derived from is read from
 * the submission by the pipeline (pipeline.ts `derivedFilingData`): the store never decodes a document.
 */
import { amendmentChainsTable, updateChains } from './chains.js';
import type { EdgarDatabase } from './database.js';
import { writeDocumentText, type DocumentTextRow } from './document-text.js';
import type { TableModel } from './model.js';
import { optionalViewSql, viewSql } from './views.js';

/** A migration as its models describe it (tests build partial schemas from it; migrations.ts holds the frozen SQL). */
export interface ModelMigration {
  version: number;
  name: string;
  tables: TableModel[];
  sql: string[];
}

/**
 * The migration adding amendment_chains, cover_pages,
 * latest_positions, ownership_history (and notes_outstanding / waivers_by_issuer when their tables exist).
 * `tableNames`: the tables earlier migrations create (e.g. `allTables().map((t) => t.name)` before this one is added);
 * it must come after the migration creating schedule13 and reporting_persons.
 */
export function productMigration(version: number, tableNames: Iterable<string>): ModelMigration {
  const names = [...tableNames];
  return {
    version,
    name: 'amendment chains, views',
    tables: [amendmentChainsTable],
    sql: [...viewSql, ...optionalViewSql(names)],
  };
}

/**
 * After `storeFiling` wrote a filing: recompute its issuer's amendment chains and index its documents' text. Runs in
 * one transaction (a savepoint inside the caller's), so call it inside the same transaction as storeFiling to keep
 * "one transaction per filing" true for these rows too.
 */
export function afterStoreFiling(db: EdgarDatabase, accessionNumber: string, derived: DerivedFilingData): void {
  db.sqlite.transaction(() => {
    updateChains(db, accessionNumber, derived.declaredPrevious);
    writeDocumentText(db, accessionNumber, derived.documentTexts);
  })();
}

/** What afterStoreFiling writes besides the filing's rows, read from the submission by the pipeline (in a worker thread for a batch), so the writer needs no tree. */
export interface DerivedFilingData {
  /** The predecessor the submission declares (extract's declaredPreviousAccession), null for none. */
  declaredPrevious: string | null;
  /** The readable text of each text, HTML and XML document (pipeline.ts documentTextRows). */
  documentTexts: DocumentTextRow[];
}

/**
 * afterStoreFiling from prepared data: the same rows. Call it only inside storeFiling's transaction (its `afterWrite`),
 * which already makes the filing atomic, so it opens no savepoint of its own (a batch pays for every savepoint).
 */
export function afterStoreFilingPrepared(db: EdgarDatabase, accessionNumber: string, derived: DerivedFilingData): void {
  updateChains(db, accessionNumber, derived.declaredPrevious);
  writeDocumentText(db, accessionNumber, derived.documentTexts, { inTransaction: true });
}
