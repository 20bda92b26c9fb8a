/**
 * The three ways `kubectl run --overrides` can change the generated object, reimplemented on plain JSON values:
 *
 * - `jsonMergePatch`: RFC 7386, as github.com/evanphx/json-patch `MergePatch` (kubectl's default, `merge`).
 * - `strategicMergePatch`: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go `StrategicMergeMapPatch`
 *   (`mergeMap`, `mergeSlice`, `mergeSliceWithSpecialElements`, `normalizeElementOrder`, `mergeSortedSlice`,
 *   `applyRetainKeysDirective`, `mergePatchIntoOriginal`), driven by a table of the `patchStrategy` /
 *   `patchMergeKey` struct tags of k8s.io/api/core/v1 instead of Go reflection.
 * - `jsonPatch`: RFC 6902, as evanphx/json-patch `Patch.Apply`.
 *
 * Inputs are never mutated: Go mutates its maps in place, so every function here deep-copies first.
 */

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** Thrown when a patch is malformed or does not apply; `path` is where in the document it failed. */
export class PatchError extends Error {
  /** JSON Pointer (RFC 6901) or dotted path of the failing location; empty for the whole document. */
  public readonly path: string;

  constructor(path: string, message: string) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'PatchError';
    this.path = path;
  }
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// RFC 7386 JSON merge patch

/** Applies an RFC 7386 JSON merge patch: objects merge key by key, `null` deletes, anything else replaces. */
export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isJsonObject(patch)) return clone(patch);
  const result: JsonObject = isJsonObject(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = jsonMergePatch(result[key] ?? null, value);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Strategic merge patch

/**
 * What strategic merge needs to know about one field: its `patchStrategy` / `patchMergeKey` tags and the
 * fields of the value it holds (for a list, of each element).
 */
export interface PatchMeta {
  /** `merge` merges lists (by `mergeKey` for lists of objects), `replace` replaces maps; absent = default. */
  readonly strategy?: 'merge' | 'replace';
  /** Field that identifies an element of a list of objects merged with `merge`. */
  readonly mergeKey?: string;
  /** Fields of the object (or list element) held by this field. */
  readonly fields?: Readonly<Record<string, PatchMeta>>;
}

const mergeByName = (fields?: Record<string, PatchMeta>): PatchMeta => ({
  strategy: 'merge',
  mergeKey: 'name',
  fields,
});

// From the struct tags of k8s.io/api/core/v1/types.go (Container, EphemeralContainerCommon, PodSpec) and
// k8s.io/apimachinery/pkg/apis/meta/v1/types.go (ObjectMeta). `retainKeys` strategies (volumes, resourceClaims)
// only matter through the `$retainKeys` directive, which is honoured wherever it appears.
const CONTAINER: Record<string, PatchMeta> = {
  ports: { strategy: 'merge', mergeKey: 'containerPort' },
  env: mergeByName(),
  volumeMounts: { strategy: 'merge', mergeKey: 'mountPath' },
  volumeDevices: { strategy: 'merge', mergeKey: 'devicePath' },
};

/** Strategic-merge metadata of a v1 Pod: the lists that merge, and by which key. */
export const POD_PATCH_META: PatchMeta = {
  fields: {
    metadata: {
      fields: {
        finalizers: { strategy: 'merge' },
        ownerReferences: { strategy: 'merge', mergeKey: 'uid' },
      },
    },
    spec: {
      fields: {
        containers: mergeByName(CONTAINER),
        initContainers: mergeByName(CONTAINER),
        ephemeralContainers: mergeByName(CONTAINER),
        volumes: mergeByName(),
        imagePullSecrets: mergeByName(),
        hostAliases: { strategy: 'merge', mergeKey: 'ip' },
        topologySpreadConstraints: { strategy: 'merge', mergeKey: 'topologyKey' },
        schedulingGates: mergeByName(),
        resourceClaims: mergeByName(),
      },
    },
  },
};

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';
const SET_ELEMENT_ORDER = '$setElementOrder/';

/** True for the keys that are strategic-merge directives rather than fields. */
export function isDirectiveKey(key: string): boolean {
  return (
    key === DIRECTIVE ||
    key === RETAIN_KEYS ||
    key.startsWith(DELETE_FROM_PRIMITIVE_LIST) ||
    key.startsWith(SET_ELEMENT_ORDER)
  );
}

/**
 * Applies a strategic merge patch as `strategicpatch.StrategicMergePatch` does on the server side
 * (`MergeParallelList` and `IgnoreUnmatchedNulls` both true): lists tagged `merge` merge element by element on
 * their merge key, other lists replace, `null` deletes, and `$patch`, `$retainKeys`,
 * `$deleteFromPrimitiveList/…` and `$setElementOrder/…` directives apply.
 */
export function strategicMergePatch(original: JsonObject, patch: JsonObject, meta: PatchMeta): JsonObject {
  return mergeMap(clone(original), clone(patch), meta, '');
}

function child(meta: PatchMeta | undefined, key: string): PatchMeta | undefined {
  return meta?.fields?.[key];
}

function where(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

// mergeMap in patch.go.
function mergeMap(
  original: JsonObject,
  patch: JsonObject,
  meta: PatchMeta | undefined,
  path: string,
): JsonObject {
  if (DIRECTIVE in patch) {
    // handleDirectiveInMergeMap
    const directive = patch[DIRECTIVE];
    if (directive === 'replace') {
      delete patch[DIRECTIVE];
      return patch;
    }
    if (directive === 'delete') return {};
    throw new PatchError(
      path,
      `unknown $patch directive ${JSON.stringify(directive)} (use replace or delete)`,
    );
  }

  applyRetainKeys(original, patch, path);
  mergeSetElementOrder(original, patch, meta, path);

  for (const [rawKey, patchValue] of Object.entries(patch)) {
    let key = rawKey;
    let isDeleteList = false;
    if (rawKey.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      key = rawKey.slice(DELETE_FROM_PRIMITIVE_LIST.length);
      isDeleteList = true;
    } else if (rawKey.startsWith('$deleteFromPrimitiveList')) {
      throw new PatchError(path, `bad format for $deleteFromPrimitiveList: ${rawKey}`);
    }

    if (patchValue === null) {
      // IgnoreUnmatchedNulls: a null deletes the key and is never copied into the result.
      delete original[key];
      continue;
    }
    const originalValue = original[key];
    const bothObjects = isJsonObject(originalValue) && isJsonObject(patchValue);
    const bothLists = Array.isArray(originalValue) && Array.isArray(patchValue);
    if (!(key in original) || (!bothObjects && !bothLists)) {
      // A new value (or one of another type) is taken from the patch without its nulls and directives; a value
      // that is itself a `$patch` directive is dropped (discardNullValuesFromPatch, removeDirectives).
      if (!isDeleteList) {
        const kept = removeDirectives(discardNulls(patchValue));
        if (kept === undefined) delete original[key];
        else original[key] = kept;
      }
      continue;
    }
    const fieldMeta = child(meta, key);
    const fieldPath = where(path, key);
    if (bothObjects) {
      // mergeMapHandler
      original[key] =
        fieldMeta?.strategy === 'replace'
          ? patchValue
          : mergeMap(originalValue, patchValue, fieldMeta, fieldPath);
    } else {
      // mergeSliceHandler
      original[key] =
        fieldMeta?.strategy === 'merge'
          ? mergeSlice(originalValue as Json[], patchValue as Json[], fieldMeta, fieldPath, isDeleteList)
          : patchValue;
    }
  }
  return original;
}

// discardNullValuesFromPatch: nulls inside a value copied from the patch mean nothing there.
function discardNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(discardNulls);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([k, v]) => (v === null ? [] : [[k, discardNulls(v)]])),
  );
}

