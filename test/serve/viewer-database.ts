/**
 * A database for the viewer's tests: the founding sample stored by the real pipeline, plus one real 13G from the
 * corpus fixtures so that pages list more than one filing and issuer.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestSubmission } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/database.js';

export const SAMPLE_ACCESSION = '0001125282-03-003998';
export const HUDSON_CIK = '0000925528';

const INPUTS = ['samples/0001125282-03-003998.txt', 'test/fixtures/sc13/0000950170-24-139085.txt'];

/** Build the database in a new temporary directory; returns its path. */
export async function buildViewerDatabase(): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'edgar-viewer-'));
  const path = join(dir, 'edgar.db');
  const db = openDatabase(path);
  try {
    for (const input of INPUTS) {
      ingestSubmission(db, new Uint8Array(readFileSync(new URL(`../../${input}`, import.meta.url))), { sourceName: input });
    }
  } finally {
    db.close();
  }
  return { dir, path };
}
