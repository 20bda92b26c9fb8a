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
