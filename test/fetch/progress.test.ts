/** The progress display: a bar with count, rate and ETA on a terminal; plain lines elsewhere; the summary text. */
import { describe, expect, it } from 'vitest';
import type { BatchProgressEvent, BatchSummary } from '../../src/fetch/batch.js';
import { ProgressReporter, formatBatchSummary, formatClock } from '../../src/fetch/progress.js';

function stream(isTTY: boolean) {
  return { isTTY, text: '', write(chunk: string) { this.text += chunk; return true; } };
}
const event = (completed: number, outcome: BatchProgressEvent['outcome'], origin: BatchProgressEvent['origin'], error?: Error): BatchProgressEvent => ({
  accession: `0000000001-24-${String(completed).padStart(6, '0')}`,
  outcome,
  origin,
  completed,
  total: 10,
  ...(error ? { error } : {}),
});

describe('ProgressReporter', () => {
  it('regression: a finished batch showed ETA --:-- when no measurable time had passed (flaky under load)', () => {
    const out = stream(true);
    const now = 0;
    const progress = new ProgressReporter({ total: 1, stream: out, label: 'CIK 1', now: () => now, redrawMs: 0 });
    progress.update({ ...event(1, 'stored', 'cache'), total: 1 });
    progress.finish();
    expect(out.text).toMatch(/1\/1 100% 0\.0\/s ETA 0:00 /);
    expect(out.text).not.toContain('--:--');
  });

  it('draws one bar in place on a terminal, with count, rate and ETA, and failures above it', () => {
    let now = 0;
    const out = stream(true);
    const progress = new ProgressReporter({ total: 10, stream: out, label: 'CIK 1', now: () => now, redrawMs: 0 });
    now = 1000;
    progress.update(event(1, 'stored', 'fetched'));
    now = 2000;
    progress.update(event(2, 'failed', null, new Error('boom')));
    progress.finish();
    expect(out.text).toContain('\r\x1b[2KCIK 1 [##----------------------] 1/10 10% 1.0/s ETA 0:09  fetched 1, cache 0, skipped 0, failed 0');
    expect(out.text).toContain('\r\x1b[2K0000000001-24-000002 failed: boom\n');
    expect(out.text).toMatch(/2\/10 20% 1\.0\/s ETA 0:08 {2}fetched 1, cache 0, skipped 0, failed 1\n$/);
  });

  it('writes plain lines elsewhere, and counts skipped filings without listing them', () => {
    let now = 0;
    const out = stream(false);
    const progress = new ProgressReporter({ total: 10, stream: out, now: () => now });
    progress.update(event(1, 'skipped', null));
    now = 500;
    progress.update(event(2, 'stored', 'cache'));
    progress.finish();
    expect(out.text).toBe('[2/10 20% 2.0/s ETA 0:04] 0000000001-24-000002 stored (from cache)\n1 already stored, skipped\n');
  });

  it('formats clocks', () => {
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(3723)).toBe('1:02:03');
  });
});

describe('formatBatchSummary', () => {
  it('says fetched / from cache / stored / failed, and how to resume', () => {
    const summary: BatchSummary = {
      total: 5,
      fetched: 2,
      fromCache: 1,
      stored: 2,
      skipped: 1,
      failed: [{ accession: '0000000001-24-000003', stage: 'process', error: Object.assign(new Error('bad'), { code: 'PARSE_FAILED' }) }],
      notStarted: 1,
      interrupted: true,
      elapsedMs: 1234,
    };
    expect(formatBatchSummary(summary)).toBe(
      [
        'Interrupted: 5 filings — fetched 2, from cache 1, stored 2, already stored 1, failed 1, not started 1 in 1.2 s',
        '  0000000001-24-000003 (process, PARSE_FAILED): bad',
        'Run the same command again to resume: stored filings are skipped and cached ones are not fetched again.',
      ].join('\n'),
    );
  });
});
