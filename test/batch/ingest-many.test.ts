// The batch path: worker threads prepare, one writer stores in input order; the rows are those of ingestSubmission.
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestMany, type BatchInput, type BatchItem } from '../../src/batch/ingest-many.js';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase, type EdgarDatabase } from '../../src/store/database.js';
import { readFileSync } from 'node:fs';
import { loadSources, syntheticCorpus } from '../../bench/synthetic-corpus.js';
import { BatchAbortedError, BatchWriter } from '../../src/batch/writer.js';
import { prepareFiling } from '../../src/pipeline.js';

const FIXTURES = ['test/fixtures/full/0000109446-94-000005.txt', 'test/fixtures/nc/0000774352-01-000002.nc', ...readdirSync('test/fixtures/sc13').slice(0, 6).map((f) => join('test/fixtures/sc13', f))];

/** Every table's rows, without the columns that say when a run happened. */
function dump(db: EdgarDatabase): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations'").pluck().all() as string[];
  // FTS5 shadow tables hold index segments, whose layout depends on transaction sizes; their text is compared through the FTS table.
  for (const t of tables.filter((name) => !/_(data|idx|content|docsize|config)$/.test(name))) {
    const rows = db.sqlite.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[];
    out[t] = rows.map(({ stored_at: _s, ...rest }) => JSON.stringify(rest)).sort();
  }
  return out;
}

