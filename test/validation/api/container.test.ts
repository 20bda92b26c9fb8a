import { describe, expect, it } from 'vitest';
import { isError } from '../../../src/errors';
import { validatePodApi } from '../../../src/validation/api';
import { REF, c0, check, runCases, validPod, warningsOf } from './fixtures';

// validateContainers / validateInitContainers / validateEphemeralContainers / validateContainerCommon
describe('containers', () => {
  runCases([
    {
      name: 'rejects a Pod without containers',
      change: (p) => (p.spec.containers = []),
      path: 'spec.containers',
      rule: 'container.required',
    },
    {
      name: 'rejects a container without a name',
      change: (p) => delete c0(p).name,
      path: 'spec.containers[0].name',
      rule: 'container.name.required',
    },
    {
      name: 'rejects an upper-case container name',
      change: (p) => (c0(p).name = 'App'),
      path: 'spec.containers[0].name',
      rule: 'container.name.dns1123Label',
    },
    {
      name: 'rejects a container name longer than 63 characters',
      change: (p) => (c0(p).name = 'a'.repeat(64)),
      path: 'spec.containers[0].name',
      rule: 'container.name.dns1123Label',
    },
    {
      name: 'rejects a container name with a dot',
      change: (p) => (c0(p).name = 'app.v1'),
      path: 'spec.containers[0].name',
      rule: 'container.name.dns1123Label',
    },
    {
      name: 'rejects two containers with the same name',
      change: (p) => (p.spec.containers[1].name = 'app'),
      path: 'spec.containers[1].name',
      rule: 'container.name.duplicate',
    },
    {
      name: 'rejects an init container named like a container',
      change: (p) => (p.spec.initContainers = [{ name: 'app', image: 'busybox' }]),
      path: 'spec.initContainers[0].name',
      rule: 'container.name.duplicate',
    },
    {
      name: 'rejects a container without an image',
      change: (p) => delete c0(p).image,
      path: 'spec.containers[0].image',
      rule: 'container.image.required',
    },
    {
      name: 'rejects an init container without an image',
      change: (p) => (p.spec.initContainers = [{ name: 'init' }]),
      path: 'spec.initContainers[0].image',
      rule: 'container.image.required',
    },
    {
      name: 'rejects an image with a trailing space',
      change: (p) => (c0(p).image = 'nginx:1.25 '),
      path: 'spec.containers[0].image',
      rule: 'container.image.whitespace',
    },
    {
      name: 'rejects an unknown imagePullPolicy',
      change: (p) => (c0(p).imagePullPolicy = 'Sometimes'),
      path: 'spec.containers[0].imagePullPolicy',
      rule: 'container.imagePullPolicy.unsupported',
    },
    {
      name: 'rejects an unknown terminationMessagePolicy',
      change: (p) => (c0(p).terminationMessagePolicy = 'Logs'),
      path: 'spec.containers[0].terminationMessagePolicy',
      rule: 'container.terminationMessagePolicy.unsupported',
    },
    {
      name: 'rejects restartPolicy on a regular container',
      change: (p) => (c0(p).restartPolicy = 'Always'),
      path: 'spec.containers[0].restartPolicy',
      rule: 'container.restartPolicy.forbidden',
    },
    {
      name: 'rejects a readiness probe on a plain init container',
      change: (p) =>
        (p.spec.initContainers = [
          { name: 'init', image: 'busybox', readinessProbe: { exec: { command: ['true'] } } },
        ]),
      path: 'spec.initContainers[0].readinessProbe',
      rule: 'initContainer.readinessProbe.forbidden',
    },
    {
      name: 'rejects a liveness probe on a plain init container',
      change: (p) =>
        (p.spec.initContainers = [
          { name: 'init', image: 'busybox', livenessProbe: { exec: { command: ['true'] } } },
        ]),
      path: 'spec.initContainers[0].livenessProbe',
      rule: 'initContainer.livenessProbe.forbidden',
    },
    {
      name: 'rejects a lifecycle hook on a plain init container',
      change: (p) =>
        (p.spec.initContainers = [
          { name: 'init', image: 'busybox', lifecycle: { preStop: { exec: { command: ['true'] } } } },
        ]),
      path: 'spec.initContainers[0].lifecycle',
      rule: 'initContainer.lifecycle.forbidden',
    },
    {
      name: 'rejects ephemeral containers on Pod creation',
      change: (p) => (p.spec.ephemeralContainers = [{ name: 'debug', image: 'busybox' }]),
      path: 'spec.ephemeralContainers',
      rule: 'ephemeralContainer.onCreate',
    },
    {
      name: 'rejects containers given as an object',
      change: (p) => (p.spec.containers = { app: { image: 'nginx' } }),
      path: 'spec.containers',
      rule: 'type',
    },
    {
      name: 'rejects command given as a string',
      change: (p) => (p.spec.containers[1].command = 'sleep infinity'),
      path: 'spec.containers[1].command',
      rule: 'type',
    },
  ]);

  const sidecarPod = (restartPolicy: string) => {
    const pod = validPod();
    pod.spec.initContainers = [
      {
        name: 'proxy',
        image: 'envoy:1',
        restartPolicy,
        readinessProbe: { tcpSocket: { port: 9901 } },
        lifecycle: { preStop: { exec: { command: ['true'] } } },
      },
    ];
    return pod;
  };

  it('fails when a 1.33 init container restartPolicy is not Always; 1.28 drops the field', () => {
    const pod = validPod();
    pod.spec.initContainers = [{ name: 'init', image: 'busybox', restartPolicy: 'OnFailure' }];
    expect(validatePodApi(pod, REF, '1.33').map((v) => [v.path, v.rule])).toEqual([
      ['spec.initContainers[0].restartPolicy', 'initContainer.restartPolicy.unsupported'],
    ]);
    // Accepted; podwright only warns that the field is dropped.
    expect(check(pod)).toEqual([]);
    expect(warningsOf(pod)).toEqual([
      expect.stringMatching(/^spec.initContainers\[0\].restartPolicy: is dropped by a Kubernetes 1.28/),
    ]);
  });

  it('accepts an init container with restartPolicy Always and probes under 1.33 (sidecar)', () => {
    expect(validatePodApi(sidecarPod('Always'), REF, '1.33')).toEqual([]);
  });

  // kube-apiserver v1.28.7 (SidecarContainers off) drops the field, then refuses probes and hooks on the init container.
  it('fails when a 1.28 init container has probes or hooks, whatever its restartPolicy', () => {
    for (const policy of ['Always', 'Sometimes']) {
      expect(
        check(sidecarPod(policy))
          .filter(isError)
          .map((v) => [v.path, v.rule]),
      ).toEqual([
        ['spec.initContainers[0].lifecycle', 'initContainer.lifecycle.forbidden'],
        ['spec.initContainers[0].readinessProbe', 'initContainer.readinessProbe.forbidden'],
      ]);
    }
  });

  it('accepts missing imagePullPolicy and terminationMessagePolicy, which the server defaults', () => {
    const pod = validPod();
    c0(pod).imagePullPolicy = '';
    c0(pod).terminationMessagePolicy = '';
    expect(check(pod)).toEqual([]);
  });
});