// removeDirectives: undefined when the value is itself a `$patch` directive and must not be kept.
function removeDirectives(value: Json): Json | undefined {
  if (Array.isArray(value)) return value.map(removeDirectives).filter((v): v is Json => v !== undefined);
  if (!isJsonObject(value)) return value;
  if (DIRECTIVE in value) return undefined;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    const kept = removeDirectives(v);
    if (kept !== undefined) out[k] = kept;
  }
  return out;
}

// applyRetainKeysDirective: keys of the original not listed in $retainKeys are cleared.
function applyRetainKeys(original: JsonObject, patch: JsonObject, path: string): void {
  if (!(RETAIN_KEYS in patch)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(retain)) throw new PatchError(path, '$retainKeys must be a list of field names');
  const keep = new Set(retain);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || key.startsWith('$deleteFromPrimitiveList') || key.startsWith('$setElementOrder')) {
      continue;
    }
    if (!keep.has(key)) throw new PatchError(path, `field ${key} is in the patch but not in $retainKeys`);
  }
  for (const key of Object.keys(original)) if (!keep.has(key)) delete original[key];
}

// mergePatchIntoOriginal: a $setElementOrder/<field> list merges <field> now and fixes its order.
function mergeSetElementOrder(
  original: JsonObject,
  patch: JsonObject,
  meta: PatchMeta | undefined,
  path: string,
): void {
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith('$setElementOrder')) continue;
    delete patch[key];
    if (!key.startsWith(SET_ELEMENT_ORDER))
      throw new PatchError(path, `bad format for $setElementOrder: ${key}`);
    if (!Array.isArray(order)) throw new PatchError(path, `${key} must be a list`);
    const field = key.slice(SET_ELEMENT_ORDER.length);
    const fieldMeta = child(meta, field);
    const mergeKey = fieldMeta?.mergeKey ?? '';
    const originalList = original[field];
    const patchList = patch[field];
    const hasOriginal = Array.isArray(originalList);
    const hasPatch = Array.isArray(patchList);
    if (!hasOriginal && !hasPatch) continue;
    let merged: Json[];
    if (hasOriginal && hasPatch) {
      merged =
        fieldMeta?.strategy === 'merge'
          ? mergeSlice(originalList, patchList, fieldMeta, where(path, field), false)
          : patchList;
    } else {
      merged = hasOriginal ? originalList : (patchList as Json[]);
    }
    const [patchItems, serverOnly] = partition(merged, order, mergeKey);
    original[field] = normalizeElementOrder(
      patchItems,
      serverOnly,
      order,
      hasOriginal ? originalList : [],
      mergeKey,
    );
    delete patch[field];
  }
}

