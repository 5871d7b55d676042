/**
 * Dollar amounts as filings print them, read into a number of US dollars. The one money reader of the item prose and
 * the exhibits.
 *
 * Handles: `$302,000.00`, `$ 302,000`, `$.7924` (sub-cent prices keep every printed digit), `$2 million`,
 * `$1.5 billion`, `$500 thousand`, `$3 millions`, `U.S.$25.0 million`, `US$ 5`.
 * Does not handle: amounts in words ("two million dollars"), other currencies, amounts without a dollar sign (a
 * share count with one, `$42,478 shares`, is a typo the prose reader reports), `$2 Million` in capitals.
 * An amount that cannot be read is null; the caller stores null and warns.
 */

export interface FoundMoney {
  /** Dollars. */
  value: number;
  /** Offsets in the text given (end exclusive), trailing punctuation excluded. */
  start: number;
  end: number;
  /** The number as printed (`302,000.00`). */
  digits: string;
  /** The scale word printed after the number, if any. */
  scale: MoneyScale | null;
}

export type MoneyScale = 'thousand' | 'million' | 'billion';
const SCALE: Record<MoneyScale, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** A dollar amount as a regex source without captures (the digits may be missing: `parseMoney` then gives null). */
export const MONEY_SOURCE = String.raw`(?:\bU\.?S\.?\s?)?\$\s?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:\s+(?:thousand|million|billion)s?\b)?`;

const MONEY_PARTS = /(?:\bU\.?S\.?\s?)?\$\s?((?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?)(?:\s+(thousand|million|billion)s?\b)?/;

/**
 * The first amount in `text` in dollars, or null when there is none. Rounded to the printed precision, so the scale
 * adds no float noise (`$2.3 million` → 2300000, not 2299999.9999999995).
 */
export function parseMoney(text: string): number | null {
  const m = MONEY_PARTS.exec(text);
  return m ? moneyValue(m[1]!, m[2] as MoneyScale | undefined) : null;
}

function moneyValue(digits: string, scale: MoneyScale | undefined): number | null {
  if (!/\d/.test(digits)) return null;
  const n = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  const decimals = /\.(\d+)$/.exec(digits)?.[1]?.length ?? 0;
  const factor = scale ? SCALE[scale] : 1;
  const places = Math.max(0, decimals - Math.log10(factor));
  return Number((n * factor).toFixed(places));
}

/** Every amount in `text[from, to)`, in order, with offsets in `text`. */
export function findMoney(text: string, from = 0, to = text.length): FoundMoney[] {
  const out: FoundMoney[] = [];
  const re = new RegExp(MONEY_PARTS.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (m.index + m[0].length > to) break;
    const value = moneyValue(m[1]!, m[2] as MoneyScale | undefined);
    if (value === null) continue;
    out.push({ value, start: m.index, end: m.index + m[0].length, digits: m[1]!, scale: (m[2] as MoneyScale | undefined) ?? null });
  }
  return out;
}
