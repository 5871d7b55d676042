/**
 * scripts/compare-databases.mjs, the proof that a change altered only the stored values it meant to: identical
 * databases pass, any other difference fails, and `--expect table.column` passes only when the named column changed
 * and nothing else did.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'compare-databases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function database(name: string, rows: [number, string, string][], extra?: string): string {
  const path = join(dir, `${name}.db`);
  const db = new Database(path);
  db.exec('CREATE TABLE waivers (ordinal INTEGER, holder TEXT, spans TEXT)');
  for (const row of rows) db.prepare('INSERT INTO waivers VALUES (?, ?, ?)').run(...row);
  if (extra) db.exec(extra);
  db.close();
  return path;
}

function compare(...args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync('node', ['scripts/compare-databases.mjs', ...args], { encoding: 'utf8' }) };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}

describe('compare-databases', () => {
  const before = database('before', [[0, 'A', '{"holder":[1,2]}'], [1, 'B', '{"holder":[3,4]}']]);
  const after = database('after', [[0, 'A', '{"holder":{"start":1,"end":2}}'], [1, 'B', '{"holder":{"start":3,"end":4}}']], 'CREATE TABLE added (x INTEGER)');
  const worse = database('worse', [[0, 'A', '{"holder":{"start":1,"end":2}}'], [1, 'C', '{"holder":{"start":3,"end":4}}']]);

  it('passes identical databases and fails on a changed value', () => {
    expect(compare(before, before).code).toBe(0);
    expect(compare(before, after).code).toBe(1);
  });

  it('--expect passes when only the named columns and tables differ, and counts the changed values', () => {
    const { code, out } = compare(before, after, '--expect', 'waivers.spans,added.*');
    expect(code).toBe(0);
    expect(out).toContain('spans changed in 2');
  });

  it('--expect still fails on a difference in another column, or a named column that did not change', () => {
    expect(compare(before, worse, '--expect', 'waivers.spans').code).toBe(1);
    const unchanged = compare(before, before, '--expect', 'waivers.holder');
    expect(unchanged.code).toBe(1);
    expect(unchanged.out).toContain('expected to differ, but identical in every row');
  });
});
