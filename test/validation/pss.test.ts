import { describe, expect, it } from 'vitest';
import type { ObjectRef, Violation } from '../../src/errors';
import type { KubeVersion } from '../../src/kube-version';
import type { Profile } from '../../src/profile';
import { checkPodSecurity } from '../../src/validation/pss';

// Pods here are plain JSON, as a user would write them; `any` keeps each test's tweak to one line.
type Pod = any;

const REF: ObjectRef = { kind: 'Pod', name: 'app', namespace: 'demo' };

/** A container that passes restricted on its own: no escalation, every capability dropped. */
function hardenedContainer(name: string): any {
  return {
    name,
    image: 'busybox:1.36',
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
  };
}

/** A Pod that passes restricted: non-root UID 65534, RuntimeDefault seccomp, hardened container. */
function hardened(): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'app', namespace: 'demo' },
    spec: {
      securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [hardenedContainer('app')],
    },
  };
}

/** The hardened Pod after `change`. */
function podWith(change: (pod: Pod) => void): Pod {
  const pod = hardened();
  change(pod);
  return pod;
}

function check(pod: Pod, level: Profile, version: KubeVersion = '1.28'): Violation[] {
  return checkPodSecurity(pod, level, REF, version);
}

/** `rule path` per violation: the two things a caller keys on. */
function found(pod: Pod, level: Profile, version: KubeVersion = '1.28'): string[] {
  return check(pod, level, version).map((v) => `${v.rule} ${v.path}`);
}

const HELLO_WORLD: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'hello' },
  spec: {
    restartPolicy: 'Never',
    containers: [
      { name: 'hello', image: 'busybox:1.36', command: ['sh', '-c', 'echo "Hello, Kubernetes!"'] },
    ],
  },
};

describe('checkPodSecurity levels', () => {
  it('privileged returns nothing, even for a Pod that breaks every rule', () => {
    const pod = podWith((p) => {
      p.spec.hostNetwork = true;
      p.spec.containers[0].securityContext = { privileged: true, capabilities: { add: ['SYS_ADMIN'] } };
      p.spec.volumes = [{ name: 'root', hostPath: { path: '/' } }];
    });
    expect(check(pod, 'privileged')).toEqual([]);
  });

  it('a fully hardened Pod passes restricted and baseline', () => {
    expect(check(hardened(), 'restricted')).toEqual([]);
    expect(check(hardened(), 'baseline')).toEqual([]);
  });

  it('the busybox hello-world Pod fails restricted with every violation listed together', () => {
    expect(found(HELLO_WORLD, 'restricted')).toEqual([
      'pss.allowPrivilegeEscalation spec.containers[0].securityContext.allowPrivilegeEscalation',
      'pss.runAsNonRoot spec.securityContext.runAsNonRoot',
      'pss.seccompProfile_restricted spec.securityContext.seccompProfile.type',
      'pss.capabilities_restricted spec.containers[0].securityContext.capabilities.drop',
    ]);
  });

  it('baseline passes the busybox hello-world Pod that restricted rejects', () => {
    expect(check(HELLO_WORLD, 'baseline')).toEqual([]);
  });

  it('each violation names the object, the missing value and a concrete fix', () => {
    const [violation] = check(HELLO_WORLD, 'restricted');
    expect(violation).toEqual({
      object: REF,
      path: 'spec.containers[0].securityContext.allowPrivilegeEscalation',
      value: undefined,
      rule: 'pss.allowPrivilegeEscalation',
      message:
        'allowPrivilegeEscalation != false: container "hello" must set securityContext.allowPrivilegeEscalation=false',
      fix: "Set securityContext.allowPrivilegeEscalation: false on container 'hello'.",
    });
  });

  it('checks init and ephemeral containers as well as containers', () => {
    const pod = podWith((p) => {
      p.spec.initContainers = [{ name: 'init', image: 'busybox', securityContext: { privileged: true } }];
      p.spec.ephemeralContainers = [
        { name: 'debug', image: 'busybox', securityContext: { privileged: true } },
      ];
    });
    expect(found(pod, 'baseline')).toEqual([
      'pss.privileged spec.initContainers[0].securityContext.privileged',
      'pss.privileged spec.ephemeralContainers[0].securityContext.privileged',
    ]);
  });

  it('never throws on malformed Pods', () => {
    const weird: unknown[] = [
      null,
      {},
      { spec: null },
      { spec: 'x', metadata: 5 },
      { metadata: { annotations: ['a'] }, spec: { containers: 'app', volumes: {} } },
      { spec: { containers: [null, 5, 'x', []], initContainers: [{ securityContext: 'x' }] } },
      {
        metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 7 } },
        spec: {
          os: 'windows',
          securityContext: { sysctls: [null, { name: 3 }], seLinuxOptions: 'x', seccompProfile: [] },
          volumes: [null, { name: 1 }, { name: 'v', nfs: 'x' }],
          containers: [
            {
              name: 3,
              ports: [null, { hostPort: '80' }],
              securityContext: { capabilities: { add: 'ALL', drop: 'ALL' }, windowsOptions: 1 },
            },
          ],
        },
      },
    ];
    for (const pod of weird) {
      for (const level of ['privileged', 'baseline', 'restricted'] as const) {
        expect(() => checkPodSecurity(pod as Record<string, unknown>, level, REF)).not.toThrow();
      }
    }
  });

  it('treats a malformed container as one that sets nothing', () => {
    const pod = podWith((p) => (p.spec.containers = [null]));
    expect(found(pod, 'restricted')).toEqual([
      'pss.allowPrivilegeEscalation spec.containers[0].securityContext.allowPrivilegeEscalation',
      'pss.capabilities_restricted spec.containers[0].securityContext.capabilities.drop',
    ]);
  });
});

