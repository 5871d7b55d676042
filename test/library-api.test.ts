/**
 * The library as a user imports it (src/index.ts): the typed extractors, a database written then opened read-only,
 * and search over it. A name missing from the index fails to compile here (tsconfig.test.json).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  extractCoverPages,
  extractExhibits,
  extractFiling,
  extractItemsAndProse,
  ingestSubmission,
  openDatabase,
  parseSubmission,
  searchDocuments,
  searchItems,
  type HoldingRow,
  type Schedule13Record,
  type WaiverRecord,
} from '../src/index.js';

const SAMPLE = 'samples/0001125282-03-003998.txt';
const dir = mkdtempSync(join(tmpdir(), 'library-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the library API', () => {
  it('runs each extractor on its own, with rows typed by table', () => {
    const submission = parseSubmission(readFileSync(SAMPLE), { sourceName: SAMPLE });
    const schedule: Schedule13Record | null = extractCoverPages(submission).schedule13;
    expect(schedule?.kind).toBe('13D');
    const holdings: HoldingRow[] = extractItemsAndProse(submission).tables.holdings ?? [];
    expect(holdings.map((h) => h.holder)).toContain('Fleming US Discovery Fund III, L.P.');
    const waivers: WaiverRecord[] = extractExhibits(submission).tables.waivers ?? [];
    expect(waivers.length).toBeGreaterThan(0);
    expect(extractFiling(submission).tables.holdings).toHaveLength(holdings.length);
  });

  it('writes a database, opens it read-only and searches it', () => {
    const path = join(dir, 'api.db');
    const db = openDatabase(path);
    const { accessionNumber } = ingestSubmission(db, readFileSync(SAMPLE), { sourceName: SAMPLE });
    db.close();
    const reader = openDatabase(path, { readonly: true });
    try {
      expect(searchItems(reader.sqlite, 'proxy').map((h) => h.accessionNumber)).toContain(accessionNumber);
      expect(searchDocuments(reader.sqlite, 'Fleming').length).toBeGreaterThan(0);
      expect(() => reader.sqlite.prepare('DELETE FROM filings').run()).toThrow(/readonly/);
    } finally {
      reader.close();
    }
  });
});
