/**
 * The schema's history, oldest first, as frozen SQL. A migration is never edited once released: a change to a table
 * model (tables/*.ts) needs a new migration here that makes the same change with ALTER TABLE (or a CREATE), because
 * a database made by any earlier release must reach the same schema as a fresh one. test/store/migrations.test.ts
 * fails when the models and the migrated schema disagree, and upgrades a database made by 0.1.0 and compares it with
 * a fresh one.
 *
 * A database records how far it got in `PRAGMA user_version` (the last migration applied) and, per migration, in
 * `schema_migrations`. `allTables()` lists every table model in insert order (parents before children).
 */
import { amendmentChainsTable } from './chains.js';
import type { TableModel } from './model.js';
import { optionalViewSql, viewSql } from './views.js';
import { schemaV1 } from './schema-history/v1-schema-0.1.0.js';
import { ordinalsFromOne } from './schema-history/v8-ordinals-from-1.js';
import { coreTables } from './tables/core.js';
import { coverPageTables } from './tables/cover-pages.js';
import { documentTextsTable } from './tables/document-texts.js';
import { exhibitTables } from './tables/exhibits.js';
import { feedNoticesTable } from './tables/feed-notices.js';
import { itemTables } from './tables/items.js';
import { sourcesTable } from './tables/sources.js';

export interface Migration {
  version: number;
  name: string;
  /** Statements run in order, in one transaction. Frozen text: never computed from today's models. */
  sql: readonly string[];
}

/** A migration as its models describe it (tests build partial schemas from it; MIGRATIONS holds the frozen SQL). */
export interface ModelMigration {
  version: number;
  name: string;
  tables: TableModel[];
  sql: string[];
}

/**
 * The migration adding amendment_chains, cover_pages, latest_positions, ownership_history (and notes_outstanding /
 * waivers_by_issuer when their tables exist), computed from today's models.
 * `tableNames`: the tables earlier migrations create (e.g. `allTables().map((t) => t.name)` before this one is added);
 * it must come after the migration creating schedule13 and reporting_persons.
 */
