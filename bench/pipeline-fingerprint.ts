/**
 * Ties PIPELINE_VERSION to what the pipeline stores. The fingerprint is a SHA-256 over every row a fixed set of
 * filings leaves in a fresh database, in a canonical form (tables by name, rows sorted, columns that record when and
 * by which version rather than what: `stored_at`, `pipeline_version`, and the compressed `sources` left out).
 * test/fixtures/golden/pipeline-fingerprint.json holds {pipelineVersion, fingerprint}; test/store/pipeline-fingerprint.test.ts
 * fails when the output changes under the same version, because then a database that already holds those filings
 * keeps the old rows (identical bytes are skipped under the same version) and `reprocess` does not know to redo them.
 *
 *   npm run fingerprint     rewrite the golden file, only after PIPELINE_VERSION was bumped (or the output is unchanged)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { ingestSubmission } from '../src/pipeline.js';
import { openDatabase } from '../src/store/database.js';
import { PIPELINE_VERSION } from '../src/version.js';

/** The filings fingerprinted, relative to the package root: text, HTML and XML schedules, old and new, and the samples. */
export const FINGERPRINT_INPUTS = [
  'samples/0001125282-03-003998.txt',
  'samples/0001125282-03-003998-ex13.txt',
  'samples/hudson-ex10-20-first-amendment.txt',
  'test/fixtures/sc13/0000895345-94-000020.txt',
  'test/fixtures/sc13/0000902664-04-001527.txt',
  'test/fixtures/sc13/0001193125-10-137857.txt',
  'test/fixtures/sc13/0001140361-23-028095.txt',
  'test/fixtures/sc13/0002012383-25-000642.txt',
  'test/fixtures/sc13/0000950170-24-139085.txt',
  'test/fixtures/sc13/0001104659-25-084149.txt',
];

export const GOLDEN_PATH = 'test/fixtures/golden/pipeline-fingerprint.json';

export interface FingerprintGolden {
  pipelineVersion: string;
  fingerprint: string;
}

/** Not output: when and by what the rows were written, and the input itself (gzip bytes vary with zlib). */
const SKIPPED_TABLES = new Set(['schema_migrations', 'sources', 'items_fts']);
const SKIPPED_COLUMNS = new Set(['filings.stored_at', 'filings.pipeline_version']);

/** The canonical text of every stored row: one line per table header and per row, tables by name, rows sorted. */
export function canonicalRows(sqlite: Database.Database): string {
  const shadow = new Set(sqlite.prepare("SELECT name FROM pragma_table_list WHERE type = 'shadow'").pluck().all() as string[]);
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").pluck().all() as string[]).filter(
    (t) => !shadow.has(t) && !SKIPPED_TABLES.has(t),
  );
  const lines: string[] = [];
  for (const table of tables) {
    const columns = (sqlite.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(table) as string[]).filter((c) => !SKIPPED_COLUMNS.has(`${table}.${c}`));
    lines.push(`# ${table} ${JSON.stringify(columns)}`);
    const list = columns.map((c) => `"${c}"`).join(', ');
    const rows = sqlite.prepare(`SELECT ${list} FROM "${table}"`).raw().all() as unknown[][];
    const encoded = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? `blob:${v.toString('base64')}` : v)));
    encoded.sort();
    lines.push(...encoded);
  }
  return `${lines.join('\n')}\n`;
}

/** Store FINGERPRINT_INPUTS (in order, each named by its relative path) in a fresh in-memory database and hash the rows. */
export function pipelineFingerprint(root: string): { fingerprint: string; canonical: string } {
  const db = openDatabase(':memory:');
  try {
    for (const input of FINGERPRINT_INPUTS) ingestSubmission(db, new Uint8Array(readFileSync(join(root, input))), { sourceName: input });
    const canonical = canonicalRows(db.sqlite);
    return { fingerprint: createHash('sha256').update(canonical).digest('hex'), canonical };
  } finally {
    db.close();
  }
}

export function readGolden(root: string): FingerprintGolden | null {
  const path = join(root, GOLDEN_PATH);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FingerprintGolden) : null;
}

/** What is wrong with the golden file for this build, or null when it matches. */
export function fingerprintProblem(golden: FingerprintGolden | null, fingerprint: string): string | null {
  if (!golden) return `${GOLDEN_PATH} is missing: run npm run fingerprint`;
  if (golden.pipelineVersion === PIPELINE_VERSION) {
    return golden.fingerprint === fingerprint ? null : `stored output changed: bump PIPELINE_VERSION and run npm run fingerprint (src/version.ts is ${PIPELINE_VERSION}, the version the golden fingerprint was taken with)`;
  }
  return `PIPELINE_VERSION is ${PIPELINE_VERSION} but ${GOLDEN_PATH} was taken with ${golden.pipelineVersion}: run npm run fingerprint`;
}

function main(): number {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
  const { fingerprint } = pipelineFingerprint(root);
  const golden = readGolden(root);
  if (golden && golden.pipelineVersion === PIPELINE_VERSION && golden.fingerprint !== fingerprint) {
    // Rewriting here would hide the change from every database already holding these filings.
    console.error(`fingerprint: stored output changed under PIPELINE_VERSION ${PIPELINE_VERSION}: bump it in src/version.ts first, then rerun`);
    return 1;
  }
  const next: FingerprintGolden = { pipelineVersion: PIPELINE_VERSION, fingerprint };
  writeFileSync(join(root, GOLDEN_PATH), `${JSON.stringify(next, null, 2)}\n`);
  console.log(`fingerprint: wrote ${GOLDEN_PATH} (${PIPELINE_VERSION} ${fingerprint.slice(0, 16)}…)`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
