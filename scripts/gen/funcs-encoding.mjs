// Case table for the encoding functions (b64enc b64dec b32enc b32dec): inputs only, outputs from Helm.
import { makeCases, writeTable } from './h5-common.mjs';

const enc = [
  '',
  'a',
  'ab',
  'abc',
  'abcd',
  'hello world',
  'héllo wörld',
  '日本語',
  'a\\nb',
  '\\u0000x',
  '~~~???>>>',
];
const b64 = [
  'aGVsbG8=',
  'aGVsbG8',
  'aGVsbG8==',
  'aGVs bG8=',
  'aGVs\\nbG8=',
  'aGVs\\r\\nbG8=',
  '=',
  '==',
  'a',
  'ab',
  'abc',
  'abcd',
  'ab==',
  'abc=',
  'a===',
  'YQ==YQ==',
  'YQ=x',
  'YQ==\\n',
  '!!!!',
  'aGVsbG8=\\n\\n',
  '',
  'Zg',
  'Zm8',
  'Zm9v',
  'w6k=',
  '4pyT',
  '_-_-',
  'aGVsbG8=x',
  'Y\\nQ\\n=\\n=',
];
const b32 = [
  'NBSWY3DP',
  'NBSWY3DPEE======',
  'NBSWY3DPEE=====',
  'NBSWY3DPEE',
  'MFRGG===',
  'MFRGG',
  'MY======',
  'MZXQ====',
  'MZXW6===',
  'MZXW6YQ=',
  'MZXW6YTB',
  '',
  '=',
  'A',
  'AB',
  'ABC',
  'ABCDEFG',
  'ABCDEFGH',
  'abcdefgh',
  '12345678',
  'NBSW\\nY3DP',
  'MY=====',
  'MY=======',
  'MY====x=',
  'M=======',
  'MFR=====',
  'MZXW6Y==',
];
const t = [];
for (const s of enc) {
  t.push(
    `{{ b64enc "${s}" }}`,
    `{{ b32enc "${s}" }}`,
    `{{ "${s}" | b64enc | b64dec }}`,
    `{{ "${s}" | b32enc | b32dec }}`,
  );
}
for (const s of b64) t.push(`{{ b64dec "${s}" }}`);
for (const s of b32) t.push(`{{ b32dec "${s}" }}`);
t.push(
  '{{ b64enc .s }}',
  '{{ b64enc .n }}',
  '{{ b64dec 5 }}',
  '{{ b64enc }}',
  '{{ .u | b64enc }}',
  '{{ b32enc .nul }}',
);
// Bytes that are not UTF-8 (0xff; a, 0xc3, 0xe2; a surrogate; an overlong form) stay bytes in a Go string.
for (const x of [
  '(b64dec "/w==")',
  '(b64dec "YcPi")',
  '(b64dec "7aCA")',
  '(b64dec "wIA=")',
  '(b32dec "74======")',
]) {
  t.push(
    `{{ ${x} }}`,
    `{{ ${x} | b64enc }}`,
    `{{ ${x} | b32enc }}`,
    `{{ ${x} | len }}`,
    `{{ ${x} | quote }}`,
    `{{ ${x} | sha256sum }}`,
    `{{ ${x} | adler32sum }}`,
    `{{ printf "%x|%q|%s" ${x} ${x} ${x} }}`,
    `{{ ${x} | upper | b64enc }}`,
    `{{ ${x} | title | b64enc }}`,
    `{{ ${x} | camelcase | b64enc }}`,
    `{{ ${x} | snakecase | b64enc }}`,
    `{{ ${x} | swapcase | b64enc }}`,
    `{{ ${x} | untitle | b64enc }}`,
    `{{ ${x} | toJson }}`,
    `{{ ${x} | toYaml }}`,
    `{{ ${x} | js }}`,
    `{{ ${x} | trunc 2 | b64enc }}`,
    `{{ regexFind "." ${x} | b64enc }}`,
    `{{ eq ${x} "\ufffd" }}`,
  );
}
{
  const x = '(b64dec "/w==")';
  const z = '(b64dec "YcPi")';
  t.push(
    `{{ trimAll ${x} (print "a" ${x}) | b64enc }}`,
    `{{ splitList "" ${z} | len }}`,
    `{{ replace "" "-" ${z} | b64enc }}`,
    `{{ printf "%+q|% x|%#v" ${x} ${z} ${x} }}`,
    `{{ printf "%.2s|%-5s|%5s" ${z} ${z} ${x} | b64enc }}`,
    `{{ list ${x} "\ufffd" | uniq | len }}`,
    `{{ list ${z} "a" | sortAlpha | toJson }}`,
    `{{ has ${x} (list ${x}) }}`,
    `{{ dict ${x} 1 | toJson }}`,
    `{{ ${x} | squote | b64enc }}`,
    `{{ ${x} | cat "a" | b64enc }}`,
    `{{ ${x} | wrap 1 | b64enc }}`,
    `{{ ${x} | nospace | b64enc }}`,
    `{{ ${x} | initials | b64enc }}`,
    `{{ regexReplaceAll "." ${z} "x" }}`,
    `{{ regexSplit "" ${z} -1 | len }}`,
    `{{ base ${x} | b64enc }}`,
    `{{ atoi ${x} }}`,
  );
}
// yaml.v2's reader names the first bad byte: leading, trailing, incomplete (only at EOF), length, code point.
for (const b of [
  '/w==',
  'YcPi',
  'YcM=',
  'YcMp',
  '7aCA',
  'wIA=',
  '9JCAgA==',
  '4oI=',
  '4oJh',
  '+Pw=',
  'gA==',
]) {
  t.push(
    `{{ fromYaml (print "a: " (b64dec "${b}")) }}`,
    `{{ fromYaml (print "a: 1\\n---\\nb: " (b64dec "${b}")) }}`,
  );
}
t.push(
  '{{ trunc 1 "é" | b64enc }}',
  '{{ trunc -1 "é" | quote }}',
  '{{ substr 0 2 "€" | len }}',
  '{{ abbrev 4 "ééééé" | quote }}',
);
await writeTable('encoding', makeCases('encoding', t));
