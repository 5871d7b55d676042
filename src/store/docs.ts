/**
 * Generates docs/schema.md from what a freshly migrated database actually contains, described by the models that
 * created it: table models (columns, types, keys, CHECKs, indexes, meaning, examples), view models (views.ts), FTS
 * models (document-text.ts, item-text.ts), plus the hand-written docs/schema-notes.md (conventions, example queries), which is
 * inserted around the generated reference at its `<!-- reference -->` marker.
 *
 * Every table, view and column in the database must have a description; anything missing is reported as a problem
 * (and scripts/schema-docs.mjs refuses to write), so an undocumented column cannot ship. test/store/schema-docs.test.ts
 * compares the committed docs/schema.md with the database, both ways.
 */
import type Database from 'better-sqlite3';
import { amendmentChainsTable } from './chains.js';
import { openDatabase } from './database.js';
import { documentTextFts, type FtsModel } from './document-text.js';
import { itemsFtsModel } from './item-text.js';
import { ERROR_CODES, WARNING_CODES } from '../errors/codes.js';
import { allTables } from './migrations.js';
import type { TableModel } from './model.js';
import { allViewModels, type ViewModel } from './views.js';

/** The migrations bookkeeping table is created by database.ts, not from a model; it is described here. */
const schemaMigrationsModel: TableModel = {
  name: 'schema_migrations',
  doc: 'migration applied to this database (the schema\'s version history; see src/store/migrations.ts)',
  perFiling: false,
  primaryKey: ['version'],
  columns: [
    { name: 'version', type: 'INTEGER', notNull: true, doc: 'migration number, in the order applied', example: '1' },
    { name: 'name', type: 'TEXT', notNull: true, doc: 'what the migration adds', example: 'submissions, header entities, documents, warnings' },
    { name: 'applied_at', type: 'TEXT', notNull: true, doc: 'when it was applied to this database (UTC ISO time)', example: '2025-01-31T12:00:00.000Z' },
  ],
};

/** Models of objects the table list does not hold (lookup only: the database decides what is documented). */
const EXTRA_TABLE_MODELS: TableModel[] = [amendmentChainsTable, schemaMigrationsModel];
const FTS_MODELS: FtsModel[] = [documentTextFts, itemsFtsModel];

/** Shadow tables FTS5 keeps for a virtual table `x` (internal: never queried directly). */
export const FTS5_SHADOW_SUFFIXES = ['_data', '_idx', '_content', '_docsize', '_config'];

export const REFERENCE_MARKER = '<!-- reference -->';
export const REFERENCE_START = '<!-- reference:start -->';
export const REFERENCE_END = '<!-- reference:end -->';

export interface SchemaObject {
  kind: 'table' | 'view' | 'fts';
  name: string;
  /** Column names as the database reports them (pragma table_info). */
  columns: string[];
}

/** Every table, view and full-text table of a database a user would query, with its columns (FTS shadow tables omitted). */
export function listSchemaObjects(sqlite: Database.Database): { objects: SchemaObject[]; problems: string[] } {
  const problems: string[] = [];
  const master = sqlite
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .all() as { type: 'table' | 'view'; name: string; sql: string | null }[];
  const fts = new Set(master.filter((m) => m.type === 'table' && /^CREATE VIRTUAL TABLE\b[\s\S]*\bUSING\s+fts5\b/i.test(m.sql ?? '')).map((m) => m.name));
  const shadow = new Set([...fts].flatMap((name) => FTS5_SHADOW_SUFFIXES.map((s) => `${name}${s}`)));
  const objects: SchemaObject[] = [];
  for (const m of master) {
    if (shadow.has(m.name)) continue;
    let columns: string[] = [];
    try {
      columns = (sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(m.name) as string[]);
    } catch (error) {
      problems.push(`${m.type} ${m.name} cannot be read: ${(error as Error).message}`);
    }
    objects.push({ kind: fts.has(m.name) ? 'fts' : m.type, name: m.name, columns });
  }
  return { objects, problems };
}

interface IndexInfo {
  name: string;
  columns: string[];
  unique: boolean;
}

