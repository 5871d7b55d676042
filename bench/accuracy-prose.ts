#!/usr/bin/env node
/**
 * `node dist/bench/accuracy-prose.js [GOLDEN_DIR] [--show-holdout]`: precision and recall of the prose readers' holdings, notes,
 * transactions and options against the hand-labelled golden set (test/fixtures/golden/items/*.json, each naming its
 * fixture).
 *
 * Keys: a holding matches when holder and share count agree; a note when holder and principal agree; a transaction
 * when date, shares and price agree; an option when holder and shares agree (holders compared without case,
 * punctuation or "the"). `tradeHolders` scores the same trades keyed by their holder too, which the labelling rule
 * does not require: a fund's trade credited to the adviser that reports it counts there as one extra and one missed.
 * Each side is reduced to distinct keys first, so a position restated in Items 3 and 5 counts once. Transactions and
 * options are scored only on files that label them.
 *
 * Two labelling conventions live in the set. The first files (splits dev, dev-late, holdout; holdings without a
 * `role`) followed a rule under which power-only statements and table rows were not holdings; the current rule
 * (docs/labelling.md, files with `role`, split tune) counts them. On a first-convention file the rows the
 * reader marks as a power alone are not scored, since that file could not have labelled them.
 *
 * Prints one line per filing (true positives, false positives, misses, with the keys that differ) and the totals per
 * split — `dev` (tuned on), `dev-late` (scored blind once, then tuned on), `tune` (labelled under the current rule,
 * tuned on), `holdout` (never tuned on) — and over all, the holdout last as the headline; exits 0 (it measures, it
 * does not gate).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractItemsAndProse } from '../src/extract/items/index.js';
import { parseSubmission } from '../src/parse/index.js';

interface GoldenFile {
  accessionNumber: string;
  fixture: string;
  /**
   * dev: the readers were tuned while looking at it; dev-late: first scored blind (a held-out set), then used to fix
   * the readers; holdout: labelled and scored, never used for tuning.
   */
  split?: Split;
  holdings: { holder: string; shares: number | null; role?: string }[];
  notes?: { holder: string; principal: number | null }[];
  /** Current rule: date, price; the founding sample's full records: transactionDate, pricePerShare. */
  transactions?: { holder: string; date?: string | null; transactionDate?: string | null; shares: number | null; price?: number | null; pricePerShare?: number | null }[];
  options?: { holder: string; shares: number | null }[];
}

export type Split = 'dev' | 'dev-late' | 'tune' | 'holdout';
export type Measure = 'holdings' | 'notes' | 'transactions' | 'tradeHolders' | 'options';
export const MEASURES: Measure[] = ['holdings', 'notes', 'transactions', 'tradeHolders', 'options'];
const POWER_ROLES = new Set(['sole_voting', 'shared_voting', 'sole_dispositive', 'shared_dispositive']);

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

type Compared = Score & { extra: string[]; missed: string[]; found: string[] };

export interface FilingScore {
  accessionNumber: string;
  split: Split;
  /** Labelled under the current rule (power rows, tables, parts are holdings); the first convention's files are not. */
  currentRule: boolean;
  holdings: Compared;
  notes: Compared;
  /** Null when the file does not label them. */
  transactions: Compared | null;
  /** The same trades keyed by their holder too (null with transactions). */
  tradeHolders: Compared | null;
  options: Compared | null;
}

export function holderKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\bthe\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function compare(predicted: string[], golden: string[]): Compared {
  const p = new Set(predicted);
  const g = new Set(golden);
  const extra = [...p].filter((k) => !g.has(k));
  const missed = [...g].filter((k) => !p.has(k));
  const found = [...p].filter((k) => g.has(k));
  return { truePositives: found.length, falsePositives: extra.length, falseNegatives: missed.length, extra, missed, found };
}

export interface ScoreOptions {
  /** Score only these splits (all when absent). */
  splits?: readonly Split[];
  /**
   * Rewrite a fixture before it is read (bench/paraphrase-robustness.ts); the text is the file's bytes as latin1, so
   * bytes the rewrite does not touch come back unchanged. Returning null leaves the file out of the scores.
   */
  transform?: (text: string) => string | null;
}

