/**
 * How a filing writes a stated zero where a share count or a power belongs: `0`, `-0-` (and its PEM-escaped
 * `- - 0 -`, `--0--`), a bare `-` or dash run, `None`, `None.`, `Nil`, `Zero`. One vocabulary for every reader of a
 * count — the cover pages' rows, Item 4/5 label lines and XML elements — so a form that states zero one way is read
 * as zero wherever it stands.
 *
 * Handles: the zero forms above, whole or at the start of a value.
 * Does not handle: where a zero is a count at all (after a label, in a row): the callers decide that.
 */

/** A zero word, for use inside a larger pattern (no anchors; match case-insensitively): "None", "None.", "Nil", "Zero". */
export const ZERO_WORD_SOURCE = String.raw`(?:none|nil|zero)\b\.?`;

/** `-0-`, `- 0 -`, `- - 0 - -`, `--0--` (PEM dash-escaping doubles the leading dash). */
export const DASH_ZERO_SOURCE = String.raw`(?:-\s*){1,2}0(?:\s*-){1,2}`;

/** A lone dash or dash run standing for zero (Lazard 2005, Barclays 2009); the caller bounds what may follow it. */
export const BARE_DASH_SOURCE = String.raw`[-\u2013\u2014]{1,3}`;

const WHOLE_ZERO = new RegExp(String.raw`^(?:0+(?:\.0+)?|${DASH_ZERO_SOURCE}|${BARE_DASH_SOURCE}|${ZERO_WORD_SOURCE})$`, 'i');

/** Is the whole of `text` (trimmed) a stated zero: "0", "0.00", "-0-", "-", "None.", "Nil"? */
export function isStatedZero(text: string): boolean {
  return WHOLE_ZERO.test(text.trim());
}
