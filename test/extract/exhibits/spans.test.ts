/**
 * Every value the exhibits extractor prints can be found again at its span: `text.slice(span)` of the document it
 * names holds that value (dates and amounts re-read from the slice, names contained in it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractExhibitRecords } from '../../../src/extract/exhibits/index.js';
import { parseDate, parseMoney } from '../../../src/extract/lexicon/index.js';
import { squash } from '../../../src/extract/exhibits/values.js';
import { documentText } from '../../../src/parse/body.js';
import { parseSubmission } from '../../../src/parse/index.js';
import type { Submission } from '../../../src/parse/types.js';

const ROOT = new URL('../../../', import.meta.url);
const SAMPLES = ['samples/0001125282-03-003998.txt', 'samples/0001125282-03-003998-ex13.txt', 'samples/hudson-ex10-20-first-amendment.txt'];

function textOf(sub: Submission, sequence: number | null): string {
  const doc = sub.documents.find((d) => d.sequence === sequence);
  if (!doc) throw new Error(`no document ${sequence}`);
  return documentText(sub, doc);
}

function checkValue(key: string, value: unknown, slice: string): void {
  if (value === null || value === undefined) return;
  const flat = squash(slice);
  if (/date$|^dated$/i.test(key)) {
    // `effective as of the date hereof` is resolved to the document's date; its span is those words.
    if (!/date hereof/i.test(slice)) expect(parseDate(slice), key).toBe(value);
  }
  else if (key === 'principal' || key === 'oldConversionPrice') expect(parseMoney(slice), key).toBe(value);
  else if (key === 'newConversionPrice') expect(flat, key).toContain(`$${String(value)}`);
  else if (key === 'shares') expect(Number(slice.replace(/,/g, '')), key).toBe(value);
  else if (typeof value === 'string') expect(flat, key).toContain(value);
}

describe.each(SAMPLES)('spans of %s', (path) => {
  const sub = parseSubmission(readFileSync(new URL(path, ROOT)), { sourceName: path });
  const r = extractExhibitRecords(sub);

  it('waiver values sit at their spans', () => {
    for (const w of r.waivers) {
      const text = textOf(sub, w.documentSequence);
      const keys = Object.keys(w.spans);
      expect(keys.length).toBeGreaterThan(3);
      for (const [key, [start, end]] of Object.entries(w.spans)) {
        const value = key === 'instrument' ? w.instrumentDescription : (w as unknown as Record<string, unknown>)[key];
        checkValue(key, value, text.slice(start, end));
        expect(start).toBeGreaterThanOrEqual(w.spanStart!);
        expect(end).toBeLessThanOrEqual(w.spanEnd!);
      }
      // The holder's span is its defining phrase: full name and the term the document uses.
      const holder = squash(text.slice(...w.spans.holder!));
      expect(holder).toContain(w.holder!);
      expect(holder).toContain(`"${w.holderTerm}"`);
    }
  });

  it('items and rules sit at their spans', () => {
    for (const item of r.waiverItems) {
      const text = textOf(sub, item.documentSequence);
      expect(squash(text.slice(item.spanStart, item.spanEnd))).toContain(item.text);
      if (item.subject && item.section) expect(squash(text.slice(item.spanStart, item.spanEnd)).toLowerCase()).toContain(item.subject.split(' ')[0]!.toLowerCase());
    }
    for (const rule of r.conversionPriceRules) {
      const slice = squash(textOf(sub, rule.documentSequence).slice(rule.spanStart, rule.spanEnd));
      if (rule.condition) expect(slice).toContain(rule.condition);
      if (rule.alternative) expect(slice).toContain(rule.alternative);
      expect(slice).toContain(`$${String(rule.price)}`);
    }
  });

  it('amendment values, changes and amounts sit at their spans', () => {
    for (const a of r.amendments) {
      const text = textOf(sub, a.documentSequence);
      for (const [key, [start, end]] of Object.entries(a.spans)) {
        const value = key === 'parties' ? null : (a as unknown as Record<string, unknown>)[key];
        checkValue(key, value, text.slice(start, end));
      }
    }
    for (const c of r.amendmentChanges) {
      const slice = squash(textOf(sub, c.documentSequence).slice(c.spanStart, c.spanEnd));
      expect(slice).toContain(c.target);
      if (c.newText) expect(slice).toContain(c.newText);
    }
    for (const x of r.amendmentAmounts) {
      const text = textOf(sub, x.documentSequence);
      expect(parseMoney(text.slice(x.spanStart, x.spanEnd))).toBe(x.amount);
    }
  });

  it('exhibit references sit at their spans', () => {
    for (const ref of r.exhibitReferences) {
      const slice = squash(textOf(sub, ref.documentSequence).slice(ref.spanStart, ref.spanEnd));
      expect(slice).toMatch(/^Exhibits?\s/i);
      expect(slice).toContain(ref.exhibitNumber);
      if (ref.exhibitTitle) expect(slice).toContain(ref.exhibitTitle);
    }
  });

  it('warnings carry a span', () => {
    for (const w of r.warnings) expect(w.span).not.toBeNull();
  });
});

describe('exact offsets in the founding EX-12', () => {
  const path = 'samples/0001125282-03-003998.txt';
  const sub = parseSubmission(readFileSync(new URL(path, ROOT)), { sourceName: path });
  const r = extractExhibitRecords(sub);
  const w = r.waivers.find((x) => x.documentType === 'EX-12')!;
  const text = textOf(sub, 6);

  it('points at the printed words', () => {
    expect(text.slice(...w.spans.dated!)).toBe('April 10, 2003');
    expect(text.slice(...w.spans.effectiveDate!)).toBe('December 20, 2002');
    expect(text.slice(...w.spans.principal!)).toBe('$302,000.00');
    expect(text.slice(...w.spans.maturityDate!)).toBe('December 20, 2004');
    expect(text.slice(...w.spans.oldConversionPrice!)).toBe('$.7924');
    expect(text.slice(...w.spans.holder!)).toBe('Fleming US Discovery Fund III, L.P. (the "Payee")');
    expect(text.slice(...w.spans.counterparty!)).toBe('Hudson Technologies, Inc. (the "Maker")');
  });
});
