// A separate process for test/store/concurrent-open.test.ts. For each of COUNT new databases PREFIX-0.db,
// PREFIX-1.db, …: waits until START_MS + k × INTERVAL_MS (so every process opens database k at the same moment),
// opens it, stores each file, closes it. Prints {"<db>": [accession numbers stored], …}.
// Usage: node test/helpers/ingest-process.mjs PREFIX COUNT START_MS INTERVAL_MS FILE...   (imports dist/: build first)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { openDatabase } = await import(join(root, 'dist', 'src', 'store', 'database.js'));
const { ingestSubmission } = await import(join(root, 'dist', 'src', 'pipeline.js'));

const [prefix, count, startAt, interval, ...files] = process.argv.slice(2);
const inputs = files.map((file) => ({ file, bytes: new Uint8Array(readFileSync(file)) }));
const stored = {};
for (let k = 0; k < Number(count); k++) {
  const path = `${prefix}-${k}.db`;
  const at = Number(startAt) + k * Number(interval);
  while (Date.now() < at) {
    // Busy-wait rather than sleep: the processes must reach openDatabase within a millisecond or so of each other.
  }
  const db = openDatabase(path);
  try {
    stored[path] = inputs.map(({ file, bytes }) => ingestSubmission(db, bytes, { sourceName: file }).accessionNumber);
  } finally {
    db.close();
  }
}
process.stdout.write(JSON.stringify(stored));
