// Pod Security Standards checks, ported from kubernetes `staging/src/k8s.io/pod-security-admission/policy/`
// at policy version 1.28 or 1.33 (the target Kubernetes version): each check behaves as its newest version entry
// <= that version does upstream. What changed between the two: appArmorProfile 1.30 (the fields count),
// sysctls 1.29 and 1.32 (more safe sysctls).
// Upstream reports one result per check; here every offending field is its own violation so that a user sees
// every field to change at once.
import type { ObjectRef, Violation } from '../errors';
import { atLeast, DEFAULT_KUBE_VERSION, type KubeVersion } from '../kube-version';
import type { Profile } from '../profile';

type Obj = Readonly<Record<string, unknown>>;

const EMPTY_OBJ: Obj = Object.freeze({});
const EMPTY_LIST: readonly unknown[] = Object.freeze([]);

/** The object behind `value`, or undefined when it is missing, null or not a plain object. */
function asObj(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

/** The list behind `value`; anything that is not an array counts as unset, as a Go nil slice would. */
function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : EMPTY_LIST;
}

/** Go's `ptr != nil`: JSON null decodes to nil, so only undefined and null are unset. */
function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** One container as the checks see it, in upstream's visiting order. */
interface ContainerRef {
  /** `spec.containers[0]` */
  readonly path: string;
  /** What messages call it: its name, or its path when it has none. */
  readonly label: string;
  /** Its securityContext; undefined when unset or malformed. */
  readonly sc: Obj | undefined;
  readonly container: Obj;
}

/** Everything a check reads, decoded once per Pod. */
interface PodView {
  readonly ref: ObjectRef;
  readonly annotations: Obj;
  readonly spec: Obj;
  /** spec.securityContext; undefined when unset or malformed. */
  readonly podSc: Obj | undefined;
  readonly containers: readonly ContainerRef[];
  /** `spec.os.name: windows`, which 1.25+ exempts from three restricted checks. */
  readonly windows: boolean;
  /** The Kubernetes version: the server drops some fields before Pod Security looks (procMount in 1.28). */
  readonly version: KubeVersion;
  /** Whether the policy version is 1.33 (else 1.28). */
  readonly v133: boolean;
  readonly out: Violation[];
}

// Upstream's visitContainers order: init containers, then containers, then ephemeral containers.
const CONTAINER_FIELDS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

function collectContainers(spec: Obj): ContainerRef[] {
  const refs: ContainerRef[] = [];
  for (const field of CONTAINER_FIELDS) {
    const list = asList(spec[field]);
    for (let i = 0; i < list.length; i++) {
      // A null or malformed entry decodes to a zero-value container upstream, so it is kept with no fields.
      const container = asObj(list[i]) ?? EMPTY_OBJ;
      const path = `spec.${field}[${i}]`;
      const name = container.name;
      refs.push({
        path,
        label: typeof name === 'string' && name !== '' ? name : path,
        sc: asObj(container.securityContext),
        container,
      });
    }
  }
  return refs;
}

function report(
  pod: PodView,
  check: string,
  path: string,
  value: unknown,
  message: string,
  fix: string,
): void {
  pod.out.push({ object: pod.ref, path, value, rule: `pss.${check}`, message, fix });
}

/** `container "app"` as upstream's details name it. */
function named(c: ContainerRef): string {
  return `container "${c.label}"`;
}

// ---------------------------------------------------------------------------------------------------------
// Baseline

const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/** hostNamespaces 1.0: spec.hostNetwork, hostPID and hostIPC must be unset or false. */
function hostNamespaces(pod: PodView): void {
  for (const field of HOST_NAMESPACES) {
    const value = pod.spec[field];
    if (isSet(value) && value !== false) {
      report(
        pod,
        'hostNamespaces',
        `spec.${field}`,
        value,
        `host namespaces: ${field} must not be true`,
        `Remove spec.${field} (or set it to false) so the Pod keeps its own namespace.`,
      );
    }
  }
}

