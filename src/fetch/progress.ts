/**
 * Progress of a batch for a human: on a terminal, one bar redrawn in place (count, percent, filings per second,
 * ETA, and where bytes came from); anywhere else (a log file, CI, a pipe), one plain line per filing with the same
 * numbers, so logs stay greppable. Already-stored filings are counted but not listed one by one, because a resumed
 * batch would otherwise print thousands of "skipped" lines. Also formats the end-of-batch summary.
 */
import type { BatchProgressEvent, BatchSummary } from './batch.js';

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  total: number;
  /** Default process.stderr (stdout stays free for results). */
  stream?: ProgressStream;
  /** Force bar or lines; default: the stream's isTTY. */
  isTTY?: boolean;
  /** Shown before the bar, e.g. `CIK 320193`. */
  label?: string;
  now?: () => number;
  /** Least time between bar redraws; default 100 ms. */
  redrawMs?: number;
  /**
   * Not on a terminal: one line each time this many more percent are done, instead of one line per filing (for
   * batches of thousands; failures are then the caller's to print, through `log`).
   */
  lineEveryPercent?: number;
  /** The bar's counts after the rate, instead of `fetched …, cache …, skipped …, failed …`. */
  extra?: () => string;
}

export class ProgressReporter {
  readonly #stream: ProgressStream;
  readonly #tty: boolean;
  readonly #label: string;
  readonly #now: () => number;
  readonly #redrawMs: number;
  readonly #total: number;
  readonly #startedAt: number;
  #completed = 0;
  /** Filings that cost real work (not skipped): the rate and ETA are about these. */
  #worked = 0;
  #skipped = 0;
  #fetched = 0;
  #fromCache = 0;
  #failed = 0;
  #lastDraw = Number.NEGATIVE_INFINITY;
  #barShown = false;
  readonly #lineEveryPercent: number | null;
  readonly #extra: (() => string) | null;
  #lastLineStep = 0;

  constructor(options: ProgressOptions) {
    this.#stream = options.stream ?? process.stderr;
    this.#tty = options.isTTY ?? Boolean(this.#stream.isTTY);
    this.#label = options.label ?? '';
    this.#now = options.now ?? Date.now;
    this.#redrawMs = options.redrawMs ?? 100;
    this.#total = options.total;
    this.#startedAt = this.#now();
    this.#lineEveryPercent = options.lineEveryPercent ?? null;
    this.#extra = options.extra ?? null;
  }

