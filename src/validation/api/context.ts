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

  /**
   * The Pod's terminationGracePeriodSeconds as the server sees it when it validates: 30 when unset, 1 when
   * negative (the server replaces negatives). A sleep lifecycle handler may not outlast it (1.33).
   */
  public gracePeriodSeconds = 30;

  /** The Pod's hostUsers (true unless set to false): procMount Unmasked needs a user namespace (1.33). */
  public hostUsers = true;

  /** The Pod's restartPolicy ('Always' when unset): a Never Pod cannot restart a container to resize it (1.33). */
  public restartPolicy = 'Always';

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

  /** Records a bug of podwright's own (an exception in a rule) as a violation, so that it never takes the caller down. */
  public internal(error: unknown): void {
    this.add(
      '',
      undefined,
      'internal',
      `validator failed: ${String(error)}`,
      'Report this as a podwright bug.',
    );
  }

  /** Records something the API server accepts with a warning: reported, but not a reason to refuse. */
  public warn(path: string, value: unknown, rule: string, message: string, fix: string): void {
    this.out.push({ object: this.ref, path, value, rule, message, fix, severity: 'warning' });
  }

  /** Records a value whose JSON type the API server's decoder would refuse (it rejects the whole request). */
  public type(path: string, value: unknown, expected: string): void {
    const field = path.slice(path.lastIndexOf('.') + 1) || 'the object';
    this.decode(path, value, 'type', `must be ${expected}`, `Write ${field} as ${expected}.`);
  }

  /**
   * Records what the API server's strict decoder refuses (a wrong JSON type, an unknown field): it rejects the
   * request before any rule runs, so later rules at this path or a parent of it add nothing and are dropped.
   */
  public decode(path: string, value: unknown, rule: string, message: string, fix: string): void {
    this.out.push({ object: this.ref, path, value, rule, message, fix });
    (this.typePaths ??= []).push(path);
  }
}

/** Whether `v` is a JSON object (not null, not an array). */
export function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// The readers below report nothing, so they take neither the Ctx nor a path: the schema walk (../schema, run first
// by validatePodApi) owns every JSON-type error, once per path. A value of the wrong type reads as missing, which is
// what the rules need to go on without a second report. A path is built only where a rule reports (ctx.add), so a
// valid Pod builds no path strings here (docs/performance.md).

/** Reads an optional object field; anything else reads as undefined. */
export function obj(v: unknown): Json | undefined {
  return isObj(v) ? v : undefined;
}

/** The empty object a null entry of a list of objects decodes to (Go's zero value). Never mutated. */
const EMPTY: Json = Object.freeze({});

/**
 * Reads one entry of a list of objects: null is an empty object, as Go decodes it (the server then checks it like
 * any other entry, e.g. `containers: [null]` has no name); any other non-object reads as undefined.
 */
export function item(v: unknown): Json | undefined {
  if (v === null) return EMPTY;
  return isObj(v) ? v : undefined;
}

/** Reads an optional array field; anything else reads as undefined. */
export function arr(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** Reads an optional string field (null, missing and other types read as ''). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Reads an optional string field, keeping "missing" distinct from '' (for Go pointer-to-string fields). */
export function optStr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Reads an optional boolean (missing, null and other types read as undefined). */
export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Reads an optional int32 field; fractions and out-of-range numbers read as undefined. */
export function int32(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX ? v : undefined;
}

/** Reads an optional int64 field (limited to the integers JSON numbers hold exactly). */
export function int64(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
}

/** Reads a map[string]string field; a non-object reads as undefined. */
export function strMap(v: unknown): Json | undefined {
  return isObj(v) ? v : undefined;
}

/**
 * Reads an array of strings; null entries read as '' (as Go decodes them), and a list with any other non-string
 * entry reads as undefined.
 */
export function strList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  let out = v as string[];
  for (let i = 0; i < v.length; i++) {
    const e = v[i];
    if (typeof e === 'string') continue;
    if (e !== null) return undefined;
    if (out === v) out = v.slice() as string[];
    out[i] = '';
  }
  return out;
}

/** The NotSupported message the API server prints: `supported values: "a", "b"`. */
export function supported(values: readonly string[]): string {
  return `supported values: ${values.map((v) => `"${v}"`).join(', ')}`;
}