/** privileged 1.0: no container may set securityContext.privileged=true. */
function privileged(pod: PodView): void {
  for (const c of pod.containers) {
    const value = c.sc?.privileged;
    if (isSet(value) && value !== false) {
      report(
        pod,
        'privileged',
        `${c.path}.securityContext.privileged`,
        value,
        `privileged: ${named(c)} must not set securityContext.privileged=true`,
        `Remove securityContext.privileged from container '${c.label}' (or set it to false).`,
      );
    }
  }
}

// capabilities_allowed_1_0: the container runtime's default set.
const BASELINE_CAPABILITIES: ReadonlySet<unknown> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);
const BASELINE_CAPABILITIES_TEXT = [...BASELINE_CAPABILITIES].join(', ');

/** capabilities_baseline 1.0: capabilities.add may only name capabilities of the default set. */
function capabilitiesBaseline(pod: PodView): void {
  for (const c of pod.containers) {
    const add = asList(asObj(c.sc?.capabilities)?.add);
    for (let j = 0; j < add.length; j++) {
      if (!BASELINE_CAPABILITIES.has(add[j])) {
        report(
          pod,
          'capabilities_baseline',
          `${c.path}.securityContext.capabilities.add[${j}]`,
          add[j],
          `non-default capabilities: ${named(c)} must not include this capability in securityContext.capabilities.add`,
          `Remove it from securityContext.capabilities.add of container '${c.label}'; baseline allows only ${BASELINE_CAPABILITIES_TEXT}.`,
        );
      }
    }
  }
}

/** Each volume with its index, name and decoded object. */
function volumes(pod: PodView): { readonly index: number; readonly name: string; readonly volume: Obj }[] {
  const list = asList(pod.spec.volumes);
  const result = [];
  for (let i = 0; i < list.length; i++) {
    const volume = asObj(list[i]) ?? EMPTY_OBJ;
    const name = typeof volume.name === 'string' && volume.name !== '' ? volume.name : `#${i}`;
    result.push({ index: i, name, volume });
  }
  return result;
}

/** hostPathVolumes 1.0: no volume may be a hostPath. Overridden by restrictedVolumes at restricted. */
function hostPathVolumes(pod: PodView): void {
  for (const { index, name, volume } of volumes(pod)) {
    if (isSet(volume.hostPath)) {
      report(
        pod,
        'hostPathVolumes',
        `spec.volumes[${index}].hostPath`,
        volume.hostPath,
        `hostPath volumes: volume "${name}" must not use hostPath`,
        `Replace the hostPath of volume '${name}' with a persistentVolumeClaim, emptyDir, configMap or secret.`,
      );
    }
  }
}

/** hostPorts 1.0: every containerPort's hostPort must be unset or 0. */
function hostPorts(pod: PodView): void {
  for (const c of pod.containers) {
    const ports = asList(c.container.ports);
    for (let j = 0; j < ports.length; j++) {
      const hostPort = asObj(ports[j])?.hostPort;
      if (isSet(hostPort) && hostPort !== 0) {
        report(
          pod,
          'hostPorts',
          `${c.path}.ports[${j}].hostPort`,
          hostPort,
          `hostPort: ${named(c)} must not use a hostPort`,
          `Remove hostPort from ports[${j}] of container '${c.label}' and expose the port through a Service.`,
        );
      }
    }
  }
}

// corev1.AppArmorBetaContainerAnnotationKeyPrefix; the appArmorProfile fields only count from policy 1.30.
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

function validAppArmorType(type: unknown): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

/**
 * appArmorProfile 1.0: AppArmor annotations may only be empty, runtime/default or localhost/*; from 1.30 on the
 * pod's and every container's securityContext.appArmorProfile.type must also be RuntimeDefault or Localhost.
 */
