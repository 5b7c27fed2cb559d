import { homedir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { verifyFile } from '../../node/archive-fs.js';
import type { CliContext } from '../context.js';

/** `helmkit verify PATH [--keyring F]`: checks a chart archive against its `.prov` file, like `helm verify`. */
export function registerVerify(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .description('verify that a chart at the given path has been signed and is valid')
    .argument('<PATH>')
    .option('--keyring <file>', 'keyring containing public keys')
    .action(async (archive: string, flags: { keyring?: string }) => {
      const keyring =
        flags.keyring ?? path.join(process.env.GNUPGHOME ?? path.join(homedir(), '.gnupg'), 'pubring.gpg');
      const v = await verifyFile(archive, keyring);
      let out = '';
      for (const id of v.signedBy) out += `Signed by: ${id}\n`;
      out += `Using Key With Fingerprint: ${v.fingerprint}\n`;
      out += `Chart Hash Verified: ${v.fileHash}\n`;
      ctx.stdout(out);
    });
}
