import type { FuncMap } from '../util/go/func.js';
import { conversionsFuncs } from './conversions.js';
import { cryptoFuncs } from './crypto.js';
import { datesFuncs } from './dates.js';
import { defaultsFuncs } from './defaults.js';
import { dictsFuncs } from './dicts.js';
import { encodingFuncs } from './encoding.js';
import { flowFuncs } from './flow.js';
import { jsonFuncs } from './json.js';
import { listsFuncs } from './lists.js';
import { mathFuncs } from './math.js';
import { networkFuncs } from './network.js';
import type { FuncOptions } from './options.js';
import { pathsFuncs } from './paths.js';
import { randomFuncs } from './random.js';
import { regexFuncs } from './regex.js';
import { semverFuncs } from './semver.js';
import { stringsFuncs } from './strings.js';
import { tomlFuncs } from './toml.js';
import { typesFuncs } from './types.js';
import { urlsFuncs } from './urls.js';
import { yamlFuncs } from './yaml.js';

export type { Compat, FuncOptions } from './options.js';

const cache = new Map<string, FuncMap>();

/**
 * All Sprig and Helm functions that do not depend on a render (everything except `include`, `tpl` and
 * `lookup`, which the render engine adds). The map is built once per compat mode and shared: functions are pure.
 */
export function createFuncMap(options: FuncOptions): FuncMap {
  const hit = cache.get(options.compat);
  if (hit) return hit;
  const m: FuncMap = Object.assign(
    Object.create(null) as FuncMap,
    stringsFuncs(options),
    listsFuncs(options),
    dictsFuncs(options),
    defaultsFuncs(options),
    typesFuncs(options),
    conversionsFuncs(options),
    mathFuncs(options),
    flowFuncs(options),
    encodingFuncs(options),
    cryptoFuncs(options),
    regexFuncs(options),
    semverFuncs(options),
    datesFuncs(options),
    pathsFuncs(options),
    networkFuncs(options),
    randomFuncs(options),
    yamlFuncs(options),
    jsonFuncs(options),
    tomlFuncs(options),
    urlsFuncs(options),
  );
  cache.set(options.compat, m);
  return m;
}
