/**
 * EdgarClient: every request edgar-extract makes to EDGAR goes through here, so the fair-access rules live in one
 * place (reference §3):
 * - a declared User-Agent (`EDGAR_USER_AGENT` or an option) naming the user and a contact e-mail; without one the
 *   client refuses to exist, so nothing touches the network undeclared;
 * - one shared rate limiter (rate-limiter.ts) in front of every attempt, retries included;
 * - retries with exponential backoff and jitter on 429, 5xx, connection resets and timeouts, honouring Retry-After;
 * - the SEC's block answer (403 "Request Rate Threshold Exceeded", or the undeclared-tool page) trips a circuit
 *   breaker that pauses every worker sharing the limiter for 10 minutes, says so on stderr, resumes at a lower rate,
 *   and gives up for good after repeated blocks rather than hammering;
 * - answers that are not filings (HTML page, empty or truncated body) are refetched once, then reported.
 * An AbortSignal given to a method cancels waiting (for the limiter, a backoff, a block) but never a request already
 * on the wire: that one finishes or times out, so no started download is thrown away half-read.
 * The User-Agent rules are in user-agent.ts, the streaming and error-telling under the requests in transport.ts.
 * Not here: caching (cache.ts), listing a CIK's filings (submissions.ts), batches (batch.ts).
 */
import fetch, { FetchError as NodeFetchError, type Response } from 'node-fetch';
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { FetchError, NotFoundError, ValidationError } from '../errors/index.js';
import { normalizeAccessionNumber } from './accession.js';
import { RateLimiter, sharedRateLimiter, sleep } from './rate-limiter.js';
import { checkSubmission, headerAccession, isSecBlockPage } from './submission-check.js';
import { fullSubmissionCandidates, resolveEdgarHosts, type EdgarHosts, type EdgarUrlOptions } from './urls.js';
import { UNREACHABLE_CODES, describeBody, formatDuration, hostOf, isSystemError, parseRetryAfter, streamToFile } from './transport.js';
import { USER_AGENT_HELP, resolveUserAgent } from './user-agent.js';

export { parseRetryAfter } from './transport.js';
export { resolveUserAgent } from './user-agent.js';

/** How long the SEC says a block lasts; requests during it extend it. */
export const SEC_BLOCK_MS = 10 * 60 * 1000;

export interface EdgarClientOptions extends EdgarUrlOptions {
  /** `Company or Name contact@example.com`; default `EDGAR_USER_AGENT`. Required. */
  userAgent?: string;
  /** The gate requests pass; default the process-wide shared limiter (one user, one budget). */
  limiter?: RateLimiter;
  /** Tries per request for retryable failures (429, 5xx, resets, timeouts); default 8. */
  maxAttempts?: number;
  /** First backoff; doubles per retry up to `maxBackoffMs`. Defaults 1 s and 60 s. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Longest Retry-After honoured as given (longer ones are clipped); default 10 minutes. */
  maxRetryAfterMs?: number;
  /** Per attempt, headers and body together; default 30 s. */
  timeoutMs?: number;
  /** Pause after an SEC block; default 10 minutes (tests shorten it). Up to 10% jitter is added. */
  blockPauseMs?: number;
  /** Blocks in a row (no success between) after which the client stops for good; default 3. */
  maxConsecutiveBlocks?: number;
  /** Where plain-language notices go (blocks, give-ups); default stderr. */
  log?: (line: string) => void;
  /** Random source for jitter, for tests; default Math.random. */
  random?: () => number;
}

export interface RequestOptions {
  /** Cancels waiting (limiter, backoff, block pause), not an attempt already sent. */
  signal?: AbortSignal;
}

export interface EdgarResponse {
  url: string;
  status: number;
  headers: Response['headers'];
  bytes: Uint8Array;
}

export interface FetchedSubmission {
  accessionNumber: string;
  url: string;
  bytes: Uint8Array;
}

/** Counters for reports and tests. */
export interface EdgarClientStats {
  /** Attempts sent (each passed the limiter). */
  requests: number;
  /** Attempts that were retries of an earlier one. */
  retries: number;
  /** SEC blocks seen (each paused everything). */
  blocks: number;
  /** Answers that were not filings and were refetched. */
  refetches: number;
}

type Outcome =
  | { kind: 'ok'; response: EdgarResponse }
  | { kind: 'final'; error: Error }
  | { kind: 'retry'; error: FetchError; waitMs: number | null; pauseAll: boolean; unreachable?: boolean }
  | { kind: 'blocked'; body: string; status: number };

