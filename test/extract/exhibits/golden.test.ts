/**
 * The founding samples against golden JSON typed by reading them (test/fixtures/golden/exhibits/README.md): every
 * field a golden file lists must come out exactly; fields it leaves out are not checked.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractExhibitRecords, type ExhibitRecords } from '../../../src/extract/exhibits/index.js';
import { parseSubmission } from '../../../src/parse/index.js';

const ROOT = new URL('../../../', import.meta.url);
const GOLDEN = new URL('test/fixtures/golden/exhibits/', ROOT);

interface Golden {
  fixture: string;
  classification: { type: string; documentClass: string; exhibitNumber: string | null }[];
  waivers: (Record<string, unknown> & {
    items: Record<string, unknown>[];
    rules: Record<string, unknown>[];
    conditionsInclude?: string[];
    itemConditionsInclude?: Record<string, string>;
  })[];
  amendments: (Record<string, unknown> & { changes: Record<string, unknown>[]; amounts: Record<string, unknown>[]; newTextInclude?: string[] })[];
  exhibitReferences: Record<string, unknown>[];
  warningCodes: string[];
}

/** `actual` restricted to the keys `expected` names. */
function pick(actual: object, expected: Record<string, unknown>): Record<string, unknown> {
  const a = actual as Record<string, unknown>;
  return Object.fromEntries(Object.keys(expected).map((k) => [k, a[k]]));
}

const SPECIAL = new Set(['items', 'rules', 'changes', 'amounts', 'conditionsInclude', 'itemConditionsInclude', 'newTextInclude']);
const plain = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([k]) => !SPECIAL.has(k)));

const files = readdirSync(GOLDEN).filter((f) => f.endsWith('.json'));

describe.each(files)('golden %s', (file) => {
  const golden = JSON.parse(readFileSync(new URL(file, GOLDEN), 'utf8')) as Golden;
  const sub = parseSubmission(readFileSync(new URL(golden.fixture, ROOT)), { sourceName: golden.fixture });
  const records: ExhibitRecords = extractExhibitRecords(sub);

  it('classifies every document', () => {
    expect(
      records.classifications.map((c, i) => ({ type: sub.documents[i]!.type, documentClass: c.classification.documentClass, exhibitNumber: c.classification.exhibitNumber })),
    ).toEqual(golden.classification);
  });

  it('reads the waivers, their items and conversion-price rules', () => {
    expect(records.waivers).toHaveLength(golden.waivers.length);
    golden.waivers.forEach((g, i) => {
      const w = records.waivers[i]!;
      expect(pick(w, plain(g))).toEqual(plain(g));
      const items = records.waiverItems.filter((x) => x.waiverOrdinal === w.ordinal);
      expect(items.map((x, k) => pick(x, g.items[k] ?? {}))).toEqual(g.items);
      const rules = records.conversionPriceRules.filter((x) => x.waiverOrdinal === w.ordinal);
      expect(rules.map((x, k) => pick(x, g.rules[k] ?? {}))).toEqual(g.rules);
      for (const phrase of g.conditionsInclude ?? []) expect(w.conditions).toContain(phrase);
      for (const [section, phrase] of Object.entries(g.itemConditionsInclude ?? {})) {
        expect(items.find((x) => x.section === section)?.conditions).toContain(phrase);
      }
    });
  });

  it('reads the amendments, their changes and amounts', () => {
    expect(records.amendments).toHaveLength(golden.amendments.length);
    golden.amendments.forEach((g, i) => {
      const a = records.amendments[i]!;
      expect(pick(a, plain(g))).toEqual(plain(g));
      const changes = records.amendmentChanges.filter((x) => x.amendmentOrdinal === a.ordinal);
      expect(changes.map((x, k) => pick(x, g.changes[k] ?? {}))).toEqual(g.changes);
      const amounts = records.amendmentAmounts.filter((x) => x.amendmentOrdinal === a.ordinal);
      expect(amounts.map((x, k) => pick(x, g.amounts[k] ?? {}))).toEqual(g.amounts);
      const newText = changes.map((c) => c.newText ?? '').join('\n');
      for (const phrase of g.newTextInclude ?? []) expect(newText).toContain(phrase);
    });
  });

  it('links the exhibit references', () => {
    expect(records.exhibitReferences.map((r, k) => pick(r, golden.exhibitReferences[k] ?? {}))).toEqual(golden.exhibitReferences);
  });

  it('warns exactly where a value is missing', () => {
    expect(records.warnings.map((w) => `${w.code}@${w.documentSequence}`)).toEqual(golden.warningCodes);
  });
});
