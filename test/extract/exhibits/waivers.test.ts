/**
 * The waiver and amendment readers on wording other than the founding samples' (hand-made letters in the shapes
 * EDGAR exhibits use), so the rules are shown to be general: other instruments, roles, enumerations and orders.
 */
import { describe, expect, it } from 'vitest';
import { extractExhibitRecords } from '../../../src/extract/exhibits/index.js';
import { parseSubmission } from '../../../src/parse/index.js';

const LETTER = [
  'Exhibit 99.3',
  '',
  'March 3, 2009',
  '',
  'Acme Widgets, Inc.',
  'Attention: Chief Financial Officer',
  '',
  'Re: Senior Convertible Debenture',
  '',
  'Reference is made to the 8% Senior Convertible Debenture due June 30, 2011 in the principal amount of',
  '$1,500,000 (the "Debenture") issued by Acme Widgets, Inc. (the "Company") to Harbor Point Partners, L.P.',
  '(the "Holder"). The conversion price of the Debenture is $2.50 per share.',
  '',
  'The Holder hereby waives its right to the anti-dilution adjustment under Section 4(b) of the Debenture and',
  'agrees that, effective as of January 1, 2009, the Conversion Price shall be equal to: (a) if the Company',
  'completes a Qualified Financing with gross proceeds of at least $5 million on or before March 31, 2009, the',
  'lesser of (i) 90% of the price per share paid in the Qualified Financing and (ii) $2.00; or (b) if no',
  'Qualified Financing occurs on or before March 31, 2009, $2.25.',
  '',
  'Except as expressly set forth herein, the Debenture remains in full force and effect.',
  '',
  'Very truly yours,',
].join('\n');

describe('a waiver letter in other words', () => {
  const sub = parseSubmission(Buffer.from(LETTER), { sourceName: 'letter.txt' });
  const r = extractExhibitRecords(sub);

  it('is classified and read', () => {
    expect(r.classifications[0]!.classification).toMatchObject({ documentClass: 'waiver_letter', exhibitNumber: '99.3', title: 'Senior Convertible Debenture' });
    expect(r.waivers).toHaveLength(1);
    expect(r.waivers[0]).toMatchObject({
      dated: '2009-03-03',
      effectiveDate: '2009-01-01',
      holder: 'Harbor Point Partners, L.P.',
      holderTerm: 'Holder',
      counterparty: 'Acme Widgets, Inc.',
      counterpartyTerm: 'Company',
      instrument: 'Debenture',
      principal: 1500000,
      maturityDate: '2011-06-30',
      oldConversionPrice: 2.5,
      newConversionPrice: null,
    });
    expect(r.waiverItems[0]).toMatchObject({ kind: 'waiver', subject: 'the anti-dilution adjustment', provision: 'Section 4(b) of the Debenture' });
    expect(r.waivers[0]!.conditions).toContain('Except as expressly set forth herein');
  });

  it('stores both branches of a rule whose prices differ', () => {
    expect(r.conversionPriceRules.map(({ branch, priceBasis, price, alternative, eventOccurs, minGrossProceeds, deadline }) => ({ branch, priceBasis, price, alternative, eventOccurs, minGrossProceeds, deadline }))).toEqual([
      { branch: 1, priceBasis: 'lower_of', price: 2, alternative: '90% of the price per share paid in the Qualified Financing', eventOccurs: 1, minGrossProceeds: 5000000, deadline: '2009-03-31' },
      { branch: 2, priceBasis: 'fixed', price: 2.25, alternative: null, eventOccurs: 0, minGrossProceeds: null, deadline: '2009-03-31' },
    ]);
    expect(r.warnings.map((w) => w.code)).toContain('WAIVER_NEW_PRICE_CONTINGENT');
  });
});

describe('an amendment by section', () => {
  const text = [
    'EXHIBIT 10.4',
    '',
    'SECOND AMENDMENT TO CREDIT AGREEMENT',
    '',
    'This Second Amendment (this "Amendment") is made as of May 1, 2005 to the Credit Agreement dated as of June 15,',
    '2004 (the "Credit Agreement") between Northwind Traders LLC (the "Borrower") and First Lake Bank, N.A. (the',
    '"Lender").',
    '',
    '1. Section 2.1 of the Credit Agreement is hereby amended and restated in its entirety to read as follows:',
    '"2.1 Revolving Loans. The Lender agrees to lend to the Borrower up to $10,000,000 at any one time outstanding."',
    '',
    '2. Section 6.3 of the Credit Agreement is hereby deleted.',
  ].join('\n');
  const r = extractExhibitRecords(parseSubmission(Buffer.from(text), { sourceName: 'amendment.txt' }));

  it('reads what is amended, when, and how', () => {
    expect(r.classifications[0]!.classification.documentClass).toBe('amendment');
    expect(r.amendments[0]).toMatchObject({
      amendmentNumber: 2,
      dated: '2005-05-01',
      amendedDocument: 'Credit Agreement',
      amendedDocumentDate: '2004-06-15',
      parties: 'Northwind Traders LLC; First Lake Bank, N.A.',
      replaced: 'Section 2.1; Section 6.3',
    });
    expect(r.amendmentChanges.map((c) => [c.changeKind, c.target])).toEqual([
      ['replace', 'Section 2.1'],
      ['delete', 'Section 6.3'],
    ]);
    expect(r.amendmentAmounts.map((a) => [a.amount, a.role])).toEqual([[10000000, 'maximum']]);
  });
});
