/**
 * The one JSON encoding of spans in stored rows. A span is `{"start":s,"end":e}` (offsets into the document's decoded
 * text, end exclusive, as `Span` in parse/types.ts), with `"documentSequence"` first when a list may point into
 * several documents:
 *   - per-value spans of a row, `{"issuerName":{"start":279,"end":308},…}` (schedule13, reporting_persons, waivers,
 *     amendments);
 *   - the evidence of a check, `[{"documentSequence":1,"start":…,"end":…},…]` (checks).
 * Extractors may hold a span as `Span` or as a `[start, end]` pair; both are written the same way.
 */
import type { Span } from '../parse/types.js';

/** A span in one of several documents (the evidence of a check). */
export interface DocumentSpan extends Span {
  documentSequence: number | null;
}

/** A span as an extractor holds it. */
export type HeldSpan = Span | readonly [start: number, end: number];

/** Per-value spans (`{field: span}`) as JSON, each span `{"start","end"}`. */
export function encodeValueSpans(spans: Readonly<Record<string, HeldSpan | undefined>>): string {
  const out: Record<string, Span> = {};
  for (const [key, span] of Object.entries(spans)) {
    if (!span) continue;
    out[key] = isPair(span) ? { start: span[0], end: span[1] } : { start: span.start, end: span.end };
  }
  return JSON.stringify(out);
}

/** Spans across documents as a JSON list, each `{"documentSequence","start","end"}`. */
export function encodeDocumentSpans(spans: readonly DocumentSpan[]): string {
  return JSON.stringify(spans.map((s) => ({ documentSequence: s.documentSequence, start: s.start, end: s.end })));
}

/** A `spans` column's value as stored: a list of document spans, per-value spans, or JSON already encoded. */
export function encodeSpansColumn(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return encodeDocumentSpans(value as DocumentSpan[]);
  return encodeValueSpans(value as Record<string, HeldSpan>);
}

function isPair(span: HeldSpan): span is readonly [number, number] {
  return Array.isArray(span);
}

/** A stored per-value `spans` column back as `field → span` (camelCase keys); unreadable or absent JSON gives none. */
export function decodeValueSpans(value: unknown): Map<string, Span> {
  const out = new Map<string, Span>();
  if (typeof value !== 'string' || !value.startsWith('{')) return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return out;
  }
  if (!parsed || typeof parsed !== 'object') return out;
  for (const [key, span] of Object.entries(parsed as Record<string, unknown>)) {
    const s = span as { start?: unknown; end?: unknown } | null;
    if (s && typeof s.start === 'number' && typeof s.end === 'number' && s.end >= s.start) out.set(key, { start: s.start, end: s.end });
  }
  return out;
}
