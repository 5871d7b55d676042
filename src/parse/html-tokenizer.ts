/**
 * htmlparser2's tokenizer, made to skip through text and quoted attribute values instead of stepping through them.
 *
 * With entities decoded, the tokenizer runs its state machine once per character of text and of attribute values,
 * although in those states every character but `<` (text), the closing quote (values) and `&` (both) does nothing.
 * Filings' HTML is mostly such runs (a `style="…"` on every element, long paragraphs), and that stepping was a third of
 * the time of HTML → text. Here those three states jump to the next character that can do something, found with
 * `indexOf` and remembered until passed, and hand that character to the tokenizer's own state as before; so the
 * callbacks, their offsets and the decoded entities are the ones the stock tokenizer gives (test: html-tokenizer.test.ts).
 *
 * This reaches into the tokenizer's private fields (`buffer`, `index`, `offset`) and states, as htmlparser2 10.1.0 has
 * them: package.json pins that version exactly, and the test compares with the stock tokenizer on real filings.
 * Does not handle: anything else of the tokenizer (other states run as they are).
 */
import { Tokenizer } from 'htmlparser2';

/** The fields and states of htmlparser2 10.1.0's Tokenizer this file uses (private in its typings). */
interface TokenizerInternals {
  buffer: string;
  index: number;
  offset: number;
}

type StateStep = (this: TokenizerInternals, c: number) => void;

const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

const stock = Tokenizer.prototype as unknown as Record<'stateText' | 'stateInAttributeValueDoubleQuotes' | 'stateInAttributeValueSingleQuotes', StateStep>;
const stockText = stock.stateText;
const stockDoubleQuoted = stock.stateInAttributeValueDoubleQuotes;
const stockSingleQuoted = stock.stateInAttributeValueSingleQuotes;
if (typeof stockText !== 'function' || typeof stockDoubleQuoted !== 'function' || typeof stockSingleQuoted !== 'function') {
  throw new Error('htmlparser2 Tokenizer: the states html-tokenizer.ts skips through are missing (see package.json for the version it needs)');
}

export class SkippingTokenizer extends Tokenizer {
  /** Where the next `<`, `&`, `"` and `'` are at or after the last search (the buffer's length for none). */
  private nextLt = -1;
  private nextAmp = -1;
  private nextDoubleQuote = -1;
  private nextSingleQuote = -1;
  /** The buffer those positions are in (`offset` changes with each write). */
  private searchedOffset = -1;

  /**
   * Move `index` to just before the next `<` (text), `"` or `'` (a value in those quotes), or `&`, whichever comes
   * first (the parse loop then steps onto it), or to the last character when there is none, as the tokenizer's own
   * fast-forward does.
   */
  private skipTo(a: 'lt' | 'dq' | 'sq'): void {
    const self = this as unknown as TokenizerInternals;
    const buffer = self.buffer;
    const from = self.index - self.offset + 1;
    if (this.searchedOffset !== self.offset) {
      this.searchedOffset = self.offset;
      this.nextLt = this.nextAmp = this.nextDoubleQuote = this.nextSingleQuote = -1;
    }
    let first: number;
    if (a === 'lt') {
      if (this.nextLt < from) this.nextLt = found(buffer.indexOf('<', from), buffer);
      first = this.nextLt;
    } else if (a === 'dq') {
      if (this.nextDoubleQuote < from) this.nextDoubleQuote = found(buffer.indexOf('"', from), buffer);
      first = this.nextDoubleQuote;
    } else {
      if (this.nextSingleQuote < from) this.nextSingleQuote = found(buffer.indexOf("'", from), buffer);
      first = this.nextSingleQuote;
    }
    if (this.nextAmp < from) this.nextAmp = found(buffer.indexOf('&', from), buffer);
    if (this.nextAmp < first) first = this.nextAmp;
    self.index = self.offset + first - 1;
  }
}

function found(at: number, buffer: string): number {
  return at < 0 ? buffer.length : at;
}

// The three states, on the subclass's prototype: a character that can do something goes to the stock state, any other
// is the start of a run to skip.
const skipping = SkippingTokenizer.prototype as unknown as Record<string, StateStep> & { skipTo(a: 'lt' | 'dq' | 'sq'): void };
skipping.stateText = function (this: TokenizerInternals, c: number): void {
  if (c === LT || c === AMP) stockText.call(this, c);
  else (this as unknown as typeof skipping).skipTo('lt');
};
skipping.stateInAttributeValueDoubleQuotes = function (this: TokenizerInternals, c: number): void {
  if (c === DOUBLE_QUOTE || c === AMP) stockDoubleQuoted.call(this, c);
  else (this as unknown as typeof skipping).skipTo('dq');
};
skipping.stateInAttributeValueSingleQuotes = function (this: TokenizerInternals, c: number): void {
  if (c === SINGLE_QUOTE || c === AMP) stockSingleQuoted.call(this, c);
  else (this as unknown as typeof skipping).skipTo('sq');
};
