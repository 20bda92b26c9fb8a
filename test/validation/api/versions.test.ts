import { describe, expect, it } from 'vitest';
import { isError } from '../../../src/errors';
import type { KubeVersion } from '../../../src/kube-version';
import { validatePodApi } from '../../../src/validation/api';
import { c0, REF, validPod, type PodJson } from './fixtures';

/** Errors (not warnings) the API server of `version` would give, as path and rule. */
function errors(pod: PodJson, version: KubeVersion) {
  return validatePodApi(pod, REF, version)
    .filter(isError)
    .map((v) => ({ path: v.path, rule: v.rule }));
}

/** One Pod whose verdict depends on the version; each expectation was measured on v1.28.7 and v1.33.3. */
interface VersionCase {
  readonly name: string;
  readonly change: (pod: PodJson) => void;
  /** Errors a 1.28 server gives ([] when it accepts the Pod, maybe after dropping a field). */
  readonly v128: readonly { path: string; rule: string }[];
  /** Errors a 1.33 server gives. */
  readonly v133: readonly { path: string; rule: string }[];
}

const preStop = (p: PodJson, handler: object) => (c0(p).lifecycle = { preStop: handler });
const podSc = (p: PodJson, sc: object) => (p.spec.securityContext = { ...p.spec.securityContext, ...sc });
const ctrSc = (p: PodJson, sc: object) => (c0(p).securityContext = { ...c0(p).securityContext, ...sc });
const mount = (p: PodJson, options: object) => {
  p.spec.volumes = [{ name: 'data', emptyDir: {} }];
  c0(p).volumeMounts = [{ name: 'data', mountPath: '/data', ...options }];
};
const APPARMOR_A = 'container.apparmor.security.beta.kubernetes.io/app';