  update(event: BatchProgressEvent): void {
    this.#completed = event.completed;
    if (event.outcome === 'skipped') this.#skipped += 1;
    else this.#worked += 1;
    if (event.origin === 'fetched') this.#fetched += 1;
    if (event.origin === 'cache') this.#fromCache += 1;
    if (event.outcome === 'failed') this.#failed += 1;
    if (this.#tty) {
      // Failures are worth a permanent line above the bar; everything else just moves the bar.
      if (event.outcome === 'failed' && this.#lineEveryPercent === null) this.#printAboveBar(`${event.accession} failed: ${event.error?.message ?? 'unknown error'}`);
      const now = this.#now();
      if (now - this.#lastDraw >= this.#redrawMs || event.completed === event.total) this.#drawBar(now);
      return;
    }
    if (this.#lineEveryPercent !== null) {
      const step = this.#total === 0 ? 0 : Math.floor(((event.completed / this.#total) * 100) / this.#lineEveryPercent);
      if (step > this.#lastLineStep || event.completed === event.total) {
        this.#lastLineStep = step;
        this.#stream.write(`${this.#label ? `${this.#label} ` : ''}${this.#counts(this.#now())}  ${this.#extraText()}\n`);
      }
      return;
    }
    if (event.outcome === 'skipped') return;
    const what =
      event.outcome === 'failed'
        ? `FAILED ${event.error?.message ?? 'unknown error'}`
        : `stored (${event.origin === 'cache' ? 'from cache' : 'fetched'})`;
    this.#stream.write(`[${this.#counts(this.#now())}] ${event.accession} ${what}\n`);
  }

  /** Print a line (a notice from the client, say) without breaking the bar. */
  log(line: string): void {
    if (this.#tty) this.#printAboveBar(line);
    else this.#stream.write(`${line}\n`);
  }

  /** Leave the bar in its final state on its own line. */
  finish(): void {
    if (this.#tty && this.#barShown) {
      this.#drawBar(this.#now());
      this.#stream.write('\n');
      this.#barShown = false;
    } else if (!this.#tty && this.#skipped > 0 && this.#lineEveryPercent === null) {
      this.#stream.write(`${this.#skipped} already stored, skipped\n`);
    }
  }

  #extraText(): string {
    return this.#extra ? this.#extra() : `fetched ${this.#fetched}, cache ${this.#fromCache}, skipped ${this.#skipped}, failed ${this.#failed}`;
  }

  #printAboveBar(line: string): void {
    this.#stream.write(`${this.#barShown ? '\r\x1b[2K' : ''}${line}\n`);
    this.#barShown = false;
    this.#lastDraw = Number.NEGATIVE_INFINITY;
  }

  #drawBar(now: number): void {
    this.#lastDraw = now;
    const width = 24;
    const fraction = this.#total === 0 ? 1 : this.#completed / this.#total;
    const filled = Math.round(fraction * width);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    const extra = this.#extraText();
    let line = `${this.#label ? `${this.#label} ` : ''}[${bar}] ${this.#counts(now)}  ${extra}`;
    const columns = this.#stream.columns;
    if (columns && line.length > columns - 1) line = line.slice(0, columns - 1);
    this.#stream.write(`\r\x1b[2K${line}`);
    this.#barShown = true;
  }

  /** `42/200 21% 8.7/s ETA 0:18` */
  #counts(now: number): string {
    const seconds = (now - this.#startedAt) / 1000;
    const rate = seconds > 0 ? this.#worked / seconds : 0;
    const remaining = this.#total - this.#completed;
    const percent = this.#total === 0 ? 100 : Math.floor((this.#completed / this.#total) * 100);
    // Nothing left means no wait, whatever the rate (all from cache, or no measurable time elapsed yet).
    const eta = remaining <= 0 ? formatClock(0) : rate > 0 ? formatClock(remaining / rate) : '--:--';
    return `${this.#completed}/${this.#total} ${percent}% ${rate.toFixed(1)}/s ETA ${eta}`;
  }
}

/** `1:05`, `1:02:03` */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The end-of-batch report: counts on one line, then each failure with its code (the first `maxFailures`). */
export function formatBatchSummary(summary: BatchSummary, options: { maxFailures?: number } = {}): string {
  const maxFailures = options.maxFailures ?? 20;
  const seconds = summary.elapsedMs / 1000;
  const lines = [
    `${summary.interrupted ? 'Interrupted' : 'Done'}: ${summary.total} filings — fetched ${summary.fetched}, from cache ${summary.fromCache}, ` +
      `stored ${summary.stored}, already stored ${summary.skipped}, failed ${summary.failed.length}` +
      `${summary.notStarted > 0 ? `, not started ${summary.notStarted}` : ''} in ${seconds.toFixed(1)} s`,
  ];
  for (const failure of summary.failed.slice(0, maxFailures)) {
    const code = (failure.error as { code?: unknown }).code;
    lines.push(`  ${failure.accession} (${failure.stage}${typeof code === 'string' ? `, ${code}` : ''}): ${failure.error.message}`);
  }
  if (summary.failed.length > maxFailures) lines.push(`  … and ${summary.failed.length - maxFailures} more failures`);
  if (summary.stoppedBy) lines.push(`Stopped early: ${summary.stoppedBy.message}`);
  if (summary.interrupted) lines.push('Run the same command again to resume: stored filings are skipped and cached ones are not fetched again.');
  return lines.join('\n');
}
