/**
 * The issuer is never a holder or a trader, whichever of its defined terms the prose uses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { parseSubmission } from '../../../src/parse/index.js';

describe('issuer aliases', () => {
  it('trades under "GLP purchased Beneficial Shares of BRT" are GLP\'s, not the issuer\'s (0000712770-96-000005)', () => {
    // Cause: `BRT Realty Trust ("BRT" or "Issuer")` gave one party per term, and only the "Issuer" one counted as the
    // issuer, so the table's heading named two parties, GLP and "BRT", and the rows went to BRT Realty Trust.
    const path = 'test/fixtures/sc13/0000712770-96-000005.txt';
    const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables as Record<string, Record<string, unknown>[]>;
    const trades = (tables.transactions ?? []).filter((t) => t.pricePerShare !== null);
    expect(trades.map((t) => [t.transactionDate, t.action, t.shares, t.pricePerShare])).toContainEqual(['1996-05-15', 'purchase', 1400, 4.5]);
    expect(trades).toHaveLength(8);
    expect(new Set(trades.map((t) => t.holder))).toEqual(new Set(['Gould Investors L.P.']));
  });
});