describe('baseline: hostNamespaces', () => {
  it('baseline rejects a Pod that shares the host network, PID and IPC namespaces', () => {
    const pod = podWith((p) => Object.assign(p.spec, { hostNetwork: true, hostPID: true, hostIPC: true }));
    expect(found(pod, 'baseline')).toEqual([
      'pss.hostNamespaces spec.hostNetwork',
      'pss.hostNamespaces spec.hostPID',
      'pss.hostNamespaces spec.hostIPC',
    ]);
    expect(check(pod, 'baseline')[0]).toMatchObject({
      value: true,
      message: 'host namespaces: hostNetwork must not be true',
    });
  });

  it('baseline accepts host namespaces set to false', () => {
    const pod = podWith((p) => Object.assign(p.spec, { hostNetwork: false, hostPID: false, hostIPC: false }));
    expect(check(pod, 'baseline')).toEqual([]);
  });
});

describe('baseline: privileged', () => {
  it('baseline rejects a privileged container', () => {
    const pod = podWith((p) => (p.spec.containers[0].securityContext.privileged = true));
    expect(found(pod, 'baseline')).toEqual(['pss.privileged spec.containers[0].securityContext.privileged']);
    expect(found(pod, 'restricted')).toEqual([
      'pss.privileged spec.containers[0].securityContext.privileged',
    ]);
  });

  it('baseline accepts privileged: false', () => {
    const pod = podWith((p) => (p.spec.containers[0].securityContext.privileged = false));
    expect(check(pod, 'baseline')).toEqual([]);
  });
});

describe('baseline: capabilities_baseline', () => {
  it('baseline rejects adding a capability outside the default set, one violation per capability', () => {
    const pod = podWith(
      (p) => (p.spec.containers[0].securityContext.capabilities.add = ['CHOWN', 'NET_RAW']),
    );
    expect(found(pod, 'baseline')).toEqual([
      'pss.capabilities_baseline spec.containers[0].securityContext.capabilities.add[1]',
    ]);
    expect(check(pod, 'baseline')[0].value).toBe('NET_RAW');
  });

  it('baseline accepts adding capabilities from the default set', () => {
    const pod = podWith((p) => (p.spec.containers[0].securityContext.capabilities.add = ['CHOWN', 'KILL']));
    expect(check(pod, 'baseline')).toEqual([]);
  });

  it('restricted reports added capabilities under capabilities_restricted instead', () => {
    const pod = podWith((p) => (p.spec.containers[0].securityContext.capabilities.add = ['NET_RAW']));
    expect(found(pod, 'restricted')).toEqual([
      'pss.capabilities_restricted spec.containers[0].securityContext.capabilities.add[0]',
    ]);
  });
});

