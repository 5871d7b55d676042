#!/usr/bin/env node
/**
 * Compare two edgar-extract databases table by table: `node scripts/compare-databases.mjs before.db after.db`.
 * Used to prove a speed change stores byte-identical rows (store the same corpus with both versions, then compare).
 *
 * - Every ordinary table and view-free virtual table (FTS5 `document_text` through its own SELECT) is read in full,
 *   ordered by all its columns, and compared value by value (strings, numbers, blobs byte for byte).
 * - FTS5 shadow tables (`<fts>_data`, `_idx`, `_content`, `_docsize`, `_config`) are skipped: their b-tree segments
 *   depend on how many filings went into each transaction, not on what was stored; the indexed text is compared
 *   through the virtual table instead.
 * - Columns that record when or where a run happened are ignored: `stored_at`, `applied_at`, and with
 *   `--ignore-source-name` the input path (`source_name`).
 * Exit 0 when identical, 1 with the first differences per table otherwise.
 */
import Database from 'better-sqlite3';

const args = process.argv.slice(2);
const ignored = new Set(['stored_at', 'applied_at']);
if (args.includes('--ignore-source-name')) ignored.add('source_name');
const [leftPath, rightPath] = args.filter((a) => !a.startsWith('--'));
if (!leftPath || !rightPath) {
  console.error('usage: node scripts/compare-databases.mjs BEFORE.db AFTER.db [--ignore-source-name]');
  process.exit(2);
}

const left = new Database(leftPath, { readonly: true, fileMustExist: true });
const right = new Database(rightPath, { readonly: true, fileMustExist: true });

function tablesOf(db) {
  const all = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  const fts = all.filter((t) => /CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const shadow = (name) => fts.some((f) => name.startsWith(`${f}_`) && /_(data|idx|content|docsize|config)$/.test(name));
  return all.map((t) => t.name).filter((name) => !shadow(name));
}

function columnsOf(db, table) {
  return db.prepare(`SELECT name FROM pragma_table_xinfo('${table.replace(/'/g, "''")}') WHERE hidden = 0`).pluck().all();
}

const same = (a, b) => {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return a === b || (typeof a === 'bigint' && typeof b === 'bigint' && a === b);
};
const show = (row) => JSON.stringify(row, (_k, v) => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 120)}…` : v));

let differences = 0;
const leftTables = tablesOf(left);
const rightTables = tablesOf(right);
for (const t of leftTables.filter((n) => !rightTables.includes(n))) {
  console.log(`${t}: only in ${leftPath}`);
  differences += 1;
}
for (const t of rightTables.filter((n) => !leftTables.includes(n))) {
  console.log(`${t}: only in ${rightPath}`);
  differences += 1;
}
for (const table of leftTables.filter((n) => rightTables.includes(n))) {
  const cols = columnsOf(left, table).filter((c) => !ignored.has(c));
  const rightCols = columnsOf(right, table).filter((c) => !ignored.has(c));
  if (cols.join(',') !== rightCols.join(',')) {
    console.log(`${table}: columns differ\n  ${cols.join(', ')}\n  ${rightCols.join(', ')}`);
    differences += 1;
    continue;
  }
  const quoted = cols.map((c) => `"${c}"`).join(', ');
  const sql = `SELECT ${quoted} FROM "${table}" ORDER BY ${cols.map((_c, i) => i + 1).join(', ')}`;
  const a = left.prepare(sql).raw().iterate();
  const b = right.prepare(sql).raw().iterate();
  let rows = 0;
  let tableDiffs = 0;
  for (;;) {
    const x = a.next();
    const y = b.next();
    if (x.done && y.done) break;
    if (x.done || y.done) {
      console.log(`${table}: ${x.done ? rightPath : leftPath} has more rows (after ${rows})`);
      tableDiffs += 1;
      if (!x.done) a.return?.();
      if (!y.done) b.return?.();
      break;
    }
    rows += 1;
    if (x.value.length !== y.value.length || x.value.some((v, i) => !same(v, y.value[i]))) {
      tableDiffs += 1;
      if (tableDiffs <= 3) console.log(`${table}: row ${rows} differs\n  - ${show(x.value)}\n  + ${show(y.value)}`);
    }
  }
  console.log(`${table}: ${rows} rows, ${tableDiffs === 0 ? 'identical' : `${tableDiffs} differences`}`);
  differences += tableDiffs;
}
left.close();
right.close();
console.log(differences === 0 ? 'databases identical' : `${differences} differences`);
process.exit(differences === 0 ? 0 : 1);
