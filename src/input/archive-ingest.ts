/**
 * One member of a Feed archive into the database: a dissemination notice is recorded (feed_notices); a DELETION
 * notice carries no filing, so nothing else is stored for it (storing its bare header would replace the filing's
 * rows with an empty shell); anything else, a CORRECTION included, is ingested like any submission file.
 */
import { ingestSubmission, type IngestResult } from '../pipeline.js';
import type { EdgarDatabase } from '../store/database.js';
import { recordFeedNotice } from '../store/feed-notices.js';
import type { ArchiveMember } from './feed-archive.js';

/** Store one member; null when it was only a deletion notice. The source name is `archive:member`. */
export function ingestArchiveMember(db: EdgarDatabase, archive: string, member: ArchiveMember): IngestResult | null {
  const { header } = member;
  if (header.notice) recordFeedNotice(db, archive, { ...header, notice: header.notice });
  if (header.notice?.kind === 'DELETION') return null;
  return ingestSubmission(db, member.bytes, { sourceName: `${archive}:${member.name}` });
}
