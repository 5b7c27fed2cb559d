/** mitchellh/copystructure's `Copy` as Sprig's `deepCopy` uses it: maps and slices are copied recursively. */
import { GoFuncError } from '../../util/go/func.js';
import { GO_TYPE, type GoValue, isMap, newMap, withGoType } from '../../util/go/value.js';

/** Deep-copies a Go value; nil panics like copystructure (`reflect.Value.Type` on a zero Value). */
export function deepCopy(v: GoValue): GoValue {
  if (v === null || v === undefined) {
    throw new GoFuncError('reflect: call of reflect.Value.Type on zero Value');
  }
  return copyValue(v);
}

function copyValue(v: GoValue): GoValue {
  if (Array.isArray(v)) {
    const out = v.map(copyValue);
    const tag = (v as { [GO_TYPE]?: string })[GO_TYPE];
    return tag ? withGoType(out, tag) : out;
  }
  if (v instanceof Uint8Array) return v.slice();
  if (isMap(v)) {
    const out = newMap();
    for (const k of Object.keys(v)) out[k] = copyValue(v[k]);
    const tag = (v as { [GO_TYPE]?: string })[GO_TYPE];
    return tag ? withGoType(out, tag) : out;
  }
  return v;
}