export class EdgarClient {
  readonly userAgent: string;
  readonly hosts: EdgarHosts;
  readonly limiter: RateLimiter;
  readonly #maxAttempts: number;
  readonly #initialBackoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #maxRetryAfterMs: number;
  readonly #timeoutMs: number;
  readonly #blockPauseMs: number;
  readonly #maxConsecutiveBlocks: number;
  readonly #log: (line: string) => void;
  readonly #random: () => number;
  readonly #stats: EdgarClientStats = { requests: 0, retries: 0, blocks: 0, refetches: 0 };
  /** When the current block began (performance.now); answers to requests sent before it are part of it. */
  #blockStartedAt = Number.NEGATIVE_INFINITY;
  #consecutiveBlocks = 0;
  /** Set once blocks kept coming: every later call fails at once instead of asking again. */
  #gaveUp: FetchError | undefined;

  constructor(options: EdgarClientOptions = {}) {
    this.userAgent = resolveUserAgent(options);
    this.hosts = resolveEdgarHosts(options);
    this.limiter = options.limiter ?? sharedRateLimiter();
    this.#maxAttempts = positive(options.maxAttempts ?? 8, 'maxAttempts');
    this.#initialBackoffMs = options.initialBackoffMs ?? 1000;
    this.#maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.#maxRetryAfterMs = options.maxRetryAfterMs ?? SEC_BLOCK_MS;
    this.#timeoutMs = positive(options.timeoutMs ?? 30_000, 'timeoutMs');
    this.#blockPauseMs = options.blockPauseMs ?? SEC_BLOCK_MS;
    this.#maxConsecutiveBlocks = positive(options.maxConsecutiveBlocks ?? 3, 'maxConsecutiveBlocks');
    this.#log = options.log ?? ((line) => void process.stderr.write(`${line}\n`));
    this.#random = options.random ?? Math.random;
  }