describe('ingestMany', () => {
  it('stores with worker threads exactly the rows ingestSubmission stores, reported in input order', async () => {
    const one = openDatabase(':memory:');
    for (const f of FIXTURES) ingestSubmission(one, new Uint8Array(readFileSync(f)), { sourceName: f });
    const many = openDatabase(':memory:');
    const items: BatchItem[] = [];
    await ingestMany(many, FIXTURES.map((f) => ({ name: f, path: f })), { jobs: 2, filingsPerTransaction: 3, onItem: (i) => items.push(i) });
    expect(items.map((i) => i.name)).toEqual(FIXTURES);
    expect(items.every((i) => i.ok)).toBe(true);
    expect(dump(many)).toEqual(dump(one));
    expect(Object.keys(dump(many))).toContain('document_text');
  });

  it('the window launches fewer inputs ahead of the writer when their files exceed the byte budget', async () => {
    const inputs = FIXTURES.map((f) => ({ name: f, path: f }));
    const launchedBeforeFirstItem = async (maxInFlightBytes?: number): Promise<number> => {
      let launched = 0;
      let atFirstItem = -1;
      await ingestMany(openDatabase(':memory:'), inputs, {
        jobs: 1,
        window: 50,
        ...(maxInFlightBytes === undefined ? {} : { maxInFlightBytes }),
        detail: () => {
          launched += 1;
          return false;
        },
        onItem: () => {
          if (atFirstItem < 0) atFirstItem = launched;
        },
      });
      return atFirstItem;
    };
    // Every fixture is over a byte: only the two per worker that always run ahead are launched, plus the one that
    // refills the window as the first result is taken (before it is reported).
    expect(await launchedBeforeFirstItem(1)).toBe(3);
    expect(await launchedBeforeFirstItem()).toBe(FIXTURES.length);
  });

  it('a failed input (unreadable, or not a submission) is reported alone and the others are stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgar-batch-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    copyFileSync(FIXTURES[0]!, join(dir, 'a.txt'));
    const db = openDatabase(':memory:');
    const inputs: BatchInput[] = [
      { name: join(dir, 'empty.txt'), path: join(dir, 'empty.txt') },
      { name: join(dir, 'missing.txt'), path: join(dir, 'missing.txt') },
      { name: 'from-network', fetch: () => Promise.reject(new Error('connection refused')) },
      { name: join(dir, 'a.txt'), path: join(dir, 'a.txt') },
    ];
    const items: BatchItem[] = [];
    await ingestMany(db, inputs, { jobs: 1, onItem: (i) => items.push(i) });
    expect(items.map((i) => (i.ok ? 'ok' : `${i.stage}:${i.failure.code}`))).toEqual(['prepare:EMPTY_INPUT', 'prepare:ENOENT', 'read:Error', 'ok']);
    for (const i of items) if (!i.ok) expect(i.failure.message).not.toContain('\n');
    expect(db.sqlite.prepare('SELECT count(*) FROM filings').pluck().get()).toBe(1);
  });

  it('a filing the store refuses rolls back alone; the rest of its transaction is stored', async () => {
    const db = openDatabase(':memory:');
    // A CHECK the real schema does not have, to make the store refuse exactly one filing.
    db.sqlite.exec("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.accession_number = '0000774352-01-000002' BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
    const items: BatchItem[] = [];
    await ingestMany(db, FIXTURES.slice(0, 4).map((f) => ({ name: f, path: f })), { jobs: 2, filingsPerTransaction: 10, onItem: (i) => items.push(i) });
    expect(items.map((i) => i.ok)).toEqual([true, false, true, true]);
    expect(items[1]!.ok ? '' : items[1]!.stage).toBe('store');
    const stored = db.sqlite.prepare('SELECT accession_number FROM filings').pluck().all();
    expect(stored).toHaveLength(3);
    expect(stored).not.toContain('0000774352-01-000002');
    expect(db.sqlite.prepare("SELECT count(*) FROM filing_entities WHERE accession_number = '0000774352-01-000002'").pluck().get()).toBe(0);
  });

  // The writer recomputes amendment chains once per subject at commit, and writes filings without savepoints. Copies
  // of the same filings under new accession numbers give subjects with several filings each, split across
  // transactions of 7: the database must equal one made by ingestSubmission, filing by filing.
  it('chains computed at each commit equal chains computed after every filing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgar-batch-chains-'));
    const folder = syntheticCorpus(loadSources('test/fixtures/sc13', '/nonexistent'), dir, [40]).get(40)!;
    const files = readdirSync(folder).sort().map((f) => join(folder, f));
    // Copies of one source 20 apart: filings 0 and 20 share a subject, in different transactions.
    const one = openDatabase(':memory:');
    for (const f of files) ingestSubmission(one, new Uint8Array(readFileSync(f)), { sourceName: f });
    const many = openDatabase(':memory:');
    await ingestMany(many, files.map((f) => ({ name: f, path: f })), { jobs: 0, filingsPerTransaction: 7, onItem: () => {} });
    const chained = one.sqlite.prepare("SELECT count(*) FROM amendment_chains WHERE method != 'original'").pluck().get() as number;
    expect(chained).toBeGreaterThan(5);
    expect(dump(many)).toEqual(dump(one));
  });

  it('a filing that fails after others in its transaction leaves exactly the others, chains and text included', () => {
    const files = FIXTURES.slice(2, 8);
    const prepared = files.map((f) => prepareFiling(new Uint8Array(readFileSync(f)), { sourceName: f }).prepared);
    const refused = prepared[3]!.accessionNumber;
    const expected = openDatabase(':memory:');
    for (const [i, f] of files.entries()) if (i !== 3) ingestSubmission(expected, new Uint8Array(readFileSync(f)), { sourceName: f });
    const db = openDatabase(':memory:');
    // Refuse the fourth filing at its last table, after its documents and text are written.
    db.sqlite.exec(`CREATE TRIGGER refuse BEFORE INSERT ON sources WHEN NEW.accession_number = '${refused}' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`);
    const writer = new BatchWriter(db, { filingsPerTransaction: 100 });
    const outcomes = prepared.map((p) => {
      try {
        return writer.store(p).action;
      } catch (error) {
        return (error as Error).message;
      }
    });
    writer.commit();
    expect(outcomes).toEqual(['stored', 'stored', 'stored', 'refused by test', 'stored', 'stored']);
    db.sqlite.exec('DROP TRIGGER refuse');
    expect(dump(db)).toEqual(dump(expected));
  });

  // The writer inserts a transaction's items and document text at commit (HeldRows); a filing stored again in the same
  // transaction must not leave its first rows behind, unremoved because they were not yet inserted.
  it('a filing replaced inside one transaction keeps only its last items and text, indexed once', () => {
    const file = FIXTURES[2]!;
    const bytes = new Uint8Array(readFileSync(file));
    const first = prepareFiling(bytes, { sourceName: file }).prepared;
    const changed = prepareFiling(new Uint8Array([...bytes, 0x0a]), { sourceName: file }).prepared;
    const db = openDatabase(':memory:');
    const writer = new BatchWriter(db, { filingsPerTransaction: 100 });
    expect([writer.store(first).action, writer.store(changed).action]).toEqual(['stored', 'replaced']);
    writer.commit();
    const texts = db.sqlite.prepare('SELECT count(*) FROM document_texts WHERE accession_number = ?').pluck().get(first.accessionNumber);
    expect(texts).toBe(changed.derived.documentTexts.length);
    expect(texts).toBeGreaterThan(0);
    const items = db.sqlite.prepare('SELECT count(*) FROM items WHERE accession_number = ?').pluck().get(first.accessionNumber);
    expect(items).toBe(changed.rows.items!.length);
    expect(items).toBeGreaterThan(0);
    // Each index holds exactly its content table's rows (FTS5 raises SQLITE_CORRUPT_VTAB otherwise).
    expect(() => db.sqlite.exec("INSERT INTO document_text (document_text) VALUES ('integrity-check')")).not.toThrow();
    expect(() => db.sqlite.exec("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')")).not.toThrow();
  });

  it('when the filings before a failed one cannot be written again, the batch aborts and keeps nothing of them', () => {
    const prepared = FIXTURES.slice(2, 5).map((f) => prepareFiling(new Uint8Array(readFileSync(f)), { sourceName: f }).prepared);
    const db = openDatabase(':memory:');
    // A switch outside the database (a rollback cannot undo it): once on, every filing is refused, replays included.
    let refuse = false;
    db.sqlite.function('refuse_now', () => (refuse ? 1 : 0));
    db.sqlite.exec("CREATE TRIGGER refuse BEFORE INSERT ON filings WHEN refuse_now() BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
    const writer = new BatchWriter(db, { filingsPerTransaction: 100 });
    writer.store(prepared[0]!);
    refuse = true;
    expect(() => writer.store(prepared[1]!)).toThrow(BatchAbortedError);
    expect(db.sqlite.inTransaction).toBe(false);
    expect(db.sqlite.prepare('SELECT count(*) FROM filings').pluck().get()).toBe(0);
  });
});

describe('WorkerPool', () => {
  it('an input that exhausts a worker heap is prepared on the main thread instead of failing', async () => {
    const { WorkerPool } = await import('../../src/batch/pool.js');
    const pool = new WorkerPool(1, { heapMb: 8 });
    try {
      const file = 'test/fixtures/full/0001193125-25-120935.txt';
      const result = await pool.run({ id: 1, name: file, path: file, detail: false });
      expect(result.ok && result.prepared.accessionNumber).toBe('0001193125-25-120935');
      expect(pool.retriedOnMainThread).toBe(1);
      // The pool still works with its replacement worker.
      const next = await pool.run({ id: 2, name: FIXTURES[0]!, path: FIXTURES[0]!, detail: false });
      expect(next.ok).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
