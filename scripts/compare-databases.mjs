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
 * - `--expect table.column[,table.column…]` (repeatable) names the columns a change is meant to alter, and
 *   `table.*` a table it is meant to alter as a whole, or add or remove (`schema_migrations` after a new migration). Every other column
 *   must still be identical, row for row; the script then counts, per expected column, the rows whose value changed,
 *   and fails when an expected column did not change at all (the change did not do what it claimed).
 * Exit 0 when identical (or different only where expected), 1 with the first differences per table otherwise.
 */
import Database from 'better-sqlite3';

const args = process.argv.slice(2);
const ignored = new Set(['stored_at', 'applied_at']);
if (args.includes('--ignore-source-name')) ignored.add('source_name');
/** table → the columns expected to differ ('*': the whole table). */
const expected = new Map();
const positional = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--expect') {
    for (const name of (args[++i] ?? '').split(',').filter(Boolean)) {
      const [table, column] = name.split('.');
      if (!table || !column) {
        console.error(`--expect takes table.column or table.*, not ${name}`);
        process.exit(2);
      }
      expected.set(table, [...(expected.get(table) ?? []), column]);
    }
  } else if (!args[i].startsWith('--')) positional.push(args[i]);
}
const [leftPath, rightPath] = positional;
if (!leftPath || !rightPath) {
  console.error('usage: node scripts/compare-databases.mjs BEFORE.db AFTER.db [--ignore-source-name] [--expect table.column,…]');
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
const wholly = (t) => (expected.get(t) ?? []).includes('*');
for (const t of leftTables.filter((n) => !rightTables.includes(n))) {
  console.log(`${t}: only in ${leftPath}${wholly(t) ? ' (expected)' : ''}`);
  if (!wholly(t)) differences += 1;
}
for (const t of rightTables.filter((n) => !leftTables.includes(n))) {
  console.log(`${t}: only in ${rightPath}${wholly(t) ? ' (expected)' : ''}`);
  if (!wholly(t)) differences += 1;
}
let expectedChanges = 0;
for (const table of leftTables.filter((n) => rightTables.includes(n))) {
  const meant = expected.get(table) ?? [];
  if (meant.includes('*')) {
    const count = (db) => db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get();
    console.log(`${table}: expected to differ as a whole (${count(left)} rows before, ${count(right)} after)`);
    continue;
  }
  const cols = columnsOf(left, table).filter((c) => !ignored.has(c) && !meant.includes(c));
  const rightCols = columnsOf(right, table).filter((c) => !ignored.has(c) && !meant.includes(c));
  if (cols.join(',') !== rightCols.join(',')) {
    console.log(`${table}: columns differ\n  ${cols.join(', ')}\n  ${rightCols.join(', ')}`);
    differences += 1;
    continue;
  }
  for (const c of meant) {
    if (!columnsOf(left, table).includes(c) || !columnsOf(right, table).includes(c)) {
      console.log(`${table}.${c}: expected to differ, but not a column of both databases`);
      differences += 1;
    }
  }
  const present = meant.filter((c) => columnsOf(left, table).includes(c) && columnsOf(right, table).includes(c));
  // The expected columns come last: compared apart, and ordering only rows the other columns leave tied.
  const quoted = [...cols, ...present].map((c) => `"${c}"`).join(', ');
  const sql = `SELECT ${quoted} FROM "${table}" ORDER BY ${[...cols, ...present].map((_c, i) => i + 1).join(', ')}`;
  const changed = present.map(() => 0);
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
    if (x.value.length !== y.value.length || cols.some((_c, i) => !same(x.value[i], y.value[i]))) {
      tableDiffs += 1;
      if (tableDiffs <= 3) console.log(`${table}: row ${rows} differs\n  - ${show(x.value)}\n  + ${show(y.value)}`);
      continue;
    }
    present.forEach((_c, k) => {
      const i = cols.length + k;
      if (!same(x.value[i], y.value[i])) {
        changed[k] += 1;
        if (changed[k] === 1) console.log(`${table}.${present[k]}: first change\n  - ${show([x.value[i]])}\n  + ${show([y.value[i]])}`);
      }
    });
  }
  const expectedNote = present.map((c, k) => `${c} changed in ${changed[k]}`).join(', ');
  console.log(`${table}: ${rows} rows, ${tableDiffs === 0 ? 'identical' : `${tableDiffs} differences`}${expectedNote ? ` apart from the expected columns (${expectedNote})` : ''}`);
  differences += tableDiffs;
  present.forEach((c, k) => {
    if (changed[k] === 0 && rows > 0) {
      console.log(`${table}.${c}: expected to differ, but identical in every row`);
      differences += 1;
    }
    expectedChanges += changed[k];
  });
}
for (const table of expected.keys()) {
  if (!leftTables.includes(table) && !rightTables.includes(table)) {
    console.log(`${table}: named by --expect, but a table of neither database`);
    differences += 1;
  }
}
left.close();
right.close();
const verdict = expected.size ? `databases identical apart from the expected columns (${expectedChanges} changed values)` : 'databases identical';
console.log(differences === 0 ? verdict : `${differences} differences`);
process.exit(differences === 0 ? 0 : 1);
