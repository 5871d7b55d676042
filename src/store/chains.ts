/**
 * Amendment chains of Schedule 13D/13G filings: which filing each amendment amends, which original it belongs to,
 * and its position in the chain. Computed from what the database holds, in this order of trust:
 *   1. the XML-era `previousAccessionNumber` (schedule13.previous_accession_number when that column exists, else read
 *      as the pipeline read it from the submission and passed it to updateChains, remembered in amendment_chains);
 *   2. the same subject company (issuer CIK), filer (FILED BY CIK) and form family (13D or 13G), matching the
 *      amendment number (Amendment No. N amends the latest earlier No. N−1; the original counts as No. 0);
 *   3. failing that, the latest earlier filing of that subject, filer and family (date order).
 * Chains are recomputed for one subject company at a time (`updateChains`), after any of its filings is stored,
 * because a newly stored filing can be the missing link of filings stored before it.
 * Not handled: a filing with several subject companies is chained under its first one only.
 */
import type Database from 'better-sqlite3';
import type { TableModel } from './model.js';

/** What chaining needs of a database: its better-sqlite3 handle (an EdgarDatabase is one). */
export interface SqliteHandle {
  readonly sqlite: Database.Database;
}

/**
 * Statements prepared once per connection: chains are recomputed after every stored filing, and preparing the same
 * dozen statements each time was a large part of a batch's store cost. (Each SQL text here is always used in the
 * same mode, `.pluck()` or not, so sharing the statement object is safe.)
 */
const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepareCached(sqlite: Database.Database, sql: string): Database.Statement {
  let byText = statementCache.get(sqlite);
  if (!byText) {
    byText = new Map();
    statementCache.set(sqlite, byText);
  }
  let stmt = byText.get(sql);
  if (!stmt) {
    stmt = sqlite.prepare(sql);
    byText.set(sql, stmt);
  }
  return stmt;
}

/**
 * The filings whose header names a subject company, by its CIK. `+role` keeps SQLite on the index on cik: without
 * table statistics it chose the one on role, which reads every filing's subject-company row, so the chains of each
 * commit in a batch cost more the larger the database already was (test/store/query-plans.test.ts).
 */
export const SUBJECT_COMPANY_FILINGS_SQL = "SELECT accession_number FROM filing_entities WHERE cik = ? AND +role = 'subject_company'";

export type ChainMethod = 'original' | 'previous_accession_number' | 'amendment_number' | 'date_order' | 'unlinked';

export const amendmentChainsTable: TableModel = {
  name: 'amendment_chains',
  doc:
    'Schedule 13D/13G filing (original or amendment) placed in its amendment chain. Not replaced by storeFiling: ' +
    'recomputed by `updateChains` for the whole subject company whenever one of its filings is stored',
  // Rebuilt per subject company by updateChains (a filing's row can change when another filing is stored), and
  // no foreign key: storeFiling replacing a filing must not cascade-delete the row updateChains needs to read.
  perFiling: false,
  primaryKey: ['accession_number'],
  columns: [
    { name: 'accession_number', type: 'TEXT', notNull: true, doc: 'the 13D/13G filing', example: '0001125282-03-003998' },
    {
      name: 'chain_id',
      type: 'TEXT',
      notNull: true,
      doc: 'accession number of the first stored filing of the chain (the original when it is stored); every filing of one chain has the same chain_id',
      example: '0001125282-01-500123',
    },
    {
      name: 'position',
      type: 'INTEGER',
      notNull: true,
      check: 'position >= 0',
      doc: 'place in the chain among the stored filings, in filing order: 0 for the first (normally the original), then 1, 2, …',
      example: '2',
    },
    {
      name: 'amends_accession_number',
      type: 'TEXT',
      doc: 'the filing this one amends: as declared (XML previousAccessionNumber, possibly a filing not stored here) or inferred (see method); NULL for an original or an amendment whose predecessor is not stored',
      example: '0001125282-02-000456',
    },
    {
      name: 'original_accession_number',
      type: 'TEXT',
      doc: 'the chain\'s original (non-amendment) filing, when it is stored; NULL when the stored chain starts with an amendment',
      example: '0001125282-01-500123',
    },
    {
      name: 'method',
      type: 'TEXT',
      notNull: true,
      check: "method IN ('original', 'previous_accession_number', 'amendment_number', 'date_order', 'unlinked')",
      doc:
        'how amends_accession_number was found: original (not an amendment), previous_accession_number (declared in the XML), ' +
        'amendment_number (same subject, filer and form family, amendment number one lower), date_order (the latest earlier filing of the same subject, filer and form family; intermediate amendments may be missing), ' +
        'unlinked (an amendment with no earlier filing stored)',
      example: 'amendment_number',
    },
    { name: 'subject_company_cik', type: 'TEXT', doc: 'the issuer: SUBJECT COMPANY CIK of the header (else schedule13.issuer_cik), 10 digits', example: '0000925528' },
    { name: 'filer_cik', type: 'TEXT', doc: 'the FILED BY CIK of the header (else the FILER that is not the subject company, else the first REPORTING-OWNER)', example: '0001105977' },
    { name: 'form_family', type: 'TEXT', notNull: true, check: "form_family IN ('13D', '13G')", doc: '13D or 13G (SC 13D, SC 13D/A, SCHEDULE 13D, SCHEDULE 13D/A → 13D)', example: '13D' },
    { name: 'is_amendment', type: 'INTEGER', notNull: true, check: 'is_amendment IN (0, 1)', doc: '1 for an amendment (form type ending /A, or an amendment number on the cover)', example: '1' },
    { name: 'amendment_number', type: 'INTEGER', check: 'amendment_number IS NULL OR amendment_number >= 0', doc: 'Amendment No. printed on the cover (schedule13.amendment_number); NULL for an original or when not printed', example: '2' },
  ],
  indexes: [
    { name: 'amendment_chains_chain', columns: ['chain_id', 'position'] },
    { name: 'amendment_chains_subject', columns: ['subject_company_cik'] },
    { name: 'amendment_chains_amends', columns: ['amends_accession_number'] },
  ],
};

