// Every expectation here is what kube-apiserver v1.28.7 (and v1.33.3 where named) printed as `Warning:` for the
// same Pod in a server-side dry run; the Pods are all accepted.
import { describe, expect, it } from 'vitest';
import { check, validPod, warningsOf, type PodJson } from './fixtures';

function warned(change: (pod: PodJson) => void, version: '1.28' | '1.33' = '1.28'): string[] {
  const pod = validPod();
  change(pod);
  expect(check(pod)).toEqual([]);
  return warningsOf(pod, version);
}

describe('warnings the API server sends with an accepted Pod', () => {
  it('gives none for a plain Pod', () => {
    expect(warned(() => {})).toEqual([]);
  });

  it('gives none for a negative terminationGracePeriodSeconds (neither 1.28.7 nor 1.33.3 warns)', () => {
    expect(warned((p) => (p.spec.terminationGracePeriodSeconds = -5))).toEqual([]);
    expect(warned((p) => (p.spec.terminationGracePeriodSeconds = -5), '1.33')).toEqual([]);
  });

  it('warns about a port defined twice, across containers and init containers, and about overlaps', () => {
    expect(
      warned((p) => {
        p.spec.initContainers = [{ name: 'init', image: 'busybox', ports: [{ containerPort: 9000 }] }];
        p.spec.containers[1].ports = [
          { containerPort: 9000 },
          { containerPort: 9000, protocol: 'UDP' },
          { containerPort: 8080, hostPort: 8080 },
          { containerPort: 8080 },
          { containerPort: 8081, hostPort: 8081 },
          { containerPort: 8081, hostPort: 8081, hostIP: '10.0.0.1' },
          { containerPort: 7000, hostIP: '10.0.0.1' },
        ];
      }),
    ).toEqual([
      'spec.containers[1].ports[0]: duplicate port definition with spec.initContainers[0].ports[0]',
      'spec.containers[1].ports[3]: overlapping port definition with spec.containers[1].ports[2]',
      'spec.containers[1].ports[5]: dangerously ambiguous port definition with spec.containers[1].ports[4]',
      'spec.containers[1].ports[6]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:7000 Protocol:TCP HostIP:10.0.0.1}',
    ]);
  });

  it('warns about an environment variable that hides an earlier one, unless it refers to it', () => {
    const env = [
      { name: 'A', value: '1' },
      { name: 'A', value: '$(A):2' },
      { name: 'A', value: '3' },
    ];
    expect(warned((p) => (p.spec.containers[0].env = env))).toEqual([
      'spec.containers[0].env[2]: hides previous definition of "A"',
    ]);
    expect(warned((p) => (p.spec.containers[0].env = env), '1.33')).toEqual([
      'spec.containers[0].env[2]: hides previous definition of "A", which may be dropped when using apply',
    ]);
  });

  it('warns about deprecated node labels in the node selector, node affinity and topology spread', () => {
    expect(
      warned((p) => {
        p.spec.nodeSelector = { 'beta.kubernetes.io/os': 'linux' };
        p.spec.affinity = {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'failure-domain.beta.kubernetes.io/zone', operator: 'Exists' }] },
              ],
            },
          },
        };
        p.spec.topologySpreadConstraints = [
          {
            maxSkew: 1,
            topologyKey: 'beta.kubernetes.io/instance-type',
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: {},
          },
        ];
      }),
    ).toEqual([
      'spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key: failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
      'spec.topologySpreadConstraints[0].topologyKey: beta.kubernetes.io/instance-type is deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
    ]);
  });

  it('warns about a null labelSelector in topology spread and pod affinity terms', () => {
    expect(
      warned((p) => {
        p.spec.topologySpreadConstraints = [
          { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' },
        ];
        p.spec.affinity = {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 1, podAffinityTerm: { topologyKey: 'zone' } },
            ],
          },
        };
      }),
    ).toEqual([
      'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod',
      'spec.topologySpreadConstraints[0].labelSelector: a null labelSelector results in matching no pod',
    ]);
  });

  it('warns about deprecated annotations, seccomp ones only without the field', () => {
    expect(
      warned((p) => {
        p.metadata.annotations = {
          'scheduler.alpha.kubernetes.io/critical-pod': '',
          'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
          'container.seccomp.security.alpha.kubernetes.io/app': 'runtime/default',
          'container.seccomp.security.alpha.kubernetes.io/sidecar': 'runtime/default',
        };
        p.spec.containers[1].securityContext = { seccompProfile: { type: 'RuntimeDefault' } };
      }),
    ).toEqual([
      'metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]: non-functional in v1.16+; use the "priorityClassName" field instead',
      'metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: non-functional in v1.27+; use the "seccompProfile" field instead',
      'metadata.annotations[container.seccomp.security.alpha.kubernetes.io/app]: non-functional in v1.27+; use the "seccompProfile" field instead',
    ]);
  });

  it('warns about AppArmor annotations from 1.33 only', () => {
    const annotate = (p: PodJson) =>
      (p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default' });
    expect(warned(annotate)).toEqual([]);
    expect(warned(annotate, '1.33')).toEqual([
      'metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: deprecated since v1.30; use the "appArmorProfile" field instead',
    ]);
  });

  it('warns about deprecated volume plugins', () => {
    const volumes = (p: PodJson) =>
      p.spec.volumes.push(
        { name: 'repo', gitRepo: { repository: 'https://example.com/r.git' } },
        { name: 'fs', cephfs: { monitors: ['10.0.0.1:6789'] } },
        { name: 'os', storageos: { volumeName: 'v' } },
      );
    expect(warned(volumes)).toEqual([
      'spec.volumes[1].gitRepo: deprecated in v1.11',
      'spec.volumes[2].cephfs: deprecated in v1.28, non-functional in v1.31+',
      'spec.volumes[3].storageOS: deprecated in v1.22, non-functional in v1.25+',
    ]);
    expect(warned(volumes, '1.33')[0]).toBe(
      'spec.volumes[1].gitRepo: deprecated in v1.11, and disabled by default in v1.33+',
    );
  });

  it('warns about fractional byte quantities, as the server prints them, and about a limit copied into requests', () => {
    expect(
      warned((p) => {
        p.spec.containers[1].resources = { limits: { memory: '1.5', 'ephemeral-storage': '15e-1' } };
        p.spec.containers[0].resources.requests.memory = '1n';
      }),
    ).toEqual([
      'spec.containers[0].resources.requests[memory]: fractional byte value "1m" is invalid, must be an integer',
      'spec.containers[1].resources.limits[memory]: fractional byte value "1500m" is invalid, must be an integer',
      'spec.containers[1].resources.requests[memory]: fractional byte value "1500m" is invalid, must be an integer',
      'spec.containers[1].resources.limits[ephemeral-storage]: fractional byte value "1500e-3" is invalid, must be an integer',
      'spec.containers[1].resources.requests[ephemeral-storage]: fractional byte value "1500e-3" is invalid, must be an integer',
    ]);
  });

  it('warns about duplicate and empty image pull secrets and duplicate host alias addresses', () => {
    expect(
      warned((p) => {
        p.spec.imagePullSecrets = [{ name: 'a' }, { name: 'a' }, { name: '' }];
        p.spec.hostAliases = [
          { ip: '10.0.0.1', hostnames: ['a'] },
          { ip: '10.0.0.1', hostnames: ['b'] },
        ];
      }),
    ).toEqual([
      'spec.hostAliases[1].ip: duplicate ip "10.0.0.1"',
      'spec.imagePullSecrets[1].name: duplicate name "a"',
      'spec.imagePullSecrets[2].name: invalid empty name ""',
    ]);
  });
});
