/**
 * Go's `path` package (Base, Dir, Clean, Ext, IsAbs), hand-written because Node's `path` is not allowed in the
 * core and differs from Go (e.g. Go's `Base("")` is `.`, `Clean("")` is `.`, `Ext` looks only after the last `/`).
 * On Linux (where Helm runs) `path/filepath` behaves the same, so the `os*` variants share these.
 */

/** Go's `path.Clean`: lexical shortest equivalent path. */
export function goClean(p: string): string {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  const n = p.length;
  const out: string[] = [];
  let w = 0; // length of out joined, tracked as segments
  let dotdot = 0; // number of leading `..` segments that cannot be removed
  let r = rooted ? 1 : 0;
  while (r < n) {
    if (p[r] === '/') {
      r++;
      continue;
    }
    let e = r;
    while (e < n && p[e] !== '/') e++;
    const seg = p.slice(r, e);
    r = e;
    if (seg === '.') continue;
    if (seg === '..') {
      if (out.length > dotdot) out.pop();
      else if (!rooted) {
        out.push('..');
        dotdot++;
      }
      continue;
    }
    out.push(seg);
  }
  w = out.length;
  const body = out.join('/');
  if (rooted) return `/${body}`;
  return w === 0 ? '.' : body;
}

/** Go's `path.Base`. */
export function goBase(p: string): string {
  if (p === '') return '.';
  let end = p.length;
  while (end > 0 && p[end - 1] === '/') end--;
  if (end === 0) return '/';
  const s = p.slice(0, end);
  const i = s.lastIndexOf('/');
  return i >= 0 ? s.slice(i + 1) : s;
}

/** Go's `path.Dir`: everything but the last element, cleaned. */
export function goDir(p: string): string {
  const i = p.lastIndexOf('/');
  return goClean(p.slice(0, i + 1));
}

/** Go's `path.Ext`: the suffix from the last `.` in the final element. */
export function goExt(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) {
    if (p[i] === '.') return p.slice(i);
  }
  return '';
}

/** Go's `path.IsAbs`. */
export function goIsAbs(p: string): boolean {
  return p.length > 0 && p[0] === '/';
}
