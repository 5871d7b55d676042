/**
 * The operative verbs of waivers, consents and amendments, as named rule tables: the exhibit classifier and the
 * readers of waivers and amendments use the same ones, so a document classed as a waiver by its verb is read by that
 * verb too.
 *
 * Handles: active waivers (`hereby waives`, `agrees to waive`, `has waived`, `waives its rights`), passive ones
 * (`is hereby waived`), consents (`hereby consents to`, `consents to the`, `hereby agrees … to the following
 * amendments`), and what an amendment does to a provision (`is hereby amended and restated`, `deleted in its entirety
 * and replaced`, `is added`).
 * Does not handle: negated or conditional verbs (`shall not be deemed to waive`): readers weigh the sentence around.
 */

export interface VerbRule {
  name: string;
  pattern: RegExp;
}

export interface WaiveRule extends VerbRule {
  /** Active: the waiving party is the subject and the thing waived follows. Passive: the thing waived comes first. */
  voice: 'active' | 'passive';
}

export const WAIVE_RULES: readonly WaiveRule[] = [
  { name: 'agrees to waive', voice: 'active', pattern: /\b(?:(?:has|have)\s+)?(?:hereby\s+)?agree[sd]?\s+to\s+waive\b/i },
  { name: 'hereby waives', voice: 'active', pattern: /\bhereby\s+(?:irrevocably\s+)?waives?\b/i },
  { name: 'waives its rights', voice: 'active', pattern: /\bwaives?\s+(?:its|their|his|her|any|all)\s+rights?\b/i },
  { name: 'has waived', voice: 'active', pattern: /\b(?:has|have)\s+(?:hereby\s+)?(?:irrevocably\s+)?(?:(?:and\s+)?unconditionally\s+)?waived\b/i },
  { name: 'is hereby waived', voice: 'passive', pattern: /\b(?:is|are)\s+hereby\s+(?:irrevocably\s+)?waived\b/i },
];

export const CONSENT_RULES: readonly VerbRule[] = [
  { name: 'hereby consents to', pattern: /\bhereby\s+consents?\s+to\b/i },
  { name: 'consents to the', pattern: /\bconsents?\s+to\s+the\b/i },
  { name: 'agrees to the following amendments', pattern: /\bhereby\s+agrees?\b,?[^.]{0,120}?\bto\s+the\s+following\s+amendments?\b/i },
];

/** One regex matching any of the rules (the earliest match in the text, as a single alternation finds it). */
function anyOf(rules: readonly VerbRule[]): RegExp {
  return new RegExp(rules.map((r) => r.pattern.source).join('|'), 'i');
}

export const WAIVE_ACTIVE = anyOf(WAIVE_RULES.filter((r) => r.voice === 'active'));
export const WAIVE_PASSIVE = anyOf(WAIVE_RULES.filter((r) => r.voice === 'passive'));
/** Any waiving words, either voice. */
export const WAIVE_ANY = anyOf(WAIVE_RULES);
export const CONSENT_ANY = anyOf(CONSENT_RULES);

/** What an amendment does to a provision, as a regex source (no captures), longest wording first. */
export const AMEND_ACTION_SOURCE = [
  String.raw`deleted\s+in\s+its\s+entirety\s+and\s+(?:a\s+)?(?:the\s+)?new[^:]{0,160}?(?:inserted|substituted)`,
  String.raw`deleted\s+in\s+its\s+entirety\s+and\s+(?:replaced|a\s+new)`,
  String.raw`amended\s+and\s+restated`,
  String.raw`amended(?:\s+(?:by|to|as))?`,
  'deleted',
  'added',
  'inserted',
].join('|');

export type AmendAction = 'replace' | 'amend' | 'delete' | 'insert';

/** The kind of change an AMEND_ACTION_SOURCE match names. */
export function amendAction(words: string): AmendAction {
  if (/replaced|\bnew\b|restated|substituted/i.test(words)) return 'replace';
  if (/amended/i.test(words)) return 'amend';
  if (/deleted/i.test(words)) return 'delete';
  return 'insert';
}
