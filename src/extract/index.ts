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
 */
export const extractScheduleRows: Extractor = (submission) => {
  const cover = extractCoverPages(submission);
  const items = extractItemsAndProseWithCover(submission, cover);
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

const EXTRACTORS: Extractor[] = [extractScheduleRows, extractExhibits];

export function extractFiling(submission: Submission): ExtractedFiling {
  const result: ExtractedFiling = { tables: {}, warnings: [] };
  for (const extractor of EXTRACTORS) {
    const part = extractor(submission);
    for (const [table, rows] of Object.entries(part.tables)) pushAll((result.tables[table] ??= []), rows);
    pushAll(result.warnings, part.warnings);
  }
  return result;
}
