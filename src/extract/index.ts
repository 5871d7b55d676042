/**
 * The extract stage: runs every extractor over a parsed submission and gathers their records and warnings.
 * Each extractor is independent (a failure to find something in one never stops another) and returns rows keyed
 * by the table they belong to, so the store can write them without knowing the extractors.
 */
import type { Submission } from '../parse/types.js';
import { extractCoverPages } from './cover-page/index.js';
import { declaredPreviousAccession } from './cover-page/previous-accession.js';
import { extractExhibits } from './exhibits/index.js';
import { extractItemsAndProseWithCover } from './items/index.js';
import { nameKey } from './name-key.js';
import type { ExtractedFiling, ExtractedTables, Extractor } from './extractor.js';
import type { ExtractionWarning } from './types.js';
import { pushAll } from '../arrays.js';

export type { ExtractionWarning, Provenance, TableView } from './types.js';
export { TABLE_VIEWS } from './table-views.js';

export type { ExtractedFiling, ExtractedTableName, ExtractedTables, Extractor } from './extractor.js';

/**
 * Cover pages as rows of `schedule13` and `reporting_persons`, then Items 1–7 (1–10) and the records read from their
 * prose, cross-checked against those cover pages (the items extractor reuses them rather than reading them again).
 * The items run under their own guard, so a defect there still keeps the cover-page rows.
 */
export const extractScheduleRows: Extractor = (submission) => {
  const cover = extractCoverPages(submission);
  const items = guarded('items', () => extractItemsAndProseWithCover(submission, cover), { tables: {}, warnings: [] });
  return {
    tables: {
      schedule13: cover.schedule13
        ? [{ ...cover.schedule13, issuerNameKey: nameKey(cover.schedule13.issuerName), previousAccessionNumber: declaredPreviousAccession(submission) }]
        : [],
      reporting_persons: cover.reportingPersons.map((p) => ({ ...p, nameKey: nameKey(p.name) })),
      ...withHolderKeys(items.tables),
    },
    warnings: [...cover.warnings, ...items.warnings],
  };
};

/**
 * Rows naming a holder get its matching key, so views can group holders without string surgery in SQL
 * (`ownership_basis` has no holder_key column: its holder is only a label of the stated percentage).
 */
function withHolderKeys(tables: Partial<ExtractedTables>): Partial<ExtractedTables> {
  const out = { ...tables };
  const keyed = <Row extends { holder: string | null }>(rows: Row[]): (Row & { holderKey: string | null })[] => rows.map((row) => ({ ...row, holderKey: nameKey(row.holder) }));
  if (out.holdings) out.holdings = keyed(out.holdings);
  if (out.notes) out.notes = keyed(out.notes);
  if (out.options) out.options = keyed(out.options);
  if (out.transactions) out.transactions = keyed(out.transactions);
  return out;
}

/** The extractors of `extractFiling`, by the name an EXTRACTOR_FAILED warning gives. */
export const EXTRACTORS: { name: string; extract: Extractor }[] = [
  { name: 'cover-pages-and-items', extract: extractScheduleRows },
  { name: 'exhibits', extract: extractExhibits },
];

/**
 * Every extractor over the submission, each under its own guard: a defect in one (an exception on input it did not
 * foresee) becomes an EXTRACTOR_FAILED warning naming it, the others' rows are kept, and the filing is still stored.
 * `extractors` is for tests (an extractor made to throw).
 */
export function extractFiling(submission: Submission, extractors: readonly { name: string; extract: Extractor }[] = EXTRACTORS): ExtractedFiling {
  const result: ExtractedFiling = { tables: {}, warnings: [] };
  for (const { name, extract } of extractors) {
    const part = guarded(name, () => extract(submission), { tables: {}, warnings: [] });
    for (const table of Object.keys(part.tables) as (keyof ExtractedTables)[]) appendRows(result.tables, part.tables, table);
    pushAll(result.warnings, part.warnings);
  }
  result.warnings = capWarnings(result.warnings);
  return result;
}

/** `from`'s rows of `table` added after `to`'s (a function of its own so the row type follows the table name). */
function appendRows<T extends keyof ExtractedTables>(to: Partial<ExtractedTables>, from: Partial<ExtractedTables>, table: T): void {
  const rows = from[table];
  if (rows) pushAll((to[table] ??= [] as ExtractedTables[T]) as unknown[], rows as unknown[]);
}

/** How many warnings of one code a filing lists before it only counts them (as the parse stage does). */
export const MAX_EXTRACTION_WARNINGS_PER_CODE = 1000;

/** The warnings with each code listed at most MAX_EXTRACTION_WARNINGS_PER_CODE times, then one EXTRACTION_WARNINGS_NOT_LISTED. */
function capWarnings(warnings: ExtractionWarning[]): ExtractionWarning[] {
  const counts = new Map<string, number>();
  const kept: ExtractionWarning[] = [];
  const firstDropped = new Map<string, ExtractionWarning>();
  for (const w of warnings) {
    const n = (counts.get(w.code) ?? 0) + 1;
    counts.set(w.code, n);
    if (n <= MAX_EXTRACTION_WARNINGS_PER_CODE) kept.push(w);
    else if (!firstDropped.has(w.code)) firstDropped.set(w.code, w);
  }
  for (const [code, first] of firstDropped) {
    const more = counts.get(code)! - MAX_EXTRACTION_WARNINGS_PER_CODE;
    kept.push({ code: 'EXTRACTION_WARNINGS_NOT_LISTED', message: `${more} more ${code} warnings are not listed (the first of them is here)`, documentSequence: first.documentSequence, span: first.span });
  }
  return kept;
}

/** `run()`, or `fallback` plus an EXTRACTOR_FAILED warning when it throws. */
function guarded(name: string, run: () => ExtractedFiling, fallback: ExtractedFiling): ExtractedFiling {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      ...fallback,
      warnings: [...fallback.warnings, { code: 'EXTRACTOR_FAILED', message: `the ${name} extractor failed, its rows are missing: ${reason.slice(0, 300)}`, documentSequence: null, span: null }],
    };
  }
}
