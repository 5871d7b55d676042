/**
 * Declarative table models: each table is described once (columns, types, keys, CHECKs, indexes, and what every
 * column means), and the DDL, the insert statements and docs/schema.md's tables are all derived from that one
 * description, so they cannot drift apart. Column names are the SEC's words in snake_case; records use the same
 * words in camelCase (`sole_voting_power` ← `soleVotingPower`).
 */

export type SqlType = 'TEXT' | 'INTEGER' | 'REAL' | 'BLOB';

export interface ColumnModel {
  name: string;
  type: SqlType;
  notNull?: boolean;
  /** A CHECK expression over this column, e.g. `"percent_of_class BETWEEN 0 AND 100"`. */
  check?: string;
  /** What the column holds, with its unit. Goes into docs/schema.md. */
  doc: string;
  /** An example value for the documentation. */
  example?: string;
  /** How the column's value is written when it is not a plain value: `spans` (extract/span-json.ts). */
  encoding?: 'spans';
}

export interface TableModel {
  name: string;
  /** One row per … (docs). */
  doc: string;
  columns: ColumnModel[];
  /** Empty for a rowid table without a declared key. */
  primaryKey: string[];
  /** Tables keyed by a filing are replaced as a whole when that filing is stored again. */
  perFiling: boolean;
  indexes?: { name: string; columns: string[] }[];
  /** Extra table constraints (FOREIGN KEY …). */
  constraints?: string[];
}

export function createTableSql(model: TableModel): string[] {
  const cols = model.columns.map((c) => {
    const parts = [c.name, c.type];
    if (c.notNull) parts.push('NOT NULL');
    if (c.check) parts.push(`CHECK (${c.check})`);
    return `  ${parts.join(' ')}`;
  });
  const key = model.primaryKey.length ? [`  PRIMARY KEY (${model.primaryKey.join(', ')})`] : [];
  const tableConstraints = [...key, ...(model.constraints ?? []).map((c) => `  ${c}`)];
  const statements = [`CREATE TABLE IF NOT EXISTS ${model.name} (\n${[...cols, ...tableConstraints].join(',\n')}\n)`];
  for (const index of model.indexes ?? []) {
    statements.push(`CREATE INDEX IF NOT EXISTS ${index.name} ON ${model.name} (${index.columns.join(', ')})`);
  }
  return statements;
}

/** `sole_voting_power` → `soleVotingPower`. */
export function camelCase(snake: string): string {
  // Called for every column of every stored row, on a few hundred distinct names: memoised.
  let camel = camelCache.get(snake);
  if (camel === undefined) {
    camel = snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    camelCache.set(snake, camel);
  }
  return camel;
}

const camelCache = new Map<string, string>();

/** SQLite holds no booleans or arrays: booleans become 0/1, arrays a comma-separated list, undefined NULL; bytes a BLOB. */
export function toSqlValue(value: unknown): string | number | Uint8Array | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return value.length ? value.join(',') : null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
