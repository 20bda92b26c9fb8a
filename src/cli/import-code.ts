/**
 * The small code model `podwright import` writes with: values that are at once the TypeScript source a person
 * would write and the runtime value that source evaluates to. Holding both lets the importer build every object
 * it is about to print, compare the result with the manifest and patch only what the constructs cannot express.
 */

/** A module the generated code imports a name from. */
export type ImportSource = 'podwright' | 'cdk8s' | 'cdk8s-plus-28';

/** One imported name, e.g. `Volume` from `podwright`. */
export interface ImportRef {
  /** Module the name comes from. */
  readonly from: ImportSource;
  /** Name imported. */
  readonly name: string;
}

/** A TypeScript expression together with the value it evaluates to and the names it needs imported. */
export class Expr {
  constructor(
    /** Source text of the expression (prettier formats it later). */
    public readonly code: string,
    /** What the expression evaluates to. */
    public readonly value: unknown,
    /** Names the expression uses. */
    public readonly imports: readonly ImportRef[] = [],
  ) {}
}

/**
 * A value the importer prints: JSON, `Expr`s, and arrays and objects of them. `undefined` fields are left out
 * when printed, so optional props never show up as `undefined`.
 */
export type Code = unknown;

/** A call `callee(args...)` whose runtime value is `value`, e.g. `Volume.emptyDir('cache')`. */
export function call(
  callee: string,
  args: readonly Code[],
  value: unknown,
  imports: readonly ImportRef[],
): Expr {
  // Trailing undefined arguments are left out: `Volume.emptyDir('x')`, not `Volume.emptyDir('x', undefined)`.
  const given = [...args];
  while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
  const nested = given.flatMap(importsOf);
  return new Expr(`${callee}(${given.map(print).join(', ')})`, value, [...imports, ...nested]);
}

/** `fields` as an options argument, or undefined when none is set, so the call leaves the argument out. */
export function optionsOf(fields: Record<string, Code>): Record<string, Code> | undefined {
  return Object.values(fields).some((v) => v !== undefined) ? fields : undefined;
}

/** A file or permission mode, printed in octal (`0o644`) as people write them. */
export function mode(value: number): Expr {
  return new Expr(Number.isInteger(value) && value >= 0 ? `0o${value.toString(8)}` : String(value), value);
}

/** Whether `value` is a JSON object (not an array, not null, not an Expr). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Expr);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The TypeScript source of `value` (unformatted; prettier lays it out and picks the quotes). */
export function print(value: Code): string {
  if (value instanceof Expr) return value.code;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(print).join(', ')}]`;
  if (isPlainObject(value)) {
    const fields = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${propertyName(k)}: ${print(v)}`);
    return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
  }
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`podwright import: cannot print a ${typeof value}`);
}

// Multi-line text (a shell script, a config file) reads best line for line, as a template literal. Other control
// characters would be invisible there, so such strings keep the escaped form.
const TEMPLATE_SAFE = /^[^\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]*$/;

function stringLiteral(text: string): string {
  if (text.includes('\n') && TEMPLATE_SAFE.test(text)) {
    return `\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
  }
  return JSON.stringify(text);
}

// `__proto__` as a plain property name would set the prototype instead of a field; quoted it is a field too, so
// it is written as a computed key.
function propertyName(key: string): string {
  if (key === '__proto__') return `['__proto__']`;
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** The runtime value of `value`: each `Expr` replaced by its value, `undefined` fields left out. */
export function evaluate(value: Code): unknown {
  if (value instanceof Expr) return value.value;
  if (Array.isArray(value)) return value.map(evaluate);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined)
        Object.defineProperty(out, k, { value: evaluate(v), enumerable: true, writable: true });
    }
    return out;
  }
  return value;
}

/** Every name `value` needs imported. */
export function importsOf(value: Code): ImportRef[] {
  if (value instanceof Expr) return [...value.imports];
  if (Array.isArray(value)) return value.flatMap(importsOf);
  if (isPlainObject(value)) return Object.values(value).flatMap(importsOf);
  return [];
}

/** Whether two JSON values are equal (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]))
    );
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** One RFC 6902 operation that turns what the constructs render into what the manifest says. */
export interface PatchOp {
  /** `add` sets a missing field (or one cdk8s dropped), `remove` drops an extra one, `replace` changes one. */
  readonly op: 'add' | 'remove' | 'replace';
  /** JSON pointer (RFC 6901). */
  readonly path: string;
  /** New value, for add and replace. */
  readonly value?: unknown;
}

/**
 * The fewest whole-field operations that turn `got` into `want`: objects are compared key by key, arrays of the
 * same length element by element, anything else is replaced whole.
 */
export function diffJson(got: unknown, want: unknown, pointer = ''): PatchOp[] {
  if (jsonEqual(got, want)) return [];
  if (isPlainObject(got) && isPlainObject(want)) {
    const ops: PatchOp[] = [];
    for (const key of Object.keys(got)) {
      if (!(key in want)) ops.push({ op: 'remove', path: `${pointer}/${escapePointer(key)}` });
    }
    for (const [key, value] of Object.entries(want)) {
      const path = `${pointer}/${escapePointer(key)}`;
      if (!(key in got)) ops.push({ op: 'add', path, value });
      else ops.push(...diffJson(got[key], value, path));
    }
    return ops;
  }
  if (Array.isArray(got) && Array.isArray(want) && got.length === want.length) {
    return want.flatMap((value, i) => diffJson(got[i], value, `${pointer}/${i}`));
  }
  return [{ op: 'replace', path: pointer, value: want }];
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
