// Writes the hostile archive fixtures of test/archive/hostile.test.ts into fixtures/archive/.
// Each is a small .tgz that a careless extractor would turn into a disaster: a decompression bomb, a path
// traversal, a symbolic link, and a bomb split across nested chart archives (each under Helm's per-archive limit).
// Usage: node scripts/gen/archive-hostile.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const out = path.resolve(import.meta.dirname, '../../fixtures/archive');
mkdirSync(out, { recursive: true });

function header(name, size, type = '0', linkName = '') {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write(type, 156);
  h.write(linkName, 157, 100, 'utf8');
  h.write('ustar\0' + '00', 257, 'latin1');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

function tgz(entries) {
  const parts = [];
  for (const e of entries) {
    const data = e.data ?? Buffer.alloc(0);
    parts.push(header(e.name, data.length, e.type, e.link));
    parts.push(data);
    const pad = (512 - (data.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

const chartYaml = (name) => Buffer.from(`apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`);
const zeros = Buffer.alloc(4 * 1024 * 1024); // 4 MiB: under the per-file limit

// 30 × 4 MiB = 120 MiB decompressed, over the 100 MiB total budget.
writeFileSync(
  path.join(out, 'bomb.tgz'),
  tgz([
    { name: 'bomb/Chart.yaml', data: chartYaml('bomb') },
    ...Array.from({ length: 30 }, (_, i) => ({ name: `bomb/files/z${i}.bin`, data: zeros })),
  ]),
);
writeFileSync(
  path.join(out, 'traversal.tgz'),
  tgz([
    { name: 'trav/Chart.yaml', data: chartYaml('trav') },
    { name: 'trav/../../evil.txt', data: Buffer.from('owned\n') },
  ]),
);
writeFileSync(
  path.join(out, 'absolute.tgz'),
  tgz([
    { name: 'abs/Chart.yaml', data: chartYaml('abs') },
    { name: 'abs//etc/evil.txt', data: Buffer.from('owned\n') },
  ]),
);
writeFileSync(
  path.join(out, 'symlink.tgz'),
  tgz([
    { name: 'link/Chart.yaml', data: chartYaml('link') },
    { name: 'link/templates/secret.yaml', type: '2', link: '/etc/passwd' },
  ]),
);
// Each nested archive holds 15 × 4 MiB = 60 MiB (Helm accepts each one alone); together 180 MiB.
const sub = (n) =>
  tgz([
    { name: `${n}/Chart.yaml`, data: chartYaml(n) },
    ...Array.from({ length: 15 }, (_, i) => ({ name: `${n}/files/z${i}.bin`, data: zeros })),
  ]);
writeFileSync(
  path.join(out, 'nested-bomb.tgz'),
  tgz([
    { name: 'nest/Chart.yaml', data: chartYaml('nest') },
    { name: 'nest/charts/a.tgz', data: sub('a') },
    { name: 'nest/charts/b.tgz', data: sub('b') },
    { name: 'nest/charts/c.tgz', data: sub('c') },
  ]),
);
console.log(`wrote hostile fixtures to ${out}`);
