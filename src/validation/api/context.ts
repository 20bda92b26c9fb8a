import type { ObjectRef, Violation } from '../../errors';
import { DEFAULT_KUBE_VERSION, type KubeVersion } from '../../kube-version';

/** A JSON object as decoded from a manifest: keys are field names, values are unchecked. */
export type Json = Record<string, unknown>;

/**
 * Collects violations for one Pod. One instance per `validatePodApi` call; the checks push into `out` instead of
 * returning arrays so that a valid Pod allocates nothing but this object.
 */
export class Ctx {
  /** Violations found so far, in the order the API server would find them (roughly). */
  public readonly out: Violation[] = [];

  // Paths that already have a type violation; only allocated once one is found, so valid Pods pay nothing.
  private typePaths: string[] | undefined;

  constructor(
    public readonly ref: ObjectRef,
    /** The Kubernetes version whose rules apply. */
    public readonly version: KubeVersion = DEFAULT_KUBE_VERSION,
  ) {}

  /**
   * Records one violation, unless the field (or something inside it) already has a type violation: a value of
   * the wrong type reads as missing, and "Required value" on top of "must be a string" would only add noise.
   */
  public add(path: string, value: unknown, rule: string, message: string, fix: string): void {
    const typed = this.typePaths;
    if (typed && typed.some((t) => t === path || t.startsWith(`${path}.`) || t.startsWith(`${path}[`)))
      return;
    this.out.push({ object: this.ref, path, value, rule, message, fix });
  }

  /** Records something the API server accepts with a warning: reported, but not a reason to refuse. */
  public warn(path: string, value: unknown, rule: string, message: string, fix: string): void {
    this.out.push({ object: this.ref, path, value, rule, message, fix, severity: 'warning' });
  }

  /** Records a value whose JSON type the API server's decoder would refuse (it rejects the whole request). */
  public type(path: string, value: unknown, expected: string): void {
    const field = path.slice(path.lastIndexOf('.') + 1) || 'the object';
    const fix = `Write ${field} as ${expected}.`;
    this.out.push({ object: this.ref, path, value, rule: 'type', message: `must be ${expected}`, fix });
    (this.typePaths ??= []).push(path);
  }
}

/** Whether `v` is a JSON object (not null, not an array). */
export function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads an optional object field; reports a type violation and returns undefined for anything else. */
export function obj(ctx: Ctx, v: unknown, path: string): Json | undefined {
  if (v === undefined || v === null) return undefined;
  if (isObj(v)) return v;
  ctx.type(path, v, 'an object');
  return undefined;
}

/** Reads an optional array field; reports a type violation and returns undefined for anything else. */
export function arr(ctx: Ctx, v: unknown, path: string): unknown[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v;
  ctx.type(path, v, 'an array');
  return undefined;
}

/** Reads an optional string field (null and missing read as ''), reporting other types. */
export function str(ctx: Ctx, v: unknown, path: string): string {
  if (typeof v === 'string') return v;
  if (v !== undefined && v !== null) ctx.type(path, v, 'a string');
  return '';
}

/** Reads an optional string field, keeping "missing" distinct from '' (for Go pointer-to-string fields). */
export function optStr(ctx: Ctx, v: unknown, path: string): string | undefined {
  if (typeof v === 'string') return v;
  if (v !== undefined && v !== null) ctx.type(path, v, 'a string');
  return undefined;
}

/** Reads an optional boolean (missing/null read as undefined). */
export function bool(ctx: Ctx, v: unknown, path: string): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v !== undefined && v !== null) ctx.type(path, v, 'a boolean');
  return undefined;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Reads an optional int32 field; Go's decoder refuses fractions and out-of-range numbers. */
export function int32(ctx: Ctx, v: unknown, path: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX) return v;
  ctx.type(path, v, 'a 32-bit integer');
  return undefined;
}

/** Reads an optional int64 field (limited to the integers JSON numbers hold exactly). */
export function int64(ctx: Ctx, v: unknown, path: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  ctx.type(path, v, 'an integer');
  return undefined;
}

/** Reads a map[string]string field, reporting the map or any non-string value. */
export function strMap(ctx: Ctx, v: unknown, path: string): Json | undefined {
  const m = obj(ctx, v, path);
  if (!m) return undefined;
  for (const k in m) {
    const val = m[k];
    if (typeof val !== 'string' && val !== null) ctx.type(`${path}[${k}]`, val, 'a string');
  }
  return m;
}

/** Reads an array of strings, reporting non-string items; returns only the string items' indexes intact. */
export function strList(ctx: Ctx, v: unknown, path: string): string[] | undefined {
  const a = arr(ctx, v, path);
  if (!a) return undefined;
  for (let i = 0; i < a.length; i++) {
    if (typeof a[i] !== 'string') {
      ctx.type(`${path}[${i}]`, a[i], 'a string');
      return undefined;
    }
  }
  return a as string[];
}

/** The NotSupported message the API server prints: `supported values: "a", "b"`. */
export function supported(values: readonly string[]): string {
  return `supported values: ${values.map((v) => `"${v}"`).join(', ')}`;
}