describe('baseline: hostPathVolumes', () => {
  it('baseline rejects a hostPath volume', () => {
    const pod = podWith((p) => {
      p.spec.volumes = [
        { name: 'cache', emptyDir: {} },
        { name: 'config', configMap: { name: 'app' } },
        { name: 'logs', hostPath: { path: '/var/log' } },
      ];
    });
    expect(found(pod, 'baseline')).toEqual(['pss.hostPathVolumes spec.volumes[2].hostPath']);
  });

  it('baseline accepts emptyDir and configMap volumes', () => {
    const pod = podWith((p) => (p.spec.volumes = [{ name: 'cache', emptyDir: {} }]));
    expect(check(pod, 'baseline')).toEqual([]);
  });

  it('restricted reports a hostPath volume under restrictedVolumes, as upstream overrides the check', () => {
    const pod = podWith((p) => (p.spec.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }]));
    expect(found(pod, 'restricted')).toEqual(['pss.restrictedVolumes spec.volumes[0].hostPath']);
  });
});

describe('baseline: hostPorts', () => {
  it('baseline rejects a hostPort', () => {
    const pod = podWith((p) => {
      p.spec.containers[0].ports = [{ containerPort: 8080 }, { containerPort: 8443, hostPort: 443 }];
    });
    expect(found(pod, 'baseline')).toEqual(['pss.hostPorts spec.containers[0].ports[1].hostPort']);
    expect(check(pod, 'baseline')[0].value).toBe(443);
  });

  it('baseline accepts hostPort 0 and ports without one', () => {
    const pod = podWith((p) => (p.spec.containers[0].ports = [{ containerPort: 8080, hostPort: 0 }]));
    expect(check(pod, 'baseline')).toEqual([]);
  });
});

describe('baseline: appArmorProfile', () => {
  const KEY = 'container.apparmor.security.beta.kubernetes.io/app';

  it('baseline rejects an unconfined AppArmor annotation', () => {
    const pod = podWith((p) => (p.metadata.annotations = { [KEY]: 'unconfined' }));
    expect(found(pod, 'baseline')).toEqual([`pss.appArmorProfile metadata.annotations[${KEY}]`]);
    expect(check(pod, 'baseline')[0].value).toBe('unconfined');
  });

  it('baseline accepts runtime/default, localhost/* and empty AppArmor annotations', () => {
    const pod = podWith((p) => {
      p.metadata.annotations = {
        [KEY]: 'runtime/default',
        'container.apparmor.security.beta.kubernetes.io/b': 'localhost/k8s-apparmor-example',
        'container.apparmor.security.beta.kubernetes.io/c': '',
        'example.com/unrelated': 'unconfined',
      };
    });
    expect(check(pod, 'baseline')).toEqual([]);
  });
});

describe('baseline: seLinuxOptions', () => {
  it('baseline rejects a forbidden SELinux type and a custom user and role', () => {
    const pod = podWith((p) => {
      p.spec.securityContext.seLinuxOptions = { type: 'spc_t' };
      p.spec.containers[0].securityContext.seLinuxOptions = { user: 'system_u', role: 'system_r' };
    });
    expect(found(pod, 'baseline')).toEqual([
      'pss.seLinuxOptions spec.securityContext.seLinuxOptions.type',
      'pss.seLinuxOptions spec.containers[0].securityContext.seLinuxOptions.user',
      'pss.seLinuxOptions spec.containers[0].securityContext.seLinuxOptions.role',
    ]);
  });

  it('baseline accepts the allowed SELinux types and a level', () => {
    const pod = podWith((p) => {
      p.spec.securityContext.seLinuxOptions = { type: 'container_t', level: 's0:c123,c456' };
      p.spec.containers[0].securityContext.seLinuxOptions = { type: 'container_kvm_t', user: '' };
    });
    expect(check(pod, 'baseline')).toEqual([]);
  });
});

