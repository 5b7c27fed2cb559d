import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { packageDirectory, unpackageFile } from '../../node/archive-fs.js';
import type { CliContext } from '../context.js';
import { CliError } from '../context.js';

function defaultKeyring(): string {
  return path.join(process.env.GNUPGHOME ?? path.join(homedir(), '.gnupg'), 'pubring.gpg');
}

async function readPassphrase(file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return undefined;
  const text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  // Helm reads the first line.
  return text.split('\n')[0].replace(/\r$/, '');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface PackageFlags {
  destination?: string;
  version?: string;
  appVersion?: string;
  sign?: boolean;
  key?: string;
  keyring?: string;
  passphraseFile?: string;
}

/**
 * `helmkit package CHART_PATH... [-d DEST] [--version V] [--app-version V] [--sign --key K --keyring F]` (like
 * `helm package`, but byte-reproducible) and `helmkit unpackage ARCHIVE [-d DIR] [--verify --keyring F]`.
 */
export function registerPackage(program: Command, ctx: CliContext): void {
  program
    .command('package')
    .description('package a chart directory into a chart archive')
    .argument('<CHART_PATH...>')
    .option('-d, --destination <dir>', 'location to write the chart.', '.')
    .option('--version <version>', 'set the version on the chart to this semver version')
    .option('--app-version <version>', 'set the appVersion on the chart to this version')
    .option('--sign', 'use a PGP private key to sign this package')
    .option('--key <name>', 'name of the key to use when signing. Used if --sign is true')
    .option('--keyring <file>', 'location of a public keyring')
    .option(
      '--passphrase-file <file>',
      'location of a file which contains the passphrase for the signing key',
    )
    .action(async (paths: string[], flags: PackageFlags) => {
      const dest =
        flags.destination === '.' || flags.destination === undefined ? process.cwd() : flags.destination;
      for (const p of paths) {
        const passphrase = await readPassphrase(flags.passphraseFile);
        const res = await packageDirectory(p, {
          compat: ctx.compat(),
          destination: dest,
          ...(flags.version ? { version: flags.version } : {}),
          ...(flags.appVersion ? { appVersion: flags.appVersion } : {}),
          ...(flags.sign
            ? {
                sign: {
                  keyring: flags.keyring ?? defaultKeyring(),
                  key: flags.key ?? '',
                  ...(passphrase !== undefined ? { passphrase } : {}),
                },
              }
            : {}),
        });
        ctx.stdout(`Successfully packaged chart and saved it to: ${res.path}\n`);
      }
    });

  program
    .command('unpackage')
    .description('extract a chart archive safely into a directory')
    .argument('<ARCHIVE>')
    .option('-d, --destination <dir>', 'directory to extract the chart into', '.')
    .option('--verify', 'verify the archive against its .prov file before extracting')
    .option('--keyring <file>', 'keyring containing public keys (with --verify)')
    .action(async (archive: string, flags: { destination: string; verify?: boolean; keyring?: string }) => {
      if (flags.keyring && !flags.verify) throw new CliError('--keyring requires --verify');
      const dir = await unpackageFile(archive, flags.destination, {
        ...(flags.verify ? { verify: { keyring: flags.keyring ?? defaultKeyring() } } : {}),
      });
      ctx.stdout(`Successfully extracted chart to: ${dir}\n`);
    });
}