/** Score every golden file in `dir` (fixture paths are relative to `root`). */
export function scoreGoldenSet(dir: string, root: string, options: ScoreOptions = {}): FilingScore[] {
  const out: FilingScore[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const golden = JSON.parse(readFileSync(join(dir, name), 'utf8')) as GoldenFile;
    if (options.splits && !options.splits.includes(golden.split ?? 'dev')) continue;
    // Labels written for the corpus name its path; the fixture is the byte-identical copy in test/fixtures/sc13.
    let path = resolve(root, golden.fixture);
    if (!existsSync(path)) path = resolve(root, 'test/fixtures/sc13', `${golden.accessionNumber}.txt`);
    let bytes: Buffer = readFileSync(path);
    if (options.transform) {
      const rewritten = options.transform(bytes.toString('latin1'));
      if (rewritten === null) continue;
      bytes = Buffer.from(rewritten, 'latin1');
    }
    const submission = parseSubmission(bytes, { sourceName: path });
    const { tables } = extractItemsAndProse(submission);
    const n = (x: unknown): string => (x === null || x === undefined ? '-' : String(x));
    const key = (holder: unknown, x: unknown): string => `${holderKey(String(holder))} | ${n(x)}`;
    const split = golden.split ?? 'dev';
    // Files of the current rule carry `role` on their rows, or label transactions (the first convention labelled
    // neither), so a file under the current rule with no position at all is still scored as one.
    const currentRule = split === 'tune' || golden.holdings.some((h) => h.role !== undefined) || Array.isArray(golden.transactions);
    const predicted = (tables.holdings ?? []).filter((r) => currentRule || !POWER_ROLES.has(String(r.role)));
    const tradeKey = (date: unknown, shares: unknown, price: unknown): string => `${n(date)} | ${n(shares)} | ${n(price)}`;
    const readTrades = (tables.transactions ?? []).filter((r) => r.shares !== null);
    out.push({
      accessionNumber: golden.accessionNumber,
      split,
      currentRule,
      holdings: compare(
        predicted.map((r) => key(r.holder, r.shares)),
        golden.holdings.map((h) => key(h.holder, h.shares)),
      ),
      notes: compare(
        (tables.notes ?? []).map((r) => key(r.holder, r.principal)),
        (golden.notes ?? []).map((x) => key(x.holder, x.principal)),
      ),
      transactions: golden.transactions
        ? compare(
            readTrades.map((r) => tradeKey(r.transactionDate, r.shares, r.pricePerShare)),
            golden.transactions.map((x) => tradeKey(x.date ?? x.transactionDate, x.shares, x.price ?? x.pricePerShare)),
          )
        : null,
      tradeHolders: golden.transactions
        ? compare(
            readTrades.map((r) => key(r.holder, tradeKey(r.transactionDate, r.shares, r.pricePerShare))),
            golden.transactions.map((x) => key(x.holder, tradeKey(x.date ?? x.transactionDate, x.shares, x.price ?? x.pricePerShare))),
          )
        : null,
      options: golden.options
        ? compare(
            (tables.options ?? []).map((r) => key(r.holder, r.shares)),
            golden.options.map((x) => key(x.holder, x.shares)),
          )
        : null,
    });
  }
  return out;
}

export function totals(scores: FilingScore[], which: Measure): Score & { precision: number; recall: number; filings: number } {
  const scored = scores.filter((s) => s[which] !== null);
  const t = scored.reduce(
    (acc, s) => ({
      truePositives: acc.truePositives + s[which]!.truePositives,
      falsePositives: acc.falsePositives + s[which]!.falsePositives,
      falseNegatives: acc.falseNegatives + s[which]!.falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
  const precision = t.truePositives + t.falsePositives ? t.truePositives / (t.truePositives + t.falsePositives) : 1;
  const recall = t.truePositives + t.falseNegatives ? t.truePositives / (t.truePositives + t.falseNegatives) : 1;
  return { ...t, precision, recall, filings: scored.length };
}

function main(): void {
  const root = process.cwd();
  const args = process.argv.slice(2);
  // The holdout stays blind: its per-filing lines (what was missed, what was extra) are printed only when asked for,
  // so that tuning on the other splits never shows which holdout positions fail.
  const showHoldout = args.includes('--show-holdout');
  const dir = resolve(root, args.find((a) => !a.startsWith('--')) ?? 'test/fixtures/golden/items');
  const scores = scoreGoldenSet(dir, root);
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  console.log(`prose accuracy over ${scores.length} hand-labelled filings (${dir})`);
  for (const s of scores) {
    if (s.split === 'holdout' && !showHoldout) continue;
    const parts = MEASURES.filter((m) => s[m] !== null).map((m) => `${m} tp ${s[m]!.truePositives} fp ${s[m]!.falsePositives} fn ${s[m]!.falseNegatives}`);
    console.log(`  ${s.accessionNumber} ${s.split.padEnd(8)}  ${parts.join('   ')}`);
    for (const m of MEASURES) {
      for (const e of s[m]?.extra ?? []) console.log(`      + ${m === 'holdings' ? '' : `${m}: `}${e}`);
      for (const e of s[m]?.missed ?? []) console.log(`      - ${m === 'holdings' ? '' : `${m}: `}${e}`);
    }
  }
  // The holdout (never tuned on) is the figure to quote: printed last, after the splits the readers were tuned on.
  for (const [label, subset] of [
    ['dev', scores.filter((s) => s.split === 'dev')],
    ['dev-late', scores.filter((s) => s.split === 'dev-late')],
    ['tune', scores.filter((s) => s.split === 'tune')],
    ['tuned', scores.filter((s) => s.split !== 'holdout')],
    ['holdout', scores.filter((s) => s.split === 'holdout')],
    ['holdout-current-rule', scores.filter((s) => s.split === 'holdout' && s.currentRule)],
  ] as const) {
    if (!subset.length) continue;
    if (label === 'holdout') console.log('HEADLINE (holdout, never tuned on):');
    for (const which of MEASURES) {
      const t = totals(subset, which);
      if (!t.filings) continue;
      console.log(`${label.padEnd(label.startsWith('holdout') ? 20 : 8)} ${which.padEnd(12)} precision ${pct(t.precision)}  recall ${pct(t.recall)}  (tp ${t.truePositives}, fp ${t.falsePositives}, fn ${t.falseNegatives}; ${t.filings} filings)`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('accuracy-prose.js')) main();
