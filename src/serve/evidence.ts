/**
 * A document's decoded text with the value being checked inside `<mark id="hit">` and the other values read from the
 * same document marked lightly (`<mark class="near">`). Spans are character offsets into exactly this text (the
 * string `document_text.text` holds), so slicing it gives the words a value came from.
 */
import { html, type SafeHtml } from './html.js';

export interface MarkedSpan {
  start: number;
  end: number;
}

/** How far around the hit other values are marked (characters): enough for the paragraph and its neighbours. */
export const NEAR_WINDOW = 4000;

/**
 * Text → markup with the hit and the nearby spans marked. Spans are clamped to the text; a nearby span that overlaps
 * the hit or an earlier nearby span is left unmarked, so marks never nest or cross.
 */
export function markEvidence(text: string, hit: MarkedSpan | null, near: readonly MarkedSpan[], window = NEAR_WINDOW): SafeHtml {
  const clamp = (n: number): number => Math.max(0, Math.min(text.length, n));
  const accepted: { start: number; end: number; kind: 'hit' | 'near' }[] = [];
  if (hit) {
    const start = clamp(hit.start);
    accepted.push({ start, end: Math.max(start, clamp(hit.end)), kind: 'hit' });
  }
  const lo = hit ? hit.start - window : -Infinity;
  const hi = hit ? hit.end + window : Infinity;
  const candidates = near
    .map((s) => ({ start: clamp(s.start), end: clamp(s.end) }))
    .filter((s) => s.end > s.start && s.end >= lo && s.start <= hi)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let lastNearEnd = -1;
  for (const s of candidates) {
    if (s.start < lastNearEnd) continue;
    if (hit && s.start < accepted[0]!.end && s.end > accepted[0]!.start) continue;
    accepted.push({ ...s, kind: 'near' });
    lastNearEnd = s.end;
  }
  accepted.sort((a, b) => a.start - b.start);
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const m of accepted) {
    if (m.start > at) parts.push(html`${text.slice(at, m.start)}`);
    const words = text.slice(m.start, m.end);
    parts.push(m.kind === 'hit' ? html`<mark id="hit">${words}</mark>` : html`<mark class="near">${words}</mark>`);
    at = m.end;
  }
  if (at < text.length) parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}
