#!/usr/bin/env node
/**
 * `node dist/src/tools/accuracy-prose.js [GOLDEN_DIR]`: precision and recall of the prose readers' holdings and
 * notes against the hand-labelled golden set (test/fixtures/golden/items/*.json, each naming its fixture).
 *
 * A holding matches when holder and share count agree; a note when holder and principal agree (holders compared
 * without case, punctuation or "the"). Each side is reduced to distinct (holder, number) pairs first, so a position
 * restated in Items 3 and 5 counts once. Prints one line per filing (true positives, false positives, misses, with
 * the pairs that differ) and the totals per split — `dev` (tuned on), `dev-late` (scored blind once, then tuned on),
 * `holdout` (never tuned on) — and over all; exits 0 (it measures, it does not gate).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractItemsAndProse } from '../extract/items/index.js';
import { parseSubmission } from '../parse/index.js';

interface GoldenFile {
  accessionNumber: string;
  fixture: string;
  /**
   * dev: the readers were tuned while looking at it; dev-late: first scored blind (a held-out set), then used to fix
   * the readers; holdout: labelled and scored, never used for tuning.
   */
  split?: 'dev' | 'dev-late' | 'holdout';
  holdings: { holder: string; shares: number | null }[];
  notes: { holder: string; principal: number | null }[];
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface FilingScore {
  accessionNumber: string;
  split: 'dev' | 'dev-late' | 'holdout';
  holdings: Score & { extra: string[]; missed: string[] };
  notes: Score & { extra: string[]; missed: string[] };
}

export function holderKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\bthe\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function compare(predicted: string[], golden: string[]): Score & { extra: string[]; missed: string[] } {
  const p = new Set(predicted);
  const g = new Set(golden);
  const extra = [...p].filter((k) => !g.has(k));
  const missed = [...g].filter((k) => !p.has(k));
  return { truePositives: p.size - extra.length, falsePositives: extra.length, falseNegatives: missed.length, extra, missed };
}

/** Score every golden file in `dir` (fixture paths are relative to `root`). */
export function scoreGoldenSet(dir: string, root: string): FilingScore[] {
  const out: FilingScore[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const golden = JSON.parse(readFileSync(join(dir, name), 'utf8')) as GoldenFile;
    const path = resolve(root, golden.fixture);
    const submission = parseSubmission(readFileSync(path), { sourceName: path });
    const { tables } = extractItemsAndProse(submission);
    const key = (holder: unknown, n: unknown): string => `${holderKey(String(holder))} | ${n === null || n === undefined ? '-' : String(n)}`;
    out.push({
      accessionNumber: golden.accessionNumber,
      split: golden.split ?? 'dev',
      holdings: compare(
        (tables.holdings ?? []).map((r) => key(r.holder, r.shares)),
        golden.holdings.map((h) => key(h.holder, h.shares)),
      ),
      notes: compare(
        (tables.notes ?? []).map((r) => key(r.holder, r.principal)),
        golden.notes.map((n) => key(n.holder, n.principal)),
      ),
    });
  }
  return out;
}

export function totals(scores: FilingScore[], which: 'holdings' | 'notes'): Score & { precision: number; recall: number } {
  const t = scores.reduce(
    (acc, s) => ({
      truePositives: acc.truePositives + s[which].truePositives,
      falsePositives: acc.falsePositives + s[which].falsePositives,
      falseNegatives: acc.falseNegatives + s[which].falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
  const precision = t.truePositives + t.falsePositives ? t.truePositives / (t.truePositives + t.falsePositives) : 1;
  const recall = t.truePositives + t.falseNegatives ? t.truePositives / (t.truePositives + t.falseNegatives) : 1;
  return { ...t, precision, recall };
}

function main(): void {
  const root = process.cwd();
  const dir = resolve(root, process.argv[2] ?? 'test/fixtures/golden/items');
  const scores = scoreGoldenSet(dir, root);
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  console.log(`prose accuracy over ${scores.length} hand-labelled filings (${dir})`);
  for (const s of scores) {
    const h = s.holdings;
    const n = s.notes;
    console.log(`  ${s.accessionNumber} ${s.split.padEnd(8)}  holdings tp ${h.truePositives} fp ${h.falsePositives} fn ${h.falseNegatives}   notes tp ${n.truePositives} fp ${n.falsePositives} fn ${n.falseNegatives}`);
    for (const e of [...h.extra, ...n.extra]) console.log(`      + ${e}`);
    for (const m of [...h.missed, ...n.missed]) console.log(`      - ${m}`);
  }
  for (const [label, subset] of [
    ['dev', scores.filter((s) => s.split === 'dev')],
    ['dev-late', scores.filter((s) => s.split === 'dev-late')],
    ['holdout', scores.filter((s) => s.split === 'holdout')],
    ['all', scores],
  ] as const) {
    if (!subset.length) continue;
    for (const which of ['holdings', 'notes'] as const) {
      const t = totals(subset, which);
      console.log(`${label.padEnd(8)} ${which.padEnd(9)} precision ${pct(t.precision)}  recall ${pct(t.recall)}  (tp ${t.truePositives}, fp ${t.falsePositives}, fn ${t.falseNegatives}; ${subset.length} filings)`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('accuracy-prose.js')) main();