function indexesOf(sqlite: Database.Database, table: string): IndexInfo[] {
  const list = sqlite.prepare('SELECT name, "unique" AS u, origin FROM pragma_index_list(?)').all(table) as { name: string; u: number; origin: string }[];
  return list
    .filter((i) => i.origin === 'c')
    .map((i) => ({
      name: i.name,
      unique: i.u === 1,
      columns: (sqlite.prepare('SELECT coalesce(name, \'<expression>\') FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno').pluck().all(i.name) as string[]),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function foreignKeysOf(sqlite: Database.Database, table: string): string[] {
  const rows = sqlite.prepare('SELECT id, "from" AS f, "table" AS t, "to" AS c, on_delete AS d FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(table) as {
    id: number;
    f: string;
    t: string;
    c: string | null;
    d: string;
  }[];
  const byId = new Map<number, { from: string[]; table: string; to: string[]; onDelete: string }>();
  for (const r of rows) {
    const fk = byId.get(r.id) ?? { from: [], table: r.t, to: [], onDelete: r.d };
    fk.from.push(r.f);
    fk.to.push(r.c ?? '');
    byId.set(r.id, fk);
  }
  return [...byId.values()].map(
    (fk) => `\`${fk.from.join(', ')}\` → \`${fk.table}\` (\`${fk.to.join(', ')}\`)${fk.onDelete && fk.onDelete !== 'NO ACTION' ? `, on delete ${fk.onDelete.toLowerCase()}` : ''}`,
  );
}

function primaryKeyOf(sqlite: Database.Database, table: string): string[] {
  const rows = sqlite.prepare('SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as { name: string; pk: number }[];
  return rows.map((r) => r.name);
}

/** Markdown table cell: pipes escaped, line breaks flattened. */
function cell(text: string | undefined | null): string {
  if (text === undefined || text === null || text === '') return '';
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function code(text: string | undefined | null): string {
  if (text === undefined || text === null || text === '') return '';
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The code registries (src/errors/codes.ts) beside the warnings table: every `warnings.code`, and every code of an
 * error the library throws. Code names are not in backticks so parseSchemaDocs does not read them as columns.
 */
function renderCodes(): string {
  const out = ['#### Warning codes (`warnings.code`)', '', '| code | stage | meaning |', '|---|---|---|'];
  for (const [name, info] of Object.entries(WARNING_CODES)) out.push(`| ${name} | ${info.stage} | ${cell(info.doc)} |`);
  out.push('', '#### Error codes (thrown, not stored: `error.code` in the library, `edgar-extract: CODE: …` on the command line)', '', '| code | meaning |', '|---|---|');
  for (const [name, doc] of Object.entries(ERROR_CODES)) out.push(`| ${name} | ${cell(doc)} |`);
  return out.join('\n');
}

function renderTable(sqlite: Database.Database, model: TableModel, columns: string[], problems: string[]): string {
  const out: string[] = [`### \`${model.name}\``, '', sentence(`One row per ${model.doc}`), ''];
  if (!model.doc.trim()) problems.push(`table ${model.name}: no description (TableModel.doc)`);
  const pk = primaryKeyOf(sqlite, model.name);
  const facts: string[] = [];
  if (pk.length) facts.push(`Primary key: \`${pk.join(', ')}\`.`);
  const fks = foreignKeysOf(sqlite, model.name);
  if (fks.length) facts.push(`Foreign key${fks.length > 1 ? 's' : ''}: ${fks.join('; ')}.`);
  const indexes = indexesOf(sqlite, model.name);
  if (indexes.length) facts.push(`Indexes: ${indexes.map((i) => `\`${i.name}\` (${i.columns.map((c) => `\`${c}\``).join(', ')})${i.unique ? ' unique' : ''}`).join(', ')}.`);
  if (model.perFiling) facts.push('Rows are replaced as a whole when their filing is stored again.');
  if (facts.length) out.push(facts.join(' '), '');
  const info = new Map(
    (sqlite.prepare('SELECT name, type, "notnull" AS nn FROM pragma_table_info(?)').all(model.name) as { name: string; type: string; nn: number }[]).map((c) => [c.name, c]),
  );
  out.push('| column | type | null | meaning | example | check |', '|---|---|---|---|---|---|');
  for (const name of columns) {
    const col = model.columns.find((c) => c.name === name);
    if (!col) {
      problems.push(`table ${model.name}: column ${name} is in the database but not in its model`);
      continue;
    }
    if (!col.doc.trim()) problems.push(`table ${model.name}: column ${name} has no description`);
    const i = info.get(name);
    out.push(`| \`${name}\` | ${i?.type || col.type} | ${i?.nn || pk.includes(name) ? 'not null' : ''} | ${cell(col.doc)} | ${code(col.example)} | ${code(col.check)} |`);
  }
  for (const col of model.columns) {
    if (!columns.includes(col.name)) problems.push(`table ${model.name}: model column ${col.name} is not in the database (a migration is missing)`);
  }
  return out.join('\n');
}

function renderView(sqlite: Database.Database, view: ViewModel, columns: string[], problems: string[]): string {
  const out: string[] = [`### \`${view.name}\``, '', sentence(`One row per ${view.doc}`), '', `Reads: ${view.requires.map((r) => `\`${r}\``).join(', ')}.`, ''];
  const types = new Map((sqlite.prepare('SELECT name, type FROM pragma_table_info(?)').all(view.name) as { name: string; type: string }[]).map((c) => [c.name, c.type]));
  out.push('| column | type | meaning | example |', '|---|---|---|---|');
  for (const name of columns) {
    const col = view.columns.find((c) => c.name === name);
    if (!col || !col.doc.trim()) {
      problems.push(`view ${view.name}: column ${name} has no description (views.ts)`);
      continue;
    }
    out.push(`| \`${name}\` | ${types.get(name) || col.type || ''} | ${cell(col.doc)} | ${code(col.example)} |`);
  }
  for (const col of view.columns) {
    if (!columns.includes(col.name)) problems.push(`view ${view.name}: documented column ${col.name} is not in the view`);
  }
  out.push('', '<details><summary>Definition</summary>', '', '```sql', `CREATE VIEW ${view.name} AS`, view.select, '```', '', '</details>');
  return out.join('\n');
}

function renderFts(sqlite: Database.Database, model: FtsModel, columns: string[], problems: string[]): string {
  const shadows = FTS5_SHADOW_SUFFIXES.map((s) => `${model.name}${s}`).filter((n) => sqlite.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(n) !== undefined);
  const out: string[] = [
    `### \`${model.name}\``,
    '',
    sentence(`One row per ${model.doc}`),
    '',
    `FTS5 virtual table, tokenizer \`${model.tokenize}\` (words are stemmed: "waivers" finds "waiver"). FTS5 keeps its index in the shadow tables ${shadows.map((n) => `\`${n}\``).join(', ')}; do not query or change those.`,
    '',
    '| column | type | searchable | meaning | example |',
    '|---|---|---|---|---|',
  ];
  for (const name of columns) {
    const col = model.columns.find((c) => c.name === name);
    if (!col || !col.doc.trim()) {
      problems.push(`full-text table ${model.name}: column ${name} has no description`);
      continue;
    }
    out.push(`| \`${name}\` | ${col.type} | ${col.unindexed ? 'no' : 'yes'} | ${cell(col.doc)} | ${code(col.example)} |`);
  }
  for (const col of model.columns) {
    if (!columns.includes(col.name)) problems.push(`full-text table ${model.name}: documented column ${col.name} is not in the database`);
  }
  return out.join('\n');
}