/** `SC 13D/A`, `SCHEDULE 13G`, `SC13D` → family and amendment flag; null for any other form. */
export function scheduleFormFamily(formType: string | null | undefined): { family: '13D' | '13G'; amendment: boolean } | null {
  if (!formType) return null;
  const m = /^\s*(?:SC|SCHEDULE)\s*13\s*([DG])\s*(\/\s*A)?\s*$/i.exec(formType);
  if (!m) return null;
  return { family: `13${m[1]!.toUpperCase()}` as '13D' | '13G', amendment: Boolean(m[2]) };
}

interface Candidate {
  accessionNumber: string;
  filedAt: string | null;
  acceptanceDatetime: string | null;
  subjectCik: string | null;
  filerCik: string | null;
  family: '13D' | '13G';
  isAmendment: boolean;
  amendmentNumber: number | null;
  previousAccessionNumber: string | null;
}

interface ChainRow {
  accession_number: string;
  chain_id: string;
  position: number;
  amends_accession_number: string | null;
  original_accession_number: string | null;
  method: ChainMethod;
  subject_company_cik: string | null;
  filer_cik: string | null;
  form_family: '13D' | '13G';
  is_amendment: number;
  amendment_number: number | null;
}

/**
 * Recompute the chains of the subject company of `accessionNumber` (and of its former subject company, if a new
 * version of the filing changed it). Call it after `storeFiling`, inside or outside the store transaction (it runs
 * in its own transaction, a savepoint when nested). Filings that are not 13D/13G get no row.
 *
 * `declared`: the predecessor the submission declares (its XML `previousAccessionNumber`, read by the pipeline with
 * extract's `declaredPreviousAccession`; null when it declares none), used and remembered in this table for later
 * recomputations even when schedule13 has no previous_accession_number column. Undefined when the submission is not
 * at hand: a remembered declaration is then kept. The store never reads a submission itself.
 */
export function updateChains(db: SqliteHandle, accessionNumber: string, declared?: string | null): void {
  updateChainsOf(db, [{ accessionNumber, declared }]);
}

/** A filing whose chains are to be recomputed, with the predecessor it declares (see updateChains). */
export interface ChainUpdate {
  accessionNumber: string;
  declared?: string | null;
}

/**
 * updateChains for several stored filings at once (a batch's transaction, see batch/writer.ts): each subject company
 * they touch is recomputed once, not once per filing. The rows come out as updateChains after each filing in turn
 * would leave them, because a subject's chains are a function of its stored filings and their declared predecessors,
 * and every declaration is remembered (method previous_accession_number, resolved or not).
 */
