/**
 * A database with everything the "database as a product" module adds (amendment_chains, the views), for tests that
 * build a schema piece by piece. A table the migrations do not create gets a stand-in: the real model where it exists
 * (items, notes), else the design.md §4 columns (schedule13, reporting_persons, waivers); where the migrations create
 * the real table, it is used and the tests run unchanged.
 */
import type Database from 'better-sqlite3';
import { openDatabase, type EdgarDatabase } from '../../src/store/database.js';
import { allTables, chainsAndViewsMigration } from '../../src/store/migrations.js';
import { createTableSql, type TableModel } from '../../src/store/model.js';
import { nameKey } from '../../src/extract/name-key.js';
import { itemMigrationSql, itemsTable, notesTable } from '../../src/store/tables/items.js';

const col = (name: string, type: 'TEXT' | 'INTEGER' | 'REAL' = 'TEXT') => ({ name, type, doc: name });
const PROVENANCE = [col('document_sequence', 'INTEGER'), col('span_start', 'INTEGER'), col('span_end', 'INTEGER')];

export const STAND_IN_TABLES: TableModel[] = [
  {
    name: 'schedule13',
    doc: 'stand-in',
    perFiling: true,
    primaryKey: ['accession_number'],
    columns: [
      col('accession_number'), col('form_type'), col('issuer_name'), col('issuer_name_key'), col('issuer_cik'), col('class_title'), col('cusip'), col('cusips'),
      col('event_date'), col('amendment_number', 'INTEGER'), col('rule_boxes'), col('previous_accession_number'), ...PROVENANCE,
    ],
    // The indexes the views need on schedule13 (test/store/query-plans.test.ts).
    indexes: [
      { name: 'schedule13_issuer_cik', columns: ['issuer_cik'] },
      { name: 'schedule13_cusip', columns: ['cusip'] },
    ],
  },
  {
    name: 'reporting_persons',
    doc: 'stand-in',
    perFiling: true,
    primaryKey: ['accession_number', 'ordinal'],
    columns: [
      col('accession_number'), col('ordinal', 'INTEGER'), col('name'), col('name_key'), col('cik'), col('member_of_group'), col('source_of_funds'),
      col('legal_proceedings', 'INTEGER'), col('citizenship'), col('sole_voting_power', 'INTEGER'), col('shared_voting_power', 'INTEGER'),
      col('sole_dispositive_power', 'INTEGER'), col('shared_dispositive_power', 'INTEGER'), col('aggregate_amount', 'INTEGER'),
      col('excludes_certain_shares', 'INTEGER'), col('percent_of_class', 'REAL'), col('type_of_reporting_person'), ...PROVENANCE,
    ],
  },
  // The items module's real models.
  itemsTable,
  notesTable,
  {
    name: 'waivers',
    doc: 'stand-in',
    perFiling: true,
    primaryKey: ['accession_number', 'ordinal'],
    columns: [
      col('accession_number'), col('ordinal', 'INTEGER'), col('document_sequence', 'INTEGER'), col('document_type'), col('kind'), col('dated'),
      col('effective_date'), col('holder'), col('counterparty'), col('instrument'), col('principal', 'REAL'), col('old_conversion_price', 'REAL'),
      col('new_conversion_price', 'REAL'), col('summary'), col('span_start', 'INTEGER'), col('span_end', 'INTEGER'),
    ],
  },
];

export function objectNames(sqlite: Database.Database): Set<string> {
  return new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").pluck().all() as string[]);
}

/** Which tables the migrations create (real tables rather than stand-ins). */
export function wiredTables(): Set<string> {
  return new Set(allTables().map((t) => t.name));
}

export function addProductSchema(db: EdgarDatabase, options: { standIns?: boolean } = {}): void {
  const sqlite = db.sqlite;
  let names = objectNames(sqlite);
  if (options.standIns ?? true) {
    for (const t of STAND_IN_TABLES) if (!names.has(t.name)) for (const s of createTableSql(t)) sqlite.exec(s);
  }
  names = objectNames(sqlite);
  // Every statement of it can run again harmlessly (IF NOT EXISTS, DROP + CREATE).
  const migration = chainsAndViewsMigration(99, names);
  for (const t of migration.tables ?? []) for (const s of createTableSql(t)) sqlite.exec(s);
  for (const s of migration.sql ?? []) sqlite.exec(s);
  // The items module's own full-text index over `items` (its migration SQL), when items is a stand-in here.
  if (!names.has('items_fts') && names.has('items')) for (const s of itemMigrationSql) sqlite.exec(s);
}

/** openDatabase(path) plus whatever of this module's schema (and stand-ins) the migrations do not create yet. */
export function openProductDatabase(path = ':memory:', options: { standIns?: boolean } = {}): EdgarDatabase {
  const db = openDatabase(path);
  addProductSchema(db, options);
  return db;
}

