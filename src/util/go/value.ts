/**
 * Go's value model, as Helm templates see it, in TypeScript.
 *
 * Written by hand because Go prints and compares values by their *type*, not only their content: an `int`
 * `1000000` prints `1000000` but a `float64` of the same value prints `1e+06`; `typeOf (add 1 2)` is `int64`
 * while `typeOf 1` is `int`. JavaScript has one number type, so the representation below keeps Go's apart:
 *
 * | Go                          | TypeScript                                                         |
 * |-----------------------------|--------------------------------------------------------------------|
 * | `string`                    | `string`                                                           |
 * | `bool`                      | `boolean`                                                          |
 * | `int`                       | `bigint` (always within int64 range)                               |
 * | `float64`                   | `number`                                                           |
 * | `int64`, `uint8`, `float32`… | {@link GoNumber} (a tagged number: `kind` + value)                |
 * | `map[string]interface {}`   | {@link GoMap}: a null-prototype plain object (no prototype pollution) |
 * | `[]interface {}`            | `GoValue[]` (a JS array; tag other element types with {@link GO_TYPE}) |
 * | nil (interface, map, slice) | `null`                                                             |
 * | "no value" (invalid reflect.Value, e.g. a missing map key) | `undefined`                         |
 * | structs (`.Release`, `.Chart`, `.Capabilities`…) | {@link GoStruct}                              |
 * | `[]byte`                    | `Uint8Array`                                                       |
 * | functions / methods         | {@link GoFunc}                                                     |
 *
 * Every module that produces or consumes template values uses this model and the helpers here.
 */

/** Symbol under which an array or map may carry its Go type name (default `[]interface {}` / `map[string]interface {}`). */
export const GO_TYPE: unique symbol = Symbol.for('helmkit.goType');

/**
 * Symbol under which a map may carry Go methods (Helm's `.Files` is a Go map type with methods `Get`, `Glob`,
 * `AsConfig`...): `.Files.Get` calls the method; `range .Files` iterates the map. Methods win over keys.
 */
export const GO_METHODS: unique symbol = Symbol.for('helmkit.goMethods');

/**
 * Go's `==` for a struct value with hidden state (a `time.Time`), under this registered symbol: a function
 * returning a key that is equal exactly when Go's `==` is true. Structs without it compare by identity.
 */
export const GO_EQUAL_KEY: unique symbol = Symbol.for('helmkit.goEqualKey') as never;

/** Attaches Go methods to a map (non-enumerable). Returns the map. */
export function withGoMethods<T extends GoMap | GoValue[]>(m: T, methods: Record<string, GoFunc>): T {
  Object.defineProperty(m, GO_METHODS, { value: methods, enumerable: false, configurable: true });
  return m;
}

/** The Go methods attached to a map with {@link withGoMethods}, if any. */
export function goMethodsOf(v: GoValue): Record<string, GoFunc> | undefined {
  return v !== null && typeof v === 'object'
    ? (v as { [GO_METHODS]?: Record<string, GoFunc> })[GO_METHODS]
    : undefined;
}

/** A Go map with string keys. Always create with {@link newMap} so `__proto__` and friends are plain keys. */
export interface GoMap {
  [key: string]: GoValue;
}

/** Go numeric kinds other than `int` (bigint) and `float64` (number). */
export type GoNumberKind =
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'uintptr'
  | 'float32';

/** A Go number whose type is neither `int` nor `float64` (e.g. Sprig's `add` returns `int64`). */
export class GoNumber {
  /**
   * @param kind - the Go type name.
   * @param value - a bigint for integer kinds (already wrapped to the kind's range), a number for `float32`.
   */
  constructor(
    readonly kind: GoNumberKind,
    readonly value: bigint | number,
  ) {}
}

