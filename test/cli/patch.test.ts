import { describe, expect, it } from 'vitest';
import {
  Json,
  JsonObject,
  jsonMergePatch,
  jsonPatch,
  JsonPatchOperation,
  PatchError,
  POD_PATCH_META,
  strategicMergePatch,
} from '../../src/cli/patch';

describe('jsonMergePatch follows RFC 7386', () => {
  // The test cases of RFC 7386 Appendix A, in order.
  it.each<[Json, Json, Json]>([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('merges %j with %j into %j', (target, patch, result) => {
    expect(jsonMergePatch(target, patch)).toEqual(result);
  });

  it('leaves its inputs unchanged', () => {
    const target = { a: { b: 1 } };
    jsonMergePatch(target, { a: { b: 2 } });
    expect(target).toEqual({ a: { b: 1 } });
  });
});

describe('jsonPatch follows RFC 6902', () => {
  // The examples of RFC 6902 Appendix A.
  it.each<[string, Json, JsonPatchOperation[], Json]>([
    [
      'adds an object member',
      { foo: 'bar' },
      [{ op: 'add', path: '/baz', value: 'qux' }],
      { baz: 'qux', foo: 'bar' },
    ],
    [
      'adds an array element',
      { foo: ['bar', 'baz'] },
      [{ op: 'add', path: '/foo/1', value: 'qux' }],
      { foo: ['bar', 'qux', 'baz'] },
    ],
    [
      'removes an object member',
      { baz: 'qux', foo: 'bar' },
      [{ op: 'remove', path: '/baz' }],
      { foo: 'bar' },
    ],
    [
      'removes an array element',
      { foo: ['bar', 'qux', 'baz'] },
      [{ op: 'remove', path: '/foo/1' }],
      { foo: ['bar', 'baz'] },
    ],
    [
      'replaces a value',
      { baz: 'qux', foo: 'bar' },
      [{ op: 'replace', path: '/baz', value: 'boo' }],
      { baz: 'boo', foo: 'bar' },
    ],
    [
      'moves a value',
      { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
      [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
      { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
    ],
    [
      'moves an array element',
      { foo: ['all', 'grass', 'cows', 'eat'] },
      [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
      { foo: ['all', 'cows', 'eat', 'grass'] },
    ],
    [
      'passes a test',
      { baz: 'qux', foo: ['a', 2, 'c'] },
      [
        { op: 'test', path: '/baz', value: 'qux' },
        { op: 'test', path: '/foo/1', value: 2 },
      ],
      { baz: 'qux', foo: ['a', 2, 'c'] },
    ],
    [
      'adds a nested member object',
      { foo: 'bar' },
      [{ op: 'add', path: '/child', value: { grandchild: {} } }],
      { foo: 'bar', child: { grandchild: {} } },
    ],
    [
      'unescapes ~0 and ~1',
      { '/': 9, '~1': 10 },
      [{ op: 'test', path: '/~01', value: 10 }],
      { '/': 9, '~1': 10 },
    ],
    [
      'appends with - and adds an array as one value',
      { foo: ['bar'] },
      [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }],
      { foo: ['bar', ['abc', 'def']] },
    ],
    [
      'copies a value',
      { a: { b: 1 } },
      [{ op: 'copy', from: '/a', path: '/c' }],
      { a: { b: 1 }, c: { b: 1 } },
    ],
  ])('%s', (_name, target, operations, result) => {
    expect(jsonPatch(target, operations)).toEqual(result);
  });

  it.each<[string, Json, JsonPatchOperation[], string]>([
    ['a test does not match', { baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }], 'test failed'],
    [
      'the parent is missing',
      { foo: 'bar' },
      [{ op: 'add', path: '/baz/bat', value: 'qux' }],
      'missing path',
    ],
    ['the key to remove is missing', { foo: 'bar' }, [{ op: 'remove', path: '/nope' }], 'cannot remove'],
    [
      'the key to replace is missing',
      { foo: 'bar' },
      [{ op: 'replace', path: '/nope', value: 1 }],
      'missing key',
    ],
    ['an index is out of bounds', { foo: [] }, [{ op: 'add', path: '/foo/2', value: 1 }], 'out of bounds'],
    ['the operation is unknown', {}, [{ op: 'merge', path: '/a' }], 'unknown operation'],
  ])('fails when %s', (_name, target, operations, words) => {
    expect(() => jsonPatch(target, operations)).toThrow(PatchError);
    expect(() => jsonPatch(target, operations)).toThrow(words);
  });
});

// kubectl's StrategicMerge calls apimachinery strategicpatch.StrategicMergePatch with a *v1.Pod data struct.
// Tests marked "kubectl 1.28" got the same result from `kubectl run --override-type=strategic` (offline, against
// the Pod kubectl run generates); the others start from Pods kubectl run cannot generate and were traced through
// patch.go by hand.
describe('strategicMergePatch follows apimachinery strategicpatch on a Pod', () => {
  const pod = (container: JsonObject, extra: JsonObject = {}): JsonObject => ({
    metadata: { name: 'p', labels: { run: 'p' } },
    spec: { containers: [{ name: 'p', image: 'nginx', ...container }], dnsPolicy: 'ClusterFirst', ...extra },
  });
  const env = (...names: string[]) => names.map((name) => ({ name, value: name.toLowerCase() }));

  it('merges env by name, patched items in patch order and server-only items where they were', () => {
    // kubectl 1.28. mergeSlice + normalizeElementOrder + mergeSortedSlice.
    const result = strategicMergePatch(
      pod({ env: env('A', 'B', 'C') }),
      {
        spec: {
          containers: [
            {
              name: 'p',
              env: [
                { name: 'C', value: 'c2' },
                { name: 'D', value: 'd' },
                { name: 'A', value: 'a2' },
              ],
            },
          ],
        },
      },
      POD_PATCH_META,
    );
    expect(result).toEqual(
      pod({
        env: [
          { name: 'B', value: 'b' },
          { name: 'C', value: 'c2' },
          { name: 'D', value: 'd' },
          { name: 'A', value: 'a2' },
        ],
      }),
    );
  });

  it('replaces a list that has no merge strategy, such as tolerations', () => {
    // mergeSliceHandler: PodSpec.Tolerations has no patchStrategy tag.
    const result = strategicMergePatch(
      pod({}, { tolerations: [{ key: 'a', operator: 'Exists' }] }),
      { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } },
      POD_PATCH_META,
    );
    expect((result.spec as JsonObject).tolerations).toEqual([{ key: 'b', operator: 'Exists' }]);
  });

  it('replaces a merge list wholesale with a $patch: replace element', () => {
    // kubectl 1.28. mergeSliceWithSpecialElements.
    const result = strategicMergePatch(
      pod({}),
      { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'alpine' }] } },
      POD_PATCH_META,
    );
    expect((result.spec as JsonObject).containers).toEqual([{ name: 'only', image: 'alpine' }]);
  });

  it('empties a map with $patch: delete and replaces one with $patch: replace', () => {
    // kubectl 1.28 for the container's $patch: delete; handleDirectiveInMergeMap for both.
    const result = strategicMergePatch(
      pod({ securityContext: { privileged: true } }, { securityContext: { runAsUser: 1, fsGroup: 2 } }),
      {
        spec: {
          containers: [{ name: 'p', securityContext: { $patch: 'delete' } }],
          securityContext: { $patch: 'replace', runAsUser: 3 },
        },
      },
      POD_PATCH_META,
    );
    expect(result).toEqual(pod({ securityContext: {} }, { securityContext: { runAsUser: 3 } }));
  });

  it('drops a new value that is itself a $patch directive', () => {
    // kubectl 1.28. mergeMap -> removeDirectives on a key the original lacks.
    const result = strategicMergePatch(
      pod({}),
      { spec: { containers: [{ name: 'p', securityContext: { $patch: 'replace', runAsUser: 1 } }] } },
      POD_PATCH_META,
    );
    expect(result).toEqual(pod({}));
  });

  it('orders a list by $setElementOrder', () => {
    // kubectl 1.28. mergePatchIntoOriginal.
    const result = strategicMergePatch(
      pod({ env: [{ name: 'A', value: '1' }] }),
      {
        spec: {
          containers: [
            {
              name: 'p',
              '$setElementOrder/env': [{ name: 'B' }, { name: 'A' }],
              env: [{ name: 'B', value: '2' }],
            },
          ],
        },
      },
      POD_PATCH_META,
    );
    expect(result).toEqual(
      pod({
        env: [
          { name: 'B', value: '2' },
          { name: 'A', value: '1' },
        ],
      }),
    );
  });

  it('unions and deletes primitive merge lists such as finalizers', () => {
    // kubectl run cannot start from a Pod with finalizers, so this order was traced by hand through mergeSlice:
    // deduplicateScalars, then the patch items (c, a) in patch order, with the server-only b after a because
    // a comes before b in the original.
    const original = { metadata: { name: 'p', finalizers: ['a', 'b'] } };
    expect(strategicMergePatch(original, { metadata: { finalizers: ['c', 'a'] } }, POD_PATCH_META)).toEqual({
      metadata: { name: 'p', finalizers: ['c', 'a', 'b'] },
    });
    expect(
      strategicMergePatch(
        original,
        { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } },
        POD_PATCH_META,
      ),
    ).toEqual({ metadata: { name: 'p', finalizers: ['b'] } });
  });

  it('clears the keys $retainKeys does not list', () => {
    // applyRetainKeysDirective; kubectl 1.28 agreed on the Pod's own metadata.
    const result = strategicMergePatch(
      { metadata: { name: 'p', labels: { a: '1' }, annotations: { x: 'y' } } },
      { metadata: { $retainKeys: ['name', 'labels'], labels: { c: '3' } } },
      POD_PATCH_META,
    );
    expect(result).toEqual({ metadata: { name: 'p', labels: { a: '1', c: '3' } } });
  });

  it('fails when a merge-list element lacks its merge key', () => {
    expect(() =>
      strategicMergePatch(pod({}), { spec: { containers: [{ image: 'x' }] } }, POD_PATCH_META),
    ).toThrow(/spec\.containers: .*does not contain declared merge key name/);
  });

  it('fails on an unknown $patch directive', () => {
    expect(() => strategicMergePatch(pod({}), { spec: { $patch: 'explode' } }, POD_PATCH_META)).toThrow(
      /unknown \$patch directive "explode"/,
    );
  });
});
