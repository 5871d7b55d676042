/**
 * More paraphrases of holdings for bench/paraphrase-robustness.ts (its PARAPHRASES list takes these after its own):
 * ownership, power and percent wordings that real filings print for the same statement, each citing in `seenIn` an
 * unreserved corpus filing that prints the target wording. Kept apart so the bench's own file stays a readable size.
 */
import type { Paraphrase } from './paraphrase-robustness.js';

/** Replace every match of `pattern` (global) with `to` (a replacement string or function). */
const swap =
  (...pairs: [RegExp, string | ((match: string, ...groups: string[]) => string)][]) =>
  (text: string): string =>
    pairs.reduce((t, [pattern, to]) => t.replace(pattern, to as string), text);

/**
 * Not a form's label: no enumerator right before ("(i) Sole power to vote …", "iv) shared power …", tags and spaces
 * between) and not opening its line or element ("Sole power to dispose …" alone on its line). For paraphrases of
 * prose wordings that the form's labels never use.
 */
export const PROSE_ONLY = String.raw`(?<!(?:^|[\s(>])(?:[a-h]|[ivx]{1,4}|\d)\s*\)\.?(?:\s|&nbsp;|&#160;|<[^<>]*>)*)(?<!(?:^|>)(?:[ \t]|&nbsp;|&#160;)*)`;

export const MORE_HOLDING_PARAPHRASES: Paraphrase[] = [
  {
    name: 'percent-constituting',
    says: '"N shares, representing (approximately) P%" / "N shares, or (approximately) P%" → "N shares, constituting (approximately) P%"',
    seenIn: '0000921895-15-002195 ("An aggregate of 5,715,813 Shares, constituting approximately 10.5% of the Shares outstanding"), 0000902664-96-000076 ("the 698,700 shares of PRIDES held by D.E. Shaw, constituting 12.2% of the outstanding shares")',
    rewrite: swap([/,?\s+(?:representing|or)\s+(approximately\s+)?(?=\d[\d.]*\s?%)/g, ', constituting $1']),
  },
  {
    name: 'deemed-the-owner',
    says: '"may be deemed to be the beneficial owner(s) of N" / "may be deemed to beneficially own N" → "may be deemed the beneficial owner(s) of N"',
    seenIn: '0000902664-15-004619 ("LionEye Advisors … may be deemed the beneficial owner of the 71,268 Shares beneficially owned by LionEye Onshore"), 0000921895-15-002195 ("Vertex GP … may be deemed the beneficial owner of the 2,081,499 shares")',
    rewrite: swap(
      [/\bmay\s+be\s+deemed\s+to\s+be\s+the\s+beneficial\s+(owners?)\s+of\b/g, 'may be deemed the beneficial $1 of'],
      // Only before its count: "may be deemed to beneficially own and to share …" has no "of" to take.
      [/\bmay\s+be\s+deemed\s+to\s+beneficially\s+own(?=[\s:,]+(?:in\s+the\s+aggregate,?\s+|an\s+aggregate\s+of\s+|a\s+total\s+of\s+|the\s+)?\d)/g, 'may be deemed the beneficial owner of'],
    ),
  },
  {
    name: 'direct-the-voting',
    says: '"power to vote or (to) direct the vote of N" → "power to vote or to direct the voting of N" (prose, not the form\'s labels)',
    seenIn: '0000315066-94-001425 ("sole dispositive power over 172,387 Shares and sole power to vote or to direct the voting of 161,387 Shares")',
    // Prose only: the form's labels ("(i) Sole power to vote or to direct the vote of:") keep the form's words.
    rewrite: swap([new RegExp(String.raw`${PROSE_ONLY}\b((?:sole\s+|shared\s+|(?<!(?:sole|shared)\s+))power\s+to\s+vote\s+or\s+)(?:to\s+)?direct\s+the\s+vote\s+of\b`, 'gim'), '$1to direct the voting of']),
  },
  {
    name: 'own-beneficially',
    says: '"X beneficially own(ed) N" → "X own(ed) beneficially N" (plural and past; "owns" is owns-beneficially)',
    seenIn: '0001341004-09-002025 ("Special Situations Fund and Strategic Value Master Fund owned beneficially 5,121,462 and 15,876,705 shares of Common Stock, respectively")',
    rewrite: swap([/\bbeneficially\s+(own|owned)\s+(?=(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?\d)/g, '$1 beneficially ']),
  },
];
