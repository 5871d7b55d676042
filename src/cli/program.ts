/**
 * The command framework: commander, built fresh for each run from the definitions in commands.ts, writing to the
 * given io (so tests run the CLI in-process), never calling process.exit. It gives every command the same help
 * (`--help`, `help <command>`), `-V`/`--version`, did-you-mean for unknown commands and options, and one mapping
 * from errors to exit codes and one-line messages (no stack trace unless --debug).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { isEdgarError, isFetchError, isNotFoundError, isParseError, isValidationError } from '../errors/index.js';
import { EXIT, SHARED_OPTIONS, UsageError, type CliIo, type CommandDefinition } from './command-registry.js';
import { setCompletionProgram } from './completion-command.js';
import { packageRoot } from './package-root.js';

export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

const EXIT_CODES_HELP = `
Exit codes: 0 done, 1 some input failed (or a search found nothing), 2 usage error, 3 EDGAR unreachable or refused,
130 interrupted. Add --debug to any command for stack traces.`;

/** Build the program for one run. `setExit` receives the exit code a command's run function returned. */
export function buildProgram(commands: readonly CommandDefinition[], io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('edgar-extract');
  const width = io.stdout.columns ?? 100;
  program
    .description('Turn SEC EDGAR filings (Schedule 13D/13G and their exhibits) into a queryable SQLite database.')
    .version(readVersion(), '-V, --version', 'print the version')
    .option('--debug', 'print stack traces of unexpected errors')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      getOutHelpWidth: () => width,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
      outputError: (s, write) => write(s.replace(/^error: /, 'edgar-extract: ')),
    })
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_CODES_HELP);

  for (const def of commands) {
    const cmd = program.command(def.name, { isDefault: def.isDefault ?? false });
    cmd.summary(def.summary).description((def.description ?? def.summary).replace(/\n/g, ' '));
    if (def.examples?.length) cmd.addHelpText('after', `\nExamples:\n${def.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
    for (const arg of def.arguments ?? []) cmd.argument(arg);
    for (const name of def.shared ?? []) cmd.addOption(SHARED_OPTIONS[name]());
    def.configure?.(cmd);
    cmd.showHelpAfterError(`(edgar-extract help ${def.name} shows its usage)`);
    cmd.action(async (...params: unknown[]) => {
      const command = params[params.length - 1] as Command;
      const positional = command.processedArgs.flatMap((a: unknown) => (a === undefined ? [] : Array.isArray(a) ? (a as string[]) : [String(a)]));
      setExit(await def.run(positional, command.opts(), io));
    });
  }
  setCompletionProgram(program);
  return program;
}

/**
 * Run the command line: parse `argv` (without node and script), run the command, return its exit code. Every
 * error ends as one line on stderr and a documented exit code.
 */
export async function runProgram(commands: readonly CommandDefinition[], argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(commands, io, (code) => {
    exitCode = code;
  });
  const debug = argv.includes('--debug') || Boolean(io.env.EDGAR_DEBUG);
  try {
    // `help nosuch` would print the program's help and exit 0; an unknown name is a usage error like any other.
    if (argv[0] === 'help' && argv[1] !== undefined && !commands.some((c) => c.name === argv[1])) {
      const close = similarNames(argv[1], commands.map((c) => c.name));
      throw new UsageError(`no command '${argv[1]}'${close.length ? ` (Did you mean ${close[0]}?)` : ''}; edgar-extract --help lists them`);
    }
    await program.parseAsync(rewriteArguments(commands, argv), { from: 'user' });
    return exitCode;
  } catch (error) {
    const at = argv.findIndex((a) => !a.startsWith('-'));
    const named = at < 0 ? undefined : commands.find((c) => c.name === argv[at] && !('isDefault' in c && c.isDefault));
    return reportError(error, io, debug, named?.name);
  }
}

/** Apply the named command's `rewriteArgv` to the arguments after its name. */
function rewriteArguments(commands: readonly CommandDefinition[], argv: readonly string[]): string[] {
  const at = argv.findIndex((a) => !a.startsWith('-'));
  const def = at < 0 ? undefined : commands.find((c) => c.name === argv[at]);
  if (!def?.rewriteArgv) return [...argv];
  return [...argv.slice(0, at + 1), ...def.rewriteArgv(argv.slice(at + 1))];
}

/** An error that reached the top → one line on stderr and its exit code. */
export function reportError(error: unknown, io: CliIo, debug = false, command?: string): number {
  const prefix = command ? `edgar-extract ${command}` : 'edgar-extract';
  const say = (text: string): void => void io.stderr.write(`${text.replace(/^edgar-extract:/, `${prefix}:`)}\n`);
  if (error instanceof CommanderError) {
    // Commander has already written its message (and the suggestion); help and version end with exit 0.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (debug && error instanceof Error && error.stack) say(error.stack);
  if (error instanceof UsageError) {
    say(`edgar-extract: ${error.message}`);
    return EXIT.usage;
  }
  if (isParseError(error)) {
    say(error.format());
    return EXIT.inputFailed;
  }
  if (isValidationError(error)) {
    say(`edgar-extract: ${error.message}`);
    return EXIT.usage;
  }
  if (isFetchError(error) || isNotFoundError(error)) {
    say(`edgar-extract: ${error.message}`);
    return EXIT.network;
  }
  if (isEdgarError(error)) {
    say(`edgar-extract: ${error.code}: ${error.message}`);
    return EXIT.inputFailed;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    say(`edgar-extract: the database: ${(error as Error).message} (${code})`);
    return EXIT.inputFailed;
  }
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && error instanceof Error) {
    // A file system error (ENOENT, EISDIR, EACCES, …): Node's message names the path.
    say(`edgar-extract: ${error.message}`);
    return EXIT.inputFailed;
  }
  const message = error instanceof Error ? error.message : String(error);
  say(`edgar-extract: internal error: ${message}${debug ? '' : ' (run again with --debug for the stack trace)'}`);
  return EXIT.inputFailed;
}

/** Edit distance (insertions, deletions, substitutions, adjacent swaps), for did-you-mean. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The known names close to `word` (distance ≤ 40% of its length, at least 1), best first. */
export function similarNames(word: string, names: readonly string[]): string[] {
  const limit = Math.max(1, Math.floor(word.length * 0.4));
  return names
    .map((n) => ({ n, d: editDistance(word.toLowerCase(), n) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d)
    .map((x) => x.n);
}