export function updateChainsOf(db: SqliteHandle, updates: readonly ChainUpdate[]): void {
  if (updates.length === 0) return;
  const sqlite = db.sqlite;
  sqlite.transaction(() => {
    const ctx = new ChainContext(db);
    const subjects = new Set<string>();
    const loose = new Map<string, Candidate>();
    for (const { accessionNumber, declared } of updates) {
      const previous = prepareCached(sqlite, 'SELECT subject_company_cik AS cik, method, amends_accession_number AS amends FROM amendment_chains WHERE accession_number = ?').get(accessionNumber) as
        | { cik: string | null; method: ChainMethod; amends: string | null }
        | undefined;
      if (declared !== undefined) ctx.declared.set(accessionNumber, declared);
      else if (previous?.method === 'previous_accession_number' && !ctx.declared.has(accessionNumber)) ctx.declared.set(accessionNumber, previous.amends);
      if (previous?.cik) subjects.add(previous.cik);
      prepareCached(sqlite, 'DELETE FROM amendment_chains WHERE accession_number = ?').run(accessionNumber);
      loose.delete(accessionNumber);
      const self = ctx.candidate(accessionNumber);
      if (self?.subjectCik) subjects.add(self.subjectCik);
      // A 13D/13G without any subject company (a bare document): a chain of its own.
      else if (self) loose.set(accessionNumber, self);
    }
    for (const subject of subjects) ctx.rebuildSubject(subject);
    for (const self of loose.values()) ctx.write(null, computeChains([self]));
  })();
}

/** Recompute every chain in the database (after an upgrade that adds the table to an existing database). */
export function rebuildAllChains(db: SqliteHandle): void {
  db.sqlite.transaction(() => {
    const ctx = new ChainContext(db);
    for (const r of prepareCached(db.sqlite, "SELECT accession_number AS a, amends_accession_number AS p FROM amendment_chains WHERE method = 'previous_accession_number'").all() as { a: string; p: string | null }[]) {
      ctx.declared.set(r.a, r.p);
    }
    db.sqlite.exec('DELETE FROM amendment_chains');
    const accessions = prepareCached(db.sqlite, 'SELECT accession_number FROM filings ORDER BY accession_number').pluck().all() as string[];
    const subjects = new Set<string>();
    const loose: Candidate[] = [];
    for (const accession of accessions) {
      const c = ctx.candidate(accession);
      if (!c) continue;
      if (c.subjectCik) subjects.add(c.subjectCik);
      else loose.push(c);
    }
    for (const subject of subjects) ctx.rebuildSubject(subject);
    for (const c of loose) ctx.write(null, computeChains([c]));
  })();
}

class ChainContext {
  /**
   * Declared predecessors (XML previousAccessionNumber) known without schedule13's column: from the submission being
   * stored, or remembered in amendment_chains rows. A null entry means "declares none" and overrides the remembered.
   */
  readonly declared = new Map<string, string | null>();
  private readonly hasSchedule13: boolean;
  private readonly schedule13Columns: Set<string>;

  constructor(private readonly db: SqliteHandle) {
    this.schedule13Columns = new Set(
      (prepareCached(db.sqlite, "SELECT name FROM pragma_table_info('schedule13')").pluck().all() as string[]).map((n) => n.toLowerCase()),
    );
    this.hasSchedule13 = this.schedule13Columns.size > 0;
  }

  /** The facts chaining needs about one stored filing; null when it is not a 13D/13G (or not stored). */
  candidate(accessionNumber: string): Candidate | null {
    const sqlite = this.db.sqlite;
    const filing = prepareCached(sqlite, 'SELECT form_type, filed_at, acceptance_datetime FROM filings WHERE accession_number = ?').get(accessionNumber) as
      | { form_type: string | null; filed_at: string | null; acceptance_datetime: string | null }
      | undefined;
    if (!filing) return null;
    const entities = prepareCached(sqlite, 'SELECT role, cik, form_type FROM filing_entities WHERE accession_number = ? ORDER BY ordinal').all(accessionNumber) as {
      role: string;
      cik: string | null;
      form_type: string | null;
    }[];
    const s13 = this.schedule13Row(accessionNumber);
    const subject = entities.find((e) => e.role === 'subject_company' && e.cik);
    const subjectCik = subject?.cik ?? s13?.issuerCik ?? null;
    // The form: the cover page's, else the submission's, else the subject block's (combined submissions such as
    // SC TO-T/A carry the 13D as the subject company's FORM TYPE).
    const form = scheduleFormFamily(s13?.formType) ?? scheduleFormFamily(filing.form_type) ?? scheduleFormFamily(subject?.form_type);
    if (!form) return null;
    const filedBy = entities.find((e) => e.role === 'filed_by' && e.cik);
    const filer = entities.find((e) => e.role === 'filer' && e.cik && e.cik !== subjectCik);
    const owner = entities.find((e) => e.role === 'reporting_owner' && e.cik);
    const amendmentNumber = s13?.amendmentNumber ?? null;
    return {
      accessionNumber,
      filedAt: filing.filed_at,
      acceptanceDatetime: filing.acceptance_datetime,
      subjectCik,
      filerCik: filedBy?.cik ?? filer?.cik ?? owner?.cik ?? null,
      family: form.family,
      isAmendment: form.amendment || (amendmentNumber !== null && amendmentNumber >= 1),
      amendmentNumber,
      previousAccessionNumber: s13?.previousAccessionNumber ?? this.declared.get(accessionNumber) ?? null,
    };
  }