function appArmorProfile(pod: PodView): void {
  if (pod.v133) {
    const podProfile = asObj(pod.podSc?.appArmorProfile);
    if (podProfile !== undefined && !validAppArmorType(podProfile.type)) {
      report(
        pod,
        'appArmorProfile',
        'spec.securityContext.appArmorProfile.type',
        podProfile.type,
        'forbidden AppArmor profile: pod must not set securityContext.appArmorProfile.type to anything but "RuntimeDefault" or "Localhost"',
        'Set spec.securityContext.appArmorProfile.type to RuntimeDefault (or Localhost with localhostProfile).',
      );
    }
    for (const c of pod.containers) {
      const profile = asObj(c.sc?.appArmorProfile);
      if (profile !== undefined && !validAppArmorType(profile.type)) {
        report(
          pod,
          'appArmorProfile',
          `${c.path}.securityContext.appArmorProfile.type`,
          profile.type,
          `forbidden AppArmor profile: ${named(c)} must not set securityContext.appArmorProfile.type to anything but "RuntimeDefault" or "Localhost"`,
          `Set securityContext.appArmorProfile.type of container '${c.label}' to RuntimeDefault, or remove it.`,
        );
      }
    }
  }
  for (const key in pod.annotations) {
    if (!key.startsWith(APPARMOR_PREFIX)) continue;
    const value = pod.annotations[key];
    if (
      typeof value === 'string' &&
      (value === '' || value === 'runtime/default' || value.startsWith('localhost/'))
    ) {
      continue;
    }
    report(
      pod,
      'appArmorProfile',
      `metadata.annotations[${key}]`,
      value,
      'forbidden AppArmor profile: only "runtime/default", "localhost/<profile>" or empty are allowed',
      `Set annotation '${key}' to 'runtime/default' (or 'localhost/<profile>'), or remove it.`,
    );
  }
}

// selinux_allowed_types_1_0; the empty string means "unset".
const SELINUX_TYPES: ReadonlySet<unknown> = new Set([
  '',
  'container_t',
  'container_init_t',
  'container_kvm_t',
]);

function checkSeLinux(pod: PodView, scPath: string, who: string, fixWho: string, sc: Obj | undefined): void {
  const opts = asObj(sc?.seLinuxOptions);
  if (opts === undefined) return;
  if (isSet(opts.type) && !SELINUX_TYPES.has(opts.type)) {
    report(
      pod,
      'seLinuxOptions',
      `${scPath}.seLinuxOptions.type`,
      opts.type,
      `seLinuxOptions: ${who} set forbidden securityContext.seLinuxOptions: type must be container_t, container_init_t or container_kvm_t`,
      `Remove seLinuxOptions.type from ${fixWho} or set it to container_t.`,
    );
  }
  for (const field of ['user', 'role'] as const) {
    const value = opts[field];
    if (isSet(value) && value !== '') {
      report(
        pod,
        'seLinuxOptions',
        `${scPath}.seLinuxOptions.${field}`,
        value,
        `seLinuxOptions: ${who} set forbidden securityContext.seLinuxOptions: ${field} may not be set`,
        `Remove seLinuxOptions.${field} from ${fixWho}.`,
      );
    }
  }
}

/** seLinuxOptions 1.0: type from the allow-list, user and role empty, at pod and container level. */
function seLinuxOptions(pod: PodView): void {
  checkSeLinux(pod, 'spec.securityContext', 'pod', 'spec.securityContext', pod.podSc);
  for (const c of pod.containers) {
    checkSeLinux(pod, `${c.path}.securityContext`, named(c), `container '${c.label}'`, c.sc);
  }
}

/**
 * procMount 1.0: securityContext.procMount must be unset or Default. Policy 1.30 lets a Pod in a user namespace
 * unmask /proc only behind the UserNamespacesPodSecurityStandards gate, off in 1.33: v1.33.3 refuses Unmasked with
 * `hostUsers: false` at restricted (measured).
 */
function procMount(pod: PodView): void {
  // 1.28 drops procMount before admission (ProcMountType is alpha, off): Pod Security never sees it. Measured on
  // kube-apiserver 1.28.7 (Unmasked accepted under baseline and restricted) and 1.33.3 (refused).
  if (pod.version === '1.28') return;
  for (const c of pod.containers) {
    const value = c.sc?.procMount;
    if (isSet(value) && value !== 'Default') {
      report(
        pod,
        'procMount',
        `${c.path}.securityContext.procMount`,
        value,
        `procMount: ${named(c)} must not set securityContext.procMount to anything but "Default"`,
        `Remove securityContext.procMount from container '${c.label}' (or set it to Default).`,
      );
    }
  }
}

