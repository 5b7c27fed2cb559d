// Coalescing across a 3-level chart tree: defaults, overrides, nulls, globals, aliases, conditions, tags,
// import-values, library charts. Run: node scripts/gen/values-coalesce.mjs → test/values/cases/values-coalesce.json
import { generateTable } from './values-oracle.mjs';

const dep = (name, more = '') => `  - name: ${name}\n    version: 0.1.0\n${more}`;
const deps = (...ds) => `dependencies:\n${ds.join('')}`;

const subsub = (values = 'ss: 1\nshared: subsub\nglobal:\n  fromSubsub: 1\n') => ({ name: 'subsub', values });
const sub = (
  values = 'a: 1\nshared: sub\nnested: {k: v, n: null}\nsubsub:\n  ss: 2\n',
  extra = deps(dep('subsub')),
  d = [subsub()],
) => ({
  name: 'sub',
  values,
  extra,
  deps: d,
});
const top = (values = 'top: 1\nsub:\n  a: 10\n', extra = deps(dep('sub')), d = [sub()]) => ({
  name: 'probe',
  values,
  extra,
  deps: d,
});

const cases = [];
const add = (id, chart, more = {}) => cases.push({ id, chart, ...more });

add('basic', top());
add('no-deps-decl', top('x: 1\n', '', [sub('a: 1\n', '', [subsub()])]));
add('override-file', top(), {
  valueFiles: [{ name: 'o.yaml', text: 'sub:\n  a: 99\n  subsub:\n    ss: 3\n' }],
});
add('override-set', top(), { set: ['sub.a=5', 'sub.subsub.ss=6', 'sub.new=7'] });
add('null-top', top('top: 1\nremove: x\n'), { set: ['remove=null'] });
add('null-sub-default', top(), { set: ['sub.shared=null', 'sub.subsub.shared=null'] });
add('null-sub-file', top(), {
  valueFiles: [{ name: 'o.yaml', text: 'sub:\n  nested: null\n  subsub: {ss: null}\n' }],
});
add('null-in-parent-values', top('sub:\n  a: null\n  shared: null\n  subsub:\n    ss: null\n'));
add('null-default-keep', top('keep: null\nm: {n: null, x: 1}\n'));
add('null-default-sub', top('x: 1\n', deps(dep('sub')), [sub('a: null\nm: {n: null}\n', '', [])]));
add('null-nested-user', top('m: {x: 1, y: 2}\n'), {
  valueFiles: [{ name: 'o.yaml', text: 'm: {x: null, z: null}\n' }],
});
add('null-user-only', top(), {
  valueFiles: [{ name: 'o.yaml', text: 'newkey: null\nsub: {newsub: null}\n' }],
});
add('list-replace', top('l: [1, 2, 3]\nsub:\n  l: [a]\n', deps(dep('sub')), [sub('l: [x, y]\n', '', [])]), {
  set: ['l={9}'],
});
add('map-over-scalar', top('m: scalar\n'), { valueFiles: [{ name: 'o.yaml', text: 'm: {a: 1}\n' }] });
add('scalar-over-map', top('m: {a: 1}\n'), { valueFiles: [{ name: 'o.yaml', text: 'm: scalar\n' }] });
add('sub-type-mismatch', top(), { set: ['sub=str'] });
add('sub-type-mismatch-list', top(), { set: ['sub[0]=x'] });
add('sub-null', top(), { set: ['sub=null'] });
add('parent-scalar-sub-map', top('x: 1\n', deps(dep('sub')), [sub('m: {a: 1}\n', '', [])]), {
  set: ['sub.m=5'],
});
add('parent-map-sub-scalar', top('x: 1\n', deps(dep('sub')), [sub('m: 5\n', '', [])]), {
  set: ['sub.m.a=5'],
});
// globals
add('global-down', top('global:\n  g: top\n  m: {a: 1}\n'));
add(
  'global-sub-default',
  top('global:\n  g: top\n', deps(dep('sub')), [
    sub('global:\n  g: sub\n  s: 1\n  m: {b: 2}\n', deps(dep('subsub')), [subsub()]),
  ]),
);
add('global-set', top(), { set: ['global.g=set', 'global.m.x=1'] });
add('global-not-up', top('x: 1\n', deps(dep('sub')), [sub('global:\n  onlysub: 1\n', '', [])]));
add('global-null', top('global:\n  g: 1\n  h: 2\n'), { set: ['global.g=null'] });
add('global-scalar', top('global: 5\n'));
add('global-sub-scalar', top('global:\n  a: 1\n', deps(dep('sub')), [sub('global: 5\n', '', [])]));
add(
  'global-map-merge',
  top('global:\n  m: {a: 1, b: 1}\n', deps(dep('sub')), [
    sub('global:\n  m: {b: 2, c: 2}\n', deps(dep('subsub')), [subsub('global:\n  m: {c: 3, d: 3}\n')]),
  ]),
);
add(
  'global-conflict',
  top('global:\n  m: {a: 1}\n  s: x\n', deps(dep('sub')), [
    sub('global:\n  m: scalar\n  s: {a: 1}\n', '', []),
  ]),
);
add('global-in-sub-user', top(), { set: ['sub.global.x=1'] });
// aliases
add('alias', top('x: 1\n', deps(dep('sub', '    alias: one\n'), dep('sub', '    alias: two\n')), [sub()]), {
  set: ['one.a=1', 'two.a=2'],
});
add('alias-and-plain', top('x: 1\n', deps(dep('sub'), dep('sub', '    alias: other\n')), [sub()]));
add('alias-values-key', top('one:\n  a: 50\nsub:\n  a: 60\n', deps(dep('sub', '    alias: one\n')), [sub()]));
add(
  'alias-subsub',
  top('x: 1\n', deps(dep('sub')), [sub('a: 1\n', deps(dep('subsub', '    alias: ss2\n')), [subsub()])]),
);
add('version-mismatch', top('x: 1\n', deps(dep('sub', '').replace('0.1.0', '9.9.9')), [sub()]));
add(
  'version-range',
  top('x: 1\n', deps(`  - name: sub\n    version: ">=0.1.0 <1.0.0"\n    alias: ranged\n`), [sub()]),
);
add('version-caret', top('x: 1\n', deps(`  - name: sub\n    version: ^0.1.0\n    alias: c\n`), [sub()]));
add('version-tilde', top('x: 1\n', deps(`  - name: sub\n    version: ~0.1\n    alias: t\n`), [sub()]));
add('version-x', top('x: 1\n', deps(`  - name: sub\n    version: 0.x\n    alias: x\n`), [sub()]));
add('version-empty', top('x: 1\n', deps(`  - name: sub\n    alias: noversion\n`), [sub()]));
add('version-star', top('x: 1\n', deps(`  - name: sub\n    version: "*"\n    alias: star\n`), [sub()]));
add(
  'version-comma',
  top('x: 1\n', deps(`  - name: sub\n    version: ">=0.1.0, <0.2.0"\n    alias: comma\n`), [sub()]),
);
add('undeclared-dir', top('x: 1\n', deps(dep('sub')), [sub(), { name: 'extra', values: 'e: 1\n' }]));
// conditions
const condDeps = (cond) => deps(dep('sub', `    condition: ${cond}\n`));
add('cond-false-default', top('sub:\n  enabled: false\n', condDeps('sub.enabled')));
add('cond-true-default', top('sub:\n  enabled: true\n', condDeps('sub.enabled')));
add('cond-set-false', top('sub:\n  enabled: true\n', condDeps('sub.enabled')), {
  set: ['sub.enabled=false'],
});
add('cond-set-true', top('sub:\n  enabled: false\n', condDeps('sub.enabled')), { set: ['sub.enabled=true'] });
add('cond-missing', top('x: 1\n', condDeps('sub.enabled')));
add('cond-nonbool', top('sub:\n  enabled: "false"\n', condDeps('sub.enabled')));
add('cond-string-set', top('x: 1\n', condDeps('sub.enabled')), { setString: ['sub.enabled=false'] });
add('cond-multi', top('a: {on: false}\nb: {on: true}\n', condDeps('a.on,b.on')));
add('cond-multi-first-missing', top('b: {on: false}\n', condDeps('nope.on,b.on')));
add('cond-multi-space', top('a: {on: true}\nb: {on: false}\n', condDeps('"x.y, b.on"')));
add('cond-top-level', top('subEnabled: false\n', condDeps('subEnabled')));
add('cond-in-sub-default', top('x: 1\n', condDeps('sub.enabled'), [sub('enabled: false\na: 1\n', '', [])]));
add('cond-table', top('sub:\n  enabled: {a: 1}\n', condDeps('sub.enabled')));
add(
  'cond-subsub',
  top('x: 1\n', deps(dep('sub')), [
    sub('a: 1\nsubsub:\n  enabled: false\n', deps(dep('subsub', '    condition: subsub.enabled\n')), [
      subsub(),
    ]),
  ]),
);
add(
  'cond-subsub-parent-set',
  top('x: 1\n', deps(dep('sub')), [
    sub('a: 1\n', deps(dep('subsub', '    condition: subsub.enabled\n')), [subsub()]),
  ]),
  { set: ['sub.subsub.enabled=false'] },
);
add(
  'cond-subsub-parent-true',
  top('sub:\n  subsub:\n    enabled: true\n', deps(dep('sub')), [
    sub('subsub:\n  enabled: false\n', deps(dep('subsub', '    condition: subsub.enabled\n')), [subsub()]),
  ]),
);
add('cond-disabled-user-values-stay', top('sub:\n  enabled: false\n', condDeps('sub.enabled')), {
  set: ['sub.x=1'],
});
add(
  'cond-alias',
  top(
    'one:\n  enabled: false\n',
    deps(
      dep('sub', '    alias: one\n    condition: one.enabled\n'),
      dep('sub', '    alias: two\n    condition: two.enabled\n'),
    ),
  ),
);
add('cond-global', top('global:\n  subOn: false\n', condDeps('global.subOn')));
// tags
const tagDeps = (tags, cond) =>
  deps(dep('sub', `    tags: [${tags}]\n${cond ? `    condition: ${cond}\n` : ''}`));
