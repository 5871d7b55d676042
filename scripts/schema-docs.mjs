#!/usr/bin/env node
// Writes docs/schema.md from the schema a fresh database gets (table models, views, full-text tables) plus the
// hand-written docs/schema-notes.md. Needs the compiled library: run `npm run build` first.
// `--check` writes nothing and fails when docs/schema.md is missing or differs, so CI can prove it is current.
// Either way it fails, listing them, when a table, view or column has no description.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'src', 'store', 'docs.js');
if (!existsSync(compiled)) {
  console.error(`schema-docs: ${compiled} is missing; run npm run build first`);
  process.exit(2);
}
const { generateSchemaDocs } = await import(compiled);
const notesPath = join(root, 'docs', 'schema-notes.md');
const outPath = join(root, 'docs', 'schema.md');
const { markdown, problems } = generateSchemaDocs(readFileSync(notesPath, 'utf8'));
if (problems.length) {
  console.error(`schema-docs: ${problems.length} problem(s); describe these in their models, then rerun:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  if (!existsSync(outPath) || readFileSync(outPath, 'utf8') !== markdown) {
    console.error('stale: docs/schema.md does not match the schema; run npm run build && node scripts/schema-docs.mjs');
    process.exit(1);
  }
  console.log('schema-docs: docs/schema.md is up to date');
} else {
  writeFileSync(outPath, markdown);
  console.log('schema-docs: wrote docs/schema.md');
}
