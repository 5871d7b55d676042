/**
 * Server-rendered pages of the viewer. Each returns the whole HTML document; every value from the database passes
 * through the escaping `html` template. No page carries script: links and the `#hit` fragment do the work, so the
 * Content-Security-Policy can forbid script entirely.
 */
import { percentChart } from './chart.js';
import { markEvidence } from './evidence.js';
import { filingBody } from './filing-page.js';
import { formatValue, columnTitle } from './format.js';
import { html, trusted, type SafeHtml } from './html.js';
import { serverLinks, type Links } from './links.js';
import type { Evidence, Row, ViewerData } from './queries.js';
import { searchDocuments } from '../store/document-text.js';

export interface Page {
  status: number;
  body: string;
}

/** Markers FTS5 puts around matches in a snippet, replaced by <mark> after escaping (private-use characters). */
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';

export function layout(title: string, content: SafeHtml, options: { inlineStyle?: string; query?: string } = {}): string {
  const style = options.inlineStyle !== undefined ? html`<style>${trusted(options.inlineStyle)}</style>` : html`<link rel="stylesheet" href="/assets/viewer.css">`;
  const nav = options.inlineStyle !== undefined
    ? html`<header class="site"><span class="brand">edgar-extract report</span></header>`
    : html`<header class="site"><a class="brand" href="/">edgar-extract</a><form action="/search" method="get" role="search"><input type="search" name="q" value="${options.query ?? ''}" placeholder="Search every document" aria-label="Search"> <button type="submit">Search</button></form></header>`;
  return `<!doctype html>\n${html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${style}</head><body id="top">${nav}<main>${content}</main></body></html>`.value}\n`;
}

export function notFound(what: string): Page {
  return { status: 404, body: layout('Not found', html`<h1>Not found</h1><p>${what}</p><p><a href="/">Back to the start page</a></p>`) };
}

function table(headers: string[], rows: SafeHtml[]): SafeHtml {
  return html`<table class="records"><thead><tr>${headers.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function homePage(data: ViewerData, links: Links = serverLinks): Page {
  const recent = data.recentFilings(50).map((f) => {
    const acc = String(f.accession_number);
    return html`<tr><td><a href="${links.filing(acc)}">${acc}</a></td><td>${String(f.form_type ?? '')}</td><td>${String(f.filed_at ?? '')}</td><td>${String(f.subject ?? '')}</td></tr>`;
  });
  return {
    status: 200,
    body: layout(
      'edgar-extract',
      html`<h1>Filings</h1>
<form action="/search" method="get" role="search" class="big-search"><input type="search" name="q" placeholder="anti-dilution waiver" aria-label="Full-text search" size="50"> <button type="submit">Search</button></form>
<h2>Recent filings</h2>${recent.length ? table(['accession number', 'form', 'filed', 'subject'], recent) : html`<p class="empty">The database holds no filings yet.</p>`}`,
    ),
  };
}

export function searchPage(data: ViewerData, query: string, links: Links = serverLinks): Page {
  let hits: ReturnType<typeof searchDocuments> = [];
  let problem: string | null = null;
  if (query.trim() && data.has('document_text')) {
    try {
      hits = searchDocuments(data.sqlite, query, { limit: 50, mark: [MARK_OPEN, MARK_CLOSE] });
    } catch (error) {
      problem = `The search could not run: ${(error as Error).message}`;
    }
  }
  const items = hits.map((h) => {
    const snippet = html`${h.snippet}`.value.replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
    const docHref = links.document(h.accessionNumber, h.documentSequence);
    return html`<li><a href="${links.filing(h.accessionNumber)}">${h.accessionNumber}</a> ${h.formType ?? ''} ${h.filedAt ?? ''} ${h.subjectCompany ?? ''}
      <br>${docHref ? html`<a href="${docHref}">document ${h.documentSequence ?? '—'} ${h.documentType ?? ''}</a>` : ''}: <span class="snippet">${trusted(snippet)}</span></li>`;
  });
  const content = html`<h1>Search: ${query}</h1>${problem ? html`<p class="empty">${problem}</p>` : ''}${items.length ? html`<ol class="hits">${items}</ol>` : html`<p class="empty">No document matches.</p>`}`;
  return { status: 200, body: layout(`Search: ${query}`, content, { query }) };
}

export function filingPage(data: ViewerData, accession: string, links: Links = serverLinks): Page {
  const body = filingBody(data, accession, links);
  if (!body) return notFound(`No filing ${accession} is stored in this database.`);
  return { status: 200, body: layout(`${accession} · edgar-extract`, body) };
}

function documentHeading(data: ViewerData, accession: string, sequence: number | null, links: Links): SafeHtml {
  const doc = data.rows('documents', accession).find((d) => (d.sequence ?? null) === sequence);
  return html`<p><a href="${links.filing(accession)}">← ${accession}</a> · document ${sequence ?? '—'} ${String(doc?.type ?? '')} ${String(doc?.filename ?? '')}</p>`;
}

export function evidencePage(data: ViewerData, accession: string, hit: Evidence, links: Links = serverLinks): Page {
  const text = data.documentText(accession, hit.documentSequence);
  if (text === undefined) return notFound(`No text is stored for document ${hit.documentSequence ?? '(none)'} of ${accession}.`);
  if (hit.start < 0 || hit.end < hit.start || hit.end > text.length) return notFound(`The span ${hit.start}–${hit.end} lies outside document ${hit.documentSequence ?? '(none)'} (${text.length} characters).`);
  const near = data.spansIn(accession, hit.documentSequence).filter((s) => s.start !== hit.start || s.end !== hit.end);
  const content = html`${documentHeading(data, accession, hit.documentSequence, links)}
<h1>Evidence: characters ${hit.start}–${hit.end}</h1>
<blockquote class="words">${text.slice(hit.start, hit.end)}</blockquote>
<p class="hint">The words are highlighted below; other values read from this document are marked lightly.</p>
<pre class="doc">${markEvidence(text, hit, near)}</pre>`;
  return { status: 200, body: layout(`Evidence · ${accession}`, content) };
}

export function documentPage(data: ViewerData, accession: string, sequence: number | null, links: Links = serverLinks): Page {
  const text = data.documentText(accession, sequence);
  if (text === undefined) return notFound(`No text is stored for document ${sequence ?? '(none)'} of ${accession} (binary documents are not kept as text).`);
  const content = html`${documentHeading(data, accession, sequence, links)}<pre class="doc">${markEvidence(text, null, data.spansIn(accession, sequence))}</pre>`;
  return { status: 200, body: layout(`Document ${sequence ?? ''} · ${accession}`, content) };
}

function rowsTable(rows: readonly Row[], columns: string[], cell: (row: Row, column: string) => SafeHtml | string): SafeHtml {
  return table(
    columns.map(columnTitle),
    rows.map((r) => html`<tr>${columns.map((c) => html`<td>${cell(r, c)}</td>`)}</tr>`),
  );
}

export function issuerPage(data: ViewerData, cik: string, links: Links = serverLinks): Page {
  const name = data.issuerName(cik);
  const series = data.issuerSeries(cik);
  const latest = data.latestPositions(cik);
  const chains = data.amendmentChains(cik);
  if (!name && !series.length && !latest.length && !chains.length) return notFound(`No Schedule 13D/13G about CIK ${cik} is stored.`);
  const chart = percentChart(
    series.map((s) => ({ holder: s.holder, filedAt: s.filedAt, percent: s.percent, href: links.filing(s.accession) })),
    `Percent of class held, ${name ?? cik}`,
  );
  const link = (row: Row, column: string): SafeHtml | string => {
    const v = row[column];
    if (column === 'accession_number' || column === 'chain_id' || column === 'amends_accession_number') {
      return typeof v === 'string' ? html`<a href="${links.filing(v)}">${v}</a>` : '';
    }
    if (column === 'reporting_person' && typeof row.person_key === 'string') {
      const href = links.holder(row.person_key);
      return href ? html`<a href="${href}">${String(v ?? '')}</a>` : String(v ?? '');
    }
    return formatValue(column, v);
  };
  const content = html`<h1>${name ?? 'Issuer'} <span class="count">CIK ${cik}</span></h1>
<h2>Percent of class over time</h2>${chart}
<h2>Latest positions <span class="count">${latest.length}</span></h2>
${latest.length ? rowsTable(latest, ['reporting_person', 'filed_at', 'form_type', 'accession_number', 'aggregate_amount', 'percent_of_class', 'sole_voting_power', 'shared_voting_power', 'sole_dispositive_power', 'shared_dispositive_power'], link) : html`<p class="empty">None.</p>`}
<h2>Amendment chains <span class="count">${chains.length}</span></h2>
${chains.length ? rowsTable(chains, ['chain_id', 'position', 'accession_number', 'form_type', 'filed_at', 'amends_accession_number', 'method', 'amendment_number'], link) : html`<p class="empty">None.</p>`}`;
  return { status: 200, body: layout(`${name ?? cik} · edgar-extract`, content) };
}

export function holderPage(data: ViewerData, nameKey: string, links: Links = serverLinks): Page {
  const positions = data.holderPositions(nameKey);
  const item5 = data.holderItem5(nameKey);
  if (!positions.length && !item5.length) return notFound(`No reporting person or holder with the key ${nameKey} is stored.`);
  const name = String(positions[0]?.reporting_person ?? item5[0]?.holder ?? nameKey);
  const cell = (row: Row, column: string): SafeHtml | string => {
    const v = row[column];
    if (column === 'accession_number') return html`<a href="${links.filing(String(v))}">${String(v)}</a>`;
    if (column === 'issuer_name' && typeof row.issuer_cik === 'string') {
      const href = links.issuer(row.issuer_cik);
      return href ? html`<a href="${href}">${String(v ?? row.issuer_cik)}</a>` : String(v ?? '');
    }
    return formatValue(column, v);
  };
  // An Item 5 value links to the sentence it was read from.
  const item5Cell = (row: Row, column: string): SafeHtml | string => {
    if (column === 'accession_number' || column === 'filed_at') return cell(row, column);
    const text = formatValue(column, row[column]);
    if (!text || typeof row.span_start !== 'number' || typeof row.span_end !== 'number') return text;
    const seq = typeof row.document_sequence === 'number' ? row.document_sequence : null;
    return html`<a class="value" href="${links.evidence(String(row.accession_number), { documentSequence: seq, start: row.span_start, end: row.span_end })}">${text}</a>`;
  };
  const content = html`<h1>${name}</h1>
<h2>Cover-page positions <span class="count">${positions.length}</span></h2>
${positions.length ? rowsTable(positions, ['issuer_name', 'filed_at', 'form_type', 'accession_number', 'aggregate_amount', 'percent_of_class'], cell) : html`<p class="empty">None.</p>`}
<h2>Item 5 positions <span class="count">${item5.length}</span></h2>
${item5.length ? rowsTable(item5, ['accession_number', 'filed_at', 'holder', 'security', 'shares', 'percent_of_class'], item5Cell) : html`<p class="empty">None.</p>`}`;
  return { status: 200, body: layout(`${name} · edgar-extract`, content) };
}
