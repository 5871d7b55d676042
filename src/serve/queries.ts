/**
 * What the viewer reads from a database, as plain rows. Every query is a SELECT on a read-only connection; table and
 * column names come from sqlite_master, never from a request, so a URL can only choose values bound as parameters.
 * Tables a database lacks (one made before a table existed) read as empty.
 */
import type Database from 'better-sqlite3';
import { decodeValueSpans } from '../extract/span-json.js';

export type Row = Record<string, unknown>;

/** A stretch of one document's decoded text: where an extracted value was read. */
export interface Evidence {
  documentSequence: number | null;
  start: number;
  end: number;
}

/** The extracted tables a filing page shows, in reading order, with their headings. */
export const RECORD_TABLES: readonly { table: string; title: string }[] = [
  { table: 'holdings', title: 'Item 5 positions' },
  { table: 'ownership_basis', title: 'Percent bases' },
  { table: 'notes', title: 'Notes' },
  { table: 'options', title: 'Options and warrants' },
  { table: 'transactions', title: 'Transactions' },
  { table: 'waivers', title: 'Waivers and consents' },
  { table: 'waiver_items', title: 'What is waived or consented to' },
  { table: 'conversion_price_rules', title: 'Conversion price rules' },
  { table: 'amendments', title: 'Amendments' },
  { table: 'amendment_changes', title: 'Amendment changes' },
  { table: 'amendment_amounts', title: 'Amendment amounts' },
  { table: 'exhibit_references', title: 'Exhibit references' },
  { table: 'checks', title: 'Checks' },
  { table: 'warnings', title: 'Warnings' },
];

export class ViewerData {
  private readonly columnsCache = new Map<string, string[]>();

  constructor(readonly sqlite: Database.Database) {}

  /** Column names of a table or view; empty when it does not exist. */
  columns(table: string): string[] {
    let cols = this.columnsCache.get(table);
    if (!cols) {
      const exists = this.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = ? AND type IN ('table', 'view')").get(table);
      cols = exists ? (this.sqlite.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all() as { name: string }[]).map((c) => c.name) : [];
      this.columnsCache.set(table, cols);
    }
    return cols;
  }

  has(table: string): boolean {
    return this.columns(table).length > 0;
  }

  recentFilings(limit = 50): Row[] {
    const issuer = this.has('schedule13') ? '(SELECT s.issuer_name FROM schedule13 s WHERE s.accession_number = f.accession_number)' : 'NULL';
    return this.sqlite
      .prepare(
        `SELECT f.accession_number, f.form_type, f.filed_at,
           COALESCE(${issuer}, (SELECT e.name FROM filing_entities e WHERE e.accession_number = f.accession_number AND e.role = 'subject_company' ORDER BY e.ordinal LIMIT 1)) AS subject
         FROM filings f ORDER BY f.filed_at DESC, f.accession_number DESC LIMIT ?`,
      )
      .all(limit) as Row[];
  }

  filing(accession: string): Row | undefined {
    return this.sqlite.prepare('SELECT * FROM filings WHERE accession_number = ?').get(accession) as Row | undefined;
  }

  /** Rows of one table for one filing, in stored order. */
  rows(table: string, accession: string): Row[] {
    const cols = this.columns(table);
    if (!cols.includes('accession_number')) return [];
    const order = ['waiver_ordinal', 'amendment_ordinal', 'change_ordinal', 'entity_ordinal', 'ordinal', 'branch'].filter((c) => cols.includes(c));
    const orderBy = order.length ? ` ORDER BY ${order.map(quoteIdent).join(', ')}` : '';
    return this.sqlite.prepare(`SELECT * FROM ${quoteIdent(table)} WHERE accession_number = ?${orderBy}`).all(accession) as Row[];
  }

  schedule(accession: string): Row | undefined {
    if (!this.has('schedule13')) return undefined;
    return this.sqlite.prepare('SELECT * FROM schedule13 WHERE accession_number = ?').get(accession) as Row | undefined;
  }

  /** The decoded text of one document (the string every span indexes), or undefined when it is not stored. */
  documentText(accession: string, sequence: number | null): string | undefined {
    if (!this.has('document_texts')) return undefined;
    const row = this.sqlite
      .prepare('SELECT text FROM document_texts WHERE accession_number = ? AND document_sequence IS ? ORDER BY rowid LIMIT 1')
      .get(accession, sequence) as { text: string } | undefined;
    return row?.text;
  }

  /** Every span stored for one document of a filing: the values to mark lightly around the one shown. */
  spansIn(accession: string, sequence: number | null): Evidence[] {
    const out: Evidence[] = [];
    for (const { table } of [{ table: 'reporting_persons' }, ...RECORD_TABLES]) {
      if (table === 'warnings') continue;
      const cols = this.columns(table);
      if (!cols.includes('span_start') || !cols.includes('document_sequence')) continue;
      for (const row of this.rows(table, accession)) {
        if ((row.document_sequence ?? null) !== sequence) continue;
        const fields = fieldSpans(row.spans);
        if (fields.size > 0 && table === 'reporting_persons') {
          for (const e of fields.values()) out.push({ documentSequence: sequence, ...e });
        } else if (typeof row.span_start === 'number' && typeof row.span_end === 'number') {
          out.push({ documentSequence: sequence, start: row.span_start, end: row.span_end });
        }
      }
    }
    return out;
  }

