/**
 * The files under a directory that may be EDGAR submissions, recursively and in a stable (sorted) order. Dotfiles
 * and the notes a corpus keeps beside its filings (README.md, MANIFEST.tsv, golden JSON) are left out.
 * Shared by the CLI (a directory argument) and `npm run corpus`.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pushAll } from './arrays.js';

const NOT_A_FILING = /\.(md|json|tsv)$/i;

export function listInputFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) pushAll(out, listInputFiles(path));
    else if (st.isFile() && !NOT_A_FILING.test(name)) out.push(path);
  }
  return out;
}
