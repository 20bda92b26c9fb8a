import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../src/cli/manifests';
import { validateManifests } from '../../../src/cli/validate';
import type { KubeVersion } from '../../../src/kube-version';
import { validateManifest } from '../../../src/validation';
import { validatePodApi } from '../../../src/validation/api';
import { closest, hasSchema, validateFields } from '../../../src/validation/schema';
import tables128 from '../../../src/validation/schema/k8s-1.28.json';
import { c0, REF, validPod, type PodJson } from '../api/fixtures';

// Every expectation here was measured against kube-apiserver v1.28.7 and v1.33.3 with a server-side dry run and
// fieldValidation=Strict: the path is the one the server prints.

function fields(pod: PodJson, version: KubeVersion = '1.28') {
  return validateFields(pod, REF, version).map((v) => ({ path: v.path, rule: v.rule }));
}

function withChange(change: (pod: PodJson) => void): PodJson {
  const pod = validPod();
  change(pod);
  return pod;
}

describe('unknown fields', () => {
  it.each([
    [
      'a misspelled container field',
      (p: PodJson) => (c0(p).comand = ['sh']),
      'spec.containers[0].comand',
      'command',
    ],
    [
      'a container field in the wrong case',
      (p: PodJson) => (c0(p).Command = ['sh']),
      'spec.containers[0].Command',
      'command',
    ],
    ['a misspelled metadata field', (p: PodJson) => (p.metadata.nam = 'web'), 'metadata.nam', 'name'],
    [
      'a singular resources',
      (p: PodJson) => (c0(p).resource = {}),
      'spec.containers[0].resource',
      'resources',
    ],
    [
      'a misspelled capability list',
      (p: PodJson) => (c0(p).securityContext.capabilities = { dorp: ['ALL'] }),
      'spec.containers[0].securityContext.capabilities.dorp',
      'drop',
    ],
    [
      'a misspelled probe field',
      (p: PodJson) => (c0(p).readinessProbe.periodSecond = 5),
      'spec.containers[0].readinessProbe.periodSecond',
      'periodSeconds',
    ],
    [
      'a misspelled volume source field',
      (p: PodJson) => (p.spec.volumes[0].emptyDir = { medum: 'Memory' }),
      'spec.volumes[0].emptyDir.medum',
      'medium',
    ],
    ['a misspelled status field', (p: PodJson) => (p.status = { phse: 'Running' }), 'status.phse', 'phase'],
  ])('rejects %s at the path the server prints, and names the close field', (_name, change, path, close) => {
    const found = validateFields(withChange(change), REF);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path, rule: 'schema.unknownField', message: `unknown field "${path}"` });
    expect(found[0].fix).toContain(`did you mean "${close}"?`);
  });

  it('rejects unknown fields at any depth: top level, deep in a projected volume, in managedFields', () => {
    const pod = withChange((p) => {
      p.extra = 1;
      p.spec.volumes.push({
        name: 'proj',
        projected: { sources: [{ configMap: { name: 'x', items: [{ key: 'a', path: 'b', bad: 1 }] } }] },
      });
      p.metadata.managedFields = [{ manager: 'x', fieldsV1: { 'f:anything': {} }, zzz: 1 }];
    });
    expect(fields(pod)).toEqual([
      { path: 'metadata.managedFields[0].zzz', rule: 'schema.unknownField' },
      { path: 'spec.volumes[1].projected.sources[0].configMap.items[0].bad', rule: 'schema.unknownField' },
      { path: 'extra', rule: 'schema.unknownField' },
    ]);
  });

  it('rejects an unknown field even when its value is null', () => {
    expect(fields(withChange((p) => (c0(p).foo = null)))).toEqual([
      { path: 'spec.containers[0].foo', rule: 'schema.unknownField' },
    ]);
  });

  it('says which version has a field that the target version lacks', () => {
    const pod = withChange((p) => (c0(p).securityContext.appArmorProfile = { type: 'RuntimeDefault' }));
    const [found] = validateFields(pod, REF, '1.28');
    expect(found.path).toBe('spec.containers[0].securityContext.appArmorProfile');
    expect(found.fix).toContain('Kubernetes 1.33');
    expect(found.fix).toContain('--kube-version 1.33');
    expect(validateFields(pod, REF, '1.33')).toEqual([]);
  });

  it('lists the known fields when nothing is close', () => {
    const [found] = validateFields(
      withChange((p) => (p.spec.os = { name: 'linux', flavour: 'x' })),
      REF,
    );
    expect(found.path).toBe('spec.os.flavour');
    expect(found.fix).toBe('Remove it: PodOS has no field "flavour" in Kubernetes 1.28 (its fields: name).');
  });

  it('reports only the unknown field, not a missing handler, for a 1.28 preStop sleep hook', () => {
    const pod = withChange((p) => (c0(p).lifecycle = { preStop: { sleep: { seconds: 5 } } }));
    expect(validatePodApi(pod, REF, '1.28').map((v) => v.path)).toEqual([
      'spec.containers[0].lifecycle.preStop.sleep',
    ]);
  });

  it('accepts any key in maps: labels, annotations, nodeSelector, resource limits', () => {
    const pod = withChange((p) => {
      p.metadata.labels = { 'Anything.example.com/Goes': 'x' };
      p.spec.nodeSelector = { comand: 'x' };
      c0(p).resources.limits = { 'example.com/gpu': '1', cpu: '1' };
    });
    expect(fields(pod)).toEqual([]);
  });

  it('accepts any content where the schema keeps unknown fields (managedFields fieldsV1)', () => {
    const pod = withChange(
      (p) => (p.metadata.managedFields = [{ fieldsV1: { 'f:spec': { '.': {}, x: 1 } } }]),
    );
    expect(fields(pod)).toEqual([]);
  });
});

