/**
 * Go's `net/url` as Sprig's `urlParse`/`urlJoin` use it: `url.Parse`, `URL.Hostname`, `Userinfo.String` and
 * `URL.String` with Go's escaping rules (`EscapedPath`, `EscapedFragment`, host escaping, `//` and `./`
 * handling).
 *
 * Hand-written because JavaScript's `URL` class follows the WHATWG URL standard, which normalises, lowercases
 * hosts, percent-encodes different byte sets and rejects or accepts different inputs than Go's RFC 3986
 * reading. Go works on UTF-8 bytes: here non-ASCII characters are escaped byte by byte and unescaped bytes are
 * decoded as UTF-8 (invalid sequences become U+FFFD, which is also how Helm's raw bytes read back as text).
 *
 * Two Go versions matter: Helm 3.17 is built with Go 1.23 and Helm 4.1 with Go 1.25, whose `parseHost`
 * accepts a bracketed host only when it is a valid IPv6 address (the fix for CVE-2025-47912): pass
 * `strictIPLiteral` for that behaviour.
 */
import { quote } from '../util/go/strconv.js';

/** A parse failure: `message` is Go's `*url.Error` text (`parse "URL": reason`) or a bare reason. */
export class GoURLError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoURLError';
  }
}

/** Go's `*url.Userinfo`. */
export interface GoUserinfo {
  username: string;
  password: string;
  passwordSet: boolean;
}

/** Go's `url.URL` (the fields `urlParse` and `urlJoin` touch). */
export interface GoURL {
  scheme: string;
  opaque: string;
  user: GoUserinfo | null;
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

/** Options of {@link parseURL}. */
export interface ParseURLOptions {
  /** Go ≥ 1.24.8/1.25.2: bracketed hosts must be valid IPv6 addresses (Helm 4.1). */
  strictIPLiteral?: boolean;
}

enum Mode {
  Path = 1,
  PathSegment,
  Host,
  Zone,
  UserPassword,
  QueryComponent,
  Fragment,
}

const UPPERHEX = '0123456789ABCDEF';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function isAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

function ishex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return 0;
}

/** Go's `shouldEscape` for one byte. */
function shouldEscape(c: number, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  if (mode === Mode.Host || mode === Mode.Zone) {
    switch (c) {
      case 0x21: // !
      case 0x24: // $
      case 0x26: // &
      case 0x27: // '
      case 0x28: // (
      case 0x29: // )
      case 0x2a: // *
      case 0x2b: // +
      case 0x2c: // ,
      case 0x3b: // ;
      case 0x3d: // =
      case 0x3a: // :
      case 0x5b: // [
      case 0x5d: // ]
      case 0x3c: // <
      case 0x3e: // >
      case 0x22: // "
        return false;
    }
  }
  switch (c) {
    case 0x2d: // -
    case 0x5f: // _
    case 0x2e: // .
    case 0x7e: // ~
      return false;
    case 0x24: // $
    case 0x26: // &
    case 0x2b: // +
    case 0x2c: // ,
    case 0x2f: // /
    case 0x3a: // :
    case 0x3b: // ;
    case 0x3d: // =
    case 0x3f: // ?
    case 0x40: // @
      switch (mode) {
        case Mode.Path:
          return c === 0x3f;
        case Mode.PathSegment:
          return c === 0x2f || c === 0x3b || c === 0x2c || c === 0x3f;
        case Mode.UserPassword:
          return c === 0x40 || c === 0x2f || c === 0x3f || c === 0x3a;
        case Mode.QueryComponent:
          return true;
        case Mode.Fragment:
          return false;
      }
  }
  if (mode === Mode.Fragment) {
    switch (c) {
      case 0x21: // !
      case 0x28: // (
      case 0x29: // )
      case 0x2a: // *
        return false;
    }
  }
  return true;
}

