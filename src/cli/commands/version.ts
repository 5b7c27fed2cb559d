import type { Command } from 'commander';
import { VERSION } from '../../version.js';
import type { CliContext } from '../context.js';

/** `helmkit version`: prints helmkit's version. */
export function registerVersion(program: Command, ctx: CliContext): void {
  program
    .command('version')
    .description("print helmkit's version")
    .action(() => {
      ctx.stdout(`helmkit v${VERSION}\n`);
    });
}