/** A Go struct value (Helm's `.Release`, `.Chart` metadata, `.Capabilities`, `.Template`, `.Files`…). */
export class GoStruct {
  /**
   * @param typeName - Go's type name as `%T` prints it, e.g. `chart.Metadata` or `*chart.Metadata`.
   * @param fields - exported fields in declaration order (Go prints structs in this order).
   * @param methods - methods callable from templates (`.Files.Get "x"`, `.Capabilities.APIVersions.Has "v1"`).
   * @param isPointer - true when the value is a pointer to a struct (`%v` prints `&{...}`).
   * @param embedded - names of fields that are embedded structs: their fields and methods are promoted
   *   (`.Chart.Name` on Helm 3's `struct { chart.Metadata; IsRoot bool }`).
   */
  constructor(
    readonly typeName: string,
    readonly fields: Record<string, GoValue>,
    readonly methods: Record<string, GoFunc> = {},
    readonly isPointer = false,
    readonly embedded: readonly string[] = [],
  ) {}
}

/**
 * A Go function value or method: called with already-evaluated arguments, returns a value or throws.
 * `params` describes the Go parameter types so the engine can reproduce Go's argument checks.
 */
export interface GoFunc {
  readonly goFunc: true;
  readonly name: string;
  readonly params: readonly GoParamType[];
  /** Type of the variadic tail, if the function is variadic. */
  readonly variadic?: GoParamType;
  readonly call: (...args: GoValue[]) => GoValue;
  /**
   * A method declared on the pointer type (`func (kv *KubeVersion) String()`) of a struct held by value: fmt
   * never sees it (it gets a copy), only the template printing an addressable field or variable does.
   */
  readonly ptrReceiver?: boolean;
}

/**
 * A named (package-qualified) struct type as reflect prints it, e.g. `sprig.certificate`, `time.Time`: the
 * argument must be a {@link GoStruct} with exactly that `typeName`. Go rejects a constant argument
 * (`can't handle "x" for arg of type time.Time`), nil (`cannot assign nil to ...`) and other values
 * (`wrong type for value; expected ...; got ...`) before calling the function.
 */
export type GoStructParamType = `${string}.${string}`;

/**
 * Go parameter types as they matter for argument checking and conversion in `text/template`.
 * `any` is `interface {}` (anything, including nil); see {@link GoStructParamType} for struct types.
 */
export type GoParamType =
  | 'any'
  | 'string'
  | 'bool'
  | 'int'
  | 'int64'
  | 'uint'
  | 'float64'
  | '[]interface {}'
  | '[]string'
  | 'map[string]interface {}'
  | '[]byte'
  | GoStructParamType;

/** Every value a template can see. */
export type GoValue =
  | undefined
  | null
  | string
  | boolean
  | bigint
  | number
  | GoNumber
  | GoMap
  | GoValue[]
  | GoStruct
  | Uint8Array
  | GoFunc;

/** Creates an empty Go map (null prototype: `__proto__`, `constructor` are ordinary keys). */
export function newMap(): GoMap {
  return Object.create(null) as GoMap;
}

/** Creates a Go map from entries (null prototype). */
export function mapFromEntries(entries: Iterable<readonly [string, GoValue]>): GoMap {
  const m = newMap();
  for (const [k, v] of entries) m[k] = v;
  return m;
}

/** True for a Go map (a plain or null-prototype object that is not one of the classes above). */
export function isMap(v: GoValue): v is GoMap {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v) || v instanceof GoStruct || v instanceof GoNumber || v instanceof Uint8Array)
    return false;
  return !(v as Partial<GoFunc>).goFunc;
}

/** True for a Go slice. */
export function isSlice(v: GoValue): v is GoValue[] {
  return Array.isArray(v);
}

/** True for a Go function value. */
export function isFunc(v: GoValue): v is GoFunc {
  return typeof v === 'object' && v !== null && (v as Partial<GoFunc>).goFunc === true;
}

/** Go `reflect.Kind` names (`kindOf`). */
export type GoKind =
  | 'invalid'
  | 'bool'
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'uintptr'
  | 'float32'
  | 'float64'
  | 'string'
  | 'map'
  | 'slice'
  | 'struct'
  | 'ptr'
  | 'func';

