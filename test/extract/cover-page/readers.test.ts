/**
 * Each reader on real filings, one layout per test; expected values typed from reading the filing (the golden labels
 * for golden fixtures). Fixtures in ./fixtures are byte copies of ../shared/corpus files (see fixtures/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCoverPage } from '../../../src/extract/cover-page/consistency.js';
import { extractCoverPages, findSchedule } from '../../../src/extract/cover-page/index.js';
import { COVER_WARNING_CODES, type ReportingPersonRecord } from '../../../src/extract/cover-page/types.js';
import { parseXmlTree, readXmlCoverPages } from '../../../src/extract/cover-page/xml-reader.js';
import { documentSource } from '../../../src/parse/body.js';
import { parseSubmission } from '../../../src/parse/index.js';
import { loadGolden, repoRoot } from '../../../bench/accuracy.js';
import { flattenSubmission } from '../../../bench/flatten.js';
import { paraphraseFiling, PARAPHRASES } from '../../../bench/paraphrase-robustness.js';

const ROOT = repoRoot();
const sc13 = (acc: string): string => `${ROOT}/test/fixtures/sc13/${acc}.txt`;
const local = (name: string): string => `${ROOT}/test/extract/cover-page/fixtures/${name}`;
const extract = (path: string) => extractCoverPages(parseSubmission(readFileSync(path), { sourceName: path }));
const codes = (r: { warnings: { code: string }[] }): string[] => [...new Set(r.warnings.map((w) => w.code))].sort();

describe('text reader', () => {
  it('reads "Caption: value" rows with values right-aligned on the caption line (0000950152-00-002768)', () => {
    const r = extract(sc13('0000950152-00-002768'));
    expect(r.reportingPersons).toHaveLength(5);
    expect(r.reportingPersons[0]).toMatchObject({
      name: 'Wesmar Partners Limited Partnership',
      sourceOfFunds: null,
      citizenship: 'United States',
      soleVotingPower: 0,
      sharedVotingPower: 1399096,
      aggregateAmount: 1399096,
      percentOfClass: 63,
      typeOfReportingPerson: ['PN'],
    });
  });

  it('reads values beside the caption after " - " and keeps blank rows null (0000712770-96-000005)', () => {
    const r = extract(sc13('0000712770-96-000005'));
    const one = r.reportingPersons.find((p) => p.name === 'One Liberty Properties, Inc.')!;
    expect(one).toMatchObject({ soleVotingPower: 30048, sharedVotingPower: null, percentOfClass: null, percentOfClassText: 'Less than 1%' });
    expect(r.schedule13!.amendmentNumber).toBe(3);
    expect(codes(r)).toContain('COVER_AMENDMENT_MISMATCH'); // filed as SC 13D, printed "Amendment No. 3"
  });

  it('reads tab-indented Barclays covers with blank and bare-dash rows (0000913414-09-003235)', () => {
    const r = extract(sc13('0000913414-09-003235'));
    expect(r.reportingPersons).toHaveLength(7);
    expect(r.reportingPersons[2]).toMatchObject({ soleVotingPower: null, aggregateAmount: 0, percentOfClass: 0 });
  });

  it('reads values printed above their captions (0000728974-98-000014)', () => {
    const r = extract(local('0000728974-98-000014.txt'));
    expect(r.reportingPersons).toHaveLength(1);
    expect(r.reportingPersons[0]).toMatchObject({
      name: 'EquiTrust Investment Management Services, Inc.',
      citizenship: 'Delaware',
      soleVotingPower: 565750,
      sharedVotingPower: null,
      aggregateAmount: 565750,
      percentOfClass: 5.87,
      typeOfReportingPerson: ['IA'],
    });
    expect(codes(r)).toContain('COVER_VALUES_ABOVE_CAPTIONS');
  });

  it('reads two wrapped typed columns and maps spans back (0000734072-02-000005)', () => {
    const path = local('0000734072-02-000005.txt');
    const sub = parseSubmission(readFileSync(path));
    const r = extractCoverPages(sub);
    const p = r.reportingPersons[0]!;
    expect(p).toMatchObject({ name: 'Pioneer Global Asset Management S.p.A.', citizenship: 'Milan,Italy', soleVotingPower: 2956810, aggregateAmount: 2956810, percentOfClass: 6.15, typeOfReportingPerson: ['OO'] });
    const text = documentSource(sub, sub.documents[0]!);
    expect(text.slice(p.spans.percentOfClass!.start, p.spans.percentOfClass!.end)).toBe('6.15%');
    expect(codes(r)).toContain('COVER_TWO_COLUMN_LAYOUT');
  });

  it('reads rows labelled only by number ("Item 5: 0", Fidelity 2005, 0000315066-05-001987)', () => {
    const r = extract(local('0000315066-05-001987.txt'));
    expect(r.reportingPersons.map((p) => p.name)).toEqual(['FMR Corp.', 'Edward C. Johnson 3d', 'Abigail P. Johnson']);
    expect(r.reportingPersons[0]).toMatchObject({ citizenship: 'Delaware', soleVotingPower: 0, percentOfClass: 0, typeOfReportingPerson: ['HC'] });
    expect(r.schedule13).toMatchObject({ issuerName: 'RadiSys Corporation', amendmentNumber: 5, cusips: ['750459109'] });
    expect(codes(r)).toContain('COVER_NUMBERED_LAYOUT');
  });

  it('reads numbered rows that run on one line once the filing is flattened (0000315066-05-001987, 0000315066-94-001425)', () => {
    // Cause: a numbered row was an "Item N:" starting a line, its value the rest of the line; flattened ("Cusip
    // #750459109 Item 1: Reporting Person - FMR Corp. Item 4: Delaware Item 5: 0 …") no row starts a line and no
    // cover page was read, for any of the four Fidelity filings of the corpus.
    const flattened = (path: string) => extractCoverPages(parseSubmission(Buffer.from(flattenSubmission(readFileSync(path).toString('latin1')), 'latin1'), { sourceName: path }));
    const persons = (r: ReturnType<typeof extractCoverPages>) => r.reportingPersons.map(({ spans: _s, spanStart: _a, spanEnd: _b, ...rest }) => rest);
    for (const path of [local('0000315066-05-001987.txt'), sc13('0000315066-94-001425')]) {
      const flat = flattened(path);
      expect(persons(flat)).toEqual(persons(extract(path)));
      expect(codes(flat)).toContain('COVER_NUMBERED_LAYOUT');
    }
    // The run's last row takes only its codes: "Item 12: HC Cusip #750459109 Item 1: …", "Item 14: HC PREAMBLE The …".
    expect(flattened(local('0000315066-05-001987.txt')).reportingPersons[0]).toMatchObject({ name: 'FMR Corp.', citizenship: 'Delaware', soleVotingPower: 0, typeOfReportingPerson: ['HC'] });
    expect(flattened(sc13('0000315066-94-001425')).reportingPersons[0]).toMatchObject({ name: 'FMR Corp.', soleVotingPower: 161387, soleDispositivePower: 731287, aggregateAmount: 903691, percentOfClass: 12.12, typeOfReportingPerson: ['HC'] });
  });

  it('ends a flattened name at "CHECK THE APPROPRIATE [LINE] IF A MEMBER OF A GROUP" (0000932471-15-004745, 0000932471-07-000401)', () => {
    // Cause: row 2's caption was read with "BOX" or "LINE" bare, not bracketed; as filed the name still ended with its
    // line, but flattened ("The Vanguard Group - 23-1945930 2. CHECK THE APPROPRIATE [LINE] IF A MEMBER …") the name
    // ran on to "MEMBER OF A GROUP", and every position of the five Vanguard filings had that name as its holder.
    const flattened = (path: string) => extractCoverPages(parseSubmission(Buffer.from(flattenSubmission(readFileSync(path).toString('latin1')), 'latin1'), { sourceName: path }));
    for (const acc of ['0000932471-15-004745', '0000932471-07-000401']) {
      expect(flattened(sc13(acc)).reportingPersons.map((p) => p.name)).toEqual(extract(sc13(acc)).reportingPersons.map((p) => p.name));
    }
    expect(flattened(sc13('0000932471-15-004745')).reportingPersons[0]).toMatchObject({ name: 'The Vanguard Group', memberOfGroup: extract(sc13('0000932471-15-004745')).reportingPersons[0]!.memberOfGroup });
  });

  it('reads the enumerated names of one flattened cover page, ended by "Check the Appropriate Row …" (0000891836-94-000030)', () => {
    // Cause: the names "(i) Gerald F. Fitzgerald" … "(x) Julie F. Schauer" were read one per line, and row 2's caption
    // said "Row" where the reader knew "Box" and "Line"; flattened, the one cover page was one person named "Gerald F.
    // Fitzgerald (ii) Marjorie G. Fitzgerald … 2. Check the Appropriate Row if a", and the Item 5 tables' misspelt
    // "Majorie G Fitzgerald" matched no cover person: four positions lost.
    const flattened = (path: string) => extractCoverPages(parseSubmission(Buffer.from(flattenSubmission(readFileSync(path).toString('latin1')), 'latin1'), { sourceName: path }));
    const path = sc13('0000891836-94-000030');
    expect(flattened(path).reportingPersons.map((p) => p.name)).toEqual(extract(path).reportingPersons.map((p) => p.name));
    expect(flattened(path).reportingPersons.map((p) => p.name)).toHaveLength(10);
    expect(codes(flattened(path))).toContain('COVER_COMBINED_PERSONS');
  });

  it('leaves out the identification number printed before a flattened name ("56-6394187 Wachovia Bank …", 0000950144-94-000357)', () => {
    // Cause: the I.R.S. number was an identification line of its own above the name; flattened, "… Identification
    // Number of Above Person: 56-6394187 Wachovia Bank of North Carolina, N.A., as Trustee …" put it into the name.
    const flattened = (path: string) => extractCoverPages(parseSubmission(Buffer.from(flattenSubmission(readFileSync(path).toString('latin1')), 'latin1'), { sourceName: path }));
    const path = sc13('0000950144-94-000357');
    const [flat] = flattened(path).reportingPersons;
    expect(flat!.name).toBe(extract(path).reportingPersons[0]!.name);
    expect(flat!.name).toMatch(/^Wachovia Bank of North Carolina/);
  });

  it('numbered rows win over an Item 4 label that reads as a caption ("(a) Aggregate amount beneficially owned:", 0000315066-17-001861)', () => {
    // Cause: the 13G label, worded as 0000930413-20-000384 words it (bench/paraphrase-robustness.ts, amount-aggregate),
    // read as a captioned cover page's row 9, and any captioned cover page barred the numbered-row reader.
    const text = paraphraseFiling(readFileSync(sc13('0000315066-17-001861')).toString('latin1'), PARAPHRASES.find((p) => p.name === 'amount-aggregate')!)!;
    const r = extractCoverPages(parseSubmission(Buffer.from(text, 'latin1'), { sourceName: 'amount-aggregate' }));
    expect(r.reportingPersons.map((p) => [p.name, p.soleVotingPower])).toEqual([['FMR LLC', 2261276], ['Abigail P. Johnson', 0]]);
  });
});

describe('HTML reader', () => {
  it('reads a <PRE> body inside HTML (0000921895-07-001345)', () => {
    const r = extract(sc13('0000921895-07-001345'));
    expect(r.schedule13).toMatchObject({ format: 'html', kind: '13G', ruleBoxes: ['13d-1(c)'] });
    expect(r.reportingPersons).toHaveLength(8);
  });

  it('reads Unicode ballot boxes, guillemets and <sup> footnotes (0001140361-17-047815)', () => {
    const r = extract(sc13('0001140361-17-047815'));
    expect(r.reportingPersons).toHaveLength(1);
    expect(r.reportingPersons[0]).toMatchObject({ memberOfGroup: 'b', percentOfClass: 47.53, typeOfReportingPerson: ['BK'] });
    expect(r.reportingPersons[0]!.name).toMatch(/\u00ab.*\u00bb/);
  });

  it('reads Wingdings x/o boxes (0000950144-04-011596)', () => {
    const r = extract(sc13('0000950144-04-011596'));
    expect(r.reportingPersons).toHaveLength(5);
    expect(r.reportingPersons.every((p) => p.memberOfGroup === 'b')).toBe(true);
    expect(r.reportingPersons[0]!.sourceOfFunds).toEqual(['OO']);
  });

  it('finds the 13D cover pages inside a combined SC TO-T/A filed as SC 13D/A (0001104659-25-002604)', () => {
    const sub = parseSubmission(readFileSync(local('0001104659-25-002604.txt')));
    const found = findSchedule(sub);
    expect(found).toMatchObject({ status: 'found', kind: '13D', formType: 'SC 13D/A', format: 'html' });
    const r = extractCoverPages(sub);
    expect(r.schedule13).toMatchObject({ formType: 'SC 13D/A', issuerName: 'CVR ENERGY, INC.', cusips: ['12662P108'], amendmentNumber: 3 });
    expect(r.reportingPersons.map((p) => p.name)).toEqual([
      'IEP Energy Holding LLC',
      'American Entertainment Properties Corp.',
      'Icahn Enterprises Holdings L.P.',
      'Icahn Enterprises G.P. Inc.',
      'Beckton Corp.',
      'Carl C. Icahn',
    ]);
    expect(r.reportingPersons[5]).toMatchObject({ sharedVotingPower: 67570593, percentOfClass: 67.2, typeOfReportingPerson: ['IN'] });
  });
});

describe('XML reader', () => {
  it('selects by local name, keeps absent elements null and fractional shares (0001104659-25-084149)', () => {
    const r = extract(sc13('0001104659-25-084149'));
    expect(r.schedule13).toMatchObject({ format: 'xml', kind: '13D', issuerName: 'Fortress Private Lending Fund', cusips: ['34966T107'], eventDate: '2025-08-20', amendmentNumber: null });
    expect(r.reportingPersons).toHaveLength(15);
    expect(r.reportingPersons.some((p) => p.sharedVotingPower === 7207424.4)).toBe(true);
  });

  it('reports absent share elements as null with a warning (0000950170-24-139085)', () => {
    const r = extract(sc13('0000950170-24-139085'));
    expect(r.reportingPersons.every((p) => p.soleVotingPower === null && p.soleDispositivePower === null)).toBe(true);
    expect(r.warnings.filter((w) => w.code === 'COVER_VALUE_MISSING')).toHaveLength(6);
  });

  it('reads a 13G with trailing spaces in values (0001420506-24-002350)', () => {
    const r = extract(sc13('0001420506-24-002350'));
    expect(r.schedule13).toMatchObject({ kind: '13G', ruleBoxes: ['13d-1(c)'], amendmentNumber: 2 });
    expect(r.reportingPersons.map((p) => p.sharedVotingPower)).toEqual([807223, 807223, 807223]);
    expect(r.reportingPersons[0]!.percentOfClass).toBe(9.9);
  });

  it('reads CUSIPs nested under issuerCusips/issuerCusipNumber in a bare primary_doc.xml', () => {
    const r = extract(local('edgartools__schedule13d_nested_cusip.xml'));
    expect(r.schedule13).toMatchObject({ kind: '13D', issuerName: 'Seaport Therapeutics, Inc.', cusips: ['81221K108'], issuerCik: '0002042347' });
    expect(r.reportingPersons[0]).toMatchObject({ name: 'ARCH Venture Fund XII, L.P.', cik: '0001906837', sourceOfFunds: ['WC'], citizenship: 'DE' });
  });

  it('repairs an end tag missing its ">" and decodes double-escaped entities', () => {
    const xml = [
      '<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13D"><formData><coverPageHeader>',
      '<issuerInfo><issuerName>Target &amp;#167; Co</issuerName><issuerCusips><issuerCusipNumber>000000000</issuerCusipNumber>',
      '<issuerCusipNumber>11111111</issuerCusipNumber></issuerCusips></issuerInfo><dateOfEvent>03/14/2025</dateOfEvent></coverPageHeader>',
      '<reportingPersons><reportingPersonInfo><reportingPersonName>Example Fund LP</reportingPersonName>',
      '<fundType>WC</fundType\n<fundType>AF</fundType><ns2:soleVotingPower xmlns:ns2="x">1500000.00</ns2:soleVotingPower>',
      '<percentOfClass>6.2</percentOfClass><typeOfReportingPerson>PN</typeOfReportingPerson></reportingPersonInfo></reportingPersons>',
      '</formData></edgarSubmission>',
    ].join('\n');
    expect(parseXmlTree(xml).repairs.map((r) => r.what)).toEqual(['end tag </fundType has no ">"']);
    const r = readXmlCoverPages(xml, '13D', 1);
    expect(r.header).toMatchObject({ issuerName: 'Target \u00a7 Co', cusips: ['000000000', '111111118'], eventDate: '2025-03-14' });
    expect(r.persons[0]).toMatchObject({ sourceOfFunds: ['WC', 'AF'], soleVotingPower: 1500000, percentOfClass: 6.2, legalProceedings: false, excludesCertainShares: false });
    expect(r.warnings.map((w) => w.code)).toContain('XML_REPAIRED');
  });
});

describe('contract', () => {
  it('gives a non-13D/G submission no record and no warnings', () => {
    const r = extract(`${ROOT}/samples/hudson-ex10-20-first-amendment.txt`);
    expect(r).toEqual({ schedule13: null, reportingPersons: [], warnings: [] });
  });

  it('never throws on odd input and says why no cover page was found', () => {
    const odd = [
      '<DOCUMENT>\n<TYPE>SC 13D\n<TEXT>\nnothing here\n</TEXT>\n</DOCUMENT>\n',
      '<DOCUMENT>\n<TYPE>SC 13G\n<TEXT>\n<html><body><table><tr><td>1</td><td>NAME OF REPORTING PERSONS</td></tr></table>\n</TEXT>\n</DOCUMENT>\n',
      '<DOCUMENT>\n<TYPE>SCHEDULE 13D\n<TEXT>\n<XML>\n<edgarSubmission><formData><reportingPersons><reportingPersonInfo>\n</TEXT>\n</DOCUMENT>\n',
    ];
    for (const input of odd) {
      const r = extractCoverPages(parseSubmission(input));
      expect(r.schedule13).not.toBeNull();
      const notFound = r.warnings.find((w) => w.code === 'COVER_NOT_FOUND');
      if (r.reportingPersons.length === 0) expect(notFound?.message).toMatch(/no cover page/);
    }
  });

  it('emits only documented warning codes', () => {
    const files = [...loadGolden().map((g) => `${ROOT}/${g.fixture}`), ...['0001104659-25-002604.txt', '0000728974-98-000014.txt', '0000734072-02-000005.txt', '0000315066-05-001987.txt', 'edgartools__schedule13d_nested_cusip.xml'].map(local)];
    const seen = new Set<string>();
    for (const f of files) for (const w of extract(f).warnings) seen.add(w.code);
    expect([...seen].filter((c) => !(c in COVER_WARNING_CODES))).toEqual([]);
  });

  it('warns when a cover page contradicts itself', () => {
    const person = {
      ordinal: 1, name: 'X', soleVotingPower: 500, sharedVotingPower: 0, soleDispositivePower: 500, sharedDispositivePower: 0,
      aggregateAmount: 400, percentOfClass: 120, documentSequence: 1, spanStart: 0, spanEnd: 10,
    } as ReportingPersonRecord;
    const warnings = checkCoverPage(person);
    expect(warnings.map((w) => w.code)).toEqual(['COVER_INCONSISTENT', 'COVER_INCONSISTENT', 'COVER_INCONSISTENT']);
    expect(warnings.map((w) => w.message).join(' ')).toMatch(/sole voting power 500 is above the aggregate amount 400/);
  });
});
