/**
 * Kubernetes JSON → cdk8s-plus-28's generated typed props (`hostPID` → `hostPid`, quantities as `k8s.Quantity`,
 * int-or-strings as `k8s.IntOrString`), for `podwright import`.
 *
 * The field table is read from the generated `k8s.toJson_*` functions themselves: each is a fixed list of lines
 * `'jsonName': <how the camelCase prop is turned into JSON>`, so reading them inverts exactly the mapping cdk8s
 * applies at synth, with no copy of the Kubernetes schema to drift from the pinned cdk8s-plus-28. A line in a
 * form not known here throws, so an upgrade that changes the generator fails the tests instead of losing fields.
 */
import * as fs from 'node:fs';
import { k8s } from 'cdk8s-plus-28';
import { Expr, isPlainObject, mode, type Code, type ImportRef } from './import-code';

/** How a JSON field is written as a typed prop. */
export type FieldShape =
  | { readonly kind: 'plain' } // a scalar, or free-form JSON: written as is
  | { readonly kind: 'plainArray' }
  | { readonly kind: 'map' } // string keys kept as is, values as is
  | { readonly kind: 'quantity' }
  | { readonly kind: 'quantityMap' }
  | { readonly kind: 'intOrString' }
  | { readonly kind: 'date' }
  | { readonly kind: 'type'; readonly type: string }
  | { readonly kind: 'typeArray'; readonly type: string }
  | { readonly kind: 'typeMap'; readonly type: string };

/** One JSON field of a generated type: its typed prop name and shape. */
export interface TypedField {
  /** cdk8s's camelCase prop name, e.g. `hostPid` for `hostPID`. */
  readonly prop: string;
  /** How its value is written. */
  readonly shape: FieldShape;
}

// `.value` of an IntOrString and of a Quantity compile to the same JavaScript; the field name tells them apart.
// These are the IntOrString fields of the 1.28 API (test/cli/import.test.ts checks the list against k8s.d.ts).
const INT_OR_STRING_FIELDS = new Set(['port', 'targetPort', 'maxSurge', 'maxUnavailable', 'minAvailable']);

const MODE_FIELDS = new Set(['mode', 'defaultMode']);
const K8S_IMPORT: ImportRef = { from: 'cdk8s-plus-28', name: 'k8s' };
const LINE = /^\s*'([^']+)': (.*),$/gm;
const MAP =
  /^\(\(obj\.(\w+)\) === undefined\) \? undefined : \(Object\.entries\(obj\.\w+\)\.reduce\(\(r, i\) => \(i\[1\] === undefined\) \? r : \(\{ \.\.\.r, \[i\[0\]\]: (.*) \}\), \{\}\)\)$/;
const cache = new Map<string, ReadonlyMap<string, TypedField>>();

/** The fields of generated type `typeName` (e.g. `PodSpec`), by JSON name. Throws for an unknown type. */
export function fieldsOf(typeName: string): ReadonlyMap<string, TypedField> {
  const cached = cache.get(typeName);
  if (cached) return cached;
  const fn = (k8s as unknown as Record<string, unknown>)[`toJson_${typeName}`];
  if (typeof fn !== 'function') throw new Error(`podwright import: cdk8s-plus-28 has no type ${typeName}`);
  const fields = new Map<string, TypedField>();
  for (const [, json, expression] of fn.toString().matchAll(LINE)) {
    fields.set(json, parseField(typeName, json, expression));
  }
  cache.set(typeName, fields);
  return fields;
}

function parseField(typeName: string, json: string, expression: string): TypedField {
  let m: RegExpMatchArray | null;
  if ((m = expression.match(/^obj\.(\w+)$/))) return { prop: m[1], shape: { kind: 'plain' } };
  if ((m = expression.match(/^obj\.(\w+)\?\.map\(y => y\)$/)))
    return { prop: m[1], shape: { kind: 'plainArray' } };
  if ((m = expression.match(/^toJson_(\w+)\(obj\.(\w+)\)$/)))
    return { prop: m[2], shape: { kind: 'type', type: m[1] } };
  if ((m = expression.match(/^obj\.(\w+)\?\.map\(y => toJson_(\w+)\(y\)\)$/))) {
    return { prop: m[1], shape: { kind: 'typeArray', type: m[2] } };
  }
  if ((m = expression.match(/^obj\.(\w+)\?\.value$/))) {
    return { prop: m[1], shape: { kind: INT_OR_STRING_FIELDS.has(json) ? 'intOrString' : 'quantity' } };
  }
  if ((m = expression.match(/^obj\.(\w+)\?\.toISOString\(\)$/)))
    return { prop: m[1], shape: { kind: 'date' } };
  if ((m = expression.match(MAP))) {
    const value = m[2];
    if (value === 'i[1]' || value === 'i[1]?.map(y => y)') return { prop: m[1], shape: { kind: 'map' } };
    if (value === 'i[1]?.value') return { prop: m[1], shape: { kind: 'quantityMap' } };
    const typed = value.match(/^toJson_(\w+)\(i\[1\]\)$/);
    if (typed) return { prop: m[1], shape: { kind: 'typeMap', type: typed[1] } };
  }
  throw new Error(`podwright import: unknown form of ${typeName}.${json} in cdk8s-plus-28: ${expression}`);
}

