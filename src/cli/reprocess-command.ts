/**
 * `edgar-extract reprocess [--db FILE]`: after an upgrade, re-extract every filing an older edgar-extract stored,
 * from the input kept in the database (or its file, for databases made by 0.1.0), without the network. Progress goes
 * to stderr (a line every 5%), each filing that cannot be redone gets a line there too, and a summary ends on stdout.
 * Exit 0 when every filing was redone, 1 when some could not be (their old rows stay).
 */
import { parseArgs } from 'node:util';
import { reprocessDatabase } from '../reprocess.js';
import { openDatabase } from '../store/database.js';
import { PIPELINE_VERSION } from '../version.js';
import { CommandUsageError, type CommandIo } from './query-output.js';
import { reportCommandError } from './sql-command.js';

export const REPROCESS_USAGE = `Usage: edgar-extract reprocess [--db FILE]

Re-extract every filing stored by an older version of edgar-extract's pipeline (filings.pipeline_version), from the
input kept in the database's sources table, or from the file it was read from when the database kept none.

Options:
  --db FILE     SQLite database to update (default ./edgar.db)
  -h, --help    show this help`;

export async function runReprocessCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: { db: { type: 'string', default: 'edgar.db' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
    if (values.help) {
      io.stdout.write(`${REPROCESS_USAGE}\n`);
      return 0;
    }
    if (positionals.length) throw new CommandUsageError(`reprocess takes no arguments besides --db (got ${positionals.join(' ')})`);
    const db = openDatabase(values.db!);
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
          ? `nothing to reprocess: every filing in ${values.db} was stored by pipeline ${PIPELINE_VERSION} or later\n`
          : `reprocessed ${report.reprocessed} of ${report.total} filing(s) stored by an older pipeline version (now ${PIPELINE_VERSION})${failed ? `; ${failed} cannot be reprocessed` : ''}\n`,
      );
      return failed ? 1 : 0;
    } finally {
      db.close();
    }
  } catch (error) {
    return reportCommandError('reprocess', error, io, REPROCESS_USAGE);
  }
}
