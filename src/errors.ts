/** The object a violation belongs to, as `kubectl` would name it. */
export interface ObjectRef {
  /** Kubernetes kind, e.g. `Pod`. */
  readonly kind: string;
  /** Object name; empty when the object has none. */
  readonly name: string;
  /** Namespace, when the object sets one. */
  readonly namespace?: string;
  /** File the object came from, when it was read from disk. */
  readonly file?: string;
}

/** One problem found in one object: what, where, the value received and how to fix it. */
export interface Violation {
  /** The object that has the problem. */
  readonly object: ObjectRef;
  /** Field path in Kubernetes notation: `spec.containers[0].resources.limits[cpu]`. */
  readonly path: string;
  /** The offending value as found (undefined when the field is missing). */
  readonly value: unknown;
  /** Stable rule id, e.g. `container.name.dns1123Label` or `pss.restricted.runAsNonRoot`. */
  readonly rule: string;
  /** What is wrong, in one sentence without the path or the value. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /**
   * `warning` for what the API server accepts but warns about (printed, exit code 0); errors are refused.
   * @default 'error'
   */
  readonly severity?: 'error' | 'warning';
}

/** Whether `v` is an error (anything but a warning): what the API server or Pod Security would refuse. */
export function isError(v: Violation): boolean {
  return v.severity !== 'warning';
}

/** Renders a value for a message: short, single-line, unambiguous. */
export function showValue(value: unknown): string {
  if (value === undefined) return '<missing>';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Renders an object reference as `Pod default/busybox` (namespace omitted when unset). */
export function showRef(ref: ObjectRef): string {
  const name = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name || '<unnamed>';
  return `${ref.kind} ${name}`;
}

/**
 * Renders one violation as `Pod busybox spec.containers[0].name: problem, got value. fix`; a warning starts with
 * `warning: `.
 */
export function formatViolation(v: Violation): string {
  const where = `${v.severity === 'warning' ? 'warning: ' : ''}${v.object.file ? `${v.object.file}: ` : ''}`;
  return `${where}${showRef(v.object)} ${v.path}: ${v.message}, got ${showValue(v.value)}. ${v.fix} [${v.rule}]`;
}

/** The one error type of podwright: every problem found, reported together. */
export class PodwrightError extends Error {
  /** Every violation, in the order found. */
  public readonly violations: readonly Violation[];

  constructor(violations: readonly Violation[], heading?: string) {
    const count = violations.length;
    const head = heading ?? `${count} problem${count === 1 ? '' : 's'} found`;
    super([`${head}:`, ...violations.map((v) => `  - ${formatViolation(v)}`)].join('\n'));
    this.name = 'PodwrightError';
    this.violations = [...violations];
  }
}
