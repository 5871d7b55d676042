/**
 * holdings.role and the item5_vs_cover view on a stored real filing (test/fixtures/sc13/0000902664-15-004619.txt, a
 * 13D/A whose Item 5 gives each person's aggregate and four powers in (a)/(b) blocks), and the migration that adds
 * them to a database made before them.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/database.js';
import { undoDocumentTexts } from '../helpers/undo-migrations.js';

const FIXTURE = 'test/fixtures/sc13/0000902664-15-004619.txt';

describe('item5_vs_cover', () => {
  it("shows each person's Item 5 aggregate, percent and four powers next to the cover page's", () => {
    const db = openDatabase(':memory:');
    ingestSubmission(db, readFileSync(FIXTURE), { sourceName: FIXTURE });
    const rows = db.sqlite.prepare('SELECT * FROM item5_vs_cover ORDER BY ordinal').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({
      reporting_person: 'LIONEYE MASTER FUND LTD',
      cover_aggregate: 686997,
      item5_aggregate: 686997,
      cover_percent: 9.9,
      item5_percent: 9.9,
      cover_sole_voting: 686997,
      item5_sole_voting: 686997,
      cover_shared_voting: 0,
      item5_shared_voting: 0,
    });
    // Raneri: 0 sole and 1,082,570 shared, as on his cover.
    expect(rows[4]).toMatchObject({ reporting_person: 'STEPHEN RANERI', item5_sole_voting: 0, cover_sole_voting: 0, item5_shared_voting: 1082570, cover_shared_voting: 1082570 });
    const roles = db.sqlite.prepare('SELECT DISTINCT role FROM holdings ORDER BY role').pluck().all();
    expect(roles).toEqual(expect.arrayContaining(['beneficial', 'shared_voting', 'sole_voting']));
    // checks compare the five fields one by one.
    const fields = db.sqlite.prepare("SELECT status, message FROM checks WHERE kind = 'cover_field_vs_item5'").all() as { status: string; message: string }[];
    expect(fields.length).toBeGreaterThanOrEqual(6);
    expect(fields.some((c) => /shared voting power/.test(c.message) && c.status === 'pass')).toBe(true);
  });

  it('adds holdings.role to a database created before it, keeping its rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'item5-role-'));
    const path = join(dir, 'old.sqlite');
    const first = openDatabase(path);
    ingestSubmission(first, readFileSync(FIXTURE), { sourceName: FIXTURE });
    first.close();
    // Make it look like a database from before migration 5: no role column, no view, versions 5 and later not applied.
    const raw = new Database(path);
    undoDocumentTexts(raw);
    raw.exec('DROP VIEW item5_vs_cover');
    raw.exec('ALTER TABLE holdings DROP COLUMN role');
    raw.exec('DELETE FROM schema_migrations WHERE version >= 5');
    raw.pragma('user_version = 4');
    const before = raw.prepare('SELECT COUNT(*) FROM holdings').pluck().get();
    raw.close();
    const again = openDatabase(path);
    expect(again.sqlite.prepare('SELECT COUNT(*) FROM holdings').pluck().get()).toBe(before);
    expect(again.sqlite.prepare("SELECT COUNT(*) FROM pragma_table_info('holdings') WHERE name = 'role'").pluck().get()).toBe(1);
    expect(again.sqlite.prepare('SELECT COUNT(*) FROM item5_vs_cover').pluck().get()).toBe(6);
    again.close();
  });
});