function validSeccompType(type: unknown): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

const SECCOMP_FIX = 'RuntimeDefault (or Localhost with localhostProfile)';

/** seccompProfile_baseline 1.19: an explicit seccompProfile must be RuntimeDefault or Localhost. */
function seccompProfileBaseline(pod: PodView): void {
  const podProfile = asObj(pod.podSc?.seccompProfile);
  if (podProfile !== undefined && !validSeccompType(podProfile.type)) {
    report(
      pod,
      'seccompProfile_baseline',
      'spec.securityContext.seccompProfile.type',
      podProfile.type,
      'seccompProfile: pod must not set securityContext.seccompProfile.type to anything but "RuntimeDefault" or "Localhost"',
      `Set spec.securityContext.seccompProfile.type to ${SECCOMP_FIX}.`,
    );
  }
  for (const c of pod.containers) {
    const profile = asObj(c.sc?.seccompProfile);
    if (profile !== undefined && !validSeccompType(profile.type)) {
      report(
        pod,
        'seccompProfile_baseline',
        `${c.path}.securityContext.seccompProfile.type`,
        profile.type,
        `seccompProfile: ${named(c)} must not set securityContext.seccompProfile.type to anything but "RuntimeDefault" or "Localhost"`,
        `Set securityContext.seccompProfile.type of container '${c.label}' to ${SECCOMP_FIX}, or remove it to inherit the Pod's.`,
      );
    }
  }
}

// sysctlsAllowedV1Dot27: the newest entry <= 1.28 (the tcp_keepalive_* and tcp_fin_timeout ones came in 1.29).
const SAFE_SYSCTLS_1_28 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
];
// sysctlsAllowedV1Dot32: 1.29 added the TCP keepalive and fin timeout sysctls, 1.32 tcp_rmem and tcp_wmem.
const SAFE_SYSCTLS_1_33 = [
  ...SAFE_SYSCTLS_1_28,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
];
const SAFE_SYSCTLS = {
  '1.28': { names: new Set<unknown>(SAFE_SYSCTLS_1_28), text: SAFE_SYSCTLS_1_28.join(', ') },
  '1.33': { names: new Set<unknown>(SAFE_SYSCTLS_1_33), text: SAFE_SYSCTLS_1_33.join(', ') },
} as const;

/** sysctls 1.27 / 1.32: spec.securityContext.sysctls may only name the safe set of the policy version. */
function sysctls(pod: PodView): void {
  const list = asList(pod.podSc?.sysctls);
  const safe = SAFE_SYSCTLS[pod.v133 ? '1.33' : '1.28'];
  for (let i = 0; i < list.length; i++) {
    const name = asObj(list[i])?.name;
    if (!safe.names.has(name)) {
      report(
        pod,
        'sysctls',
        `spec.securityContext.sysctls[${i}].name`,
        name,
        'forbidden sysctls: only sysctls that are namespaced and isolated per Pod are allowed',
        `Remove this sysctl from spec.securityContext.sysctls (tune it on the node instead); safe at ${pod.v133 ? '1.33' : '1.28'}: ${safe.text}.`,
      );
    }
  }
}

function checkHostProcess(
  pod: PodView,
  scPath: string,
  who: string,
  fixWho: string,
  sc: Obj | undefined,
): void {
  const value = asObj(sc?.windowsOptions)?.hostProcess;
  if (isSet(value) && value !== false) {
    report(
      pod,
      'windowsHostProcess',
      `${scPath}.windowsOptions.hostProcess`,
      value,
      `hostProcess: ${who} must not set securityContext.windowsOptions.hostProcess=true`,
      `Remove windowsOptions.hostProcess from ${fixWho} (or set it to false).`,
    );
  }
}