describe('baseline: procMount', () => {
  it('1.28 never sees procMount: the server drops the field (ProcMountType is alpha) before Pod Security', () => {
    const pod = podWith((p) => (p.spec.containers[0].securityContext.procMount = 'Unmasked'));
    expect(check(pod, 'baseline')).toEqual([]);
    expect(check(pod, 'restricted')).toEqual([]);
  });

  it('1.33 rejects an Unmasked /proc at baseline, even in a user namespace', () => {
    const pod = podWith((p) => {
      p.spec.hostUsers = false;
      p.spec.containers[0].securityContext.procMount = 'Unmasked';
    });
    expect(found(pod, 'baseline', '1.33')).toEqual([
      'pss.procMount spec.containers[0].securityContext.procMount',
    ]);
  });

  it('baseline accepts procMount Default', () => {
    const pod = podWith((p) => (p.spec.containers[0].securityContext.procMount = 'Default'));
    expect(check(pod, 'baseline', '1.33')).toEqual([]);
  });
});

describe('baseline: seccompProfile_baseline', () => {
  it('baseline rejects an Unconfined seccomp profile at pod and container level', () => {
    const pod = podWith((p) => {
      p.spec.securityContext.seccompProfile = { type: 'Unconfined' };
      p.spec.containers[0].securityContext.seccompProfile = { type: 'Unconfined' };
    });
    expect(found(pod, 'baseline')).toEqual([
      'pss.seccompProfile_baseline spec.securityContext.seccompProfile.type',
      'pss.seccompProfile_baseline spec.containers[0].securityContext.seccompProfile.type',
    ]);
  });

  it('baseline accepts a Pod without any seccomp profile and one with Localhost', () => {
    expect(check(HELLO_WORLD, 'baseline')).toEqual([]);
    const pod = podWith((p) => {
      p.spec.containers[0].securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'a.json' };
    });
    expect(check(pod, 'baseline')).toEqual([]);
  });

  it('baseline ignores the seccomp alpha annotations, which policy 1.28 no longer reads', () => {
    const pod = podWith((p) => {
      p.metadata.annotations = {
        'seccomp.security.alpha.kubernetes.io/pod': 'unconfined',
        'container.seccomp.security.alpha.kubernetes.io/app': 'unconfined',
      };
    });
    expect(check(pod, 'baseline')).toEqual([]);
  });

  it('restricted reports an Unconfined pod profile once, under seccompProfile_restricted', () => {
    const pod = podWith((p) => (p.spec.securityContext.seccompProfile = { type: 'Unconfined' }));
    expect(found(pod, 'restricted')).toEqual([
      'pss.seccompProfile_restricted spec.securityContext.seccompProfile.type',
    ]);
  });
});

describe('baseline: sysctls', () => {
  it('baseline rejects an unsafe sysctl and one only allowed from policy 1.29', () => {
    const pod = podWith((p) => {
      p.spec.securityContext.sysctls = [
        { name: 'net.ipv4.ip_local_port_range', value: '1024 65000' },
        { name: 'kernel.msgmax', value: '65536' },
        { name: 'net.ipv4.tcp_keepalive_time', value: '600' },
      ];
    });
    expect(found(pod, 'baseline')).toEqual([
      'pss.sysctls spec.securityContext.sysctls[1].name',
      'pss.sysctls spec.securityContext.sysctls[2].name',
    ]);
  });

  it('baseline accepts the safe sysctls of 1.28, including net.ipv4.ip_local_reserved_ports', () => {
    const pod = podWith((p) => {
      p.spec.securityContext.sysctls = [
        { name: 'kernel.shm_rmid_forced', value: '1' },
        { name: 'net.ipv4.ip_local_reserved_ports', value: '30000-30100' },
        { name: 'net.ipv4.ip_unprivileged_port_start', value: '0' },
      ];
    });
    expect(check(pod, 'baseline')).toEqual([]);
  });
});

describe('baseline: windowsHostProcess', () => {
  it('baseline rejects a HostProcess Pod and container', () => {
    const pod = podWith((p) => {
      p.spec.securityContext.windowsOptions = { hostProcess: true };
      p.spec.containers[0].securityContext.windowsOptions = { hostProcess: true };
    });
    expect(found(pod, 'baseline')).toEqual([
      'pss.windowsHostProcess spec.securityContext.windowsOptions.hostProcess',
      'pss.windowsHostProcess spec.containers[0].securityContext.windowsOptions.hostProcess',
    ]);
  });

  it('baseline accepts hostProcess: false', () => {
    const pod = podWith((p) => (p.spec.securityContext.windowsOptions = { hostProcess: false }));
    expect(check(pod, 'baseline')).toEqual([]);
  });
});

