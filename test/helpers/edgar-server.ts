/**
 * A stand-in for EDGAR on 127.0.0.1 (node:http, port 0) for the fetcher's tests, which never reach the internet.
 * It serves filings at the archive's paths (`/Archives/edgar/data/{cik}/{acc18}/{accession}.txt`) and a
 * submissions JSON (`/submissions/CIK##########.json`) whose older rows sit in `files[]` pages, and it behaves like
 * the SEC where that matters: it checks for a declared User-Agent (else the undeclared-tool 403), counts request
 * arrivals in a sliding one-second window and answers 403 "Request Rate Threshold Exceeded" to the 11th, and on
 * request injects faults — 429 with Retry-After, 5xx, connection resets, bodies cut mid-stream, slow bodies,
 * complete-but-truncated bodies, HTML error pages, empty bodies, and a block of every request for a while.
 * Every request is recorded (arrival time, path, status, User-Agent) so tests can measure the achieved rate.
 * Other files (index files, Feed archives) are served as given at their paths (`files`, `serve()`); `.gz` files go out
 * as application/x-gzip bytes without a Content-Encoding, as www.sec.gov sends them.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface ServedFiling {
  /** Unpadded CIK the filing is listed (and stored) under. */
  cik: string;
  /** Dashed accession number. */
  accessionNumber: string;
  bytes: Uint8Array;
  form?: string;
  /** `YYYY-MM-DD`. */
  filingDate?: string;
}

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'reset' }
  | { kind: 'cut'; afterBytes: number }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'truncate'; keepBytes: number }
  | { kind: 'html' }
  | { kind: 'empty' }
  | { kind: 'block' };

export interface EdgarServerOptions {
  filings?: ServedFiling[];
  /** Filer names for the submissions JSON, by unpadded CIK. */
  names?: Record<string, string>;
  /** Rows in `filings.recent`; the rest go to `files[]` pages. Default 40% of the CIK's filings. */
  recentCount?: number;
  /** Rows per `files[]` page; default all remaining rows in one page. */
  pageSize?: number;
  /** Arrivals allowed in any one-second window before the 403; default 10 (the SEC's). */
  maxPerSecond?: number;
  /** After a rate violation, keep answering 403 for this long (the SEC's is 10 minutes); default 0. */
  blockAfterViolationMs?: number;
  /** Rows of `/files/company_tickers.json` (EDGAR's ticker → CIK list); default none (404). */
  tickers?: Array<{ cik_str: number; ticker: string; title: string }>;
  /** Refuse requests whose User-Agent has no e-mail with the undeclared-tool page; default true. */
  requireUserAgent?: boolean;
  /**
   * Any other files, by absolute path: index files (`/Archives/edgar/full-index/2024/QTR1/master.idx`, `master.gz`,
   * `/Archives/edgar/daily-index/…`) and Feed archives (`/Archives/edgar/Feed/2024/QTR4/20241213.nc.tar.gz`).
   */
  files?: Record<string, Uint8Array | string>;
}

export interface RequestRecord {
  /** performance.now() at arrival. */
  at: number;
  path: string;
  status: number;
  userAgent: string | undefined;
  fault: Fault['kind'] | 'rate' | 'undeclared' | 'blocked' | null;
}

interface Injection {
  match: (path: string) => boolean;
  faults: Fault[];
}

/** The SEC's rate block page, abridged (the wording that matters; real copy in edgartools data/rate-exceeded.html). */
export const RATE_LIMIT_PAGE = `<!DOCTYPE html>
<html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head>
<body><h1>You've Exceeded the SEC's Traffic Limit</h1>
<p>Your request rate has exceeded the SEC's maximum allowable requests per second. Your access to SEC.gov will be
limited for 10 minutes.</p>
<p>Current guidelines limit each user to a total of no more than 10 requests per second, regardless of the number of
machines used to submit requests.</p>
</body></html>`;

/** The undeclared-tool block: same title, asks the tool to declare its traffic in the User-Agent. */
export const UNDECLARED_TOOL_PAGE = `<!DOCTYPE html>
<html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head>
<body><h1>Your Request Originates from an Undeclared Automated Tool</h1>
<p>To allow for equitable access to all users, SEC reserves the right to limit requests originating from undeclared
automated tools. Please declare your traffic by updating your user agent to include company specific information.</p>
</body></html>`;

