// `npm run corpus`: every bundled real file parses without an uncaught exception, and the report counts outcomes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listInputFiles as listFiles } from '../../src/input-files.js';
import { formatReport, sweep } from '../../bench/corpus-sweep.js';

describe('corpus sweep', () => {
  it('parses every fixture and sample with zero uncaught exceptions', () => {
    const files = [...listFiles('test/fixtures'), ...listFiles('samples')].filter((f) => !/\.(json|md)$/.test(f));
    const report = sweep(files);
    expect(report.uncaught).toEqual([]);
    expect(report.files).toBe(files.length);
    expect(report.clean + report.withWarnings + report.failed).toBe(files.length);
    expect(report.failed).toBe(0);
  });

  it('counts typed errors by code and warnings by code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgar-sweep-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.bin'), Buffer.from([0, 1, 2, 3, 4, 5, 0, 0]));
    writeFileSync(join(dir, 'ok.txt'), '<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>1\n<TEXT>\nhello\n</TEXT>\n</DOCUMENT>\n');
    writeFileSync(join(dir, 'cut.txt'), '<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>1\n<TEXT>\nhello');
    const report = sweep(listFiles(dir));
    expect(report).toMatchObject({ files: 4, clean: 1, withWarnings: 1, failed: 2, errorCodes: { EMPTY_INPUT: 1, BINARY_INPUT: 1 }, warningCodes: { TEXT_NOT_CLOSED: 1, DOCUMENT_NOT_CLOSED: 1 } });
    expect(formatReport(report)).toContain('uncaught exceptions: 0');
  });
});
