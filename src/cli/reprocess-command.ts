/**
 * `edgar-extract reprocess [--db FILE]`: after an upgrade, re-extract every filing an older edgar-extract stored,
 * from the input kept in the database (or its file, for databases made by 0.1.0), without the network. Progress goes
 * to stderr (a line every 5%), each filing that cannot be redone gets a line there too, and a summary ends on stdout.
 * Exit 0 when every filing was redone, 1 when some could not be (their old rows stay).
 */
import { reprocessDatabase } from '../reprocess.js';
import { openDatabase } from '../store/database.js';
import { PIPELINE_VERSION } from '../version.js';
import type { ParsedCommand } from './command-registry.js';

export const reprocessCommand: ParsedCommand = {
  name: 'reprocess',
  summary: 're-extract every filing an older pipeline version stored, from its kept source',
  description:
    "Re-extract every filing stored by an older version of edgar-extract's pipeline (filings.pipeline_version), from\n" +
    "the input kept in the database's sources table, or from the file it was read from when the database kept none.",
  shared: ['db'],
  examples: ['edgar-extract reprocess --db edgar.db'],
  run: (_args, options, io) => {
    const path = options.db ?? 'edgar.db';
    const db = openDatabase(path);
    try {
      let lastShown = -1;
      const report = reprocessDatabase(db, {
        onProgress: ({ done, total }) => {
          const percent = Math.floor((done * 100) / total);
          if (done === total || Math.floor(percent / 5) > Math.floor(lastShown / 5)) {
            io.stderr.write(`reprocess: ${done}/${total} (${percent}%)\n`);
            lastShown = percent;
          }
        },
        onFailure: (f) => io.stderr.write(`edgar-extract reprocess: ${f.accessionNumber}: ${f.reason}\n`),
      });
      const failed = report.failures.length;
      io.stdout.write(
        report.total === 0
          ? `nothing to reprocess: every filing in ${path} was stored by pipeline ${PIPELINE_VERSION} or later\n`
          : `reprocessed ${report.reprocessed} of ${report.total} filing(s) stored by an older pipeline version (now ${PIPELINE_VERSION})${failed ? `; ${failed} cannot be reprocessed` : ''}\n`,
      );
      return failed ? 1 : 0;
    } finally {
      db.close();
    }
  },
};
