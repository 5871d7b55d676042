/**
 * BENCHMARKS.md is written by more than one benchmark (parse speed, scale): each owns one section between
 * `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` and replaces only that, keeping the others' last results.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const TITLE = '# Benchmarks\n\n`npm run bench` (parse speed, pipeline) and `npm run bench:scale` (batches of thousands of filings) each rewrite their own section.\n';

export function writeBenchmarkSection(file: string, name: string, body: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${body.trimEnd()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = current.indexOf(start);
  const until = current.indexOf(end);
  let next: string;
  if (at >= 0 && until > at) next = `${current.slice(0, at)}${block}${current.slice(until + end.length)}`;
  else if (current.includes('<!-- bench:')) next = `${current.trimEnd()}\n\n${block}\n`;
  // A file from before the sections: its figures are all superseded by the section being written.
  else next = `${TITLE}\n${block}\n`;
  writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}
