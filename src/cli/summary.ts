/**
 * The human summary of one stored filing (and its `--json` twin). Sections come from what the pipeline produced:
 * the header (form, dates, filer and subject with CIKs, group members), the documents, every extracted table that
 * has a formatter below, and the warnings.
 */
import { TABLE_VIEWS, type ExtractedTableName, type TableView } from '../extract/index.js';
import type { IngestResult } from '../pipeline.js';
import type { Submission } from '../parse/types.js';
import { formatTable, type Cell } from './table.js';

/** Extracted tables the summary prints, in order (the extract stage's own descriptions of its tables). */
export { TABLE_VIEWS, type TableView };

export function formatFilingSummary(submission: Submission, result: IngestResult | null): string {
  const h = submission.header;
  const lines: string[] = [];
  const acc = result?.accessionNumber ?? submission.accessionNumber ?? '(no accession number)';
  lines.push(`${acc}  ${h?.formType ?? submission.documents[0]?.type ?? '?'}  filed ${h?.filedAt ?? '?'}  (${submission.format})`);
  if (result && result.store.action !== 'stored') lines.push(storeActionLine(result.store));
  for (const e of h?.entities ?? []) {
    lines.push(`  ${e.role.replace(/_/g, ' ').padEnd(16)} ${e.companyData.conformedName ?? '?'}  CIK ${e.companyData.cik ?? '?'}${e.filingValues?.fileNumber ? `  file ${e.filingValues.fileNumber}` : ''}`);
  }
  if (h?.groupMembers.length) lines.push(`  group members    ${h.groupMembers.join('; ')}`);
  lines.push('');
  lines.push(
    indent(
      formatTable(
        ['seq', 'type', 'filename', 'description', 'format', 'bytes'],
        submission.documents.map((d) => [d.sequence, d.type, d.filename, d.description, d.bodyFormat, d.bytes]),
      ),
    ),
  );
  const schedule = result?.extracted.tables.schedule13?.[0];
  if (schedule) {
    lines.push(
      '',
      `  schedule ${schedule.kind}: ${schedule.issuerName ?? '?'} — ${schedule.classTitle ?? '?'}, CUSIP ${schedule.cusip ?? '?'}, event ${schedule.eventDate ?? '?'}${schedule.amendmentNumber !== null && schedule.amendmentNumber !== undefined ? `, amendment ${schedule.amendmentNumber}` : ''}`,
    );
  }
  for (const [table, view] of Object.entries(TABLE_VIEWS)) {
    const rows = result?.extracted.tables[table as ExtractedTableName] as readonly object[] | undefined;
    if (!rows?.length) continue;
    lines.push('', `  ${view.title}`, indent(formatTable(view.columns.map(([header]) => header), rows.map((r) => view.columns.map(([, key]) => cellOf(r as Record<string, unknown>, key))))));
  }
  const warnings = [...submission.warnings.map((w) => `${w.code} (line ${w.line}): ${w.message}`), ...(result?.extracted.warnings ?? []).map((w) => `${w.code}${w.documentSequence !== null ? ` (document ${w.documentSequence})` : ''}: ${w.message}`)];
  if (warnings.length) lines.push('', `  warnings (${warnings.length})`, ...warnings.map((w) => `    ${w}`));
  return lines.join('\n');
}

/**
 * The records of one ingest, for `--json`, in the database's vocabulary: every key snake_case, as the columns are
 * named (`sole_voting_power`, not `soleVotingPower`), so `--json`, `sql --format json` and `export` agree.
 */
export function filingJson(result: IngestResult): Record<string, unknown> {
  const { bytes: _bytes, ...submission } = result.submission;
  return snakeCaseKeys({
    accessionNumber: result.accessionNumber,
    stored: result.store.changed,
    storeAction: result.store.action,
    ...(result.store.detail ? { storeDetail: result.store.detail } : {}),
    header: submission.header ? { ...submission.header, nodes: undefined } : null,
    documents: submission.documents,
    ...result.extracted.tables,
    warnings: [...submission.warnings.map((w) => ({ stage: 'parse', ...w })), ...result.extracted.warnings.map((w) => ({ stage: 'extract', ...w }))],
  }) as Record<string, unknown>;
}

/** `soleVotingPower` → `sole_voting_power` (the inverse of the store's camelCase). */
export function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** Every key of plain objects, at any depth, in snake_case; values unchanged. */
export function snakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCaseKeys);
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[snakeCase(k)] = snakeCaseKeys(v);
  return out;
}

export function cellOf(row: Record<string, unknown>, key: string): Cell {
  const [name, text] = key.split('|') as [string, string | undefined];
  const value = row[name];
  if ((value === null || value === undefined) && text) return (row[`${name}${text}`] as Cell) ?? null;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value as Cell;
}

function indent(block: string): string {
  return block
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/** What storing did, when it was not a plain new filing (the duplicate rule: docs/schema-notes.md). */
function storeActionLine(store: IngestResult['store']): string {
  switch (store.action) {
    case 'unchanged':
      return 'already stored, unchanged';
    case 'refreshed':
      return 'already stored by an older pipeline version: re-extracted';
    case 'replaced':
      return `replaced the stored copy of this accession: ${store.detail ?? ''}`;
    case 'kept-existing':
      return `not stored, duplicate accession: ${store.detail ?? ''}`;
    default:
      return store.action;
  }
}
