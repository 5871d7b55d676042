#!/usr/bin/env node
/**
 * `node dist/bench/flattened-survey.js [--list] [--corpus DIR]`: do the corpus's Schedule 13D/13G filings still parse once flattened
 * the way corpora distribute them (bench/flatten.ts, the shape of samples/0001125282-03-003998.txt)?
 *
 * For each filing of ../shared/corpus/MANIFEST.tsv (or DIR/MANIFEST.tsv) under sc13/ (reserved filings and the holdout's fixtures skipped,
 * unopened: bench/blind-set.ts), as filed and flattened: does it parse to at least one document, and does the
 * cover-page extractor find its schedule document (a document whose TYPE is a 13D/13G, the same TYPE and SEQUENCE as
 * in the filing as filed)? Prints the counts; `--list` adds each flattened filing that fails, with why.
 * Measures; never gates.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findSchedule, scheduleKindOf } from '../src/extract/cover-page/index.js';
import { parseSubmission, type Submission } from '../src/parse/index.js';
import { blindSet } from './blind-set.js';
import { flattenSubmission } from './flatten.js';

export interface SurveyRow {
  accession: string;
  asFiled: { documents: number; schedule: string | null };
  flattened: { documents: number; schedule: string | null };
}

/** The schedule document found, as `TYPE#SEQUENCE`, when its TYPE is a 13D/13G; null otherwise. */
function scheduleOf(submission: Submission): string | null {
  const found = findSchedule(submission);
  if (found.status !== 'found' || !scheduleKindOf(found.doc.type)) return null;
  return `${found.doc.type}#${found.doc.sequence ?? '?'}`;
}

export function survey(root: string, corpus = resolve(root, '../shared/corpus')): SurveyRow[] {
  const skip = blindSet(root, corpus);
  const rows: SurveyRow[] = [];
  for (const line of readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1)) {
    const [local, , , , accession] = line.split('\t');
    if (!local?.startsWith('sc13/') || !accession || skip.has(accession)) continue;
    const bytes = readFileSync(join(corpus, local));
    const filed = parseSubmission(bytes, { sourceName: local });
    const flat = parseSubmission(Buffer.from(flattenSubmission(bytes.toString('latin1')), 'latin1'), { sourceName: local });
    rows.push({
      accession,
      asFiled: { documents: filed.documents.length, schedule: scheduleOf(filed) },
      flattened: { documents: flat.documents.length, schedule: scheduleOf(flat) },
    });
  }
  return rows;
}

function main(): void {
  const args = process.argv.slice(2);
  const list = args.includes('--list');
  const corpus = args.includes('--corpus') ? resolve(args[args.indexOf('--corpus') + 1]!) : undefined;
  const rows = survey(process.cwd(), corpus);
  const count = (f: (r: SurveyRow) => boolean): number => rows.filter(f).length;
  console.log(`${rows.length} unreserved sc13 filings (reserved and holdout skipped)`);
  console.log(`as filed:  ${count((r) => r.asFiled.documents > 0)} parse to >= 1 document, ${count((r) => r.asFiled.schedule !== null)} find their 13D/13G document`);
  console.log(`flattened: ${count((r) => r.flattened.documents > 0)} parse to >= 1 document, ${count((r) => r.flattened.schedule !== null)} find their 13D/13G document, ${count((r) => r.flattened.schedule !== null && r.flattened.schedule === r.asFiled.schedule)} the same one as filed; ${count((r) => r.flattened.documents === r.asFiled.documents)} the same document count`);
  if (!list) return;
  for (const r of rows) {
    if (r.flattened.documents === r.asFiled.documents && r.flattened.schedule === r.asFiled.schedule) continue;
    console.log(`${r.accession}\tdocuments ${r.asFiled.documents} -> ${r.flattened.documents}\tschedule ${r.asFiled.schedule ?? '-'} -> ${r.flattened.schedule ?? '-'}`);
  }
}

if (process.argv[1]?.endsWith('flattened-survey.js')) main();