/** Go's `%q` of a byte string (bytes that are not UTF-8 print as `\xNN`). */
function quoteBytes(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    if (c < 0x80) n = 1;
    else if (c >= 0xc2 && c <= 0xdf) n = 2;
    else if (c >= 0xe0 && c <= 0xef) n = 3;
    else if (c >= 0xf0 && c <= 0xf4) n = 4;
    let ok = n > 0 && i + n <= b.length;
    for (let k = 1; ok && k < n; k++) ok = (b[i + k] & 0xc0) === 0x80;
    if (ok && n > 1) {
      const s = decoder.decode(b.subarray(i, i + n));
      ok = !s.includes('\ufffd');
    }
    if (ok) {
      const q = quote(decoder.decode(b.subarray(i, i + n)));
      out += q.slice(1, -1);
      i += n;
    } else {
      out += `\\x${c.toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return `"${out}"`;
}

/** Go's `EscapeError`: `invalid URL escape "%zz"` (the three bytes at the bad escape). */
function escapeError(s: string, i: number): GoURLError {
  const bytes = encoder.encode(s.slice(i, i + 3));
  return new GoURLError(`invalid URL escape ${quoteBytes(bytes.subarray(0, 3))}`);
}

/** Go's `unescape`: decodes %XX (and `+` in query components); throws Go's error texts. */
function urlUnescape(s: string, mode: Mode): string {
  let n = 0;
  let hasPlus = false;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      n++;
      if (i + 2 >= s.length || !ishex(s.charCodeAt(i + 1)) || !ishex(s.charCodeAt(i + 2))) {
        throw escapeError(s, i);
      }
      // In a host, %-encoding may only stand for non-ASCII bytes (RFC 3986), except %25 (RFC 6874 zones).
      if (mode === Mode.Host && unhex(s.charCodeAt(i + 1)) < 8 && s.slice(i, i + 3) !== '%25') {
        throw new GoURLError(`invalid URL escape ${quote(s.slice(i, i + 3))}`);
      }
      if (mode === Mode.Zone) {
        const v = (unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2));
        if (s.slice(i, i + 3) !== '%25' && v !== 0x20 && shouldEscape(v, Mode.Host)) {
          throw new GoURLError(`invalid URL escape ${quote(s.slice(i, i + 3))}`);
        }
      }
      i += 3;
    } else if (c === 0x2b) {
      hasPlus = mode === Mode.QueryComponent;
      i++;
    } else {
      if ((mode === Mode.Host || mode === Mode.Zone) && c < 0x80 && shouldEscape(c, mode)) {
        throw new GoURLError(`invalid character ${quote(s[i])} in host name`);
      }
      i++;
    }
  }
  if (n === 0 && !hasPlus) return s;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      bytes.push((unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2)));
      i += 2;
    } else if (c === 0x2b) {
      bytes.push(mode === Mode.QueryComponent ? 0x20 : 0x2b);
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      for (const b of encoder.encode(String.fromCodePoint(cp))) bytes.push(b);
    }
  }
  return decoder.decode(Uint8Array.from(bytes));
}

/** Go's `escape`: percent-encodes (upper-case hex) every UTF-8 byte `shouldEscape` selects. */
function urlEscape(s: string, mode: Mode): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || shouldEscape(c, mode)) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x20 && mode === Mode.QueryComponent) out += '+';
      else if (shouldEscape(c, mode)) out += `%${UPPERHEX[c >> 4]}${UPPERHEX[c & 15]}`;
      else out += s[i];
    } else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      for (const b of encoder.encode(String.fromCodePoint(cp)))
        out += `%${UPPERHEX[b >> 4]}${UPPERHEX[b & 15]}`;
    }
  }
  return out;
}

function hasCTL(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Go's `getScheme`: [scheme, rest]. */
function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === 0x3a) {
      if (i === 0) throw new GoURLError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port.charCodeAt(0) !== 0x3a) return false;
  for (let i = 1; i < port.length; i++) {
    const c = port.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Go's `validUserinfo` (RFC 3986 §3.2.1 characters, plus `%` and `@`). */
function validUserinfo(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isAlnum(c)) continue;
    switch (c) {
      case 0x2d: // -
      case 0x2e: // .
      case 0x5f: // _
      case 0x3a: // :
      case 0x7e: // ~
      case 0x21: // !
      case 0x24: // $
      case 0x26: // &
      case 0x27: // '
      case 0x28: // (
      case 0x29: // )
      case 0x2a: // *
      case 0x2b: // +
      case 0x2c: // ,
      case 0x3b: // ;
      case 0x3d: // =
      case 0x25: // %
      case 0x40: // @
        continue;
      default:
        return false;
    }
  }
  return true;
}

/** `netip.ParseAddr`'s error text. */
function addrError(input: string, msg: string, at = ''): GoURLError {
  const tail = at === '' ? '' : ` (at ${quote(at)})`;
  return new GoURLError(`invalid host: ParseAddr(${quote(input)}): ${msg}${tail}`);
}

/** `netip`'s `parseIPv4Fields` over `input.slice(off, end)` (errors name the whole input). */
function checkIPv4Fields(input: string, off: number, end: number): void {
  const s = input.slice(off, end);
  let val = 0;
  let pos = 0;
  let digLen = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (digLen === 1 && val === 0) throw addrError(input, 'IPv4 field has octet with leading zero');
      val = val * 10 + (c - 0x30);
      digLen++;
      if (val > 255) throw addrError(input, 'IPv4 field has value >255');
    } else if (c === 0x2e) {
      if (i === 0 || i === s.length - 1 || s.charCodeAt(i - 1) === 0x2e) {
        throw addrError(input, 'IPv4 field must have at least one digit', s.slice(i));
      }
      if (pos === 3) throw addrError(input, 'IPv4 address too long');
      pos++;
      val = 0;
      digLen = 0;
    } else {
      throw addrError(input, 'unexpected character', s.slice(i));
    }
  }
  if (pos < 3) throw addrError(input, 'IPv4 address too short');
}

/** `netip`'s `parseIPv6` checks. */
function checkIPv6(input: string): void {
  let s = input;
  let zone = '';
  const pct = s.indexOf('%');
  if (pct >= 0) {
    zone = s.slice(pct + 1);
    s = s.slice(0, pct);
    if (zone === '') throw addrError(input, 'zone must be a non-empty string');
  }
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return;
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    while (off < s.length) {
      const c = s.charCodeAt(off);
      if (!ishex(c)) break;
      acc = (acc << 4) + unhex(c);
      if (off > 3) throw addrError(input, 'each group must have 4 or less digits', s);
      if (acc > 0xffff) throw addrError(input, 'IPv6 field has value >=2^16', s);
      off++;
    }
    if (off === 0) throw addrError(input, 'each colon-separated field must have at least one digit', s);
    if (off < s.length && s.charCodeAt(off) === 0x2e) {
      if (ellipsis < 0 && i !== 12) {
        throw addrError(input, 'embedded IPv4 address must replace the final 2 fields of the address', s);
      }
      if (i + 4 > 16) {
        throw addrError(input, 'too many hex fields to fit an embedded IPv4 at the end of the address', s);
      }
      const end = input.length - (zone === '' ? 0 : zone.length + 1);
      checkIPv4Fields(input, end - s.length, end);
      s = '';
      i += 4;
      break;
    }
    i += 2;
    s = s.slice(off);
    if (s === '') break;
    if (s.charCodeAt(0) !== 0x3a) throw addrError(input, 'unexpected character, want colon', s);
    if (s.length === 1) throw addrError(input, 'colon must be followed by more characters', s);
    s = s.slice(1);
    if (s.charCodeAt(0) === 0x3a) {
      if (ellipsis >= 0) throw addrError(input, 'multiple :: in address', s);
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') throw addrError(input, 'trailing garbage after address', s);
  if (i < 16) {
    if (ellipsis < 0) throw addrError(input, 'address string too short');
  } else if (ellipsis >= 0) {
    throw addrError(input, 'the :: must expand to at least one field of zeros');
  }
}

/** `netip.ParseAddr`: true for an IPv4 address, false for IPv6; throws Go's error. */
function parseAddrIs4(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) {
      checkIPv4Fields(s, 0, s.length);
      return true;
    }
    if (c === 0x3a) {
      checkIPv6(s);
      return false;
    }
    if (c === 0x25) throw addrError(s, 'missing IPv6 address');
  }
  throw addrError(s, 'unable to parse IP');
}

/** Go's `parseHost` (host[:port] without userinfo). */
function parseHost(host: string, strict: boolean): string {
  if (strict) {
    const open = host.lastIndexOf('[');
    if (open > 0) throw new GoURLError('invalid IP-literal');
    if (open === 0) {
      const close = host.lastIndexOf(']');
      if (close < 0) throw new GoURLError("missing ']' in host");
      const colonPort = host.slice(close + 1);
      if (!validOptionalPort(colonPort)) throw new GoURLError(`invalid port ${quote(colonPort)} after host`);
      const port = urlUnescape(colonPort, Mode.Host);
      const name = host.slice(1, close);
      const zone = name.indexOf('%25');
      const unescaped =
        zone >= 0
          ? urlUnescape(name.slice(0, zone), Mode.Host) + urlUnescape(name.slice(zone), Mode.Zone)
          : urlUnescape(name, Mode.Host);
      if (parseAddrIs4(unescaped)) throw new GoURLError('invalid IP-literal');
      return `[${unescaped}]${port}`;
    }
  } else if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new GoURLError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new GoURLError(`invalid port ${quote(colonPort)} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) {
      return (
        urlUnescape(host.slice(0, zone), Mode.Host) +
        urlUnescape(host.slice(zone, i), Mode.Zone) +
        urlUnescape(host.slice(i), Mode.Host)
      );
    }
    return urlUnescape(host, Mode.Host);
  }
  const i = host.lastIndexOf(':');
  if (i !== -1) {
    const colonPort = host.slice(i);
    if (!validOptionalPort(colonPort)) throw new GoURLError(`invalid port ${quote(colonPort)} after host`);
  }
  return urlUnescape(host, Mode.Host);
}

