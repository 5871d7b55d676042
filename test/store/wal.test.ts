/**
 * WAL mode: a reader (the sqlite3 shell, Datasette, `edgar-extract sql`) reads while a batch holds a write transaction
 * open, sees only committed filings, and a reader in the middle of a query never blocks the writer's commit.
 * Two connections on one temporary file, as two processes would have.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSqlCommand } from '../../src/cli/sql-command.js';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase, type EdgarDatabase } from '../../src/store/database.js';
import { addFiling } from '../helpers/product-database.js';

const sample = new Uint8Array(readFileSync(new URL('../../samples/0001125282-03-003998.txt', import.meta.url)));

class Output {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

describe('WAL: readers and a writer on one database file', () => {
  let dir: string;
  let path: string;
  let writer: EdgarDatabase;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'edgar-wal-'));
    path = join(dir, 'edgar.db');
    writer = openDatabase(path);
    ingestSubmission(writer, sample, { sourceName: 'samples/0001125282-03-003998.txt' });
  });

  afterEach(async () => {
    if (writer.sqlite.open) writer.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens the database in WAL mode', () => {
    expect(writer.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('lets a reader read while a writer holds an open transaction, seeing only committed rows', async () => {
    writer.sqlite.exec('BEGIN IMMEDIATE');
    addFiling(writer, { accession: '0000000001-24-000001', formType: 'SC 13G', filedAt: '2024-01-01' });

    // A read-only connection without any busy timeout: if the writer blocked it, this would throw SQLITE_BUSY.
    const reader = openDatabase(path, { readonly: true });
    const started = Date.now();
    expect(reader.sqlite.prepare('SELECT count(*) FROM filings').pluck().get()).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);

    const stdout = new Output();
    const stderr = new Output();
    expect(await runSqlCommand(['SELECT count(*) AS n FROM filings', '--db', path, '--format', 'json'], { stdout, stderr })).toBe(0);
    expect(JSON.parse(stdout.text)).toEqual([{ n: 1 }]);

    writer.sqlite.exec('COMMIT');
    expect(reader.sqlite.prepare('SELECT count(*) FROM filings').pluck().get()).toBe(2);
    reader.close();
  });

  it('never blocks the writer while a reader is in the middle of a query', () => {
    const reader = openDatabase(path, { readonly: true });
    const rows = reader.sqlite.prepare('SELECT accession_number FROM documents').iterate();
    expect(rows.next().done).toBe(false); // the reader's snapshot is open now
    addFiling(writer, { accession: '0000000001-24-000002', formType: 'SC 13G', filedAt: '2024-01-02' }); // commits
    expect(writer.sqlite.prepare('SELECT count(*) FROM filings').pluck().get()).toBe(2);
    // The reader keeps its snapshot until its query ends…
    expect(reader.sqlite.prepare('SELECT 1').pluck().get()).toBe(1);
    rows.return?.();
    // …and sees the new filing afterwards.
    expect(reader.sqlite.prepare('SELECT count(*) FROM filings').pluck().get()).toBe(2);
    reader.close();
  });
});
