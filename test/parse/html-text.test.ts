// HTML → text moved from a recursive walk of cheerio's parse5 tree to one pass over htmlparser2's tokenizer (issue 11).
// Every stored span is an offset into this text, so the new renderer must give the text the old one gave: this test
// keeps the old renderer (cheerio, walked recursively, as it was) and compares them on every HTML document of the
// fixtures. The old renderer has since learnt two rules, written here the recursive way so that the two still check
// each other: a cell whose content is one line joins its row's line even when a block holds it, and `<sup>`/`<sub>`
// text is set off by a space (html-text.ts says why).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { documentSource, htmlToText } from '../../src/parse/body.js';
import { parseSubmission } from '../../src/parse/index.js';

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol',
  'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption', 'title',
]);
const SKIP_TAGS = new Set(['script', 'style', 'head', 'noscript']);

/** The renderer before issue 11, verbatim (recursive: fine for real documents, not for hostile ones). */
function parse5Text(html: string): string {
  const $ = cheerio.load(html, { xml: false });
  const out: string[] = [];
  let line = '';
  let lineHasText = false;
  const append = (part: string): void => {
    line += part;
    if (!lineHasText && /\S/.test(part)) lineHasText = true;
  };
  // Inside a cell without a table, lines are recorded as written instead of output (see visitCell).
  let recording: string[] | null = null;
  let flushes = 0;
  const flush = (): void => {
    flushes += 1;
    if (recording) recording.push(line);
    else {
      const trimmed = lineHasText ? line.replace(/[ \u00a0]+/g, ' ').replace(/ ?\t ?/g, '\t').trim() : '';
      if (trimmed) out.push(trimmed);
    }
    line = '';
    lineHasText = false;
  };
  const visitCell = (el: Element, inPre: boolean): void => {
    if (lineHasText) line += '\t';
    if (recording || $(el).find('table').length > 0) {
      for (const child of el.children ?? []) visit(child, inPre);
      line += ' ';
      return;
    }
    const outerLine = line;
    const outerHasText = lineHasText;
    line = '';
    lineHasText = false;
    const lines: string[] = [];
    recording = lines;
    for (const child of el.children ?? []) visit(child, inPre);
    line += ' ';
    recording = null;
    const cellLine = line;
    const textLines = lines.filter((l) => /\S/.test(l)).length + (lineHasText ? 1 : 0);
    line = outerLine;
    lineHasText = outerHasText;
    if (textLines <= 1) {
      for (const l of lines) append(`${l} `);
      append(cellLine);
      return;
    }
    for (const l of lines) {
      append(l);
      flush();
    }
    append(cellLine);
  };
  const visit = (node: AnyNode, inPre: boolean): void => {
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      if (inPre) {
        data.split(/\r\n|\r|\n/).forEach((part, i) => {
          if (i > 0) flush();
          append(part);
        });
      } else append(data.replace(/[\s]+/g, ' '));
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style') return;
    const el = node as Element;
    const name = node.type === 'root' ? '' : el.name.toLowerCase();
    if (SKIP_TAGS.has(name)) return;
    if (name === 'br') {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) flush();
    if (name === 'td' || name === 'th') {
      visitCell(el, inPre);
      return;
    }
    const markAt = line.length;
    const markFlushes = flushes;
    for (const child of el.children ?? []) visit(child, inPre || name === 'pre');
    if ((name === 'sup' || name === 'sub') && flushes === markFlushes && markAt > 0) {
      const text = line.slice(markAt);
      const before = line[markAt - 1]!;
      if (/^\S/.test(text) && !/\s/.test(before) && !(/\d/.test(before) && /^(?:st|nd|rd|th)$/i.test(text.trim()))) {
        line = `${line.slice(0, markAt)} ${text}`;
      }
    }
    if (block) flush();
  };
  visit($.root()[0] as unknown as AnyNode, false);
  flush();
  return out.join('\n');
}

function htmlDocuments(): { name: string; html: string }[] {
  const out: { name: string; html: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(txt|nc|htm|html)$/i.test(entry.name)) {
        try {
          const sub = parseSubmission(readFileSync(path), { sourceName: path });
          sub.documents.forEach((d) => {
            if (d.bodyFormat === 'html') out.push({ name: `${path}#${d.sequence}`, html: documentSource(sub, d) });
          });
        } catch {
          // Not a submission (a typed error is the parse tests' business).
        }
      }
    }
  };
  walk('test/fixtures');
  return out;
}

describe('htmlToText', () => {
  const docs = htmlDocuments();

  it('finds the HTML fixtures', () => {
    expect(docs.length).toBeGreaterThan(30);
  });

  it('gives the same text as the parse5 renderer on every HTML document of the fixtures', () => {
    const differing = docs.filter((d) => htmlToText(d.html) !== parse5Text(d.html)).map((d) => d.name);
    expect(differing).toEqual([]);
  });

  it('gives the same text as the parse5 renderer on damaged markup: misnested, unclosed, stray and fostered tags', () => {
    const cases = [
      '<p>a<div>b</p>c</div>d',
      '<span><div>text</span>more</div>',
      '<table><tr><td>a</td></tr><div>x</div><tr><td>b</td></tr></table>after',
      'lead<table>x<tr><td>a<td>b<tr><td>c</table>tail',
      '<ul><li>one<li>two</ul><dl><dt>t<dd>d</dl>',
      '<table><tr><td><table><tr><td>in</td></tr></table>out</td></tr></table>',
      '<b><p>bold</b> plain</p>',
      '<head><title>t</title><p>body in head</p></head>text',
      '</p>x</br>y',
      '<pre>\nline 1\n  line 2\n</pre>',
      '<table><caption>cap</caption><thead><tr><th>h1<th>h2</thead><tbody><tr><td>1<td>2</tbody></table>',
      '<table><tr><td><p>May 6, 2010</p></td><td><div>1,250</div></td><td>$<p>16.28</p></td></tr></table>',
      '<table><tr><td>7</td><td><div>SOLE</div><div>1,000</div></td><td><p>x</p><table><tr><td>in</td></tr></table></td></tr></table>',
      '<table><tr><td>a<br></td><td><br>b</td><td><p>c<br>d</p></td></tr></table>',
      '<p>$22.00<sup>1</sup> and 1,000<sub>(2)</sub>, the 1<sup>st</sup> and 3<SUP>rd</SUP>, Smith<sup>*</sup> <sup>2</sup>x</p>',
    ];
    for (const html of cases) expect(htmlToText(html), html).toBe(parse5Text(html));
  });
});
