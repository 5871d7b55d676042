/**
 * A matching key for a person's or company's name: upper case, punctuation removed, `&` → AND, dashes, slashes
 * and odd white space to spaces, runs of spaces collapsed. "Fleming US Discovery Fund III, L.P." and
 * "FLEMING US DISCOVERY FUND III LP" share the key `FLEMING US DISCOVERY FUND III LP`.
 *
 * Stored beside the name (reporting_persons.name_key, schedule13.issuer_name_key, holder_key) rather than computed
 * in the views: done in SQL it takes some thirty nested replace() calls, which overflows the parser stack of common
 * sqlite3 shells (3.40) and makes the whole database unreadable there.
 */
const REMOVED = /[.,'"();:!?*`’‘“”]/g;
const SPACED = /[-/_\t\n\r\u00a0]/g;

export function nameKey(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  const key = name
    .toUpperCase()
    .replace(REMOVED, '')
    .replace(/&/g, ' AND ')
    .replace(SPACED, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return key;
}
