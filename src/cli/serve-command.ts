/**
 * `edgar-extract serve [--db FILE] [--port N] [--host 127.0.0.1]`: the local evidence viewer (src/serve/). It opens
 * the database read-only and runs until interrupted.
 */
import { parseArgs } from 'node:util';
import { startViewer } from '../serve/server.js';
import { CommandUsageError, openReadOnly, type CommandIo } from './query-output.js';
import { reportCommandError } from './sql-command.js';

export const SERVE_USAGE = `Usage: edgar-extract serve [--db FILE] [--port N] [--host 127.0.0.1]

A local, read-only web viewer: search, filings with every extracted value linked to the words it came from,
issuers' ownership over time, holders across issuers. Stop it with Ctrl-C.

Options:
  --db FILE     SQLite database to read (default ./edgar.db)
  --port N      port to listen on (default 8321; 0 picks a free one)
  --host HOST   address to bind (default 127.0.0.1: only this machine can connect)
  -h, --help    show this help`;

export interface ServeHooks {
  /** Resolves when the server should stop (tests); by default, on SIGINT or SIGTERM. */
  until?: (url: string) => Promise<void>;
}

export async function runServeCommand(argv: readonly string[], io: CommandIo, hooks: ServeHooks = {}): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        db: { type: 'string', default: 'edgar.db' },
        port: { type: 'string', default: '8321' },
        host: { type: 'string', default: '127.0.0.1' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    });
    if (values.help) {
      io.stdout.write(`${SERVE_USAGE}\n`);
      return 0;
    }
    void positionals;
    if (!/^\d{1,5}$/.test(values.port!) || Number(values.port) > 65535) throw new CommandUsageError(`--port must be a number from 0 to 65535 (got "${values.port}")`);
    const sqlite = openReadOnly(values.db!);
    try {
      const viewer = await startViewer(sqlite, { host: values.host!, port: Number(values.port) }).catch((error: NodeJS.ErrnoException) => {
        throw new CommandUsageError(`cannot listen on ${values.host}:${values.port}: ${error.code ?? error.message}`);
      });
      io.stdout.write(`edgar-extract viewer on ${viewer.url} (database ${values.db}, read-only); Ctrl-C stops it\n`);
      const until =
        hooks.until?.(viewer.url) ??
        new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
      await until;
      await viewer.close();
    } finally {
      sqlite.close();
    }
    return 0;
  } catch (error) {
    return reportCommandError('serve', error, io, SERVE_USAGE);
  }
}
