// The lexer finds `</TEXT>` and `<DOCUMENT>` lines by searching for a rarer tail of each tag (`XT>`, `UMENT>`) and
// checking the rest: near misses inside a body must stay content, and real tags must still be found.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentSource } from '../../src/parse/body.js';
import { parseSubmission } from '../../src/parse/index.js';

const FILING = 'test/fixtures/full/0000037996-17-000084.txt';
const parseText = (text: string) => parseSubmission(Buffer.from(text, 'latin1'), { sourceName: 'near-misses.txt' });

describe('body boundaries found through the tags\' tails', () => {
  it('near misses of </TEXT> and <DOCUMENT> inside a body are content; every document is still found', () => {
    const full = readFileSync(FILING, 'latin1');
    const at = full.indexOf('<TEXT>') + 500;
    const nearMisses = '\nNEXT> TEXT> </TEXT <TEXT> </Text> x</TEXT>y ARGUMENT> <DOCUMENT-X> a <DOCUMENT> mid-line UMENT> DOCUMENT>\n<DOCUMENTS>\n';
    const s = parseText(full.slice(0, at) + nearMisses + full.slice(at));
    const intact = parseText(full);
    expect(s.documents.map((d) => d.type)).toEqual(intact.documents.map((d) => d.type));
    const body = documentSource(s, s.documents[0]!);
    expect(body).toContain(nearMisses);
    expect(body.length).toBe(documentSource(intact, intact.documents[0]!).length + nearMisses.length);
    expect(s.warnings.map((w) => w.code)).toEqual(intact.warnings.map((w) => w.code));
  });

  it('a <DOCUMENT> line at the very start of a body (no </TEXT> before it) ends the body there', () => {
    const full = readFileSync(FILING, 'latin1');
    const firstClose = full.indexOf('</TEXT>\n</DOCUMENT>\n');
    const s = parseText(full.slice(0, firstClose) + full.slice(firstClose + '</TEXT>\n</DOCUMENT>\n'.length));
    expect(s.documents.length).toBe(parseText(full).documents.length);
    expect(documentSource(s, s.documents[0]!)).not.toContain('<DOCUMENT>');
  });
});
