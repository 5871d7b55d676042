/**
 * The viewer's pages, rendered without a browser: the founding sample's filing page carries the cover values, the
 * six notes and both waivers, each value linking to its evidence; the evidence page marks exactly the span's words;
 * markup from a filing is always text; the server binds 127.0.0.1, reads only, and sends its CSP.
 */
import { rm } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../src/serve/html.js';
import { markEvidence } from '../../src/serve/evidence.js';
import { ViewerData } from '../../src/serve/queries.js';
import { renderReport } from '../../src/serve/report.js';
import { CONTENT_SECURITY_POLICY, route, startViewer } from '../../src/serve/server.js';
import { openReadOnly } from '../../src/cli/query-output.js';
import { buildViewerDatabase, HUDSON_CIK, SAMPLE_ACCESSION } from './viewer-database.js';

let dir: string;
let path: string;
let sqlite: Database.Database;
let data: ViewerData;

beforeAll(async () => {
  ({ dir, path } = await buildViewerDatabase());
  sqlite = openReadOnly(path);
  data = new ViewerData(sqlite);
});

afterAll(async () => {
  sqlite.close();
  await rm(dir, { recursive: true, force: true });
});

function get(pathname: string): { status: number; body: string } {
  const page = route(data, 'GET', new URL(pathname, 'http://viewer.invalid'));
  return 'css' in page ? { status: page.status, body: page.css } : page;
}

/** Every link target of a page whose text is `text`. */
function linksWithText(body: string, text: string): string[] {
  const out: string[] = [];
  const re = /<a [^>]*href="([^"]+)"[^>]*>([^<]*)<\/a>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) if (m[2] === text) out.push(m[1]!.replace(/&amp;/g, '&'));
  return out;
}

