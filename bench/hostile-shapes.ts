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

export const HOSTILE_SHAPES: HostileShape[] = [
  {
    name: 'item5-spaces',
    description: 'spaces and tabs inside Item 5 of a text 13D/A',
    build: (bytes) => insertAfter(readFixture(TEXT_13DA), 'Interest in Securities of the Issuer.', ' \t', repeatTo(' \t', bytes)),
  },
  {
    name: 'text-newlines',
    description: 'newlines right after <TEXT>',
    build: (bytes) => insertAfter(readFixture(TEXT_13DA), '<TEXT>', '\n', bytes),
  },
  {
    name: 'convertible-notes',
    description: '"10% Convertible Notes due 12/20/04" repeated in Item 5',
    build: (bytes) => insertAfter(readFixture(TEXT_13DA), 'Interest in Securities of the Issuer.', '10% Convertible Notes due 12/20/04 ', repeatTo('10% Convertible Notes due 12/20/04 ', bytes)),
  },
  {
    name: 'percent-tokens',
    description: '"5.0% " repeated in Item 5',
    build: (bytes) => insertAfter(readFixture(TEXT_13DA), 'Interest in Securities of the Issuer.', '5.0% ', repeatTo('5.0% ', bytes)),
  },
  {
    name: 'exhibit-mentions',
    description: '"Exhibit 99.1" mentioned over and over in Item 7',
    build: (bytes) => insertAfter(readFixture(TEXT_13DA), 'Interest in Securities of the Issuer.', 'See Exhibit 99.1.\n', repeatTo('See Exhibit 99.1.\n', bytes)),
  },
  {
    name: 'xml-leaves',
    description: 'leaf elements repeated in Item 5 of an XML 13D',
    build: (bytes) => insertAfter(readFixture(XML_13D), '<item5>\n', XML_LEAF, repeatTo(XML_LEAF, bytes)),
  },
  {
    name: 'nested-divs',
    description: 'nested <div>s in an HTML 13D',
    build: (bytes) => insertAfter(readFixture(HTML_13D), /<body[^>]*>/i, '<div>', repeatTo('<div>', bytes)),
  },
  {
    name: 'nested-tables',
    description: '<table><tr><td> nested in an HTML 13D',
    build: (bytes) => insertAfter(readFixture(HTML_13D), /<body[^>]*>/i, '<table><tr><td>', repeatTo('<table><tr><td>', bytes)),
  },
  {
    name: 'nested-header-tags',
    description: 'unknown tags nested in a PDS header',
    build: (bytes) => insertAfter(readFixture(NC_8K), '</FILING-VALUES>\n', '<X-NESTED>\n', repeatTo('<X-NESTED>\n', bytes)),
  },
  {
    name: 'empty-documents',
    description: 'empty <DOCUMENT> lines after the last document',
    build: (bytes) => insertAfter(readFixture(TEXT_13DA), '</DOCUMENT>\n', '<DOCUMENT>\n', repeatTo('<DOCUMENT>\n', bytes)),
  },
];
