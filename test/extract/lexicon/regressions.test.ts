/**
 * Regressions of issue 11 "lexicons that disagree": each extractor had its own date reader and waive-verb list, so a
 * value one extractor read another dropped. Each test goes through the extractor that was wrong, not the lexicon.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCoverHeader } from '../../../src/extract/cover-page/cover-header.js';
import { DefinedTerms } from '../../../src/extract/defined-terms/index.js';
import { readCondition } from '../../../src/extract/exhibits/conversion-price-rule.js';
import { extractExhibitRecords } from '../../../src/extract/exhibits/index.js';
import { scanTokens } from '../../../src/extract/prose/tokens.js';
import { parseSubmission } from '../../../src/parse/index.js';

/** A cover header (constructed: no corpus filing prints its event date this way) with the date given. */
function eventDateOf(date: string): string | null {
  const text = [
    'SCHEDULE 13D',
    'Under the Securities Exchange Act of 1934',
    '(Amendment No. 1)',
    '',
    'HUDSON TECHNOLOGIES, INC.',
    '(Name of Issuer)',
    '',
    'Common Stock, $.01 par value',
    '(Title of Class of Securities)',
    '',
    '444144109',
    '(CUSIP Number)',
    '',
    date,
    '(Date of Event Which Requires Filing of this Statement)',
    '',
  ].join('\n');
  return readCoverHeader(text, { kind: '13D', headerEnd: text.length, coversEnd: text.length }).eventDate;
}

describe('"25th day of June, 2003" and "2003-06-25" are dates for every extractor (three date readers disagreed)', () => {
  it('the cover page reads "25th day of June, 2003" as its event date', () => {
    // Cause: the cover page's reader knew `25 June 2003` and `25th of June` but not `25th day of June`, which the
    // prose tokens and the exhibits read.
    expect(eventDateOf('25th day of June, 2003')).toBe('2003-06-25');
    expect(eventDateOf('June 25, 2003')).toBe('2003-06-25');
  });

  it('an exhibit reads "2003-06-25" as a deadline', () => {
    // Cause: the exhibits' DATE_SOURCE had month-name and slashed dates only; the cover page and the prose read ISO.
    const terms = DefinedTerms.fromText('a public offering of equity securities by the Issuer ("Equity Offering")');
    expect(readCondition('in the event of an Equity Offering prior to 2003-06-25', terms).deadline).toBe('2003-06-25');
    expect(readCondition('in the event of an Equity Offering prior to 25 June 2003', terms).deadline).toBe('2003-06-25');
  });

  it('the prose reads "June 25,2003" and "6-25-03" as dates, as the cover page did', () => {
    // Cause: the prose tokens wanted a space before the year and slashes in numeric dates.
    expect(scanTokens('on June 25,2003 the Fund bought').filter((t) => t.kind === 'date').map((t) => t.iso)).toEqual(['2003-06-25']);
    expect(scanTokens('purchased on 6-25-03 at $1.13').filter((t) => t.kind === 'date').map((t) => t.iso)).toEqual(['2003-06-25']);
  });
});

describe('a letter saying "has waived" is a waiver letter with its waiver item (two waive-verb lists)', () => {
  it('the founding waiver letter, its verb written "has waived", yields the item it waives', () => {
    // Cause: the classifier's waive verbs included "has waived", the waiver reader's did not: the letter was classed
    // waiver_letter, then no sentence of it waived anything (WAIVER_ITEMS_MISSING).
    // No corpus exhibit says "has waived" in a waiver letter, so this is the real Exhibit 13 of 0001125282-03-003998
    // with its "has agreed to waive" rewritten; everything else is the filing's text.
    const real = readFileSync('samples/0001125282-03-003998-ex13.txt', 'utf8');
    expect(real).toContain('the Payee has agreed to waive its right');
    const letter = real.replace('the Payee has agreed to waive its right', 'the Payee has waived its right');
    const r = extractExhibitRecords(parseSubmission(Buffer.from(letter), { sourceName: 'ex13-has-waived.txt' }));
    expect(r.classifications[0]!.classification.documentClass).toBe('waiver_letter');
    expect(r.warnings.map((w) => w.code)).not.toContain('WAIVER_ITEMS_MISSING');
    expect(r.waiverItems).toHaveLength(1);
    // The same item as the letter's own wording gives.
    const original = extractExhibitRecords(parseSubmission(Buffer.from(real), { sourceName: 'ex13.txt' }));
    const { kind, subject } = original.waiverItems[0]!;
    expect(subject).toBe('the current calculation of the Initial Conversion Price');
    expect(r.waiverItems[0]).toMatchObject({ kind, subject });
    expect(r.waivers[0]!.holder).toBe('Fleming US Discovery Offshore Fund III, L.P.');
    expect(r.waivers[0]!.holder).toBe(original.waivers[0]!.holder);
  });
});