describe('html template', () => {
  it('escapes every interpolated value, attributes included', () => {
    const name = `"><script>alert('x')</script>`;
    expect(html`<a title="${name}">${name}</a>`.value).toBe(`<a title="${escapeHtml(name)}">${escapeHtml(name)}</a>`);
    expect(escapeHtml(name)).not.toMatch(/[<>"']/);
  });
});

describe('evidence marks', () => {
  it('marks the span exactly and nearby spans lightly, never nesting', () => {
    const text = 'Fund A owns 4,413,110 shares; Fund B owns 707,448 shares.';
    const hit = { start: text.indexOf('4,413,110'), end: text.indexOf('4,413,110') + 9 };
    const near = [
      { start: text.indexOf('707,448'), end: text.indexOf('707,448') + 7 },
      { start: hit.start - 2, end: hit.end + 2 },
    ];
    const out = markEvidence(text, hit, near).value;
    expect(out).toContain('<mark id="hit">4,413,110</mark>');
    expect(out).toContain('<mark class="near">707,448</mark>');
    expect(out.match(/<mark/g)).toHaveLength(2);
    expect(out.replace(/<\/?mark[^>]*>/g, '')).toBe(escapeHtml(text));
  });
});

describe('filing page of the founding sample', () => {
  let body: string;
  beforeAll(() => {
    const page = get(`/filing/${SAMPLE_ACCESSION}`);
    expect(page.status).toBe(200);
    body = page.body;
  });

  it('shows both cover pages with their values', () => {
    expect(body).toContain('FLEMING US DISCOVERY FUND III, L.P.');
    expect(body).toContain('FLEMING US DISCOVERY OFFSHORE FUND III, L.P.');
    expect(linksWithText(body, '4,413,110').length).toBeGreaterThanOrEqual(2);
    expect(linksWithText(body, '707,448').length).toBeGreaterThanOrEqual(2);
  });

  it('shows the six notes and both waiver letters', () => {
    const notes = /<section id="notes">[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
    expect(notes.match(/<tr title=/g)).toHaveLength(6);
    for (const principal of ['$302,000', '$48,000', '$431,000', '$69,000', '$349,939.27', '$55,787.42']) expect(notes).toContain(principal);
    const waivers = /<section id="waivers">[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
    expect(waivers).toContain('EX-12');
    expect(waivers).toContain('EX-13');
    expect(waivers).toContain('$1.13');
  });

  it("links 4,413,110 to the cover row's own words", () => {
    const href = linksWithText(body, '4,413,110')[0]!;
    expect(href).toMatch(new RegExp(`^/filing/${SAMPLE_ACCESSION}/evidence/1/\\d+-\\d+#hit$`));
    const evidence = get(href.replace('#hit', ''));
    expect(evidence.status).toBe(200);
    expect(evidence.body).toContain('<mark id="hit">4,413,110</mark>');
    // Other values of the same document are marked lightly, the hit exactly once.
    expect(evidence.body.match(/<mark id="hit">/g)).toHaveLength(1);
    expect(evidence.body).toContain('<mark class="near">');
  });

  it('links each Item 5 position to its sentence', () => {
    const holdings = /<section id="holdings">[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
    const href = linksWithText(holdings, '104,095')[0]!;
    const evidence = get(href.replace('#hit', ''));
    const marked = /<mark id="hit">([\s\S]*?)<\/mark>/.exec(evidence.body)?.[1] ?? '';
    expect(marked).toContain('104,095');
  });
});

describe('other pages', () => {
  it('draws the issuer chart for Hudson Technologies (CIK 925528)', () => {
    for (const cik of ['925528', HUDSON_CIK]) {
      const page = get(`/issuer/${cik}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<svg');
      expect(page.body).toMatch(/<circle [^>]*cx="[\d.]+" cy="[\d.]+"/);
      expect(page.body).toContain('HUDSON TECHNOLOGIES');
    }
  });

  it("lists a holder's positions across issuers", () => {
    const page = get('/holder/FLEMING%20US%20DISCOVERY%20FUND%20III%20LP');
    expect(page.status).toBe(200);
    expect(page.body).toContain('HUDSON TECHNOLOGIES');
  });

  it('shows documents as text, never as live HTML', () => {
    const docs = data.rows('documents', SAMPLE_ACCESSION);
    expect(docs.length).toBeGreaterThan(1);
    const page = get(`/filing/${SAMPLE_ACCESSION}/document/${docs[0]!.sequence}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<pre class="doc">');
  });

  it('searches every document', () => {
    const page = get('/search?q=anti-dilution');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<mark>anti-dilution<\/mark>|<mark>Anti-Dilution<\/mark>/i);
  });

  it('answers 404 for unknown filings and spans outside a document, 405 for writes', () => {
    expect(get('/filing/0000000000-00-000000').status).toBe(404);
    expect(get(`/filing/${SAMPLE_ACCESSION}/evidence/1/0-999999999`).status).toBe(404);
    expect(get('/nothing/here').status).toBe(404);
    expect(route(data, 'POST', new URL('http://viewer.invalid/')).status).toBe(405);
  });
});

describe('safety', () => {
  it('shows markup stored from a filing as text on every page', async () => {
    const { dir: d2, path: p2 } = await buildViewerDatabase();
    const hostile = `<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>`;
    const writable = new Database(p2);
    writable.prepare('UPDATE reporting_persons SET name = ? WHERE ordinal = 1').run(hostile);
    writable.prepare('UPDATE filing_entities SET name = ?').run(hostile);
    writable.close();
    const ro = openReadOnly(p2);
    try {
      const hostileData = new ViewerData(ro);
      for (const pathname of [`/filing/${SAMPLE_ACCESSION}`, `/issuer/${HUDSON_CIK}`, '/']) {
        const page = route(hostileData, 'GET', new URL(pathname, 'http://viewer.invalid'));
        const text = 'css' in page ? page.css : page.body;
        expect(text).not.toContain('<script>window');
        expect(text).not.toContain('<img src=x');
      }
      const page = route(hostileData, 'GET', new URL(`/filing/${SAMPLE_ACCESSION}`, 'http://viewer.invalid'));
      expect('body' in page && page.body).toContain(escapeHtml(hostile));
    } finally {
      ro.close();
      await rm(d2, { recursive: true, force: true });
    }
  });

  it('binds 127.0.0.1 by default and sends a CSP that forbids script', async () => {
    const viewer = await startViewer(sqlite, { port: 0 });
    try {
      expect(viewer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await fetch(`${viewer.url}filing/${SAMPLE_ACCESSION}`);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toBe(CONTENT_SECURITY_POLICY);
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toMatch(/script-src/);
      expect(await res.text()).not.toMatch(/<script/i);
    } finally {
      await viewer.close();
    }
  });

  it('reads through a connection that cannot write', () => {
    expect(() => sqlite.prepare('DELETE FROM filings').run()).toThrow(/readonly|read-only|query_only/i);
  });
});

describe('report', () => {
  it('is one self-contained file: inline styles, evidence inside, nothing to fetch', () => {
    const page = renderReport(data, SAMPLE_ACCESSION)!;
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<link |<script|src="http|href="http|href="\//);
    const href = linksWithText(page, '4,413,110')[0]!;
    expect(href).toMatch(/^#ev-\d+$/);
    const section = new RegExp(`<section class="evidence-item" id="${href.slice(1)}">[\\s\\S]*?</section>`).exec(page)?.[0] ?? '';
    expect(section).toContain('<mark class="hit">4,413,110</mark>');
  });

  it('is null for a filing that is not stored', () => {
    expect(renderReport(data, '0000000000-00-000000')).toBeNull();
  });
});
