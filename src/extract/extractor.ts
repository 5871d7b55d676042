/**
 * What an extractor is and what it returns: rows keyed by the table they belong to, each table with its row type.
 * The map names the store's tables (store/tables/) and each row type's keys are those tables' columns in camelCase,
 * without the accession number (the store adds it); a test (test/extract/extracted-tables.test.ts) checks every key
 * of every row the extractors produce against the table models.
 *
 * Kept apart from types.ts: the record modules import the shared shapes there (warnings, provenance), and this map
 * imports the record modules, so one module holding both would import itself through them.
 */
import type { Submission } from '../parse/types.js';
import type { ReportingPersonRecord, Schedule13Record } from './cover-page/types.js';
import type {
  AmendmentAmountRecord,
  AmendmentChangeRecord,
  AmendmentRecord,
  ConversionPriceRuleRecord,
  ExhibitReferenceRecord,
  WaiverItemRecord,
  WaiverRecord,
} from './exhibits/types.js';
import type { CheckRow, HoldingRow, NoteRow, OptionRow, OwnershipBasisRow, TransactionRow } from './prose/types.js';
import type { ExtractionWarning } from './types.js';

/** A row numbered by its position among its table's rows of the filing (the `ordinal` column). */
export type Numbered<Row> = Row & { ordinal: number };

/** A row naming a holder, with the name as a matching key (`holder_key`), added once every extractor has run. */
export type Keyed<Row> = Row & { holderKey?: string | null };

/** One `items` row: an item of the schedule, as found (the item's text is searchable through `items_fts`). */
export interface ItemRow {
  itemNumber: number;
  title: string | null;
  documentSequence: number | null;
  /** Heading to end of item, in the document's decoded text. */
  spanStart: number;
  spanEnd: number;
  /** The body, white space collapsed. */
  text: string;
}

/** The rows an extractor may return, by table name. */
export interface ExtractedTables {
  schedule13: (Schedule13Record & { issuerNameKey?: string | null; previousAccessionNumber?: string | null })[];
  reporting_persons: (ReportingPersonRecord & { nameKey?: string | null })[];
  items: Numbered<ItemRow>[];
  holdings: Keyed<Numbered<HoldingRow>>[];
  notes: Keyed<Numbered<NoteRow>>[];
  options: Keyed<Numbered<OptionRow>>[];
  transactions: Keyed<Numbered<TransactionRow>>[];
  ownership_basis: Numbered<OwnershipBasisRow>[];
  checks: Numbered<CheckRow>[];
  waivers: WaiverRecord[];
  waiver_items: WaiverItemRecord[];
  conversion_price_rules: ConversionPriceRuleRecord[];
  amendments: AmendmentRecord[];
  amendment_changes: AmendmentChangeRecord[];
  amendment_amounts: AmendmentAmountRecord[];
  exhibit_references: ExhibitReferenceRecord[];
}

/** The name of a table extractors write. */
export type ExtractedTableName = keyof ExtractedTables;

export interface ExtractedFiling {
  /** Rows by table name (keys in camelCase), without the accession number: the store adds it. */
  tables: Partial<ExtractedTables>;
  warnings: ExtractionWarning[];
}

/** An extractor: one concern (cover pages, items, exhibits …) from a submission. */
export type Extractor = (submission: Submission) => ExtractedFiling;