// validateContainerPorts / AccumulateUniqueHostPorts / validatePodHostNetworkDeps
describe('container ports', () => {
  runCases([
    {
      name: 'rejects a containerPort of 0',
      change: (p) => (c0(p).ports[0].containerPort = 0),
      path: 'spec.containers[0].ports[0].containerPort',
      rule: 'port.containerPort.required',
    },
    {
      name: 'rejects a missing containerPort',
      change: (p) => delete c0(p).ports[0].containerPort,
      path: 'spec.containers[0].ports[0].containerPort',
      rule: 'port.containerPort.required',
    },
    {
      name: 'rejects a containerPort above 65535',
      change: (p) => (c0(p).ports[0].containerPort = 70000),
      path: 'spec.containers[0].ports[0].containerPort',
      rule: 'port.containerPort.range',
    },
    {
      name: 'rejects a negative containerPort',
      change: (p) => (c0(p).ports[0].containerPort = -1),
      path: 'spec.containers[0].ports[0].containerPort',
      rule: 'port.containerPort.range',
    },
    {
      name: 'rejects a containerPort written as a string',
      change: (p) => (c0(p).ports[0].containerPort = '80'),
      path: 'spec.containers[0].ports[0].containerPort',
      rule: 'type',
    },
    {
      name: 'rejects a hostPort above 65535',
      change: (p) => (c0(p).ports[0].hostPort = 65536),
      path: 'spec.containers[0].ports[0].hostPort',
      rule: 'port.hostPort.range',
    },
    {
      name: 'rejects a lower-case protocol',
      change: (p) => (c0(p).ports[0].protocol = 'tcp'),
      path: 'spec.containers[0].ports[0].protocol',
      rule: 'port.protocol.unsupported',
    },
    {
      name: 'rejects a port name longer than 15 characters',
      change: (p) => (c0(p).ports[0].name = 'a-very-long-port-name'),
      path: 'spec.containers[0].ports[0].name',
      rule: 'port.name.ianaSvcName',
    },
    {
      name: 'rejects a port name without letters',
      change: (p) => (c0(p).ports[0].name = '8080'),
      path: 'spec.containers[0].ports[0].name',
      rule: 'port.name.ianaSvcName',
    },
    {
      name: 'rejects a port name with consecutive hyphens',
      change: (p) => (c0(p).ports[0].name = 'web--http'),
      path: 'spec.containers[0].ports[0].name',
      rule: 'port.name.ianaSvcName',
    },
    {
      name: 'rejects an upper-case port name',
      change: (p) => (c0(p).ports[0].name = 'HTTP'),
      path: 'spec.containers[0].ports[0].name',
      rule: 'port.name.ianaSvcName',
    },
    {
      name: 'rejects two ports with the same name in one container',
      change: (p) => c0(p).ports.push({ name: 'http', containerPort: 8080 }),
      path: 'spec.containers[0].ports[1].name',
      rule: 'port.name.duplicate',
    },
    {
      name: 'rejects two containers claiming the same hostPort',
      change: (p) => {
        c0(p).ports[0].hostPort = 8080;
        p.spec.containers[1].ports = [{ containerPort: 81, hostPort: 8080 }];
      },
      path: 'spec.containers[1].ports[0].hostPort',
      rule: 'port.hostPort.duplicate',
    },
    {
      name: 'rejects one init container claiming a hostPort twice, printed at index 0 as the API server does',
      change: (p) =>
        (p.spec.initContainers = [
          { name: 'init-a', image: 'busybox' },
          {
            name: 'init-b',
            image: 'busybox',
            ports: [
              { containerPort: 1, hostPort: 9000 },
              { containerPort: 2, hostPort: 9000 },
            ],
          },
        ]),
      path: 'spec.initContainers[0].ports[1].hostPort',
      rule: 'port.hostPort.duplicate',
    },
    {
      name: 'rejects a hostPort different from containerPort with hostNetwork',
      change: (p) => {
        p.spec.hostNetwork = true;
        c0(p).ports[0].hostPort = 8080;
      },
      path: 'spec.containers[0].ports[0].hostPort',
      rule: 'port.hostNetwork.mismatch',
    },
  ]);

  it('accepts the same containerPort twice without hostPort (only a warning)', () => {
    const pod = validPod();
    c0(pod).ports.push({ name: 'metrics', containerPort: 80 });
    expect(check(pod)).toEqual([]);
    expect(warningsOf(pod)).toEqual([
      'spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]',
    ]);
  });

  it('accepts a hostNetwork Pod whose hostPort is left to default to containerPort', () => {
    const pod = validPod();
    pod.spec.hostNetwork = true;
    expect(check(pod)).toEqual([]);
  });

  it('accepts the same hostPort on different protocols', () => {
    const pod = validPod();
    c0(pod).ports = [
      { containerPort: 53, hostPort: 53, protocol: 'UDP' },
      { containerPort: 53, hostPort: 53, protocol: 'TCP' },
    ];
    expect(check(pod)).toEqual([]);
  });
});

