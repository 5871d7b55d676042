// One guard per extractor: a defect in one extractor is an EXTRACTOR_FAILED warning naming it; the other
// extractors' rows are kept and the filing is still stored.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTRACTORS, extractFiling, type Extractor } from '../../src/extract/index.js';
import { parseSubmission } from '../../src/parse/index.js';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/database.js';

const FILING = 'test/fixtures/sc13/0000950133-02-003348.txt';
const bytes = new Uint8Array(readFileSync(FILING));
const broken: Extractor = () => {
  throw new TypeError("Cannot read properties of undefined (reading 'start')");
};
const withBrokenExhibits = EXTRACTORS.map((e) => (e.name === 'exhibits' ? { name: e.name, extract: broken } : e));

describe('extractor guard', () => {
  it('an extractor that throws becomes an EXTRACTOR_FAILED warning naming it; the others keep their rows', () => {
    const sub = parseSubmission(bytes, { sourceName: FILING });
    const intact = extractFiling(sub);
    const result = extractFiling(sub, withBrokenExhibits);
    const failed = result.warnings.filter((w) => w.code === 'EXTRACTOR_FAILED');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toContain('the exhibits extractor failed');
    expect(failed[0]!.message).toContain("TypeError: Cannot read properties of undefined (reading 'start')");
    expect(result.tables.exhibit_references ?? []).toEqual([]);
    expect(intact.tables.exhibit_references!.length).toBeGreaterThan(0);
    expect(result.tables.holdings).toEqual(intact.tables.holdings);
    expect(result.tables.schedule13).toEqual(intact.tables.schedule13);
  });

  it('the filing is still stored, with the warning in the warnings table', () => {
    const db = openDatabase(':memory:');
    try {
      const stored = ingestSubmission(db, bytes, { sourceName: FILING, extractors: withBrokenExhibits });
      expect(stored.store.changed).toBe(true);
      const rows = db.sqlite.prepare("SELECT code, message FROM warnings WHERE code = 'EXTRACTOR_FAILED'").all() as { message: string }[];
      expect(rows).toHaveLength(1);
      expect(rows[0]!.message).toContain('exhibits');
      expect(db.sqlite.prepare('SELECT count(*) AS n FROM holdings').get()).toEqual({ n: stored.extracted.tables.holdings!.length });
    } finally {
      db.close();
    }
  });

  it('an extractor that warns 5,000 times: each code listed 1,000 times, then counted', () => {
    const sub = parseSubmission(bytes, { sourceName: FILING });
    const noisy: Extractor = () => ({
      tables: {},
      warnings: Array.from({ length: 5_000 }, (_, i) => ({ code: 'PROSE_UNREAD' as const, message: `noise ${i}`, documentSequence: 1, span: { start: i, end: i + 1 } })),
    });
    const result = extractFiling(sub, [{ name: 'noisy', extract: noisy }]);
    expect(result.warnings.filter((w) => w.code === 'PROSE_UNREAD')).toHaveLength(1_000);
    expect(result.warnings.at(-1)).toEqual({ code: 'EXTRACTION_WARNINGS_NOT_LISTED', message: '4000 more PROSE_UNREAD warnings are not listed (the first of them is here)', documentSequence: 1, span: { start: 1000, end: 1001 } });
  });

  it('without a defect there is no EXTRACTOR_FAILED warning', () => {
    const sub = parseSubmission(bytes, { sourceName: FILING });
    expect(extractFiling(sub).warnings.map((w) => w.code)).not.toContain('EXTRACTOR_FAILED');
  });
});