export interface SchemaDocs {
  markdown: string;
  /** Undocumented tables, views or columns, and model/database disagreements. Empty when all is described. */
  problems: string[];
}

/**
 * Document the database a fresh `openDatabase(':memory:')` creates (or `sqlite`, when given). `notes` is the text
 * of docs/schema-notes.md; the generated reference replaces its `<!-- reference -->` line (or follows it).
 */
export function generateSchemaDocs(notes: string, sqlite?: Database.Database): SchemaDocs {
  const db = sqlite ? null : openDatabase(':memory:');
  const handle = sqlite ?? db!.sqlite;
  try {
    return renderSchemaDocs(handle, notes);
  } finally {
    db?.close();
  }
}

function renderSchemaDocs(sqlite: Database.Database, notes: string): SchemaDocs {
  const { objects, problems } = listSchemaObjects(sqlite);
  const tableNames = objects.filter((o) => o.kind !== 'view').map((o) => o.name);
  const modelOrder = [...allTables(), ...EXTRA_TABLE_MODELS];
  const tableModels = new Map(modelOrder.map((m) => [m.name, m]));
  const viewModels = allViewModels(tableNames);
  const views = new Map(viewModels.map((v) => [v.name, v]));
  const fts = new Map(FTS_MODELS.map((m) => [m.name, m]));
  const rank = (names: string[], name: string): number => {
    const i = names.indexOf(name);
    return i < 0 ? names.length : i;
  };
  const byModelOrder = (names: string[]) => (a: SchemaObject, b: SchemaObject) => rank(names, a.name) - rank(names, b.name) || a.name.localeCompare(b.name);

  const tables = objects.filter((o) => o.kind === 'table').sort(byModelOrder(modelOrder.map((m) => m.name)));
  const viewObjects = objects.filter((o) => o.kind === 'view').sort(byModelOrder(viewModels.map((v) => v.name)));
  const ftsObjects = objects.filter((o) => o.kind === 'fts');

  const sections: string[] = [REFERENCE_START, '', '## Tables', ''];
  for (const t of tables) {
    const model = tableModels.get(t.name);
    if (!model) {
      problems.push(`table ${t.name} has no model: describe it with a TableModel (src/store/tables/) or in src/store/docs.ts`);
      continue;
    }
    sections.push(renderTable(sqlite, model, t.columns, problems), '');
    if (t.name === 'warnings') sections.push(renderCodes(), '');
  }
  sections.push('## Views', '');
  if (viewObjects.length === 0) sections.push('No views in this version of the schema.', '');
  for (const v of viewObjects) {
    const model = views.get(v.name);
    if (!model) {
      problems.push(`view ${v.name} has no model in src/store/views.ts`);
      continue;
    }
    sections.push(renderView(sqlite, model, v.columns, problems), '');
  }
  sections.push('## Full-text search', '');
  if (ftsObjects.length === 0) sections.push('No full-text tables in this version of the schema.', '');
  for (const f of ftsObjects) {
    const model = fts.get(f.name);
    if (!model) {
      problems.push(`full-text table ${f.name} has no model (src/store/docs.ts FTS_MODELS)`);
      continue;
    }
    sections.push(renderFts(sqlite, model, f.columns, problems), '');
  }
  sections.push(REFERENCE_END);
  const reference = sections.join('\n');

  const header =
    '<!-- Generated by scripts/schema-docs.mjs (src/store/docs.ts) from the table models, src/store/views.ts, ' +
    'src/store/document-text.ts and docs/schema-notes.md. Do not edit by hand: edit those, then run `npm run build && node scripts/schema-docs.mjs`. -->';
  const body = notes.includes(REFERENCE_MARKER) ? notes.replace(REFERENCE_MARKER, reference) : `${notes.trimEnd()}\n\n${reference}\n`;
  const markdown = `${header}\n\n${body.trimEnd()}\n`.replace(/\n{3,}/g, '\n\n');
  return { markdown, problems: problems.map((p) => upperFirst(p)) };
}

/** The objects and columns a schema.md describes (between the reference markers): `### \`name\`` and `| \`col\` |` rows. */
export function parseSchemaDocs(markdown: string): Map<string, string[]> {
  const start = markdown.indexOf(REFERENCE_START);
  const end = markdown.indexOf(REFERENCE_END);
  const reference = start >= 0 && end > start ? markdown.slice(start, end) : markdown;
  const described = new Map<string, string[]>();
  let current: string[] | null = null;
  let inCode = false;
  for (const line of reference.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    if (inCode) continue;
    const heading = /^###\s+`([^`]+)`/.exec(line);
    if (heading) {
      current = [];
      described.set(heading[1]!, current);
      continue;
    }
    if (/^##\s/.test(line)) current = null;
    const row = /^\|\s*`([^`]+)`\s*\|/.exec(line);
    if (row && current) current.push(row[1]!);
  }
  return described;
}
