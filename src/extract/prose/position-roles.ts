/**
 * The role of a holdings row that holds.ts's pattern readers made (positions.ts gives its own rows their roles as it
 * reads them): shares under an option or warrant, a group's total, an "of which" part, a direct or record holding, the
 * first part of a breakdown, else beneficial ownership.
 * Does not decide holders (position-holders.ts) or read powers (positions.ts).
 */
import { PAR_VALUE_SOURCE } from './clauses.js';
import type { HoldingRole, HoldingRow, ProseSentence } from './types.js';

/** A count held (directly, of record) by its agent: "96,539 shares of Common Stock(, par value $.10 per share,) held by". */
const HELD_BY_AGENT = new RegExp(
  String.raw`^[\d,]*\s*(?:(?:[A-Z][\w-]*\s+){0,3}(?:shares?|Shares)\b[^,;.()]{0,60}?(?:${PAR_VALUE_SOURCE}[^,;.()]{0,60}?)?)?\s*(?:which\s+(?:are|were)\s+)?(?:directly\s+|of\s+record\s+)?(?:owned|held)\s+(?:directly\s+|of\s+record\s+)?by\b`,
  'i',
);

/**
 * The role of a row another reader made (holdings.ts reads ownership statements): an option or warrant position, a
 * group holder's total, an "of which" part, a direct or record holding, else beneficial ownership.
 */
export function roleOf(s: ProseSentence, row: HoldingRow, shareStart: number, group: boolean): HoldingRole {
  const before = s.raw.slice(Math.max(0, shareStart - 120), shareStart);
  if (row.securityKind === 'option' || row.securityKind === 'warrant') return 'underlying';
  if (group) return 'group_total';
  if (/\bof\s+which\s+(?:\w+\s+){0,2}$/i.test(before)) return 'part_of';
  const agent = HELD_BY_AGENT.exec(s.raw.slice(shareStart, shareStart + 160));
  // (The agent holds them directly; a subject other than the agent owns them through it: "she may be deemed to have
  // indirect beneficial ownership of a total of 9,697,714 owned by the Gebbia Living Trust".)
  const other = agent ? s.mentions.find((m) => m.start >= shareStart + agent[0].length && m.start <= shareStart + agent[0].length + 6) : undefined;
  if (agent && !/\bbeneficially\s+(?:owned|held)\s+by/i.test(s.raw.slice(shareStart, shareStart + 160)) && !(other && other.party.name !== row.holder)) return 'direct';
  if (/\bdirect\s+(?:and\s+beneficial\s+)?owner\b[^.;]{0,40}$|\bdirectly\s+(?:owns?|holds?|held|owned)\b[^.;]{0,40}$|\bof\s+record\b[^.;]{0,40}$|\brecord\s+(?:and\s+beneficial\s+)?owner/i.test(before) || /^\s*(?:shares?|Shares)?[^,;.]{0,40}?(?:owned|held)\s+directly/i.test(s.raw.slice(shareStart, shareStart + 80))) return 'direct';
  // The first part of a position's breakdown (a part held directly says so, above): "349,708 shares …, which include
  // 149,604 shares …".
  if (/\b(?:consisting\s+of|comprised\s+of|comprising|which\s+includes?|including)\s*:?\s*(?:\((?:[ivx]{1,4}|[a-h]|\d)\)\s*)?$/i.test(before)) return 'part_of';
  return 'beneficial';
}
