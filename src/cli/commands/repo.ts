import type { Command } from 'commander';
import { indexDirectory } from '../../node/archive-fs.js';
import type { CliContext } from '../context.js';

/** `helmkit repo index DIR [--url URL] [--merge FILE]`: writes DIR/index.yaml like `helm repo index`. */
export function registerRepo(program: Command, _ctx: CliContext): void {
  const repo = program.command('repo').description('add, list, remove, update, and index chart repositories');
  repo
    .command('index')
    .description('generate an index file given a directory containing packaged charts')
    .argument('<DIR>')
    .option('--url <url>', 'url of chart repository')
    .option('--merge <file>', 'merge the generated index into the given index')
    .action(async (dir: string, flags: { url?: string; merge?: string }) => {
      await indexDirectory(dir, {
        ...(flags.url !== undefined ? { url: flags.url } : {}),
        ...(flags.merge !== undefined ? { merge: flags.merge } : {}),
      });
    });
}
