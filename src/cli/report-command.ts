/**
 * `edgar-extract report <accession> [--db FILE] --out FILE.html`: one filing's page as a self-contained HTML file
 * (styles inline, evidence excerpts inside, nothing fetched), for sharing.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ViewerData } from '../serve/queries.js';
import { renderReport } from '../serve/report.js';
import { CommandUsageError, openReadOnly, type CommandIo } from './query-output.js';
import { reportCommandError } from './sql-command.js';

export const REPORT_USAGE = `Usage: edgar-extract report <accession-number> [--db FILE] --out FILE.html

Write one stored filing's page (header, documents, cover pages, Item 5 positions, notes, waivers, checks, and the
words each value came from) as a single HTML file that opens offline.

Options:
  --db FILE     SQLite database to read (default ./edgar.db)
  --out FILE    the HTML file to write
  -h, --help    show this help`;

export async function runReportCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        db: { type: 'string', default: 'edgar.db' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
    if (values.help) {
      io.stdout.write(`${REPORT_USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new CommandUsageError('report takes one accession number');
    if (!values.out) throw new CommandUsageError('report needs --out FILE.html');
    const accession = positionals[0]!;
    const sqlite = openReadOnly(values.db!);
    let page: string | null;
    try {
      page = renderReport(new ViewerData(sqlite), accession);
    } finally {
      sqlite.close();
    }
    if (page === null) {
      io.stderr.write(`edgar-extract report: no filing ${accession} in ${values.db}\n`);
      return 1;
    }
    try {
      writeFileSync(values.out, page);
    } catch (error) {
      throw new CommandUsageError(`cannot write ${values.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    io.stderr.write(`wrote ${values.out} (${Buffer.byteLength(page).toLocaleString('en-US')} bytes)\n`);
    return 0;
  } catch (error) {
    return reportCommandError('report', error, io, REPORT_USAGE);
  }
}