function parseAuthority(authority: string, url: GoURL, strict: boolean): void {
  const i = authority.lastIndexOf('@');
  url.host = parseHost(i < 0 ? authority : authority.slice(i + 1), strict);
  if (i < 0) return;
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) throw new GoURLError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) {
    url.user = { username: urlUnescape(userinfo, Mode.UserPassword), password: '', passwordSet: false };
  } else {
    const username = urlUnescape(userinfo.slice(0, colon), Mode.UserPassword);
    const password = urlUnescape(userinfo.slice(colon + 1), Mode.UserPassword);
    url.user = { username, password, passwordSet: true };
  }
}

function setPath(url: GoURL, p: string): void {
  const path = urlUnescape(p, Mode.Path);
  url.path = path;
  url.rawPath = urlEscape(path, Mode.Path) === p ? '' : p;
}

function setFragment(url: GoURL, f: string): void {
  const frag = urlUnescape(f, Mode.Fragment);
  url.fragment = frag;
  url.rawFragment = urlEscape(frag, Mode.Fragment) === f ? '' : f;
}

/** An empty `url.URL`. */
export function emptyURL(): GoURL {
  return {
    scheme: '',
    opaque: '',
    user: null,
    host: '',
    path: '',
    rawPath: '',
    omitHost: false,
    forceQuery: false,
    rawQuery: '',
    fragment: '',
    rawFragment: '',
  };
}

