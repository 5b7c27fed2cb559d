/** Sprig's `strval` / `strslice` (shared by strings, lists and conversions). */
import { formatValue } from '../../util/go/fmt.js';
import { goStringFromBytes } from '../../util/go/strconv.js';
import { GO_TYPE, type GoValue, withGoType } from '../../util/go/value.js';
import { isNil } from './h5-reflect.js';

/** Sprig's `strval`: strings as is, `[]byte` as Go's `string(b)` (bytes kept), everything else as `%v`. */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return goStringFromBytes(v);
  return formatValue(v);
}

/**
 * Sprig's `strslice`: a `[]string` from a slice (nil elements dropped), from nil (empty), or from any other
 * value (one element, its `strval`). The result is typed `[]string`.
 */
export function strslice(v: GoValue): string[] {
  let out: string[];
  if (Array.isArray(v)) {
    const tag = (v as { [GO_TYPE]?: string })[GO_TYPE];
    if (tag === '[]string') return v as string[];
    out = [];
    for (const e of v) if (!isNil(e)) out.push(strval(e));
  } else if (v instanceof Uint8Array) {
    out = Array.from(v, (b) => String(b));
  } else if (isNil(v)) {
    out = [];
  } else {
    out = [strval(v)];
  }
  return withGoType(out, '[]string');
}
