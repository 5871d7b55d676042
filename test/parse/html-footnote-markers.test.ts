/**
 * HTML → text: a footnote marker in `<sup>`/`<sub>` glued to the number before it changed the number
 * (0001313250-08-000037's Schedules print "$22.00<sup>1</sup>", which read "$22.001"); and a table row whose cells wrap
 * their value in a `<p>`/`<div>` came out one cell per line (0001193125-10-137857, 0001056569-11-000015). On the real
 * fixtures, then on small cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentText, htmlToText } from '../../src/parse/body.js';
import { parseSubmission } from '../../src/parse/index.js';

function text(path: string): string {
  const submission = parseSubmission(readFileSync(path), { sourceName: path });
  return submission.documents
    .filter((d) => d.bodyFormat === 'html')
    .map((d) => documentText(submission, d))
    .join('\n');
}

describe('footnote markers in <sup>', () => {
  it('sets "$22.00<sup>1</sup>" off as "$22.00 1", not "$22.001" (0001313250-08-000037)', () => {
    const t = text('test/fixtures/sc13/0001313250-08-000037.txt');
    expect(t).toContain('6/13/2008\t13,500\t$22.00 1');
    expect(t).not.toContain('$22.001');
  });

  it('keeps an ordinal suffix on its number: "3<SUP>rd</SUP>" reads "3rd" (go-edgar__13d_2024_2.htm)', () => {
    const path = 'test/fixtures/html/go-edgar__13d_2024_2.htm';
    const source = readFileSync(path, 'latin1');
    expect(source).toMatch(/3<SUP>rd<\/SUP>/i);
    expect(htmlToText(source)).toMatch(/\b3rd\b/);
  });

  it('sets off markers after numbers and words, not ordinals or a marker after a space', () => {
    expect(htmlToText('<p>$22.00<sup>1</sup> and 1,000<sub>(2)</sub> by Smith<sup>*</sup></p>')).toBe('$22.00 1 and 1,000 (2) by Smith *');
    expect(htmlToText('<p>the 1<sup>st</sup> and 22<sup>nd</sup> day; note <sup>2</sup></p>')).toBe('the 1st and 22nd day; note 2');
  });
});

describe('table rows whose cells hold a block', () => {
  it('renders a 5(c) row of <P> and plain cells as one line (0001193125-10-137857)', () => {
    const t = text('test/fixtures/sc13/0001193125-10-137857.txt');
    expect(t).toContain('\nMay 6, 2010\t\t1,250\t\t$\t16.2848\n');
    expect(t).toContain('\nJune 9, 2010\t\t300\t\t$\t15.6150');
  });

  it('renders a row of <div> cells as one line, a count of 210 among them (0001056569-11-000015)', () => {
    const t = text('test/fixtures/sc13/0001056569-11-000015.txt');
    expect(t).toContain('\nDate\tShares\tAverage Price\n2/15/2011\t210\t5.2988\n');
  });

  it('keeps the lines of a cell with two lines of its own, or a table inside', () => {
    expect(htmlToText('<table><tr><td><p>7</p></td><td><div>SOLE VOTING POWER</div><div>1,000</div></td></tr></table>')).toBe('7\nSOLE VOTING POWER\n1,000');
    expect(htmlToText('<table><tr><td><p>a</p></td><td><p>b</p><table><tr><td>c</td></tr></table></td></tr></table>')).toBe('a\nb\nc');
    expect(htmlToText('<table><tr><td><p>a</p></td><td>b<br></td><td><div>c</div></td></tr></table>')).toBe('a\tb\tc');
  });
});
