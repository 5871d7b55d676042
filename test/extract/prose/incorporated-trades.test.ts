/**
 * Item 5(c) pointing to another item for its transactions ("(c) The information set forth in Item 4 is hereby
 * incorporated by reference into this Item 5(c).") on the real filing it was found on, and the rules that find such a
 * reference (incorporated-trades.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { tradeItemsReferred } from '../../../src/extract/prose/incorporated-trades.js';
import type { ProseSentence } from '../../../src/extract/prose/types.js';
import { parseSubmission } from '../../../src/parse/index.js';

function tablesOf(fixture: string): Record<string, Record<string, unknown>[]> {
  const path = `test/fixtures/${fixture}`;
  return extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables as Record<string, Record<string, unknown>[]>;
}

const sentences = (...raws: string[]): ProseSentence[] => raws.map((raw) => ({ raw }) as ProseSentence);

describe('trades of the item Item 5(c) incorporates (go-edgar__vtv_13d_item4)', () => {
  const tables = tablesOf('html/go-edgar__vtv_13d_item4.htm');
  const trades = (tables.transactions ?? []).map((t) => [t.holder, t.transactionDate, t.action, t.shares, t.security]);

  it('reads the exchange Item 4 states when Item 5(c) incorporates Item 4, each party\'s count given and received', () => {
    // Cause: only Items 3 and 5 were read, so "(c) The information set forth in Item 4 is hereby incorporated by
    // reference into this Item 5(c)" left Item 4's trades unread; and there "exchanged" was no trade verb, and a list
    // "4,776 and 52,881 shares of Common Stock, respectively" was no list (only "N and M shares, respectively" was).
    expect(trades).toEqual(
      expect.arrayContaining([
        ['667, L.P.', '2024-03-04', 'exchange', 4776, 'Common Stock'],
        ['Baker Brothers Life Sciences, L.P.', '2024-03-04', 'exchange', 52881, 'Common Stock'],
        ['667, L.P.', '2024-03-04', 'exchange', 4780, 'Prefunded Warrants'],
        ['Baker Brothers Life Sciences, L.P.', '2024-03-04', 'exchange', 52925, 'Prefunded Warrants'],
      ]),
    );
  });

  it('points each such trade into Item 4\'s text, and takes nothing else from Item 4', () => {
    const item4 = (tables.items ?? []).find((i) => i.itemNumber === 4)!;
    const fromItem4 = (tables.transactions ?? []).filter((t) => t.itemNumber === 4);
    expect(fromItem4).toHaveLength(4);
    for (const t of fromItem4) {
      expect(t.spanStart as number).toBeGreaterThanOrEqual(item4.spanStart as number);
      expect(t.spanEnd as number).toBeLessThanOrEqual(item4.spanEnd as number);
    }
    // The issuer's side of the exchange ("the Issuer exchanged an aggregate of 57,657 shares … held by the Funds") is
    // the Funds' trades restated, and Item 4's positions and warrant terms are no Item 5 rows.
    expect(trades.map((t) => t[3])).not.toContain(57657);
    for (const table of ['holdings', 'options', 'notes']) expect((tables[table] ?? []).filter((r) => r.itemNumber === 4)).toEqual([]);
  });
});

describe('tradeItemsReferred: the references of Item 5 that hand its trades to another item', () => {
  it('finds the item sub-item (c) incorporates or excepts, or a sentence about transactions effected names', () => {
    expect(tradeItemsReferred(sentences('(c) The information set forth in Item 4 is hereby incorporated by reference into this Item 5(c).'), [3, 5])).toEqual([4]);
    expect(tradeItemsReferred(sentences('(c) Except as set forth in Item 4 and Item 6, none of the Reporting Persons has effected any transactions in the Common Stock during the past 60 days.'), [3, 5])).toEqual([4, 6]);
    expect(tradeItemsReferred(sentences('(c)', 'See Item 4.'), [3, 5])).toEqual([4]);
    // Items 3 and 5 are read already.
    expect(tradeItemsReferred(sentences('All transactions in Common Stock that were effected since the most recent filing are described in Item 3.'), [3, 5])).toEqual([]);
  });

  it('finds none in a reference for something else: the persons of Item 2, the cover pages\' rows, sub-items (a) and (b)', () => {
    // 0000950109-94-000302: "none of the persons named in Item 2 have effected any transactions" names no trades.
    expect(tradeItemsReferred(sentences('(c) Other than as described herein, none of the persons named in Item 2 have effected any transactions in the Common Stock during the preceding 60-day period.'), [3, 5])).toEqual([]);
    expect(tradeItemsReferred(sentences('(a) and (b) Items 7 through 11 and 13 of each of the cover pages of this Schedule 13D are incorporated herein by reference.'), [3, 5])).toEqual([]);
    expect(tradeItemsReferred(sentences('(b) See Item 6.', '(d) Not applicable.'), [3, 5])).toEqual([]);
  });
});
