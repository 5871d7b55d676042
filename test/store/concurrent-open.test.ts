/**
 * Two processes creating the same new database at once raced in migrate(): both saw no migrations applied, both
 * applied them, and one died on "UNIQUE constraint failed: schema_migrations.version", losing all its filings.
 * The race is between SQLite connections in different processes, so this uses real ones: three processes, each
 * opening the same 20 new databases in step (a shared clock, one database every 250 ms) and storing its own filing
 * in each. On 0.1.0 code about one race in ten lost a process. Every process must end with all its filings.
 * Needs `npm run build` (the processes import dist/).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';

const dir = mkdtempSync(join(tmpdir(), 'edgar-concurrent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DATABASES = 20;
const FILES = ['test/fixtures/sc13/0000068100-95-000016.txt', 'test/fixtures/sc13/0000905718-94-000018.txt', 'test/fixtures/sc13/0002006228-23-000001.txt'];

function ingestProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['test/helpers/ingest-process.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('concurrent first open', () => {
  it('processes creating the same new database at once all end with all their filings', async () => {
    const prefix = join(dir, 'race');
    // Far enough ahead for every process to load the library before the first database.
    const startAt = Date.now() + 2000;
    const results = await Promise.all(FILES.map((file) => ingestProcess([prefix, String(DATABASES), String(startAt), '250', file])));
    for (const [i, r] of results.entries()) {
      expect(r.stderr, `process ${i}`).toBe('');
      expect(r.code).toBe(0);
    }
    for (let k = 0; k < DATABASES; k++) {
      const path = `${prefix}-${k}.db`;
      const db = openDatabase(path, { readonly: true });
      const stored = db.sqlite.prepare('SELECT accession_number FROM filings ORDER BY 1').pluck().all();
      db.close();
      expect(stored, path).toEqual(results.map((r) => (JSON.parse(r.stdout) as Record<string, string[]>)[path]![0]).sort());
      expect(stored).toHaveLength(FILES.length);
    }
  });
});
