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
import type { ExtractionWarning } from './types.js';
import { pushAll } from '../arrays.js';

export type { ExtractionWarning, Provenance } from './types.js';

export interface ExtractedFiling {
  /** Rows by table name (keys in camelCase), without the accession number: the store adds it. */
  tables: Record<string, Record<string, unknown>[]>;
  warnings: ExtractionWarning[];
}

/** An extractor: one concern (cover pages, items, exhibits …) from a submission. */
export type Extractor = (submission: Submission) => ExtractedFiling;

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

/** Rows naming a holder get its matching key, so views can group holders without string surgery in SQL. */
function withHolderKeys(tables: Record<string, Record<string, unknown>[]>): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const [table, rows] of Object.entries(tables)) {
    out[table] = rows.map((row) => ('holder' in row ? { ...row, holderKey: nameKey(row.holder as string | null) } : row));
  }
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
    for (const [table, rows] of Object.entries(part.tables)) pushAll((result.tables[table] ??= []), rows);
    pushAll(result.warnings, part.warnings);
  }
  result.warnings = capWarnings(result.warnings);
  return result;
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
