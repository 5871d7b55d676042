/**
 * Re-extracting what an older edgar-extract stored. Every filing whose `pipeline_version` is older than this build's
 * PIPELINE_VERSION is read again from its source and stored again (the store outcome is then `refreshed`). The
 * source is, in order: the input kept compressed in `sources` (every filing stored since schema 2), else the
 * file `filings.source_name` names, when it still exists and still has the bytes that were stored (its SHA-256 is
 * checked); else the filing is reported "cannot reprocess: source not kept" and its rows stay as they are. No network.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isEdgarError } from './errors/index.js';
import { ingestSubmission } from './pipeline.js';
import type { EdgarDatabase, StoreAction } from './store/database.js';
import { sha256 } from './store/rows.js';
import { PIPELINE_VERSION } from './version.js';

export interface ReprocessProgress {
  done: number;
  total: number;
}

export interface ReprocessFailure {
  accessionNumber: string;
  reason: string;
}

export interface ReprocessReport {
  /** Filings stored by an older pipeline version when the run started. */
  total: number;
  reprocessed: number;
  /** Store outcomes of the re-extracted filings, by action (normally all `refreshed`). */
  actions: Partial<Record<StoreAction, number>>;
  failures: ReprocessFailure[];
}

export interface ReprocessOptions {
  onProgress?: (progress: ReprocessProgress) => void;
  onFailure?: (failure: ReprocessFailure) => void;
}

/** -1, 0, 1 as dotted version `a` is older than, equal to, newer than `b` (numeric parts; others compared as text). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isInteger(nx) && Number.isInteger(ny) ? nx - ny : x.localeCompare(y);
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}

interface StaleFiling {
  accessionNumber: string;
  pipelineVersion: string;
  sourceName: string | null;
  sourceSha256: string;
}

/** Filings stored by an older pipeline version (a newer one's rows are left alone: this build would make them worse). */
export function staleFilings(db: EdgarDatabase): StaleFiling[] {
  const rows = db.sqlite
    .prepare('SELECT accession_number AS accessionNumber, pipeline_version AS pipelineVersion, source_name AS sourceName, source_sha256 AS sourceSha256 FROM filings ORDER BY accession_number')
    .all() as StaleFiling[];
  return rows.filter((r) => compareVersions(r.pipelineVersion, PIPELINE_VERSION) < 0);
}

export function reprocessDatabase(db: EdgarDatabase, options: ReprocessOptions = {}): ReprocessReport {
  const stale = staleFilings(db);
  const report: ReprocessReport = { total: stale.length, reprocessed: 0, actions: {}, failures: [] };
  const fail = (accessionNumber: string, reason: string) => {
    const failure = { accessionNumber, reason };
    report.failures.push(failure);
    options.onFailure?.(failure);
  };
  stale.forEach((filing, i) => {
    const bytes = sourceOf(db, filing);
    if (!bytes) fail(filing.accessionNumber, 'cannot reprocess: source not kept');
    else {
      try {
        const result = ingestSubmission(db, bytes, { sourceName: filing.sourceName ?? filing.accessionNumber });
        if (result.accessionNumber !== filing.accessionNumber) fail(filing.accessionNumber, `cannot reprocess: its source is now read as ${result.accessionNumber}`);
        else {
          report.reprocessed++;
          report.actions[result.store.action] = (report.actions[result.store.action] ?? 0) + 1;
        }
      } catch (error) {
        if (!isEdgarError(error)) throw error;
        // This build cannot read what an older one could: the old rows stay, and the reason is reported.
        fail(filing.accessionNumber, `cannot reprocess: ${error.code}: ${error.message.split('\n')[0]}`);
      }
    }
    options.onProgress?.({ done: i + 1, total: stale.length });
  });
  return report;
}

function sourceOf(db: EdgarDatabase, filing: StaleFiling): Uint8Array | null {
  const kept = db.readSource(filing.accessionNumber);
  if (kept) return kept;
  const path = filing.sourceName;
  if (!path || !existsSync(path) || !statSync(path).isFile()) return null;
  const bytes = new Uint8Array(readFileSync(path));
  // The file may have been replaced since: only the bytes that were stored are theirs to re-extract.
  return sha256(bytes) === filing.sourceSha256 ? bytes : null;
}
