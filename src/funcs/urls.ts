import { defineFunc, type FuncMap, GoFuncError } from '../util/go/func.js';
import { type GoMap, type GoValue, kindOf, newMap } from '../util/go/value.js';
import type { FuncOptions } from './options.js';
import {
  emptyURL,
  GoURLError,
  type GoUserinfo,
  type ParseURLOptions,
  parseURL,
  urlHostname,
  urlString,
  userinfoString,
} from './url-parse.js';

/**
 * Sprig's `dictGetOrEmpty`: a missing key is `""`; a non-string value panics (a nil value dereferences a nil
 * `reflect.Type`, which the template reports as Go's runtime error).
 */
function dictGetOrEmpty(d: GoMap, key: string): string {
  if (!Object.hasOwn(d, key)) return '';
  const v = d[key];
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) {
    throw new GoFuncError('runtime error: invalid memory address or nil pointer dereference');
  }
  throw new GoFuncError(`unable to parse ${key} key, must be of type string, but ${kindOf(v)} found`);
}

function urlParse(s: string, opts: ParseURLOptions): GoMap {
  let u: ReturnType<typeof parseURL>;
  try {
    u = parseURL(s, opts);
  } catch (e) {
    if (e instanceof GoURLError) throw new GoFuncError(`unable to parse url: ${e.message}`);
    throw e;
  }
  const m = newMap();
  m.scheme = u.scheme;
  m.host = u.host;
  m.hostname = urlHostname(u);
  m.path = u.path;
  m.query = u.rawQuery;
  m.opaque = u.opaque;
  m.fragment = u.fragment;
  m.userinfo = u.user === null ? '' : userinfoString(u.user);
  return m;
}

function urlJoin(d: GoMap, opts: ParseURLOptions): string {
  const u = emptyURL();
  u.scheme = dictGetOrEmpty(d, 'scheme');
  u.host = dictGetOrEmpty(d, 'host');
  u.path = dictGetOrEmpty(d, 'path');
  u.rawQuery = dictGetOrEmpty(d, 'query');
  u.opaque = dictGetOrEmpty(d, 'opaque');
  u.fragment = dictGetOrEmpty(d, 'fragment');
  const userinfo = dictGetOrEmpty(d, 'userinfo');
  let user: GoUserinfo | null = null;
  if (userinfo !== '') {
    try {
      user = parseURL(`proto://${userinfo}@host`, opts).user;
    } catch (e) {
      if (e instanceof GoURLError) throw new GoFuncError(`unable to parse userinfo in dict: ${e.message}`);
      throw e;
    }
  }
  u.user = user;
  return urlString(u);
}

/**
 * Sprig's URL functions: `urlParse` (Go's `url.Parse` into a dict with `scheme`, `host`, `hostname`, `path`,
 * `query`, `opaque`, `fragment`, `userinfo`) and `urlJoin` (a URL string from such a dict via Go's
 * `URL.String`). Sprig panics on bad input; the template reports the panic like a returned error. Helm 4's Go
 * rejects bracketed hosts that are not IPv6 addresses.
 */
export function urlsFuncs(options: FuncOptions): FuncMap {
  const opts: ParseURLOptions = { strictIPLiteral: options.compat === 'helm4' };
  return {
    urlParse: defineFunc('urlParse', ['string'], (s: GoValue) => urlParse(s as string, opts)),
    urlJoin: defineFunc('urlJoin', ['map[string]interface {}'], (d: GoValue) =>
      urlJoin((d as GoMap | null) ?? newMap(), opts),
    ),
  };
}
