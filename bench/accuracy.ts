#!/usr/bin/env node
/**
 * `npm run accuracy [-- --verbose] [--json]`: run the cover-page extractor on every hand-labelled filing of
 * test/fixtures/golden/cover-pages and print field-level exactness, precision and recall per field and overall.
 *
 * Scoring (the golden set's README conventions): strings are compared with white space collapsed, and names, issuer
 * names and citizenship case-insensitively; numbers exactly; arrays element by element; null equals only null.
 * Persons are matched by position. Per field:
 *   - exact     = values equal / all slots (labelled persons plus any extra persons the extractor produced);
 *   - precision = right values / values the extractor produced (non-null, non-empty);
 *   - recall    = right values / values the label has (non-null, non-empty).
 * Exits 1 when the targets (≥ 98% exact overall, no field below 95%) are missed, so CI can gate on it.
 *
 * `--sweep DIR` instead runs the extractor over every file of DIR (no labels) and counts what it found: files with
 * reporting persons, persons, files without any and whether each says why, and warnings by code (files having it).
 * Exits 1 when a 13D/13G file yields neither a person nor a warning, or when the extractor fails.
 * Does not handle: labels of anything but cover pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractCoverPages } from '../src/extract/cover-page/index.js';
import type { ReportingPersonRecord, Schedule13Record } from '../src/extract/cover-page/types.js';
import { parseSubmission } from '../src/parse/index.js';

export const SCHEDULE_FIELDS = ['issuerName', 'issuerCik', 'classTitle', 'cusips', 'eventDate', 'amendmentNumber', 'ruleBoxes'] as const;
export const PERSON_FIELDS = [
  'name',
  'cik',
  'memberOfGroup',
  'sourceOfFunds',
  'legalProceedings',
  'citizenship',
  'soleVotingPower',
  'sharedVotingPower',
  'soleDispositivePower',
  'sharedDispositivePower',
  'aggregateAmount',
  'excludesCertainShares',
  'percentOfClass',
  'typeOfReportingPerson',
] as const;

const CASE_INSENSITIVE = new Set(['name', 'issuerName', 'citizenship']);

export interface GoldenLabel {
  accessionNumber: string;
  fixture: string;
  format: string;
  formType: string;
  schedule13: Record<(typeof SCHEDULE_FIELDS)[number], unknown>;
  reportingPersons: Record<(typeof PERSON_FIELDS)[number], unknown>[];
  notes?: string;
}

export interface FieldMiss {
  accessionNumber: string;
  /** 1-based person, or null for a schedule-level field. */
  person: number | null;
  field: string;
  expected: unknown;
  got: unknown;
}

export interface FieldScore {
  field: string;
  slots: number;
  exact: number;
  produced: number;
  producedRight: number;
  labelled: number;
  labelledRight: number;
}

export interface AccuracyReport {
  filings: number;
  persons: number;
  fields: FieldScore[];
  overall: FieldScore;
  misses: FieldMiss[];
  /** Filings whose every field matched. */
  exactFilings: string[];
}

function normalise(field: string, v: unknown): unknown {
  if (typeof v === 'string') {
    const s = v.replace(/\s+/g, ' ').trim();
    return CASE_INSENSITIVE.has(field) ? s.toLowerCase() : s;
  }
  if (Array.isArray(v)) return v.map((x) => normalise(field, x));
  return v;
}

/** Equality after the golden set's conventions. */
export function sameValue(field: string, expected: unknown, got: unknown): boolean {
  return JSON.stringify(normalise(field, expected) ?? null) === JSON.stringify(normalise(field, got) ?? null);
}

