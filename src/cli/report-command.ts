/**
 * `edgar-extract report <accession> [--db FILE] --out FILE.html`: one filing's page as a self-contained HTML file
 * (styles inline, evidence excerpts inside, nothing fetched), for sharing.
 */
import { writeFileSync } from 'node:fs';
import { Option } from 'commander';
import { ViewerData } from '../serve/queries.js';
import { renderReport } from '../serve/report.js';
import { UsageError, type ParsedCommand } from './command-registry.js';
import { openReadOnly } from './query-output.js';

export const reportCommand: ParsedCommand<{ out?: string }> = {
  name: 'report',
  summary: "one filing's page as a self-contained HTML file",
  description:
    "Write one stored filing's page (header, documents, cover pages, Item 5 positions, notes, waivers, checks, and the\n" +
    'words each value came from) as a single HTML file that opens offline.',
  arguments: ['<accession-number>'],
  shared: ['db'],
  configure: (cmd) => {
    cmd.addOption(new Option('--out <file>', 'the HTML file to write (required)'));
  },
  examples: ['edgar-extract report 0001125282-03-003998 --out hudson.html'],
  run: (args, options, io) => {
    const accession = args[0]!;
    const db = options.db ?? 'edgar.db';
    if (!options.out) throw new UsageError('report needs --out FILE.html');
    const sqlite = openReadOnly(db);
    let page: string | null;
    try {
      page = renderReport(new ViewerData(sqlite), accession);
    } finally {
      sqlite.close();
    }
    if (page === null) {
      io.stderr.write(`edgar-extract report: no filing ${accession} in ${db}\n`);
      return 1;
    }
    try {
      writeFileSync(options.out, page);
    } catch (error) {
      throw new UsageError(`cannot write ${options.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    io.stderr.write(`wrote ${options.out} (${Buffer.byteLength(page).toLocaleString('en-US')} bytes)\n`);
    return 0;
  },
};
