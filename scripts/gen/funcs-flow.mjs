// Case table for Helm's flow functions (fail, required): node scripts/gen/funcs-flow.mjs
import { makeCases, writeTable } from './h5-common.mjs';

const T = [
  '{{ fail "boom" }}',
  '{{ fail "" }}',
  '{{ fail "a %d %s" }}',
  '{{ fail "line1\\nline2" }}',
  '{{ fail 5 }}',
  '{{ if false }}{{ fail "no" }}{{ end }}ok',
  '{{ "msg" | fail }}',
  '{{ fail (printf "x=%d" 1) }}',
  'a\n{{ fail "second line" }}',
  '{{ required "need" .Values.s }}',
  '{{ required "need" .Values.missing }}',
  '{{ required "need" .Values.nul }}',
  '{{ required "need" .Values.empty }}',
  '{{ required "need" .Values.zero }}',
  '{{ required "need" .Values.fls }}',
  '{{ required "need" .Values.el }}',
  '{{ required "need" .Values.em }}',
  '{{ required "need" .Values.n | typeOf }}',
  '{{ .Values.s | required "need" }}',
  '{{ .Values.missing | required "need it" }}',
  '{{ required "50% %d" .Values.missing }}',
  '{{ required "" .Values.missing }}',
  '{{ required "a\\nb" .Values.missing }}',
  '{{ required "need" "" }}',
  '{{ required "need" nil }}',
  '{{ required "need" 0 }}',
  '{{ required 5 .Values.s }}',
  '{{ required "x" .Values.m.zz }}',
  '{{ required "x" .Values.m.a }}',
];

await writeTable('flow', makeCases('flow', T));