describe('restricted: restrictedVolumes', () => {
  it('restricted rejects an nfs volume that baseline allows', () => {
    const pod = podWith((p) => (p.spec.volumes = [{ name: 'share', nfs: { server: 'nfs', path: '/srv' } }]));
    expect(found(pod, 'restricted')).toEqual(['pss.restrictedVolumes spec.volumes[0].nfs']);
    expect(check(pod, 'baseline')).toEqual([]);
  });

  it('restricted rejects a volume type it does not know, at the field that names it', () => {
    const pod = podWith((p) => (p.spec.volumes = [{ name: 'img', image: { reference: 'busybox' } }]));
    expect(found(pod, 'restricted')).toEqual(['pss.restrictedVolumes spec.volumes[0].image']);
  });

  it('restricted accepts a volume without any source: the server makes it an emptyDir before Pod Security looks', () => {
    const pod = podWith(
      (p) => (p.spec.volumes = [{ name: 'empty' }, { name: 'nulls', hostPath: null, nfs: null }]),
    );
    expect(check(pod, 'restricted')).toEqual([]);
  });

  it('restricted accepts every allowed volume type', () => {
    const pod = podWith((p) => {
      p.spec.volumes = [
        { name: 'a', configMap: { name: 'cm' } },
        { name: 'b', csi: { driver: 'x' } },
        { name: 'c', downwardAPI: { items: [] } },
        { name: 'd', emptyDir: {} },
        { name: 'e', ephemeral: { volumeClaimTemplate: { spec: {} } } },
        { name: 'f', persistentVolumeClaim: { claimName: 'data' } },
        { name: 'g', projected: { sources: [] } },
        { name: 'h', secret: { secretName: 's' } },
      ];
    });
    expect(check(pod, 'restricted')).toEqual([]);
  });
});

describe('restricted: allowPrivilegeEscalation', () => {
  it('restricted rejects a container that may escalate privileges', () => {
    const pod = podWith((p) => (p.spec.containers[0].securityContext.allowPrivilegeEscalation = true));
    expect(found(pod, 'restricted')).toEqual([
      'pss.allowPrivilegeEscalation spec.containers[0].securityContext.allowPrivilegeEscalation',
    ]);
    expect(check(pod, 'baseline')).toEqual([]);
  });

  it('restricted rejects a second container that leaves allowPrivilegeEscalation unset', () => {
    const pod = podWith((p) => {
      p.spec.containers.push({
        name: 'sidecar',
        image: 'busybox',
        securityContext: { capabilities: { drop: ['ALL'] } },
      });
    });
    expect(found(pod, 'restricted')).toEqual([
      'pss.allowPrivilegeEscalation spec.containers[1].securityContext.allowPrivilegeEscalation',
    ]);
  });

  it('restricted exempts Windows Pods from allowPrivilegeEscalation, seccomp and capabilities', () => {
    const pod = podWith((p) => {
      p.spec.os = { name: 'windows' };
      delete p.spec.securityContext.seccompProfile;
      p.spec.containers[0].securityContext = {};
    });
    expect(check(pod, 'restricted')).toEqual([]);
  });
});

describe('restricted: Windows Pods', () => {
  it('restricted skips seccomp on a Windows Pod while baseline still rejects Unconfined, as upstream overrides', () => {
    const pod = podWith((p) => {
      p.spec.os = { name: 'windows' };
      p.spec.securityContext.seccompProfile = { type: 'Unconfined' };
    });
    expect(check(pod, 'restricted')).toEqual([]);
    expect(found(pod, 'baseline')).toEqual([
      'pss.seccompProfile_baseline spec.securityContext.seccompProfile.type',
    ]);
  });

  it('restricted still requires runAsNonRoot of a Windows Pod', () => {
    const pod = podWith((p) => {
      p.spec.os = { name: 'windows' };
      delete p.spec.securityContext.runAsNonRoot;
    });
    expect(found(pod, 'restricted')).toEqual(['pss.runAsNonRoot spec.securityContext.runAsNonRoot']);
  });
});