function hasValue(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

function emptyScore(field: string): FieldScore {
  return { field, slots: 0, exact: 0, produced: 0, producedRight: 0, labelled: 0, labelledRight: 0 };
}

/** Counts one slot. `expected`/`got` undefined means the person is missing on that side (never equal). */
function tally(score: FieldScore, field: string, expected: unknown, got: unknown): boolean {
  const right = expected !== undefined && got !== undefined && sameValue(field, expected, got);
  score.slots += 1;
  if (right) score.exact += 1;
  if (got !== undefined && hasValue(got)) {
    score.produced += 1;
    if (right) score.producedRight += 1;
  }
  if (expected !== undefined && hasValue(expected)) {
    score.labelled += 1;
    if (right) score.labelledRight += 1;
  }
  return right;
}

/** The repository root (this file is bench/accuracy.ts, or dist/bench/accuracy.js once built). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i += 1) {
    try {
      readFileSync(join(dir, 'package.json'));
      return dir;
    } catch {
      dir = dirname(dir);
    }
  }
  return process.cwd();
}

export function loadGolden(root = repoRoot()): GoldenLabel[] {
  const dir = join(root, 'test/fixtures/golden/cover-pages');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as GoldenLabel);
}

/** Extract every golden filing and score it. */
export function scoreGolden(root = repoRoot()): AccuracyReport {
  const labels = loadGolden(root);
  const scores = new Map<string, FieldScore>();
  const score = (f: string): FieldScore => {
    let s = scores.get(f);
    if (!s) scores.set(f, (s = emptyScore(f)));
    return s;
  };
  for (const f of [...SCHEDULE_FIELDS, ...PERSON_FIELDS]) score(f);
  const misses: FieldMiss[] = [];
  const exactFilings: string[] = [];
  let persons = 0;
  for (const label of labels) {
    const bytes = readFileSync(resolve(root, label.fixture));
    const result = extractCoverPages(parseSubmission(bytes, { sourceName: label.fixture }));
    const schedule: Partial<Schedule13Record> = result.schedule13 ?? {};
    let allRight = true;
    for (const field of SCHEDULE_FIELDS) {
      const got = (schedule as Record<string, unknown>)[field] ?? null;
      const expected = label.schedule13[field] ?? null;
      if (!tally(score(field), field, expected, got)) {
        allRight = false;
        misses.push({ accessionNumber: label.accessionNumber, person: null, field, expected, got });
      }
    }
    const count = Math.max(label.reportingPersons.length, result.reportingPersons.length);
    persons += label.reportingPersons.length;
    for (let i = 0; i < count; i += 1) {
      const exp = label.reportingPersons[i];
      const got: Partial<ReportingPersonRecord> = result.reportingPersons[i] ?? {};
      for (const field of PERSON_FIELDS) {
        const e = exp ? (exp[field] ?? null) : undefined;
        const g = result.reportingPersons[i] ? ((got as Record<string, unknown>)[field] ?? null) : undefined;
        // A person the extractor invented has no label and a missed person has no value: both count as wrong.
        const right = tally(score(field), field, e, g);
        if (!right) {
          allRight = false;
          misses.push({ accessionNumber: label.accessionNumber, person: i + 1, field, expected: e === undefined ? '(no such person)' : e, got: g === undefined ? '(not found)' : g });
        }
      }
    }
    if (allRight) exactFilings.push(label.accessionNumber);
  }
  const fields = [...scores.values()];
  const overall = fields.reduce((acc, s) => {
    acc.slots += s.slots;
    acc.exact += s.exact;
    acc.produced += s.produced;
    acc.producedRight += s.producedRight;
    acc.labelled += s.labelled;
    acc.labelledRight += s.labelledRight;
    return acc;
  }, emptyScore('overall'));
  return { filings: labels.length, persons, fields, overall, misses, exactFilings };
}

export function pct(n: number, d: number): number {
  return d === 0 ? 100 : (100 * n) / d;
}

export const TARGET_OVERALL = 98;
export const TARGET_FIELD = 95;

/** Whether a report meets the targets; the reasons when it does not. */
export function targetFailures(report: AccuracyReport): string[] {
  const out: string[] = [];
  const overall = pct(report.overall.exact, report.overall.slots);
  if (overall < TARGET_OVERALL) out.push(`overall exact ${overall.toFixed(2)}% < ${TARGET_OVERALL}%`);
  for (const f of report.fields) {
    const e = pct(f.exact, f.slots);
    if (e < TARGET_FIELD) out.push(`${f.field} exact ${e.toFixed(2)}% < ${TARGET_FIELD}%`);
  }
  return out;
}

function show(v: unknown): string {
  return v === undefined ? 'undefined' : JSON.stringify(v);
}

export function formatReport(report: AccuracyReport, verbose: boolean): string {
  const lines: string[] = [];
  lines.push(`Cover-page accuracy: ${report.filings} golden filings, ${report.persons} labelled reporting persons, ${report.overall.slots} field slots`);
  lines.push('');
  const head = `${'field'.padEnd(24)}${'slots'.padStart(7)}${'exact'.padStart(10)}${'precision'.padStart(12)}${'recall'.padStart(10)}`;
  lines.push(head);
  lines.push('-'.repeat(head.length));
  const row = (s: FieldScore): string =>
    `${s.field.padEnd(24)}${String(s.slots).padStart(7)}${`${pct(s.exact, s.slots).toFixed(1)}%`.padStart(10)}` +
    `${`${pct(s.producedRight, s.produced).toFixed(1)}%`.padStart(12)}${`${pct(s.labelledRight, s.labelled).toFixed(1)}%`.padStart(10)}`;
  for (const s of report.fields) lines.push(row(s));
  lines.push('-'.repeat(head.length));
  lines.push(row(report.overall));
  lines.push('');
  lines.push(`Filings with every field right: ${report.exactFilings.length}/${report.filings}`);
  lines.push(`Wrong fields: ${report.misses.length}`);
  const failures = targetFailures(report);
  lines.push(failures.length === 0 ? `Targets met (≥ ${TARGET_OVERALL}% overall, every field ≥ ${TARGET_FIELD}%).` : `Targets MISSED: ${failures.join('; ')}`);
  if (verbose && report.misses.length > 0) {
    lines.push('');
    lines.push('accession              person  field                     expected → got');
    for (const m of report.misses) {
      lines.push(`${m.accessionNumber}  ${String(m.person ?? '-').padStart(6)}  ${m.field.padEnd(24)}  ${show(m.expected)} → ${show(m.got)}`);
    }
  }
  return lines.join('\n');
}

export interface SweepReport {
  files: number;
  schedules: number;
  withPersons: number;
  persons: number;
  withoutPersons: { file: string; why: string | null }[];
  notSchedules: string[];
  warningFiles: Record<string, number>;
  failures: { file: string; error: string }[];
}

/** Run the extractor over every file of a directory and count the outcomes. */
export function sweepDirectory(dir: string): SweepReport {
  const report: SweepReport = { files: 0, schedules: 0, withPersons: 0, persons: 0, withoutPersons: [], notSchedules: [], warningFiles: {}, failures: [] };
  for (const name of readdirSync(dir).sort()) {
    if (/^(README\.md|MANIFEST\.tsv)$/.test(name)) continue;
    const file = join(dir, name);
    report.files += 1;
    try {
      const result = extractCoverPages(parseSubmission(readFileSync(file), { sourceName: file }));
      if (!result.schedule13) {
        report.notSchedules.push(name);
        continue;
      }
      report.schedules += 1;
      for (const code of new Set(result.warnings.map((w) => w.code))) report.warningFiles[code] = (report.warningFiles[code] ?? 0) + 1;
      if (result.reportingPersons.length > 0) {
        report.withPersons += 1;
        report.persons += result.reportingPersons.length;
      } else {
        const why = result.warnings.find((w) => w.code === 'COVER_NOT_FOUND') ?? result.warnings[0];
        report.withoutPersons.push({ file: name, why: why ? `${why.code}: ${why.message}` : null });
      }
    } catch (error) {
      report.failures.push({ file: name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

export function formatSweep(r: SweepReport): string {
  const lines = [
    `Cover-page sweep: ${r.files} files, ${r.schedules} Schedule 13D/13G, ${r.notSchedules.length} not a 13D/13G or unreadable, ${r.failures.length} failures`,
    `  with reporting persons: ${r.withPersons} files, ${r.persons} persons`,
    `  without reporting persons: ${r.withoutPersons.length} files (${r.withoutPersons.filter((w) => w.why).length} say why)`,
    ...r.withoutPersons.map((w) => `    ${w.file}  ${w.why ?? 'NO WARNING'}`),
    '  warnings (files having each code):',
    ...Object.entries(r.warningFiles)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `    ${code.padEnd(30)}${String(n).padStart(5)}`),
  ];
  if (r.notSchedules.length > 0) lines.push(`  not a 13D/13G: ${r.notSchedules.join(', ')}`);
  for (const f of r.failures) lines.push(`  FAILED ${f.file}: ${f.error}`);
  return lines.join('\n');
}

function main(argv: string[]): number {
  const sweepAt = argv.indexOf('--sweep');
  if (sweepAt >= 0) {
    const dir = argv[sweepAt + 1];
    if (!dir) {
      process.stderr.write('usage: accuracy --sweep DIR\n');
      return 2;
    }
    const r = sweepDirectory(resolve(dir));
    process.stdout.write(`${formatSweep(r)}\n`);
    const silent = r.withoutPersons.filter((w) => !w.why).length;
    return silent === 0 && r.failures.length === 0 && !r.warningFiles.COVER_EXTRACTOR_FAILED ? 0 : 1;
  }
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const report = scoreGolden();
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatReport(report, verbose)}\n`);
  return targetFailures(report).length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
