import { Command, CommanderError, Option } from 'commander';
import type { Compat } from '../chart/metadata.js';
import { setRsaKeyPoolSize } from '../node/crypto.js';
import { setDefaultTemplateLimits, TemplateLimitError } from '../template/index.js';
import { registerPackage } from './commands/package.js';
import { registerRepo } from './commands/repo.js';
import { registerShow } from './commands/show.js';
import { registerTemplate } from './commands/template.js';
import { registerVerify } from './commands/verify.js';
import { registerVersion } from './commands/version.js';
import { type CliContext, CliError } from './context.js';

/** A command module: adds one top-level command to the program. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** The commands of the CLI, in help order. Add new command modules here. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerPackage,
  registerRepo,
  registerShow,
  registerTemplate,
  registerVerify,
  registerVersion,
];

function commandPath(cmd: Command | null | undefined): string {
  const names: string[] = [];
  for (let c = cmd; c; c = c.parent) names.unshift(c.parent ? c.name() : 'helmkit');
  return names.join(' ');
}

function usageLine(cmd: Command): string {
  const args = cmd.registeredArguments.map((a) => `[${a.name()}]`).join(' ');
  return `${commandPath(cmd)}${args ? ` ${args}` : ''} [flags]`;
}

/** Options of {@link main} (the launcher's; a plain `main(argv)` behaves like `helm`). */
export interface MainOptions {
  /**
   * Instead of printing the error of a render that ran out of template nesting (recursion deeper than the
   * default JavaScript stack holds, which Go allows), return {@link DEEP_RETRY} so that the launcher can run the
   * command again in a thread with a larger stack.
   */
  retryDeep?: boolean;
  /** Running on a large stack: let templates nest as deep as Go lets them. */
  deepStack?: boolean;
}

/** What {@link main} returns when `retryDeep` asked for a run on a larger stack. */
export const DEEP_RETRY = -1;

/** Template nesting allowed on a large stack (Go's own limit is 100000 nested templates). */
const DEEP_MAX_DEPTH = 400_000;

function isDepthLimit(e: unknown): boolean {
  for (let c = e; c instanceof Error; c = (c as Error & { cause?: unknown }).cause) {
    if (c instanceof TemplateLimitError && c.depth) return true;
  }
  return false;
}

/**
 * Runs the helmkit CLI with the given arguments (without `node` and the script path).
 * @returns the process exit code.
 */
export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  // One-shot process: no background RSA key pool (see src/node/crypto.ts).
  setRsaKeyPoolSize(0);
  if (options.deepStack) setDefaultTemplateLimits({ maxDepth: DEEP_MAX_DEPTH });
  let compat: Compat = 'helm3';
  const ctx: CliContext = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    compat: () => compat,
  };
  const program = new Command('helmkit');
  program
    .description('A Helm-compatible chart engine for Node.js')
    .addOption(
      new Option('--compat <helm>', 'imitate this Helm where Helm 3 and 4 differ').choices([
        'helm3',
        'helm4',
      ]),
    )
    .enablePositionalOptions(false)
    .showHelpAfterError(false);
  let failedCommand: Command | undefined;
  const configure = (cmd: Command) => {
    cmd.exitOverride();
    cmd.configureOutput({ writeErr: () => undefined, writeOut: (s) => ctx.stdout(s) });
    cmd.hook('preAction', (thisCommand, actionCommand) => {
      failedCommand = actionCommand;
      const c = thisCommand.opts().compat as Compat | undefined;
      if (c) compat = c;
    });
  };
  for (const register of COMMANDS) register(program, ctx);
  const visit = (cmd: Command) => {
    configure(cmd);
    for (const sub of cmd.commands) visit(sub);
  };
  visit(program);
  // Cobra-style handling of a missing or unknown subcommand (commander's differs).
  const { command: target, next } = resolveCommandWord(program, argv);
  if (target.commands.length > 0 && !argv.includes('--help') && !argv.includes('-h')) {
    if (next === undefined) {
      ctx.stdout(target.helpInformation());
      return 0;
    }
    ctx.stderr(
      `Error: unknown command "${next}" for "${commandPath(target)}"\nRun '${commandPath(target)} --help' for usage.\n`,
    );
    return 1;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return commanderFailure(e, argv, program, ctx, failedCommand);
    if (e instanceof CliError) {
      if (options.retryDeep && isDepthLimit(e)) return DEEP_RETRY;
      ctx.stderr(e.stderrText ?? `Error: ${e.message}\n`);
      return e.exitCode;
    }
    ctx.stderr(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

/** Options of the root command that take a separate value word. */
const VALUE_OPTIONS = new Set(['--compat']);

/** Finds the deepest command named by the leading words of argv, and the first word that named none. */
function resolveCommandWord(program: Command, argv: string[]): { command: Command; next?: string } {
  let cmd = program;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word.startsWith('-')) {
      if (VALUE_OPTIONS.has(word)) i++;
      continue;
    }
    const sub = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) return { command: cmd, next: word };
    cmd = sub;
  }
  return { command: cmd };
}

function resolveCommand(program: Command, argv: string[]): Command {
  return resolveCommandWord(program, argv).command;
}

function commanderFailure(
  e: CommanderError,
  argv: string[],
  program: Command,
  ctx: CliContext,
  _failed: Command | undefined,
): number {
  switch (e.code) {
    case 'commander.helpDisplayed':
    case 'commander.help':
    case 'commander.version':
      return 0;
    case 'commander.unknownCommand': {
      const m = /unknown command '([^']*)'/.exec(e.message);
      const cmd = resolveCommand(program, argv);
      ctx.stderr(
        `Error: unknown command "${m ? m[1] : ''}" for "${commandPath(cmd)}"\nRun '${commandPath(cmd)} --help' for usage.\n`,
      );
      return 1;
    }
    case 'commander.unknownOption': {
      const m = /unknown option '([^']*)'/.exec(e.message);
      const flag = m ? m[1] : '';
      ctx.stderr(
        flag.startsWith('--')
          ? `Error: unknown flag: ${flag}\n`
          : `Error: unknown shorthand flag: '${flag.slice(1, 2)}' in ${flag}\n`,
      );
      return 1;
    }
    case 'commander.missingArgument':
    case 'commander.excessArguments': {
      const cmd = resolveCommand(program, argv);
      const n = cmd.registeredArguments.length;
      ctx.stderr(
        `Error: "${commandPath(cmd)}" requires ${n} argument${n === 1 ? '' : 's'}\n\nUsage:  ${usageLine(cmd)}\n`,
      );
      return 1;
    }
    default:
      ctx.stderr(`Error: ${e.message.replace(/^error: /, '')}\n`);
      return 1;
  }
}
