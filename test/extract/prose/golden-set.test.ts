/**
 * The hand-labelled golden set (test/fixtures/golden/items/*.json): holdings and notes scored as bench/
 * accuracy-prose.ts scores them. Floors, not targets: they catch a reader that gets worse; the figures themselves
 * are printed by the tool.
 */
import { describe, expect, it } from 'vitest';
import { scoreGoldenSet, totals } from '../../../bench/accuracy-prose.js';

describe('golden set', () => {
  const scores = scoreGoldenSet('test/fixtures/golden/items', process.cwd());

  it('covers at least 10 real 13D filings besides the founding sample', () => {
    expect(scores.filter((s) => s.accessionNumber !== '0001125282-03-003998').length).toBeGreaterThanOrEqual(10);
  });

  it('keeps precision and recall of holdings and notes above their floors', () => {
    // The splits tuned on under the first labelling convention.
    // Measured 98.8% / 98.8% (dev and dev-late, 20 filings).
    const dev = totals(scores.filter((s) => s.split === 'dev' || s.split === 'dev-late'), 'holdings');
    expect(dev.precision).toBeGreaterThanOrEqual(0.98);
    expect(dev.recall).toBeGreaterThanOrEqual(0.98);
    const notes = totals(scores, 'notes');
    expect(notes.precision).toBe(1);
    expect(notes.recall).toBe(1);
  });

  it('keeps the tune split (current labelling rule: powers, tables, parts) above its floors', () => {
    const tune = totals(scores.filter((s) => s.split === 'tune'), 'holdings');
    // Measured 94.6% / 89.8% on 51 filings (22, then 29 labelled by someone who never saw the reader, which scored
    // 87.8% / 65.1% on arrival); the floors sit just under it.
    expect(tune.precision).toBeGreaterThanOrEqual(0.94);
    expect(tune.recall).toBeGreaterThanOrEqual(0.89);
  });

  it('keeps the options and warrants of the tune split above their floors (held positions as well as grants)', () => {
    // Measured 85.7% / 85.7% on the 51 tune filings (0% recall before held options were recorded).
    const options = totals(scores.filter((s) => s.split === 'tune'), 'options');
    expect(options.precision).toBeGreaterThanOrEqual(0.85);
    expect(options.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('credits the trades of the tune split to the right holders (tradeHolders) above its floors', () => {
    // Measured 90.4% / 82.0% when holders joined the trade key (147 tune filings), against 94.9% / 86.0% without
    // them: the difference is one schedule whose "Fidelity Fund(s)" trades the reader credits to FMR Corp. Crediting
    // Gould Investors' purchases to the issuer, BRT Realty Trust, under an alias (fixed in bb91167) fails it: 85.3%.
    const trades = totals(scores.filter((s) => s.split === 'tune'), 'tradeHolders');
    expect(trades.precision).toBeGreaterThanOrEqual(0.89);
    expect(trades.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('does not fall below what the blind holdout measured (a floor against regressions, not the target)', () => {
    const holdout = scores.filter((s) => s.split === 'holdout');
    expect(holdout.length).toBeGreaterThanOrEqual(26);
    const h = totals(holdout, 'holdings');
    // Measured once, blind, when the holdout labels were merged: precision 82.9%, recall 47.5% (26 filings). The
    // reader was never tuned on these files; the issue's target (recall 90%, precision 95%) is not met yet.
    expect(h.precision).toBeGreaterThanOrEqual(0.8);
    expect(h.recall).toBeGreaterThanOrEqual(0.45);
  });

  it('makes no holding up on a filing whose items state none (0000911420-07-000292)', () => {
    const s = scores.find((x) => x.accessionNumber === '0000911420-07-000292')!;
    expect(s.holdings.falsePositives + s.notes.falsePositives).toBe(0);
  });
});
