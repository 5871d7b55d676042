/** The entity-suffix lexicon: the words that end a legal name, and which of them a short form of a name drops. */
import { describe, expect, it } from 'vitest';
import { endsWithEntitySuffix, isEntitySuffix, isLegalFormWord, withoutLegalForm } from '../../../src/extract/lexicon/index.js';

describe('suffix tokens', () => {
  it.each([
    'Inc.', 'Inc', 'INC.', 'Incorporated', 'Corp.', 'Corporation', 'Co.', 'Company', 'Cos.', 'L.P.', 'LP', 'L.P', 'L.L.C.', 'LLC',
    'L.L.P.', 'LLP', 'Ltd.', 'Limited', 'N.A.', 'PLC', 'plc', 'P.L.C.', 'S.A.', 'S.A.R.L.', 'AG', 'GmbH', 'B.V.', 'N.V.',
    'A/S', 'AB', 'ASA', 'S.p.A.', 'Pty.', 'Trust', 'Partnership', 'Bancorp', 'Bancorporation', 'Inc.,', 'L.P.,',
  ])('%j ends a legal name', (token) => {
    expect(isEntitySuffix(token)).toBe(true);
  });

  it.each(['Fund', 'Capital', 'Holdings', 'Group', 'Partners', 'Mr.', 'No.', 'Incorporation'])('%j does not', (token) => {
    expect(isEntitySuffix(token)).toBe(false);
  });
});

describe('names', () => {
  it.each([
    ['Hudson Technologies, Inc.', true],
    ['Fleming US Discovery Fund III, L.P.', true],
    ['Smith Family Trust', true],
    ['Deutsche Bank AG', true],
    ['Fidelity Management & Research', false],
    ['John Smith', false],
  ])('%j ends in a suffix: %s', (name, ends) => {
    expect(endsWithEntitySuffix(name)).toBe(ends);
  });

  it.each([
    ['Fleming US Discovery Fund III, L.P.', 'Fleming US Discovery Fund III'],
    ['Acme Holdings, Inc.', 'Acme Holdings'],
    ['Fidelity Management & Research Company', 'Fidelity Management & Research'],
    ['Wachovia Bank, N.A.', 'Wachovia Bank'],
    ['Smith Family Trust', 'Smith Family Trust'], // a name word stays
    ['First Keystone Bancorp', 'First Keystone Bancorp'],
  ])('short form of %j is %j', (name, short) => {
    expect(withoutLegalForm(name)).toBe(short);
  });

  it('legal-form words with their periods taken out', () => {
    for (const w of ['Inc', 'LP', 'NA', 'gmbh', 'LLC', 'SA']) expect(isLegalFormWord(w), w).toBe(true);
    for (const w of ['Trust', 'Fund', 'The']) expect(isLegalFormWord(w), w).toBe(false);
  });
});