  rebuildSubject(subjectCik: string): void {
    const sqlite = this.db.sqlite;
    const remembered = prepareCached(sqlite, "SELECT accession_number AS a, amends_accession_number AS p FROM amendment_chains WHERE subject_company_cik = ? AND method = 'previous_accession_number'")
      .all(subjectCik) as { a: string; p: string | null }[];
    for (const r of remembered) if (!this.declared.has(r.a)) this.declared.set(r.a, r.p);
    const accessions = new Set(
      prepareCached(sqlite, SUBJECT_COMPANY_FILINGS_SQL).pluck().all(subjectCik) as string[],
    );
    if (this.hasSchedule13 && this.schedule13Columns.has('issuer_cik')) {
      for (const a of prepareCached(sqlite, 'SELECT accession_number FROM schedule13 WHERE issuer_cik = ?').pluck().all(subjectCik) as string[]) accessions.add(a);
    }
    for (const a of prepareCached(sqlite, 'SELECT accession_number FROM amendment_chains WHERE subject_company_cik = ?').pluck().all(subjectCik) as string[]) accessions.add(a);
    const candidates: Candidate[] = [];
    for (const a of accessions) {
      const c = this.candidate(a);
      // Only filings whose (first) subject is this company belong to its chains.
      if (c && c.subjectCik === subjectCik) candidates.push(c);
    }
    this.write(subjectCik, computeChains(candidates));
  }

  /**
   * Store the chain rows of one subject (null: a filing of its own) in place of its current ones. Rows already stored
   * exactly as computed are left alone: a subject is recomputed after each of its filings, and rewriting all of its
   * rows (and their indexes) each time made a batch's store cost grow with the square of a subject's filings.
   */
  write(subjectCik: string | null, rows: ChainRow[]): void {
    const sqlite = this.db.sqlite;
    const del = prepareCached(sqlite, 'DELETE FROM amendment_chains WHERE accession_number = ?');
    const stored = new Map<string, Record<string, unknown>>();
    if (subjectCik !== null) {
      for (const r of prepareCached(sqlite, 'SELECT * FROM amendment_chains WHERE subject_company_cik = ?').all(subjectCik) as Record<string, unknown>[]) {
        stored.set(r.accession_number as string, r);
      }
      const computed = new Set(rows.map((row) => row.accession_number));
      for (const accession of stored.keys()) if (!computed.has(accession)) del.run(accession);
    }
    const insert = prepareCached(
      sqlite,
      `INSERT INTO amendment_chains (accession_number, chain_id, position, amends_accession_number, original_accession_number, method,
         subject_company_cik, filer_cik, form_family, is_amendment, amendment_number)
       VALUES (@accession_number, @chain_id, @position, @amends_accession_number, @original_accession_number, @method,
         @subject_company_cik, @filer_cik, @form_family, @is_amendment, @amendment_number)`,
    );
    for (const row of rows) {
      const current = stored.get(row.accession_number);
      if (current && sameChainRow(current, row)) continue;
      del.run(row.accession_number);
      insert.run(row);
    }
  }

  private schedule13Row(accessionNumber: string): { issuerCik: string | null; formType: string | null; amendmentNumber: number | null; previousAccessionNumber: string | null } | null {
    if (!this.hasSchedule13) return null;
    const col = (name: string): string => (this.schedule13Columns.has(name) ? name : `NULL AS ${name}`);
    const row = prepareCached(this.db.sqlite, `SELECT ${col('issuer_cik')}, ${col('form_type')}, ${col('amendment_number')}, ${col('previous_accession_number')} FROM schedule13 WHERE accession_number = ?`)
      .get(accessionNumber) as { issuer_cik: string | null; form_type: string | null; amendment_number: number | string | null; previous_accession_number: string | null } | undefined;
    if (!row) return null;
    const n = row.amendment_number === null || row.amendment_number === '' ? null : Number(row.amendment_number);
    return {
      issuerCik: row.issuer_cik,
      formType: row.form_type,
      amendmentNumber: n !== null && Number.isInteger(n) && n >= 0 ? n : null,
      previousAccessionNumber: row.previous_accession_number?.trim() || null,
    };
  }
}