/** The Go kind of a value (`kindOf`); nil and missing values are `invalid`. */
export function kindOf(v: GoValue): GoKind {
  switch (typeof v) {
    case 'undefined':
      return 'invalid';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float64';
  }
  if (v === null) return 'invalid';
  if (v instanceof GoNumber) return v.kind;
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof GoStruct) return v.isPointer ? 'ptr' : 'struct';
  if (isFunc(v)) return 'func';
  return 'map';
}

/** The Go type name of a value as `%T` / `typeOf` print it (`<nil>` for nil). */
export function typeName(v: GoValue): string {
  switch (typeof v) {
    case 'undefined':
      return '<nil>';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float64';
  }
  if (v === null) return '<nil>';
  if (v instanceof GoNumber) return v.kind;
  if (v instanceof Uint8Array) return '[]uint8';
  if (v instanceof GoStruct) return v.typeName;
  if (isFunc(v)) return 'func';
  const tagged = (v as { [GO_TYPE]?: string })[GO_TYPE];
  if (tagged) return tagged;
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

/** Tags an array or map with a Go type name (e.g. `[]string`) without making it enumerable. Returns it. */
export function withGoType<T extends GoValue[] | GoMap>(v: T, goType: string): T {
  Object.defineProperty(v, GO_TYPE, { value: goType, enumerable: false, configurable: true });
  return v;
}

/** True when the value is any Go integer kind. */
export function isInt(v: GoValue): v is bigint | GoNumber {
  return typeof v === 'bigint' || (v instanceof GoNumber && v.kind !== 'float32');
}

/** True when the value is any Go float kind. */
export function isFloat(v: GoValue): v is number | GoNumber {
  return typeof v === 'number' || (v instanceof GoNumber && v.kind === 'float32');
}

/** The integer value of any Go integer kind (callers check {@link isInt} first). */
export function intValue(v: bigint | GoNumber): bigint {
  return typeof v === 'bigint' ? v : (v.value as bigint);
}

/** True for unsigned integer kinds. */
export function isUnsigned(v: GoValue): boolean {
  return v instanceof GoNumber && v.kind.startsWith('uint');
}

/** Wraps a bigint to int64 range as Go's int arithmetic does on overflow. */
export function toInt64(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

/** Makes a Go `int64` value. */
export function int64(n: bigint): GoNumber {
  return new GoNumber('int64', BigInt.asIntN(64, n));
}

/**
 * Go's notion of "true" for `if`, `and`, `or`, `not`, `with`: false for the zero value of the type
 * (false, 0, "", nil, empty map/slice); structs are always true.
 */
export function truth(v: GoValue): boolean {
  switch (typeof v) {
    case 'undefined':
      return false;
    case 'string':
      return v.length > 0;
    case 'boolean':
      return v;
    case 'bigint':
      return v !== 0n;
    case 'number':
      return v !== 0;
  }
  if (v === null) return false;
  if (v instanceof GoNumber) return v.value !== 0n && v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Uint8Array) return v.length > 0;
  if (v instanceof GoStruct) return true;
  if (isFunc(v)) return true;
  for (const _ in v) return true;
  return false;
}

/** Sorted keys of a Go map, in Go's order (byte-wise string comparison, as `sort.Strings`). */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort(compareGoStrings);
}

/** Compares two strings as Go does (by UTF-8 bytes, which for valid UTF-16 equals code point order). */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let ca = a.codePointAt(i)!;
    let cb = b.codePointAt(i)!;
    if (ca !== cb) {
      // Surrogate pairs compare by code point, which codePointAt already gives.
      if (ca > 0xffff || cb > 0xffff) {
        ca = a.codePointAt(i)!;
        cb = b.codePointAt(i)!;
      }
      return ca < cb ? -1 : 1;
    }
    if (ca > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
