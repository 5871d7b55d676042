/**
 * What a command of the CLI is, for the framework in program.ts: its name, a one-line summary, its arguments, the
 * shared options it takes (declared once, in SHARED_OPTIONS below), its own options, examples for its help, and the
 * function that runs it with the parsed values. The list of commands lives in commands.ts.
 *
 * The framework parses everything (help, did-you-mean, usage errors → exit 2) and calls `run` with the positional
 * arguments and a typed options object; no command parses its own argument list.
 */
import { Option, type Command } from 'commander';

/** Where a command writes, and its environment. Tests pass strings collectors; the executable passes the process's. */
export interface CliIo {
  stdout: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  /** Standard input, for `sql -` (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

/** Exit codes, the same for every command (README "Exit codes"). 130 is an interrupted batch (Ctrl-C). */
export const EXIT = {
  ok: 0,
  /** Some input could not be read, parsed or stored; or a search found nothing. */
  inputFailed: 1,
  /** The command was called wrongly: unknown option, missing argument, bad value. */
  usage: 2,
  /** EDGAR could not be reached or refused. */
  network: 3,
  interrupted: 130,
} as const;

export type SharedOptionName = 'db' | 'json' | 'quiet' | 'verbose' | 'userAgent';

/** Options several commands take, declared once so their spelling, help and defaults agree everywhere. */
export const SHARED_OPTIONS: Record<SharedOptionName, () => Option> = {
  db: () => new Option('--db <file>', 'SQLite database').default('edgar.db'),
  json: () => new Option('--json', 'print JSON (snake_case keys, as the database columns) instead of text'),
  quiet: () => new Option('-q, --quiet', 'print only errors'),
  verbose: () => new Option('-v, --verbose', 'print more detail (each input as it is read, each retry)'),
  userAgent: () =>
    new Option('--user-agent <ua>', 'declared User-Agent for EDGAR, "Name email" (default: EDGAR_USER_AGENT or EDGAR_IDENTITY)'),
};

/** The options every command receives besides its own. */
export interface SharedOptions {
  db?: string;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  userAgent?: string;
}

export interface ParsedCommand<O = Record<string, unknown>> {
  name: string;
  summary: string;
  /** Longer text under the usage line of the command's help. */
  description?: string;
  /** `edgar-extract …` lines shown under "Examples:" in the help (the README shows the same ones). */
  examples?: string[];
  /** Positional arguments in commander's syntax: `<file>`, `[query]`, `<words...>`. */
  arguments?: string[];
  shared?: SharedOptionName[];
  /** Add the command's own options (commander `Option`s). */
  configure?: (command: Command) => void;
  /** Rewrite the arguments after the command name before parsing (spellings commander cannot express). */
  rewriteArgv?: (argv: readonly string[]) => string[];
  /** The command run when the first argument is not a command name. */
  isDefault?: boolean;
  run: (args: string[], options: O & SharedOptions, io: CliIo) => Promise<number> | number;
}

export type CommandDefinition = ParsedCommand<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A whole number in [min, max] from an option's text; the message names the option. */
export function wholeNumberOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER): (text: string) => number {
  return (text: string) => {
    const value = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || value < min || value > max) {
      throw new UsageError(`${name} must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}, got "${text}"`);
    }
    return value;
  };
}

/** A problem with how the command was called (exit 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
