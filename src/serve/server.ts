/**
 * `edgar-extract serve`: a local, read-only web viewer over node:http. It binds 127.0.0.1 unless told otherwise,
 * reads through a read-only connection, answers GET and HEAD only, and sends a Content-Security-Policy that allows no
 * script at all and styles only from its own stylesheet: text from a filing can never become live markup or code.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import { parseSequenceSegment } from './links.js';
import { documentPage, evidencePage, filingPage, holderPage, homePage, issuerPage, notFound, searchPage, type Page } from './pages.js';
import { ViewerData } from './queries.js';
import { STYLESHEET } from './style.js';

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function segments(pathname: string): string[] | null {
  try {
    return pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

/** Route one request to a page. Pure over the data, so tests can call it without a socket. */
export function route(data: ViewerData, method: string, url: URL): Page | { status: number; css: string } {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, body: 'Method not allowed\n' };
  const parts = segments(url.pathname);
  if (!parts) return notFound('That address is not well formed.');
  const [first, second, third, fourth, fifth] = parts;
  if (parts.length === 0) return homePage(data);
  if (first === 'assets' && second === 'viewer.css' && parts.length === 2) return { status: 200, css: STYLESHEET };
  if (first === 'search' && parts.length === 1) return searchPage(data, url.searchParams.get('q') ?? '');
  if (first === 'issuer' && second && parts.length === 2) return issuerPage(data, second.padStart(10, '0'));
  if (first === 'holder' && second && parts.length === 2) return holderPage(data, second);
  if (first === 'filing' && second) {
    if (parts.length === 2) return filingPage(data, second);
    const sequence = fourth === undefined ? undefined : parseSequenceSegment(fourth);
    if (third === 'document' && parts.length === 4 && sequence !== undefined) return documentPage(data, second, sequence);
    const span = fifth ? /^(\d{1,9})-(\d{1,9})$/.exec(fifth) : null;
    if (third === 'evidence' && parts.length === 5 && sequence !== undefined && span) {
      return evidencePage(data, second, { documentSequence: sequence, start: Number(span[1]), end: Number(span[2]) });
    }
  }
  return notFound(`Nothing lives at ${url.pathname}.`);
}

function respond(res: ServerResponse, method: string, status: number, type: string, body: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(method === 'HEAD' ? undefined : body);
}

export interface ViewerServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Start the viewer on `host:port` (port 0: any free port) over an already-open read-only connection. */
export async function startViewer(sqlite: Database.Database, options: { host?: string; port?: number } = {}): Promise<ViewerServer> {
  const data = new ViewerData(sqlite);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    try {
      const url = new URL(req.url ?? '/', 'http://viewer.invalid');
      const page = route(data, method, url);
      if ('css' in page) respond(res, method, page.status, 'text/css; charset=utf-8', page.css);
      else respond(res, method, page.status, page.status === 405 ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8', page.body);
    } catch (error) {
      // A defect on one page must not take the viewer down; the terminal gets the details.
      process.stderr.write(`edgar-extract serve: ${req.url}: ${(error as Error).message}\n`);
      respond(res, method, 500, 'text/plain; charset=utf-8', 'Internal error: see the terminal running edgar-extract serve.\n');
    }
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8321, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shownHost}:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
