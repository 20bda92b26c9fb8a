import { describe, expect, it } from 'vitest';
import { c0, check, runCases, validPod } from './fixtures';

const SC = 'spec.containers[0].securityContext';

// validatePodSpecSecurityContext / ValidateSecurityContext / validateSeccompProfileField / validateSysctls
describe('security context', () => {
  runCases([
    {
      name: 'rejects a negative pod runAsUser',
      change: (p) => (p.spec.securityContext = { runAsUser: -1 }),
      path: 'spec.securityContext.runAsUser',
      rule: 'securityContext.runAsUser.range',
    },
    {
      name: 'rejects a pod runAsGroup above 2147483647',
      change: (p) => (p.spec.securityContext = { runAsGroup: 2147483648 }),
      path: 'spec.securityContext.runAsGroup',
      rule: 'securityContext.runAsGroup.range',
    },
    {
      name: 'rejects a negative fsGroup',
      change: (p) => (p.spec.securityContext = { fsGroup: -2 }),
      path: 'spec.securityContext.fsGroup',
      rule: 'securityContext.fsGroup.range',
    },
    {
      name: 'rejects a negative supplemental group',
      change: (p) => (p.spec.securityContext = { supplementalGroups: [1000, -1] }),
      path: 'spec.securityContext.supplementalGroups[1]',
      rule: 'securityContext.supplementalGroups.range',
    },
    {
      name: 'rejects an unknown fsGroupChangePolicy',
      change: (p) => (p.spec.securityContext = { fsGroupChangePolicy: 'Never' }),
      path: 'spec.securityContext.fsGroupChangePolicy',
      rule: 'securityContext.fsGroupChangePolicy.unsupported',
    },
    {
      name: 'rejects a negative container runAsUser',
      change: (p) => (c0(p).securityContext.runAsUser = -1),
      path: `${SC}.runAsUser`,
      rule: 'securityContext.runAsUser.range',
    },
    {
      name: 'rejects a seccomp profile without a type',
      change: (p) => (c0(p).securityContext.seccompProfile = {}),
      path: `${SC}.seccompProfile.type`,
      rule: 'securityContext.seccompProfile.type.required',
    },
    {
      name: 'rejects an unknown seccomp type',
      change: (p) => (c0(p).securityContext.seccompProfile = { type: 'Default' }),
      path: `${SC}.seccompProfile.type`,
      rule: 'securityContext.seccompProfile.type.unsupported',
    },
    {
      name: 'rejects a Localhost seccomp profile without localhostProfile',
      change: (p) => (p.spec.securityContext = { seccompProfile: { type: 'Localhost' } }),
      path: 'spec.securityContext.seccompProfile.localhostProfile',
      rule: 'securityContext.seccompProfile.localhostProfile.required',
    },
    {
      name: 'rejects localhostProfile with type RuntimeDefault',
      change: (p) =>
        (c0(p).securityContext.seccompProfile = { type: 'RuntimeDefault', localhostProfile: 'a.json' }),
      path: `${SC}.seccompProfile.localhostProfile`,
      rule: 'securityContext.seccompProfile.localhostProfile.forbidden',
    },
    {
      name: 'rejects an absolute localhostProfile',
      change: (p) =>
        (c0(p).securityContext.seccompProfile = { type: 'Localhost', localhostProfile: '/etc/a.json' }),
      path: `${SC}.seccompProfile.localhostProfile`,
      rule: 'securityContext.seccompProfile.localhostProfile.relative',
    },
    {
      name: 'rejects privileged with allowPrivilegeEscalation false',
      change: (p) => (c0(p).securityContext.privileged = true),
      path: SC,
      rule: 'securityContext.privileged.allowPrivilegeEscalation',
    },
    {
      name: 'rejects CAP_SYS_ADMIN with allowPrivilegeEscalation false',
      change: (p) => (c0(p).securityContext.capabilities = { add: ['CAP_SYS_ADMIN'] }),
      path: SC,
      rule: 'securityContext.capabilities.sysAdmin',
    },
    {
      name: 'rejects an empty windows runAsUserName',
      change: (p) => (p.spec.securityContext = { windowsOptions: { runAsUserName: '' } }),
      path: 'spec.securityContext.windowsOptions.runAsUserName',
      rule: 'securityContext.windowsOptions.runAsUserName.empty',
    },
    {
      name: 'rejects a windows runAsUserName with two backslashes',
      change: (p) => (p.spec.securityContext = { windowsOptions: { runAsUserName: 'a\\b\\c' } }),
      path: 'spec.securityContext.windowsOptions.runAsUserName',
      rule: 'securityContext.windowsOptions.runAsUserName.format',
    },
    {
      name: 'rejects hostProcess containers without hostNetwork',
      change: (p) => (p.spec.securityContext = { windowsOptions: { hostProcess: true } }),
      path: 'spec.hostNetwork',
      rule: 'securityContext.windowsOptions.hostProcess.hostNetwork',
    },
    {
      name: 'rejects a Pod where only some containers are hostProcess containers',
      change: (p) => {
        p.spec.hostNetwork = true;
        c0(p).ports = [];
        p.spec.containers[1].securityContext = { windowsOptions: { hostProcess: true } };
      },
      path: 'spec',
      rule: 'securityContext.windowsOptions.hostProcess.allOrNone',
    },
    {
      name: 'rejects shareProcessNamespace together with hostPID',
      change: (p) => Object.assign(p.spec, { shareProcessNamespace: true, hostPID: true }),
      path: 'spec.securityContext.shareProcessNamespace',
      rule: 'pod.shareProcessNamespace.hostPID',
    },
    {
      name: 'rejects privileged given as a string',
      change: (p) => (c0(p).securityContext.privileged = 'true'),
      path: `${SC}.privileged`,
      rule: 'type',
    },
    {
      name: 'rejects an upper-case sysctl name',
      change: (p) => (p.spec.securityContext = { sysctls: [{ name: 'Net.Core.Somaxconn', value: '1024' }] }),
      path: 'spec.securityContext.sysctls[0].name',
      rule: 'sysctl.name.format',
    },
    {
      name: 'rejects a sysctl without a name',
      change: (p) => (p.spec.securityContext = { sysctls: [{ value: '1' }] }),
      path: 'spec.securityContext.sysctls[0].name',
      rule: 'sysctl.name.required',
    },
    {
      name: 'rejects the same sysctl twice',
      change: (p) =>
        (p.spec.securityContext = {
          sysctls: [
            { name: 'kernel.shm_rmid_forced', value: '1' },
            { name: 'kernel.shm_rmid_forced', value: '0' },
          ],
        }),
      path: 'spec.securityContext.sysctls[1].name',
      rule: 'sysctl.name.duplicate',
    },
    // Namespaced sysctls with host namespaces: a 1.33 rule (v1.28.7 accepts them), in versions.test.ts.
  ]);

  it('rejects a seccomp annotation that disagrees with the seccompProfile field', () => {
    const pod = validPod();
    pod.metadata.annotations['container.seccomp.security.alpha.kubernetes.io/app'] = 'unconfined';
    c0(pod).securityContext.seccompProfile = { type: 'RuntimeDefault' };
    expect(check(pod).map((v) => [v.path, v.rule])).toEqual([
      [
        'spec.containers[0].securityContext.seccompProfile.type',
        'securityContext.seccompProfile.annotationMismatch',
      ],
    ]);
  });

  it('accepts SYS_ADMIN spelled without CAP_, which the API server does not compare', () => {
    const pod = validPod();
    c0(pod).securityContext.capabilities = { add: ['SYS_ADMIN'] };
    expect(check(pod)).toEqual([]);
  });

  it('accepts sysctl names with slashes', () => {
    const pod = validPod();
    pod.spec.securityContext = { sysctls: [{ name: 'net/ipv4/ip_local_port_range', value: '1024 65535' }] };
    expect(check(pod)).toEqual([]);
  });
});

