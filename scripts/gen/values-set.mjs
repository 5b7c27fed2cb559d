// The --set family (strvals grammar, typing, errors, ordering) against chart defaults.
// Run: node scripts/gen/values-set.mjs → test/values/cases/values-set.json
import { generateTable } from './values-oracle.mjs';

const defaults = 'a: 1\nm: {x: 1, y: [1, 2]}\nlist: [a, b]\nname: default\n';
const chart = { name: 'probe', values: defaults };
const sets = [
  'x=1',
  'x=0',
  'x=00',
  'x=01',
  'x=-1',
  'x=+5',
  'x=1.5',
  'x=1e3',
  'x=9223372036854775807',
  'x=9223372036854775808',
  'x=true',
  'x=TRUE',
  'x=False',
  'x=null',
  'x=NULL',
  'x=yes',
  'x=',
  'x=a b',
  'x=1_000',
  'x=0x1F',
  'a=null',
  'm=null',
  'm.x=null',
  'm.z=3',
  'm.y[0]=9',
  'm.y[3]=9',
  'list[1]=z',
  'list[0]=null',
  'list=null',
  'a.b=1',
  'name.x=1',
  'list.x=1',
  'm[0]=1',
  'new[2]=x',
  'new[0].a=1,new[0].b=2',
  'new[1].a=1',
  'new[0][1]=x',
  'new[0][0][0]=deep',
  'x={a,b,c}',
  'x={}',
  'x={a}',
  'x={1,true,null}',
  'x={a,b',
  'x[0]={a,b}',
  'a=1,b=2,c=3',
  'a=1,,b=2',
  'a=1,',
  ',a=1',
  'a',
  'a.b',
  'a,b=1',
  'a\\.b=1',
  'a=b\\,c',
  'a=b\\\\c',
  'a=x=y',
  'a\\=b=1',
  'a.b.c.d.e=1',
  'a[-1]=1',
  'a[x]=1',
  'a[0]x=1',
  'a[0',
  'a[0]',
  'a[0]=',
  'a[65536]=1',
  'a[65537]=1',
  'a[99999999999999999999]=1',
  'x.=1',
  '.x=1',
  'x..y=1',
  '=1',
  'x= spaced ',
  'x=ünïcode',
  'x=a\\',
  'b.c=1,b.d=2',
  'm.y=null',
  'm.y[1]=null',
  'name=',
  'global.g=1',
  '__proto__.polluted=1',
  'constructor.prototype.x=1',
  'toString=1',
  `${'n.'.repeat(30)}x=1`,
  `${'n.'.repeat(31)}x=1`,
  'x[0].y[1].z=1',
  'x[1]=a,x[0]=b',
  'x=[1,2]',
];
const cases = [];
sets.forEach((s, i) => {
  cases.push({ id: `set-${i}`, chart, set: [s] });
  cases.push({ id: `setstr-${i}`, chart, setString: [s] });
  cases.push({ id: `setlit-${i}`, chart, setLiteral: [s] });
});
const jsons = [
  'x=1',
  'x=1.5',
  'x="s"',
  'x=true',
  'x=null',
  'x=',
  'x=[1,"a",{"b":null}]',
  'x={"a":{"b":1}}',
  'x={"__proto__":{"p":1}}',
  'x=1,y=2',
  'x=1 , y=2',
  'x=1x',
  'x=tru',
  'x="unterminated',
  'x=[1,2',
  'x=1e400',
  'x=01',
  'x=-',
  'x=1.',
  'x= 5',
  'm={"x":null}',
  'm.x={"k":"v"}',
  'list[1]={"a":1}',
  'list[0]=',
  'x[0]=[1]',
  '{"a":2,"m":{"z":1}}',
  ' {"q":1}',
  '{"a":',
  '{"a":1} ',
  'a=12345678901234567890',
  'x="\\u00e9\\n"',
  'x={"a":1}{"b":2}',
];
jsons.forEach((s, i) => {
  cases.push({ id: `json-${i}`, chart, setJson: [s] });
});
// Ordering between flags and files.
cases.push({
  id: 'order-1',
  chart,
  valueFiles: [{ name: 'f.yaml', text: 'a: file\nm: {x: file}\n' }],
  set: ['a=set'],
  setString: ['a=str'],
});
cases.push({ id: 'order-2', chart, setJson: ['a="json"'], set: ['a=set'] });
cases.push({ id: 'order-3', chart, set: ['a=set'], setLiteral: ['a=lit'] });
cases.push({
  id: 'order-4',
  chart,
  setString: ['a=str'],
  setFile: [{ expr: 'a=f.txt', files: { 'f.txt': 'filecontent\n' } }],
});
cases.push({
  id: 'order-5',
  chart,
  setFile: [{ expr: 'a=f.txt', files: { 'f.txt': 'file' } }],
  setLiteral: ['a=lit'],
});
cases.push({ id: 'order-6', chart, set: ['a=1', 'a=2', 'b=1'] });
cases.push({
  id: 'order-7',
  chart,
  valueFiles: [
    { name: 'a.yaml', text: 'm: {x: a, q: 1}\nlist: [x]\n' },
    { name: 'b.yaml', text: 'm: {x: b}\nlist: null\n' },
  ],
});
cases.push({
  id: 'order-8',
  chart,
  valueFiles: [
    { name: 'a.yaml', text: 'm: 1\n' },
    { name: 'b.yaml', text: 'm: {x: b}\n' },
  ],
});
cases.push({
  id: 'order-9',
  chart,
  valueFiles: [
    { name: 'a.yaml', text: 'm: {x: b}\n' },
    { name: 'b.yaml', text: 'm: 1\n' },
  ],
});
cases.push({ id: 'order-10', chart, valueFiles: [{ name: 'a.yaml', text: 'x: [1, 2]\n' }], set: ['x[1]=3'] });
cases.push({ id: 'order-11', chart, valueFiles: [{ name: 'a.yaml', text: 'x: str\n' }], set: ['x[1]=3'] });
cases.push({ id: 'order-12', chart, valueFiles: [{ name: 'a.yaml', text: 'x: str\n' }], set: ['x.y=3'] });
cases.push({ id: 'order-13', chart, valueFiles: [{ name: 'a.yaml', text: 'x: null\n' }], set: ['x.y=3'] });
cases.push({
  id: 'order-14',
  chart,
  valueFiles: [{ name: 'a.yaml', text: 'x: [null, {a: 1}]\n' }],
  set: ['x[0][0]=3', 'x[1].b=2'],
});
cases.push({
  id: 'file-1',
  chart,
  setFile: [{ expr: 'cert=c.pem', files: { 'c.pem': '-----BEGIN-----\nabc\n' } }],
});
cases.push({ id: 'file-2', chart, setFile: [{ expr: 'cert=missing.pem' }] });
cases.push({
  id: 'file-3',
  chart,
  setFile: [{ expr: 'a.b=x.txt,c=y.txt', files: { 'x.txt': '1', 'y.txt': 'true' } }],
});
cases.push({ id: 'file-4', chart, setFile: [{ expr: 'l[1]=x.txt', files: { 'x.txt': 'item' } }] });
cases.push({ id: 'file-5', chart, setFile: [{ expr: 'a' }] });
await generateTable('values-set', cases);
