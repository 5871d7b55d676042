/**
 * `edgar-extract completion`: a bash/zsh completion script for the commands and options, generated from the same
 * registry the parser is built from (so it cannot list an option that does not exist).
 * Install: `edgar-extract completion >> ~/.bashrc` (zsh: after `autoload -U bashcompinit && bashcompinit`).
 */
import type { Command } from 'commander';
import { EXIT, type ParsedCommand } from './command-registry.js';

export const completionCommand: ParsedCommand = {
  name: 'completion',
  summary: 'print a bash/zsh completion script',
  examples: ['edgar-extract completion >> ~/.bashrc'],
  run: (_args, _options, io) => {
    io.stdout.write(completionScript(currentProgram!));
    return EXIT.ok;
  },
};

/** Set by program.ts before a command runs, so the script lists exactly what the parser knows. */
let currentProgram: Command | undefined;
export function setCompletionProgram(program: Command): void {
  currentProgram = program;
}

export function completionScript(program: Command): string {
  const commands = program.commands.map((c) => c.name());
  const cases = program.commands
    .map((c) => `    ${c.name()}) opts="${c.options.map((o) => o.long ?? o.short).filter(Boolean).join(' ')} --help" ;;`)
    .join('\n');
  return `# edgar-extract completion (bash; zsh with bashcompinit)
_edgar_extract() {
  local cur=\${COMP_WORDS[COMP_CWORD]} cmd=\${COMP_WORDS[1]} opts
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${commands.join(' ')} help --help --version" -- "$cur") $(compgen -f -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "$opts" -- "$cur") ); else COMPREPLY=( $(compgen -f -- "$cur") ); fi
}
complete -o default -F _edgar_extract edgar-extract
`;
}