/** Go's unexported `parse(rawURL, viaRequest=false)`; throws the bare reason. */
function parseNoFrag(raw: string, strict: boolean): GoURL {
  if (hasCTL(raw)) throw new GoURLError('net/url: invalid control character in URL');
  const url = emptyURL();
  if (raw === '*') {
    url.path = '*';
    return url;
  }
  let [scheme, rest] = getScheme(raw);
  url.scheme = scheme.toLowerCase();
  const q = rest.indexOf('?');
  if (q === rest.length - 1 && q >= 0) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else if (q >= 0) {
    url.rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      // Rootless paths after a scheme are opaque (RFC 3986).
      url.opaque = rest;
      return url;
    }
    const slash = rest.indexOf('/');
    const segment = slash < 0 ? rest : rest.slice(0, slash);
    if (segment.includes(':')) throw new GoURLError('first path segment in URL cannot contain colon');
  }
  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const i = authority.indexOf('/');
    if (i >= 0) {
      rest = authority.slice(i);
      authority = authority.slice(0, i);
    }
    parseAuthority(authority, url, strict);
  } else if (url.scheme !== '' && rest.startsWith('/')) {
    url.omitHost = true;
  }
  setPath(url, rest);
  return url;
}

/** Go's `url.Parse`; throws {@link GoURLError} with the `*url.Error` text (`parse "…": reason`). */
export function parseURL(raw: string, options: ParseURLOptions = {}): GoURL {
  const strict = options.strictIPLiteral === true;
  const hash = raw.indexOf('#');
  const u = hash < 0 ? raw : raw.slice(0, hash);
  const frag = hash < 0 ? '' : raw.slice(hash + 1);
  let url: GoURL;
  try {
    url = parseNoFrag(u, strict);
  } catch (e) {
    if (e instanceof GoURLError) throw new GoURLError(`parse ${quote(u)}: ${e.message}`);
    throw e;
  }
  if (frag === '') return url;
  try {
    setFragment(url, frag);
  } catch (e) {
    if (e instanceof GoURLError) throw new GoURLError(`parse ${quote(raw)}: ${e.message}`);
    throw e;
  }
  return url;
}

