/**
 * `items_fts` was declared `content='items'` (single quotes), so sqlite-utils' and Datasette's detection of a
 * table's full-text index did not find it. Both look it up with LIKE patterns over sqlite_master (sqlite-utils
 * `Table.detect_fts`, Datasette `detect_fts`): `content="items"` or `content=[items]`, or an FTS table named after it.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/database.js';
import { searchItems } from '../../src/store/item-text.js';
import { undoDocumentTexts } from '../helpers/undo-migrations.js';

/** The lookup sqlite-utils and Datasette run to find the FTS table of `table`. */
function detectFts(sqlite: Database.Database, table: string): string | null {
  const row = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE rootpage = 0 AND (sql LIKE @like OR sql LIKE @like2 OR (tbl_name = @table AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))`,
    )
    .get({ like: `%VIRTUAL TABLE%USING FTS%content=[${table}]%`, like2: `%VIRTUAL TABLE%USING FTS%content="${table}"%`, table }) as { name: string } | undefined;
  return row?.name ?? null;
}

const sample = new Uint8Array(readFileSync(new URL('../../samples/0001125282-03-003998.txt', import.meta.url)));

describe('FTS tables as sqlite-utils and Datasette detect them', () => {
  it('items_fts was declared content=\'items\' and went undetected; a new database declares content="items"', () => {
    const db = openDatabase(':memory:');
    expect(detectFts(db.sqlite, 'items')).toBe('items_fts');
    expect(detectFts(db.sqlite, 'document_text')).toBe('document_text');
    db.close();
  });

  it('an existing database is upgraded, and its Items stay searchable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgar-fts-'));
    const path = join(dir, 'old.db');
    try {
      const db = openDatabase(path);
      ingestSubmission(db, sample, { sourceName: 'sample' });
      // Put the database back the way releases before this step left it.
      undoDocumentTexts(db.sqlite);
      db.sqlite.exec(`DROP TABLE items_fts;
        CREATE VIRTUAL TABLE items_fts USING fts5(text, content='items', content_rowid='rowid', tokenize='porter unicode61');
        INSERT INTO items_fts (items_fts) VALUES ('rebuild');
        DROP TABLE feed_notices;
        DROP VIEW item5_vs_cover;
        ALTER TABLE holdings DROP COLUMN role;
        DELETE FROM schema_migrations WHERE version > 2;
        PRAGMA user_version = 2;`);
      expect(detectFts(db.sqlite, 'items')).toBeNull();
      db.close();
      const reopened = openDatabase(path);
      expect(detectFts(reopened.sqlite, 'items')).toBe('items_fts');
      expect(searchItems(reopened.sqlite, 'anti-dilution').length).toBeGreaterThan(0);
      // The triggers still keep the index in step after the upgrade.
      ingestSubmission(reopened, sample, { sourceName: 'again' });
      reopened.sqlite.exec("UPDATE items SET text = text || ' zeppelin' WHERE rowid = (SELECT min(rowid) FROM items)");
      expect(searchItems(reopened.sqlite, 'zeppelin')).toHaveLength(1);
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