const NOT_FOUND_PAGE = '<!DOCTYPE html><html><head><title>SEC.gov | File Not Found Error Alert (404)</title></head><body>Not found</body></html>';
const ERROR_PAGE = '<!DOCTYPE html><html><head><title>SEC.gov | Error</title></head><body>Something went wrong</body></html>';

export class EdgarTestServer {
  readonly requests: RequestRecord[] = [];
  /** Answers given 403 because the rate went over the cap. */
  overLimit = 0;
  #server = createServer((req, res) => this.#handle(req, res));
  #port = 0;
  #files = new Map<string, Uint8Array>();
  #json = new Map<string, string>();
  #injections: Injection[] = [];
  #arrivals: number[] = [];
  #blockedUntil = 0;
  readonly #options: Required<Pick<EdgarServerOptions, 'maxPerSecond' | 'blockAfterViolationMs' | 'requireUserAgent'>>;

  constructor(options: EdgarServerOptions = {}) {
    this.#options = {
      maxPerSecond: options.maxPerSecond ?? 10,
      blockAfterViolationMs: options.blockAfterViolationMs ?? 0,
      requireUserAgent: options.requireUserAgent ?? true,
    };
    this.#build(options);
  }

  /** Start listening on 127.0.0.1 on a free port. */
  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Environment pointing edgar-extract at this server. */
  get env(): { EDGAR_BASE_URL: string; EDGAR_DATA_URL: string } {
    return { EDGAR_BASE_URL: this.url, EDGAR_DATA_URL: this.url };
  }

  static filingPath(cik: string, accessionNumber: string): string {
    return `/Archives/edgar/data/${cik}/${accessionNumber.replace(/-/g, '')}/${accessionNumber}.txt`;
  }

  /** Serve `body` at `path` from now on (replacing what was there). */
  serve(path: string, body: Uint8Array | string): void {
    this.#files.set(path, typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  }

  /** The next `faults.length` requests matching `path` get these faults, in order. */
  inject(path: string | RegExp | ((path: string) => boolean), ...faults: Fault[]): void {
    const match = typeof path === 'string' ? (p: string) => p === path : path instanceof RegExp ? (p: string) => path.test(p) : path;
    this.#injections.push({ match, faults });
  }

  /** Forget recorded requests and the over-limit count (the server's own sliding window is kept: it is the truth). */
  resetLog(): void {
    this.requests.length = 0;
    this.overLimit = 0;
  }

  /** Answer every request with the SEC's 403 rate page for `ms`. */
  blockFor(ms: number): void {
    this.#blockedUntil = performance.now() + ms;
  }

  /** Requests whose path starts with `prefix` (or all). */
  requestsTo(prefix = ''): RequestRecord[] {
    return this.requests.filter((r) => r.path.startsWith(prefix));
  }

  /** Most arrivals in any window of `windowMs` (half-open, as the server counts). */
  maxInWindow(windowMs = 1000, records: RequestRecord[] = this.requests): number {
    const times = records.map((r) => r.at).sort((a, b) => a - b);
    let best = 0;
    let first = 0;
    for (let last = 0; last < times.length; last += 1) {
      while ((times[last] as number) - (times[first] as number) >= windowMs) first += 1;
      best = Math.max(best, last - first + 1);
    }
    return best;
  }

  /** Requests per second from first to last arrival. */
  achievedRate(records: RequestRecord[] = this.requests): number {
    if (records.length < 2) return 0;
    const times = records.map((r) => r.at).sort((a, b) => a - b);
    return (times.length - 1) / (((times.at(-1) as number) - (times[0] as number)) / 1000);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #build(options: EdgarServerOptions): void {
    if (options.tickers) this.#json.set('/files/company_tickers.json', JSON.stringify(Object.fromEntries(options.tickers.map((t, i) => [String(i), t]))));
    for (const [path, body] of Object.entries(options.files ?? {})) this.serve(path, body);
    const byCik = new Map<string, ServedFiling[]>();
    for (const filing of options.filings ?? []) {
      this.#files.set(EdgarTestServer.filingPath(filing.cik, filing.accessionNumber), filing.bytes);
      byCik.set(filing.cik, [...(byCik.get(filing.cik) ?? []), filing]);
    }
    for (const [cik, filings] of byCik) {
      const padded = cik.padStart(10, '0');
      // The API lists newest first; pages in files[] hold the older rows.
      const sorted = [...filings].sort((a, b) => (b.filingDate ?? '').localeCompare(a.filingDate ?? ''));
      const recentCount = Math.min(sorted.length, options.recentCount ?? Math.ceil(sorted.length * 0.4));
      const recent = sorted.slice(0, recentCount);
      const older = sorted.slice(recentCount);
      const pageSize = options.pageSize ?? Math.max(1, older.length);
      const files: Array<{ name: string; filingCount: number; filingFrom: string; filingTo: string }> = [];
      for (let i = 0; i < older.length; i += pageSize) {
        const page = older.slice(i, i + pageSize);
        const name = `CIK${padded}-submissions-${String(files.length + 1).padStart(3, '0')}.json`;
        files.push({
          name,
          filingCount: page.length,
          filingFrom: page.at(-1)?.filingDate ?? '',
          filingTo: page[0]?.filingDate ?? '',
        });
        this.#json.set(`/submissions/${name}`, JSON.stringify(columns(page)));
      }
      this.#json.set(
        `/submissions/CIK${padded}.json`,
        JSON.stringify({
          cik,
          entityType: 'operating',
          name: options.names?.[cik] ?? `Test Filer ${cik}`,
          tickers: [],
          someFieldTheSecAddedLater: { ignored: true },
          filings: { recent: columns(recent), files },
        }),
      );
    }
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const at = performance.now();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const userAgent = req.headers['user-agent'];
    const record: RequestRecord = { at, path, status: 0, userAgent, fault: null };
    this.requests.push(record);
    const send = (status: number, body: string | Uint8Array, headers: Record<string, string> = {}): void => {
      record.status = status;
      res.writeHead(status, { 'Content-Length': String(Buffer.byteLength(body)), ...headers });
      res.end(body);
    };

    // The SEC counts every request, refused ones included; so do we.
    this.#arrivals.push(at);
    while (this.#arrivals.length > 0 && (this.#arrivals[0] as number) <= at - 1000) this.#arrivals.shift();
    if (this.#arrivals.length > this.#options.maxPerSecond) {
      this.overLimit += 1;
      record.fault = 'rate';
      this.#blockedUntil = Math.max(this.#blockedUntil, at + this.#options.blockAfterViolationMs);
      return send(403, RATE_LIMIT_PAGE, { 'Content-Type': 'text/html' });
    }
    if (at < this.#blockedUntil) {
      record.fault = 'blocked';
      return send(403, RATE_LIMIT_PAGE, { 'Content-Type': 'text/html' });
    }
    if (this.#options.requireUserAgent && !/[^\s@]+@[^\s@]+\.[^\s@]+/.test(userAgent ?? '')) {
      record.fault = 'undeclared';
      return send(403, UNDECLARED_TOOL_PAGE, { 'Content-Type': 'text/html' });
    }

    const injection = this.#injections.find((i) => i.faults.length > 0 && i.match(path));
    const fault = injection?.faults.shift();
    const file = this.#files.get(path);
    const json = this.#json.get(path);
    const body: Uint8Array | string | undefined = file ?? json;
    const contentType = !file ? 'application/json' : /\.(gz|tgz)$/.test(path) ? 'application/x-gzip' : /\.tar$/.test(path) ? 'application/x-tar' : 'text/plain';
    if (fault) {
      record.fault = fault.kind;
      switch (fault.kind) {
        case 'status':
          return send(fault.status, fault.body ?? ERROR_PAGE, {
            'Content-Type': 'text/html',
            ...(fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {}),
          });
        case 'block':
          return send(403, RATE_LIMIT_PAGE, { 'Content-Type': 'text/html' });
        case 'reset':
          record.status = -1;
          req.socket.destroy();
          return;
        case 'html':
          return send(200, ERROR_PAGE, { 'Content-Type': 'text/html' });
        case 'empty':
          return send(200, '', { 'Content-Type': 'text/plain' });
        case 'truncate': {
          const bytes = Buffer.from(body ?? '').subarray(0, fault.keepBytes);
          return send(200, bytes, { 'Content-Type': contentType });
        }
        case 'cut': {
          // Promise the whole body, deliver part of it, then drop the connection.
          const bytes = Buffer.from(body ?? '');
          record.status = -1;
          res.writeHead(200, { 'Content-Length': String(bytes.byteLength), 'Content-Type': contentType });
          res.write(bytes.subarray(0, fault.afterBytes), () => setTimeout(() => req.socket.destroy(), 10));
          return;
        }
        case 'slow': {
          const bytes = Buffer.from(body ?? '');
          record.status = 200;
          res.writeHead(200, { 'Content-Length': String(bytes.byteLength), 'Content-Type': contentType });
          const half = Math.floor(bytes.byteLength / 2);
          res.write(bytes.subarray(0, half));
          const timer = setTimeout(() => {
            if (!res.destroyed) res.end(bytes.subarray(half));
          }, fault.delayMs);
          res.on('close', () => clearTimeout(timer));
          return;
        }
      }
    }
    if (body === undefined) return send(404, NOT_FOUND_PAGE, { 'Content-Type': 'text/html' });
    return send(200, body, { 'Content-Type': contentType });
  }
}

