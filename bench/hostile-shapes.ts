/**
 * Hostile inputs, each built from a real fixture (test/fixtures) by inserting a repeated pattern until the input
 * reaches a target size. Shared by the hostile-input benchmark (bench/hostile-bench.ts) and the regression tests
 * (test/parse/hostile-input.test.ts), so the benchmark measures exactly the shapes the tests keep from crashing.
 * Each shape is one that was measured quadratic, or crashed a batch (issue 11).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/cli/package-root.js';

/** A real plain-text SC 13D/A with a long Item 5. */
export const TEXT_13DA = 'test/fixtures/sc13/0000902664-04-001527.txt';
/** A real HTML SC 13D. */
export const HTML_13D = 'test/fixtures/sc13/0000950133-02-003348.txt';
/** A real XML SC 13D (EDGAR's 2024 schema: items as elements). */
export const XML_13D = 'test/fixtures/sc13/0000950170-24-140615.txt';
/** A real PDS `.nc` submission (tag-form header). */
export const NC_8K = 'test/fixtures/nc/0000774352-01-000002.nc';

export function readFixture(relative: string): string {
  return readFileSync(join(packageRoot(), relative), 'latin1');
}

/** `pattern` repeated `count` times, inserted into `text` right after the first match of `anchor`. */
export function insertAfter(text: string, anchor: string | RegExp, pattern: string, count: number): string {
  const at = typeof anchor === 'string' ? text.indexOf(anchor) : text.search(anchor);
  if (at < 0) throw new Error(`anchor ${String(anchor)} not found`);
  const end = at + (typeof anchor === 'string' ? anchor.length : (text.slice(at).match(anchor)?.[0].length ?? 0));
  return text.slice(0, end) + pattern.repeat(count) + text.slice(end);
}

export interface HostileShape {
  name: string;
  /** What the shape is, for the benchmark table. */
  description: string;
  /** The input with about `bytes` bytes of the hostile pattern in it (the fixture itself adds a few KB). */
  build(bytes: number): string;
}

/** One leaf element of an XML Item 5. */
export const XML_LEAF = '<numberOfShares>See Item 5(a).</numberOfShares>\n';

const repeatTo = (pattern: string, bytes: number): number => Math.max(1, Math.round(bytes / pattern.length));

/** A shape: `pattern` repeated to about `bytes` bytes, right after `anchor` in `fixture`. */
const repeated =
  (fixture: string, anchor: string | RegExp, pattern: string): HostileShape['build'] =>
  (bytes) =>
    insertAfter(readFixture(fixture), anchor, pattern, repeatTo(pattern, bytes));

const ITEM5 = 'Interest in Securities of the Issuer.';
const BODY = /<body[^>]*>/i;

export const HOSTILE_SHAPES: HostileShape[] = [
  { name: 'item5-spaces', description: 'spaces and tabs inside Item 5 of a text 13D/A', build: repeated(TEXT_13DA, ITEM5, ' \t') },
  { name: 'text-newlines', description: 'newlines right after <TEXT>', build: repeated(TEXT_13DA, '<TEXT>', '\n') },
  { name: 'convertible-notes', description: '"10% Convertible Notes due 12/20/04" repeated in Item 5', build: repeated(TEXT_13DA, ITEM5, '10% Convertible Notes due 12/20/04 ') },
  { name: 'percent-tokens', description: '"5.0% " repeated in Item 5', build: repeated(TEXT_13DA, ITEM5, '5.0% ') },
  { name: 'exhibit-mentions', description: '"Exhibit 99.1" mentioned over and over in Item 7', build: repeated(TEXT_13DA, ITEM5, 'See Exhibit 99.1.\n') },
  { name: 'xml-leaves', description: 'leaf elements repeated in Item 5 of an XML 13D', build: repeated(XML_13D, '<item5>\n', XML_LEAF) },
  { name: 'nested-divs', description: 'nested <div>s in an HTML 13D', build: repeated(HTML_13D, BODY, '<div>') },
  { name: 'nested-tables', description: '<table><tr><td> nested in an HTML 13D', build: repeated(HTML_13D, BODY, '<table><tr><td>') },
  { name: 'nested-header-tags', description: 'unknown tags nested in a PDS header', build: repeated(NC_8K, '</FILING-VALUES>\n', '<X-NESTED>\n') },
  { name: 'empty-documents', description: 'empty <DOCUMENT> lines after the last document', build: repeated(TEXT_13DA, '</DOCUMENT>\n', '<DOCUMENT>\n') },
];
