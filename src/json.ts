/** Plain Kubernetes JSON object, as it appears in a manifest. */
export type Json = { [key: string]: unknown };

/**
 * Overlays `override` on `base` field by field: objects merge recursively, anything else (arrays included)
 * replaces. Setting one field never wipes its siblings.
 */
export function mergeJson(base: Json | undefined, override: Json | undefined): Json | undefined {
  if (base === undefined) return override;
  if (override === undefined) return base;
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeJson(current, value) : value;
  }
  return out;
}

/** Whether `value` is a JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `value` without `undefined` fields, so optional props never reach a manifest. */
export function prune<T>(value: T): T {
  if (Array.isArray(value)) return value.map(prune) as T;
  if (!isPlainObject(value)) return value;
  const out: Json = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined) out[key] = prune(field);
  }
  return out as T;
}

/**
 * A copy of `value` as cdk8s writes it: object keys sorted, `null` and `undefined` fields dropped, empty objects and
 * arrays kept. `resolveOther` turns anything that is not plain JSON (a cdk8s Lazy, say) into JSON first.
 */
export function sortedJson(value: unknown, resolveOther: (v: unknown) => unknown, sortKeys = true): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => sortedJson(v, resolveOther, sortKeys));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    return sortedJson(resolveOther(value), resolveOther, sortKeys);
  const keys = Object.keys(value);
  if (sortKeys) keys.sort();
  const out: Json = {};
  for (const key of keys) {
    const field = (value as Json)[key];
    if (field === undefined || field === null) continue;
    out[key] = sortedJson(field, resolveOther, sortKeys);
  }
  return out;
}
