/**
 * The phrases that may stand between a name and its defining parenthesis (an instrument's maturity, a jurisdiction
 * appositive, a page break, a par value), as a named rule table that meaning.ts strips before it delimits the name.
 * Does not handle: where the name itself starts (noun-phrase.ts).
 * The loose date shapes here (`due 2008`, `dated June 5, 2003 and July 1, 2003`) are not the shared lexicon's dates:
 * a post-modifier only has to be recognised, never read, and the lexicon's forms differ from these.
 */

const DATE_TEXT = String.raw`(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4})`;
const DATES_TEXT = String.raw`${DATE_TEXT}(?:,?\s+(?:and|or)\s+${DATE_TEXT})*`;
/**
 * `organized under the laws of the State of Delaware`, `incorporated in the Province of British Columbia, Canada`,
 * `regulated by the Guernsey Financial Services Commission`: capitalised place (or regulator) words.
 */
const PLACE_WORD = String.raw`(?:[A-Z][\w.'\u2019-]*|of|the|province|state|commonwealth|republic|kingdom|territory)`;
const JURISDICTION = String.raw`(?:(?:regulated|authori[sz]ed|licensed|supervised)\s+by\s+the\s+${PLACE_WORD}(?:\s+${PLACE_WORD}){0,8}|(?:duly\s+)?(?:organized|organised|incorporated|formed|existing|established|registered|constituted)(?:\s+and\s+existing)?\s+(?:under\s+the\s+laws\s+of|in)\s+${PLACE_WORD}(?:,?\s+${PLACE_WORD}){0,10})(?:\s+(?:that|which)\s+[^,()"\u201c\u201d]{1,100})?`;
/** A page break between a name and its parenthesis: `<PAGE>` and page-number lines (`4 of 9`, `Page 4`, `- 4 -`). */
const PAGE_LINE = String.raw`(?:<PAGE>|(?:Page[ \t]+)?\d{1,3}[ \t]+of[ \t]+\d{1,3}|Page[ \t]+\d{1,3}|-[ \t]*\d{1,3}[ \t]*-)`;
/** A phrase that may follow a name before its defining parenthesis: stripped before the name is delimited. */
export interface PostModifier {
  re: RegExp;
  /** Whether it stays in the meaning (an instrument's maturity does; an appositive or a `subject to` clause does not). */
  keep: boolean;
  /** The phrase says the name before it is a party's (`, a Delaware corporation`). */
  party?: boolean;
  /**
   * Words one of which the lower-cased text must contain for `re` to match. meaningBefore tries every modifier on a
   * 600-character window up to eight times per parenthesis, and an end-anchored regex is tried at every position of
   * the window, so a cheap `includes` first skips most of them. Each list must hold for every way `re` can match.
   */
  needs: string[];
  /**
   * What the text must end with, once its trailing blanks and commas are taken off and the rest is lower-cased, for
   * `re` to match: tried on the last ENDING_TAIL characters. Like `needs`, a cheap test that must hold for every way
   * `re` can match (each of these modifiers ends with its last word, then at most blanks and a comma); absent where a
   * modifier may end with any word.
   */
  endsLike?: RegExp;
}

/** How many characters of the text's end `endsLike` sees (more than every ending it looks for). */
const ENDING_TAIL = 24;

/** The lower-cased last ENDING_TAIL characters of `s` before its trailing blanks and commas (what `endsLike` tests). */
export function endingOf(s: string): string {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    // A space, comma or newline; else white space by `\s` (tabs, no-break and other Unicode spaces).
    if (c === 32 || c === 44 || c === 10 || ((c < 32 || c > 127) && /\s/.test(s[end - 1]!))) end -= 1;
    else break;
  }
  return s.slice(Math.max(0, end - ENDING_TAIL), end).toLowerCase();
}

