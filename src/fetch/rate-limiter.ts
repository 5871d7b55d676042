/**
 * The one gate every EDGAR request passes before it starts. The SEC allows 10 requests per second per user in total,
 * however many workers or machines (reference §3), so the bound is on request *starts* and is independent of
 * concurrency: p-limit bounds how many run at once, this bounds how many begin in any one-second window.
 *
 * Two rules apply together: starts are spaced evenly at the configured rate (default 9/s, a little under the cap, so
 * network jitter cannot make the server see 11 in its window), and a hard sliding-window check never admits an 11th
 * start within one second (plus a safety margin) of the 10th-last, whatever rate is configured. `pause()` holds every
 * waiter, which is how the SEC's 10-minute block and `Retry-After` stop all workers at once.
 * Not handled here: retries and what to do after a refusal (client.ts).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';

/** The SEC's published ceiling: requests per second, per user, all hosts together. */
export const SEC_MAX_REQUESTS_PER_SECOND = 10;
/** What we run at by default: under the cap, as edgartools does, so arrival jitter stays inside the limit. */
export const DEFAULT_REQUESTS_PER_SECOND = 9;

export interface RateLimiterOptions {
  /** Even spacing of starts; default 9. Values above the SEC's 10 are refused. */
  requestsPerSecond?: number;
  /** Hard ceiling on starts in any window; default 10 (the SEC's). */
  maxPerWindow?: number;
  /** The window the ceiling applies to; default 1000 ms. */
  windowMs?: number;
  /** Added to the window so the server, measuring arrivals, never counts 11; default 25 ms. */
  safetyMarginMs?: number;
  /** Clock, for tests; default performance.now (monotonic, unaffected by wall-clock changes). */
  now?: () => number;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

export class RateLimiter {
  #intervalMs: number;
  readonly #maxPerWindow: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  /** Start times inside the current window, oldest first. */
  readonly #starts: number[] = [];
  readonly #queue: Waiter[] = [];
  #lastStart = Number.NEGATIVE_INFINITY;
  #pausedUntil = 0;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Number.POSITIVE_INFINITY;
  #total = 0;

  constructor(options: RateLimiterOptions = {}) {
    this.#maxPerWindow = options.maxPerWindow ?? SEC_MAX_REQUESTS_PER_SECOND;
    this.#windowMs = (options.windowMs ?? 1000) + (options.safetyMarginMs ?? 25);
    this.#now = options.now ?? (() => performance.now());
    this.#intervalMs = 0;
    this.setRate(options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND);
  }

  /** Requests per second starts are spaced at. */
  get requestsPerSecond(): number {
    return 1000 / this.#intervalMs;
  }

  /** How many starts this limiter has granted in its lifetime. */
  get granted(): number {
    return this.#total;
  }

  /** Milliseconds until a pause ends (0 when not paused). */
  get pausedForMs(): number {
    return Math.max(0, this.#pausedUntil - this.#now());
  }

  /** Change the spacing (e.g. slow down after a block). Refuses rates above the SEC's cap. */
  setRate(requestsPerSecond: number): void {
    if (!(requestsPerSecond > 0) || requestsPerSecond > SEC_MAX_REQUESTS_PER_SECOND) {
      throw new RangeError(`requestsPerSecond must be in (0, ${SEC_MAX_REQUESTS_PER_SECOND}], got ${requestsPerSecond}`);
    }
    this.#intervalMs = 1000 / requestsPerSecond;
    this.#pump();
  }

  /** Hold every waiter (present and future) for at least `ms`; overlapping pauses extend, never shorten. */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#now() + ms);
    this.#pump();
  }

  /**
   * Resolve when this caller may start one request. FIFO, so no worker starves. Rejects with the signal's reason
   * if `signal` aborts first; an aborted waiter consumes no slot.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.#queue.indexOf(waiter);
          if (index >= 0) this.#queue.splice(index, 1);
          reject(abortReason(signal));
          this.#pump();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  /** Acquire, then run `task`: the usual way to put one request through the gate. */
  async schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    return task();
  }

  /** The earliest time the next start may happen, given spacing, the window ceiling and any pause. */
  #nextStartAt(now: number): number {
    while (this.#starts.length > 0 && (this.#starts[0] as number) <= now - this.#windowMs) this.#starts.shift();
    let at = Math.max(now, this.#lastStart + this.#intervalMs, this.#pausedUntil);
    if (this.#starts.length >= this.#maxPerWindow) {
      // The window is full: the next start must wait until the oldest start that would make 11 has left it.
      const oldest = this.#starts[this.#starts.length - this.#maxPerWindow] as number;
      at = Math.max(at, oldest + this.#windowMs);
    }
    return at;
  }

  #pump(): void {
    for (;;) {
      if (this.#queue.length === 0) {
        this.#clearTimer();
        return;
      }
      const now = this.#now();
      const at = this.#nextStartAt(now);
      if (at > now) {
        this.#armTimer(at, now);
        return;
      }
      const waiter = this.#queue.shift() as Waiter;
      this.#lastStart = now;
      this.#starts.push(now);
      this.#total += 1;
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
      waiter.resolve();
    }
  }

  #armTimer(at: number, now: number): void {
    if (this.#timer !== undefined && this.#timerAt <= at) return;
    this.#clearTimer();
    this.#timerAt = at;
    // Timers may fire a fraction of a millisecond early on the monotonic clock; #pump re-checks and re-arms, so a
    // start is never granted before its time.
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#timerAt = Number.POSITIVE_INFINITY;
      this.#pump();
    }, Math.max(1, Math.ceil(at - now)));
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

let shared: RateLimiter | undefined;

/** The process-wide limiter every EdgarClient uses unless given its own: one user, one budget. */
export function sharedRateLimiter(): RateLimiter {
  shared ??= new RateLimiter();
  return shared;
}

/** Sleep that an AbortSignal can cut short (rejects with the signal's reason). */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) {
    if (signal?.aborted) throw abortReason(signal);
    return;
  }
  await delay(ms, undefined, signal ? { signal } : undefined);
}