/**
 * `json` (a Kubernetes object of generated type `typeName`) as typed props, or undefined when it is not an
 * object. Fields the type does not have and values of the wrong JSON type are left out: the importer compares
 * what the constructs render with the manifest and patches whatever is missing.
 */
export function typedProps(json: unknown, typeName: string): Record<string, Code> | undefined {
  if (!isPlainObject(json)) return undefined;
  const fields = fieldsOf(typeName);
  const out: Record<string, Code> = {};
  for (const [key, value] of Object.entries(json)) {
    const field = fields.get(key);
    if (!field) continue;
    // File modes read best in octal, as the Kubernetes documentation writes them.
    const converted =
      MODE_FIELDS.has(key) && typeof value === 'number' ? mode(value) : typedValue(value, field.shape);
    if (converted !== undefined) out[field.prop] = converted;
  }
  return out;
}

/** `value` written in the typed form `shape` calls for; undefined when it cannot be. */
export function typedValue(value: unknown, shape: FieldShape): Code | undefined {
  // cdk8s drops null fields at synth, so a null is never written; the importer's patch restores it.
  if (value === null || value === undefined) return undefined;
  switch (shape.kind) {
    case 'plain':
      return value;
    case 'plainArray':
      return Array.isArray(value) ? value : undefined;
    case 'map':
      return isPlainObject(value) ? value : undefined;
    case 'quantity':
      return quantity(value);
    case 'intOrString':
      return intOrString(value);
    case 'date':
      return typeof value === 'string'
        ? new Expr(`new Date(${JSON.stringify(value)})`, new Date(value))
        : undefined;
    case 'quantityMap':
      return mapValues(value, quantity);
    case 'type':
      return completeProps(value, shape.type);
    case 'typeMap':
      return mapValues(value, (v) => completeProps(v, shape.type));
    case 'typeArray': {
      if (!Array.isArray(value)) return undefined;
      const items = value.map((v) => completeProps(v, shape.type));
      return items.every((i) => i !== undefined) ? items : undefined;
    }
  }
}

/**
 * typedProps, or undefined when the object lacks a field the generated type requires (cdk8s-plus-28 declares
 * `PodFailurePolicyRule.onPodConditions` required, which the API server does not): code that would not
 * type-check is not written, and the patch carries the value instead.
 */
function completeProps(value: unknown, typeName: string): Record<string, Code> | undefined {
  const props = typedProps(value, typeName);
  if (props === undefined) return undefined;
  return requiredProps(typeName).every((prop) => prop in props) ? props : undefined;
}

let required: Map<string, readonly string[]> | undefined;

/** The props generated type `typeName` declares without `?`, read from cdk8s-plus-28's k8s.d.ts. */
export function requiredProps(typeName: string): readonly string[] {
  if (!required) {
    required = new Map();
    const dts = fs.readFileSync(require.resolve('cdk8s-plus-28/lib/imports/k8s.d.ts'), 'utf8');
    for (const [, name, body] of dts.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
      required.set(
        name,
        [...body.matchAll(/^ {4}readonly (\w+): /gm)].map((m) => m[1]),
      );
    }
  }
  return required.get(typeName) ?? [];
}

function mapValues(
  value: unknown,
  convert: (v: unknown) => Code | undefined,
): Record<string, Code> | undefined {
  if (!isPlainObject(value)) return undefined;
  const out: Record<string, Code> = {};
  for (const [key, v] of Object.entries(value)) {
    const converted = convert(v);
    if (converted !== undefined) out[key] = converted;
  }
  return out;
}

/** A `k8s.Quantity` for `'1Gi'` or `3`. */
export function quantity(value: unknown): Expr | undefined {
  if (typeof value === 'string') {
    return new Expr(`k8s.Quantity.fromString(${JSON.stringify(value)})`, k8s.Quantity.fromString(value), [
      K8S_IMPORT,
    ]);
  }
  if (typeof value === 'number') {
    return new Expr(`k8s.Quantity.fromNumber(${value})`, k8s.Quantity.fromNumber(value), [K8S_IMPORT]);
  }
  return undefined;
}

/** A `k8s.IntOrString` for `8080` or `'http'`. */
export function intOrString(value: unknown): Expr | undefined {
  if (typeof value === 'string') {
    return new Expr(
      `k8s.IntOrString.fromString(${JSON.stringify(value)})`,
      k8s.IntOrString.fromString(value),
      [K8S_IMPORT],
    );
  }
  if (typeof value === 'number') {
    return new Expr(`k8s.IntOrString.fromNumber(${value})`, k8s.IntOrString.fromNumber(value), [K8S_IMPORT]);
  }
  return undefined;
}
