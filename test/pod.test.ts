import { JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { EnvFrom, EnvValue } from '../src/env';
import { PodwrightError } from '../src/errors';
import { Pod } from '../src/pod';
import { Handler, Probe } from '../src/probe';
import { Volume } from '../src/volume';
import { chart, synth } from './helpers';

const busybox = { name: 'app', image: 'busybox' };

function podJson(
  build: (c: ReturnType<typeof chart>) => void,
  profile?: 'privileged' | 'baseline' | 'restricted',
) {
  const c = chart({ profile });
  build(c);
  return synth(c)[0];
}

describe('Pod', () => {
  it('is named after its construct id unless metadata.name is given', () => {
    expect(podJson((c) => new Pod(c, 'web', { containers: [busybox] })).metadata.name).toBe('web');
    const named = podJson((c) => new Pod(c, 'web', { metadata: { name: 'other' }, containers: [busybox] }));
    expect(named.metadata.name).toBe('other');
  });

  it('reaches PodSpec fields cdk8s-plus-28 lacks, with Kubernetes field names in the output', () => {
    const pod = podJson(
      (c) =>
        new Pod(c, 'p', {
          containers: [busybox],
          shareProcessNamespace: true,
          hostPid: false,
          hostIpc: false,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: {} },
          ],
          schedulingGates: [{ name: 'example.com/gate' }],
          imagePullSecrets: ['one', 'two'],
          priorityClassName: 'high',
          hostAliases: [{ ip: '127.0.0.1', hostnames: ['foo.local'] }],
          activeDeadlineSeconds: 60,
          terminationGracePeriodSeconds: 5,
        }),
      'privileged',
    );
    expect(pod.spec).toMatchObject({
      shareProcessNamespace: true,
      hostPID: false,
      hostIPC: false,
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }],
      schedulingGates: [{ name: 'example.com/gate' }],
      imagePullSecrets: [{ name: 'one' }, { name: 'two' }],
      priorityClassName: 'high',
      hostAliases: [{ ip: '127.0.0.1', hostnames: ['foo.local'] }],
      activeDeadlineSeconds: 60,
      terminationGracePeriodSeconds: 5,
    });
  });

  it('keeps the other resource defaults when one value is overridden', () => {
    const pod = podJson(
      (c) => new Pod(c, 'p', { containers: [{ ...busybox, resources: { requests: { memory: '48Mi' } } }] }),
    );
    expect(pod.spec.containers[0].resources).toEqual({
      requests: { cpu: '50m', memory: '48Mi' },
      limits: { cpu: '200m', memory: '64Mi' },
    });
  });

  it('gives a limit without a request the limit as request, as the API server would, keeping the cpu defaults', () => {
    const pod = podJson(
      (c) => new Pod(c, 'p', { containers: [{ ...busybox, resources: { limits: { memory: '128Mi' } } }] }),
    );
    expect(pod.spec.containers[0].resources).toEqual({
      requests: { cpu: '50m', memory: '128Mi' },
      limits: { cpu: '200m', memory: '128Mi' },
    });
  });

  it('raises a default limit to a larger user request instead of producing an invalid pair', () => {
    const pod = podJson(
      (c) => new Pod(c, 'p', { containers: [{ ...busybox, resources: { requests: { cpu: '1' } } }] }),
    );
    expect(pod.spec.containers[0].resources).toEqual({
      requests: { cpu: '1', memory: '32Mi' },
      limits: { cpu: '1', memory: '64Mi' },
    });
  });

  it('keeps extended resources next to the defaults', () => {
    const pod = podJson(
      (c) =>
        new Pod(c, 'p', { containers: [{ ...busybox, resources: { limits: { 'nvidia.com/gpu': 1 } } }] }),
    );
    expect(pod.spec.containers[0].resources.limits).toEqual({
      cpu: '200m',
      memory: '64Mi',
      'nvidia.com/gpu': 1,
    });
  });

  it('overrides one security field without dropping the other defaults', () => {
    const pod = podJson(
      (c) =>
        new Pod(c, 'p', {
          securityContext: { runAsUser: 1000 },
          containers: [{ ...busybox, securityContext: { readOnlyRootFilesystem: false } }],
        }),
    );
    expect(pod.spec.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 65534,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.spec.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: false,
    });
  });

  it('gives baseline Pods limits and the runtime seccomp profile but leaves the user alone', () => {
    const pod = podJson((c) => new Pod(c, 'p', { containers: [busybox] }), 'baseline');
    expect(pod.spec.securityContext).toEqual({ seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.spec.containers[0].securityContext).toBeUndefined();
    expect(pod.spec.containers[0].resources.limits).toEqual({ cpu: '200m', memory: '64Mi' });
  });

  it('fails at once when two containers share a name, naming the field', () => {
    const c = chart();
    const pod = new Pod(c, 'p', { initContainers: [busybox] });
    expect(() => pod.addContainer(busybox)).toThrowError(PodwrightError);
    try {
      pod.addContainer(busybox);
    } catch (e) {
      expect((e as PodwrightError).violations[0]).toMatchObject({
        path: 'spec.containers[0].name',
        rule: 'container.name.duplicate',
        value: 'app',
      });
    }
  });

  it('keeps a second variable or port, as the API server does, and fails at once on a second mount path', () => {
    const pod = new Pod(chart(), 'web', { containers: [busybox] });
    const sidecar = pod.addSidecar({ name: 'logs', image: 'busybox', env: { A: '1' } });
    sidecar.addEnv('A', '2');
    sidecar.addPort({ containerPort: 9000 });
    sidecar.addPort({ containerPort: 9000 });
    const rendered = pod.toJson().spec.initContainers[0];
    expect(rendered.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'A', value: '2' },
    ]);
    expect(rendered.ports).toEqual([{ containerPort: 9000 }, { containerPort: 9000 }]);
    const violation = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return (e as PodwrightError).violations[0];
      }
      throw new Error('did not throw');
    };
    sidecar.mount('/logs', Volume.emptyDir('logs'));
    expect(violation(() => sidecar.mount('/logs', Volume.emptyDir('other')))).toMatchObject({
      object: { kind: 'Pod', name: 'web' },
      path: 'spec.initContainers[0].volumeMounts[1].mountPath',
      rule: 'volumeMount.mountPath.duplicate',
    });
  });

  it('brings a mounted volume into the Pod once, shared by every container that mounts it', () => {
    const shared = Volume.emptyDir('shared', { sizeLimit: '64Mi' });
    const pod = podJson((c) => {
      const p = new Pod(c, 'p');
      p.addContainer({ name: 'writer', image: 'busybox' }).mount('/out', shared);
      p.addContainer({ name: 'reader', image: 'busybox' }).mount('/in', shared, { readOnly: true });
    }, 'privileged');
    expect(pod.spec.volumes).toEqual([{ name: 'shared', emptyDir: { sizeLimit: '64Mi' } }]);
    expect(pod.spec.containers.map((c: any) => c.volumeMounts)).toEqual([
      [{ name: 'shared', mountPath: '/out' }],
      [{ name: 'shared', mountPath: '/in', readOnly: true }],
    ]);
  });

  it('fails at once when two different volumes share a name', () => {
    const pod = new Pod(chart(), 'p', { volumes: [Volume.emptyDir('data')] });
    expect(() => pod.addVolume(Volume.emptyDir('data'))).toThrowError(
      /spec\.volumes\[0\]\.name: names two different volumes/,
    );
  });

  it('renders native sidecars as init containers that restart always, in declaration order', () => {
    const pod = podJson((c) => {
      const p = new Pod(c, 'p', { containers: [busybox] });
      p.addInitContainer({ name: 'setup', image: 'busybox' });
      p.addSidecar({ name: 'logs', image: 'busybox' });
    }, 'privileged');
    expect(pod.spec.initContainers).toEqual([
      { name: 'setup', image: 'busybox' },
      { name: 'logs', image: 'busybox', restartPolicy: 'Always' },
    ]);
  });

  it('renders env in declaration order from values, ConfigMaps, Secrets and the downward API', () => {
    const pod = podJson(
      (c) =>
        new Pod(c, 'p', {
          containers: [
            {
              ...busybox,
              env: {
                PLAIN: 'x',
                FROM_CM: EnvValue.fromConfigMap('cm', 'k'),
                FROM_SECRET: EnvValue.fromSecret('s', 'k', { optional: true }),
                POD_IP: EnvValue.fromFieldRef('status.podIP'),
                MEM: EnvValue.fromResource('limits.memory', { divisor: '1Mi' }),
              },
              envFrom: [EnvFrom.configMap('all', { prefix: 'CFG_' })],
            },
          ],
        }),
      'privileged',
    );
    expect(pod.spec.containers[0].env).toEqual([
      { name: 'PLAIN', value: 'x' },
      { name: 'FROM_CM', valueFrom: { configMapKeyRef: { name: 'cm', key: 'k' } } },
      { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 's', key: 'k', optional: true } } },
      { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
    ]);
    expect(pod.spec.containers[0].envFrom).toEqual([{ configMapRef: { name: 'all' }, prefix: 'CFG_' }]);
  });

  it('renders every probe handler and lifecycle hooks', () => {
    const pod = podJson(
      (c) =>
        new Pod(c, 'p', {
          containers: [
            {
              ...busybox,
              ports: [{ containerPort: 8080, name: 'http' }],
              livenessProbe: Probe.httpGet('/healthz', {
                port: 'http',
                headers: { 'X-Probe': 'yes' },
                periodSeconds: 3,
              }),
              readinessProbe: Probe.tcpSocket({ port: 8080 }),
              startupProbe: Probe.grpc({ port: 9000, failureThreshold: 30 }),
              lifecycle: { postStart: Handler.exec(['touch', '/tmp/up']), preStop: Handler.httpGet('/stop') },
            },
          ],
        }),
      'privileged',
    );
    expect(pod.spec.containers[0]).toMatchObject({
      livenessProbe: {
        httpGet: { path: '/healthz', port: 'http', httpHeaders: [{ name: 'X-Probe', value: 'yes' }] },
        periodSeconds: 3,
      },
      readinessProbe: { tcpSocket: { port: 8080 } },
      startupProbe: { grpc: { port: 9000 }, failureThreshold: 30 },
      lifecycle: {
        postStart: { exec: { command: ['touch', '/tmp/up'] } },
        preStop: { httpGet: { path: '/stop', port: 80 } },
      },
    });
  });

  it('takes the port of every network probe and hook in the options, as httpGet does', () => {
    const timing = { periodSeconds: 10 };
    expect(Probe.tcpSocket({ port: 9090, host: 'db', ...timing }).toJson()).toEqual({
      tcpSocket: { port: 9090, host: 'db' },
      ...timing,
    });
    expect(Probe.grpc({ port: 9090, service: 'health', ...timing }).toJson()).toMatchObject({
      grpc: { port: 9090, service: 'health' },
      ...timing,
    });
    expect(Probe.httpGet('/', { port: 9090, ...timing }).toJson()).toMatchObject({
      httpGet: { path: '/', port: 9090 },
      ...timing,
    });
    expect(Handler.tcpSocket({ port: 9090 }).toJson()).toEqual({ tcpSocket: { port: 9090 } });
  });

  it('applies JSON patches to the final manifest, so fields newer than 1.28 survive', () => {
    const pod = podJson((c) => {
      const p = new Pod(c, 'p', { containers: [busybox] });
      p.addJsonPatch(
        JsonPatch.add('/spec/hostUsers', false),
        JsonPatch.add('/spec/resources', { limits: { cpu: '1' } }),
      );
    });
    expect(pod.spec.hostUsers).toBe(false);
    expect(pod.spec.resources).toEqual({ limits: { cpu: '1' } });
  });

  it('computes the QoS class as Kubernetes does', () => {
    const c = chart();
    const guaranteed = new Pod(c, 'g', {
      containers: [
        {
          ...busybox,
          resources: { limits: { cpu: '100m', memory: '64Mi' }, requests: { cpu: '0.1', memory: '64Mi' } },
        },
      ],
    });
    const burstable = new Pod(c, 'b', { containers: [busybox] });
    const bestEffort = new Pod(c, 'e', { profile: 'privileged', containers: [busybox] });
    const limitsOnly = new Pod(c, 'l', {
      profile: 'privileged',
      containers: [{ ...busybox, resources: { limits: { cpu: '1', memory: '1Gi' } } }],
    });
    expect(guaranteed.qosClass).toBe('Guaranteed');
    expect(burstable.qosClass).toBe('Burstable');
    expect(bestEffort.qosClass).toBe('BestEffort');
    expect(limitsOnly.qosClass).toBe('Guaranteed');
    const limitsOnlyRestricted = new Pod(c, 'lr', {
      containers: [{ ...busybox, resources: { limits: { cpu: '1', memory: '1Gi' } } }],
    });
    expect(limitsOnlyRestricted.qosClass).toBe('Guaranteed');
  });
});
