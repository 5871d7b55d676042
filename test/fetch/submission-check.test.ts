/** Telling a complete submission from what EDGAR sometimes sends instead (error pages, empty or truncated bodies). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSubmission, isSecBlockPage } from '../../src/fetch/submission-check.js';
import { parseRetryAfter, resolveUserAgent } from '../../src/fetch/client.js';
import { RATE_LIMIT_PAGE, UNDECLARED_TOOL_PAGE } from '../helpers/edgar-server.js';

const fixture = new Uint8Array(readFileSync(new URL('../fixtures/fetch/0002006228-23-000001.txt', import.meta.url)));
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('checkSubmission', () => {
  it('accepts a complete submission (fixture 0002006228-23-000001, SCHEDULE 13G from corpus/sc13)', () => {
    expect(checkSubmission(fixture)).toEqual({ ok: true, root: '<SEC-DOCUMENT>' });
  });

  it('reports a body cut before </SEC-DOCUMENT> as truncated', () => {
    const check = checkSubmission(fixture.subarray(0, fixture.byteLength - 40));
    expect(check).toMatchObject({ ok: false, code: 'TRUNCATED_SUBMISSION' });
  });

  it('accepts the other roots with their closing tags, PEM wrapper included', () => {
    expect(checkSubmission(bytes('-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n\n<SEC-DOCUMENT>x\n</SEC-DOCUMENT>\n-----END PRIVACY-ENHANCED MESSAGE-----\n')).ok).toBe(true);
    expect(checkSubmission(bytes('<SUBMISSION>\n<ACCESSION-NUMBER>x\n</SUBMISSION>\n')).ok).toBe(true);
    expect(checkSubmission(bytes('<IMS-DOCUMENT>x</IMS-DOCUMENT>')).ok).toBe(true);
    expect(checkSubmission(bytes('<DOCUMENT>\n<TYPE>SC 13D\n</DOCUMENT>\n')).ok).toBe(true);
    expect(checkSubmission(bytes('<SUBMISSION>\n<ACCESSION-NUMBER>x\n'))).toMatchObject({ ok: false, code: 'TRUNCATED_SUBMISSION' });
  });

  it('names what arrived instead of a filing', () => {
    expect(checkSubmission(bytes(''))).toMatchObject({ ok: false, code: 'EMPTY_BODY' });
    expect(checkSubmission(bytes(' \n\t'))).toMatchObject({ ok: false, code: 'EMPTY_BODY' });
    expect(checkSubmission(bytes(RATE_LIMIT_PAGE))).toMatchObject({ ok: false, code: 'NOT_A_FILING', reason: expect.stringContaining('rate-limit') });
    expect(checkSubmission(bytes('<!DOCTYPE html><html><head><title>Oops</title></head></html>'))).toMatchObject({
      ok: false,
      code: 'NOT_A_FILING',
      reason: expect.stringContaining('"Oops"'),
    });
    expect(checkSubmission(bytes('<?xml version="1.0"?><Error><Code>NoSuchKey</Code></Error>'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('NoSuchKey'),
    });
  });

  it('recognises both SEC block pages', () => {
    expect(isSecBlockPage(RATE_LIMIT_PAGE)).toBe(true);
    expect(isSecBlockPage(UNDECLARED_TOOL_PAGE)).toBe(true);
    expect(isSecBlockPage('<html><title>Forbidden</title></html>')).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('resolveUserAgent', () => {
  it('takes the option over EDGAR_USER_AGENT', () => {
    expect(resolveUserAgent({ userAgent: 'A a@b.co', env: { EDGAR_USER_AGENT: 'B b@c.co' } })).toBe('A a@b.co');
    expect(resolveUserAgent({ env: { EDGAR_USER_AGENT: ' B b@c.co ' } })).toBe('B b@c.co');
  });

  it('refuses a missing one and says how to set it', () => {
    expect(() => resolveUserAgent({ env: {} })).toThrow(/export EDGAR_USER_AGENT=.*--user-agent/);
    expect(() => resolveUserAgent({ env: {} })).toThrow(expect.objectContaining({ code: 'USER_AGENT_REQUIRED' }));
    expect(() => resolveUserAgent({ env: { EDGAR_USER_AGENT: 'Mozilla/5.0' } })).toThrow(expect.objectContaining({ code: 'INVALID_USER_AGENT' }));
  });
});
