/**
 * YAML reading for the loader, behind two functions so the parser can be swapped for helmkit's own Go-YAML
 * parser (src/util/go/yaml-parse.ts) without touching the loader. STOPGAP: uses js-yaml with a YAML 1.1 schema
 * tuned to yaml.v2 (ints kept apart from floats, timestamps kept as strings, duplicate keys: last wins).
 * Error messages only approximate yaml.v2's wording.
 */
import {
  defineScalarTag,
  floatYaml11Tag,
  intYaml11Tag,
  loadAll,
  NOT_RESOLVED,
  timestampTag,
  YAML11_SCHEMA,
  YAMLException,
} from 'js-yaml';
import { type GoMap, type GoValue, newMap } from '../util/go/value.js';
import { GoYamlError, parseGoYaml, parseGoYamlValues } from '../util/go/yaml-parse.js';

const goIntTag = defineScalarTag<bigint>('tag:yaml.org,2002:int', {
  implicit: true,
  implicitFirstChars: intYaml11Tag.implicitFirstChars,
  resolve: (s, explicit, tag) => {
    const r = intYaml11Tag.resolve(s, explicit, tag);
    return r === NOT_RESOLVED ? r : BigInt(r);
  },
  identify: (d) => typeof d === 'bigint',
});

// yaml.v2 keeps timestamp-looking scalars as strings when decoding into interface{}.
const goTimestampTag = defineScalarTag<string>('tag:yaml.org,2002:timestamp', {
  implicit: true,
  implicitFirstChars: timestampTag.implicitFirstChars,
  resolve: (s, explicit, tag) => (timestampTag.resolve(s, explicit, tag) === NOT_RESOLVED ? NOT_RESOLVED : s),
  identify: () => false,
});

// yaml.v2 also reads `1e6` (no dot) as a float.
const YAML_V2_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const goFloatTag = defineScalarTag<number>('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: null,
  resolve: (s, explicit, tag) => {
    const r = floatYaml11Tag.resolve(s, explicit, tag);
    if (r !== NOT_RESOLVED) return r;
    const plain = s.replaceAll('_', '');
    return YAML_V2_FLOAT.test(plain) ? Number(plain) : NOT_RESOLVED;
  },
  identify: (d) => typeof d === 'number',
});

const SCHEMA = YAML11_SCHEMA.withTags(goIntTag, goFloatTag, goTimestampTag);

/** A YAML syntax error, with yaml.v2-like text (`yaml: line N: reason`). */
export class YamlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlSyntaxError';
  }
}

/**
 * A YAML value as Go's yaml.v2 decodes it into `interface{}`: int → bigint, float → number, maps → null-prototype
 * objects with keys printed the Go way (`true`, `1`), sequences → arrays, null → null.
 */
export type YamlValue =
  | null
  | string
  | boolean
  | bigint
  | number
  | YamlValue[]
  | { [key: string]: YamlValue };

function convert(v: unknown): YamlValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number')
    return v;
  if (Array.isArray(v)) return v.map(convert);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Array.from(v, (b) => BigInt(b));
  if (typeof v === 'object') {
    const out = Object.create(null) as { [key: string]: YamlValue };
    for (const k of Object.keys(v as object)) out[k] = convert((v as Record<string, unknown>)[k]);
    return out;
  }
  return String(v);
}

/**
 * Parses one YAML document the way yaml.v2 decodes it into `interface{}`. An empty document is `null`.
 * @throws YamlSyntaxError
 */
export function parseYamlDocument(text: string): YamlValue {
  // Syntax errors come from helmkit's Go YAML parser, which reproduces yaml.v2's messages; the typing below keeps
  // ints apart from floats, which that parser's JSON-round-tripped output no longer does.
  try {
    parseGoYaml(text);
  } catch (e) {
    if (!(e instanceof GoYamlError)) throw e;
    const m = /^error converting YAML to JSON: (yaml: .*)$/s.exec(e.message);
    if (m) throw new YamlSyntaxError(m[1]);
  }
  try {
    const docs = loadAll(text, { schema: SCHEMA, json: true, maxDepth: 10_000 });
    return convert(docs.length > 0 ? docs[0] : null);
  } catch (e) {
    if (e instanceof YAMLException) {
      const m = /\((\d+):\d+\)/.exec(e.message);
      const reason = e.message.split('\n')[0].replace(/\s*\(\d+:\d+\)$/, '');
      throw new YamlSyntaxError(`yaml: line ${m ? m[1] : '0'}: ${reason}`);
    }
    if (e instanceof RangeError) throw new YamlSyntaxError('yaml: exceeded max depth');
    throw e;
  }
}

/** Converts a decoded YAML value the way Helm 3 reads values files: through JSON, so every number is a float64. */
export function yamlToGoValue(v: YamlValue): GoValue {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(yamlToGoValue);
  if (v !== null && typeof v === 'object') {
    const m = newMap();
    for (const k of Object.keys(v)) m[k] = yamlToGoValue(v[k]);
    return m;
  }
  return v;
}

/**
 * Parses a values file (values.yaml) into a Go map as Helm 3 does (`sigs.k8s.io/yaml` into
 * `map[string]interface{}`). @throws Error with Helm's message (without the `cannot load values.yaml: ` prefix).
 */
export function parseValuesYaml(text: string, multiDoc = false): GoMap {
  try {
    return parseGoYamlValues(text, { multiDoc });
  } catch (e) {
    if (e instanceof GoYamlError) throw new Error(e.message);
    throw e;
  }
}

/** The js-yaml based values reader, kept for reference while the Go YAML parser matures. */
export function parseValuesYamlStopgap(text: string): GoMap {
  let doc: YamlValue;
  try {
    doc = parseYamlDocument(text);
  } catch (e) {
    if (e instanceof YamlSyntaxError) throw new Error(`error converting YAML to JSON: ${e.message}`);
    throw e;
  }
  if (doc === null) return newMap();
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(doc)} into Go value of type map[string]interface {}`,
    );
  }
  return yamlToGoValue(doc) as GoMap;
}

/** The JSON kind name Go's encoding/json uses in type errors. */
export function jsonKind(v: YamlValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint' || typeof v === 'number') return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}