describe('JSON types, element types inside lists and null entries', () => {
  it.each([
    [
      'a number in command',
      (p: PodJson) => (c0(p).command = [1]),
      'spec.containers[0].command[0]',
      'a string',
    ],
    ['an object in args', (p: PodJson) => (c0(p).args = [{}]), 'spec.containers[0].args[0]', 'a string'],
    [
      'a boolean in capabilities.drop',
      (p: PodJson) => (c0(p).securityContext.capabilities = { drop: [true] }),
      'spec.containers[0].securityContext.capabilities.drop[0]',
      'a string',
    ],
    ['a string for a list', (p: PodJson) => (c0(p).command = 'sh'), 'spec.containers[0].command', 'an array'],
    ['a list for an object', (p: PodJson) => (p.spec = []), 'spec', 'an object'],
    [
      'a number in annotations',
      (p: PodJson) => (p.metadata.annotations = { a: 1 }),
      'metadata.annotations[a]',
      'a string',
    ],
    [
      'a boolean quantity',
      (p: PodJson) => (c0(p).resources.limits.cpu = true),
      'spec.containers[0].resources.limits[cpu]',
      'a quantity string',
    ],
    [
      'a fraction for an int64',
      (p: PodJson) => (p.spec.terminationGracePeriodSeconds = 5.5),
      'spec.terminationGracePeriodSeconds',
      'an integer',
    ],
    [
      'a string for an int64',
      (p: PodJson) => (p.spec.terminationGracePeriodSeconds = '5'),
      'spec.terminationGracePeriodSeconds',
      'an integer',
    ],
    [
      'an int32 out of range',
      (p: PodJson) => (c0(p).ports[0].containerPort = 2 ** 31),
      'spec.containers[0].ports[0].containerPort',
      'a 32-bit integer',
    ],
    [
      'a boolean for an int-or-string',
      (p: PodJson) => (c0(p).readinessProbe.httpGet.port = true),
      'spec.containers[0].readinessProbe.httpGet.port',
      'an integer or a string',
    ],
    [
      'a string for a boolean',
      (p: PodJson) => (p.spec.hostNetwork = 'true'),
      'spec.hostNetwork',
      'a boolean',
    ],
  ])('rejects %s, as the decoder does', (_name, change, path, expected) => {
    const found = validatePodApi(withChange(change), REF).filter((v) => v.rule === 'type');
    expect(found.map((v) => ({ path: v.path, message: v.message }))).toEqual([
      { path, message: `must be ${expected}` },
    ]);
  });

  it('reports one type error per path: the schema walk owns it, the rules do not repeat it', () => {
    const pod = withChange((p) => (c0(p).securityContext = 'x'));
    expect(validatePodApi(pod, REF).map((v) => ({ path: v.path, rule: v.rule }))).toEqual([
      { path: 'spec.containers[0].securityContext', rule: 'type' },
    ]);
  });

  it('accepts null entries in lists of strings (command, args, capabilities.drop), as Go decodes them to ""', () => {
    const pod = withChange((p) => {
      c0(p).command = ['sh', null];
      c0(p).args = [null];
      c0(p).securityContext.capabilities = { drop: [null] };
    });
    expect(validatePodApi(pod, REF)).toEqual([]);
  });

  it('accepts null for objects, scalars and map values', () => {
    const pod = withChange((p) => {
      c0(p).securityContext = null;
      c0(p).workingDir = null;
      p.status = null;
      p.metadata.labels = { app: null };
      c0(p).resources.limits = { cpu: null };
    });
    expect(fields(pod)).toEqual([]);
  });

  it('reads a null resource quantity as 0, which a request above it then exceeds', () => {
    const found = (res: PodJson) =>
      validatePodApi(
        withChange((p) => (c0(p).resources = res)),
        REF,
      ).map((v) => `${v.path}: ${v.message}`);
    expect(found({ limits: { memory: null }, requests: { memory: '200Mi' } })).toEqual([
      'spec.containers[0].resources.requests: must be less than or equal to memory limit of 0',
    ]);
    expect(found({ limits: { memory: null } })).toEqual([]);
    expect(found({ requests: { cpu: null } })).toEqual([]);
  });

  it('reads a null entry of a list of strings as "", which the rules then check (hostnames, nameservers)', () => {
    const found = validatePodApi(
      withChange((p) => (p.spec.hostAliases = [{ ip: '1.2.3.4', hostnames: [null] }])),
      REF,
    );
    expect(found.map((v) => v.path)).toEqual(['spec.hostAliases.hostnames']);
  });

  it('checks a null entry of a list of objects as an empty object: containers, env, ports, volumes', () => {
    const found = (change: (p: PodJson) => void) =>
      validatePodApi(withChange(change), REF).map((v) => `${v.path}: ${v.message}`);
    expect(found((p) => p.spec.containers.push(null))).toEqual([
      'spec.containers[2].name: Required value',
      'spec.containers[2].image: Required value',
    ]);
    expect(found((p) => (c0(p).env = [null]))).toEqual(['spec.containers[0].env[0].name: Required value']);
    expect(found((p) => (c0(p).ports = [null]))).toEqual([
      'spec.containers[0].ports[0].containerPort: Required value',
    ]);
    expect(found((p) => p.spec.volumes.push(null))).toEqual(['spec.volumes[1].name: Required value']);
  });
});

