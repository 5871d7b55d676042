/**
 * HTML built by a tagged template that escapes every interpolated value. Text from a filing (names, sentences,
 * document bodies) can hold `<script>` or `"` and must always show as text: the only way to put markup into a page is
 * to nest another `html` template or to call `trusted()` on a string the viewer itself wrote.
 */

/** A fragment of markup that is already safe to emit. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text → markup that shows that text (also safe inside a double- or single-quoted attribute). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/** `html\`<td>${name}</td>\`` escapes `name`; arrays are joined; null, undefined and false render as nothing. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Markup the viewer wrote itself (a stylesheet, an SVG it built from numbers). Never pass filing text here. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Percent-encode one path segment of a URL (an accession number, a name key). */
export function pathSegment(value: string | number): string {
  return encodeURIComponent(String(value));
}