const CASES: readonly VersionCase[] = [
  // The sleep lifecycle handler (1.29): 1.28 does not know it, 1.33 allows 0 (PodLifecycleSleepActionAllowZero).
  {
    name: 'a sleep preStop handler',
    change: (p) => preStop(p, { sleep: { seconds: 5 } }),
    v128: [{ path: 'spec.containers[0].lifecycle.preStop.sleep', rule: 'schema.unknownField' }],
    v133: [],
  },
  {
    name: 'a sleep of 0 seconds',
    change: (p) => preStop(p, { sleep: { seconds: 0 } }),
    v128: [{ path: 'spec.containers[0].lifecycle.preStop.sleep', rule: 'schema.unknownField' }],
    v133: [],
  },
  {
    name: 'a sleep as long as the default grace period (30 s)',
    change: (p) => preStop(p, { sleep: { seconds: 30 } }),
    v128: [{ path: 'spec.containers[0].lifecycle.preStop.sleep', rule: 'schema.unknownField' }],
    v133: [],
  },
  {
    name: 'a sleep longer than terminationGracePeriodSeconds',
    change: (p) => {
      p.spec.terminationGracePeriodSeconds = 10;
      preStop(p, { sleep: { seconds: 11 } });
    },
    v128: [{ path: 'spec.containers[0].lifecycle.preStop.sleep', rule: 'schema.unknownField' }],
    v133: [{ path: 'spec.containers[0].lifecycle.preStop.sleep', rule: 'lifecycle.sleep.seconds.range' }],
  },
  {
    name: 'a sleep of 2 s with a negative grace period, which the server reads as 1',
    change: (p) => {
      p.spec.terminationGracePeriodSeconds = -5;
      preStop(p, { sleep: { seconds: 2 } });
    },
    v128: [{ path: 'spec.containers[0].lifecycle.preStop.sleep', rule: 'schema.unknownField' }],
    v133: [{ path: 'spec.containers[0].lifecycle.preStop.sleep', rule: 'lifecycle.sleep.seconds.range' }],
  },
  {
    name: 'a negative sleep',
    change: (p) => preStop(p, { sleep: { seconds: -1 } }),
    v128: [{ path: 'spec.containers[0].lifecycle.preStop.sleep', rule: 'schema.unknownField' }],
    v133: [{ path: 'spec.containers[0].lifecycle.preStop.sleep', rule: 'lifecycle.sleep.seconds.range' }],
  },
  {
    name: 'sleep next to exec in one handler',
    change: (p) => (c0(p).lifecycle = { postStart: { exec: { command: ['true'] }, sleep: { seconds: 1 } } }),
    // 1.28's strict decoder refuses the unknown field (the field tables' job), not this rule.
    v128: [{ path: 'spec.containers[0].lifecycle.postStart.sleep', rule: 'schema.unknownField' }],
    v133: [{ path: 'spec.containers[0].lifecycle.postStart.sleep', rule: 'lifecycle.handler.multiple' }],
  },
  // RelaxedEnvironmentVariableValidation (on since 1.32): printable ASCII except '='.
  {
    name: 'an env var name starting with a digit',
    change: (p) => (c0(p).env = [{ name: '1FOO', value: 'x' }]),
    v128: [{ path: 'spec.containers[0].env[0].name', rule: 'env.name.format' }],
    v133: [],
  },
  {
    name: 'an env var name with a space and a colon',
    change: (p) => (c0(p).env = [{ name: 'a b:c', value: 'x' }]),
    v128: [{ path: 'spec.containers[0].env[0].name', rule: 'env.name.format' }],
    v133: [],
  },
  {
    name: 'an env var name ".."',
    change: (p) => (c0(p).env = [{ name: '..', value: 'x' }]),
    v128: [{ path: 'spec.containers[0].env[0].name', rule: 'env.name.format' }],
    v133: [],
  },
  {
    name: 'an env var name with "="',
    change: (p) => (c0(p).env = [{ name: 'a=b', value: 'x' }]),
    v128: [{ path: 'spec.containers[0].env[0].name', rule: 'env.name.format' }],
    v133: [{ path: 'spec.containers[0].env[0].name', rule: 'env.name.format' }],
  },
  {
    name: 'an env var name with a tab or a non-ASCII letter',
    change: (p) => (c0(p).env = [{ name: 'a\tb', value: 'x' }]),
    v128: [{ path: 'spec.containers[0].env[0].name', rule: 'env.name.format' }],
    v133: [{ path: 'spec.containers[0].env[0].name', rule: 'env.name.format' }],
  },
  {
    name: 'an envFrom prefix with a digit, a space and a colon',
    change: (p) => (c0(p).envFrom = [{ prefix: '1 x:', configMapRef: { name: 'c' } }]),
    v128: [{ path: 'spec.containers[0].envFrom[0].prefix', rule: 'envFrom.prefix.format' }],
    v133: [],
  },
  {
    name: 'an envFrom prefix with "="',
    change: (p) => (c0(p).envFrom = [{ prefix: 'a=', configMapRef: { name: 'c' } }]),
    v128: [{ path: 'spec.containers[0].envFrom[0].prefix', rule: 'envFrom.prefix.format' }],
    v133: [{ path: 'spec.containers[0].envFrom[0].prefix', rule: 'envFrom.prefix.format' }],
  },
  {
    name: 'an env var from status.hostIPs (PodHostIPs, GA in 1.30)',
    change: (p) => (c0(p).env = [{ name: 'IPS', valueFrom: { fieldRef: { fieldPath: 'status.hostIPs' } } }]),
    v128: [
      {
        path: 'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath',
        rule: 'env.valueFrom.fieldRef.fieldPath.unsupported',
      },
    ],
    v133: [],
  },
  // Fields a 1.28 server drops (their gate is off) and 1.33 validates.
  {
    name: 'an AppArmor profile of an unknown type',
    change: (p) => podSc(p, { appArmorProfile: { type: 'Bogus' } }),
    v128: [{ path: 'spec.securityContext.appArmorProfile', rule: 'schema.unknownField' }],
    v133: [
      {
        path: 'spec.securityContext.appArmorProfile.type',
        rule: 'securityContext.appArmorProfile.type.unsupported',
      },
    ],
  },
  {
    name: 'an AppArmor profile without a type',
    change: (p) => podSc(p, { appArmorProfile: {} }),
    v128: [{ path: 'spec.securityContext.appArmorProfile', rule: 'schema.unknownField' }],
    v133: [
      {
        path: 'spec.securityContext.appArmorProfile.type',
        rule: 'securityContext.appArmorProfile.type.required',
      },
    ],
  },
  {
    name: 'a Localhost AppArmor profile without a name',
    change: (p) => ctrSc(p, { appArmorProfile: { type: 'Localhost', localhostProfile: '' } }),
    v128: [{ path: 'spec.containers[0].securityContext.appArmorProfile', rule: 'schema.unknownField' }],
    v133: [
      {
        path: 'spec.containers[0].securityContext.appArmorProfile.localhostProfile',
        rule: 'securityContext.appArmorProfile.localhostProfile.required',
      },
    ],
  },
  {
    name: 'a Localhost AppArmor profile name padded with a space',
    change: (p) => podSc(p, { appArmorProfile: { type: 'Localhost', localhostProfile: ' x' } }),
    v128: [{ path: 'spec.securityContext.appArmorProfile', rule: 'schema.unknownField' }],
    v133: [
      {
        path: 'spec.securityContext.appArmorProfile.localhostProfile',
        rule: 'securityContext.appArmorProfile.localhostProfile.padded',
      },
    ],
  },
  {
    name: 'a Localhost AppArmor profile name longer than 4095 bytes',
    change: (p) => ctrSc(p, { appArmorProfile: { type: 'Localhost', localhostProfile: 'x'.repeat(4096) } }),
    v128: [{ path: 'spec.containers[0].securityContext.appArmorProfile', rule: 'schema.unknownField' }],
    v133: [
      {
        path: 'spec.containers[0].securityContext.appArmorProfile.localhostProfile',
        rule: 'securityContext.appArmorProfile.localhostProfile.tooLong',
      },
    ],
  },
  {
    name: 'a localhostProfile with a RuntimeDefault AppArmor profile',
    change: (p) => podSc(p, { appArmorProfile: { type: 'RuntimeDefault', localhostProfile: 'x' } }),
    v128: [{ path: 'spec.securityContext.appArmorProfile', rule: 'schema.unknownField' }],
    v133: [
      {
        path: 'spec.securityContext.appArmorProfile.localhostProfile',
        rule: 'securityContext.appArmorProfile.localhostProfile.forbidden',
      },
    ],
  },
  {
    name: 'a container AppArmor field that contradicts its annotation',
    change: (p) => {
      ctrSc(p, { appArmorProfile: { type: 'RuntimeDefault' } });
      p.metadata.annotations[APPARMOR_A] = 'unconfined';
    },
    v128: [{ path: 'spec.containers[0].securityContext.appArmorProfile', rule: 'schema.unknownField' }],
    v133: [
      {
        path: 'spec.containers[0].securityContext.appArmorProfile.type',
        rule: 'securityContext.appArmorProfile.annotationMismatch',
      },
    ],
  },
  {
    name: 'a Localhost AppArmor field naming another profile than its annotation',
    change: (p) => {
      ctrSc(p, { appArmorProfile: { type: 'Localhost', localhostProfile: 'foo' } });
      p.metadata.annotations[APPARMOR_A] = 'localhost/bar';
    },
    v128: [{ path: 'spec.containers[0].securityContext.appArmorProfile', rule: 'schema.unknownField' }],
    v133: [
      {
        path: 'spec.containers[0].securityContext.appArmorProfile.localhostProfile',
        rule: 'securityContext.appArmorProfile.annotationMismatch',
      },
    ],
  },
  {
    name: 'a pod AppArmor field and another container annotation (the server copies the annotation over)',
    change: (p) => {
      podSc(p, { appArmorProfile: { type: 'RuntimeDefault' } });
      p.metadata.annotations[APPARMOR_A] = 'unconfined';
    },
    v128: [{ path: 'spec.securityContext.appArmorProfile', rule: 'schema.unknownField' }],
    v133: [],
  },
  {
    name: 'an AppArmor profile on a Windows Pod',
    change: (p) => {
      p.spec.os = { name: 'windows' };
      delete c0(p).securityContext;
      podSc(p, { appArmorProfile: { type: 'RuntimeDefault' } });
    },
    v128: [{ path: 'spec.securityContext.appArmorProfile', rule: 'schema.unknownField' }],
    v133: [{ path: 'spec.securityContext.appArmorProfile', rule: 'os.windows.forbidden' }],
  },
  {
    name: 'an unknown supplementalGroupsPolicy',
    change: (p) => podSc(p, { supplementalGroupsPolicy: 'Bogus' }),
    v128: [{ path: 'spec.securityContext.supplementalGroupsPolicy', rule: 'schema.unknownField' }],
    v133: [
      {
        path: 'spec.securityContext.supplementalGroupsPolicy',
        rule: 'securityContext.supplementalGroupsPolicy.unsupported',
      },
    ],
  },
  {
    name: 'supplementalGroupsPolicy Strict with supplementalGroups',
    change: (p) => podSc(p, { supplementalGroupsPolicy: 'Strict', supplementalGroups: [1] }),
    v128: [{ path: 'spec.securityContext.supplementalGroupsPolicy', rule: 'schema.unknownField' }],
    v133: [],
  },
  // seLinuxChangePolicy (SELinuxChangePolicy, beta and on in 1.33): only Recursive while SELinuxMount is off.
  {
    name: 'seLinuxChangePolicy Recursive',
    change: (p) => podSc(p, { seLinuxChangePolicy: 'Recursive' }),
    v128: [{ path: 'spec.securityContext.seLinuxChangePolicy', rule: 'schema.unknownField' }],
    v133: [],
  },
  {
    name: 'seLinuxChangePolicy MountOption, which needs the SELinuxMount gate',
    change: (p) => podSc(p, { seLinuxChangePolicy: 'MountOption' }),
    v128: [{ path: 'spec.securityContext.seLinuxChangePolicy', rule: 'schema.unknownField' }],
    v133: [
      {
        path: 'spec.securityContext.seLinuxChangePolicy',
        rule: 'securityContext.seLinuxChangePolicy.unsupported',
      },
    ],
  },
  {
    name: 'seLinuxChangePolicy on a Windows Pod',
    change: (p) => {
      p.spec.os = { name: 'windows' };
      delete c0(p).securityContext;
      podSc(p, { seLinuxChangePolicy: 'Recursive' });
    },
    v128: [{ path: 'spec.securityContext.seLinuxChangePolicy', rule: 'schema.unknownField' }],
    v133: [{ path: 'spec.securityContext.seLinuxChangePolicy', rule: 'os.windows.forbidden' }],
  },
  // recursiveReadOnly (RecursiveReadOnlyMounts, on from 1.31), printed without the mount's index by the server.
  {
    name: 'recursiveReadOnly IfPossible on a read-only mount',
    change: (p) => mount(p, { readOnly: true, recursiveReadOnly: 'IfPossible' }),
    v128: [{ path: 'spec.containers[0].volumeMounts[0].recursiveReadOnly', rule: 'schema.unknownField' }],
    v133: [],
  },
  {
    name: 'recursiveReadOnly Disabled on a writable mount',
    change: (p) => mount(p, { recursiveReadOnly: 'Disabled' }),
    v128: [{ path: 'spec.containers[0].volumeMounts[0].recursiveReadOnly', rule: 'schema.unknownField' }],
    v133: [],
  },
  {
    name: 'recursiveReadOnly Enabled on a writable mount',
    change: (p) => mount(p, { recursiveReadOnly: 'Enabled' }),
    v128: [{ path: 'spec.containers[0].volumeMounts[0].recursiveReadOnly', rule: 'schema.unknownField' }],
    v133: [
      {
        path: 'spec.containers[0].volumeMounts.recursiveReadOnly',
        rule: 'volumeMount.recursiveReadOnly.notReadOnly',
      },
    ],
  },
  {
    name: 'recursiveReadOnly with mount propagation, and not read-only: both reported',
    change: (p) => mount(p, { recursiveReadOnly: 'IfPossible', mountPropagation: 'HostToContainer' }),
    v128: [{ path: 'spec.containers[0].volumeMounts[0].recursiveReadOnly', rule: 'schema.unknownField' }],
    v133: [
      {
        path: 'spec.containers[0].volumeMounts.recursiveReadOnly',
        rule: 'volumeMount.recursiveReadOnly.notReadOnly',
      },
      {
        path: 'spec.containers[0].volumeMounts.recursiveReadOnly',
        rule: 'volumeMount.recursiveReadOnly.propagation',
      },
    ],
  },
  {
    name: 'an unknown recursiveReadOnly',
    change: (p) => mount(p, { readOnly: true, recursiveReadOnly: 'Always' }),
    v128: [{ path: 'spec.containers[0].volumeMounts[0].recursiveReadOnly', rule: 'schema.unknownField' }],
    v133: [
      {
        path: 'spec.containers[0].volumeMounts.recursiveReadOnly',
        rule: 'volumeMount.recursiveReadOnly.unsupported',
      },
    ],
  },
  {
    name: 'hostUsers: false with hostNetwork',
    change: (p) => {
      p.spec.hostUsers = false;
      p.spec.hostNetwork = true;
    },
    v128: [],
    v133: [{ path: 'spec.hostNetwork', rule: 'pod.hostUsers.hostNamespace' }],
  },
  {
    name: 'hostUsers: false with hostPID, printed as the server prints it',
    change: (p) => {
      p.spec.hostUsers = false;
      p.spec.hostPID = true;
    },
    v128: [],
    v133: [{ path: 'spec.HostPID', rule: 'pod.hostUsers.hostNamespace' }],
  },
  {
    name: 'hostUsers on a Windows Pod',
    change: (p) => {
      p.spec.os = { name: 'windows' };
      delete c0(p).securityContext;
      p.spec.hostUsers = true;
    },
    v128: [],
    v133: [{ path: 'spec.hostUsers', rule: 'os.windows.forbidden' }],
  },
  {
    name: 'procMount Unmasked without a user namespace',
    change: (p) => ctrSc(p, { procMount: 'Unmasked' }),
    v128: [],
    v133: [
      { path: 'spec.containers[0].securityContext.procMount', rule: 'securityContext.procMount.hostUsers' },
    ],
  },
  {
    name: 'procMount Unmasked with hostUsers: false',
    change: (p) => {
      p.spec.hostUsers = false;
      ctrSc(p, { procMount: 'Unmasked' });
    },
    v128: [],
    v133: [],
  },
  {
    name: 'an unknown procMount',
    change: (p) => ctrSc(p, { procMount: 'Bogus' }),
    v128: [],
    v133: [
      { path: 'spec.containers[0].securityContext.procMount', rule: 'securityContext.procMount.unsupported' },
    ],
  },
  {
    name: 'a resizePolicy for an unsupported resource',
    change: (p) => (c0(p).resizePolicy = [{ resourceName: 'gpu', restartPolicy: 'NotRequired' }]),
    v128: [],
    v133: [{ path: 'spec.containers[0].resizePolicy', rule: 'resizePolicy.resourceName.unsupported' }],
  },
  {
    name: 'a resizePolicy naming cpu twice',
    change: (p) =>
      (c0(p).resizePolicy = [
        { resourceName: 'cpu', restartPolicy: 'NotRequired' },
        { resourceName: 'cpu', restartPolicy: 'NotRequired' },
      ]),
    v128: [],
    v133: [{ path: 'spec.containers[0].resizePolicy[1]', rule: 'resizePolicy.duplicate' }],
  },
  {
    name: 'a resizePolicy that restarts a container of a Never Pod',
    change: (p) => {
      p.spec.restartPolicy = 'Never';
      c0(p).resizePolicy = [{ resourceName: 'memory', restartPolicy: 'RestartContainer' }];
    },
    v128: [],
    v133: [{ path: 'spec.containers[0].resizePolicy', rule: 'resizePolicy.restartPolicy.never' }],
  },
  // Rules 1.33 has and 1.28.7 does not (measured: v1.28.7 accepts these).
  {
    name: 'a net.* sysctl with hostNetwork',
    change: (p) => {
      p.spec.hostNetwork = true;
      delete c0(p).ports;
      podSc(p, { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '1' }] });
    },
    v128: [],
    v133: [{ path: 'spec.securityContext.sysctls[0].name', rule: 'sysctl.name.hostNetwork' }],
  },
  {
    name: 'an IPC sysctl with hostIPC',
    change: (p) => {
      p.spec.hostIPC = true;
      podSc(p, { sysctls: [{ name: 'fs/mqueue/msg_max', value: '1' }] });
    },
    v128: [],
    v133: [{ path: 'spec.securityContext.sysctls[0].name', rule: 'sysctl.name.hostIPC' }],
  },
  // DNS search domains: 1.33 accepts "." and underscores.
  {
    name: 'the search domain "."',
    change: (p) => (p.spec.dnsConfig = { searches: ['.', 'example.com'] }),
    v128: [{ path: 'spec.dnsConfig.searches[0]', rule: 'dns.searches.dns1123Subdomain' }],
    v133: [],
  },
  {
    name: 'a search domain with underscores',
    change: (p) => (p.spec.dnsConfig = { searches: ['_srv.a_b.example.com'] }),
    v128: [{ path: 'spec.dnsConfig.searches[0]', rule: 'dns.searches.dns1123Subdomain' }],
    v133: [],
  },
  {
    name: 'the search domain ".."',
    change: (p) => (p.spec.dnsConfig = { searches: ['..'] }),
    v128: [{ path: 'spec.dnsConfig.searches[0]', rule: 'dns.searches.dns1123Subdomain' }],
    v133: [{ path: 'spec.dnsConfig.searches[0]', rule: 'dns.searches.dns1123Subdomain' }],
  },
  // Native sidecars: a 1.28 server (SidecarContainers off) drops an init container's restartPolicy.
  {
    name: 'an init container with restartPolicy Never',
    change: (p) => (p.spec.initContainers = [{ name: 'init', image: 'busybox', restartPolicy: 'Never' }]),
    v128: [],
    v133: [{ path: 'spec.initContainers[0].restartPolicy', rule: 'initContainer.restartPolicy.unsupported' }],
  },
  {
    name: 'a sidecar with a readiness probe',
    change: (p) =>
      (p.spec.initContainers = [
        {
          name: 'proxy',
          image: 'envoy:1',
          restartPolicy: 'Always',
          readinessProbe: { tcpSocket: { port: 9901 } },
        },
      ]),
    v128: [{ path: 'spec.initContainers[0].readinessProbe', rule: 'initContainer.readinessProbe.forbidden' }],
    v133: [],
  },
];

