/**
 * The accession number an XML-era 13D/13G declares it amends (`<previousAccessionNumber>` in its primary document's
 * header data), dashed; null for other filings (legacy filings do not declare it; store/chains.ts infers those links).
 */
import { documentSource } from '../../parse/body.js';
import type { Submission } from '../../parse/types.js';

export function declaredPreviousAccession(submission: Submission): string | null {
  for (const doc of submission.documents) {
    if (doc.bodyFormat !== 'xml') continue;
    const m = /<(?:[\w.-]+:)?previousAccessionNumber\s*>\s*(\d{10})-?(\d{2})-?(\d{6})\s*<\//.exec(documentSource(submission, doc));
    if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return null;
}
