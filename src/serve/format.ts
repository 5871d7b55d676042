/**
 * How a stored value reads on a page: shares with thousands separators, money with a dollar sign, percents with a
 * percent sign, everything else as stored. The unit comes from the column name, following the schema's naming
 * (docs/schema.md): offsets and ordinals are never given separators.
 */
const PERCENT = /(^|_)percent(_|$)|interest_rate/;
const MONEY = /(^|_)(price|principal|consideration|proceeds|principal_amount)(_|$)|^amount$/;
const SHARES = /(^|_)(shares|power|aggregate_amount|numerator|denominator|shares_outstanding)(_|$)/;

export function formatValue(column: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (PERCENT.test(column)) return `${value}%`;
    if (MONEY.test(column)) return `$${value.toLocaleString('en-US', { maximumFractionDigits: 4 })}`;
    if (SHARES.test(column)) return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `(${value.length} bytes)`;
  return String(value);
}

/** A column heading: snake_case → words. */
export function columnTitle(column: string): string {
  return column.replace(/_/g, ' ');
}
