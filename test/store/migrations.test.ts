/**
 * Frozen migrations: databases made by earlier releases are upgraded to exactly the schema a fresh database gets.
 * test/databases/ holds two databases made by the released code, before these migrations existed (its README
 * says how): one by 0.1.0, one by the pre-release before the `name_key` columns.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestSubmission } from '../../src/pipeline.js';
import { EdgarDatabase, openDatabase } from '../../src/store/database.js';
import { APPLICATION_ID } from '../../src/store/identity.js';
import { MIGRATIONS, SCHEMA_VERSION, allTables } from '../../src/store/migrations.js';
import type { TableModel } from '../../src/store/model.js';

const dir = mkdtempSync(join(tmpdir(), 'edgar-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixtureCopy(name: string): string {
  const path = join(dir, `${name}.db`);
  writeFileSync(path, gunzipSync(readFileSync(`test/databases/${name}.db.gz`)));
  return path;
}

/** Every schema object as SQLite stores it, and the columns of every table and view, in a stable order. */
function schemaOf(sqlite: Database.Database): unknown {
  const master = sqlite.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").all() as { type: string; name: string }[];
  const columns = master.filter((m) => m.type === 'table' || m.type === 'view').map((m) => ({ name: m.name, columns: sqlite.prepare('SELECT * FROM pragma_table_info(?)').all(m.name) }));
  const indexes = master.filter((m) => m.type === 'index').map((m) => ({ name: m.name, columns: sqlite.prepare('SELECT * FROM pragma_index_info(?)').all(m.name) }));
  return { master, columns, indexes };
}

const fresh = openDatabase(':memory:');
const freshSchema = schemaOf(fresh.sqlite);
fresh.close();

describe('databases made by earlier releases', () => {
  it('a database made by 0.1.0 is upgraded to the same schema as a fresh one (tables, columns, views, indexes, FTS)', () => {
    const db = openDatabase(fixtureCopy('made-by-0.1.0'));
    expect(schemaOf(db.sqlite)).toEqual(freshSchema);
    expect(db.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // Its rows are still there and readable through the views and the full-text index.
    expect(db.sqlite.prepare('SELECT count(*) FROM cover_pages').pluck().get()).toBe(2);
    expect(db.sqlite.prepare("SELECT count(*) FROM items_fts WHERE items_fts MATCH 'notes'").pluck().get()).toBeGreaterThan(0);
    db.close();
  });

  it('a database made by 0.1.0 gets its waivers\' [start, end] span pairs rewritten as {start, end}, the one span encoding', () => {
    const path = fixtureCopy('made-by-0.1.0');
    const raw = new Database(path, { readonly: true });
    const before = raw.prepare('SELECT ordinal, spans FROM waivers ORDER BY ordinal').all() as { ordinal: number; spans: string }[];
    raw.close();
    expect(before.length).toBeGreaterThan(0);
    const db = openDatabase(path);
    const after = db.sqlite.prepare('SELECT ordinal, spans FROM waivers ORDER BY ordinal').all() as { ordinal: number; spans: string }[];
    db.close();
    // Migration 8 shifts the ordinals (0.1.0 counted waivers from 0); the rows stay in the same order.
    expect(after.map((r) => r.ordinal)).toEqual(before.map((r) => r.ordinal + 1));
    for (const [i, row] of after.entries()) {
      const pairs = JSON.parse(before[i]!.spans) as Record<string, [number, number]>;
      // Same fields in the same order, each pair as an object; byte for byte what the store writes today.
      const expected = Object.fromEntries(Object.entries(pairs).map(([field, [start, end]]) => [field, { start, end }]));
      expect(row.spans).toBe(JSON.stringify(expected));
    }
  });

  it('a database made by 0.1.0 counts every ordinal from 1 after the upgrade: the 0-based columns shifted by one, the 1-based ones kept', () => {
    const path = fixtureCopy('made-by-0.1.0');
    const ordinalColumns = (t: TableModel) => t.columns.filter((c) => c.name === 'ordinal' || c.name.endsWith('_ordinal')).map((c) => c.name);
    const read = (sqlite: Database.Database) =>
      Object.fromEntries(
        allTables()
          .filter((t) => ordinalColumns(t).length)
          .map((t) => [t.name, sqlite.prepare(`SELECT accession_number, ${ordinalColumns(t).join(', ')} FROM ${t.name} ORDER BY rowid`).all() as Record<string, string | number | null>[]]),
      );
    const raw = new Database(path, { readonly: true });
    const before = read(raw);
    raw.close();
    const db = openDatabase(path);
    const after = read(db.sqlite);
    db.close();
    const fromZero = ['filing_entities', 'former_names', 'group_members', 'documents', 'warnings', 'waivers', 'waiver_items', 'conversion_price_rules', 'amendments', 'amendment_changes', 'amendment_amounts', 'exhibit_references'];
    let shifted = 0;
    for (const [table, rows] of Object.entries(before)) {
      const expected = fromZero.includes(table)
        ? rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k !== 'accession_number' && k !== 'reporting_person_ordinal' && typeof v === 'number' ? v + 1 : v])))
        : rows;
      if (fromZero.includes(table)) shifted += rows.length;
      expect(after[table], table).toEqual(expected);
      for (const row of after[table]!) expect(row.ordinal ?? 1, table).toBeGreaterThanOrEqual(1);
    }
    expect(shifted).toBeGreaterThan(20);
  });

  it('a database made before name_key is upgraded, not broken by "no such column"', () => {
    const path = fixtureCopy('made-before-name-key');
    const db = openDatabase(path);
    expect(schemaOf(db.sqlite)).toEqual(freshSchema);
    // The keys the old database never stored are computed from the names, so the views pair its rows.
    expect(db.sqlite.prepare('SELECT name_key FROM reporting_persons ORDER BY ordinal').pluck().all()).toEqual(['FLEMING US DISCOVERY FUND III LP', 'FLEMING US DISCOVERY OFFSHORE FUND III LP']);
    expect(db.sqlite.prepare('SELECT issuer_name_key FROM schedule13').pluck().all()).toEqual(['HUDSON TECHNOLOGIES INC']);
    expect(db.sqlite.prepare('SELECT count(*) FROM notes WHERE holder_key IS NULL').pluck().get()).toBe(0);
    // On 0.1.0 code this store failed: "table schedule13 has no column named issuer_name_key".
    const result = ingestSubmission(db, new Uint8Array(readFileSync('test/fixtures/sc13/0000902664-04-001527.txt')), { sourceName: 'x' });
    expect(result.store.action).toBe('stored');
    expect(db.sqlite.prepare('SELECT count(*) FROM filings').pluck().get()).toBe(2);
    expect(db.sqlite.prepare('SELECT count(*) FROM latest_positions').pluck().get()).toBeGreaterThan(2);
    db.close();
    // Opening it again finds nothing to do.
    const again = openDatabase(path);
    expect(again.sqlite.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
    again.close();
  });
});

