/**
 * `edgar-extract datasette-metadata [--out metadata.json] [--name edgar]`: write Datasette's metadata.json for an
 * edgar-extract database (titles and column descriptions from the table models), for
 * `datasette edgar.db --metadata metadata.json`.
 */
import { writeFileSync } from 'node:fs';
import { Option } from 'commander';
import { datasetteMetadata } from '../store/datasette-metadata.js';
import { EXIT, type ParsedCommand } from './command-registry.js';

export const datasetteMetadataCommand: ParsedCommand<{ out?: string; name: string }> = {
  name: 'datasette-metadata',
  summary: "write Datasette's metadata.json (table titles and column descriptions)",
  shared: ['quiet'],
  configure: (cmd) => {
    cmd.addOption(new Option('--out <file>', 'write to this file instead of standard output'));
    cmd.addOption(new Option('--name <database>', 'the database name Datasette shows (the file name without .db)').default('edgar'));
  },
  examples: ['edgar-extract datasette-metadata --out metadata.json'],
  run: (_args, options, io) => {
    const json = `${JSON.stringify(datasetteMetadata(options.name), null, 2)}\n`;
    if (options.out === undefined) io.stdout.write(json);
    else {
      writeFileSync(options.out, json);
      if (!options.quiet) io.stderr.write(`wrote ${options.out}\n`);
    }
    return EXIT.ok;
  },
};
