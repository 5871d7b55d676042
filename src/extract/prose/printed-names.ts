/**
 * Holders the filing names without defining them: a proper name printed before or after a count ("held by Fidelity
 * Ventures Associates Limited"), the accounts a count is held in, and a printed name matched to the party the filing
 * knows it as (a middle initial for a middle name, a letter misspelt). Apart from position-holders.ts because these
 * read the printed words alone, whatever the sentence's grammar; position-holders.ts decides when to use them.
 * Does not handle: defined terms and cover names as such (parties.ts).
 */
import type { Party } from './parties.js';
import type { ProseContext } from './types.js';

const NAME_CAP = "[A-Z][\\w.&'\u2019-]*";

// Connectors only between capitalised words: a name never ends in "and" or "of".
const NAME_RUN = new RegExp(`${NAME_CAP}(?:\\s+(?:(?:of|and|&|de|du|von|van|for)\\s+)*${NAME_CAP}){0,8}(?:,?\\s+(?:Inc\\.?|L\\.?P\\.?|LLC|L\\.L\\.C\\.|Ltd\\.?|Limited|N\\.A\\.|Corp\\.?|Co\\.))?`);

const NOT_NAME = /^(?:The|Common|Preferred|Series|Class|Shares?|Stock|Percentage|Percent|Number|Aggregate|Amount|Total|Item|Items|Schedule|Each|Such|Neither|None|Except|As|Of|And|In|On|By|Reporting|Issuer|Company)$/;

/**
 * A proper name the filing does not define, printed right after `at` ("held by Fidelity Ventures Associates
 * Limited") or right before it ("Fidelity Ventures Associates, Inc. has …"): kept as printed, with the words of a
 * group term ("the Fidelity Funds", "the Accounts") as the holder's name.
 */
export function printedName(raw: string, at: number, side: 'before' | 'after'): Party[] {
  let name: string | null;
  if (side === 'after') {
    const m = new RegExp(`^(?:the\\s+)?(${NAME_RUN.source}(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+)(?:the\\s+)?${NAME_RUN.source})*)`).exec(raw.slice(at, at + 240));
    name = m ? m[1]!.replace(/\s+/g, ' ') : null;
  } else {
    const window = raw.slice(Math.max(0, at - 120), at);
    const m = new RegExp(`(${NAME_RUN.source})\\s*,?\\s*$`).exec(window);
    name = m ? m[1]! : null;
    if (m && /[A-Za-z]/.test(window.slice(0, m.index).replace(/^[\s\S]*[.;:(]\s*/, '').replace(/^\s*(?:\([a-z0-9]{1,4}\)\s*)?/, '').replace(/\b(?:the|and|each\s+of)\s*$/i, '').trim())) name = null;
  }
  if (!name) return [];
  // A word wrapped at its hyphen ("Mitsui-\nJapan") is one word.
  name = name.replace(/-\s+/g, '-').replace(/^(?:The|and|of)\s+/, '').replace(/\s+(?:and|of|&)$/, '').replace(/,$/, '').trim();
  // A sentence's full stop is not part of the name; the period of "Inc." or "L.P." is.
  if (/\.$/.test(name) && !/\b(?:Inc|Corp|Co|Ltd|Jr|Sr|L\.P|N\.A|S\.A|L\.L\.C|P\.C)\.$/.test(name)) name = name.slice(0, -1);
  const words = name.split(/\s+/);
  if (NOT_NAME.test(words[0]!) || words.some((w) => /^(?:Shares?|Stock|Common|Preferred|Item|Schedule)$/.test(w))) return [];
  // One word only as a plural group term ("the Accounts").
  if (words.length < 2 && !/^[A-Z][a-z]+s$/.test(name)) return [];
  return [{ name, coverOrdinal: null, group: words.length < 2, members: [] }];
}

/**
 * Accounts a count is "held in", named by the printed words when no proper name does: "customer accounts over which
 * partners … have discretionary authority" → "customer accounts", "accounts owned by the partners of the Reporting
 * Person and their families", and "the account of the profit-sharing plan of the Reporting Person (“the Profit-Sharing
 * Plan”)" → its defined term. The phrase ends at a comma, a relative clause or a parenthesis; at most three words
 * before "account(s)", so an unrelated noun phrase ("escrow", "the name of X") is no holder.
 */
export function accountsPhrase(raw: string, at: number): Party[] {
  const m = /^(?:the\s+)?((?:[A-Za-z][\w'\u2019-]*\s+){0,3}?accounts?\b[^,;.()\u201c\u201d"]{0,120}?)(?=\s*(?:[,;.(]|$)|\s+(?:over|which|that|who|whose|where|for\s+which|in\s+which)\b)/i.exec(raw.slice(at, at + 200));
  if (!m || /^(?:an?|its|his|her|their|such|each|one|any)\b/i.test(m[1]!)) return [];
  const defined = /^\s*\(\s*[\u201c"]?(?:the\s+)?([A-Z][^\u201c\u201d"()]{1,60}?)[\u201d"]\s*\)/i.exec(raw.slice(at + m[0].length, at + m[0].length + 80));
  const name = (defined ? defined[1]! : m[1]!).replace(/\s+/g, ' ').trim();
  return [{ name, coverOrdinal: null, group: !defined, members: [] }];
}

/**
 * A printed name as the party the filing knows it as: a defined term or cover name ("Goldman Sachs"), or a cover
 * person printed with a middle initial for a middle name ("Mark J. Benun" for Mark Jack Benun).
 */
export function knownAs(p: Party, ctx: ProseContext): Party {
  const resolved = ctx.parties.resolve(p.name);
  if (resolved) return resolved;
  const words = (n: string): string[] => n.replace(/[.,]/g, ' ').split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());
  const a = words(p.name);
  const hits = ctx.coverParties.filter((c) => {
    const b = words(c.name);
    return a.length === 3 && b.length === 3 && a[0] === b[0] && a[2] === b[2] && a[1]!.length === 1 && b[1]!.startsWith(a[1]!);
  });
  if (hits.length === 1) return hits[0]!;
  // A party's name misspelt by a letter where it is printed ("Fidelity Ventures Associates Limited" for the defined
  // "Fidelity Venture Associates Limited", 0000315066-94-001425).
  return sameWordsOneLetterOff(p.name, ctx.parties.namedParties()) ?? p;
}

/** The one party whose name has the same words as `name`, each equal or (five letters or more) one letter off. */
function sameWordsOneLetterOff(name: string, parties: readonly Party[]): Party | null {
  const words = (n: string): string[] => n.toLowerCase().replace(/[.,]/g, ' ').split(/\s+/).filter(Boolean);
  const a = words(name);
  const hits = parties.filter((p) => {
    const b = words(p.name);
    return b.length === a.length && b.every((w, i) => w === a[i] || (w.length >= 5 && oneEditApart(w, a[i]!)));
  });
  return hits.length === 1 ? hits[0]! : null;
}

/** "Majorie G Fitzgerald" for the cover's "Marjorie G. Fitzgerald": same words, one letter off at most per word. */
export function fuzzyCover(name: string, ctx: ProseContext): Party | null {
  return sameWordsOneLetterOff(name, ctx.coverParties);
}

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}
