/**
 * One JSON encoding for spans (src/extract/span-json.ts): every `spans` column the store writes holds spans as
 * {"start","end"} objects. Waivers and amendments once stored [start, end] pairs, which the viewer's evidence links
 * (serve/queries.ts fieldSpans) could not read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeValueSpans, encodeDocumentSpans, encodeValueSpans } from '../../src/extract/span-json.js';
import { ingestSubmission } from '../../src/pipeline.js';
import { fieldSpans } from '../../src/serve/queries.js';
import { openDatabase } from '../../src/store/database.js';
import { allTables } from '../../src/store/migrations.js';

const INPUTS = ['samples/0001125282-03-003998.txt', 'samples/hudson-ex10-20-first-amendment.txt', 'test/fixtures/sc13/0001140361-23-028095.txt'];

describe('span JSON', () => {
  it('encodes a span held as a pair or as a Span the same way, and decodes it back', () => {
    expect(encodeValueSpans({ holder: [300, 358], dated: { start: 11, end: 25 }, missing: undefined })).toBe('{"holder":{"start":300,"end":358},"dated":{"start":11,"end":25}}');
    expect(encodeDocumentSpans([{ documentSequence: 1, start: 5, end: 9 }])).toBe('[{"documentSequence":1,"start":5,"end":9}]');
    expect([...decodeValueSpans('{"holder":{"start":300,"end":358}}')]).toEqual([['holder', { start: 300, end: 358 }]]);
    expect(decodeValueSpans('not json').size).toBe(0);
  });

  it('every spans column of a stored filing holds {start, end} objects (waivers were [start, end] pairs)', () => {
    const db = openDatabase(':memory:');
    for (const path of INPUTS) ingestSubmission(db, new Uint8Array(readFileSync(path)), { sourceName: path });
    const tables = allTables().filter((t) => t.columns.some((c) => c.name === 'spans'));
    expect(tables.map((t) => t.name).sort()).toEqual(['amendments', 'checks', 'reporting_persons', 'schedule13', 'waivers']);
    let seen = 0;
    for (const table of tables) {
      for (const json of db.sqlite.prepare(`SELECT spans FROM ${table.name} WHERE spans IS NOT NULL`).pluck().all() as string[]) {
        const parsed = JSON.parse(json) as unknown;
        const spans = Array.isArray(parsed) ? parsed : Object.values(parsed as Record<string, unknown>);
        for (const span of spans) {
          expect(span, `${table.name}: ${json.slice(0, 80)}`).toMatchObject({ start: expect.any(Number), end: expect.any(Number) });
          seen += 1;
        }
      }
    }
    expect(seen).toBeGreaterThan(100);
    // The viewer reads a waiver's per-value spans (it read none of them before).
    const waiver = db.sqlite.prepare("SELECT spans FROM waivers WHERE kind = 'waiver_letter' ORDER BY ordinal").pluck().get();
    expect(fieldSpans(waiver).get('principal')).toEqual({ start: expect.any(Number), end: expect.any(Number) });
    db.close();
  });
});