add('tags-false', top('tags:\n  t1: false\n', tagDeps('t1')));
add('tags-true', top('tags:\n  t1: true\n', tagDeps('t1')));
add('tags-mixed', top('tags:\n  t1: false\n  t2: true\n', tagDeps('t1, t2')));
add('tags-all-false', top('tags:\n  t1: false\n  t2: false\n', tagDeps('t1, t2')));
add('tags-missing', top('tags:\n  other: false\n', tagDeps('t1')));
add('tags-nonbool', top('tags:\n  t1: "false"\n', tagDeps('t1')));
add('tags-set', top('tags:\n  t1: true\n', tagDeps('t1')), { set: ['tags.t1=false'] });
add('tags-vs-cond', top('tags:\n  t1: false\nsub:\n  enabled: true\n', tagDeps('t1', 'sub.enabled')));
add('tags-vs-cond2', top('tags:\n  t1: true\nsub:\n  enabled: false\n', tagDeps('t1', 'sub.enabled')));
add('tags-vs-cond-missing', top('tags:\n  t1: false\n', tagDeps('t1', 'sub.enabled')));
add('tags-scalar', top('tags: 1\n', tagDeps('t1')));
add(
  'tags-subsub',
  top('tags:\n  deep: false\n', deps(dep('sub')), [
    sub('a: 1\n', deps(dep('subsub', '    tags: [deep]\n')), [subsub()]),
  ]),
);
add(
  'tags-sub-own',
  top('x: 1\n', deps(dep('sub')), [
    sub('tags:\n  deep: false\n', deps(dep('subsub', '    tags: [deep]\n')), [subsub()]),
  ]),
);
// import-values
const impDeps = (iv) => deps(dep('sub', `    import-values:\n${iv}`));
const subExports = sub(
  'exports:\n  data:\n    fromExport: 1\n    shared: sub\nconfig:\n  c1: 1\n  c2: {d: 2}\n',
  '',
  [],
);
add('import-string', top('x: 1\n', impDeps('      - data\n'), [subExports]));
add('import-map', top('x: 1\n', impDeps('      - child: config\n        parent: imported\n'), [subExports]));
add(
  'import-map-dotted',
  top('x: 1\n', impDeps('      - child: config.c2\n        parent: a.b\n'), [subExports]),
);
add(
  'import-parent-wins',
  top(
    'shared: parent\nimported:\n  c1: parent\n',
    impDeps('      - data\n      - child: config\n        parent: imported\n'),
    [subExports],
  ),
);
add(
  'import-user-wins',
  top('x: 1\n', impDeps('      - child: config\n        parent: imported\n'), [subExports]),
  { set: ['imported.c1=user'] },
);
add(
  'import-missing',
  top('x: 1\n', impDeps('      - nothere\n      - child: nope\n        parent: p\n'), [subExports]),
);
add('import-root', top('x: 1\n', impDeps('      - child: config\n        parent: .\n'), [subExports]));
add(
  'import-scalar-child',
  top('x: 1\n', impDeps('      - child: config.c1\n        parent: p\n'), [subExports]),
);
add(
  'import-subsub',
  top('x: 1\n', deps(dep('sub')), [
    sub(
      'a: 1\n',
      deps(dep('subsub', '    import-values:\n      - child: deep\n        parent: fromDeep\n')),
      [subsub('deep:\n  v: 1\n')],
    ),
  ]),
);
add(
  'import-chain',
  top('x: 1\n', deps(dep('sub', '    import-values:\n      - child: fromDeep\n        parent: top\n')), [
    sub(
      'a: 1\n',
      deps(dep('subsub', '    import-values:\n      - child: deep\n        parent: fromDeep\n')),
      [subsub('deep:\n  v: 1\n')],
    ),
  ]),
);
add(
  'import-alias',
  top('x: 1\n', deps(dep('sub', '    alias: al\n    import-values:\n      - data\n')), [subExports]),
);
add(
  'import-user-override-child',
  top('x: 1\n', impDeps('      - child: config\n        parent: imported\n'), [subExports]),
  { set: ['sub.config.c1=99'] },
);
add(
  'import-null-child',
  top('x: 1\n', impDeps('      - child: config\n        parent: imported\n'), [
    sub('config:\n  c1: null\n  c2: 2\n', '', []),
  ]),
);
add(
  'import-disabled',
  top(
    'sub:\n  enabled: false\n',
    deps(dep('sub', '    condition: sub.enabled\n    import-values:\n      - data\n')),
    [subExports],
  ),
);
// library
add(
  'library',
  top('x: 1\n', deps(dep('lib')), [
    { name: 'lib', type: 'library', values: 'libval: 1\nglobal:\n  fromLib: 1\n' },
  ]),
);
// three levels with everything
add('deep-override', top('sub:\n  subsub:\n    ss: top\n    shared: top\n'), {
  valueFiles: [{ name: 'o.yaml', text: 'sub:\n  subsub:\n    new: 1\n' }],
  set: ['sub.subsub.shared=set'],
});
add('deep-null', top('sub:\n  subsub:\n    ss: null\n'), { set: ['sub.subsub.shared=null'] });
add(
  'deep-null-default-subsub',
  top('x: 1\n', deps(dep('sub')), [
    sub('a: 1\n', deps(dep('subsub')), [subsub('n: null\nm: {n: null, k: 1}\n')]),
  ]),
);
add('deep-global', top('global:\n  g: 1\n'), {
  set: ['global.h=2', 'sub.global.i=3', 'sub.subsub.global.j=4'],
});
add('proto', top('__proto__:\n  polluted: 1\n'), {
  set: ['sub.__proto__.x=1', 'constructor.prototype.y=1'],
  setJson: ['sub.constructor={"prototype":{"z":1}}'],
});
add('empty-values', { name: 'probe', extra: deps(dep('sub')), deps: [{ name: 'sub' }] });
add(
  'empty-values-set',
  { name: 'probe', extra: deps(dep('sub')), deps: [{ name: 'sub' }] },
  { set: ['sub.x=1'] },
);
await generateTable('values-coalesce', cases);
