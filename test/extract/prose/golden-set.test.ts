/**
 * The hand-labelled golden set (test/fixtures/golden/items/*.json): holdings and notes scored as src/tools/
 * accuracy-prose.ts scores them. Floors, not targets: they catch a reader that gets worse; the figures themselves
 * are printed by the tool.
 */
import { describe, expect, it } from 'vitest';
import { scoreGoldenSet, totals } from '../../../src/tools/accuracy-prose.js';

describe('golden set', () => {
  const scores = scoreGoldenSet('test/fixtures/golden/items', process.cwd());

  it('covers at least 10 real 13D filings besides the founding sample', () => {
    expect(scores.filter((s) => s.accessionNumber !== '0001125282-03-003998').length).toBeGreaterThanOrEqual(10);
  });

  it('keeps precision and recall of holdings and notes above their floors', () => {
    const all = totals(scores, 'holdings');
    expect(all.precision).toBeGreaterThanOrEqual(0.95);
    expect(all.recall).toBeGreaterThanOrEqual(0.85);
    const dev = totals(scores.filter((s) => s.split !== 'holdout'), 'holdings');
    expect(dev.recall).toBeGreaterThanOrEqual(0.95);
    const notes = totals(scores, 'notes');
    expect(notes.precision).toBe(1);
    expect(notes.recall).toBe(1);
  });

  it('makes no holding up on a filing whose items state none (0000911420-07-000292)', () => {
    const s = scores.find((x) => x.accessionNumber === '0000911420-07-000292')!;
    expect(s.holdings.falsePositives + s.notes.falsePositives).toBe(0);
  });
});
