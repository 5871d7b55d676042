/**
 * Items of an XML-era Schedule 13D/13G (`primary_doc.xml`): `formData/items1To7/item1…item7` for a 13D and
 * `formData/items/item1…item10` for a 13G. Elements are selected by local name, because disseminated files use
 * `…/schedule13D` with a capital D, redeclare namespaces per element, or use prefixes.
 *
 * Handles: each item's leaf elements (`fundsSource`, `transactionDesc`, …) decoded (entities, `&#13;`) and joined by
 * newlines, with a character map back to the XML source so records keep exact spans.
 * Does not handle: the cover pages (cover-page/) or malformed XML beyond what a tolerant tag scan survives (an
 * unclosed item simply yields nothing).
 */
import type { Span } from '../../parse/types.js';
import { mappedSource, type ProseSource } from './prose-source.js';
import type { ScheduleKind } from './split-items.js';

export interface XmlItem {
  itemNumber: number;
  span: Span;
  bodySpan: Span;
  source: ProseSource;
  /** Every leaf element of the item: its local name, trimmed text and the element's span (tags included). */
  leaves: XmlLeaf[];
}

export interface XmlLeaf {
  name: string;
  /** Decoded text, white space collapsed. */
  text: string;
  /** The element, tags included. */
  span: Span;
  /** The element's content as it is in the source (entities not decoded), and where it starts. */
  raw: string;
  contentStart: number;
}

// (`[^<>]`, not `[^>]`: a tag never spans another `<`, and `<name` without a `>` before the next tag is not a tag; the
// looser form scanned on to the next `>` from every `<name` of a run, quadratic on damaged input.)
const TAG = /<(\/?)(?:[\w.-]+:)?([\w.-]+)\b[^<>]*?(\/?)>/g;

/** Items of an XML schedule; empty when the document has no items container. */
export function xmlItems(xml: string, kind: ScheduleKind): XmlItem[] {
  const container = kind === '13D' ? 'items1To7' : 'items';
  const box = elementSpan(xml, container, 0);
  if (!box) return [];
  const items: XmlItem[] = [];
  TAG.lastIndex = box.contentStart;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(xml)) && m.index < box.contentEnd) {
    const item = /^item(\d{1,2})$/.exec(m[2]!);
    if (m[1] || m[3] || !item) continue;
    const el = elementSpan(xml, m[2]!, m.index);
    if (!el) continue;
    const source = leafText(xml, el.contentStart, el.contentEnd);
    items.push({
      itemNumber: Number(item[1]),
      span: { start: el.start, end: el.end },
      bodySpan: { start: el.contentStart, end: el.contentEnd },
      source,
      leaves: leavesOf(xml, el.contentStart, el.contentEnd),
    });
    TAG.lastIndex = el.end;
  }
  return items;
}

interface ElementSpan {
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
}

/** Every tag of a document once, and each start tag's matching end tag, so that finding an element is a lookup. */
interface TagIndex {
  /** Per local name: the tags in document order. */
  byName: Map<string, { start: number; end: number; kind: 'open' | 'close' | 'empty'; match: number }[]>;
}

let lastIndexed: { xml: string; index: TagIndex } | null = null;

function tagIndex(xml: string): TagIndex {
  if (lastIndexed?.xml === xml) return lastIndexed.index;
  const byName: TagIndex['byName'] = new Map();
  const open = new Map<string, number[]>();
  const re = new RegExp(TAG.source, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const name = m[2]!;
    let list = byName.get(name);
    if (!list) byName.set(name, (list = []));
    const kind = m[3] ? 'empty' : m[1] ? 'close' : 'open';
    list.push({ start: m.index, end: m.index + m[0].length, kind, match: -1 });
    if (kind === 'open') {
      let stack = open.get(name);
      if (!stack) open.set(name, (stack = []));
      stack.push(list.length - 1);
    } else if (kind === 'close') {
      const opener = open.get(name)?.pop();
      if (opener !== undefined) list[opener]!.match = list.length - 1;
    }
  }
  const index = { byName };
  lastIndexed = { xml, index };
  return index;
}