/** windowsHostProcess 1.0: windowsOptions.hostProcess must be unset or false, at pod and container level. */
function windowsHostProcess(pod: PodView): void {
  checkHostProcess(pod, 'spec.securityContext', 'pod', 'spec.securityContext', pod.podSc);
  for (const c of pod.containers) {
    checkHostProcess(pod, `${c.path}.securityContext`, named(c), `container '${c.label}'`, c.sc);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Restricted

// The volume types restricted allows; upstream admits a volume as soon as one of these is non-nil.
const ALLOWED_VOLUME_TYPES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
] as const;
const ALLOWED_VOLUME_TYPES_TEXT = ALLOWED_VOLUME_TYPES.join(', ');

// Upstream's switch order, so a volume naming several types reports the same one upstream would.
const RESTRICTED_VOLUME_TYPES = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
] as const;

/** The field that makes `volume` restricted: a known restricted type, else any other source (upstream's "unknown"). */
function restrictedVolumeField(volume: Obj): string | undefined {
  for (const type of RESTRICTED_VOLUME_TYPES) {
    if (isSet(volume[type])) return type;
  }
  for (const key in volume) {
    if (key !== 'name' && isSet(volume[key])) return key;
  }
  return undefined;
}

/** restrictedVolumes 1.0: only the allowed volume types; replaces hostPathVolumes at restricted. */
function restrictedVolumes(pod: PodView): void {
  for (const { index, name, volume } of volumes(pod)) {
    if (ALLOWED_VOLUME_TYPES.some((type) => isSet(volume[type]))) continue;
    const type = restrictedVolumeField(volume);
    // A volume with no source is defaulted to an emptyDir before Pod Security looks at it (SetDefaults_Volume).
    if (type === undefined) continue;
    // An image volume (ImageVolume, beta but off by default in 1.33) is dropped before Pod Security looks at it:
    // v1.33.3 admits one at restricted (measured); 1.28 does not know the field at all.
    if (type === 'image' && pod.v133) continue;
    report(
      pod,
      'restrictedVolumes',
      `spec.volumes[${index}].${type}`,
      volume[type],
      `restricted volume types: volume "${name}" uses restricted volume type "${type}"`,
      `Make volume '${name}' one of ${ALLOWED_VOLUME_TYPES_TEXT}; reach other storage through a persistentVolumeClaim.`,
    );
  }
}

/** allowPrivilegeEscalation 1.25: every container must set it to false; Windows Pods are exempt. */
function allowPrivilegeEscalation(pod: PodView): void {
  if (pod.windows) return;
  for (const c of pod.containers) {
    const value = c.sc?.allowPrivilegeEscalation;
    if (value !== false) {
      report(
        pod,
        'allowPrivilegeEscalation',
        `${c.path}.securityContext.allowPrivilegeEscalation`,
        value,
        `allowPrivilegeEscalation != false: ${named(c)} must set securityContext.allowPrivilegeEscalation=false`,
        `Set securityContext.allowPrivilegeEscalation: false on container '${c.label}'.`,
      );
    }
  }
}

/**
 * Shared shape of runAsNonRoot and seccompProfile_restricted: the Pod-level value covers containers that leave
 * the field unset. Explicit bad values are reported where they are set. Containers left uncovered are reported
 * at the Pod field when no container sets a good value (one fix covers them all), else each at its own field.
 */
interface InheritedRule {
  readonly check: string;
  /** Path below a securityContext, e.g. `runAsNonRoot` or `seccompProfile.type`. */
  readonly field: string;
  /** The value at that field, or undefined when unset; `set` tells a missing field from a malformed one. */
  readonly read: (sc: Obj | undefined) => { readonly set: boolean; readonly value: unknown };
  readonly good: (value: unknown) => boolean;
  readonly reason: string;
  readonly mustNot: string;
  readonly must: string;
  readonly fixPod: string;
  readonly fixContainer: (c: ContainerRef) => string;
}

