/**
 * The issuer's sales to a holder that a later sentence says closed (issuer-sales.ts), on hand-made Item 3 text in the
 * shape of 0001140361-25-017533: an agreement alone is no trade.
 */
import { describe, expect, it } from 'vitest';
import { DefinedTerms } from '../../../src/extract/defined-terms/index.js';
import { readIssuerSales } from '../../../src/extract/prose/issuer-sales.js';
import { sentencesOf } from '../../../src/extract/prose/item-sentences.js';
import { PartyIndex } from '../../../src/extract/prose/index.js';

function sales(text: string): unknown[][] {
  const terms = DefinedTerms.fromText(text, 1, { acronyms: true });
  const parties = PartyIndex.build([{ ordinal: 1, name: 'Alpha Fund LP' }], terms, text);
  const item = { itemNumber: 3, documentSequence: 1, source: { text, start: 0, end: text.length, linesAreBlocks: true, toDocument: (s: number, e: number) => ({ start: s, end: e }) } };
  const ctx = { parties, terms, filedAt: null, coverParties: parties.coverParties, cover: [] };
  return readIssuerSales(sentencesOf(item, parties), ctx).map((r) => [r.row.holder, r.row.transactionDate, r.row.shares, r.row.pricePerShare]);
}

const ISSUER = 'Beta Corp. (the "Issuer") is the issuer. ';
const AGREEMENT = 'On May 1, 2025, the Issuer agreed to issue and sell in a private placement (the "Placement") 10,000 shares of Common Stock to Alpha Fund LP at a price of $2.50 per share.';

describe('readIssuerSales', () => {
  it('makes the buyer\'s purchase on the closing date, stated before or after the term', () => {
    expect(sales(`${ISSUER}${AGREEMENT} On May 3, 2025, the Placement closed.`)).toEqual([['Alpha Fund LP', '2025-05-03', 10000, 2.5]]);
    expect(sales(`${ISSUER}${AGREEMENT} The Placement was consummated on May 4, 2025.`)).toEqual([['Alpha Fund LP', '2025-05-04', 10000, 2.5]]);
    // The date set off by no comma (the paraphrase bench's prose-date-no-comma).
    expect(sales(`${ISSUER}${AGREEMENT} On May 3 2025 the Placement closed.`)).toEqual([['Alpha Fund LP', '2025-05-03', 10000, 2.5]]);
  });

  it('makes none for an agreement whose closing no sentence states, or a sale the issuer does not make', () => {
    expect(sales(`${ISSUER}${AGREEMENT} The Placement is expected to close in June.`)).toEqual([]);
    expect(sales(`${ISSUER}On May 1, 2025, Alpha Fund LP agreed to issue and sell (the "Placement") 10,000 shares of Common Stock to Gamma LLC. On May 3, 2025, the Placement closed.`)).toEqual([]);
  });
});