/** Tried in order: the first whose pattern matches at the end of the text (not at its very start) is stripped. */
export const POST_MODIFIERS: PostModifier[] = [
  // Each line is blanks, or blanks and one furniture item: no two ways to read the same blanks (no backtracking).
  { re: new RegExp(String.raw`\n(?:[ \t]*(?:${PAGE_LINE}[ \t]*)?\n)*[ \t]*${PAGE_LINE}$`), keep: false, needs: ['\n'], endsLike: /[>\d-]$/ },
  {
    // The jurisdiction clause is matched word by word (`… of Delaware, and Bar Corp.` is not one) so that a
    // following name is never swallowed.
    re: new RegExp(
      String.raw`,?\s+(?:a|an)\s+(?:[A-Za-z.'\u2019-]+\s+){0,5}?(?:corporation|limited partnership|general partnership|partnership|limited liability company|company|business trust|statutory trust|trust|bank|banking association|banking corporation|association|exempted company|company limited by shares|societe anonyme|limited)(?:\s+${JURISDICTION})?(?:\s+and\s+(?:a\s+)?(?:[a-z][a-z-]*\s+){0,3}subsidiary(?:\s+of\s+(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,5})?)?\s*,?\s*$`,
      'i',
    ),
    keep: false,
    party: true,
    needs: ['corporation', 'partnership', 'company', 'trust', 'bank', 'association', 'societe anonyme', 'limited'],
  },
  {
    // An appositive saying what a named party does: `Carl Marks Management Company, L.P., a registered investment
    // adviser ("CMMC")`. Lower-case words ending in an agent noun; the name before it is the meaning.
    re: /,\s+(?:a|an)\s+(?:[a-z][a-z-]*\s+){0,4}?(?:adviser|advisor|manager|broker-dealer|broker|dealer|holding company|investment company|general partner)\s*,?\s*$/,
    keep: false,
    party: true,
    needs: ['adviser', 'advisor', 'manager', 'broker', 'dealer', 'holding company', 'investment company', 'general partner'],
    endsLike: /(?:adviser|advisor|manager|broker|dealer|company|partner)$/,
  },
  // The role a person reports in: `Richard C. Perry, in his capacities as the President and sole stockholder of Perry
  // Corp. ("Mr. Perry")` defines the person, not the company named last (0001011438-12-000315).
  { re: /,\s+in\s+(?:his|her|its|their)\s+capacit(?:y|ies)\s+as\s+[^()"\u201c\u201d;]{1,160}$/i, keep: false, party: true, needs: ['capacit'] },
  { re: /,\s+subject to [^,()"\u201c\u201d]{1,80}$/i, keep: false, needs: ['subject to'] },
  { re: /,?\s+(?:with|having) (?:its )?(?:principal|registered) (?:executive )?(?:offices?|place of business) (?:located )?(?:at|in) [^()"\u201c\u201d]{1,160}$/i, keep: false, needs: ['principal', 'registered'] },
  { re: /,?\s+in\s+the\s+(?:aggregate\s+|original\s+)?principal\s+amount\s+of\s+\$\s?[\d,]*\.?\d+(?:\s+(?:million|billion))?\s*,?\s*$/i, keep: true, needs: ['principal'], endsLike: /(?:\d|million|billion)$/ },
  { re: new RegExp(String.raw`,?\s+due\s+(?:on\s+)?${DATE_TEXT}\s*,?\s*$`), keep: true, needs: ['due'], endsLike: /\d$/ },
  { re: new RegExp(String.raw`,?\s+dated\s+(?:as\s+of\s+)?${DATES_TEXT}\s*,?\s*$`), keep: true, needs: ['dated'], endsLike: /\d$/ },
  { re: /,\s+respectively\s*,?\s*$/i, keep: true, needs: ['respectively'], endsLike: /respectively$/ },
  { re: new RegExp(String.raw`,?\s+(?:each\s+)?as (?:so )?amended(?:\s+and restated)?(?:\s+(?:effective\s+)?(?:as of|through)\s+${DATE_TEXT}|\s+to date|\s+from time to time)?\s*,?\s*$`, 'i'), keep: true, needs: ['amended'], endsLike: /(?:amended|restated|\d|to date|time)$/ },
  { re: /\s+(?:substantially\s+)?in accordance with the terms (?:set forth|described) (?:on|in) (?:Exhibit|Schedule|Annex|Appendix) [\w.-]+(?:\s+(?:attached\s+)?hereto)?\s*,?\s*$/i, keep: true, needs: ['in accordance with the terms'], endsLike: /[\w.-]$/ },
  { re: /,?\s+(?:\$\s?[\d.]+|\d+ cents?|no)\s+par value(?: per share)?\s*,?\s*$/i, keep: true, needs: ['par value'], endsLike: /(?:par value|per share)$/ },
  { re: /,?\s+(?:which|that) (?:is|are|will be|shall be|was|were|may be) (?:not )?[^,()"\u201c\u201d]{1,80}$/, keep: true, needs: ['which', 'that'] },
  { re: /\s*\([^()"\u201c\u201d]{1,200}\)\s*,?\s*$/, keep: false, needs: [')'], endsLike: /\)$/ },
  { re: /,?\s+par value \$\s?[\d.]+(?: per share)?\s*,?\s*$/i, keep: true, needs: ['par value'], endsLike: /(?:[\d.]|per share)$/ },
];