function sameChainRow(stored: Record<string, unknown>, row: ChainRow): boolean {
  for (const key of Object.keys(row) as (keyof ChainRow)[]) if (stored[key] !== row[key]) return false;
  return true;
}

/** Filing order: date filed, then acceptance time, then accession number (a stable tie-break). */
function compareFilingOrder(a: Candidate, b: Candidate): number {
  const ka = `${a.filedAt ?? '9999-99-99'}|${a.acceptanceDatetime ?? ''}|${a.accessionNumber}`;
  const kb = `${b.filedAt ?? '9999-99-99'}|${b.acceptanceDatetime ?? ''}|${b.accessionNumber}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The chain rows for one subject company's filings. */
function computeChains(candidates: Candidate[]): ChainRow[] {
  const sorted = [...candidates].sort(compareFilingOrder);
  const byAccession = new Map(sorted.map((c) => [c.accessionNumber, c]));
  const amends = new Map<string, { target: string | null; method: ChainMethod }>();
  /** The stored filing each filing hangs from in its chain (null: starts a chain). */
  const parent = new Map<string, string | null>();

  const groups = new Map<string, Candidate[]>();
  for (const c of sorted) {
    const key = `${c.filerCik ?? ''}|${c.family}`;
    const group = groups.get(key) ?? [];
    group.push(c);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    group.forEach((c, i) => {
      // The group is in filing order: the filings before c are group[0 … i-1] (not a copy: a slice per filing made a
      // subject's chains cost the square of its filings at every commit).
      const inferred = inferPredecessor(c, group, i);
      if (c.previousAccessionNumber && c.previousAccessionNumber !== c.accessionNumber) {
        amends.set(c.accessionNumber, { target: c.previousAccessionNumber, method: 'previous_accession_number' });
        // Declared but not stored: the chain still continues through the best stored guess.
        parent.set(c.accessionNumber, byAccession.has(c.previousAccessionNumber) ? c.previousAccessionNumber : (inferred?.accessionNumber ?? null));
      } else if (!c.isAmendment) {
        amends.set(c.accessionNumber, { target: null, method: 'original' });
        parent.set(c.accessionNumber, null);
      } else if (inferred) {
        amends.set(c.accessionNumber, { target: inferred.accessionNumber, method: inferred.method });
        parent.set(c.accessionNumber, inferred.accessionNumber);
      } else {
        amends.set(c.accessionNumber, { target: null, method: 'unlinked' });
        parent.set(c.accessionNumber, null);
      }
    });
  }

  const rootOf = (accession: string): string => {
    const seen = new Set<string>();
    let current = accession;
    for (;;) {
      seen.add(current);
      const p = parent.get(current) ?? null;
      // A cycle (two filings declaring each other) is cut at the point it closes.
      if (p === null || seen.has(p) || !byAccession.has(p)) return current;
      current = p;
    }
  };

  const chains = new Map<string, Candidate[]>();
  for (const c of sorted) {
    const root = rootOf(c.accessionNumber);
    const members = chains.get(root) ?? [];
    members.push(c);
    chains.set(root, members);
  }
  const rows: ChainRow[] = [];
  for (const [, members] of chains) {
    // members are in filing order already (sorted above); the chain's id is its first stored filing.
    const first = members[0]!;
    const original = first.isAmendment ? null : first;
    members.forEach((m, position) => {
      const link = amends.get(m.accessionNumber)!;
      rows.push({
        accession_number: m.accessionNumber,
        chain_id: first.accessionNumber,
        position,
        amends_accession_number: link.target,
        original_accession_number: original?.accessionNumber ?? null,
        method: link.method,
        subject_company_cik: m.subjectCik,
        filer_cik: m.filerCik,
        form_family: m.family,
        is_amendment: m.isAmendment ? 1 : 0,
        amendment_number: m.amendmentNumber,
      });
    });
  }
  return rows;
}

/**
 * For an amendment: the latest earlier filing numbered one lower, else simply the latest earlier filing. The earlier
 * filings are `group[0 … count-1]`, in filing order.
 */
function inferPredecessor(c: Candidate, group: readonly Candidate[], count: number): { accessionNumber: string; method: 'amendment_number' | 'date_order' } | null {
  if (count === 0) return null;
  if (c.amendmentNumber !== null && c.amendmentNumber >= 1) {
    const wanted = c.amendmentNumber - 1;
    for (let i = count - 1; i >= 0; i--) {
      const e = group[i]!;
      const number = e.isAmendment ? e.amendmentNumber : 0;
      if (number === wanted) return { accessionNumber: e.accessionNumber, method: 'amendment_number' };
    }
  }
  return { accessionNumber: group[count - 1]!.accessionNumber, method: 'date_order' };
}