/** Go's `URL.Hostname`: the host without a valid numeric port and without IPv6 brackets. */
export function urlHostname(url: GoURL): string {
  let host = url.host;
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(host.slice(colon))) host = host.slice(0, colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return host;
}

/** Go's `Userinfo.String`: `username[:password]`, escaped. */
export function userinfoString(u: GoUserinfo): string {
  let s = urlEscape(u.username, Mode.UserPassword);
  if (u.passwordSet) s += `:${urlEscape(u.password, Mode.UserPassword)}`;
  return s;
}

/** Go's `RawPath`-aware valid-encoding check. */
function validEncoded(s: string, mode: Mode): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x21: // !
      case 0x24: // $
      case 0x26: // &
      case 0x27: // '
      case 0x28: // (
      case 0x29: // )
      case 0x2a: // *
      case 0x2b: // +
      case 0x2c: // ,
      case 0x3b: // ;
      case 0x3d: // =
      case 0x3a: // :
      case 0x40: // @
      case 0x5b: // [
      case 0x5d: // ]
      case 0x25: // %
        continue;
      default:
        if (c >= 0x80 || shouldEscape(c, mode)) return false;
    }
  }
  return true;
}

function unescapeOrUndefined(s: string, mode: Mode): string | undefined {
  try {
    return urlUnescape(s, mode);
  } catch (e) {
    if (e instanceof GoURLError) return undefined;
    throw e;
  }
}

function escapedPath(url: GoURL): string {
  if (url.rawPath !== '' && validEncoded(url.rawPath, Mode.Path)) {
    if (unescapeOrUndefined(url.rawPath, Mode.Path) === url.path) return url.rawPath;
  }
  if (url.path === '*') return '*';
  return urlEscape(url.path, Mode.Path);
}

function escapedFragment(url: GoURL): string {
  if (url.rawFragment !== '' && validEncoded(url.rawFragment, Mode.Fragment)) {
    if (unescapeOrUndefined(url.rawFragment, Mode.Fragment) === url.fragment) return url.rawFragment;
  }
  return urlEscape(url.fragment, Mode.Fragment);
}

/** Go's `URL.String`. */
export function urlString(url: GoURL): string {
  let buf = '';
  if (url.scheme !== '') buf += `${url.scheme}:`;
  if (url.opaque !== '') {
    buf += url.opaque;
  } else {
    if (url.scheme !== '' || url.host !== '' || url.user !== null) {
      if (!(url.omitHost && url.host === '' && url.user === null)) {
        if (url.host !== '' || url.path !== '' || url.user !== null) buf += '//';
        if (url.user !== null) buf += `${userinfoString(url.user)}@`;
        if (url.host !== '') buf += urlEscape(url.host, Mode.Host);
      }
    }
    const path = escapedPath(url);
    if (path !== '' && path.charCodeAt(0) !== 0x2f && url.host !== '') buf += '/';
    if (buf === '') {
      // RFC 3986 §4.2: a first segment with a colon would read as a scheme; prefix "./".
      const slash = path.indexOf('/');
      const segment = slash < 0 ? path : path.slice(0, slash);
      if (segment.includes(':')) buf += './';
    }
    buf += path;
  }
  if (url.forceQuery || url.rawQuery !== '') buf += `?${url.rawQuery}`;
  if (url.fragment !== '') buf += `#${escapedFragment(url)}`;
  return buf;
}
