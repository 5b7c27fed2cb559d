import { defineFunc, type FuncMap } from '../util/go/func.js';
import type { FuncOptions } from './options.js';

/**
 * The network function family. `getHostByName` answers `""`: that is what `helm template` (and install/upgrade
 * without `--enable-dns`, the default in Helm 3.11+ and Helm 4) prints, since Helm replaces Sprig's DNS lookup
 * while templating. helmkit's core also cannot resolve names synchronously.
 */
export function networkFuncs(_options: FuncOptions): FuncMap {
  return {
    getHostByName: defineFunc('getHostByName', ['string'], () => ''),
  };
}
