// A separate process for test/store/concurrent-open.test.ts: waits until the given moment (so two of them open the
// same new database at once), then opens it and stores each file, printing the accession numbers it stored.
// Usage: node test/helpers/ingest-process.mjs DB START_MS FILE...   (needs `npm run build`: it imports dist/)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { openDatabase } = await import(join(root, 'dist', 'src', 'store', 'database.js'));
const { ingestSubmission } = await import(join(root, 'dist', 'src', 'pipeline.js'));

const [dbPath, startAt, ...files] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  // Busy-wait rather than sleep: both processes must reach openDatabase within a millisecond or so.
}
const db = openDatabase(dbPath);
const stored = [];
try {
  for (const file of files) stored.push(ingestSubmission(db, new Uint8Array(readFileSync(file)), { sourceName: file }).accessionNumber);
} finally {
  db.close();
}
process.stdout.write(JSON.stringify(stored));