export function chainsAndViewsMigration(version: number, tableNames: Iterable<string>): ModelMigration {
  const names = [...tableNames];
  return {
    version,
    name: 'amendment chains, views',
    tables: [amendmentChainsTable],
    sql: [...viewSql, ...optionalViewSql(names)],
  };
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'schema of edgar-extract 0.1.0: filings, header, documents, warnings, cover pages, exhibits, items, chains, search, views', sql: schemaV1 },
  {
    version: 2,
    name: 'sources: the input of each filing, gzip-compressed, for reprocess',
    sql: [
      `CREATE TABLE sources (
  accession_number TEXT NOT NULL,
  encoding TEXT NOT NULL CHECK (encoding IN ('gzip')),
  content BLOB NOT NULL,
  PRIMARY KEY (accession_number),
  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE
)`,
    ],
  },
  {
    // sqlite-utils and Datasette find a table's full-text index by `content="items"` (double quotes) in its DDL;
    // 0.1.0 wrote content='items', so items looked unsearchable to them. The triggers name items_fts, not its DDL,
    // and stay as they are.
    version: 3,
    name: 'items_fts declared with content="items", as sqlite-utils and Datasette detect full-text tables',
    sql: [
      'DROP TABLE IF EXISTS items_fts',
      `CREATE VIRTUAL TABLE items_fts USING fts5(text, content="items", content_rowid="rowid", tokenize='porter unicode61')`,
      "INSERT INTO items_fts (items_fts) VALUES ('rebuild')",
    ],
  },
  {
    version: 4,
    name: 'feed_notices: PDS Feed deletion and correction notices',
    sql: [
      `CREATE TABLE feed_notices (
  source_archive TEXT NOT NULL,
  member_name TEXT NOT NULL,
  accession_number TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('DELETION', 'CORRECTION')),
  form_type TEXT,
  notice_timestamp TEXT,
  feed_date TEXT CHECK (feed_date IS NULL OR feed_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (source_archive, member_name)
)`,
      'CREATE INDEX feed_notices_accession ON feed_notices (accession_number)',
    ],
  },
  {
    // Item 5 positions carry the role each number plays (a power, a direct holding, a group total, …); the view puts
    // Item 5's aggregate, percent and four powers beside the cover page's, per reporting person.
    version: 5,
    name: 'holdings.role; the item5_vs_cover view',
    sql: [
      `ALTER TABLE holdings ADD COLUMN role TEXT CHECK (role IS NULL OR role IN ('beneficial', 'sole_voting', 'shared_voting', 'sole_dispositive', 'shared_dispositive', 'direct', 'group_total', 'part_of', 'underlying'))`,
      `CREATE VIEW item5_vs_cover AS
SELECT rp.accession_number AS accession_number, rp.ordinal AS ordinal, rp.name AS reporting_person,
  rp.aggregate_amount AS cover_aggregate,
  (SELECT MAX(h.shares) FROM holdings h WHERE h.accession_number = rp.accession_number AND h.reporting_person_ordinal = rp.ordinal AND h.item_number <> 3 AND h.role IN ('beneficial', 'direct')) AS item5_aggregate,
  rp.percent_of_class AS cover_percent,
  (SELECT h.percent_of_class FROM holdings h WHERE h.accession_number = rp.accession_number AND h.reporting_person_ordinal = rp.ordinal AND h.item_number <> 3 AND h.role IN ('beneficial', 'direct') AND h.percent_of_class IS NOT NULL ORDER BY h.shares DESC LIMIT 1) AS item5_percent,
  rp.sole_voting_power AS cover_sole_voting, (SELECT MAX(h.shares) FROM holdings h WHERE h.accession_number = rp.accession_number AND h.reporting_person_ordinal = rp.ordinal AND h.item_number <> 3 AND h.role = 'sole_voting') AS item5_sole_voting,
  rp.shared_voting_power AS cover_shared_voting, (SELECT MAX(h.shares) FROM holdings h WHERE h.accession_number = rp.accession_number AND h.reporting_person_ordinal = rp.ordinal AND h.item_number <> 3 AND h.role = 'shared_voting') AS item5_shared_voting,
  rp.sole_dispositive_power AS cover_sole_dispositive, (SELECT MAX(h.shares) FROM holdings h WHERE h.accession_number = rp.accession_number AND h.reporting_person_ordinal = rp.ordinal AND h.item_number <> 3 AND h.role = 'sole_dispositive') AS item5_sole_dispositive,
  rp.shared_dispositive_power AS cover_shared_dispositive, (SELECT MAX(h.shares) FROM holdings h WHERE h.accession_number = rp.accession_number AND h.reporting_person_ordinal = rp.ordinal AND h.item_number <> 3 AND h.role = 'shared_dispositive') AS item5_shared_dispositive
FROM reporting_persons rp`,
    ],
  },
  {
    // Every stored span is written {"start":s,"end":e} (extract/span-json.ts); waivers and amendments wrote their
    // per-value spans as [s, e] pairs. Rows re-extracted by this version get the new form; stored ones are rewritten
    // here so a database keeps one encoding whatever wrote its rows.
    version: 6,
    name: 'waivers.spans and amendments.spans as {"start","end"} objects, as every other spans column',
    sql: [
      `UPDATE waivers SET spans = (SELECT json_group_object(key, json_object('start', json_extract(value, '$[0]'), 'end', json_extract(value, '$[1]'))) FROM json_each(waivers.spans))
WHERE json_valid(spans) AND json_type(spans) = 'object' AND NOT EXISTS (SELECT 1 FROM json_each(waivers.spans) WHERE type <> 'array')`,
      `UPDATE amendments SET spans = (SELECT json_group_object(key, json_object('start', json_extract(value, '$[0]'), 'end', json_extract(value, '$[1]'))) FROM json_each(amendments.spans))
WHERE json_valid(spans) AND json_type(spans) = 'object' AND NOT EXISTS (SELECT 1 FROM json_each(amendments.spans) WHERE type <> 'array')`,
    ],
  },
  {
    // One full-text design (store/fts.ts): document_text held its text inside the FTS5 table and was kept in step by
    // hand, items_fts indexed items through triggers. The text moves to an ordinary table, document_texts, which the
    // FTS5 table indexes as external content; a stored filing's text goes with it (foreign key, triggers). Rows of
    // filings no longer stored are left behind. accession_number is no longer searchable (only the text is queried).
    version: 7,
    name: 'document_texts: the text of each document, indexed by document_text as external content with triggers',
    sql: [
      `CREATE TABLE document_texts (
  accession_number TEXT NOT NULL,
  document_sequence INTEGER,
  type TEXT,
  text TEXT NOT NULL,
  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE
)`,
      'CREATE INDEX document_texts_accession ON document_texts (accession_number)',
      `INSERT INTO document_texts (accession_number, document_sequence, type, text)
SELECT accession_number, document_sequence, type, text FROM document_text
WHERE accession_number IN (SELECT accession_number FROM filings) AND text IS NOT NULL ORDER BY rowid`,
      'DROP TABLE document_text',
      `CREATE VIRTUAL TABLE document_text USING fts5(accession_number UNINDEXED, document_sequence UNINDEXED, type UNINDEXED, text, content="document_texts", content_rowid="rowid", tokenize='porter unicode61 remove_diacritics 2')`,
      `CREATE TRIGGER document_text_insert AFTER INSERT ON document_texts BEGIN
  INSERT INTO document_text (rowid, accession_number, document_sequence, type, text) VALUES (new.rowid, new.accession_number, new.document_sequence, new.type, new.text);
END`,
      `CREATE TRIGGER document_text_delete AFTER DELETE ON document_texts BEGIN
  INSERT INTO document_text (document_text, rowid, accession_number, document_sequence, type, text) VALUES ('delete', old.rowid, old.accession_number, old.document_sequence, old.type, old.text);
END`,
      `CREATE TRIGGER document_text_update AFTER UPDATE ON document_texts BEGIN
  INSERT INTO document_text (document_text, rowid, accession_number, document_sequence, type, text) VALUES ('delete', old.rowid, old.accession_number, old.document_sequence, old.type, old.text);
  INSERT INTO document_text (rowid, accession_number, document_sequence, type, text) VALUES (new.rowid, new.accession_number, new.document_sequence, new.type, new.text);
END`,
      "INSERT INTO document_text (document_text) VALUES ('rebuild')",
    ],
  },
  {
    // One ordinal base: reporting persons are numbered from 1 on the cover page, and the Items' tables followed them;
    // the header, document, warning and exhibit tables counted from 0. Their ordinals (and the columns that point at
    // them) are shifted by one and their CHECKs say so (the SQL is in schema-history/, like migration 1's).
    version: 8,
    name: 'every ordinal counts from 1: filing_entities, former_names, group_members, documents, warnings and the exhibit tables shifted by one',
    sql: ordinalsFromOne,
  },
  {
    // Sources are written Brotli-compressed (compressSource: half gzip's time, a little smaller); the rows already
    // stored stay gzip, and `encoding` says which. SQLite cannot change a CHECK in place: the table is renamed, made
    // again with the wider CHECK and refilled. No view, trigger or index but its key reads it.
    version: 9,
    name: "sources.encoding may be 'br' (Brotli), what this version writes; stored gzip rows are kept as they are",
    sql: [
      'ALTER TABLE sources RENAME TO sources__gzip_only',
      `CREATE TABLE sources (
  accession_number TEXT NOT NULL,
  encoding TEXT NOT NULL CHECK (encoding IN ('br', 'gzip')),
  content BLOB NOT NULL,
  PRIMARY KEY (accession_number),
  FOREIGN KEY (accession_number) REFERENCES filings (accession_number) ON DELETE CASCADE
)`,
      'INSERT INTO sources (accession_number, encoding, content) SELECT accession_number, encoding, content FROM sources__gzip_only ORDER BY rowid',
      'DROP TABLE sources__gzip_only',
    ],
  },
];

/** The schema version this build writes: the last migration. A database with a higher user_version is refused. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

const TABLE_MODELS: readonly TableModel[] = [...coreTables, ...coverPageTables, ...exhibitTables, ...itemTables, amendmentChainsTable, sourcesTable, feedNoticesTable, documentTextsTable];

export function allTables(): readonly TableModel[] {
  return TABLE_MODELS;
}
