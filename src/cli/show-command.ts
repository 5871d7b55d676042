/**
 * `edgar-extract show ACCESSION [--evidence] [--json]`: what the database holds for one filing, read back from its
 * tables (no re-parse, so it shows exactly what `sql` and `export` see). With --evidence, each extracted value is
 * printed beside the words it was read from: the span its row records, cut from the document's decoded text in
 * `document_text` (the same string the offsets index into).
 */
import { Option } from 'commander';
import type Database from 'better-sqlite3';
import { decodeValueSpans } from '../extract/span-json.js';
import { normalizeAccessionNumber } from '../fetch/accession.js';
import { hasStoredText } from '../store/document-text.js';
import { camelCase } from '../store/model.js';
import { allTables } from '../store/migrations.js';
import { EXIT, type CliIo, type ParsedCommand } from './command-registry.js';
import { runProgram } from './program.js';
import { openReadOnly } from './query-output.js';
import { TABLE_VIEWS, cellOf } from './summary.js';
import { formatTable } from './table.js';

type Row = Record<string, unknown>;

/** Tables printed in their own way (header lines), not as extracted tables. */
const HEADER_TABLES = new Set(['filings', 'filing_entities', 'documents', 'warnings', 'former_names', 'group_members']);

/** Every per-filing table's rows for one accession, by table name (tables with no rows left out). */
export function readFiling(sqlite: Database.Database, accession: string): Record<string, Row[]> | null {
  const filing = sqlite.prepare('SELECT * FROM filings WHERE accession_number = ?').get(accession) as Row | undefined;
  if (!filing) return null;
  const out: Record<string, Row[]> = { filings: [filing] };
  const present = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  for (const table of allTables()) {
    if (table.name === 'filings' || !table.perFiling || !present.has(table.name)) continue;
    const order = table.primaryKey.filter((k) => k !== 'accession_number');
    const rows = sqlite.prepare(`SELECT * FROM ${table.name} WHERE accession_number = ?${order.length ? ` ORDER BY ${order.join(', ')}` : ''}`).all(accession) as Row[];
    if (rows.length) out[table.name] = rows;
  }
  return out;
}

function camelRow(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[camelCase(k)] = v;
  return out;
}

function indent(block: string, by = '  '): string {
  return block
    .split('\n')
    .map((l) => `${by}${l}`)
    .join('\n');
}

/** The stored filing as text, laid out like the summary `edgar-extract FILE` prints after storing. */
export function formatStoredFiling(tables: Record<string, Row[]>): string {
  const f = tables.filings![0]!;
  const lines = [`${f.accession_number}  ${f.form_type ?? '?'}  filed ${f.filed_at ?? '?'}  (${f.source_format})`];
  for (const e of tables.filing_entities ?? []) {
    lines.push(`  ${String(e.role).replace(/_/g, ' ').padEnd(16)} ${e.name ?? '?'}  CIK ${e.cik ?? '?'}${e.file_number ? `  file ${e.file_number}` : ''}`);
  }
  if (tables.documents?.length) {
    lines.push('', indent(formatTable(['seq', 'type', 'filename', 'description', 'format', 'bytes'], tables.documents.map((d) => [d.sequence, d.type, d.filename, d.description, d.format, d.bytes] as (string | number | null)[]))));
  }
  const schedule = tables.schedule13?.[0];
  if (schedule) {
    lines.push('', `  schedule ${schedule.kind}: ${schedule.issuer_name ?? '?'} — ${schedule.class_title ?? '?'}, CUSIP ${schedule.cusip ?? '?'}, event ${schedule.event_date ?? '?'}${schedule.amendment_number !== null && schedule.amendment_number !== undefined ? `, amendment ${schedule.amendment_number}` : ''}`);
  }
  for (const [table, view] of Object.entries(TABLE_VIEWS)) {
    const rows = tables[table];
    if (!rows?.length) continue;
    lines.push('', `  ${view.title}`, indent(formatTable(view.columns.map(([h]) => h), rows.map((r) => view.columns.map(([, key]) => cellOf(camelRow(r), key))))));
  }
  const other = Object.keys(tables).filter((t) => !HEADER_TABLES.has(t) && t !== 'schedule13' && !(t in TABLE_VIEWS));
  if (other.length) lines.push('', `  also stored: ${other.map((t) => `${t} (${tables[t]!.length})`).join(', ')}`);
  const warnings = tables.warnings ?? [];
  if (warnings.length) lines.push('', `  warnings (${warnings.length})`, ...warnings.map((w) => `    ${w.code}${w.document_sequence !== null ? ` (document ${w.document_sequence})` : ''}: ${w.message}`));
  return lines.join('\n');
}

