#!/usr/bin/env node
/**
 * `node dist/bench/unread-survey.js [--list] [--rows] [--shape NAME]`: what the prose readers leave unread over the
 * corpus's Schedule 13D/13G filings, grouped by the shape of the sentence, so that the next reader extended is the one
 * that covers the most filings rather than the last filing looked at.
 *
 * Skips, without opening them, the filings of ../shared/corpus/RESERVED.tsv (a blind measurement) and the fixtures and
 * accession numbers of golden files whose split is "holdout" (only their `split`, `accessionNumber` and `fixture`
 * keys are read).
 *
 * Prints the PROSE_UNREAD count and the count per shape, then the share counts of the position item (a 13D's Item 5,
 * a 13G's Item 4) that no record used although their sentence was read (a sentence with one row of three counts is
 * not PROSE_UNREAD); `--list` adds each unread sentence and each unused count (accession, shape, text), `--rows` each holdings row whose holder is not a reporting person on the cover pages (a place where false
 * rows hide), `--dump` every holdings, options and transactions row (to diff two versions of the readers), `--shape`
 * restricts the list to one shape. Measures; never gates.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { blindSet } from './blind-set.js';
import { extractCoverPages } from '../src/extract/cover-page/index.js';
import { readScheduleProse } from '../src/extract/items/index.js';
import type { Evidence, Found } from '../src/extract/prose/index.js';
import { splitSentences } from '../src/extract/prose/sentences.js';
import { scanTokens } from '../src/extract/prose/tokens.js';
import { parseSubmission } from '../src/parse/index.js';

const SCHEDULE_FORMS = /^(?:SC 13[DG]|SCHEDULE 13[DG])(?:\/A)?$/;

/** Shapes of an unread sentence, first match wins: a keyword rule each, cheap and linear. */
const SHAPES: { name: string; pattern: RegExp }[] = [
  { name: 'option-warrant', pattern: /\b(?:options?|warrants?|issuable|exercis\w*|convertible|conversion)\b/i },
  { name: 'transaction', pattern: /\b(?:purchased|sold|acquired|disposed|bought|sale|purchase|open market|transactions?)\b/i },
  { name: 'power', pattern: /\b(?:voting|dispositive|power to (?:vote|dispose))\b/i },
  { name: 'outstanding', pattern: /\boutstanding\b/i },
  { name: 'respectively', pattern: /\brespectively\b/i },
  { name: 'of-which', pattern: /\bof which\b/i },
  { name: 'owned', pattern: /\b(?:beneficially own\w*|own(?:s|ed)?|holds?|held|deemed)\b/i },
  { name: 'price-money', pattern: /\$/ },
];

function shapeOf(text: string): string {
  return SHAPES.find((s) => s.pattern.test(text))?.name ?? 'other';
}

/** Document offsets where some record's evidence starts. */
function usedStarts(prose: { holdings: Found<object>[]; notes: Found<object>[]; options: Found<object>[]; transactions: Found<object>[]; ownershipBasis: Found<object>[]; sums: { total: Evidence; parts: Evidence[] }[]; merged: Evidence[] }): Set<number> {
  const all: Evidence[] = [
    ...[prose.holdings, prose.notes, prose.options, prose.transactions, prose.ownershipBasis].flatMap((list) => list.flatMap((f) => Object.values(f.evidence))),
    ...prose.sums.flatMap((s) => [s.total, ...s.parts]),
    ...prose.merged,
  ];
  return new Set(all.map((e) => e.span.start));
}

