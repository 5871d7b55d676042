/**
 * Exhibit classification: on real fixtures copied from the corpus (test/fixtures/exhibits/, named by accession
 * number, bytes unchanged; expected classes typed from reading each exhibit's heading), on exhibit numbers, and —
 * when ../shared/corpus is present — over every EX-10 … EX-13 document of the corpus, with the counts by class.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_CLASSES, classifyDocument, exhibitKey, exhibitNumberFromType } from '../../../src/extract/exhibits/index.js';
import { parseSubmission } from '../../../src/parse/index.js';

const ROOT = new URL('../../../', import.meta.url);
const FIXTURES = new URL('test/fixtures/exhibits/', ROOT);
const CORPUS = fileURLToPath(new URL('../shared/corpus/', ROOT));

function classify(path: string): [string | null, string, string | null][] {
  const sub = parseSubmission(readFileSync(path), { sourceName: path });
  return sub.documents.map((d) => {
    const c = classifyDocument(sub, d);
    return [d.type, c.documentClass, c.exhibitNumber];
  });
}

describe('classifyDocument on corpus fixtures', () => {
  const at = (name: string): string => fileURLToPath(new URL(name, FIXTURES));

  it('an amendment to a plan under TYPE EX-10 (number from the heading)', () => {
    expect(classify(at('0000320193-97-000011.txt'))).toEqual([
      ['10-Q', 'not_exhibit', null],
      ['EX-3', 'other', '3.3'],
      ['EX-10', 'amendment', '10.A.3-2'],
      ['EX-10', 'other', '10.A.42'],
      ['EX-10', 'other', '10.A.44'],
      ['EX-27', 'other', '27'],
    ]);
  });

  it('amended-and-restated agreements are agreements, not amendments', () => {
    expect(classify(at('0000914260-00-000030.txt'))).toEqual([
      ['8-K', 'not_exhibit', null],
      ['EX-10', 'other', '10'],
      ['EX-10.2', 'other', '10.2'],
      ['EX-99', 'other', '99'],
    ]);
  });

  it('EX-12 computations and an accountants\u2019 consent are "other"', () => {
    expect(classify(at('0000950144-94-000103.txt')).slice(0, 4)).toEqual([
      ['8-K', 'not_exhibit', null],
      ['EX-12.(C)', 'other', '12(C)'],
      ['EX-12.(D)', 'other', '12(D)'],
      ['EX-23.(D)', 'other', '23(D)'],
    ]);
  });

  it('an amendment filed with a 1994 Schedule 13D', () => {
    expect(classify(at('0000950109-94-000302.txt'))).toEqual([
      ['SC 13D', 'not_exhibit', null],
      ['EX-2', 'amendment', '2'],
    ]);
  });
});

describe('exhibit numbers', () => {
  it('reads TYPE', () => {
    expect(exhibitNumberFromType('EX-10.20')).toBe('10.20');
    expect(exhibitNumberFromType('EX-12.(C)')).toBe('12(C)');
    expect(exhibitNumberFromType('EX-10.A-49')).toBe('10.A-49');
    expect(exhibitNumberFromType('EX-13')).toBe('13');
    expect(exhibitNumberFromType('SC 13D/A')).toBeNull();
  });

  it('matches spellings of one number', () => {
    expect(exhibitKey('10.A-49')).toBe(exhibitKey('10.A.49'));
    expect(exhibitKey('12(C)')).toBe(exhibitKey('12.C'));
  });

  it('classifies a bare exhibit file from its heading', () => {
    const sub = parseSubmission(Buffer.from('Exhibit 13\n\nApril 10, 2003\n\nRe: Convertible Note\n\nThe Payee hereby waives its right to interest.\n'), { sourceName: 'bare.txt' });
    const c = classifyDocument(sub, sub.documents[0]!);
    expect(c.documentClass).toBe('waiver_letter');
    expect(c.exhibitNumber).toBe('13');
  });
});

describe.skipIf(!existsSync(CORPUS))('every EX-10 … EX-13 of ../shared/corpus', () => {
  it('gets a class, and the counts are reported', () => {
    const counts: Record<string, number> = {};
    const seen: Record<string, string> = {};
    for (const dir of readdirSync(CORPUS)) {
      const folder = join(CORPUS, dir);
      if (!statSync(folder).isDirectory()) continue;
      for (const name of readdirSync(folder)) {
        let sub;
        try {
          sub = parseSubmission(readFileSync(join(folder, name)), { sourceName: name });
        } catch {
          continue; // parse failures are the parser's tests' concern
        }
        for (const doc of sub.documents) {
          if (!/^EX-1[0-3](?![0-9])/i.test(doc.type ?? '')) continue;
          const c = classifyDocument(sub, doc);
          expect(DOCUMENT_CLASSES).toContain(c.documentClass);
          expect(c.documentClass).not.toBe('not_exhibit');
          counts[c.documentClass] = (counts[c.documentClass] ?? 0) + 1;
          seen[`${name}#${doc.sequence}`] = c.documentClass;
        }
      }
    }
    console.log('EX-10 … EX-13 of the corpus by class:', counts);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // Spot checks typed from reading those exhibits.
    const expectIfPresent = (key: string, cls: string): void => {
      if (key in seen) expect(seen[key], key).toBe(cls);
    };
    expectIfPresent('0000914760-99-000090.txt#8', 'amendment'); // AMENDMENT TO LOAN AND SECURITY AGREEMENT
    expectIfPresent('0000914760-99-000090.txt#9', 'amendment'); // SECOND AMENDMENT TO LOAN AND SECURITY AGREEMENT
    expectIfPresent('0000914760-99-000090.txt#10', 'other'); // SUBORDINATION AGREEMENT
    expectIfPresent('0001140361-21-010426.txt#3', 'form_of_note_or_warrant'); // THIS PROMISSORY NOTE …
    expectIfPresent('0001140361-21-010426.txt#4', 'other'); // subscription letter that also waives claims
    expectIfPresent('0001047469-97-006960.txt#6', 'other'); // RESIGNATION AGREEMENT letter with a release
    expectIfPresent('0001104659-25-006631.txt#7', 'amendment'); // Amendment to Second Amended and Restated …
  });
});
