// One test per input shape of docs/design.md §2, each on a real EDGAR file (test/fixtures, bytes unchanged).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentBinary, documentSource, documentText } from '../../src/parse/body.js';
import { parseSubmission } from '../../src/parse/index.js';

const parseFixture = (path: string) => parseSubmission(readFileSync(path), { sourceName: path });

describe('input shapes', () => {
  it('tagged full submission with ACCEPTANCE-DATETIME and 399 FILER blocks, in order', () => {
    const s = parseFixture('test/fixtures/full/0001193125-25-120935.txt');
    expect(s.format).toBe('full-submission');
    expect(s.header!.acceptanceDatetime).toBe('2025-05-15T17:12:09');
    expect(s.header!.formType).toBe('40-APP');
    const filers = s.header!.entities.filter((e) => e.role === 'filer');
    expect(filers).toHaveLength(399);
    expect(filers[0]!.companyData.conformedName).toBe('HarbourVest Private Investments Fund');
    expect(filers[0]!.companyData.irsNumber).toBe('000000000'); // from `EIN:` in newer headers
    expect(filers[1]!.companyData.conformedName).toBe('HARBOURVEST PARTNERS LLC');
    expect(filers[1]!.filingValues!.fileNumber).toBe('812-15801-228');
    expect(filers[0]!.filingValues!.secAct).toBeNull(); // `SEC ACT:` with no value is an empty field
    expect(s.documents).toHaveLength(1);
    expect(s.warnings).toEqual([]);
  });

  it('PEM-wrapped 1994 <IMS-DOCUMENT> submission', () => {
    const s = parseFixture('test/fixtures/full/0000109446-94-000005.txt');
    expect(s.format).toBe('ims-submission');
    expect(s.pemWrapped).toBe(true);
    expect(s.header!.formType).toBe('8-K');
    expect(s.header!.entities[0]!.role).toBe('filer');
    expect(s.documents.map((d) => d.type)).toEqual(['8-K']);
    expect(s.warnings).toEqual([]);
  });

  it('PEM-wrapped 1998 <SEC-DOCUMENT> submission', () => {
    const s = parseFixture('test/fixtures/full/0001000685-98-000002.txt');
    expect(s.format).toBe('full-submission');
    expect(s.pemWrapped).toBe(true);
    expect(s.documents).toHaveLength(1);
    expect(s.warnings).toEqual([]);
  });

  it('PDS .nc <SUBMISSION> with bare-CR line endings and two SUBJECT-COMPANY blocks of different FORM TYPE', () => {
    const s = parseFixture('test/fixtures/nc/0001104659-25-002604.nc');
    expect(s.format).toBe('pds-submission');
    expect(s.header!.dialect).toBe('tag');
    expect(s.header!.formType).toBe('SC TO-T/A');
    expect(s.header!.groupMembers).toHaveLength(6);
    const subjects = s.header!.entities.filter((e) => e.role === 'subject_company');
    expect(subjects.map((e) => e.filingValues!.formType)).toEqual(['SC 13D/A', 'SC TO-T/A']);
    expect(subjects[0]!.companyData.cik).toBe('0001376139');
    expect(subjects[0]!.companyData.sic).toBe('2911');
    expect(s.header!.entities.find((e) => e.role === 'filed_by')!.formerNames).toEqual([{ formerConformedName: 'AMERICAN REAL ESTATE HOLDINGS L P', dateChanged: '1998-03-11' }]);
    expect(s.documents.map((d) => [d.type, d.bodyFormat])).toEqual([['SC TO-T/A', 'html'], ['EX-99.(A)(5)(C)', 'html']]);
    expect(s.warnings).toEqual([]);
  });

  it('PDS .nc with LF endings: a tag-form FILER with addresses and former names', () => {
    const s = parseFixture('test/fixtures/nc/0000774352-01-000002.nc');
    const filer = s.header!.entities[0]!;
    expect(filer.companyData).toMatchObject({ conformedName: 'RESIDENTIAL FUNDING MORTGAGE SECURITIES I INC', cik: '0000774352', sic: '6189', irsNumber: '752006294' });
    expect(filer.businessAddress).toMatchObject({ street1: '8400 NORMANDALE LAKE BLVD', street2: 'SUITE 600', city: 'MINNEAPOLIS', phone: '6128327000' });
    expect(s.header!.items).toEqual(['5']);
    expect(s.header!.period).toBe('2000-12-26');
  });

  it('.hdr.sgml header-only file in tab form with a flag and two filers', () => {
    const s = parseFixture('test/fixtures/hdr/0001193125-24-066744.hdr.txt');
    expect(s.format).toBe('header-only');
    expect(s.header!.flags).toContain('PRIVATE-TO-PUBLIC');
    expect(s.header!.entities.filter((e) => e.role === 'filer')).toHaveLength(2);
    expect(s.documents).toEqual([]);
  });

  it('1998 Form 4 header: SUBJECT COMPANY in tab form, then a tag-form <REPORTING-OWNER> block', () => {
    const s = parseFixture('test/fixtures/hdr/0001012325-98-000004.hdr.txt');
    expect(s.header!.entities.map((e) => e.role)).toEqual(['subject_company', 'reporting_owner']);
    expect(s.header!.entities[0]!.companyData.sic).toBe('2890');
    expect(s.header!.entities[0]!.companyData.sicDescription).toBe('MISCELLANEOUS CHEMICAL PRODUCTS');
    const owner = s.header!.entities[1]!;
    expect(owner.companyData).toMatchObject({ conformedName: 'CANTALUPO JAMES R', cik: '0001012325' });
    expect(owner.otherFields.RELATIONSHIP).toEqual(['DIRECTOR']);
  });

  it('.hdr.sgml in tag form (no tab lines at all)', () => {
    const s = parseFixture('test/fixtures/html/0001062993-24-012217.htm');
    expect(s.format).toBe('header-only');
    expect(s.header!.dialect).toBe('tag');
    expect(s.header!.accessionNumber).toBe('0001062993-24-012217');
    expect(s.header!.acceptanceDatetime).toBe('2024-06-07T18:10:30');
    expect(s.header!.entities.some((e) => e.role === 'reporting_owner')).toBe(true);
  });

  it('-index-headers.html page: the tag-form header inside the HTML comment', () => {
    const s = parseFixture('test/fixtures/html/0000905729-24-000095.htm');
    expect(s.format).toBe('index-headers-html');
    expect(s.header!.accessionNumber).toBe('0000905729-24-000095');
    expect(s.header!.items).toEqual(['5.07']);
    expect(s.header!.entities[0]!.formerNames[0]).toEqual({ formerConformedName: '1ST COMMUNITY BANCORP INC', dateChanged: '1992-07-03' });
    expect(s.warnings).toEqual([]);
  });

  it('headerless run of <DOCUMENT> blocks without FILENAME (1995)', () => {
    const s = parseFixture('test/fixtures/doc/0000899681-95-000096.txt');
    expect(s.format).toBe('documents-only');
    expect(s.header).toBeNull();
    expect(s.accessionNumber).toBe('0000899681-95-000096'); // from the file name
    expect(s.documents.map((d) => [d.type, d.sequence, d.filename])).toEqual([['S-3/A', 1, null], ['EX-99', 2, null]]);
  });

  it('flattened single document with its TYPE SEQUENCE FILENAME DESCRIPTION prefix', () => {
    const s = parseFixture('samples/0001125282-03-003998-ex13.txt');
    expect(s.format).toBe('flattened-document');
    expect(s.documents.map((d) => [d.type, d.sequence, d.filename, d.description])).toEqual([['EX-13', 7, 'b325596_ex13.txt', 'CONVERTIBLE NOTE']]);
    expect(documentText(s, s.documents[0]!)).toMatch(/^Exhibit 13 April 10, 2003/);
  });

  it('bare single document: the exhibit names its own type', () => {
    const s = parseFixture('samples/hudson-ex10-20-first-amendment.txt');
    expect(s.format).toBe('bare-document');
    expect(s.documents).toHaveLength(1);
    expect(s.documents[0]!.type).toBe('EX-10.20');
    expect(documentText(s, s.documents[0]!)).toContain('First Amendment to Letter Agreement Regarding New Notes');
  });

  it('XML primary document (Schedule 13D primary_doc.xml)', () => {
    const s = parseFixture('test/fixtures/xml/edgartools__schedule13d.xml');
    expect(s.format).toBe('bare-document');
    expect(s.documents[0]!.type).toBe('SCHEDULE 13D');
    expect(s.documents[0]!.bodyFormat).toBe('xml');
    expect(documentSource(s, s.documents[0]!)).toContain('<edgarSubmission');
  });

  it('<XML>-wrapped primary document inside a full submission is unwrapped on demand', () => {
    const s = parseFixture('test/fixtures/sc13/0002006228-23-000001.txt');
    const doc = s.documents[0]!;
    expect(doc.type).toBe('SCHEDULE 13G');
    expect(doc.bodyFormat).toBe('xml');
    expect(documentSource(s, doc).trimStart().startsWith('<?xml')).toBe(true);
  });

  it('uuencoded GRAPHIC documents decode to the bytes of the file they name', () => {
    const s = parseFixture('test/fixtures/full/0000037996-17-000084.txt');
    const graphics = s.documents.filter((d) => d.type === 'GRAPHIC');
    expect(graphics.length).toBeGreaterThan(0);
    for (const g of graphics) {
      expect(g.bodyFormat).toBe('uuencoded');
      const bin = documentBinary(s, g)!;
      expect(bin.filename).toBe(g.filename);
      // JPEG files start with FF D8 and end with FF D9.
      expect([bin.bytes[0], bin.bytes[1]]).toEqual([0xff, 0xd8]);
      expect([bin.bytes.at(-2), bin.bytes.at(-1)]).toEqual([0xff, 0xd9]);
    }
  });

  it('legacy text with <TABLE>/<S>/<C> markup is text, not HTML', () => {
    const s = parseFixture('test/fixtures/full/0000320193-97-000011.txt');
    expect(s.documents[0]!.bodyFormat).toBe('text');
  });
});