describe('restricted: runAsNonRoot', () => {
  it('restricted rejects a Pod where neither pod nor container sets runAsNonRoot, at the pod field', () => {
    const pod = podWith((p) => delete p.spec.securityContext.runAsNonRoot);
    expect(found(pod, 'restricted')).toEqual(['pss.runAsNonRoot spec.securityContext.runAsNonRoot']);
  });

  it('restricted rejects runAsNonRoot: false at pod and container level', () => {
    const pod = podWith((p) => {
      p.spec.securityContext.runAsNonRoot = false;
      p.spec.containers[0].securityContext.runAsNonRoot = false;
    });
    expect(found(pod, 'restricted')).toEqual([
      'pss.runAsNonRoot spec.securityContext.runAsNonRoot',
      'pss.runAsNonRoot spec.containers[0].securityContext.runAsNonRoot',
    ]);
  });

  it('restricted rejects only the container left uncovered when others set runAsNonRoot themselves', () => {
    const pod = podWith((p) => {
      delete p.spec.securityContext.runAsNonRoot;
      p.spec.containers[0].securityContext.runAsNonRoot = true;
      p.spec.containers.push(hardenedContainer('sidecar'));
    });
    expect(found(pod, 'restricted')).toEqual([
      'pss.runAsNonRoot spec.containers[1].securityContext.runAsNonRoot',
    ]);
  });

  it('restricted accepts runAsNonRoot: true on every container without a pod-level value', () => {
    const pod = podWith((p) => {
      delete p.spec.securityContext.runAsNonRoot;
      p.spec.containers[0].securityContext.runAsNonRoot = true;
    });
    expect(check(pod, 'restricted')).toEqual([]);
  });
});

describe('restricted: runAsUser', () => {
  it('restricted rejects runAsUser 0 at pod and container level', () => {
    const pod = podWith((p) => {
      p.spec.securityContext.runAsUser = 0;
      p.spec.containers[0].securityContext.runAsUser = 0;
    });
    expect(found(pod, 'restricted')).toEqual([
      'pss.runAsUser spec.securityContext.runAsUser',
      'pss.runAsUser spec.containers[0].securityContext.runAsUser',
    ]);
    expect(check(pod, 'baseline')).toEqual([]);
  });

  it('restricted accepts a non-zero runAsUser and an unset one', () => {
    const pod = podWith((p) => (p.spec.containers[0].securityContext.runAsUser = 1000));
    expect(check(pod, 'restricted')).toEqual([]);
    expect(
      check(
        podWith((p) => delete p.spec.securityContext.runAsUser),
        'restricted',
      ),
    ).toEqual([]);
  });
});

describe('restricted: seccompProfile_restricted', () => {
  it('restricted rejects a Pod with no seccomp profile anywhere, at the pod field', () => {
    const pod = podWith((p) => delete p.spec.securityContext.seccompProfile);
    expect(found(pod, 'restricted')).toEqual([
      'pss.seccompProfile_restricted spec.securityContext.seccompProfile.type',
    ]);
  });

  it('restricted rejects an Unconfined container profile even with a good pod profile', () => {
    const pod = podWith(
      (p) => (p.spec.containers[0].securityContext.seccompProfile = { type: 'Unconfined' }),
    );
    expect(found(pod, 'restricted')).toEqual([
      'pss.seccompProfile_restricted spec.containers[0].securityContext.seccompProfile.type',
    ]);
  });

  it('restricted reports a bad container profile and the container left uncovered together', () => {
    const pod = podWith((p) => {
      delete p.spec.securityContext.seccompProfile;
      p.spec.containers[0].securityContext.seccompProfile = { type: 'Unconfined' };
      p.spec.containers.push(hardenedContainer('sidecar'));
    });
    expect(found(pod, 'restricted')).toEqual([
      'pss.seccompProfile_restricted spec.containers[0].securityContext.seccompProfile.type',
      'pss.seccompProfile_restricted spec.securityContext.seccompProfile.type',
    ]);
  });

  it('restricted accepts a Localhost profile on every container without a pod-level one', () => {
    const pod = podWith((p) => {
      delete p.spec.securityContext.seccompProfile;
      p.spec.containers[0].securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'a.json' };
    });
    expect(check(pod, 'restricted')).toEqual([]);
  });
});

