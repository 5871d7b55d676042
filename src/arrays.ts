/**
 * Array helpers safe for input-sized arrays. `target.push(...items)` passes every item as an argument, and V8 throws
 * RangeError past ~100,000 arguments: 160,000 "Exhibit 99.1" mentions, or a submissions page of 200,000 rows, ended
 * a whole batch that way.
 */

/** Append `items` to `target` (in place) and return `target`. */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i += 1) target.push(items[i]!);
  return target;
}