  /** Percent of class over time for every holder of one issuer: the cover page's, else Item 5's. */
  issuerSeries(issuerCik: string): { holder: string; filedAt: string; percent: number; accession: string; source: string }[] {
    if (!this.has('schedule13') || !this.has('reporting_persons')) return [];
    const holdingPercent = this.has('holdings')
      ? `(SELECT h.percent_of_class FROM holdings h WHERE h.accession_number = rp.accession_number AND h.reporting_person_ordinal = rp.ordinal AND h.percent_of_class IS NOT NULL ORDER BY h.ordinal LIMIT 1)`
      : 'NULL';
    const rows = this.sqlite
      .prepare(
        `SELECT rp.name AS holder, f.filed_at AS filedAt, rp.accession_number AS accession,
           rp.percent_of_class AS cover, ${holdingPercent} AS item5
         FROM reporting_persons rp JOIN schedule13 s ON s.accession_number = rp.accession_number
           JOIN filings f ON f.accession_number = rp.accession_number
         WHERE s.issuer_cik = ? AND f.filed_at IS NOT NULL ORDER BY f.filed_at, rp.accession_number, rp.ordinal`,
      )
      .all(issuerCik) as { holder: string; filedAt: string; accession: string; cover: number | null; item5: number | null }[];
    const series = rows
      .filter((r) => r.cover !== null || r.item5 !== null)
      .map((r) => ({ holder: r.holder, filedAt: r.filedAt, accession: r.accession, percent: (r.cover ?? r.item5)!, source: r.cover !== null ? 'cover page' : 'Item 5' }));
    // A filing whose persons state no percent of their own may state the group's in Item 5 (ownership_basis).
    if (this.has('ownership_basis')) {
      const stated = new Set(series.map((s) => s.accession));
      const group = this.sqlite
        .prepare(
          `SELECT f.filed_at AS filedAt, b.accession_number AS accession, b.percent_of_class AS percent
           FROM ownership_basis b JOIN schedule13 s ON s.accession_number = b.accession_number
             JOIN filings f ON f.accession_number = b.accession_number
           WHERE s.issuer_cik = ? AND b.holder IS NULL AND b.percent_of_class IS NOT NULL AND f.filed_at IS NOT NULL
           ORDER BY f.filed_at, b.accession_number, b.ordinal`,
        )
        .all(issuerCik) as { filedAt: string; accession: string; percent: number }[];
      const seen = new Set<string>();
      for (const g of group) {
        if (stated.has(g.accession) || seen.has(g.accession)) continue;
        seen.add(g.accession);
        series.push({ holder: 'Reporting Persons (group, Item 5)', filedAt: g.filedAt, accession: g.accession, percent: g.percent, source: 'Item 5' });
      }
    }
    return series;
  }

  issuerName(issuerCik: string): string | undefined {
    if (!this.has('schedule13')) return undefined;
    const row = this.sqlite.prepare('SELECT issuer_name FROM schedule13 WHERE issuer_cik = ? AND issuer_name IS NOT NULL ORDER BY accession_number DESC LIMIT 1').get(issuerCik) as
      | { issuer_name: string }
      | undefined;
    return row?.issuer_name;
  }

  latestPositions(issuerCik: string): Row[] {
    if (!this.has('latest_positions')) return [];
    return this.sqlite
      .prepare(
        `SELECT person_key, reporting_person, accession_number, form_type, filed_at, sole_voting_power, shared_voting_power,
           sole_dispositive_power, shared_dispositive_power, aggregate_amount, percent_of_class
         FROM latest_positions WHERE issuer_cik = ? ORDER BY reporting_person`,
      )
      .all(issuerCik) as Row[];
  }

  amendmentChains(issuerCik: string): Row[] {
    if (!this.has('amendment_chains')) return [];
    return this.sqlite
      .prepare(
        `SELECT c.chain_id, c.position, c.accession_number, f.form_type, f.filed_at, c.amends_accession_number, c.method, c.amendment_number
         FROM amendment_chains c LEFT JOIN filings f ON f.accession_number = c.accession_number
         WHERE c.subject_company_cik = ? ORDER BY c.chain_id, c.position`,
      )
      .all(issuerCik) as Row[];
  }

  /** One holder's cover-page positions across issuers, newest first. */
  holderPositions(nameKey: string): Row[] {
    if (!this.has('cover_pages')) return [];
    return this.sqlite
      .prepare(
        `SELECT issuer_cik, issuer_name, reporting_person, accession_number, form_type, filed_at, aggregate_amount,
           percent_of_class
         FROM cover_pages WHERE person_key = ? ORDER BY filed_at DESC, accession_number DESC`,
      )
      .all(nameKey) as Row[];
  }

  holderItem5(nameKey: string): Row[] {
    if (!this.has('holdings') || !this.columns('holdings').includes('holder_key')) return [];
    return this.sqlite
      .prepare(
        `SELECT h.accession_number, f.filed_at, h.holder, h.security, h.shares, h.percent_of_class, h.document_sequence, h.span_start, h.span_end
         FROM holdings h JOIN filings f ON f.accession_number = h.accession_number
         WHERE h.holder_key = ? ORDER BY f.filed_at DESC, h.accession_number, h.ordinal`,
      )
      .all(nameKey) as Row[];
  }
}

/** A `spans` column (JSON object: field → {start, end}, extract/span-json.ts) as a map keyed by snake_case column name. */
export function fieldSpans(value: unknown): Map<string, { start: number; end: number }> {
  return new Map([...decodeValueSpans(value)].map(([key, span]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), span]));
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