describe('workloads', () => {
  const template = {
    metadata: { labels: { app: 'a' } },
    spec: { containers: [{ name: 'c', image: 'busybox' }] },
  };
  const decodeErrors = (manifest: unknown) =>
    validateManifest(manifest, 'privileged')
      .filter((v) => v.rule === 'type' || v.rule === 'schema.unknownField')
      .map((v) => `${v.path}: ${v.message}`);

  it('rejects unknown fields of a Deployment, its template metadata and its Pod spec, once each', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        replicaz: 1,
        selector: { matchLabels: { app: 'a' } },
        template: {
          metadata: { labels: { app: 'a' }, foo: 1 },
          spec: { containers: [{ name: 'c', image: 'busybox', comand: ['x'] }] },
        },
      },
    };
    expect(decodeErrors(deployment)).toEqual([
      'spec.replicaz: unknown field "spec.replicaz"',
      'spec.template.metadata.foo: unknown field "spec.template.metadata.foo"',
      'spec.template.spec.containers[0].comand: unknown field "spec.template.spec.containers[0].comand"',
    ]);
  });

  it('rejects a wrong element type in a StatefulSet template, which the server decodes though it does not validate it', () => {
    const template1 = structuredClone(template) as PodJson;
    template1.spec.containers[0].command = [1];
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: { serviceName: 's', selector: { matchLabels: { app: 'a' } }, template: template1 },
    };
    expect(decodeErrors(sts)).toEqual(['spec.template.spec.containers[0].command[0]: must be a string']);
  });

  it('rejects a key in the wrong case deep in a CronJob', () => {
    const template1 = structuredClone(template) as PodJson;
    template1.spec.restartPolicy = 'Never';
    template1.spec.containers[0].Image = 'x';
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template: template1 } } },
    };
    expect(decodeErrors(cronJob)).toEqual([
      'spec.jobTemplate.spec.template.spec.containers[0].Image: unknown field "spec.jobTemplate.spec.template.spec.containers[0].Image"',
    ]);
  });
});

