/**
 * Paraphrase robustness (bench/paraphrase-robustness.ts): the golden set's tuned filings rewritten into other common
 * wordings and layouts must still give the labelled positions. Floors, not targets: the report itself is
 * `npm run accuracy:paraphrase`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLATTENED, measureParaphrases, OPTION_PARAPHRASES, paraphraseFiling, PARAPHRASES, TRADE_PARAPHRASES } from '../../../bench/paraphrase-robustness.js';

const sample = readFileSync('samples/0001125282-03-003998.txt').toString('latin1');
// A plain-text 13D/A of 1996 whose items start at Item 2 (an amendment) and whose cover pages say "shares".
const brt = readFileSync('test/fixtures/sc13/0000712770-96-000005.txt').toString('latin1');
const byName = (name: string) => PARAPHRASES.find((p) => p.name === name)!;

describe('paraphrases', () => {
  it('rewrite the items of the primary document and never its cover pages', () => {
    const out = paraphraseFiling(brt, byName('deemed-owner'));
    expect(out).not.toBeNull();
    const firstItem = brt.search(/^Item 2\./m);
    expect(out!.slice(0, firstItem)).toBe(brt.slice(0, firstItem));
    expect(out!.slice(firstItem)).toContain('Mr. Gould may be deemed to be the beneficial owner of');
  });

  it('lay out a tab-aligned block as <pre>, not a paragraph, but not a paragraph whose enumerator a tab follows (0000315066-17-001861)', () => {
    // Cause: only three spaces made a line aligned, so the cover's "Item 5: \t   \t2,261,276" lines became one <p>
    // and the cover pages were lost with it: the bench measured its own rewrite, not the reader.
    const fmr = readFileSync('test/fixtures/sc13/0000315066-17-001861.txt').toString('latin1');
    expect(paraphraseFiling(fmr, byName('as-html'))).toMatch(/<pre>[^<]*\nItem 1: \t[^<]*\nItem 5: \t/);
    const fmr94 = readFileSync('test/fixtures/sc13/0000315066-94-001425.txt').toString('latin1');
    expect(paraphraseFiling(fmr94, byName('as-html'))).toMatch(/<p>\(a\) FMR beneficially owns/);
  });

  it('leave a filing they do not apply to out of the measure (null)', () => {
    // The founding sample is whitespace-collapsed: no paragraph to re-wrap.
    expect(paraphraseFiling(sample, byName('rewrap-60'))).toBeNull();
    expect(paraphraseFiling('no document here', byName('capital-shares'))).toBeNull();
  });

  it('cost the reader at most a few labelled positions each', () => {
    const results = measureParaphrases('test/fixtures/golden/items', process.cwd());
    expect(results.length).toBe(PARAPHRASES.length);
    for (const r of results) {
      const lost = r.changed.reduce((n, c) => n + c.lost.length, 0);
      // When the bench was written deemed-owner lost 17 of one filing's table and the others 0–7; after the fixes it
      // prompted (one ownership-predicate, label and percent vocabulary; HTML layouts read like the text) none lost any
      // on the 13D tune files. The fifth batch's 13G files lost up to 3 more (as-html: Pioneer's unreadable cover and
      // LaSalle's Item 2 heading run into its answer; label-dash: Lazard's "vote:-" as "vote ---") until Item 2(a)
      // named the persons filing from its heading too, and a dash after "--" was a value. The families added next (capitals,
      // "Item 5:", par values, "which are owned by", record owner, a label answered by a sentence) lost up to 10 until
      // the readers were fixed (wrapped capitals, label fragments, par values, "which are held by"). The wordings added
      // after them (authority to vote, investment power, power to vote and to dispose of, collectively, comprised of,
      // consisting of, "is the holder of", "held in the aggregate by") lost up to 3 (is-holder) until "is the holder of"
      // was an ownership predicate; power-authority and group-held-in-aggregate cost rows the labels do not key on
      // (powers of first-convention files, a role), fixed too. The four of bench/holding-paraphrases.ts ("constituting
      // P%", "may be deemed the beneficial owner of", "direct the voting of", "owned beneficially") lost none when
      // added. None loses any now.
      expect({ paraphrase: r.paraphrase.name, lost }).toEqual({ paraphrase: r.paraphrase.name, lost: 0 });
      expect(r.filings).toBeGreaterThan(0);
    }
  });

  it('cost the transactions reader at most a few labelled trades each', () => {
    const results = measureParaphrases('test/fixtures/golden/items', process.cwd(), TRADE_PARAPHRASES, 'transactions');
    expect(results.length).toBe(TRADE_PARAPHRASES.length);
    for (const r of results) {
      const lost = r.changed.reduce((n, c) => n + c.lost.length, 0);
      // Measured after the fixes the bench prompted: none lost. Before them "15-Mar-24" dates lost 95 trades, "for a
      // weighted average price of" 16, and prices in sixteenths in trade tables ("41 1/2", "4-3/8") 19 each; later "at a
      // price per share of $P" 18 (every price of the sentences it rewrote).
      expect({ paraphrase: r.paraphrase.name, lost: lost <= 2 }).toEqual({ paraphrase: r.paraphrase.name, lost: true });
      expect(r.filings).toBeGreaterThan(0);
    }
  }, 120_000);

  it('cost the options reader no labelled option and add none', () => {
    const results = measureParaphrases('test/fixtures/golden/items', process.cwd(), OPTION_PARAPHRASES, 'options');
    expect(results.length).toBe(OPTION_PARAPHRASES.length);
    for (const r of results) {
      const lost = r.changed.reduce((n, c) => n + c.lost.length, 0);
      const added = r.changed.reduce((n, c) => n + c.gained.filter((k) => k.startsWith('extra ')).length, 0);
      // Measured after the fixes the bench prompted: none lost or added. Before them "N shares of the Common Stock
      // underlying Second Warrants" and "… that Mrs. Bodner has the right to acquire upon exercise of …" lost Bodner's
      // warrant shares, and "the amended 2011 non-qualified stock options to purchase …" added two years as options;
      // later "underlying vested amended 2011 non-qualified stock options" lost a grant (five words before "options").
      expect({ paraphrase: r.paraphrase.name, lost, added }).toEqual({ paraphrase: r.paraphrase.name, lost: 0, added: 0 });
      expect(r.filings).toBeGreaterThan(0);
    }
  }, 60_000);

  it('flatten the whole submission into one line with no tags, and cost no more than when the family was measured', () => {
    const flat = paraphraseFiling(brt, FLATTENED);
    expect(flat).not.toContain('\n');
    expect(flat).not.toMatch(/<[A-Za-z/]/);
    expect(flat).toContain('SC 13D 1 ');
    // Measured when the family was added (holdings, trades, options lost): 246, 191, 3; a form row's count followed
    // by the next row (no line break left between them) brought holdings to 232; trade rows cut back out of the one
    // line a flattened table becomes (flattenedTradeRows) brought trades to 126, and flattened schedules of trades
    // after the items (flattenedScheduleLines) to 88. Of the 232 and 191, 88 positions and 70 trades are in XML-era
    // filings, whose element names (the only labels their values have) flattening removes; the rest are mostly trade
    // tables and tables of holders whose rows run together. Then (issue 10's holder tables and the flattened shapes
    // found beside them), holdings lost: holder tables cut back into their rows (flattenedHolderRows) 178; Vanguard's
    // names ended at "CHECK THE APPROPRIATE [LINE]" 160; a first name opening with a number ("667, L.P.") and a Total
    // row 145; underlined person headings ("… None BOAS ---- (a) …") 138; person columns inside one sentence ("NAM TCIM
    // TAL Sole Voting Power: 209,705 4,368,525 1,270,996 …") 132; "Name: N" pairs under a power label 127; bytes
    // 0x80-0x9F read as windows-1252 (the “&#147;…&#148;” quotes of defined terms) 116; a table ended by "The shares
    // of …" 113; rules across the page ending a form's rows (" 9,101,402 ------ (ii) …") 108; one cover page's
    // enumerated names ("(i) Gerald F. Fitzgerald (ii) …") 104; an I.R.S. number before a cover name 103. Trades: a
    // side or class cell in a flattened row ("12/13/2024 2,809 Purchase 13.4979") 70. The fifth batch of XML-era
    // golden files (five tune files, December 2026) added 39 holdings and 5 options that the reader finds on them
    // (after the fixes made on that batch) and that flattening loses whole, as it loses every XML-era filing's items
    // (their element names are their only structure): holdings 103 -> 142, options 3 -> 8; the other files lose what
    // they lost before. Reading "the Fund" of (the "Fund," and together with …) (0001213900-25-001739, XML-era) found
    // its Item 3 holding, warrant and purchase (2 holdings, 1 option, 1 trade), and the issuer's sales closed later
    // ("agreed to issue and sell … ("Private Placement I") … On July 25, 2024, Private Placement I closed",
    // 0001140361-25-017533, XML-era) 3 trades, all of which flattening loses with the rest of those files: holdings
    // 142 -> 144, options 8 -> 9, trades 70 -> 74. The exhibit that 0001140361-17-047815's Item 5(a) and (b) point at
    // is found by its heading's line ("EXHIBIT A" alone on it), which flattening removes: its 2 holdings found since
    // are lost; 0000038777-98-000161's amount, the group's since a such-person amount only some covers give stays
    // the group's, is now read flattened too (1 fewer lost): 144 -> 145. The flattened-shape fixes of December 2026 (an
    // Item 4 headed by its first label, footnote marks and dashes between form rows, a person block starting inside a
    // sentence, a run-in exhibit heading, run-in stacked headers, 'Name - N' pairs, dashes before a rule, running
    // headers inside a line, table rows kept to the table's holder, page-break numbers): holdings 145 -> 129, options 9
    // -> 7 (the rest nearly all XML-era). A ceiling, so that nothing loses more.
    const lost = (measure: 'holdings' | 'transactions' | 'options') => measureParaphrases('test/fixtures/golden/items', process.cwd(), [FLATTENED], measure)[0]!.changed.reduce((n, c) => n + c.lost.length, 0);
    expect(lost('holdings')).toBeLessThanOrEqual(129);
    expect(lost('transactions')).toBeLessThanOrEqual(74);
    expect(lost('options')).toBeLessThanOrEqual(7);
  }, 120_000);
});