// ValidateEnv / validateEnvVarValueFrom / validateObjectFieldSelector / ValidateEnvFrom
describe('environment', () => {
  runCases([
    {
      name: 'rejects an env var without a name',
      change: (p) => (c0(p).env = [{ value: 'x' }]),
      path: 'spec.containers[0].env[0].name',
      rule: 'env.name.required',
    },
    {
      name: 'rejects an env var name starting with a digit',
      change: (p) => (c0(p).env[0].name = '1MODE'),
      path: 'spec.containers[0].env[0].name',
      rule: 'env.name.format',
    },
    {
      name: 'rejects an env var name with an equals sign',
      change: (p) => (c0(p).env[0].name = 'A=B'),
      path: 'spec.containers[0].env[0].name',
      rule: 'env.name.format',
    },
    {
      name: 'rejects an env var name starting with two dots',
      change: (p) => (c0(p).env[0].name = '..MODE'),
      path: 'spec.containers[0].env[0].name',
      rule: 'env.name.format',
    },
    {
      name: 'rejects an env var with both value and valueFrom',
      change: (p) => (c0(p).env[0].valueFrom = { fieldRef: { fieldPath: 'metadata.name' } }),
      path: 'spec.containers[0].env[0].valueFrom',
      rule: 'env.valueFrom.withValue',
    },
    {
      name: 'rejects an empty valueFrom',
      change: (p) => (c0(p).env = [{ name: 'X', valueFrom: {} }]),
      path: 'spec.containers[0].env[0].valueFrom',
      rule: 'env.valueFrom.sourceRequired',
    },
    {
      name: 'rejects a valueFrom with two sources',
      change: (p) =>
        (c0(p).env = [
          {
            name: 'X',
            valueFrom: { fieldRef: { fieldPath: 'metadata.name' }, secretKeyRef: { name: 's', key: 'k' } },
          },
        ]),
      path: 'spec.containers[0].env[0].valueFrom',
      rule: 'env.valueFrom.multipleSources',
    },
    {
      name: 'rejects an unsupported fieldRef path',
      change: (p) => (c0(p).env = [{ name: 'X', valueFrom: { fieldRef: { fieldPath: 'spec.hostname' } } }]),
      path: 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath',
      rule: 'env.valueFrom.fieldRef.fieldPath.unsupported',
    },
    {
      name: 'rejects a fieldRef for all labels in an env var',
      change: (p) => (c0(p).env = [{ name: 'X', valueFrom: { fieldRef: { fieldPath: 'metadata.labels' } } }]),
      path: 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath',
      rule: 'env.valueFrom.fieldRef.fieldPath.unsupported',
    },
    {
      name: 'rejects a subscript on a field that takes none',
      change: (p) =>
        (c0(p).env = [{ name: 'X', valueFrom: { fieldRef: { fieldPath: "metadata.name['x']" } } }]),
      path: 'spec.containers[0].env[0].valueFrom.fieldRef',
      rule: 'env.valueFrom.fieldRef.subscript',
    },
    {
      name: 'rejects a fieldRef with apiVersion v2',
      change: (p) =>
        (c0(p).env = [
          { name: 'X', valueFrom: { fieldRef: { apiVersion: 'v2', fieldPath: 'metadata.name' } } },
        ]),
      path: 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath',
      rule: 'env.valueFrom.fieldRef.apiVersion',
    },
    {
      name: 'rejects an unsupported resourceFieldRef resource',
      change: (p) =>
        (c0(p).env = [{ name: 'X', valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } }]),
      path: 'spec.containers[0].env[0].valueFrom.resourceFieldRef.resource',
      rule: 'env.valueFrom.resourceFieldRef.resource.unsupported',
    },
    {
      name: 'rejects a configMapKeyRef without a key',
      change: (p) => (c0(p).env = [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg' } } }]),
      path: 'spec.containers[0].env[0].valueFrom.configMapKeyRef.key',
      rule: 'env.valueFrom.configMapKeyRef.key.required',
    },
    {
      name: 'rejects a secretKeyRef with an upper-case name',
      change: (p) =>
        (c0(p).env = [{ name: 'X', valueFrom: { secretKeyRef: { name: 'Creds', key: 'password' } } }]),
      path: 'spec.containers[0].env[0].valueFrom.secretKeyRef.name',
      rule: 'env.valueFrom.secretKeyRef.name.dns1123Subdomain',
    },
    {
      name: 'rejects a secretKeyRef key with a slash',
      change: (p) =>
        (c0(p).env = [{ name: 'X', valueFrom: { secretKeyRef: { name: 'creds', key: 'a/b' } } }]),
      path: 'spec.containers[0].env[0].valueFrom.secretKeyRef.key',
      rule: 'env.valueFrom.secretKeyRef.key.format',
    },
    {
      name: 'rejects an envFrom entry without a source',
      change: (p) => (c0(p).envFrom = [{ prefix: 'APP_' }]),
      path: 'spec.containers[0].envFrom',
      rule: 'envFrom.sourceRequired',
    },
    {
      name: 'rejects an envFrom entry with both sources',
      change: (p) => (c0(p).envFrom = [{ configMapRef: { name: 'a' }, secretRef: { name: 'b' } }]),
      path: 'spec.containers[0].envFrom',
      rule: 'envFrom.multipleSources',
    },
    {
      name: 'rejects an envFrom prefix starting with a digit',
      change: (p) => (c0(p).envFrom = [{ prefix: '1_', configMapRef: { name: 'a' } }]),
      path: 'spec.containers[0].envFrom[0].prefix',
      rule: 'envFrom.prefix.format',
    },
    {
      name: 'rejects an envFrom configMapRef without a name',
      change: (p) => (c0(p).envFrom = [{ configMapRef: {} }]),
      path: 'spec.containers[0].envFrom[0].configMapRef.name',
      rule: 'envFrom.configMapRef.name.required',
    },
  ]);

  it('rejects a cpu divisor of 1k', () => {
    const pod = validPod();
    c0(pod).env = [
      { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1k' } } },
    ];
    expect(check(pod).map((v) => [v.path, v.rule])).toEqual([
      [
        'spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor',
        'env.valueFrom.resourceFieldRef.divisor.unsupported',
      ],
    ]);
  });

  it('accepts divisors that print canonically as a supported value (1000m is 1, 1024Ki is 1Mi)', () => {
    const pod = validPod();
    c0(pod).env = [
      { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1000m' } } },
      { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1024Ki' } } },
    ];
    expect(check(pod)).toEqual([]);
  });

  it('accepts an envFrom name ending in a dash, which the API server checks as a prefix', () => {
    const pod = validPod();
    c0(pod).envFrom = [{ configMapRef: { name: 'settings-' } }];
    expect(check(pod)).toEqual([]);
  });

  it('accepts the downward API fields 1.28 supports in env vars', () => {
    const pod = validPod();
    c0(pod).env = [
      { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
      { name: 'TIER', valueFrom: { fieldRef: { fieldPath: "metadata.labels['tier']" } } },
      { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      { name: 'my.env-name', value: '' },
    ];
    expect(check(pod)).toEqual([]);
  });
});

// validateEphemeralContainers: reported on top of "cannot be set on a pod creation"
describe('ephemeral containers', () => {
  const withDebug = (debug: Record<string, unknown>) => {
    const pod = validPod();
    pod.spec.ephemeralContainers = [{ name: 'debug', image: 'busybox', ...debug }];
    return check(pod).map((v) => [v.path, v.rule]);
  };

  it('rejects ports on an ephemeral container', () => {
    expect(withDebug({ ports: [{ containerPort: 80 }] })).toContainEqual([
      'spec.ephemeralContainers[0].ports',
      'ephemeralContainer.ports.forbidden',
    ]);
  });

  it('rejects a targetContainerName that names no container', () => {
    expect(withDebug({ targetContainerName: 'nope' })).toContainEqual([
      'spec.ephemeralContainers[0].targetContainerName',
      'ephemeralContainer.targetContainerName.notFound',
    ]);
  });

  it('rejects a subPath mount in an ephemeral container', () => {
    expect(withDebug({ volumeMounts: [{ name: 'data', mountPath: '/d', subPath: 'x' }] })).toContainEqual([
      'spec.ephemeralContainers[0].volumeMounts[0].subPath',
      'ephemeralContainer.volumeMounts.subPath.forbidden',
    ]);
  });

  it('rejects an ephemeral container named like a container', () => {
    expect(withDebug({ name: 'app' })).toContainEqual([
      'spec.ephemeralContainers[0].name',
      'container.name.duplicate',
    ]);
  });
});
