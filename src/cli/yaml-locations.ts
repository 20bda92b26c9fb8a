import * as YAML from 'yaml';
import type { SourceLocation } from '../errors';

/** Where a field path ends in a YAML tree: the node reached, the text offset to report, how much path matched. */
interface Reached {
  /** The node at the end of the matched part (the value of the last key matched, or the list entry). */
  readonly node: unknown;
  /** Offset in the text of the last key matched (of the entry, for a list entry). */
  readonly offset: number;
  /** Index in the path just after the part that matched. */
  readonly end: number;
}

/**
 * Most steps one path may take in the tree. Keys that are prefixes of each other (`a`, `a.b`) make the walk try more
 * than one reading of the path; this bounds that work on hostile input, whose answer is then the best found so far.
 */
const MAX_STEPS = 10_000;

/**
 * Finds fields of one object in the YAML (or JSON) text it was parsed from. Paths are in Kubernetes notation
 * (`spec.containers[0].resources.limits[cpu]`, `metadata.labels[app.kubernetes.io/name]`) and are matched against
 * the keys that exist, so a key with dots or brackets in it is found as written. A field that is not there (a missing
 * required field) is placed at the nearest enclosing field that is; an empty path, at the object's first line.
 */
export class YamlLocator {
  constructor(
    private readonly file: string,
    private readonly doc: YAML.Document.Parsed,
    private readonly lines: YAML.LineCounter,
    /** The object's own node: the document's contents, or the entry of a `kind: List`'s items. */
    private readonly root: unknown,
  ) {}

  /** A locator for the document's `kind: List` entry `index` (the list's own node if that entry is not found). */
  public entry(index: number): YamlLocator {
    const reached = this.reach(`items[${index}]`);
    const found = reached.end === `items[${index}]`.length;
    return new YamlLocator(this.file, this.doc, this.lines, found ? reached.node : this.root);
  }

  /**
   * File, line and column (1-based) of the key of the field `path`; for a list entry, of the entry. An alias is
   * followed into its anchor: a field inside an aliased node is placed where the anchor wrote it.
   */
  public locate(path: string): SourceLocation {
    const { line, col } = this.lines.linePos(this.reach(path).offset);
    return { file: this.file, line, column: col };
  }

  /** The text of the plain (unquoted) scalar at `path`, when the whole path is written and ends in one. */
  public plainText(path: string): string | undefined {
    const reached = this.reach(path);
    if (reached.end !== path.length) return undefined;
    const node = YAML.isAlias(reached.node) ? reached.node.resolve(this.doc) : reached.node;
    return YAML.isScalar(node) && node.type === 'PLAIN' ? node.source : undefined;
  }

  private reach(path: string): Reached {
    const start = { node: this.root, offset: startOf(this.root) ?? 0, end: 0 };
    return walk(this.doc, path, start, { left: MAX_STEPS });
  }
}

// The deepest match of `path` from `at` on: each map key that the path names at this point is tried, longest first,
// until one reading matches the whole path.
function walk(doc: YAML.Document.Parsed, path: string, at: Reached, budget: { left: number }): Reached {
  if (at.end === path.length || budget.left-- <= 0) return at;
  const node = YAML.isAlias(at.node) ? at.node.resolve(doc) : at.node;
  let best = at;
  for (const next of steps(doc, node, path, at)) {
    const reached = walk(doc, path, next, budget);
    if (reached.end === path.length) return reached;
    if (reached.end > best.end) best = reached;
  }
  return best;
}

// The ways `path` may go on from `at` into `node`: a list index `[i]`, or a map key as `.key`, `[key]` or (at the
// start) `key`, each followed by the end of the path, `.` or `[`. Keys a YAML 1.1 merge (`<<: *base`) brings in
// come after the map's own keys, which override them, as they do in the object.
function steps(doc: YAML.Document.Parsed, node: unknown, path: string, at: Reached, depth = 0): Reached[] {
  const pos = at.end;
  if (YAML.isSeq(node)) {
    const index = /^\[(\d+)\]/.exec(path.slice(pos, pos + 24));
    if (!index || !boundary(path, pos + index[0].length)) return [];
    const item = node.items[Number(index[1])];
    if (item === undefined) return [];
    return [{ node: item, offset: startOf(item) ?? at.offset, end: pos + index[0].length }];
  }
  if (!YAML.isMap(node)) return [];
  const open = pos === 0 ? '' : path[pos];
  if (open !== '' && open !== '.' && open !== '[') return [];
  const close = open === '[' ? ']' : '';
  const found: Reached[] = [];
  const merged: Reached[] = [];
  for (const pair of node.items) {
    if (isMergeKey(pair.key) && depth < MAX_MERGE_DEPTH) {
      const sources = YAML.isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const map = YAML.isAlias(source) ? source.resolve(doc) : source;
        merged.push(...steps(doc, map, path, at, depth + 1));
      }
      continue;
    }
    const key = keyText(pair.key);
    if (key === undefined) continue;
    const end = pos + open.length + key.length + close.length;
    if (!path.startsWith(key, pos + open.length) || !path.startsWith(close, end - close.length)) continue;
    if (!boundary(path, end)) continue;
    found.push({ node: pair.value, offset: startOf(pair.key) ?? at.offset, end });
  }
  // Longest key first; among equal keys (a key written twice), the last, whose value the object holds.
  return [...found.reverse().sort((a, b) => b.end - a.end), ...merged];
}

/** Deepest chain of merges followed (a merge of a map that merges another, ...). */
const MAX_MERGE_DEPTH = 8;

// The `<<` key of a YAML 1.1 merge, which yaml reads as a symbol when merges are on.
function isMergeKey(key: unknown): boolean {
  if (!YAML.isScalar(key)) return false;
  return typeof key.value === 'symbol' ? key.value.description === '<<' : false;
}

function boundary(path: string, end: number): boolean {
  return end === path.length || path[end] === '.' || path[end] === '[';
}

// A key as the parsed object has it: scalars by their value (`80` for 80), anything else is not a field name.
function keyText(key: unknown): string | undefined {
  if (!YAML.isScalar(key)) return undefined;
  return key.value === null ? '' : String(key.value);
}

function startOf(node: unknown): number | undefined {
  return YAML.isNode(node) ? node.range?.[0] : undefined;
}