function keyOf(item: Json, mergeKey: string): Json | undefined {
  if (!mergeKey) return item;
  return isJsonObject(item) ? item[mergeKey] : undefined;
}

function indexIn(list: readonly Json[], item: Json, mergeKey: string): number {
  const wanted = keyOf(item, mergeKey);
  return list.findIndex((v) => keyOf(v, mergeKey) === wanted);
}

function requireMergeKey(item: Json, mergeKey: string, path: string): Json {
  if (!isJsonObject(item))
    throw new PatchError(path, `list element ${JSON.stringify(item)} is not an object`);
  if (!(mergeKey in item)) {
    throw new PatchError(
      path,
      `list element ${JSON.stringify(item)} does not contain declared merge key ${mergeKey}`,
    );
  }
  return item[mergeKey];
}

// mergeSlice in patch.go.
function mergeSlice(
  original: Json[],
  patch: Json[],
  meta: PatchMeta,
  path: string,
  isDeleteList: boolean,
): Json[] {
  if (original.length === 0 && patch.length === 0) return original;
  const elementsAreObjects = [...original, ...patch].some(isJsonObject);
  const mergeKey = elementsAreObjects ? (meta.mergeKey ?? '') : '';
  let merged: Json[];
  if (!elementsAreObjects) {
    if (isDeleteList) {
      // deleteFromSlice
      return original.filter((v) => !patch.some((d) => d === v));
    }
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (!mergeKey) throw new PatchError(path, 'cannot merge lists without merge key');
    [original, patch] = mergeSliceWithSpecialElements(original, patch, mergeKey, path);
    merged = [...original];
    for (const item of patch) {
      const key = requireMergeKey(item, mergeKey, path);
      const at = merged.findIndex((v) => isJsonObject(v) && v[mergeKey] === key);
      if (at >= 0) {
        merged[at] = mergeMap(merged[at] as JsonObject, item as JsonObject, meta, `${path}[${String(key)}]`);
      } else {
        merged.push(item);
      }
    }
  }
  const [patchItems, serverOnly] = partition(merged, patch, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey);
}

