// Case table for getHostByName (Helm replaces Sprig's DNS lookup while templating: no DNS without --enable-dns).
import { makeCases, writeTable } from './h5-common.mjs';

const t = [
  '{{ getHostByName "localhost" }}',
  '{{ getHostByName "example.com" | quote }}',
  '{{ getHostByName "" | quote }}',
  '{{ getHostByName "no-such-host.invalid" | len }}',
  '{{ getHostByName 5 }}',
  '{{ getHostByName }}',
  '{{ getHostByName "a" | typeOf }}',
];
await writeTable('network', makeCases('network', t));
