/**
 * PIPELINE_VERSION never changed although stored output had, and identical bytes are skipped under the same
 * version, so users who upgraded kept the old, wrong rows. The version is now tied to the output: a fingerprint
 * of every row a fixed set of filings stores must match test/fixtures/golden/pipeline-fingerprint.json, which is
 * only rewritten (npm run fingerprint) together with a PIPELINE_VERSION bump.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/database.js';
import { canonicalRows, fingerprintProblem, pipelineFingerprint, readGolden } from '../../bench/pipeline-fingerprint.js';
import { PIPELINE_VERSION } from '../../src/version.js';

describe('PIPELINE_VERSION is tied to the stored output', () => {
  it('the stored output of the fingerprint filings matches the golden fingerprint of this PIPELINE_VERSION', () => {
    const { fingerprint } = pipelineFingerprint(process.cwd());
    const problem = fingerprintProblem(readGolden(process.cwd()), fingerprint);
    expect(problem, problem ?? '').toBeNull();
  });

  it('a changed stored value under the same version is caught, and the message says to bump', () => {
    const db = openDatabase(':memory:');
    ingestSubmission(db, new Uint8Array(readFileSync('samples/0001125282-03-003998.txt')), { sourceName: 'samples/0001125282-03-003998.txt' });
    const before = canonicalRows(db.sqlite);
    db.sqlite.prepare("UPDATE reporting_persons SET name = name || ' (changed)' WHERE ordinal = 1").run();
    expect(canonicalRows(db.sqlite)).not.toBe(before);
    db.close();
    const golden = { pipelineVersion: PIPELINE_VERSION, fingerprint: 'an older output' };
    expect(fingerprintProblem(golden, 'this output')).toMatch(/^stored output changed: bump PIPELINE_VERSION and run npm run fingerprint/);
    expect(fingerprintProblem({ pipelineVersion: '0.0.1', fingerprint: 'x' }, 'x')).toMatch(/run npm run fingerprint$/);
  });

  it('when and by which version rows were written is not part of the output', () => {
    const db = openDatabase(':memory:');
    ingestSubmission(db, new Uint8Array(readFileSync('samples/hudson-ex10-20-first-amendment.txt')), { sourceName: 'a' });
    const before = canonicalRows(db.sqlite);
    db.sqlite.prepare("UPDATE filings SET stored_at = '2000-01-01T00:00:00.000Z', pipeline_version = '0.0.1'").run();
    expect(canonicalRows(db.sqlite)).toBe(before);
    db.close();
  });
});