function checkInherited(pod: PodView, rule: InheritedRule): void {
  const podField = rule.read(pod.podSc);
  const podGood = podField.set && rule.good(podField.value);
  if (podField.set && !podGood) {
    report(
      pod,
      rule.check,
      `spec.securityContext.${rule.field}`,
      podField.value,
      `${rule.reason}: pod ${rule.mustNot}`,
      rule.fixPod,
    );
  }
  let anyContainerGood = false;
  const uncovered: ContainerRef[] = [];
  for (const c of pod.containers) {
    const own = rule.read(c.sc);
    if (!own.set) {
      if (!podGood) uncovered.push(c);
    } else if (rule.good(own.value)) {
      anyContainerGood = true;
    } else {
      report(
        pod,
        rule.check,
        `${c.path}.securityContext.${rule.field}`,
        own.value,
        `${rule.reason}: ${named(c)} ${rule.mustNot}`,
        rule.fixContainer(c),
      );
    }
  }
  // A bad Pod-level value was already reported, and fixing it also covers the containers that inherit it.
  if (uncovered.length === 0 || podField.set) return;
  if (!anyContainerGood) {
    const names = uncovered.map((c) => `"${c.label}"`).join(', ');
    const noun = uncovered.length === 1 ? 'container' : 'containers';
    report(
      pod,
      rule.check,
      `spec.securityContext.${rule.field}`,
      undefined,
      `${rule.reason}: pod or ${noun} ${names} ${rule.must}`,
      rule.fixPod,
    );
    return;
  }
  for (const c of uncovered) {
    report(
      pod,
      rule.check,
      `${c.path}.securityContext.${rule.field}`,
      undefined,
      `${rule.reason}: pod or ${named(c)} ${rule.must}`,
      rule.fixContainer(c),
    );
  }
}

const RUN_AS_NON_ROOT: InheritedRule = {
  check: 'runAsNonRoot',
  field: 'runAsNonRoot',
  read: (sc) => {
    const value = sc?.runAsNonRoot;
    return { set: isSet(value), value };
  },
  good: (value) => value === true,
  reason: 'runAsNonRoot != true',
  mustNot: 'must not set securityContext.runAsNonRoot=false',
  must: 'must set securityContext.runAsNonRoot=true',
  fixPod:
    'Set spec.securityContext.runAsNonRoot: true, with runAsUser set to a non-zero UID (e.g. 65534) if the image defaults to root.',
  fixContainer: (c) => `Set securityContext.runAsNonRoot: true on container '${c.label}'.`,
};

const SECCOMP_RESTRICTED: InheritedRule = {
  check: 'seccompProfile_restricted',
  field: 'seccompProfile.type',
  read: (sc) => {
    const profile = asObj(sc?.seccompProfile);
    return { set: profile !== undefined, value: profile?.type };
  },
  good: validSeccompType,
  reason: 'seccompProfile',
  mustNot: 'must not set securityContext.seccompProfile.type to anything but "RuntimeDefault" or "Localhost"',
  must: 'must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
  fixPod: `Set spec.securityContext.seccompProfile.type: ${SECCOMP_FIX}.`,
  fixContainer: (c) => `Set securityContext.seccompProfile.type: ${SECCOMP_FIX} on container '${c.label}'.`,
};

/** runAsNonRoot 1.0: true at pod level or on every container, and false nowhere. */
function runAsNonRoot(pod: PodView): void {
  checkInherited(pod, RUN_AS_NON_ROOT);
}

function checkRunAsUser(
  pod: PodView,
  scPath: string,
  who: string,
  fixWho: string,
  sc: Obj | undefined,
): void {
  const value = sc?.runAsUser;
  // Upstream forbids only 0; a value that is not a number at all cannot be shown to be non-root either.
  if (isSet(value) && (value === 0 || typeof value !== 'number')) {
    report(
      pod,
      'runAsUser',
      `${scPath}.runAsUser`,
      value,
      `runAsUser=0: ${who} must not set runAsUser=0`,
      `Set runAsUser on ${fixWho} to a non-zero UID such as 65534, or remove it.`,
    );
  }
}

