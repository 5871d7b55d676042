/**
 * One registry of error and warning codes (src/errors/codes.ts). The types make an unregistered code a compile
 * error (codes.ts proves it with @ts-expect-error lines); these tests keep the registry honest the other way: no
 * registered code that nothing emits, every code stored for real filings is registered under its stage, and
 * docs/schema.md lists them all.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, WARNING_CODES, isWarningCode } from '../../src/errors/codes.js';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/database.js';
import { FINGERPRINT_INPUTS } from '../../bench/pipeline-fingerprint.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') && !path.endsWith('codes.ts') ? [path] : [];
  });
}

const source = sourceFiles('src')
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('error and warning code registry', () => {
  it('every registered code is emitted somewhere in src/ (no dead entries)', () => {
    const dead = [...Object.keys(WARNING_CODES), ...Object.keys(ERROR_CODES)].filter((code) => !source.includes(`'${code}'`));
    expect(dead).toEqual([]);
  });

  it('every warning stored for real filings is registered, under the stage that stores it', () => {
    const db = openDatabase(':memory:');
    for (const input of FINGERPRINT_INPUTS) ingestSubmission(db, new Uint8Array(readFileSync(input)), { sourceName: input });
    const stored = db.sqlite.prepare('SELECT DISTINCT stage, code FROM warnings ORDER BY code').all() as { stage: string; code: string }[];
    db.close();
    expect(stored.length).toBeGreaterThan(5);
    for (const { stage, code } of stored) {
      expect(isWarningCode(code), code).toBe(true);
      expect(WARNING_CODES[code as keyof typeof WARNING_CODES].stage, code).toBe(stage);
    }
  });

  it('docs/schema.md lists every warning and error code beside the warnings table', () => {
    const doc = readFileSync('docs/schema.md', 'utf8');
    const warningsTable = doc.indexOf('### `warnings`');
    const codes = doc.indexOf('#### Warning codes');
    expect(warningsTable).toBeGreaterThan(0);
    expect(codes).toBeGreaterThan(warningsTable);
    for (const code of [...Object.keys(WARNING_CODES), ...Object.keys(ERROR_CODES)]) expect(doc, code).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
});
