// Damaged input gets warnings with a location or a typed ParseError — never a silently shortened document.
// Each case starts from a real filing (test/fixtures) and damages it the way downloads and filers do.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors/index.js';
import { documentSource } from '../../src/parse/body.js';
import { parseSubmission } from '../../src/parse/index.js';

const TEN_Q_2000 = 'test/fixtures/full/0000912057-00-033901.txt';
const read = (path: string): string => readFileSync(path, 'latin1');
const parseText = (text: string, name = 'damaged.txt') => parseSubmission(Buffer.from(text, 'latin1'), { sourceName: name });
const codes = (s: ReturnType<typeof parseText>) => s.warnings.map((w) => w.code);

describe('damaged input', () => {
  it('truncated download: the last document keeps everything up to the cut and every missing tag is reported', () => {
    const full = read('test/fixtures/full/0000037996-17-000084.txt');
    const cut = full.indexOf('<TYPE>EX-99') + 5000;
    const s = parseText(full.slice(0, cut));
    const last = s.documents.at(-1)!;
    expect(last.bodySpan.end).toBe(cut); // nothing dropped
    expect(codes(s)).toEqual(expect.arrayContaining(['TEXT_NOT_CLOSED', 'DOCUMENT_NOT_CLOSED', 'ROOT_NOT_CLOSED', 'DOCUMENT_COUNT_MISMATCH']));
    const w = s.warnings.find((x) => x.code === 'TEXT_NOT_CLOSED')!;
    expect(w.documentSequence).toBe(last.sequence);
    expect(w.line).toBeGreaterThan(1);
  });

  it('missing </TEXT> and </DOCUMENT>: the body ends at the next <DOCUMENT>, the next document is still found', () => {
    const full = read('test/fixtures/full/0000037996-17-000084.txt');
    const firstClose = full.indexOf('</TEXT>\n</DOCUMENT>');
    const damaged = full.slice(0, firstClose) + full.slice(firstClose + '</TEXT>\n</DOCUMENT>'.length);
    const intact = parseText(full);
    const s = parseText(damaged);
    expect(s.documents.map((d) => d.type)).toEqual(intact.documents.map((d) => d.type));
    expect(s.warnings.filter((w) => w.documentSequence === 1).map((w) => w.code)).toEqual(['TEXT_NOT_CLOSED', 'DOCUMENT_NOT_CLOSED']);
    const body = documentSource(s, s.documents[0]!);
    expect(body).not.toContain('<DOCUMENT>');
    expect(body.length).toBeGreaterThanOrEqual(documentSource(intact, intact.documents[0]!).length);
  });

  it('a literal </TEXT> inside a body is content, not markup', () => {
    const full = read(TEN_Q_2000);
    const at = full.indexOf('<TEXT>') + 2000;
    const quoted = '\nan SGML example: the body ends with </TEXT>\n</TEXT> and that is all\n';
    const s = parseText(full.slice(0, at) + quoted + full.slice(at));
    const intact = parseText(full);
    expect(documentSource(s, s.documents[0]!)).toContain(quoted);
    expect(s.documents.length).toBe(intact.documents.length);
    expect(s.warnings.map((w) => w.code)).toEqual(intact.warnings.map((w) => w.code));
  });

  it('stray closing tags inside a tab header (a real 2000 filing) are reported with their line, and the header still reads', () => {
    const s = parseText(read(TEN_Q_2000), TEN_Q_2000);
    const strays = s.warnings.filter((w) => w.code === 'HEADER_STRAY_LINE');
    expect(strays.map((w) => w.line)).toEqual([28, 35, 43, 50, 51]);
    expect(strays[0]!.message).toContain('</COMPANY-DATA>');
    expect(s.header!.entities[0]!.companyData.cik).toBe('0000320193');
    expect(s.header!.entities[0]!.filingValues!.formType).toBe('10-Q');
  });

  it('regression: a tab-form line broken inside the SIC value (`[3571` / `]<TAB>IRS NUMBER:`) keeps both fields', () => {
    const s = parseText(read(TEN_Q_2000), TEN_Q_2000);
    expect(s.header!.entities[0]!.companyData).toMatchObject({ sic: '3571', irsNumber: '942404110', stateOfIncorporation: 'CA' });
  });

  it('bare-CR line endings parse exactly like LF', () => {
    const lf = read('test/fixtures/full/0000109446-94-000005.txt');
    const viaLf = parseText(lf);
    const viaCr = parseText(lf.replace(/\n/g, '\r'));
    const viaCrLf = parseText(lf.replace(/\n/g, '\r\n'));
    const comparable = (s: typeof viaLf) => ({ ...s.header!, nodes: null, span: null, entities: s.header!.entities.map((e) => ({ ...e, span: null })) });
    for (const s of [viaCr, viaCrLf]) {
      expect(comparable(s)).toEqual(comparable(viaLf));
      expect(s.documents.map((d) => d.type)).toEqual(viaLf.documents.map((d) => d.type));
      expect(s.warnings).toEqual([]);
    }
  });

  it('binary garbage is a ParseError with file, line, column and a caret', () => {
    const garbage = Buffer.concat([Buffer.from('<SEC-DOCUMENT>x\nok line\nbad '), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 7, 8])]);
    let error: unknown;
    try {
      parseSubmission(garbage, { sourceName: 'garbage.bin' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    const pe = error as ParseError;
    expect(pe.code).toBe('BINARY_INPUT');
    expect(pe.location).toMatchObject({ file: 'garbage.bin', line: 3, column: 5 });
    expect(pe.format()).toBe('garbage.bin:3:5: BINARY_INPUT: the input is binary data, not an EDGAR submission (NUL or control bytes)\n  bad \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\n      ^');
  });

  it('an empty file is a ParseError EMPTY_INPUT at 1:1', () => {
    expect(() => parseSubmission(new Uint8Array(), { sourceName: 'empty.txt' })).toThrowError(expect.objectContaining({ code: 'EMPTY_INPUT', location: { file: 'empty.txt', offset: 0, line: 1, column: 1 } }));
    expect(() => parseSubmission(Buffer.from('\n \n'), { sourceName: 'blank.txt' })).toThrowError(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });

  it('PUBLIC DOCUMENT COUNT is checked against the documents found', () => {
    const full = read('test/fixtures/full/0000109446-94-000005.txt').replace(/PUBLIC DOCUMENT COUNT:\s*1/, 'PUBLIC DOCUMENT COUNT:\t\t3');
    const s = parseText(full);
    expect(s.warnings.map((w) => [w.code, w.message])).toEqual([['DOCUMENT_COUNT_MISMATCH', 'PUBLIC DOCUMENT COUNT is 3 but 1 documents were found']]);
  });
});

describe('regressions', () => {
  it('regression: <IMS-DOCUMENT> and <IMS-HEADER> on one line (1995) still give the header and the document', () => {
    const s = parseSubmission(readFileSync('test/fixtures/full/0000950124-95-002164.txt'), { sourceName: '0000950124-95-002164.txt' });
    expect(s.format).toBe('ims-submission');
    expect(s.stamps).toEqual({ document: '1995-07-19', header: '1995-07-19' });
    expect(s.header!.formType).toBe('SC 13D');
    expect(s.header!.sros).toEqual(['NONE']);
    expect(s.documents.map((d) => d.type)).toEqual(['SC 13D']);
  });
});
