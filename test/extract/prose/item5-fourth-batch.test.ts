/**
 * Regressions of XML-era 13D Item 5 shapes that the fourth batch of hand-labelled golden files
 * (test/fixtures/golden/items, "fourth batch", fixtures in test/fixtures/ext13d) showed the reader missing, each on the
 * real filing (bytes unchanged), with the cause.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractItemsAndProse } from '../../../src/extract/items/index.js';
import { parseSubmission } from '../../../src/parse/index.js';

/** [holder, shares] of every holdings row of a fixture of test/fixtures/ext13d. */
function rows(name: string): unknown[][] {
  const path = `test/fixtures/ext13d/${name}.xml`;
  const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
  return (tables.holdings ?? []).map((r) => [r.holder, r.shares]);
}

describe('13D Item 5 shapes of the fourth golden batch', () => {
  it('reads "Mr. Woodman" as the cover name printed surname first, "Woodman Nicholas" (0001104659-26-106446)', () => {
    // Cause: the honorific form was built from the cover name's last word ("Mr. Nicholas"), so "Mr. Woodman" was an
    // undefined name of its own and every position of his was given to "Mr. Woodman".
    const found = rows('0001104659-26-106446');
    expect(found).toContainEqual(['Woodman Nicholas', 46238278]);
    expect(found).toContainEqual(['Woodman Nicholas', 792059]);
    expect(found.some(([holder]) => holder === 'Mr. Woodman')).toBe(false);
  });

  it('reads a "(i) Name: 17,285,425.04" list of fractional units under "beneficially own the following" (claudetelegram__sc13d)', () => {
    // Causes: a "Name: N" line was a holding only under an "Amount beneficially owned" label, not under a lead that
    // ends in a colon; the line's count could not have decimals; and "Pantheon Infrastructure (QP)" named no party,
    // the cover adding ", a series of BlueArc Core Alternatives, LLC".
    const found = rows('claudetelegram__sc13d');
    expect(found).toContainEqual(['BlueArc Capital Management, LLC', 17285425.04]);
    expect(found).toContainEqual(['Ronald Zazworsky, Jr.', 17285425.04]);
    expect(found).toContainEqual(['Pantheon Infrastructure (QP), a series of BlueArc Core Alternatives, LLC', 13442986.66]);
    expect(found).toContainEqual(['Pantheon Infrastructure (QP) (TE Onshore), a series of BlueArc Core Alternatives, LLC', 3842438.38]);
  });

  it('reads fractional share powers and a defined name one word short of the cover name (0001011438-25-000254)', () => {
    // Causes: a count with decimals ("942,779.937806 Common Shares") was never a position, though its share word makes
    // it one; and "Platinum Investment Holdings RSC Limited (\"Platinum Holdings\")" named no cover person (the cover:
    // "Platinum International Investment Holdings RSC Limited"), so the Reporting Persons had two members of three.
    const found = rows('0001011438-25-000254');
    for (const person of ['Abu Dhabi Investment Authority', 'Platinum International Investment Holdings RSC Limited', 'Platinum Falcon B 2018 RSC Limited']) {
      expect(found).toContainEqual([person, 942779.937806]);
      expect(found).toContainEqual([person, 11615772.799]);
    }
    expect(found.some(([holder]) => holder === 'Platinum Investment Holdings RSC Limited')).toBe(false);
  });

  it('reads "manages 5\'288\'262.00 shares" and a 5(c) table of Swiss numbers and day-first dotted dates (laimis__sample_schedule_13d)', () => {
    // Causes: "manages" was no verb of a position; an apostrophe between thousands ended the number ("5'288'262" was
    // 5, "1'996" was 1); and "12.01.2026" was read month first (1 December), "23.01.2026" was no date at all, so 31 of
    // the 39 rows were lost and 8 had the wrong date.
    const path = 'test/fixtures/ext13d/laimis__sample_schedule_13d.xml';
    const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
    const found = (tables.holdings ?? []).map((r) => [r.holder, r.shares]);
    expect(found).toContainEqual(['PICTET ASSET MANAGEMENT SA', 5288262]);
    expect(found).toContainEqual(['PICTET ASSET MANAGEMENT SA', 5274370]);
    const trades = (tables.transactions ?? []).map((r) => [r.transactionDate, r.shares, r.pricePerShare]);
    expect(trades).toHaveLength(39);
    expect(trades).toContainEqual(['2026-01-23', 103174, 71.74]);
    expect(trades).toContainEqual(['2026-01-12', 426, 76.69]);
  });

  it('resolves a defined term whose meaning goes on after the cover name with an appositive (trade-news__schedule13d)', () => {
    // Cause: Item 2 defines "NCCS Management, LLC, a Delaware limited liability company, the investment manager of
    // the Fund (the \"Investment Manager\")": the whole run was the meaning, no cover name, so "The Investment Manager
    // has the shared power …" went to a holder named "Investment Manager".
    const found = rows('trade-news__schedule13d');
    expect(found).toContainEqual(['NCCS Management, LLC', 4987103]);
    expect(found.some(([holder]) => holder === 'Investment Manager')).toBe(false);
  });

  it('keeps the subject of "X has … N; has … 0; and has …" for the clauses whose verb has none (trade-news__schedule13d)', () => {
    // Cause: a clause after a semicolon that starts with "has" found no subject of its own, and the cover pages' equal
    // figures gave its counts to every reporting person, NCCS GP, LLC too (it has no 5(b) sentence).
    const path = 'test/fixtures/ext13d/trade-news__schedule13d.xml';
    const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
    const found = (tables.holdings ?? []).map((r) => [r.holder, r.shares, r.role]);
    expect(found).toContainEqual(['New Circle Capital Solutions LP', 4987103, 'shared_dispositive']);
    expect(found).toContainEqual(['New Circle Capital Solutions LP', 0, 'sole_dispositive']);
    expect(found.some(([holder]) => holder === 'NCCS GP, LLC')).toBe(false);
  });

  it('gives "N shares … that the Trust has the right to acquire upon exercise of the Warrant" to the Trust, as a warrant (0001104659-26-106446)', () => {
    // Cause: only "N shares held by X" named a holder after the count; a relative clause whose subject has the right
    // to acquire the shares was no position, so the fourth part of Mr. Woodman's aggregate had no holder.
    const path = 'test/fixtures/ext13d/0001104659-26-106446.xml';
    const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
    const trust = 'Woodman Family Trust under Trust Agreement dated March 11, 2011';
    expect((tables.holdings ?? []).map((r) => [r.holder, r.shares, r.securityKind])).toContainEqual([trust, 19280205, 'warrant']);
    expect((tables.options ?? []).map((r) => [r.holder, r.shares, r.kind])).toContainEqual([trust, 19280205, 'warrant']);
  });

  it('reads "in connection with the quarterly dividend, CCI Onshore received N Depositary Units, Gascon received M …" as dividends (0001539497-26-001890)', () => {
    // Cause: "received" was a verb of the dividend reader only before "a dividend of N shares", so the units each
    // holder received in the distribution were no transaction.
    const path = 'test/fixtures/ext13d/0001539497-26-001890.xml';
    const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
    const trades = (tables.transactions ?? []).map((r) => [r.holder, r.transactionDate, r.shares, r.action]);
    expect(trades).toContainEqual(['CCI Onshore LLC', '2026-06-25', 7789081, 'dividend']);
    expect(trades).toContainEqual(['Thornwood Associates Limited Partnership', '2026-06-25', 1360863, 'dividend']);
    expect(trades).toHaveLength(5);
  });

  it('reads the price per share in "for an aggregate purchase price of approximately $52,863,292 (approximately $10.60 per share)" (trade-news__schedule13d)', () => {
    // Cause: a price per share was read only after "at" or "for"; in a parenthesis after the aggregate it was lost.
    const path = 'test/fixtures/ext13d/trade-news__schedule13d.xml';
    const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
    const trades = (tables.transactions ?? []).map((r) => [r.holder, r.transactionDate, r.shares, r.pricePerShare]);
    expect(trades).toContainEqual(['New Circle Capital Solutions LP', '2026-09-23', 4987103, 10.6]);
  });

  it('makes no purchase of "has acquired economic exposure to 22,176,000 shares … underlying the Put/Call Pairs" (0001193125-26-202465)', () => {
    // Cause: "acquired" with a share count after it was a purchase whatever came between; the exposure is a
    // derivative's, and no share changed hands.
    const path = 'test/fixtures/ext13d/0001193125-26-202465.xml';
    const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
    expect((tables.transactions ?? []).some((r) => r.shares === 22176000)).toBe(false);
  });

  it('reads "the Fund" of (the "Fund," and together with …, the "Funds") in Item 3\'s purchase and holding (0001213900-25-001739)', () => {
    // Cause: a "together with" definition was read only when its first term stood right after the parenthesis, not
    // after "the", so "the Fund" named nobody and Item 3's "the Fund purchased … 75,000 shares … at $20.19" and "the
    // Fund holds 150,000 shares … and Warrants exercisable for 15,000 shares" were dropped.
    const path = 'test/fixtures/ext13d/0001213900-25-001739.xml';
    const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
    const fund = 'Strome Mezzanine Fund II, LP';
    expect(rows('0001213900-25-001739')).toContainEqual([fund, 150000]);
    expect(rows('0001213900-25-001739')).toContainEqual([fund, 15000]);
    expect((tables.options ?? []).map((o) => [o.holder, o.shares, o.kind])).toContainEqual([fund, 15000, 'warrant']);
    expect((tables.transactions ?? []).map((t) => [t.holder, t.transactionDate, t.shares, t.pricePerShare])).toContainEqual([fund, '2024-12-26', 75000, 20.19]);
  });

  it('gives a part of "consisting of (i) … (ii) 1,129,944 shares … held directly by The Woodman Family Trust" to the Trust alone (0001104659-26-106446)', () => {
    // Cause: every part listed after "consisting of" went to the subject of the whole ("Mr. Woodman may be deemed to
    // beneficially own an aggregate of 46,238,278 shares …"), also a part the list says another party holds.
    const found = rows('0001104659-26-106446');
    const trust = 'Woodman Family Trust under Trust Agreement dated March 11, 2011';
    expect(found).toContainEqual([trust, 1129944]);
    expect(found).toContainEqual([trust, 25036070]);
    expect(found).toContainEqual(['Woodman Nicholas', 792059]);
    expect(found).not.toContainEqual(['Woodman Nicholas', 1129944]);
    expect(found).not.toContainEqual(['Woodman Nicholas', 25036070]);
  });

  it('reads "the Issuer agreed to issue and sell in a private placement ("Private Placement I") N shares to X at $P" as X\'s purchase on the date "Private Placement I closed" (0001140361-25-017533)', () => {
    // Causes: no reader took the issuer's sale to a holder for the holder's purchase, nor a later sentence's closing
    // for its date; and "at an offering price of $9.14 per share" was no price.
    const path = 'test/fixtures/ext13d/0001140361-25-017533.xml';
    const tables = extractItemsAndProse(parseSubmission(readFileSync(path), { sourceName: path })).tables;
    const trades = (tables.transactions ?? []).map((t) => [t.holder, t.transactionDate, t.action, t.shares, t.pricePerShare]);
    expect(trades).toContainEqual(['Affinity Partners Parallel Fund I LP', '2024-07-25', 'purchase', 16247069, 9.14]);
    expect(trades).toContainEqual(['Affinity Partners Fund I LP', '2024-07-25', 'purchase', 164310, 9.14]);
    expect(trades).toContainEqual(['Affinity QXO 1 LLC', '2025-04-29', 'purchase', 16260163, 12.3]);
    expect(trades).toHaveLength(3);
  });
});
