/**
 * One full-text design (src/store/fts.ts): every FTS5 table of a fresh database is external content over an ordinary
 * table, kept in step by triggers, created by exactly the statements externalContentFtsSql gives for its model.
 * document_text once held its own copy of the text and was kept in step by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/database.js';
import { documentTextFts, searchDocuments } from '../../src/store/document-text.js';
import { externalContentFtsSql } from '../../src/store/fts.js';
import { itemsFtsModel } from '../../src/store/item-text.js';

const SAMPLE = 'samples/0001125282-03-003998.txt';

describe('full-text indexes', () => {
  it('are the external-content design of fts.ts, statement for statement, and there is no other', () => {
    const db = openDatabase(':memory:');
    const sqlOf = (name: string) => db.sqlite.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name);
    const models = [documentTextFts, itemsFtsModel];
    for (const model of models) {
      const [table, ...triggers] = externalContentFtsSql(model).slice(0, 4);
      expect(sqlOf(model.name), model.name).toBe(table);
      for (const [i, suffix] of ['insert', 'delete', 'update'].entries()) expect(sqlOf(`${model.name}_${suffix}`), `${model.name}_${suffix}`).toBe(triggers[i]);
    }
    const virtual = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").pluck().all();
    expect(virtual).toEqual(models.map((m) => m.name).sort());
    db.close();
  });

  it('follow their content tables: a filing stored again, or deleted, leaves no stale text in document_text', () => {
    const db = openDatabase(':memory:');
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const { accessionNumber } = ingestSubmission(db, bytes, { sourceName: SAMPLE });
    const count = () => db.sqlite.prepare("SELECT count(*) FROM document_text WHERE document_text MATCH 'Fleming'").pluck().get();
    const indexed = count();
    expect(indexed).toBeGreaterThan(0);
    db.sqlite.prepare('UPDATE filings SET pipeline_version = ? WHERE accession_number = ?').run('0.0.0', accessionNumber);
    expect(ingestSubmission(db, bytes, { sourceName: SAMPLE }).store.action).toBe('refreshed');
    expect(count()).toBe(indexed);
    expect(searchDocuments(db.sqlite, 'Fleming').length).toBeGreaterThan(0);
    db.sqlite.pragma('foreign_keys = ON');
    db.sqlite.prepare('DELETE FROM filings WHERE accession_number = ?').run(accessionNumber);
    expect(count()).toBe(0);
    // FTS5's own check that the index matches its content table (throws when it does not).
    expect(() => db.sqlite.prepare("INSERT INTO document_text (document_text) VALUES ('integrity-check')").run()).not.toThrow();
    db.close();
  });
});