// The "clever" in-place deduplication of patch.go, kept because it decides the order of merged scalars.
function deduplicateScalars(list: Json[]): Json[] {
  const s = [...list];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

function mergeSliceWithSpecialElements(
  original: Json[],
  patch: Json[],
  mergeKey: string,
  path: string,
): [Json[], Json[]] {
  const plain: Json[] = [];
  let replace = false;
  let remaining = original;
  for (const item of patch) {
    if (!isJsonObject(item) || !(DIRECTIVE in item)) {
      plain.push(item);
      continue;
    }
    const directive = item[DIRECTIVE];
    if (directive === 'delete') {
      const key = requireMergeKey(item, mergeKey, path);
      remaining = remaining.filter((v) => !(isJsonObject(v) && v[mergeKey] === key));
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw new PatchError(path, 'merging lists cannot yet be specified in the patch');
    } else {
      throw new PatchError(path, `unknown $patch directive ${JSON.stringify(directive)}`);
    }
  }
  return replace ? [plain, []] : [remaining, plain];
}

function partition(merged: readonly Json[], by: readonly Json[], mergeKey: string): [Json[], Json[]] {
  const inPatch: Json[] = [];
  const serverOnly: Json[] = [];
  for (const item of merged) (indexIn(by, item, mergeKey) >= 0 ? inPatch : serverOnly).push(item);
  return [inPatch, serverOnly];
}

// normalizeElementOrder + mergeSortedSlice: patch items keep the patch's order, server-only items keep the
// original's, and the two are interleaved by their positions in the original (patch items first when unknown).
function normalizeElementOrder(
  patchItems: Json[],
  serverOnly: Json[],
  patchOrder: readonly Json[],
  serverOrder: readonly Json[],
  mergeKey: string,
): Json[] {
  const sortBy = (items: Json[], order: readonly Json[]): Json[] => {
    const toDelete = items.filter((v) => isJsonObject(v) && v[DIRECTIVE] === 'delete');
    const kept = items.filter((v) => !toDelete.includes(v));
    const rank = (v: Json) => {
      const i = indexIn(order, v, mergeKey);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    return [...kept.sort((a, b) => rank(a) - rank(b)), ...toDelete];
  };
  const left = sortBy(serverOnly, serverOrder);
  const right = sortBy(patchItems, patchOrder);
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey);
      const ri = indexIn(serverOrder, right[j], mergeKey);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// RFC 6902 JSON patch

/** One RFC 6902 operation. */
export interface JsonPatchOperation {
  /** `add`, `remove`, `replace`, `move`, `copy` or `test`. */
  readonly op: string;
  /** JSON Pointer to the target location. */
  readonly path: string;
  /** The value for `add`, `replace` and `test`. */
  readonly value?: Json;
  /** JSON Pointer to the source location of `move` and `copy`. */
  readonly from?: string;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PatchError(pointer, 'JSON pointer must start with "/"');
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function arrayIndex(list: Json[], token: string, pointer: string, forAdd: boolean): number {
  if (forAdd && token === '-') return list.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new PatchError(pointer, `"${token}" is not an array index`);
  const index = Number(token);
  if (index > list.length || (!forAdd && index === list.length)) {
    throw new PatchError(pointer, `array index ${index} is out of bounds (length ${list.length})`);
  }
  return index;
}

function resolveParent(doc: Json, pointer: string): { parent: Json[] | JsonObject; token: string } {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) throw new PatchError(pointer, 'the whole document cannot be the target');
  let node: Json = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(node)) node = node[arrayIndex(node, token, pointer, false)];
    else if (isJsonObject(node) && token in node) node = node[token];
    else throw new PatchError(pointer, `missing path element "${token}"`);
  }
  if (!Array.isArray(node) && !isJsonObject(node)) {
    throw new PatchError(pointer, 'parent is neither an object nor an array');
  }
  return { parent: node, token: tokens[tokens.length - 1] };
}

function getAt(doc: Json, pointer: string): Json {
  if (pointer === '') return doc;
  const { parent, token } = resolveParent(doc, pointer);
  if (Array.isArray(parent)) return parent[arrayIndex(parent, token, pointer, false)];
  if (!(token in parent)) throw new PatchError(pointer, `missing key "${token}"`);
  return parent[token];
}

function addAt(doc: Json, pointer: string, value: Json): Json {
  if (pointer === '') return value;
  const { parent, token } = resolveParent(doc, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, token, pointer, true), 0, value);
  else parent[token] = value;
  return doc;
}

function removeAt(doc: Json, pointer: string): Json {
  const { parent, token } = resolveParent(doc, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, token, pointer, false), 1);
  else if (token in parent) delete parent[token];
  else throw new PatchError(pointer, `cannot remove missing key "${token}"`);
  return doc;
}

/** Applies an RFC 6902 JSON patch (a list of operations) and returns the new document. */
export function jsonPatch(target: Json, operations: readonly JsonPatchOperation[]): Json {
  let doc = clone(target);
  operations.forEach((operation, n) => {
    const at = `[${n}]`;
    if (!isJsonObject(operation as unknown)) throw new PatchError(at, 'operation must be an object');
    const { op, path, value, from } = operation;
    if (typeof path !== 'string') throw new PatchError(at, 'operation has no "path"');
    const needValue = () => {
      if (value === undefined) throw new PatchError(`${at} ${path}`, `"${op}" needs a "value"`);
      return clone(value);
    };
    const needFrom = () => {
      if (typeof from !== 'string') throw new PatchError(`${at} ${path}`, `"${op}" needs a "from"`);
      return from;
    };
    switch (op) {
      case 'add':
        doc = addAt(doc, path, needValue());
        break;
      case 'remove':
        doc = removeAt(doc, path);
        break;
      case 'replace':
        getAt(doc, path); // replace requires the target to exist
        doc = path === '' ? needValue() : addAt(removeAt(doc, path), path, needValue());
        break;
      case 'move': {
        const source = needFrom();
        const moved = getAt(doc, source);
        doc = addAt(removeAt(doc, source), path, moved);
        break;
      }
      case 'copy':
        doc = addAt(doc, path, clone(getAt(doc, needFrom())));
        break;
      case 'test':
        if (!deepEqual(getAt(doc, path), needValue())) throw new PatchError(`${at} ${path}`, 'test failed');
        break;
      default:
        throw new PatchError(at, `unknown operation ${JSON.stringify(op)}`);
    }
  });
  return doc;
}
