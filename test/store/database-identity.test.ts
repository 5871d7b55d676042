/**
 * Which files edgar-extract will write to. Before application_id, `--db` pointing at another program's SQLite file
 * got 22 tables added and then a stack trace; a non-SQLite file, a missing directory or a newer database gave stack
 * traces. Each is now a one-line typed error, and the file is left byte-for-byte as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { DatabaseError } from '../../src/errors/index.js';
import { openDatabase } from '../../src/store/database.js';
import { APPLICATION_ID } from '../../src/store/identity.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { io } from '../helpers/cli-output.js';

const root = mkdtempSync(join(tmpdir(), 'edgar-identity-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => {
  const dir = join(root, String(++n));
  mkdirSync(dir, { recursive: true });
  return dir;
};

function refusedWith(path: string, code: string, options: { readonly?: boolean } = {}): DatabaseError {
  let caught: unknown;
  try {
    openDatabase(path, options).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DatabaseError);
  expect((caught as DatabaseError).code).toBe(code);
  expect((caught as DatabaseError).message).not.toContain('\n');
  return caught as DatabaseError;
}

/** Bytes of every file in the directory, so "untouched" covers -wal/-shm/-journal files appearing too. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

function someoneElsesDatabase(dir: string, setup: (db: Database.Database) => void): string {
  const path = join(dir, 'theirs.db');
  const db = new Database(path);
  setup(db);
  db.close();
  return path;
}

describe('foreign and broken files', () => {
  it("someone else's SQLite file is refused untouched", () => {
    const dir = freshDir();
    const path = someoneElsesDatabase(dir, (db) => {
      db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada')");
    });
    const before = snapshot(dir);
    const error = refusedWith(path, 'DB_FOREIGN');
    expect(error.message).toContain('not an edgar-extract database');
    refusedWith(path, 'DB_FOREIGN', { readonly: true });
    expect(snapshot(dir)).toEqual(before);
  });

  it("a SQLite file with another program's application_id is refused untouched, even with no tables", () => {
    const dir = freshDir();
    // GeoPackage's id ("GPKG").
    const path = someoneElsesDatabase(dir, (db) => db.pragma('application_id = 1196444487'));
    const before = snapshot(dir);
    refusedWith(path, 'DB_FOREIGN');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a file that is not SQLite is refused untouched', () => {
    const dir = freshDir();
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'SC 13D filings to read\n');
    const before = snapshot(dir);
    expect(refusedWith(path, 'DB_NOT_SQLITE').message).toContain('is not a SQLite database');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a path in a missing directory is a typed error, and no directory is created', () => {
    const dir = freshDir();
    const path = join(dir, 'no', 'such', 'edgar.db');
    expect(refusedWith(path, 'DB_DIRECTORY_MISSING').message).toContain('does not exist');
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });

  it('a database from a newer edgar-extract is refused with "upgrade edgar-extract"', () => {
    const dir = freshDir();
    const path = join(dir, 'edgar.db');
    openDatabase(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = snapshot(dir);
    expect(refusedWith(path, 'DB_NEWER_SCHEMA').message).toMatch(/upgrade edgar-extract$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a new path and an empty file become edgar-extract databases', () => {
    const dir = freshDir();
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    for (const path of [join(dir, 'new.db'), empty]) {
      const db = openDatabase(path);
      expect(db.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      db.close();
      openDatabase(path).close();
    }
  });

  it('the CLI reports each refusal in one line, without a stack trace', async () => {
    const dir = freshDir();
    const foreign = someoneElsesDatabase(dir, (db) => db.exec('CREATE TABLE t (x)'));
    const notSqlite = join(dir, 'plain.txt');
    writeFileSync(notSqlite, 'hello');
    for (const db of [foreign, notSqlite, join(dir, 'missing', 'edgar.db')]) {
      const out = io();
      const code = await runCli(['samples/0001125282-03-003998.txt', '--db', db], { ...out, env: {} });
      expect(code).not.toBe(0);
      expect(out.stderr.text.trimEnd().split('\n')).toHaveLength(1);
      expect(out.stderr.text).toMatch(/^edgar-extract: DB_[A-Z_]+: /);
      expect(out.stderr.text).not.toMatch(/\n\s+at /);
    }
  });
});