interface Evidence {
  table: string;
  row: number;
  field: string;
  value: unknown;
  document_sequence: number | null;
  span_start: number;
  span_end: number;
  source: string | null;
}

/** The spans a row records: per field from its `spans` JSON when it has one, else the row's own span. */
function rowSpans(row: Row): { field: string; start: number; end: number; sequence: number | null }[] {
  const sequence = typeof row.document_sequence === 'number' ? row.document_sequence : null;
  const out: { field: string; start: number; end: number; sequence: number | null }[] = [];
  // An unreadable spans column gives no field spans: the row's own span stands in.
  for (const [field, { start, end }] of decodeValueSpans(row.spans)) out.push({ field, start, end, sequence });
  if (out.length === 0 && typeof row.span_start === 'number' && typeof row.span_end === 'number') out.push({ field: '(row)', start: row.span_start, end: row.span_end, sequence });
  return out;
}

/** Each extracted value with the words it was read from. */
export function collectEvidence(sqlite: Database.Database, accession: string, tables: Record<string, Row[]>): Evidence[] {
  const texts = new Map<number | null, string | null>();
  const indexed = hasStoredText(sqlite);
  const textOf = (sequence: number | null): string | null => {
    if (!texts.has(sequence)) {
      const text = indexed
        ? (sqlite
            .prepare('SELECT text FROM document_texts WHERE accession_number = ? AND document_sequence IS ? ORDER BY rowid LIMIT 1')
            .pluck()
            .get(accession, sequence) as string | undefined)
        : undefined;
      texts.set(sequence, text ?? null);
    }
    return texts.get(sequence)!;
  };
  const out: Evidence[] = [];
  for (const [table, rows] of Object.entries(tables)) {
    if (HEADER_TABLES.has(table)) continue;
    rows.forEach((row, i) => {
      for (const span of rowSpans(row)) {
        const text = textOf(span.sequence);
        const snake = span.field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
        out.push({
          table,
          row: i + 1,
          field: snake,
          value: snake in row ? row[snake] : null,
          document_sequence: span.sequence,
          span_start: span.start,
          span_end: span.end,
          source: text === null ? null : text.slice(span.start, span.end),
        });
      }
    });
  }
  return out;
}

function formatEvidence(evidence: Evidence[]): string {
  const oneLine = (s: string, max: number): string => {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
  };
  const lines: string[] = [];
  let previous = '';
  for (const e of evidence) {
    const heading = `${e.table} #${e.row}${e.document_sequence !== null ? ` (document ${e.document_sequence})` : ''}`;
    if (heading !== previous) lines.push(heading);
    previous = heading;
    const value = e.field === '(row)' ? '' : ` = ${e.value === null || e.value === undefined ? 'NULL' : oneLine(String(e.value), 60)}`;
    const source = e.source === null ? '(document text not stored)' : `"${oneLine(e.source, 160)}"`;
    lines.push(`  ${e.field}${value}  ← ${source}  [${e.span_start}, ${e.span_end})`);
  }
  return lines.join('\n');
}

export const showCommand: ParsedCommand<{ evidence?: boolean }> = {
  name: 'show',
  summary: 'print what the database holds for one filing (--evidence: each value beside its source words)',
  arguments: ['<accession>'],
  shared: ['db', 'json'],
  configure: (cmd) => cmd.addOption(new Option('--evidence', 'print each extracted value beside the words it was read from')),
  examples: ['edgar-extract show 0001125282-03-003998', 'edgar-extract show 0001125282-03-003998 --evidence'],
  run: (args, options, io) => {
    let accession: string;
    try {
      accession = normalizeAccessionNumber(args[0]!);
    } catch {
      accession = args[0]!.trim(); // `local-…` keys of inputs without a header
    }
    const db = options.db ?? 'edgar.db';
    const sqlite = openReadOnly(db);
    try {
      const tables = readFiling(sqlite, accession);
      if (!tables) {
        io.stderr.write(`edgar-extract: ${accession} is not stored in ${db}\n`);
        return EXIT.inputFailed;
      }
      if (options.evidence) {
        const evidence = collectEvidence(sqlite, accession, tables);
        if (options.json) io.stdout.write(`${JSON.stringify(evidence, null, 2)}\n`);
        else io.stdout.write(`${formatEvidence(evidence)}\n`);
      } else if (options.json) io.stdout.write(`${JSON.stringify(tables, null, 2)}\n`);
      else io.stdout.write(`${formatStoredFiling(tables)}\n`);
      return EXIT.ok;
    } finally {
      sqlite.close();
    }
  },
};

export async function runShowCommand(argv: readonly string[], io: Partial<CliIo> & Pick<CliIo, 'stdout' | 'stderr'>): Promise<number> {
  return runProgram([showCommand], ['show', ...argv], { env: process.env, ...io });
}