function columns(filings: ServedFiling[]): Record<string, unknown[]> {
  return {
    accessionNumber: filings.map((f) => f.accessionNumber),
    filingDate: filings.map((f) => f.filingDate ?? ''),
    reportDate: filings.map(() => ''),
    acceptanceDateTime: filings.map((f) => `${f.filingDate ?? '2024-01-01'}T16:42:36.000Z`),
    act: filings.map(() => '34'),
    form: filings.map((f) => f.form ?? 'SC 13D'),
    fileNumber: filings.map(() => '005-12345'),
    filmNumber: filings.map(() => '24000001'),
    items: filings.map(() => ''),
    size: filings.map((f) => f.bytes.byteLength),
    isXBRL: filings.map(() => 0),
    isInlineXBRL: filings.map(() => 0),
    primaryDocument: filings.map((f) => `${f.accessionNumber}.txt`),
    primaryDocDescription: filings.map(() => ''),
  };
}

/** Start a server (listening) with these filings. */
export async function startEdgarServer(options: EdgarServerOptions = {}): Promise<EdgarTestServer> {
  return new EdgarTestServer(options).listen();
}

/**
 * `count` filings under one CIK, all with the same bytes, numbered `{prefix}-{yy}-000001…`, filed one a day going
 * back from 2024-06-30 (so date filters and pages have something to work on).
 */
export function generateFilings(
  bytes: Uint8Array,
  count: number,
  options: { cik?: string; filerPrefix?: string; year?: string; forms?: string[] } = {},
): ServedFiling[] {
  const cik = options.cik ?? '1854583';
  const prefix = options.filerPrefix ?? '0009999999';
  const year = options.year ?? '24';
  const forms = options.forms ?? ['SC 13D', 'SC 13D/A', 'SCHEDULE 13D/A', '4'];
  const start = Date.UTC(2024, 5, 30);
  const text = Buffer.from(bytes).toString('latin1');
  return Array.from({ length: count }, (_, i) => {
    const accessionNumber = `${prefix}-${year}-${String(i + 1).padStart(6, '0')}`;
    // Each copy declares its own accession, as EDGAR's files do (the fetcher checks the header against the request).
    const own = new Uint8Array(Buffer.from(text.replace(/(ACCESSION NUMBER:[ \t]*)\d{10}-\d{2}-\d{6}/, `$1${accessionNumber}`), 'latin1'));
    return {
    cik,
    accessionNumber,
    bytes: own,
    form: forms[i % forms.length] as string,
    filingDate: new Date(start - i * 86_400_000).toISOString().slice(0, 10),
    };
  });
}
