/**
 * `edgar-extract serve [--db FILE] [--port N] [--host 127.0.0.1]`: the local evidence viewer (src/serve/). It opens
 * the database read-only and runs until interrupted.
 */
import { Option } from 'commander';
import { startViewer } from '../serve/server.js';
import { UsageError, type CliIo, type ParsedCommand, type SharedOptions } from './command-registry.js';
import { openReadOnly } from './query-output.js';

export interface ServeOptions {
  port?: string;
  host?: string;
}

export interface ServeHooks {
  /** Resolves when the server should stop (tests); by default, on SIGINT or SIGTERM. */
  until?: (url: string) => Promise<void>;
}

export const serveCommand: ParsedCommand<ServeOptions> = {
  name: 'serve',
  summary: 'local read-only web viewer: every value linked to the words it came from',
  description:
    "A local, read-only web viewer: search, filings with every extracted value linked to the words it came from,\n" +
    "issuers' ownership over time, holders across issuers. Stop it with Ctrl-C.",
  shared: ['db'],
  configure: (cmd) => {
    cmd.addOption(new Option('--port <n>', 'port to listen on (0 picks a free one)').default('8321'));
    cmd.addOption(new Option('--host <host>', 'address to bind (127.0.0.1: only this machine can connect)').default('127.0.0.1'));
  },
  examples: ['edgar-extract serve --port 8321'],
  run: (_args, options, io) => serve(options, io),
};

/** Run the viewer until `hooks.until` resolves (default: SIGINT or SIGTERM). */
export async function serve(options: ServeOptions & SharedOptions, io: Pick<CliIo, 'stdout'>, hooks: ServeHooks = {}): Promise<number> {
  const db = options.db ?? 'edgar.db';
  const port = options.port ?? '8321';
  const host = options.host ?? '127.0.0.1';
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got "${port}")`);
  const sqlite = openReadOnly(db);
  try {
    const viewer = await startViewer(sqlite, { host, port: Number(port) }).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`);
    });
    io.stdout.write(`edgar-extract viewer on ${viewer.url} (database ${db}, read-only); Ctrl-C stops it\n`);
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
}
