import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import type { SourceLocation } from '../errors';
import { KUBECTL_YAML, nullKeyOffset } from './kubectl-yaml';
import { YamlLocator } from './yaml-locations';

/** One object read from a file, with where it came from. */
export interface SourcedManifest {
  /** File it was read from (`-` for standard input). */
  readonly file: string;
  /** The parsed object. */
  readonly manifest: unknown;
  /**
   * Fields written twice in the same mapping, as the API server names them (`spec.containers[0].image`); the
   * object holds the last value, as kubectl sends it. Absent when there are none.
   */
  readonly duplicates?: readonly DuplicateField[];
  /**
   * Where a field of this object (a path in Kubernetes notation, relative to the object) was written: file, line and
   * column of its key, or of the nearest enclosing field that is there.
   */
  readonly locate?: (path: string) => SourceLocation;
  /** The text of the plain (unquoted) scalar at a path of this object, when one is written there. */
  readonly plainText?: (path: string) => string | undefined;
}

/** A key written twice in one mapping of the text. */
export interface DuplicateField {
  /** Path of the field inside its object: `metadata.labels.app`, `spec.containers[0].image`. */
  readonly path: string;
  /** The value written first, which the last one replaces. */
  readonly dropped: unknown;
}

/** Input the CLI cannot use at all: a missing file, unparsable YAML. Exit code 2. */
export class InputError extends Error {
  /** Process exit code for the CLI. */
  public readonly exitCode = 2 as const;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
/** Most alias uses a document may have (yaml's resource-exhaustion guard). */
const MAX_ALIAS_COUNT = 1000;

/**
 * Files named by `paths`: files as given, folders walked for .yaml/.yml/.json (sorted), `-` as is. Symbolic links
 * are followed, but each real folder is walked and each real file read once, so a link loop ends.
 */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const once = (file: string): boolean => {
    const real = fs.realpathSync(file);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new InputError(`${p}: no such file or folder. Check the path.`);
    }
    if (!stat.isDirectory()) {
      if (once(p)) out.push(p);
      continue;
    }
    out.push(...walk(p, once).sort().filter(once));
  }
  return out;
}

/** Manifest files under `dir`, each real folder walked once (`once` says whether a real path is new). */
function walk(dir: string, once: (file: string) => boolean): string[] {
  if (!once(dir)) return [];
  const found: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue; // a dangling link or a link loop's ELOOP: nothing to read there
    }
    if (stat.isDirectory()) found.push(...walk(file, once));
    else if (stat.isFile() && MANIFEST_FILE.test(name)) found.push(file);
  }
  return found;
}

/**
 * Every object in `text` (YAML or JSON, several documents allowed). Empty documents are skipped; `kind: List`
 * objects are expanded to their items, as kubectl does.
 */
export function parseManifests(text: string, file: string): SourcedManifest[] {
  // A byte order mark is no column of the first line, for editors; yaml would count it as one.
  const lines = new YAML.LineCounter();
  // Plain scalars are read as kubectl reads them (YAML 1.1: `yes` and `on` are booleans), not as YAML 1.2 would.
  const docs = YAML.parseAllDocuments(text.replace(/^\uFEFF/, ''), {
    ...KUBECTL_YAML,
    prettyErrors: true,
    lineCounter: lines,
  });
  const out: SourcedManifest[] = [];
  for (const doc of docs) {
    // A key written twice is no reason to stop: kubectl keeps the last value (measured, 1.28 and 1.33), and so
    // does toJS. Only then is the document walked again to name the duplicates, so clean input pays nothing.
    const error = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    if (error) throw new InputError(`${file}: not valid YAML or JSON: ${error.message.split('\n')[0]}`);
    const nullKey = nullKeyOffset(doc);
    if (nullKey !== undefined) {
      const { line, col } = lines.linePos(nullKey);
      throw new InputError(
        `${file}:${line}:${col}: kubectl cannot send this file: this key reads as null (~, null or nothing), and JSON keys are strings. Quote it ("null") or remove it.`,
      );
    }
    let value: any;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // yaml throws a ReferenceError for an alias bomb (a few lines that expand to billions of nodes).
      throw new InputError(
        `${file}: refused: its aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT} alias uses; ${(error as Error).message}). Write the objects without aliases.`,
      );
    }
    if (value === null || value === undefined) continue;
    const duplicates: { segs: (string | number)[]; dropped: unknown }[] = [];
    if (doc.errors.length > 0) findDuplicates(doc.contents, [], duplicates);
    const isList = typeof value === 'object' && value.kind === 'List' && Array.isArray(value.items);
    const locator = new YamlLocator(file, doc, lines, doc.contents);
    if (!isList) {
      const locate = (path: string) => locator.locate(path);
      const plainText = (path: string) => locator.plainText(path);
      out.push(
        duplicates.length > 0
          ? { file, manifest: value, duplicates: duplicates.map(named), locate, plainText }
          : { file, manifest: value, locate, plainText },
      );
      continue;
    }
    (value.items as unknown[]).forEach((manifest, i) => {
      const own = duplicates.filter((d) => d.segs[0] === 'items' && d.segs[1] === i);
      const rest = own.map((d) => named({ segs: d.segs.slice(2), dropped: d.dropped }));
      const entry = locator.entry(i);
      const locate = (path: string) => entry.locate(path);
      const plainText = (path: string) => entry.plainText(path);
      out.push(
        rest.length > 0
          ? { file, manifest, duplicates: rest, locate, plainText }
          : { file, manifest, locate, plainText },
      );
    });
  }
  return out;
}

// Every key of a mapping that an earlier key of the same mapping already has, at any depth, in document order.
function findDuplicates(
  node: unknown,
  segs: (string | number)[],
  out: { segs: (string | number)[]; dropped: unknown }[],
): void {
  if (YAML.isMap(node)) {
    const seen = new Map<string, unknown>();
    for (const pair of node.items) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const value = YAML.isScalar(pair.value) ? pair.value.value : droppedValue(pair.value);
      if (seen.has(key)) out.push({ segs: [...segs, key], dropped: seen.get(key) });
      seen.set(key, value);
      findDuplicates(pair.value, [...segs, key], out);
    }
  } else if (YAML.isSeq(node)) {
    node.items.forEach((entry, i) => findDuplicates(entry, [...segs, i], out));
  }
}

// A collection's value for the report; an alias inside it has no document to resolve against, so none then.
function droppedValue(node: unknown): unknown {
  try {
    return YAML.isNode(node) ? node.toJSON() : node;
  } catch {
    return undefined;
  }
}

// The path as the API server prints a duplicate field: `.` between fields and map keys, `[i]` for list entries.
function named(d: { segs: (string | number)[]; dropped: unknown }): DuplicateField {
  let path = '';
  for (const s of d.segs) path += typeof s === 'number' ? `[${s}]` : path === '' ? s : `.${s}`;
  return { path, dropped: d.dropped };
}

/** Reads and parses every object under `paths`; `readStdin` supplies `-`. Finding no object at all is an InputError. */
export function readManifests(paths: readonly string[], readStdin: () => string): SourcedManifest[] {
  const files = expandPaths(paths);
  const manifests = files.flatMap((file) => {
    let text: string;
    try {
      text = file === '-' ? readStdin() : fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new InputError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error}).`);
    }
    return parseManifests(text, file);
  });
  if (manifests.length === 0) {
    const where =
      files.length === 0 ? 'no .yaml, .yml or .json file' : `${files.length} file(s) but no object`;
    throw new InputError(`${paths.join(' ')}: found ${where}, so nothing was checked. Check the paths.`);
  }
  return manifests;
}