/**
 * Insert a row given some columns; NOT NULL columns left out get a placeholder (1 or ''), so the same test rows fit
 * a real table that has more required columns than the stand-in.
 */
export function insertRow(sqlite: Database.Database, table: string, values: Record<string, unknown>): void {
  const info = sqlite.prepare('SELECT name, type, "notnull" AS nn, dflt_value AS d FROM pragma_table_info(?)').all(table) as {
    name: string;
    type: string;
    nn: number;
    d: string | null;
  }[];
  if (info.length === 0) throw new Error(`insertRow: no table ${table}`);
  const row: Record<string, unknown> = {};
  for (const c of info) {
    if (c.name in values) row[c.name] = values[c.name] ?? null;
    else if (c.nn && c.d === null) row[c.name] = /INT|REAL/i.test(c.type) ? 1 : '';
  }
  for (const key of Object.keys(values)) if (!info.some((c) => c.name === key)) throw new Error(`insertRow: ${table} has no column ${key}`);
  const cols = Object.keys(row);
  sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 1 : 0) : v])),
  );
}

export interface TestFiling {
  accession: string;
  formType: string;
  filedAt: string;
  subjectCik?: string | null;
  subjectName?: string;
  filedByCik?: string | null;
  filedByName?: string;
  /** schedule13 row (omit for none). */
  schedule13?: { issuerName?: string; amendmentNumber?: number | null; cusip?: string; previousAccessionNumber?: string | null; eventDate?: string; classTitle?: string };
  persons?: { name: string; sole?: number | null; shared?: number | null; aggregate?: number | null; percent?: number | null; cik?: string | null }[];
}

/** Store a synthetic filing: filings, filing_entities and, if given, schedule13 and reporting_persons rows. */
export function addFiling(db: EdgarDatabase, f: TestFiling): void {
  const sqlite = db.sqlite;
  sqlite.transaction(() => {
    insertRow(sqlite, 'filings', {
      accession_number: f.accession,
      form_type: f.formType,
      filed_at: f.filedAt,
      document_count: 1,
      source_format: 'full-submission',
      pem_wrapped: 0,
      source_bytes: 1,
      source_sha256: f.accession,
      pipeline_version: 'test',
      stored_at: '2025-01-01T00:00:00Z',
    });
    let ordinal = 1; // ordinals count from 1 in every table
    if (f.subjectCik !== null) {
      insertRow(sqlite, 'filing_entities', {
        accession_number: f.accession,
        ordinal: ordinal++,
        role: 'subject_company',
        block_name: 'SUBJECT COMPANY',
        cik: f.subjectCik ?? '0000925528',
        name: f.subjectName ?? 'HUDSON TECHNOLOGIES INC /NY',
      });
    }
    if (f.filedByCik !== null) {
      insertRow(sqlite, 'filing_entities', {
        accession_number: f.accession,
        ordinal: ordinal++,
        role: 'filed_by',
        block_name: 'FILED BY',
        cik: f.filedByCik ?? '0001105977',
        name: f.filedByName ?? 'FLEMING US DISCOVERY FUND III LP',
      });
    }
    if (f.schedule13) {
      const s = f.schedule13;
      const names = new Set(sqlite.prepare("SELECT name FROM pragma_table_info('schedule13')").pluck().all() as string[]);
      insertRow(sqlite, 'schedule13', {
        accession_number: f.accession,
        ...(names.has('form_type') ? { form_type: f.formType } : {}),
        ...(names.has('kind') ? { kind: /13G/.test(f.formType) ? '13G' : '13D', format: 'text' } : {}),
        issuer_name: s.issuerName ?? 'HUDSON TECHNOLOGIES, INC.',
        ...(names.has('issuer_name_key') ? { issuer_name_key: nameKey(s.issuerName ?? 'HUDSON TECHNOLOGIES, INC.') } : {}),
        issuer_cik: f.subjectCik === null ? null : (f.subjectCik ?? '0000925528'),
        cusip: s.cusip ?? '444144109',
        class_title: s.classTitle ?? 'Common Stock',
        event_date: s.eventDate ?? f.filedAt,
        amendment_number: s.amendmentNumber ?? null,
        ...(names.has('previous_accession_number') ? { previous_accession_number: s.previousAccessionNumber ?? null } : {}),
      });
    }
    (f.persons ?? []).forEach((p, i) => {
      insertRow(sqlite, 'reporting_persons', {
        accession_number: f.accession,
        ordinal: i + 1,
        name: p.name,
        name_key: nameKey(p.name),
        cik: p.cik ?? null,
        sole_voting_power: p.sole ?? null,
        shared_voting_power: p.shared ?? 0,
        sole_dispositive_power: p.sole ?? null,
        shared_dispositive_power: p.shared ?? 0,
        aggregate_amount: p.aggregate ?? null,
        percent_of_class: p.percent ?? null,
        document_sequence: 1,
        span_start: 0,
        span_end: 10,
      });
    });
  })();
}