describe('rules that differ between Kubernetes 1.28 and 1.33', () => {
  it.each(CASES)('$name', ({ change, v128, v133 }) => {
    const pod = validPod();
    change(pod);
    expect(errors(pod, '1.28')).toEqual(v128);
    expect(errors(pod, '1.33')).toEqual(v133);
  });

  it('warns under 1.28 that an init container restartPolicy is dropped, and not under 1.33', () => {
    const pod = validPod();
    pod.spec.initContainers = [{ name: 'proxy', image: 'envoy:1', restartPolicy: 'Always' }];
    const v128 = validatePodApi(pod, REF, '1.28');
    expect(v128).toEqual([
      expect.objectContaining({
        path: 'spec.initContainers[0].restartPolicy',
        rule: 'initContainer.restartPolicy.dropped',
        severity: 'warning',
      }),
    ]);
    expect(v128[0].fix).toContain('1.33');
    expect(validatePodApi(pod, REF, '1.33')).toEqual([]);
  });

  it('names the version that brought a field when a 1.28 Pod sets it', () => {
    const pod = validPod();
    preStop(pod, { sleep: { seconds: 1 } });
    const [v] = validatePodApi(pod, REF, '1.28');
    expect(v.fix).toContain('--kube-version 1.33');
  });

  it('says how long a sleep may be, from the grace period the Pod sets', () => {
    const pod = validPod();
    pod.spec.terminationGracePeriodSeconds = 10;
    preStop(pod, { sleep: { seconds: 11 } });
    const [v] = validatePodApi(pod, REF, '1.33');
    expect(v.message).toBe('must be non-negative and less than terminationGracePeriodSeconds (10)');
    expect(v.value).toBe(11);
  });
});