describe('sources written before schema version 9 (gzip)', () => {
  it('keeps a stored gzip source readable through migration 9, and stores the next ones as Brotli', () => {
    // A database as schema version 8 left it: the sample stored, its source gzip-compressed under the old CHECK.
    const path = join(dir, 'gzip-sources.db');
    const sample = new Uint8Array(readFileSync('samples/0001125282-03-003998.txt'));
    const made = openDatabase(path);
    const accession = ingestSubmission(made, sample, { sourceName: 'sample' }).accessionNumber;
    made.close();
    const raw = new Database(path);
    raw.exec(`DROP TABLE sources;
CREATE TABLE sources (
  accession_number TEXT NOT NULL,
  encoding TEXT NOT NULL CHECK (encoding IN ('gzip')),
  content BLOB NOT NULL,
  PRIMARY KEY (accession_number),
  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE
);
DELETE FROM schema_migrations WHERE version = 9;`);
    raw.prepare("INSERT INTO sources (accession_number, encoding, content) VALUES (?, 'gzip', ?)").run(accession, gzipSync(sample));
    raw.pragma('user_version = 8');
    raw.close();

    const db = new EdgarDatabase(path);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.sqlite.prepare('SELECT encoding FROM sources WHERE accession_number = ?').pluck().get(accession)).toBe('gzip');
    expect(Buffer.from(db.readSource(accession)!).equals(Buffer.from(sample))).toBe(true);
    const other = new Uint8Array(readFileSync('test/fixtures/sc13/0000902664-04-001527.txt'));
    const next = ingestSubmission(db, other, { sourceName: 'other' }).accessionNumber;
    expect(db.sqlite.prepare('SELECT encoding FROM sources WHERE accession_number = ?').pluck().get(next)).toBe('br');
    expect(Buffer.from(db.readSource(next)!).equals(Buffer.from(other))).toBe(true);
    db.close();
  });
});

describe('migrations', () => {
  it('the table models agree with the migrated schema (an unmigrated model change fails here)', () => {
    const db = openDatabase(':memory:');
    for (const table of allTables()) {
      const actual = db.sqlite.prepare('SELECT name, type, "notnull" AS not_null, pk FROM pragma_table_info(?) ORDER BY cid').all(table.name);
      const expected = table.columns.map((c) => ({ name: c.name, type: c.type, not_null: c.notNull ? 1 : 0, pk: table.primaryKey.indexOf(c.name) + 1 }));
      expect(actual, `table ${table.name}: add a migration (ALTER TABLE …) for the model change`).toEqual(expected);
    }
    db.close();
  });

  it('released migrations are never edited', () => {
    // A released migration's SQL is what older databases ran; changing it would make them differ from fresh ones.
    const released: Record<number, string> = {
      1: '06f6293f',
      2: '6f79e7fd',
    };
    const hash = (sql: readonly string[]) => createHash('sha256').update(sql.join('\n;\n')).digest('hex').slice(0, 8);
    for (const m of MIGRATIONS) if (released[m.version]) expect(hash(m.sql), `migration ${m.version} was edited`).toBe(released[m.version]);
    // Migration 1 alone against the database 0.1.0 made: same objects, same SQL text.
    const made = openDatabaseReadOnlyCopy('made-by-0.1.0');
    const fromMigration = new Database(':memory:');
    for (const sql of MIGRATIONS[0]!.sql) fromMigration.exec(sql);
    // schema_migrations is the migrator's own bookkeeping, created before migration 1 runs.
    const objects = (s: Database.Database) => s.prepare("SELECT type, name, sql FROM sqlite_master WHERE name <> 'schema_migrations' ORDER BY type, name").all();
    expect(objects(fromMigration)).toEqual(objects(made.sqlite));
    made.close();
    fromMigration.close();
  });
});

function openDatabaseReadOnlyCopy(name: string) {
  return openDatabase(fixtureCopy(`${name}`), { readonly: true });
}
