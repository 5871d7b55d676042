// The prose readers on flattened submissions (tags stripped, white space collapsed: the founding sample's shape),
// each a real golden filing rewritten by bench/flatten.ts, as the `flattened` family of bench/paraphrase-robustness.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenSubmission } from '../../../bench/flatten.js';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { parseSubmission } from '../../../src/parse/index.js';

const flattened = (path: string) => parseSubmission(Buffer.from(flattenSubmission(readFileSync(path).toString('latin1')), 'latin1'), { sourceName: path });
const holdings = (path: string) => (extractItemsAndProse(flattened(path)).tables.holdings ?? []).map((r) => [r.holder, r.role, r.shares]);

describe('flattened filings', () => {
  it('read a power row whose count the next row follows on the same line (0000834237-21-000476)', () => {
    // Cause: a form row's count with no colon counted only when a line break, a tab or padding set it off; flattened,
    // "… direct the vote 19494548 Shared power to vote …" has none, and the voting rows were lost.
    expect(holdings('test/fixtures/sc13/0000834237-21-000476.txt')).toEqual(
      expect.arrayContaining([
        ['BlackRock, Inc.', 'sole_voting', 19494548],
        ['BlackRock, Inc.', 'shared_voting', 0],
        ['BlackRock, Inc.', 'sole_dispositive', 19803507],
      ]),
    );
  });
});
