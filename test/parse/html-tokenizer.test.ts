/**
 * SkippingTokenizer (src/parse/html-tokenizer.ts) jumps over runs of text and quoted attribute values that the stock
 * htmlparser2 tokenizer steps through: every callback, with its offsets, must be the stock tokenizer's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { SkippingTokenizer } from '../../src/parse/html-tokenizer.js';

type Callbacks = ConstructorParameters<typeof Tokenizer>[1];

/** Every callback the tokenizer makes, with its arguments, in order. */
function callsOf(Kind: typeof Tokenizer, html: string, chunks = 1): string[] {
  const calls: string[] = [];
  const record = new Proxy({} as Callbacks, {
    get: (_target, name) => (...args: unknown[]) => calls.push(`${String(name)}(${args.join(',')})`),
  });
  const tokenizer = new Kind({ xmlMode: false, decodeEntities: true }, record);
  const size = Math.max(1, Math.ceil(html.length / chunks));
  for (let at = 0; at < html.length; at += size) tokenizer.write(html.slice(at, at + size));
  tokenizer.end();
  return calls;
}

const fixtures = join(import.meta.dirname, '..', 'fixtures');

function htmlFiles(): string[] {
  const out: string[] = [];
  for (const dir of readdirSync(fixtures, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(join(fixtures, dir.name))) {
      const path = join(fixtures, dir.name, f);
      if (!/\.(?:txt|htm|html)$/i.test(f)) continue;
      if (/<html|<table|<p[\s>]/i.test(readFileSync(path, 'latin1').slice(0, 200_000))) out.push(path);
    }
  }
  return out;
}

describe('SkippingTokenizer', () => {
  it('makes the stock tokenizer\'s calls on entities, quotes and unfinished markup', () => {
    const cases = [
      'plain text only',
      'a &amp; b &amp c &#38; d &#x26; e &nbsp;f &notin; g &notit; h & i &; j',
      '<p class="x &amp; y" title=\'it&apos;s "q"\' data-a=b&amp;c>T&eacute;xt</p>',
      '<div style="font-family: Times New Roman; margin: 0pt">1,000 &lt;2&gt;</div><br/>tail',
      '<td>unterminated "quote <b>bold</b>',
      '<p title="never closed>text &amp; more',
      '<script>if (a < b && c) { x = "&amp;" }</script><style>p{}</style><title>A &amp; B</title><textarea>x &lt; y</textarea>',
      '<!-- a comment with "quotes" & ampersands --><![CDATA[ x ]]><!DOCTYPE html><?pi x?>',
      'ends with an entity &amp',
      'ends in a tag <p',
      "<a href='x'>'single' \"double\"</a> &",
      '&',
      '',
    ];
    for (const html of cases) {
      expect(callsOf(SkippingTokenizer, html), html).toEqual(callsOf(Tokenizer, html));
      expect(callsOf(SkippingTokenizer, html, 3), `${html} (in three writes)`).toEqual(callsOf(Tokenizer, html, 3));
    }
  });

  it('makes the stock tokenizer\'s calls on the HTML of real filings', () => {
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(20);
    for (const path of files) {
      const html = readFileSync(path, 'latin1');
      expect(callsOf(SkippingTokenizer, html), path).toEqual(callsOf(Tokenizer, html));
    }
  });
});