describe('restricted: capabilities_restricted', () => {
  it('restricted rejects a container that does not drop ALL', () => {
    const pod = podWith((p) => (p.spec.containers[0].securityContext.capabilities = { drop: ['NET_RAW'] }));
    expect(found(pod, 'restricted')).toEqual([
      'pss.capabilities_restricted spec.containers[0].securityContext.capabilities.drop',
    ]);
    expect(check(pod, 'restricted')[0].value).toEqual(['NET_RAW']);
  });

  it('restricted rejects adding any capability but NET_BIND_SERVICE', () => {
    const pod = podWith((p) => {
      p.spec.containers[0].securityContext.capabilities.add = ['NET_BIND_SERVICE', 'CHOWN'];
    });
    expect(found(pod, 'restricted')).toEqual([
      'pss.capabilities_restricted spec.containers[0].securityContext.capabilities.add[1]',
    ]);
    expect(check(pod, 'baseline')).toEqual([]);
  });

  it('restricted accepts dropping ALL and adding NET_BIND_SERVICE', () => {
    const pod = podWith(
      (p) => (p.spec.containers[0].securityContext.capabilities.add = ['NET_BIND_SERVICE']),
    );
    expect(check(pod, 'restricted')).toEqual([]);
  });
});

// Each case measured on kube-apiserver v1.28.7 and v1.33.3 in a namespace enforcing the level.
describe('policy 1.33 against policy 1.28', () => {
  it('1.33 refuses an Unconfined appArmorProfile field on the pod or a container (1.28 has no such field)', () => {
    const onPod = podWith((p) => (p.spec.securityContext.appArmorProfile = { type: 'Unconfined' }));
    expect(found(onPod, 'baseline', '1.33')).toEqual([
      'pss.appArmorProfile spec.securityContext.appArmorProfile.type',
    ]);
    expect(found(onPod, 'baseline', '1.28')).toEqual([]);
    const onContainer = podWith(
      (p) => (p.spec.containers[0].securityContext.appArmorProfile = { type: 'Unconfined' }),
    );
    expect(found(onContainer, 'restricted', '1.33')).toEqual([
      'pss.appArmorProfile spec.containers[0].securityContext.appArmorProfile.type',
    ]);
  });

  it('1.33 admits RuntimeDefault and Localhost appArmorProfile fields', () => {
    const pod = podWith((p) => {
      p.spec.securityContext.appArmorProfile = { type: 'RuntimeDefault' };
      p.spec.containers[0].securityContext.appArmorProfile = {
        type: 'Localhost',
        localhostProfile: 'k8s-web',
      };
    });
    expect(check(pod, 'restricted', '1.33')).toEqual([]);
  });

  it.each([
    'net.ipv4.tcp_keepalive_time',
    'net.ipv4.tcp_fin_timeout',
    'net.ipv4.tcp_keepalive_intvl',
    'net.ipv4.tcp_keepalive_probes',
    'net.ipv4.tcp_rmem',
    'net.ipv4.tcp_wmem',
  ])('%s is a safe sysctl at 1.33 and not at 1.28', (name) => {
    const pod = podWith((p) => (p.spec.securityContext.sysctls = [{ name, value: '1' }]));
    expect(check(pod, 'baseline', '1.33')).toEqual([]);
    expect(found(pod, 'baseline', '1.28')).toEqual(['pss.sysctls spec.securityContext.sysctls[0].name']);
  });

  it('1.33 admits an image volume at restricted, because the server drops it first (ImageVolume is off)', () => {
    const pod = podWith((p) => (p.spec.volumes = [{ name: 'tools', image: { reference: 'busybox:1.36' } }]));
    expect(check(pod, 'restricted', '1.33')).toEqual([]);
    expect(found(pod, 'restricted', '1.28')).toEqual(['pss.restrictedVolumes spec.volumes[0].image']);
  });
});
