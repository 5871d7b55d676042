#!/usr/bin/env node
// Compares every stored row of two edgar-extract databases: `node scripts/compare-databases.mjs before.db after.db`.
// A refactor that must not change output builds a database before and after over the same inputs and runs this.
//
// Rows are compared as multisets of SQL literals (`quote()` of each column), so 1 and 1.0, '1' and 1, and blob bytes
// all count as different, while the order rows were inserted in does not. FTS5 virtual tables are compared through
// their own rows, not their shadow tables (whose b-tree pages depend on insertion order). Columns that hold the
// wall-clock time of a run differ by design and are skipped; `--ignore table.column` skips more.
// Exit 0 when every table holds the same rows, 1 when any differs, 2 on usage errors.
import Database from 'better-sqlite3';

const WALL_CLOCK_COLUMNS = ['filings.stored_at', 'schema_migrations.applied_at'];
const FTS5_SHADOW_SUFFIXES = ['_data', '_idx', '_docsize', '_config', '_content'];

const args = process.argv.slice(2);
const paths = [];
const ignored = new Set(WALL_CLOCK_COLUMNS);
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--ignore' && args[i + 1]) ignored.add(args[(i += 1)]);
  else paths.push(args[i]);
}
if (paths.length !== 2) {
  console.error('usage: node scripts/compare-databases.mjs BEFORE.db AFTER.db [--ignore table.column]...');
  process.exit(2);
}

const quoteId = (name) => `"${name.replaceAll('"', '""')}"`;

/** The tables whose rows are compared: ordinary tables and FTS5 tables, without FTS5 shadow tables. */
function tablesOf(db) {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  const fts = rows.filter((r) => /^CREATE VIRTUAL TABLE .* USING fts5/is.test(r.sql ?? '')).map((r) => r.name);
  const shadows = new Set(fts.flatMap((name) => FTS5_SHADOW_SUFFIXES.map((suffix) => name + suffix)));
  return rows.map((r) => r.name).filter((name) => !shadows.has(name)).sort();
}

function columnsOf(db, table) {
  return db.prepare(`SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0`).all(table).map((c) => c.name)
    .filter((name) => !ignored.has(`${table}.${name}`));
}

/** Every row of a table as one string of SQL literals, sorted. */
function rowsOf(db, table, columns) {
  if (columns.length === 0) return [];
  const select = columns.map((c) => `quote(${quoteId(c)})`).join(', ');
  return db.prepare(`SELECT ${select} FROM ${quoteId(table)}`).raw().all().map((r) => r.join('\u001f')).sort();
}

const [before, after] = paths.map((path) => new Database(path, { readonly: true, fileMustExist: true }));
const tables = [...new Set([...tablesOf(before), ...tablesOf(after)])].sort();
const inBefore = new Set(tablesOf(before));
const inAfter = new Set(tablesOf(after));
let differences = 0;
let compared = 0;

for (const table of tables) {
  if (!inBefore.has(table) || !inAfter.has(table)) {
    console.log(`${table}: only in ${inBefore.has(table) ? paths[0] : paths[1]}`);
    differences += 1;
    continue;
  }
  const columns = columnsOf(before, table);
  const afterColumns = columnsOf(after, table);
  if (columns.join(',') !== afterColumns.join(',')) {
    console.log(`${table}: columns differ: (${columns.join(', ')}) vs (${afterColumns.join(', ')})`);
    differences += 1;
    continue;
  }
  const a = rowsOf(before, table, columns);
  const b = rowsOf(after, table, columns);
  compared += a.length;
  // Multiset difference over the two sorted lists.
  const onlyA = [];
  const onlyB = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) onlyA.push(a[i++]);
    else if (i >= a.length || b[j] < a[i]) onlyB.push(b[j++]);
    else { i += 1; j += 1; }
  }
  if (onlyA.length === 0 && onlyB.length === 0) {
    console.log(`${table}: ${a.length} rows identical`);
    continue;
  }
  differences += 1;
  console.log(`${table}: ${onlyA.length} rows only in ${paths[0]}, ${onlyB.length} rows only in ${paths[1]}`);
  const show = (row) => row.replaceAll('\u001f', ' | ').slice(0, 300);
  for (const row of onlyA.slice(0, 3)) console.log(`  - ${show(row)}`);
  for (const row of onlyB.slice(0, 3)) console.log(`  + ${show(row)}`);
}

console.log(differences === 0
  ? `identical: ${tables.length} tables, ${compared} rows (ignored columns: ${[...ignored].join(', ')})`
  : `DIFFERENT: ${differences} of ${tables.length} tables differ`);
process.exit(differences === 0 ? 0 : 1);
