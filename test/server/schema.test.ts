// Strict decoding against the real server: unknown fields, JSON types inside lists, null entries and duplicate
// keys. podwright must refuse exactly what the server refuses, naming the same fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachServer } from '../support/servers';
import { parseManifests } from '../../src/cli/manifests';
import { isError } from '../../src/errors';
import { validateManifest } from '../../src/validation';
import { ApiClient, collectionPath } from '../support/apiserver';

type Json = Record<string, any>;

function pod(change: (p: Json) => void): Json {
  const p: Json = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      containers: [{ name: 'app', image: 'nginx', securityContext: {} }],
      volumes: [{ name: 'v', emptyDir: {} }],
    },
  };
  change(p);
  return p;
}

const c0 = (p: Json): Json => p.spec.containers[0];

// Each case: a sentence and the one change. Their verdicts and paths come from the server, not from here.
const CASES: [string, (p: Json) => void][] = [
  ['a misspelled container field', (p) => (c0(p).comand = ['sh'])],
  ['a container field in the wrong case', (p) => (c0(p).Command = ['sh'])],
  ['an unknown metadata field', (p) => (p.metadata.nam = 'x')],
  ['an unknown status field', (p) => (p.status = { phse: 'Running' })],
  ['an unknown field in a volume source', (p) => (p.spec.volumes[0].emptyDir = { medum: 'Memory' })],
  ['an unknown field in a security context', (p) => (c0(p).securityContext.capabilities = { dorp: ['ALL'] })],
  ['an unknown field in managedFields', (p) => (p.metadata.managedFields = [{ manager: 'x', zzz: 1 }])],
  ['free content in fieldsV1', (p) => (p.metadata.managedFields = [{ fieldsV1: { 'f:x': { y: 1 } } }])],
  [
    'any key in labels and nodeSelector',
    (p) => ((p.metadata.labels.Comand = 'x'), (p.spec.nodeSelector = { a: 'b' })),
  ],
  ['a number in command', (p) => (c0(p).command = [1])],
  ['an object in args', (p) => (c0(p).args = [{}])],
  ['a boolean in capabilities.drop', (p) => (c0(p).securityContext.capabilities = { drop: [true] })],
  ['a string for a list', (p) => (c0(p).command = 'sh')],
  ['a number in annotations', (p) => (p.metadata.annotations = { a: 1 })],
  ['a null in command', (p) => (c0(p).command = ['sh', null])],
  ['a null in capabilities.drop', (p) => (c0(p).securityContext.capabilities = { drop: [null] })],
  ['a null container', (p) => p.spec.containers.push(null)],
  ['a null env entry', (p) => (c0(p).env = [null])],
  ['a null volume', (p) => p.spec.volumes.push(null)],
  [
    'a null security context, status and label value',
    (p) => ((c0(p).securityContext = null), (p.status = null), (p.metadata.labels.app = null)),
  ],
  [
    'a null memory limit under a request',
    (p) => (c0(p).resources = { limits: { memory: null }, requests: { memory: '1Mi' } }),
  ],
  ['an unknown field whose value is null', (p) => (c0(p).foo = null)],
];

/** The fields a 400 names: `unknown field "x"`, `duplicate field "x"`, or the Go struct field of a type error. */
function decodeFields(message: string): string[] {
  const named = [...message.matchAll(/(?:unknown|duplicate) field "([^"]+)"/g)].map((m) => m[1]);
  const typed = /Go struct field \w+\.(\S+) of type/.exec(message);
  return typed ? [typed[1]] : named;
}

const withoutIndexes = (path: string): string => path.replace(/\[[^\]]*\]/g, '');

describe.each(eachServer())('kube-apiserver %s', (_v, server) => {
  const client = new ApiClient(server);
  let ns = '';
  beforeAll(async () => {
    ns = await client.namespace('privileged');
  });
  afterAll(() => client.close());

  it.each(CASES)('agrees with podwright on %s', async (_name, change) => {
    const object = pod(change);
    const verdict = await client.dryRunCreate(object, ns);
    const found = validateManifest(object, 'privileged', undefined, server.version).filter(isError);
    expect(found.length > 0, `server: ${verdict.message}`).toBe(!verdict.allowed);
    if (verdict.code !== 400) return;
    const fields = decodeFields(verdict.message);
    const ours = found.filter((v) => v.rule === 'type' || v.rule === 'schema.unknownField');
    if (verdict.message.includes('strict decoding error')) {
      expect(ours.map((v) => v.path).sort()).toEqual(fields);
    } else {
      // A type error names the Go struct field without list indexes: spec.containers.command.
      expect(ours.map((v) => withoutIndexes(v.path))).toContain(withoutIndexes(fields[0]));
    }
  });

  it('refuses duplicate keys in raw JSON text at the paths podwright names, and accepts the last values', async () => {
    const text =
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","labels":{"a":"1","a":"2"}},' +
      '"spec":{"containers":[{"name":"app","image":"busybox","image":"nginx"}]}}';
    const raw = await client.request(
      'POST',
      `${collectionPath('v1', 'Pod', ns)}?dryRun=All&fieldValidation=Strict`,
      Buffer.from(text),
    );
    expect(raw.status).toBe(400);
    const [read] = parseManifests(text, 'pod.json');
    expect(read.duplicates?.map((d) => d.path)).toEqual(decodeFields(String(raw.body.message)));
    // What kubectl sends: the last value of each key, which the server accepts.
    expect((await client.dryRunCreate(read.manifest, ns)).allowed).toBe(true);
  });
});
