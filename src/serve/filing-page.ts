/**
 * The filing page: header (parties, dates, form), documents, cover pages, the records read from Items and exhibits,
 * checks and warnings. Every extracted value is a link to its evidence: a cover-page value to the words of its own
 * row, a prose or exhibit record to the sentence it was read from.
 */
import { columnTitle, formatValue } from './format.js';
import { html, type SafeHtml } from './html.js';
import type { Links } from './links.js';
import { fieldSpans, RECORD_TABLES, type Evidence, type Row, type ViewerData } from './queries.js';

/** Columns that are bookkeeping or provenance, not values a reader checks. */
const HIDDEN = new Set(['accession_number', 'holder_key', 'name_key', 'issuer_name_key', 'sentence', 'spans', 'span_start', 'span_end', 'document_sequence', 'source_offset']);

const COVER_COLUMNS = [
  'name',
  'cik',
  'member_of_group',
  'source_of_funds',
  'citizenship',
  'sole_voting_power',
  'shared_voting_power',
  'sole_dispositive_power',
  'shared_dispositive_power',
  'aggregate_amount',
  'percent_of_class',
  'type_of_reporting_person',
];

/** A value with a link to where it was read, or plain when no span is stored. */
function valueCell(text: string, href: string | null, title?: string): SafeHtml {
  if (!text) return html`<td class="null">—</td>`;
  const shown = text.length > 160 ? `${text.slice(0, 157)}…` : text;
  const tip = title ?? (shown === text ? undefined : text);
  return href ? html`<td><a class="value" href="${href}"${tip ? html` title="${tip}"` : ''}>${shown}</a></td>` : html`<td${tip ? html` title="${tip}"` : ''}>${shown}</td>`;
}

function rowEvidence(row: Row): Evidence | null {
  if (typeof row.span_start !== 'number' || typeof row.span_end !== 'number') return null;
  const seq = row.document_sequence;
  return { documentSequence: typeof seq === 'number' ? seq : null, start: row.span_start, end: row.span_end };
}

/** One extracted table as an HTML table; each value links to its row's span (or its own, where `spans` has it). */
export function recordTable(accession: string, rows: readonly Row[], links: Links): SafeHtml {
  const columns = Object.keys(rows[0] ?? {}).filter((c) => !HIDDEN.has(c) && rows.some((r) => r[c] !== null && r[c] !== undefined));
  const body = rows.map((row) => {
    const evidence = rowEvidence(row);
    const own = fieldSpans(row.spans);
    // The sentence a row was read from shows once, as the row's tooltip; the link shows it in place.
    const sentence = typeof row.sentence === 'string' ? row.sentence : undefined;
    return html`<tr${sentence ? html` title="${sentence}"` : ''}>${columns.map((c) => {
      const span = own.get(c);
      const target = span ? { documentSequence: evidence?.documentSequence ?? (typeof row.document_sequence === 'number' ? row.document_sequence : null), ...span } : evidence;
      return valueCell(formatValue(c, row[c]), target ? links.evidence(accession, target) : null);
    })}</tr>`;
  });
  return html`<table class="records"><thead><tr>${columns.map((c) => html`<th>${columnTitle(c)}</th>`)}</tr></thead><tbody>${body}</tbody></table>`;
}

function coverTable(accession: string, persons: readonly Row[], links: Links): SafeHtml {
  const body = persons.map((p) => {
    const spans = fieldSpans(p.spans);
    const seq = typeof p.document_sequence === 'number' ? p.document_sequence : null;
    const cells = COVER_COLUMNS.map((c) => {
      const value = p[c] ?? p[`${c}_text`];
      const span = spans.get(c);
      const href = span ? links.evidence(accession, { documentSequence: seq, ...span }) : null;
      return valueCell(formatValue(p[c] === null || p[c] === undefined ? `${c}_text` : c, value), href);
    });
    const holderHref = typeof p.name_key === 'string' ? links.holder(p.name_key) : null;
    return html`<tr><td class="ordinal">${p.ordinal as number}${holderHref ? html` <a class="aside" href="${holderHref}">holder</a>` : ''}</td>${cells}</tr>`;
  });
  return html`<table class="records cover"><thead><tr><th>#</th>${COVER_COLUMNS.map((c) => html`<th>${columnTitle(c)}</th>`)}</tr></thead><tbody>${body}</tbody></table>`;
}

