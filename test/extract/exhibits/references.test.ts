/**
 * Exhibit references of a schedule: what is a reference to an exhibit of this filing and what names another filing's
 * exhibit (those are not references of this one, and are never linked).
 */
import { describe, expect, it } from 'vitest';
import { extractExhibitReferences } from '../../../src/extract/exhibits/references.js';

const refs = (text: string) => extractExhibitReferences(text, 1, [{ exhibitNumber: '99.1', documentSequence: 2 }], 0).references.map((r) => [r.referenceKind, r.exhibitNumber, r.toDocumentSequence]);

describe('another filing\u2019s exhibit is not a reference of this one', () => {
  it.each([
    'the Agreement (incorporated herein by reference to Exhibit 10.1 of the Issuer) remains',
    'the Agreement, incorporated by reference from the Exhibit 10.1 of the Issuer, remains',
    'the Plan, filed as Exhibit 10.1 with the Issuer, remains',
    'the Plan, previously filed as Exhibit 10.1 with the Issuer, remains',
    'the Issuer\u2019s 10-K (Exhibit 10.1) remains',
  ])('%j', (text) => {
    expect(refs(text)).toEqual([]);
  });

  it('while a plain mention is one, linked to the document that carries the number', () => {
    expect(refs('the Agreement (see Exhibit 99.1 hereto) remains')).toEqual([['see', '99.1', 2]]);
    expect(refs('the Agreement, a copy of which is Exhibit 10.1, remains')).toEqual([['see', '10.1', null]]);
  });

  it('thousands of mentions of one exhibit are each a reference, linked once', () => {
    const text = 'See Exhibit 99.1 hereto. '.repeat(20_000);
    const found = refs(text);
    expect(found).toHaveLength(20_000);
    expect(found.every(([kind, n, to]) => kind === 'see' && n === '99.1' && to === 2)).toBe(true);
  });
});