describe('duplicate fields', () => {
  const yaml = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    '  labels: {app: a, app: b}',
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: busybox',
    '    image: nginx',
    '',
  ].join('\n');

  it('reads the last value, as kubectl does, and names every duplicate as the server does', () => {
    const [read] = parseManifests(yaml, 'pod.yaml');
    expect(read.manifest).toMatchObject({
      metadata: { labels: { app: 'b' } },
      spec: { containers: [{ image: 'nginx' }] },
    });
    expect(read.duplicates).toEqual([
      { path: 'metadata.labels.app', dropped: 'a' },
      { path: 'spec.containers[0].image', dropped: 'busybox' },
    ]);
  });

  it('finds duplicates in JSON text and in the items of a List', () => {
    const json = '{"kind":"List","items":[{"kind":"Pod","a":1},{"kind":"Pod","spec":{"x":1,"x":2}}]}';
    const read = parseManifests(json, 'list.json');
    expect(read.map((r) => r.duplicates)).toEqual([undefined, [{ path: 'spec.x', dropped: 1 }]]);
  });

  it('reports a duplicate as a warning, since kubectl sends only the last value and the server accepts it', () => {
    const report = validateManifests(parseManifests(yaml, 'pod.yaml'), 'privileged');
    expect(report.violations).toEqual([
      expect.objectContaining({
        path: 'metadata.labels.app',
        rule: 'schema.duplicateField',
        message: 'duplicate field "metadata.labels.app"',
        severity: 'warning',
      }),
      expect.objectContaining({ path: 'spec.containers[0].image', severity: 'warning' }),
    ]);
  });

  it('adds nothing to clean input', () => {
    const [read] = parseManifests(yaml.replace('    image: nginx\n', '').replace(', app: b', ''), 'pod.yaml');
    expect(read).not.toHaveProperty('duplicates');
  });
});

describe('the field tables', () => {
  it('cover every kind that carries a Pod template, in both versions', () => {
    for (const version of ['1.28', '1.33'] as const) {
      for (const [apiVersion, kind] of [
        ['v1', 'Pod'],
        ['v1', 'PodTemplate'],
        ['v1', 'ReplicationController'],
        ['apps/v1', 'Deployment'],
        ['apps/v1', 'StatefulSet'],
        ['apps/v1', 'DaemonSet'],
        ['apps/v1', 'ReplicaSet'],
        ['batch/v1', 'Job'],
        ['batch/v1', 'CronJob'],
      ]) {
        expect(hasSchema(apiVersion, kind, version)).toBe(true);
      }
    }
  });

  it('know every field that cdk8s-plus-28 generated 1.28 types can emit for a Pod', () => {
    // Each toJson_X of cdk8s's generated k8s.js lists the JSON keys it writes and the toJson_Y of each value.
    const source = fs.readFileSync(require.resolve('cdk8s-plus-28/lib/imports/k8s.js'), 'utf8');
    const emitted = new Map<string, Map<string, string | undefined>>();
    for (const m of source.matchAll(
      /function toJson_(\w+)\(obj\) \{[\s\S]*?const result = \{([\s\S]*?)\n {4}\};/g,
    )) {
      const keys = new Map<string, string | undefined>();
      for (const line of m[2].matchAll(/'([^']+)': (.*),$/gm))
        keys.set(line[1], /toJson_(\w+)/.exec(line[2])?.[1]);
      emitted.set(m[1], keys);
    }
    const types = tables128.types as Record<string, Record<string, string>>;
    const missing: string[] = [];
    let checked = 0;
    const seen = new Set<string>();
    const visit = (cdk8sType: string, ours: string, where: string) => {
      if (seen.has(cdk8sType)) return;
      seen.add(cdk8sType);
      for (const [key, valueType] of emitted.get(cdk8sType) ?? []) {
        const shape = types[ours]?.[key];
        checked++;
        if (shape === undefined) missing.push(`${where}.${key} (${ours})`);
        else if (valueType) visit(valueType, shape.replace(/^[[{]/, ''), `${where}.${key}`);
      }
    };
    visit('KubePodProps', 'core.v1.Pod', 'Pod');
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(400); // 469 with cdk8s-plus-28 2.5.6: the parse found the types
  });
});

describe('closest', () => {
  it('prefers the same name in another case, then the nearest within a third of the length', () => {
    expect(closest('Command', ['args', 'command'])).toBe('command');
    expect(closest('imagePullPolcy', ['image', 'imagePullPolicy'])).toBe('imagePullPolicy');
    expect(closest('nmae', ['name', 'image'])).toBe('name');
    expect(closest('zzz', ['name', 'image'])).toBeUndefined();
  });
});
