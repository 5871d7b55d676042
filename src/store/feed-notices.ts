/**
 * Recording PDS Feed notices (tables/feed-notices.ts). Reading the same archive twice records each notice once.
 */
import { basename } from 'node:path';
import type { FeedNotice, MemberHeader } from '../input/feed-archive.js';
import type { EdgarDatabase } from './database.js';

/** Insert (or refresh) one notice. `archive` may be a path or URL; its file name is what is stored. */
export function recordFeedNotice(db: EdgarDatabase, archive: string, header: MemberHeader & { notice: FeedNotice }): void {
  const name = basename(archive.replace(/[?#].*$/, ''));
  const day = /(\d{4})(\d{2})(\d{2})\.nc\.tar\.gz$/i.exec(name);
  db.sqlite
    .prepare(
      `INSERT OR REPLACE INTO feed_notices (source_archive, member_name, accession_number, kind, form_type, notice_timestamp, feed_date, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(name, header.name, header.notice.accessionNumber ?? header.accessionNumber, header.notice.kind, header.formType, header.notice.timestamp, day ? `${day[1]}-${day[2]}-${day[3]}` : null, new Date().toISOString());
}