/** runAsUser 1.23: no pod or container may set runAsUser=0. */
function runAsUser(pod: PodView): void {
  checkRunAsUser(pod, 'spec.securityContext', 'pod', 'spec.securityContext', pod.podSc);
  for (const c of pod.containers) {
    checkRunAsUser(pod, `${c.path}.securityContext`, named(c), `container '${c.label}'`, c.sc);
  }
}

/** seccompProfile_restricted 1.25: RuntimeDefault or Localhost at pod level or on every container; Windows exempt. */
function seccompProfileRestricted(pod: PodView): void {
  if (pod.windows) return;
  checkInherited(pod, SECCOMP_RESTRICTED);
}

/** capabilities_restricted 1.25: drop must include ALL, add only NET_BIND_SERVICE; Windows Pods are exempt. */
function capabilitiesRestricted(pod: PodView): void {
  if (pod.windows) return;
  for (const c of pod.containers) {
    const caps = asObj(c.sc?.capabilities);
    const drop = caps?.drop;
    if (!asList(drop).includes('ALL')) {
      report(
        pod,
        'capabilities_restricted',
        `${c.path}.securityContext.capabilities.drop`,
        drop,
        `unrestricted capabilities: ${named(c)} must set securityContext.capabilities.drop=["ALL"]`,
        `Set securityContext.capabilities.drop: [ALL] on container '${c.label}'.`,
      );
    }
    const add = asList(caps?.add);
    for (let j = 0; j < add.length; j++) {
      if (add[j] !== 'NET_BIND_SERVICE') {
        report(
          pod,
          'capabilities_restricted',
          `${c.path}.securityContext.capabilities.add[${j}]`,
          add[j],
          `unrestricted capabilities: ${named(c)} must not include this capability in securityContext.capabilities.add`,
          `Remove it from securityContext.capabilities.add of container '${c.label}'; restricted allows adding only NET_BIND_SERVICE.`,
        );
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Levels

type Check = (pod: PodView) => void;

const BASELINE_CHECKS: readonly Check[] = [
  hostNamespaces,
  privileged,
  capabilitiesBaseline,
  hostPathVolumes,
  hostPorts,
  appArmorProfile,
  seLinuxOptions,
  procMount,
  seccompProfileBaseline,
  sysctls,
  windowsHostProcess,
];

// Upstream's OverrideCheckIDs: at restricted, restrictedVolumes replaces hostPathVolumes, capabilities_restricted
// replaces capabilities_baseline and seccompProfile_restricted replaces seccompProfile_baseline.
const RESTRICTED_CHECKS: readonly Check[] = [
  hostNamespaces,
  privileged,
  hostPorts,
  appArmorProfile,
  seLinuxOptions,
  procMount,
  sysctls,
  windowsHostProcess,
  restrictedVolumes,
  allowPrivilegeEscalation,
  runAsNonRoot,
  runAsUser,
  seccompProfileRestricted,
  capabilitiesRestricted,
];

/**
 * Pod Security Standards violations of `pod` at `level`, at the policy version of `version` (1.28 or 1.33).
 * `privileged` returns []. Never throws.
 */
export function checkPodSecurity(
  pod: Record<string, unknown>,
  level: Profile,
  ref: ObjectRef,
  version: KubeVersion = DEFAULT_KUBE_VERSION,
): Violation[] {
  const checks =
    level === 'restricted' ? RESTRICTED_CHECKS : level === 'baseline' ? BASELINE_CHECKS : undefined;
  if (checks === undefined) return [];
  const root = asObj(pod) ?? EMPTY_OBJ;
  const spec = asObj(root.spec) ?? EMPTY_OBJ;
  const view: PodView = {
    ref,
    annotations: asObj(asObj(root.metadata)?.annotations) ?? EMPTY_OBJ,
    spec,
    podSc: asObj(spec.securityContext),
    containers: collectContainers(spec),
    windows: asObj(spec.os)?.name === 'windows',
    version,
    v133: atLeast(version, '1.33'),
    out: [],
  };
  for (const check of checks) check(view);
  return view.out;
}
