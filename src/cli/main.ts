import { VERSION } from '../version.js';

/**
 * Runs the helmkit CLI with the given arguments (without `node` and the script path).
 * @returns the process exit code.
 */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'version') {
    process.stdout.write(`helmkit v${VERSION}\n`);
    return 0;
  }
  process.stderr.write(`Error: unknown command "${argv[0] ?? ''}" for "helmkit"\n`);
  return 1;
}