function main(): void {
  const root = process.cwd();
  const args = process.argv.slice(2);
  const list = args.includes('--list');
  const rows = args.includes('--rows');
  const dump = args.includes('--dump');
  const only = args.includes('--shape') ? args[args.indexOf('--shape') + 1] : undefined;
  const corpus = resolve(root, '../shared/corpus');
  const skip = blindSet(root, resolve(root, corpus));
  const manifest = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1);
  const counts = new Map<string, number>();
  let filings = 0;
  let unread = 0;
  let holdings = 0;
  let partial = 0;
  let silent = 0;
  const silentCounts = new Map<string, number>();
  const partialCounts = new Map<string, number>();
  for (const line of manifest) {
    const [local, , , , number, form] = line.split('\t');
    // Files without an accession number (single documents) go by their file name.
    const accession = number || basename(local ?? '');
    if (!local || !form || !SCHEDULE_FORMS.test(form)) continue;
    const path = join(corpus, local);
    if ((accession && skip.has(accession)) || skip.has(basename(local))) continue;
    filings++;
    const submission = parseSubmission(readFileSync(path), { sourceName: path });
    const read = readScheduleProse(submission, extractCoverPages(submission));
    if (!read) continue;
    const { prose, found } = read;
    const holdingRows = prose.holdings.map((h) => h.row);
    holdings += holdingRows.length;
    for (const w of prose.warnings) {
      if (w.code !== 'PROSE_UNREAD') continue;
      unread++;
      const text = w.message.replace(/^Item \d+: a sentence with numbers yielded no record: /, '');
      const shape = shapeOf(text);
      counts.set(shape, (counts.get(shape) ?? 0) + 1);
      if (list && (!only || only === shape)) console.log(`${accession}\tunread:${shape}\t${w.message}`);
    }
    // Counts of the position item that no evidence covers, in sentences that some record did read.
    const used = usedStarts(prose);
    const positionItem = found.kind === '13G' ? 4 : 5;
    for (const item of found.items.filter((i) => i.itemNumber === positionItem)) {
      const src = item.prose.source;
      for (const sn of splitSentences(src.text, src.start, src.end, src.linesAreBlocks)) {
        const raw = src.text.slice(sn.start, sn.end);
        const tokens = scanTokens(raw).filter((t) => t.kind === 'shares' || (t.kind === 'number' && t.value >= 1000 && !(t.value >= 1900 && t.value <= 2100)));
        if (!tokens.length) continue;
        const docOf = (t: { start: number; end: number }): number => src.toDocument(sn.start + t.start, sn.start + t.end).start;
        const anyRead = tokens.some((t) => used.has(docOf(t)));
        if (!anyRead) {
          // PROSE_UNREAD covers sentences with a share count or money; bare numbers ("Amount beneficially owned:
          // 1,234,567", table cells) are silent.
          if (tokens.some((t) => t.kind === 'shares') || /\$/.test(raw)) continue;
          silent++;
          const shape = shapeOf(raw);
          silentCounts.set(shape, (silentCounts.get(shape) ?? 0) + 1);
          if (list && (!only || only === shape)) console.log(`${accession}\tsilent:${shape}\t${sn.text.slice(0, 300)}`);
          continue;
        }
        for (const t of tokens.filter((x) => !used.has(docOf(x)))) {
          partial++;
          const shape = shapeOf(raw.slice(Math.max(0, t.start - 120), t.end + 60));
          partialCounts.set(shape, (partialCounts.get(shape) ?? 0) + 1);
          if (list && (!only || only === shape)) console.log(`${accession}\tunused:${shape}\t${t.raw}\t${sn.text.slice(0, 300)}`);
        }
      }
    }
    if (dump) {
      for (const h of holdingRows) console.log(`${accession}\tholding\t${h.holder} | ${h.shares} | ${h.role ?? '-'} | ${h.percentOfClass ?? '-'}`);
      for (const o of prose.options.map((f) => f.row)) console.log(`${accession}\toption\t${o.holder} | ${o.shares} | ${o.kind} | ${o.status}`);
      for (const x of prose.transactions.map((f) => f.row)) console.log(`${accession}\ttransaction\t${x.transactionDate} | ${x.holder} | ${x.action} | ${x.shares} | ${x.pricePerShare}`);
    }
    if (rows) {
      for (const h of holdingRows) {
        if (h.reportingPersonOrdinal === null) console.log(`${accession}\trow\t${h.holder} | ${h.shares} | ${h.role ?? '-'}\t${h.sentence.slice(0, 160)}`);
      }
    }
  }
  console.log(`unread survey: ${filings} schedule filings (reserved and holdout skipped), ${holdings} holdings rows, ${unread} PROSE_UNREAD`);
  for (const [shape, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${shape.padEnd(16)} ${n}`);
  console.log(`unused counts of the position item in sentences that were read: ${partial}`);
  for (const [shape, n] of [...partialCounts].sort((a, b) => b[1] - a[1])) console.log(`  ${shape.padEnd(16)} ${n}`);
  console.log(`sentences of the position item with bare counts (no "shares"), none used (not warned): ${silent}`);
  for (const [shape, n] of [...silentCounts].sort((a, b) => b[1] - a[1])) console.log(`  ${shape.padEnd(16)} ${n}`);
}

main();
