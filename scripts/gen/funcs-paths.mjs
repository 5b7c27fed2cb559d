// Case table for the path functions (base dir clean ext isAbs and os* variants).
import { makeCases, writeTable } from './h5-common.mjs';

const paths = [
  '',
  '.',
  '..',
  '/',
  '//',
  '///a//b/',
  'a',
  'a/',
  'a/b',
  'a/b/',
  '/a/b/c.txt',
  'a/b/../c',
  '../../a',
  '/../a',
  'a/./b',
  './a',
  'a/b.tar.gz',
  '.bashrc',
  'a.b/c',
  'a/b.',
  'C:\\\\x\\\\y.z',
  'a//b//c',
  '/a/b/../../..',
  'x/..',
  'héllo/wörld.txt',
  'a/b/c/',
  '...',
  'a/...',
  '/a/./../b',
];
const fns = ['base', 'dir', 'clean', 'ext', 'isAbs'];
const t = [];
for (const p of paths) for (const f of fns) t.push(`{{ ${f} "${p}" }}`);
for (const f of fns) {
  const os = `os${f[0].toUpperCase()}${f.slice(1)}`;
  t.push(`{{ ${os} "/a/b/c.txt" }}`, `{{ ${os} "a//b/../c/" }}`, `{{ ${os} "" }}`);
}
t.push('{{ base 5 }}', '{{ base .n }}', '{{ base }}');
await writeTable('paths', makeCases('paths', t));
