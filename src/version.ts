/**
 * The version of what edgar-extract produces from a filing. Stored with each filing: re-running over identical bytes
 * is skipped only when this matches, and `edgar-extract reprocess` re-extracts every filing stored by an older one.
 * Bump it whenever parsing or extraction output changes: test/store/pipeline-fingerprint.test.ts fails until you do,
 * then `npm run fingerprint` records the new output (bench/pipeline-fingerprint.ts).
 *
 * 0.1.0  the first release.
 * 0.2.0  name keys stored, share counts as integers, and the extractor fixes made after 0.1.0 was set.
 * 0.3.0  Item 5 read by structure (holdings.role, more positions and trades), hostile-input fixes (capped warnings,
 *        CIK_INVALID, sentences cut at 10,000 characters), HTML rendered by htmlparser2, feed_notices in the schema.
 * 0.4.0  one lexicon for dates, money, entity suffixes and waive/consent/amend verbs: a value one extractor read and
 *        another dropped is now read by all (see CHANGELOG.md).
 *        and one JSON encoding for spans: waivers.spans and amendments.spans hold {"start","end"} objects, not pairs.
 *        and Item 5 / 13G Item 4 read in more shapes (power lists, coordinated powers, introduced tables and Total rows,
 *        per-person blocks headed in capitals or in prose, "-0-" kept), options and warrants held, defined terms.
 * 0.5.0  the fifth golden batch's XML-era shapes: a 13G power element's named lines ("Each of A, B and C: 0") are each
 *        person's power, a bare power beside a narrative amount the only person's; listed parts of "N shares Common
 *        Stock, …" and "each Filer has the right to acquire" warrant shares; indirect and "which is, in the aggregate"
 *        positions; a count owned by another party is the subject's beneficial, not direct, holding.
 * 0.6.0  the trades of the item a 13D's Item 5(c) refers to ("(c) The information set forth in Item 4 is incorporated
 *        herein by reference"); "exchanged" a trade verb, with both sides of "exchanged N and M shares of Common Stock,
 *        respectively, for A and B Prefunded Warrants, respectively".
 * 0.7.0  tune misses read as general shapes: "(the "Fund," and together with …)" definitions; a "consisting of" part
 *        another party holds is that party's alone; the exhibit Item 5(a)/(b) points at; the issuer's sale closed
 *        later as the buyer's purchase; a "such person" amount only some covers give stays the group's; a passive
 *        verb left out after "and".
 * 0.8.0  paraphrase-bench wordings: "sole/shared authority to vote" and "authority to dispose" are powers; "is the
 *        holder of N" owns N; a list of option shares goes on past "which may be acquired upon exercise of"; a count
 *        "held in the aggregate" (or "collectively") by a group is the group's total, not its holding of record.
 * 0.8.1  the exhibit Item 5(a)/(b) points at is among every item's sentences: its instruments are defined, its cut
 *        sentences warned of, its notes' terms read (no row of the 376 unreserved corpus files changes).
 * 0.9.0  flattened-shape reading: a 13G Item 4 headed by its first label; running headers inside a line blanked;
 *        "See Item 9 above" no table row; footnote marks, dashes and rules between form rows; person blocks and
 *        exhibit headings run into a sentence; run-in stacked table headers; a table row's count kept to its holder.
 * 0.9.1  "at a price per share of $P" is a trade's price; "vested" or "currently exercisable" before an instrument's
 *        name leaves it an option; a line opening with a wrapped date's day and year is no trade row.
 */
export const PIPELINE_VERSION = '0.9.1';
