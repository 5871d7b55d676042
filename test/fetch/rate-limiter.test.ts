/** The shared gate: spacing, the hard one-second ceiling, pauses, aborts. Real time, small counts. */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { RateLimiter, sharedRateLimiter } from '../../src/fetch/rate-limiter.js';

/** Most starts in any half-open window of `windowMs`. */
function maxInWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first += 1;
    best = Math.max(best, last - first + 1);
  }
  return best;
}

describe('RateLimiter', () => {
  it('spaces starts evenly at the default 9/s even when 15 callers ask at once', async () => {
    const limiter = new RateLimiter();
    const starts: number[] = [];
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 15 }, () => limiter.acquire().then(() => starts.push(performance.now()))));
    const elapsed = performance.now() - t0;
    expect(maxInWindow(starts)).toBeLessThanOrEqual(10);
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    // The times are taken when each caller's promise callback runs, after the grant: on a loaded machine one callback
    // can run a few milliseconds late, which shortens the next observed gap by as much (108.6 ms was seen with other
    // test processes on both cores). The limiter's own spacing is exact; allow that callback lag on any one gap, and
    // on the mean (which only the first and last callbacks shift) 2 ms.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / 9 - 10);
    expect(((starts[14] as number) - (starts[0] as number)) / 14).toBeGreaterThanOrEqual(1000 / 9 - 2);
    // 14 gaps of ~111 ms: about 1.56 s, not much more.
    expect(elapsed).toBeGreaterThan(1500);
    expect(elapsed).toBeLessThan(2300);
  });

  it('never admits an 11th start within the window, even at the full 10/s', async () => {
    const limiter = new RateLimiter({ requestsPerSecond: 10 });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 12 }, () => limiter.acquire().then(() => starts.push(performance.now()))));
    expect(maxInWindow(starts)).toBeLessThanOrEqual(10);
    // Starts 0 and 10 are more than a second (plus the safety margin) apart.
    expect((starts[10] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(1000);
  });

  it('refuses rates above the SEC cap', () => {
    expect(() => new RateLimiter({ requestsPerSecond: 11 })).toThrow(RangeError);
    expect(() => new RateLimiter({ requestsPerSecond: 0 })).toThrow(RangeError);
  });

  it('holds every waiter during a pause', async () => {
    const limiter = new RateLimiter();
    await limiter.acquire();
    limiter.pause(400);
    const t0 = performance.now();
    const starts: number[] = [];
    await Promise.all([1, 2, 3].map(() => limiter.acquire().then(() => starts.push(performance.now() - t0))));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(399);
  });

  it('drops an aborted waiter without using a slot', async () => {
    const limiter = new RateLimiter();
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(limiter.granted).toBe(1);
    await limiter.acquire();
    expect(limiter.granted).toBe(2);
  });

  it('is one instance per process by default', () => {
    expect(sharedRateLimiter()).toBe(sharedRateLimiter());
  });
});
