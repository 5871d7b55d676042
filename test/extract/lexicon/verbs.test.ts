/** The verb lexicon: the rule tables of waiving, consenting and amending words, each rule with the forms it takes. */
import { describe, expect, it } from 'vitest';
import { amendAction, AMEND_ACTION_SOURCE, CONSENT_ANY, CONSENT_RULES, WAIVE_ACTIVE, WAIVE_ANY, WAIVE_PASSIVE, WAIVE_RULES } from '../../../src/extract/lexicon/index.js';

describe('waive rules', () => {
  const cases: [string, string, 'active' | 'passive'][] = [
    ['agrees to waive', 'the Payee has agreed to waive its right', 'active'],
    ['agrees to waive', 'the Holder hereby agrees to waive', 'active'],
    ['hereby waives', 'the Holder hereby irrevocably waives the requirement', 'active'],
    ['waives its rights', 'the Purchaser waives all rights under Section 4', 'active'],
    ['has waived', 'the Payee has waived its right to the adjustment', 'active'],
    ['has waived', 'the Holders have irrevocably and unconditionally waived', 'active'],
    ['is hereby waived', 'Section 9A of the Note is hereby waived', 'passive'],
    ['is hereby waived', 'the conditions are hereby irrevocably waived', 'passive'],
  ];
  it.each(cases)('%s: %j', (name, text, voice) => {
    const rule = WAIVE_RULES.find((r) => r.name === name)!;
    expect(rule.voice).toBe(voice);
    expect(rule.pattern.test(text)).toBe(true);
    expect(WAIVE_ANY.test(text)).toBe(true);
    expect((voice === 'active' ? WAIVE_ACTIVE : WAIVE_PASSIVE).test(text)).toBe(true);
  });

  it.each([
    'shall not be deemed a waiver of any right',
    'no waiver of any provision shall be effective',
    'the waiver letter dated April 10, 2003',
    'has been waived',
  ])('refuses %j', (text) => {
    expect(WAIVE_ANY.test(text)).toBe(false);
  });
});

describe('consent rules', () => {
  it.each([
    ['hereby consents to', 'the Holder hereby consents to the issuance'],
    ['consents to the', 'each Purchaser consents to the Financing'],
    ['agrees to the following amendments', 'the Company hereby agrees, subject to Section 3, to the following amendments'],
  ])('%s: %j', (name, text) => {
    expect(CONSENT_RULES.find((r) => r.name === name)!.pattern.test(text)).toBe(true);
    expect(CONSENT_ANY.test(text)).toBe(true);
  });

  it.each(['the written consent of the Holder', 'without the consent of'])('refuses %j', (text) => {
    expect(CONSENT_ANY.test(text)).toBe(false);
  });
});

describe('amend actions', () => {
  it.each([
    ['deleted in its entirety and a new paragraph inserted', 'replace'],
    ['deleted in its entirety and the new sentence substituted', 'replace'],
    ['deleted in its entirety and replaced', 'replace'],
    ['amended and restated', 'replace'],
    ['amended to read', 'amend'],
    ['amended', 'amend'],
    ['deleted', 'delete'],
    ['added', 'insert'],
    ['inserted', 'insert'],
  ] as const)('%j → %s', (words, action) => {
    const m = new RegExp(`^(?:${AMEND_ACTION_SOURCE})`, 'i').exec(words);
    expect(m).not.toBeNull();
    expect(amendAction(m![0])).toBe(action);
  });
});