function headerSection(data: ViewerData, accession: string, filing: Row, links: Links): SafeHtml {
  const entities = data.rows('filing_entities', accession);
  const members = data.rows('group_members', accession);
  const schedule = data.schedule(accession);
  const facts: [string, unknown][] = [
    ['Accession number', accession],
    ['Form', filing.form_type],
    ['Filed', filing.filed_at],
    ['Period', filing.period],
    ['Source', filing.source_format],
    ['Issuer (cover)', schedule?.issuer_name],
    ['Class', schedule?.class_title],
    ['CUSIP', schedule?.cusip],
    ['Event date', schedule?.event_date],
    ['Amendment No.', schedule?.amendment_number],
  ];
  const partyRows = entities.map((e) => {
    const cik = typeof e.cik === 'string' ? e.cik : null;
    const issuerHref = cik && e.role === 'subject_company' ? links.issuer(cik) : null;
    return html`<tr><td>${String(e.role ?? '')}</td><td>${String(e.name ?? '')}</td><td>${issuerHref ? html`<a href="${issuerHref}">${cik}</a>` : cik ?? ''}</td><td>${String(e.file_number ?? '')}</td></tr>`;
  });
  return html`<section id="header"><h2>Header</h2>
  <dl class="facts">${facts.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => html`<dt>${k}</dt><dd>${String(v)}</dd>`)}</dl>
  ${entities.length ? html`<h3>Parties</h3><table class="records"><thead><tr><th>role</th><th>name</th><th>CIK</th><th>file number</th></tr></thead><tbody>${partyRows}</tbody></table>` : ''}
  ${members.length ? html`<h3>Group members</h3><ul>${members.map((m) => html`<li>${String(m.name)}</li>`)}</ul>` : ''}
</section>`;
}

function documentsSection(data: ViewerData, accession: string, links: Links): SafeHtml {
  const docs = data.rows('documents', accession);
  if (!docs.length) return html``;
  const rows = docs.map((d) => {
    const seq = typeof d.sequence === 'number' ? d.sequence : null;
    const href = links.document(accession, seq);
    return html`<tr><td>${href ? html`<a href="${href}">${seq ?? '—'}</a>` : String(seq ?? '—')}</td><td>${String(d.type ?? '')}</td><td>${String(d.filename ?? '')}</td><td>${String(d.description ?? '')}</td><td>${String(d.document_class ?? '')}</td><td>${String(d.format ?? '')}</td><td class="num">${formatValue('shares', d.bytes)}</td></tr>`;
  });
  return html`<section id="documents"><h2>Documents</h2><table class="records"><thead><tr><th>sequence</th><th>type</th><th>filename</th><th>description</th><th>class</th><th>format</th><th>bytes</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** The body of the filing page (everything under the site's navigation), shared by `serve` and `report`. */
export function filingBody(data: ViewerData, accession: string, links: Links): SafeHtml | null {
  const filing = data.filing(accession);
  if (!filing) return null;
  const persons = data.rows('reporting_persons', accession);
  const sections = RECORD_TABLES.map(({ table, title }) => {
    const rows = data.rows(table, accession);
    if (!rows.length) return html``;
    return html`<section id="${table}"><h2>${title} <span class="count">${rows.length}</span></h2>${recordTable(accession, rows, links)}</section>`;
  });
  const heading = data.schedule(accession)?.issuer_name ?? filing.form_type ?? accession;
  return html`<h1>${String(filing.form_type ?? '')} · ${String(heading)}</h1>
${headerSection(data, accession, filing, links)}
${documentsSection(data, accession, links)}
${persons.length ? html`<section id="cover"><h2>Cover pages <span class="count">${persons.length}</span></h2><p class="hint">Each value links to the words it was read from.</p>${coverTable(accession, persons, links)}</section>` : ''}
${sections}`;
}
