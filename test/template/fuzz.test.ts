import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFuncMap } from '../../src/funcs/index.js';
import {
  TemplateError,
  TemplateExecError,
  TemplateLimitError,
  TemplateParseError,
  TemplateSet,
} from '../../src/template/index.js';
import { mapFromEntries } from '../../src/util/go/value.js';

// Random templates built from template-language fragments: the engine must either render or throw one of its
// typed errors — never crash with a JS error, overflow the stack or hang.
const fragments = [
  '{{',
  '}}',
  '{{-',
  '-}}',
  ' ',
  '\n',
  'x',
  '{{ . }}',
  '{{ .a }}',
  '{{ .a.b }}',
  '{{ $ }}',
  '{{ $x := 1 }}',
  '{{ $x }}',
  '{{ if . }}',
  '{{ else }}',
  '{{ end }}',
  '{{ range . }}',
  '{{ range $i, $v := .l }}',
  '{{ with .a }}',
  '{{ break }}',
  '{{ continue }}',
  '{{ define "d" }}',
  '{{ template "d" . }}',
  '{{ block "b" . }}',
  '{{ include "d" . }}',
  '(',
  ')',
  '|',
  'print',
  'printf "%v"',
  'len',
  'index',
  'slice',
  'eq',
  'lt',
  'and',
  'or',
  'not',
  'html',
  'js',
  'urlquery',
  'call',
  '1',
  '-1',
  '1.5',
  '0x10',
  "'a'",
  '"s"',
  '`r`',
  'nil',
  'true',
  '.l',
  '.m',
  '$x',
  ':=',
  '=',
  ',',
  '/*',
  '*/',
  '{{/* c */}}',
  'upper',
  'default "d"',
  'list 1 2',
  'dict "k" 1',
  'toYaml',
  'quote',
];

const funcs = createFuncMap({ compat: 'helm3' });
const data = mapFromEntries([
  ['a', mapFromEntries([['b', 'c']])],
  ['l', [1n, 'two', null]],
  ['m', mapFromEntries([['k', 1]])],
]);

function typed(e: unknown): boolean {
  return (
    e instanceof TemplateParseError ||
    e instanceof TemplateExecError ||
    e instanceof TemplateError ||
    e instanceof TemplateLimitError
  );
}

describe('template fuzzing', () => {
  it('only typed errors for random templates', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const set = new TemplateSet({
          funcs,
          limits: { maxSteps: 100_000, maxDurationMs: 2000, maxOutputLength: 1 << 20 },
        });
        set.defineContextFunc('include', {
          params: ['string', 'any'],
          call: (exec, name, d) => exec.executeTemplate(name as string, d),
        });
        try {
          set.parse('f', text);
          set.execute('f', data);
        } catch (e) {
          if (!typed(e)) throw new Error(`untyped error for ${JSON.stringify(text)}: ${(e as Error).stack}`);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('stops runaway recursion and loops with typed errors', () => {
    const set = new TemplateSet({ funcs, limits: { maxSteps: 1_000_000, maxDurationMs: 5000 } });
    set.defineContextFunc('include', {
      params: ['string', 'any'],
      call: (exec, name, d) => exec.executeTemplate(name as string, d),
    });
    set.parse('rec', '{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}');
    expect(() => set.execute('rec', null)).toThrow(TemplateExecError);
    set.parse('inc', '{{ define "i" }}{{ include "i" . }}{{ end }}{{ include "i" . }}');
    expect(() => set.execute('inc', null)).toThrow();
    try {
      set.execute('inc', null);
    } catch (e) {
      expect(typed(e)).toBe(true);
    }
    set.parse(
      'loop',
      '{{ range $i := .l }}{{ range $.l }}{{ range $.l }}{{ template "w" $ }}{{ end }}{{ end }}{{ end }}{{ define "w" }}{{ range .l }}{{ range $.l }}{{ range $.l }}x{{ end }}{{ end }}{{ end }}{{ end }}',
    );
    const big = mapFromEntries([['l', Array.from({ length: 200 }, (_, i) => BigInt(i))]]);
    expect(() => set.execute('loop', big)).toThrow(TemplateLimitError);
    set.parse(
      'out',
      '{{ define "o" }}{{ . }}{{ . }}{{ . }}{{ . }}{{ end }}{{ $s := "xxxxxxxxxxxxxxxx" }}{{ range .l }}{{ range $.l }}{{ range $.l }}{{ $s }}{{ end }}{{ end }}{{ end }}',
    );
    const small = new TemplateSet({ funcs, limits: { maxOutputLength: 10_000 } });
    small.parse('out', '{{ range .l }}{{ range $.l }}{{ . }}{{ end }}{{ end }}');
    expect(() => small.execute('out', big)).toThrow(TemplateLimitError);
  });
});
