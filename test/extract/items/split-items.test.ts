/**
 * Item splitting on every body shape: plain text (0000950152-00-002768, an amendment with Items 3, 5, 6, 7),
 * rendered HTML (0001193125-10-137857), flattened text (the founding sample) and XML (0000950170-24-140615,
 * items1To7 selected by local name); plus the cross-references that must not become headings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scheduleItems, splitItems, xmlItems } from '../../../src/extract/items/index.js';
import { documentText } from '../../../src/parse/body.js';
import { parseSubmission } from '../../../src/parse/index.js';

function itemsOf(path: string) {
  const submission = parseSubmission(readFileSync(path), { sourceName: path });
  const found = scheduleItems(submission)!;
  return { found, text: documentText(submission, found.doc) };
}

describe('splitItems', () => {
  it('splits a plain-text amendment that reprints only some items', () => {
    const { found, text } = itemsOf('test/fixtures/sc13/0000950152-00-002768.txt');
    expect(found.kind).toBe('13D');
    expect(found.items.map((i) => [i.itemNumber, i.title])).toEqual([
      [3, 'Source and Amount of Funds and Other Consideration'],
      [5, 'Interest in Securities of Issuer'],
      [6, 'Contracts, Arrangements, Understandings or Relationships with Respect to Securities of the Issuer'],
      [7, 'Material to be filed as Exhibits'],
    ]);
    const item5 = found.items[1]!;
    expect(text.slice(item5.spanStart, item5.spanEnd)).toMatch(/^Item 5\.\s+Interest in Securities of Issuer\./);
    expect(item5.text).toMatch(/^The number of shares of Common Stock issued and outstanding/);
    // "… are described in Item 3." inside Item 5 is a cross-reference, not a heading.
    expect(item5.text).toContain('are described in Item 3.');
    // The last item stops before the signature.
    expect(found.items[3]!.text).not.toMatch(/SIGNATURE|After reasonable inquiry/);
  });

  it('splits rendered HTML, including a heading whose title is on the next block', () => {
    const { found } = itemsOf('test/fixtures/sc13/0001193125-10-137857.txt');
    expect(found.items.map((i) => i.itemNumber)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(found.items[2]!.text).toBe('Not applicable.');
    expect(found.items[5]!.title).toMatch(/^Contracts, Arrangements/);
  });

  it('splits the flattened founding sample by titles, not line starts', () => {
    const { found, text } = itemsOf('samples/0001125282-03-003998.txt');
    expect(found.items.map((i) => i.itemNumber)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(text.includes('\n')).toBe(false);
    // Cover rows ("ITEM 2(d) or 2(e)") and "the information contained in Item 2" are not headings.
    expect(found.items[0]!.text).toMatch(/^The address of the Issuer's principal executive offices/);
    expect(found.items[6]!.text).toMatch(/Appendix 3- Information About JP Morgan Chase & Co\. Required by Item 2$/);
  });

  it('selects XML items by local name and maps their text back to the XML source', () => {
    const { found, text } = itemsOf('test/fixtures/sc13/0000950170-24-140615.txt');
    expect(found.items.map((i) => [i.itemNumber, i.title])).toEqual([
      [1, 'Security and Issuer'],
      [2, 'Identity and Background'],
      [3, 'Source and Amount of Funds or Other Consideration'],
      [4, 'Purpose of Transaction'],
      [5, 'Interest in Securities of the Issuer'],
      [6, 'Contracts, Arrangements, Understandings or Relationships with Respect to Securities of the Issuer'],
      [7, 'Material to Be Filed as Exhibits'],
    ]);
    const item3 = found.items[2]!;
    expect(text.slice(item3.spanStart, item3.spanEnd)).toMatch(/^<item3>[\s\S]*<\/item3>$/);
    const source = item3.prose.source;
    const at = source.text.indexOf('1,818,281');
    const span = source.toDocument(at, at + '1,818,281'.length);
    expect(text.slice(span.start, span.end)).toBe('1,818,281');
  });

  it('decodes entities in XML items and keeps exact spans across them', () => {
    const xml = '<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13D"><formData><items1To7><item3><fundsSource>Funds of A &amp; B: $1,000.&#13;\nDone.</fundsSource></item3><ns:item5 xmlns:ns="x"><ns:numberOfShares>See &quot;Item 5&quot;</ns:numberOfShares></ns:item5></items1To7></formData></edgarSubmission>';
    const items = xmlItems(xml, '13D');
    expect(items.map((i) => i.itemNumber)).toEqual([3, 5]);
    expect(items[0]!.source.text).toBe('Funds of A & B: $1,000.\nDone.');
    const at = items[0]!.source.text.indexOf('& B');
    const span = items[0]!.source.toDocument(at, at + 3);
    expect(xml.slice(span.start, span.end)).toBe('&amp; B');
    expect(items[1]!.source.text).toBe('See "Item 5"');
  });

  it('ignores cross-references at line starts and picks the best chain of headings', () => {
    const text = [
      'ITEMS 2(d) or 2(e) [ ]',
      'Item 1.  Security and Issuer',
      'Common stock of Example Corp.',
      'Item 4 of the Schedule 13D is hereby amended as follows:',
      'The information is described in',
      'Item 3. The purchases were made with working capital.',
      'Item 5.  Interest in Securities of the Issuer',
      '(a) The Fund owns 1,000 shares.',
      'Item 5(c) is not applicable.',
      'SIGNATURE',
      'After reasonable inquiry …',
    ].join('\n');
    const items = splitItems(text, { kind: '13D', flattened: false });
    expect(items.map((i) => [i.itemNumber, i.title])).toEqual([
      [1, 'Security and Issuer'],
      [5, 'Interest in Securities of the Issuer'],
    ]);
    expect(text.slice(items[1]!.bodySpan.start, items[1]!.bodySpan.end)).toBe('(a) The Fund owns 1,000 shares.\nItem 5(c) is not applicable.');
  });

  it('splits a 13G into Items 1–10 with sub-item headings', () => {
    const text = [
      'Item 1(a). Name of Issuer: Example Corp.',
      'Item 1(b). Address of Issuer: 1 Main St.',
      'Item 2(a). Name of Person Filing: Example Fund LP',
      'Item 3. If this statement is filed pursuant to Rule 13d-1(b): Not applicable.',
      'Item 4. Ownership',
      '(a) Amount beneficially owned: 1,234,567',
      'Item 5. Ownership of Five Percent or Less of a Class: Not applicable.',
      'Item 6. Ownership of More than Five Percent on Behalf of Another Person: Not applicable.',
      'Item 7. Identification and Classification of the Subsidiary: Not applicable.',
      'Item 8. Identification and Classification of Members of the Group: Not applicable.',
      'Item 9. Notice of Dissolution of Group: Not applicable.',
      'Item 10. Certification: By signing below I certify …',
    ].join('\n');
    const items = splitItems(text, { kind: '13G', flattened: false });
    expect(items.map((i) => i.itemNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(text.slice(items[0]!.span.start, items[0]!.span.end)).toContain('Item 1(b). Address of Issuer');
    expect(text.slice(items[3]!.bodySpan.start, items[3]!.bodySpan.end)).toBe('(a) Amount beneficially owned: 1,234,567');
  });
});
