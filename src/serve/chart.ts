/**
 * Percent of class over time as an SVG line chart, drawn on the server from numbers alone (no script, no external
 * asset). Each holder is one series; a filing is one point. Names reach the SVG only as escaped text.
 */
import { html, type SafeHtml } from './html.js';

export interface ChartPoint {
  holder: string;
  /** ISO date. */
  filedAt: string;
  percent: number;
  /** Where the point links (its filing). */
  href: string;
}

const WIDTH = 760;
const HEIGHT = 320;
const MARGIN = { left: 52, right: 20, top: 16, bottom: 40 };
/** Colour-blind-safe palette (Okabe–Ito); series beyond it reuse colours with a dashed line. */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

export function percentChart(points: readonly ChartPoint[], title: string): SafeHtml {
  if (points.length === 0) return html`<p class="empty">No percent of class is stored for this issuer.</p>`;
  const days = points.map((p) => dayNumber(p.filedAt));
  let minDay = Math.min(...days);
  let maxDay = Math.max(...days);
  if (maxDay - minDay < 30) {
    minDay -= 180;
    maxDay += 180;
  }
  const top = Math.max(10, Math.ceil(Math.max(...points.map((p) => p.percent)) / 10) * 10);
  const maxPct = Math.min(100, top > 50 ? Math.ceil(top / 20) * 20 : top);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (iso: string): number => MARGIN.left + ((dayNumber(iso) - minDay) / (maxDay - minDay)) * plotW;
  const y = (pct: number): number => MARGIN.top + plotH - (pct / maxPct) * plotH;
  const fmt = (n: number): string => n.toFixed(1);

  const holders = [...new Set(points.map((p) => p.holder))];
  // Round-numbered grid lines: every 10 points up to 50%, every 20 beyond.
  const tickStep = maxPct <= 50 ? 10 : 20;
  const ticks: number[] = [];
  for (let pct = 0; pct <= maxPct; pct += tickStep) ticks.push(pct);
  const gridLines = ticks.map((pct) => {
    return html`<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${fmt(y(pct))}" y2="${fmt(y(pct))}"/><text class="axis" x="${MARGIN.left - 6}" y="${fmt(y(pct) + 4)}" text-anchor="end">${`${Math.round(pct)}%`}</text>`;
  });
  const firstYear = new Date(minDay * 86_400_000).getUTCFullYear();
  const lastYear = new Date(maxDay * 86_400_000).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 8));
  const yearTicks = [];
  for (let year = firstYear; year <= lastYear + 1; year += step) {
    const day = dayNumber(`${year}-01-01`);
    if (day < minDay || day > maxDay) continue;
    const px = MARGIN.left + ((day - minDay) / (maxDay - minDay)) * plotW;
    yearTicks.push(html`<text class="axis" x="${fmt(px)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${year}</text>`);
  }
  const series = holders.map((holder, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const dashed = i >= COLOURS.length;
    const own = points.filter((p) => p.holder === holder).sort((a, b) => a.filedAt.localeCompare(b.filedAt));
    const path = own.map((p) => `${fmt(x(p.filedAt))},${fmt(y(p.percent))}`).join(' ');
    return html`<g class="series" data-holder="${holder}">
      ${own.length > 1 ? html`<polyline fill="none" stroke="${colour}" stroke-width="2"${dashed ? html` stroke-dasharray="5 3"` : ''} points="${path}"/>` : ''}
      ${own.map(
        (p) =>
          html`<a href="${p.href}"><circle cx="${fmt(x(p.filedAt))}" cy="${fmt(y(p.percent))}" r="4.5" fill="${colour}"><title>${`${holder}: ${p.percent}% (${p.filedAt})`}</title></circle></a>`,
      )}
    </g>`;
  });
  const legend = holders.map((holder, i) => html`<li><svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="${COLOURS[i % COLOURS.length]!}"/></svg>${holder}</li>`);
  return html`<figure class="chart">
  <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${title}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">
    <title>${title}</title>
    ${gridLines}
    <line class="axis-line" x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}"/>
    ${yearTicks}
    ${series}
  </svg>
  <figcaption><ul class="legend">${legend}</ul></figcaption>
</figure>`;
}