// validateOS and the linux/windows field restrictions
describe('os', () => {
  runCases([
    {
      name: 'rejects an unknown os name',
      change: (p) => (p.spec.os = { name: 'darwin' }),
      path: 'spec.os',
      rule: 'os.name.unsupported',
    },
    {
      name: 'rejects an empty os name',
      change: (p) => (p.spec.os = {}),
      path: 'spec.os.name',
      rule: 'os.name.required',
    },
    {
      name: 'rejects windowsOptions on a linux Pod',
      change: (p) => {
        p.spec.os = { name: 'linux' };
        p.spec.securityContext = { windowsOptions: { runAsUserName: 'ContainerUser' } };
      },
      path: 'spec.securityContext.windowsOptions',
      rule: 'os.linux.windowsOptions',
    },
    {
      name: 'rejects runAsUser in a windows Pod container',
      change: (p) => {
        p.spec.os = { name: 'windows' };
        c0(p).securityContext = { runAsNonRoot: true, runAsUser: 1000 };
      },
      path: `${SC}.runAsUser`,
      rule: 'os.windows.forbidden',
    },
    {
      name: 'rejects hostPID on a windows Pod',
      change: (p) => {
        Object.assign(p.spec, { os: { name: 'windows' }, hostPID: true });
        c0(p).securityContext = { runAsNonRoot: true };
      },
      path: 'spec.hostPID',
      rule: 'os.windows.forbidden',
    },
  ]);
});
