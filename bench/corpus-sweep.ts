#!/usr/bin/env node
/**
 * `npm run corpus -- DIR [DIR…]`: parse every file under the given directories and count the outcomes — parsed
 * clean, parsed with warnings (by code), failed with a typed error (by code), and uncaught exceptions (defects).
 * Exits 1 when any uncaught exception happened, so CI can run it over ../shared/corpus.
 */
import { readFileSync } from 'node:fs';
import { isEdgarError } from '../src/errors/index.js';
import { listInputFiles } from '../src/input-files.js';
import { parseSubmission } from '../src/parse/index.js';

export interface SweepReport {
  files: number;
  clean: number;
  withWarnings: number;
  warningCodes: Record<string, number>;
  failed: number;
  errorCodes: Record<string, number>;
  uncaught: { file: string; error: string }[];
  bytes: number;
}

export function sweep(files: string[]): SweepReport {
  const report: SweepReport = { files: 0, clean: 0, withWarnings: 0, warningCodes: {}, failed: 0, errorCodes: {}, uncaught: [], bytes: 0 };
  for (const file of files) {
    report.files += 1;
    const bytes = readFileSync(file);
    report.bytes += bytes.length;
    try {
      const sub = parseSubmission(bytes, { sourceName: file });
      if (sub.warnings.length === 0) report.clean += 1;
      else report.withWarnings += 1;
      for (const code of new Set(sub.warnings.map((w) => w.code))) report.warningCodes[code] = (report.warningCodes[code] ?? 0) + 1;
    } catch (error) {
      if (isEdgarError(error)) {
        report.failed += 1;
        report.errorCodes[error.code] = (report.errorCodes[error.code] ?? 0) + 1;
      } else {
        report.uncaught.push({ file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    }
  }
  return report;
}

export function formatReport(r: SweepReport): string {
  const lines = [
    `files: ${r.files} (${(r.bytes / 1e6).toFixed(1)} MB)`,
    `parsed clean: ${r.clean}`,
    `parsed with warnings: ${r.withWarnings}`,
    ...Object.entries(r.warningCodes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `  ${c}: ${n} files`),
    `failed with a typed error: ${r.failed}`,
    ...Object.entries(r.errorCodes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `  ${c}: ${n} files`),
    `uncaught exceptions: ${r.uncaught.length}`,
    ...r.uncaught.map((u) => `  ${u.file}: ${u.error.split('\n').slice(0, 3).join(' | ')}`),
  ];
  return lines.join('\n');
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: npm run corpus -- DIR [DIR...]');
    process.exit(2);
  }
  const report = sweep(dirs.flatMap(listInputFiles));
  console.log(formatReport(report));
  process.exit(report.uncaught.length > 0 ? 1 : 0);
}
