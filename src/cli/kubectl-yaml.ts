// How kubectl reads a plain (unquoted) YAML scalar, so that `podwright validate` judges the object kubectl would
// send. kubectl turns YAML into JSON with sigs.k8s.io/yaml, which decodes with go-yaml v2: YAML 1.1, where `yes`,
// `on` and `y` are booleans and `0755` is octal, unlike the YAML 1.2 core schema the `yaml` package reads by
// default. So `value: yes` in an env var is sent as the boolean true, which the API server refuses ("cannot
// unmarshal bool into Go struct field EnvVar... of type string"), while YAML 1.2 reads the string "yes".
//
// The rules below are go-yaml v2's `resolve` (resolve.go), checked scalar by scalar against kubectl's own
// output (`kubectl create --dry-run=client -o json`) in test/server/kubectl-yaml.test.ts. Timestamps and
// base-60 numbers (`1:20`) stay strings: go-yaml keeps a timestamp as a string when it decodes into interface{},
// and has no base-60 numbers, both of which the `yaml` package's own YAML 1.1 schema would convert.
import * as YAML from 'yaml';
import type { DocumentOptions, ParseOptions, ScalarTag, SchemaOptions } from 'yaml';

/** go-yaml v2's resolveMap: the plain scalars that are booleans, nulls or non-finite floats as written. */
const BY_TEXT: ReadonlyMap<string, boolean | null | number> = new Map<string, boolean | null | number>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s) => [s, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map(
    (s) => [s, false] as const,
  ),
  ...['', '~', 'null', 'Null', 'NULL'].map((s) => [s, null] as const),
  ...['.nan', '.NaN', '.NAN'].map((s) => [s, Number.NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s) => [s, Number.POSITIVE_INFINITY] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((s) => [s, Number.NEGATIVE_INFINITY] as const),
]);

/** Go's strconv.ParseInt(s, 0, 64) or, failing that, ParseUint(s, 0, 64): the syntax, and the 64-bit range. */
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|(0[0-7]*)|([1-9][0-9]*))$/;
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** go-yaml v2's yamlStyleFloat, which it tries before strconv.ParseFloat. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go's strconv.ParseFloat(s, 64) for the decimal forms yamlStyleFloat lets through: an overflow is an error. */
function goFloat(s: string): number | undefined {
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function goInt(s: string): number | undefined {
  const m = GO_INT.exec(s);
  if (!m) return undefined;
  const [, sign, hex, oct, bin, zeroOct, dec] = m;
  const digits =
    hex !== undefined ? `0x${hex}` : oct !== undefined ? `0o${oct}` : bin !== undefined ? `0b${bin}` : '';
  let n = digits
    ? BigInt(digits)
    : zeroOct !== undefined
      ? BigInt(`0o${zeroOct.slice(1) || '0'}`)
      : BigInt(dec);
  if (sign === '-') n = -n;
  // ParseInt takes what fits int64; ParseUint what fits uint64 without a sign.
  if (n > INT64_MAX && (sign !== '' || n > UINT64_MAX)) return undefined;
  if (n < -INT64_MAX - 1n) return undefined;
  return Number(n);
}

/** What go-yaml v2 makes of a plain scalar: a boolean, null, a number, or undefined for a string. */
export function resolvePlain(text: string): boolean | null | number | undefined {
  const known = BY_TEXT.get(text);
  if (known !== undefined || BY_TEXT.has(text)) return known;
  const first = text[0];
  if (first === '.') return goFloat(text);
  if (first !== '+' && first !== '-' && !(first >= '0' && first <= '9')) return undefined;
  // Underscores are dropped before numbers are parsed (go-yaml: strings.Replace(in, "_", "", -1)).
  const plain = text.replace(/_/g, '');
  const int = goInt(plain);
  if (int !== undefined) return int;
  return YAML_STYLE_FLOAT.test(plain) ? goFloat(plain) : undefined;
}

/**
 * One tag that resolves every plain scalar go-yaml v2 would not read as a string. Its `test` is go-yaml's whole
 * resolution rather than a regular expression (the `yaml` package only calls `test.test(text)`).
 */
const KUBECTL_SCALAR: ScalarTag = {
  tag: 'tag:yaml.org,2002:kubectl-plain',
  default: true,
  identify: () => false,
  test: { test: (text: string) => resolvePlain(text) !== undefined } as unknown as RegExp,
  resolve(text, onError) {
    const value = resolvePlain(text);
    if (typeof value === 'number' && !Number.isFinite(value)) {
      // sigs.k8s.io/yaml then fails the whole file: "json: unsupported value: +Inf".
      onError(
        `${text} is ${value} as kubectl reads it, which JSON cannot hold: kubectl refuses the whole file. Quote it ("${text}") to send a string`,
      );
    }
    return value;
  },
};

/** Options of `yaml`'s parse functions that read plain scalars as kubectl does (YAML 1.1 as go-yaml v2 reads it). */
export const KUBECTL_YAML: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  customTags: () => ['map', 'seq', KUBECTL_SCALAR],
};

/**
 * The first mapping key of `doc` that reads as null (`~:`, `null:`, an empty key): kubectl refuses the whole file
 * for it ("Unsupported map key of type: %!s(<nil>)"), as JSON has no null keys. Its offset in the text, or
 * undefined when there is none.
 */
export function nullKeyOffset(doc: YAML.Document): number | undefined {
  let found: number | undefined;
  YAML.visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      if (key === null || (YAML.isScalar(key) && key.value === null)) {
        found = YAML.isNode(key) ? key.range?.[0] : undefined;
        found ??= YAML.isNode(pair.value) ? (pair.value.range?.[0] ?? 0) : 0;
        return YAML.visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