  get stats(): Readonly<EdgarClientStats> {
    return { ...this.#stats };
  }

  /**
   * GET a URL under the fair-access rules. Resolves only with a 2xx answer; throws NotFoundError on 404 and
   * FetchError (code `HTTP_ERROR`, `RATE_LIMITED`, `SERVER_ERROR`, `NETWORK_ERROR`, `TIMEOUT`, `EDGAR_BLOCKED`)
   * otherwise, after retrying what is worth retrying.
   */
  async get(url: string, options: RequestOptions = {}): Promise<EdgarResponse> {
    return this.#request(url, options);
  }

  /**
   * GET a large file (a Feed archive) straight to `path` under the same rules as `get`, without holding it in
   * memory: the body streams to a temporary file beside `path`, which is renamed over `path` only when complete, so
   * `path` never holds half a download. The whole-answer timeout does not apply to the body; a body that stalls for
   * `timeoutMs` is a timeout (and retried). Resolves with the bytes written.
   */
  async download(url: string, path: string, options: RequestOptions = {}): Promise<{ url: string; status: number; bytes: number }> {
    const response = await this.#request(url, options, path);
    return { url, status: response.status, bytes: (await stat(path)).size };
  }

  async #request(url: string, options: RequestOptions, sink?: string): Promise<EdgarResponse> {
    const { signal } = options;
    let attempt = 0;
    for (;;) {
      if (this.#gaveUp) throw this.#gaveUp;
      await this.limiter.acquire(signal);
      if (this.#gaveUp) throw this.#gaveUp;
      attempt += 1;
      this.#stats.requests += 1;
      if (attempt > 1) this.#stats.retries += 1;
      const startedAt = performance.now();
      const outcome = await this.#attempt(url, sink);
      switch (outcome.kind) {
        case 'ok':
          this.#consecutiveBlocks = 0;
          return outcome.response;
        case 'final':
          throw outcome.error;
        case 'blocked':
          // A block is not the request's fault: it does not use up attempts, but it does count toward giving up.
          attempt -= 1;
          this.#onBlocked(url, outcome, startedAt);
          continue;
        case 'retry': {
          // A DNS failure or a refused connection is the network or the host name, not a busy server: one retry
          // (a resolver hiccup), then a clear message instead of minutes of silent backoff.
          if (outcome.unreachable && attempt >= 2) {
            throw new FetchError('NETWORK_ERROR', `cannot reach ${hostOf(url)}: ${outcome.error.message} (tried twice; check the network connection${/sec\.gov/.test(url) ? '' : ', EDGAR_BASE_URL and EDGAR_DATA_URL'})`, {
              url,
              status: null,
              cause: outcome.error,
            });
          }
          if (attempt >= this.#maxAttempts) {
            throw new FetchError(outcome.error.code, `${outcome.error.message} (gave up after ${attempt} attempts)`, {
              url,
              status: outcome.error.status,
              cause: outcome.error,
            });
          }
          const waitMs = outcome.unreachable ? Math.min(1000, this.#initialBackoffMs) : (outcome.waitMs ?? this.#backoffMs(attempt));
          // A Retry-After is addressed to the user, not to one request: hold every worker for it.
          if (outcome.pauseAll) this.limiter.pause(waitMs);
          // Every retry is said, so a slow run is never a silent one.
          this.#log(`retrying ${url} in ${formatDuration(waitMs)} (attempt ${attempt + 1} of ${outcome.unreachable ? 2 : this.#maxAttempts}): ${outcome.error.message}`);
          await sleep(waitMs, signal);
          continue;
        }
      }
    }
  }

  /**
   * GET and parse JSON. A 200 whose body is not JSON (an HTML error page) is refetched once, then reported as
   * FetchError `NOT_JSON`.
   */
  async getJson<T = unknown>(url: string, options: RequestOptions = {}): Promise<T> {
    for (let round = 1; ; round += 1) {
      const response = await this.get(url, options);
      const text = Buffer.from(response.bytes).toString('utf8');
      try {
        return JSON.parse(text) as T;
      } catch (cause) {
        if (round >= 2) {
          throw new FetchError('NOT_JSON', `${url} answered ${describeBody(text)} instead of JSON (refetched once, same answer)`, {
            url,
            status: response.status,
            cause,
          });
        }
        this.#stats.refetches += 1;
      }
    }
  }

  /**
   * The complete submission text file of one accession. Tries the filing folder under `cik` (when given), then
   * under the transmitting CIK, then the short URL form; a 404 on all is NotFoundError. An answer that is not a
   * complete submission (HTML page, empty, missing its closing tag) is refetched once, then FetchError with code
   * `NOT_A_FILING`, `EMPTY_BODY` or `TRUNCATED_SUBMISSION`.
   */
  async fetchSubmission(accession: string, options: RequestOptions & { cik?: string | number } = {}): Promise<FetchedSubmission> {
    const accessionNumber = normalizeAccessionNumber(accession);
    const urls = fullSubmissionCandidates(accessionNumber, options.cik, this.hosts);
    if (urls.length === 0) {
      throw new ValidationError(
        'INVALID_ACCESSION_NUMBER',
        `${accessionNumber} was transmitted by the SEC itself (a staff letter), so its folder is under the company's CIK: give the CIK (edgar-extract cik CIK lists it)`,
      );
    }
    for (const url of urls) {
      try {
        const bytes = await this.#fetchCheckedSubmission(url, options);
        // EDGAR has answered with another submission than the one asked for; storing it under this accession
        // would file one company's filing as another's.
        const declared = headerAccession(bytes);
        if (declared !== null && declared !== accessionNumber) {
          throw new FetchError('ACCESSION_MISMATCH', `${url} holds submission ${declared}, not ${accessionNumber}; nothing was stored`, { url, status: 200 });
        }
        return { accessionNumber, url, bytes };
      } catch (error) {
        if (error instanceof NotFoundError) continue;
        throw error;
      }
    }
    throw new NotFoundError('accession', `EDGAR has no submission ${accessionNumber} (404 at ${urls.join(', ')})`);
  }

  async #fetchCheckedSubmission(url: string, options: RequestOptions): Promise<Uint8Array> {
    for (let round = 1; ; round += 1) {
      const response = await this.get(url, options);
      const check = checkSubmission(response.bytes);
      if (check.ok) return response.bytes;
      if (round >= 2) {
        throw new FetchError(check.code, `${url}: ${check.reason} (refetched once, same answer)`, { url, status: response.status });
      }
      this.#stats.refetches += 1;
    }
  }

  /** One attempt: send, read the whole body under the timeout (or stream it to `sink`), and classify the answer. */
  async #attempt(url: string, sink?: string): Promise<Outcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    let status = 0;
    try {
      const response = await fetch(url, {
        headers: { 'User-Agent': this.userAgent, 'Accept-Encoding': 'gzip, deflate' },
        signal: controller.signal,
        redirect: 'follow',
      });
      status = response.status;
      if (sink !== undefined && status >= 200 && status < 300 && response.body) {
        // A day's Feed archive can take minutes: guard the body by idleness instead of by total time.
        clearTimeout(timer);
        await streamToFile(response.body, sink, this.#timeoutMs, () => {
          timedOut = true;
          controller.abort();
        });
        return { kind: 'ok', response: { url, status, headers: response.headers, bytes: new Uint8Array(0) } };
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (status >= 200 && status < 300) return { kind: 'ok', response: { url, status, headers: response.headers, bytes } };
      const body = Buffer.from(bytes).toString('utf8');
      if (status === 404 || status === 410) {
        return { kind: 'final', error: new NotFoundError('url', `EDGAR answered ${status} for ${url}`) };
      }
      if (status === 403 && isSecBlockPage(body)) return { kind: 'blocked', body, status };
      if (status === 429 || status >= 500) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        const waitMs = retryAfterMs === null ? null : Math.min(retryAfterMs, this.#maxRetryAfterMs);
        return {
          kind: 'retry',
          error: new FetchError(status === 429 ? 'RATE_LIMITED' : 'SERVER_ERROR', `EDGAR answered ${status} for ${url}`, { url, status }),
          waitMs,
          pauseAll: waitMs !== null,
        };
      }
      return { kind: 'final', error: new FetchError('HTTP_ERROR', `EDGAR answered ${status} for ${url}: ${describeBody(body)}`, { url, status }) };
    } catch (cause) {
      if (timedOut) {
        return {
          kind: 'retry',
          error: new FetchError('TIMEOUT', `no complete answer from ${url} within ${this.#timeoutMs} ms`, { url, status: status || null, cause }),
          waitMs: null,
          pauseAll: false,
        };
      }
      if (cause instanceof NodeFetchError || isSystemError(cause)) {
        // Resets, refused connections and bodies cut short (premature close) are transient on a busy server.
        const code = (cause as { code?: string }).code;
        return {
          kind: 'retry',
          unreachable: code !== undefined && UNREACHABLE_CODES.has(code),
          error: new FetchError('NETWORK_ERROR', `${code ? `${code} ` : ''}talking to ${url}: ${(cause as Error).message}`, {
            url,
            status: status || null,
            cause,
          }),
          waitMs: null,
          pauseAll: false,
        };
      }
      return { kind: 'final', error: new FetchError('NETWORK_ERROR', `request to ${url} failed: ${String(cause)}`, { url, cause }) };
    } finally {
      clearTimeout(timer);
    }
  }

  #onBlocked(url: string, outcome: { body: string; status: number }, startedAt: number): void {
    // Requests already on the wire when the block began come back 403 too; they are the same block, not new ones.
    if (startedAt < this.#blockStartedAt) return;
    this.#blockStartedAt = performance.now();
    this.#consecutiveBlocks += 1;
    this.#stats.blocks += 1;
    // Both pages share the title; the undeclared-tool one asks the tool to declare its traffic in the User-Agent.
    const undeclared = /undeclared automated tool|declare your traffic/i.test(outcome.body);
    const why = undeclared
      ? `EDGAR refused ${url} as an undeclared automated tool (User-Agent "${this.userAgent}"). ${USER_AGENT_HELP}`
      : `EDGAR refused ${url} with 403 "Request Rate Threshold Exceeded" (more than 10 requests/second from this user).`;
    if (this.#consecutiveBlocks > this.#maxConsecutiveBlocks) {
      this.#gaveUp = new FetchError(
        'EDGAR_BLOCKED',
        `EDGAR blocked this client ${this.#consecutiveBlocks} times in a row; giving up rather than extending the block. ` +
          `Wait at least 10 minutes before trying again and check the User-Agent. ${why}`,
        { url, status: outcome.status },
      );
      this.limiter.pause(this.#blockPauseMs);
      this.#log(`edgar-extract: ${this.#gaveUp.message}`);
      throw this.#gaveUp;
    }
    const pauseMs = Math.round(this.#blockPauseMs * (1 + 0.1 * this.#random()));
    this.limiter.pause(pauseMs);
    // Come back slower: the SEC's advice, and a second block would cost another 10 minutes.
    const slower = Math.max(1, Math.floor((this.limiter.requestsPerSecond * 2) / 3));
    this.limiter.setRate(slower);
    const until = new Date(Date.now() + pauseMs).toLocaleTimeString();
    this.#log(
      `edgar-extract: ${why} Pausing ALL requests for ${formatDuration(pauseMs)} (until ${until}); ` +
        `requests during a block would extend it. Resuming afterwards at ${slower} requests/second.`,
    );
  }

  #backoffMs(attempt: number): number {
    const ceiling = Math.min(this.#maxBackoffMs, this.#initialBackoffMs * 2 ** (attempt - 1));
    // Jitter between half and all of the ceiling, so workers that failed together do not retry together.
    return Math.round(ceiling * (0.5 + 0.5 * this.#random()));
  }
}

function positive(value: number, name: string): number {
  if (!(value > 0)) throw new ValidationError('INVALID_OPTION', `${name} must be positive, got ${value}`);
  return value;
}
