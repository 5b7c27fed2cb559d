// Case table for the random functions, by shape: length and alphabet, which Helm answers deterministically.
import { makeCases, writeTable } from './h5-common.mjs';

const t = [];
for (const [f, cls] of [
  ['randAlphaNum', 'A-Za-z0-9'],
  ['randAlpha', 'A-Za-z'],
  ['randNumeric', '0-9'],
  ['randAscii', ' -~'],
]) {
  for (const n of [0, 1, 5, 64, -1]) t.push(`{{ ${f} ${n} | len }}`);
  t.push(
    `{{ ${f} 200 | regexMatch "^[${cls}]{200}$" }}`,
    `{{ ${f} 3 | typeOf }}`,
    `{{ ${f} "3" }}`,
    `{{ ${f} 2.5 }}`,
    `{{ ${f} }}`,
  );
}
t.push(
  '{{ randInt 5 6 }}',
  '{{ randInt -3 -2 }}',
  '{{ randInt 5 5 }}',
  '{{ randInt 6 5 }}',
  '{{ randInt 0 10 | typeOf }}',
  '{{ $r := randInt 10 20 }}{{ and (ge $r 10) (lt $r 20) }}',
  '{{ randInt "1" 2 }}',
  '{{ randInt 1.5 2 }}',
  '{{ shuffle "" }}',
  '{{ shuffle "a" }}',
  '{{ shuffle "aaaa" }}',
  '{{ shuffle "hello world" | len }}',
  '{{ shuffle "日本語" | len }}',
  '{{ shuffle "abc" | splitList "" | sortAlpha | join "" }}',
  '{{ shuffle 5 }}',
  '{{ uuidv4 | len }}',
  '{{ uuidv4 | regexMatch "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$" }}',
  '{{ uuidv4 | typeOf }}',
  '{{ uuidv4 "x" }}',
  '{{ ne uuidv4 uuidv4 }}',
  '{{ randSeededNumeric 1 2 }}',
);
await writeTable('random', makeCases('random', t));
