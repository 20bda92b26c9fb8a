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

/**
 * Where something was written: the YAML field of a manifest (file, line and column of its key), or the line of user
 * code that created a construct. Lines and columns are 1-based, as editors and code-scanning tools count them.
 */
export interface SourceLocation {
  /** File path as given on the command line, or as Node reports the user's source file. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
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
  /**
   * Where the problem was written, when known: the offending field's line in a YAML file (`podwright validate`), or
   * the user's line that created the construct (synth).
   */
  readonly source?: SourceLocation;
}

/** `file:line:column`, as compilers print a location (line and column left out when unknown). */
export function showSource(source: SourceLocation): string {
  return [source.file, source.line, source.line === undefined ? undefined : source.column]
    .filter((part) => part !== undefined)
    .join(':');
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
  const file = v.source ? showSource(v.source) : v.object.file;
  const where = `${v.severity === 'warning' ? 'warning: ' : ''}${file ? `${file}: ` : ''}`;
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
