import { defineFunc, type FuncMap } from '../util/go/func.js';
import type { GoValue } from '../util/go/value.js';
import { b32decode, b32encode, b64decode, b64encode, fromUtf8, utf8 } from './internal/h6-bytes.js';
import type { FuncOptions } from './options.js';

/** Sprig's encode/decode pair: a decode error is not an error but its text as the result (Sprig's quirk). */
function decoder(decode: (b: Uint8Array) => Uint8Array): (s: GoValue) => GoValue {
  return (s) => {
    try {
      return fromUtf8(decode(utf8(s as string)));
    } catch (e) {
      return (e as Error).message;
    }
  };
}

/** The encoding function family: `b64enc`, `b64dec`, `b32enc`, `b32dec` (same in Helm 3 and 4). */
export function encodingFuncs(_options: FuncOptions): FuncMap {
  return {
    b64enc: defineFunc('b64enc', ['string'], (s) => b64encode(utf8(s as string))),
    b64dec: defineFunc('b64dec', ['string'], decoder(b64decode)),
    b32enc: defineFunc('b32enc', ['string'], (s) => b32encode(utf8(s as string))),
    b32dec: defineFunc('b32dec', ['string'], decoder(b32decode)),
  };
}