/**
 * The first element with this local name at or after `from`, matched with its closing tag (nesting counted: the
 * same as matching start and end tags of that name on a stack). An unclosed element gives null. Looked up in an index
 * of the document's tags: scanning to the end of the document from each unclosed `<item5>` was quadratic.
 */
function elementSpan(xml: string, localName: string, from: number): ElementSpan | null {
  const list = tagIndex(xml).byName.get(localName);
  if (!list) return null;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  // End tags with nothing open are skipped, as a scan from `from` would.
  while (lo < list.length && list[lo]!.kind === 'close') lo++;
  const tag = list[lo];
  if (!tag) return null;
  if (tag.kind === 'empty') return { start: tag.start, contentStart: tag.end, contentEnd: tag.end, end: tag.end };
  const close = tag.match >= 0 ? list[tag.match]! : null;
  return close ? { start: tag.start, contentStart: tag.end, contentEnd: close.start, end: close.end } : null;
}

/** Elements with text and no child elements, in document order. */
function leavesOf(xml: string, from: number, to: number): XmlLeaf[] {
  const out: XmlLeaf[] = [];
  const re = new RegExp(TAG.source, 'g');
  re.lastIndex = from;
  let open: { name: string; start: number; contentStart: number } | null = null;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    if (!m[1] && !m[3]) {
      open = { name: m[2]!, start: m.index, contentStart: m.index + m[0].length };
    } else if (m[1] && open && open.name === m[2]) {
      const text = decodeEntities(xml.slice(open.contentStart, m.index)).replace(/\s+/g, ' ').trim();
      out.push({ name: open.name, text, span: { start: open.start, end: m.index + m[0].length }, raw: xml.slice(open.contentStart, m.index), contentStart: open.contentStart });
      open = null;
    } else {
      open = null;
    }
  }
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name.startsWith('#')) return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return NAMED_ENTITIES[name.toLowerCase()] ?? all;
  });
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text of every leaf element between `from` and `to`, one leaf per line, entities decoded, `&#13;` and CRs
 * dropped; `starts`/`ends` map each character back to the source.
 */
function leafText(xml: string, from: number, to: number): ProseSource {
  // The text as pieces joined once at the end, and its last character kept aside: asking a string built by `+=`
  // whether it ends in a newline flattens it, once per leaf, which was quadratic in the leaves (2 s for 900 KB).
  const pieces: string[] = [];
  let lastChar = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (s: string, start: number, end: number): void => {
    pieces.push(s);
    lastChar = s[s.length - 1] ?? lastChar;
    for (let k = 0; k < s.length; k++) {
      starts.push(start);
      ends.push(end);
    }
  };
  const re = new RegExp(TAG.source, 'g');
  re.lastIndex = from;
  let cursor = from;
  const flush = (segmentEnd: number): void => {
    const segment = xml.slice(cursor, segmentEnd);
    if (!segment.trim()) return;
    if (pieces.length && lastChar !== '\n') push('\n', cursor, cursor);
    let i = 0;
    // Leading white space of a leaf is indentation; skip it so the leaf starts at its first word.
    while (i < segment.length && /\s/.test(segment[i]!)) i++;
    let last = segment.length;
    while (last > i && /\s/.test(segment[last - 1]!)) last--;
    while (i < last) {
      const at = cursor + i;
      if (segment[i] === '&') {
        const ent = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(segment.slice(i, i + 12));
        if (ent) {
          const name = ent[1]!;
          let ch = NAMED_ENTITIES[name.toLowerCase()] ?? '';
          if (name.startsWith('#')) ch = String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
          if (ch === '\r') ch = '';
          if (ch) push(ch, at, at + ent[0].length);
          i += ent[0].length;
          continue;
        }
      }
      if (segment[i] !== '\r') push(segment[i]!, at, at + 1);
      i++;
    }
  };
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    flush(m.index);
    cursor = m.index + m[0].length;
  }
  flush(to);
  return mappedSource(pieces.join(''), starts, ends);
}
