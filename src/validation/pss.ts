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

/**
 * One container as the checks see it, in upstream's visiting order. Its path and label are strings only a report
 * needs, so they are built when one is made (`pathOf`, `labelOf`): a Pod that passes builds none.
 */
interface ContainerRef {
  /** The list it is in: `containers` for `spec.containers[0]`. */
  readonly field: (typeof CONTAINER_FIELDS)[number];
  /** Its index in that list. */
  readonly index: number;
  /** Its securityContext; undefined when unset or malformed. */
  readonly sc: Obj | undefined;
  readonly container: Obj;
}

/** `spec.containers[0]` */
function pathOf(c: ContainerRef): string {
  return `spec.${c.field}[${c.index}]`;
}

/** What messages call a container: its name, or its path when it has none. */
function labelOf(c: ContainerRef): string {
  const name = c.container.name;
  return typeof name === 'string' && name !== '' ? name : pathOf(c);
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
  for (let j = 0; j < CONTAINER_FIELDS.length; j++) {
    const field = CONTAINER_FIELDS[j];
    const list = asList(spec[field]);
    for (let i = 0; i < list.length; i++) {
      // A null or malformed entry decodes to a zero-value container upstream, so it is kept with no fields.
      const container = asObj(list[i]) ?? EMPTY_OBJ;
      refs.push({ field, index: i, sc: asObj(container.securityContext), container });
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
  return `container "${labelOf(c)}"`;
}

// Pod-level and container-level checks share one function each; `c` is undefined for the Pod's securityContext.
// The three texts below are only built when such a check reports.

/** `spec.securityContext`, or `spec.containers[0].securityContext`. */
function scPathOf(c: ContainerRef | undefined): string {
  return c ? `${pathOf(c)}.securityContext` : 'spec.securityContext';
}

/** Who the message names: `pod` or `container "app"`. */
function whoOf(c: ContainerRef | undefined): string {
  return c ? named(c) : 'pod';
}

/** Where the fix points: `spec.securityContext` or `container 'app'`. */
function fixWhoOf(c: ContainerRef | undefined): string {
  return c ? `container '${labelOf(c)}'` : 'spec.securityContext';
}

// ---------------------------------------------------------------------------------------------------------
// Baseline

const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/** hostNamespaces 1.0: spec.hostNetwork, hostPID and hostIPC must be unset or false. */
function hostNamespaces(pod: PodView): void {
  for (let i = 0; i < HOST_NAMESPACES.length; i++) {
    const field = HOST_NAMESPACES[i];
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
  for (let i = 0; i < pod.containers.length; i++) {
    const c = pod.containers[i];
    const value = c.sc?.privileged;
    if (isSet(value) && value !== false) {
      report(
        pod,
        'privileged',
        `${pathOf(c)}.securityContext.privileged`,
        value,
        `privileged: ${named(c)} must not set securityContext.privileged=true`,
        `Remove securityContext.privileged from container '${labelOf(c)}' (or set it to false).`,
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
  for (let i = 0; i < pod.containers.length; i++) {
    const c = pod.containers[i];
    const add = asList(asObj(c.sc?.capabilities)?.add);
    for (let j = 0; j < add.length; j++) {
      if (!BASELINE_CAPABILITIES.has(add[j])) {
        report(
          pod,
          'capabilities_baseline',
          `${pathOf(c)}.securityContext.capabilities.add[${j}]`,
          add[j],
          `non-default capabilities: ${named(c)} must not include this capability in securityContext.capabilities.add`,
          `Remove it from securityContext.capabilities.add of container '${labelOf(c)}'; baseline allows only ${BASELINE_CAPABILITIES_TEXT}.`,
        );
      }
    }
  }
}

/** What messages call the volume at `index`: its name, or `#index` when it has none. */
function volumeName(volume: Obj, index: number): string {
  return typeof volume.name === 'string' && volume.name !== '' ? volume.name : `#${index}`;
}

/** hostPathVolumes 1.0: no volume may be a hostPath. Overridden by restrictedVolumes at restricted. */
function hostPathVolumes(pod: PodView): void {
  const list = asList(pod.spec.volumes);
  for (let index = 0; index < list.length; index++) {
    const volume = asObj(list[index]) ?? EMPTY_OBJ;
    if (isSet(volume.hostPath)) {
      const name = volumeName(volume, index);
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
  for (let i = 0; i < pod.containers.length; i++) {
    const c = pod.containers[i];
    const ports = asList(c.container.ports);
    for (let j = 0; j < ports.length; j++) {
      const hostPort = asObj(ports[j])?.hostPort;
      if (isSet(hostPort) && hostPort !== 0) {
        report(
          pod,
          'hostPorts',
          `${pathOf(c)}.ports[${j}].hostPort`,
          hostPort,
          `hostPort: ${named(c)} must not use a hostPort`,
          `Remove hostPort from ports[${j}] of container '${labelOf(c)}' and expose the port through a Service.`,
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
    for (let i = 0; i < pod.containers.length; i++) {
      const c = pod.containers[i];
      const profile = asObj(c.sc?.appArmorProfile);
      if (profile !== undefined && !validAppArmorType(profile.type)) {
        report(
          pod,
          'appArmorProfile',
          `${pathOf(c)}.securityContext.appArmorProfile.type`,
          profile.type,
          `forbidden AppArmor profile: ${named(c)} must not set securityContext.appArmorProfile.type to anything but "RuntimeDefault" or "Localhost"`,
          `Set securityContext.appArmorProfile.type of container '${labelOf(c)}' to RuntimeDefault, or remove it.`,
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

function checkSeLinux(pod: PodView, c: ContainerRef | undefined, sc: Obj | undefined): void {
  const opts = asObj(sc?.seLinuxOptions);
  if (opts === undefined) return;
  if (isSet(opts.type) && !SELINUX_TYPES.has(opts.type)) {
    report(
      pod,
      'seLinuxOptions',
      `${scPathOf(c)}.seLinuxOptions.type`,
      opts.type,
      `seLinuxOptions: ${whoOf(c)} set forbidden securityContext.seLinuxOptions: type must be container_t, container_init_t or container_kvm_t`,
      `Remove seLinuxOptions.type from ${fixWhoOf(c)} or set it to container_t.`,
    );
  }
  for (const field of ['user', 'role'] as const) {
    const value = opts[field];
    if (isSet(value) && value !== '') {
      report(
        pod,
        'seLinuxOptions',
        `${scPathOf(c)}.seLinuxOptions.${field}`,
        value,
        `seLinuxOptions: ${whoOf(c)} set forbidden securityContext.seLinuxOptions: ${field} may not be set`,
        `Remove seLinuxOptions.${field} from ${fixWhoOf(c)}.`,
      );
    }
  }
}

/** seLinuxOptions 1.0: type from the allow-list, user and role empty, at pod and container level. */
function seLinuxOptions(pod: PodView): void {
  checkSeLinux(pod, undefined, pod.podSc);
  for (let i = 0; i < pod.containers.length; i++) {
    const c = pod.containers[i];
    checkSeLinux(pod, c, c.sc);
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
  for (let i = 0; i < pod.containers.length; i++) {
    const c = pod.containers[i];
    const value = c.sc?.procMount;
    if (isSet(value) && value !== 'Default') {
      report(
        pod,
        'procMount',
        `${pathOf(c)}.securityContext.procMount`,
        value,
        `procMount: ${named(c)} must not set securityContext.procMount to anything but "Default"`,
        `Remove securityContext.procMount from container '${labelOf(c)}' (or set it to Default).`,
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
  for (let i = 0; i < pod.containers.length; i++) {
    const c = pod.containers[i];
    const profile = asObj(c.sc?.seccompProfile);
    if (profile !== undefined && !validSeccompType(profile.type)) {
      report(
        pod,
        'seccompProfile_baseline',
        `${pathOf(c)}.securityContext.seccompProfile.type`,
        profile.type,
        `seccompProfile: ${named(c)} must not set securityContext.seccompProfile.type to anything but "RuntimeDefault" or "Localhost"`,
        `Set securityContext.seccompProfile.type of container '${labelOf(c)}' to ${SECCOMP_FIX}, or remove it to inherit the Pod's.`,
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

function checkHostProcess(pod: PodView, c: ContainerRef | undefined, sc: Obj | undefined): void {
  const value = asObj(sc?.windowsOptions)?.hostProcess;
  if (isSet(value) && value !== false) {
    report(
      pod,
      'windowsHostProcess',
      `${scPathOf(c)}.windowsOptions.hostProcess`,
      value,
      `hostProcess: ${whoOf(c)} must not set securityContext.windowsOptions.hostProcess=true`,
      `Remove windowsOptions.hostProcess from ${fixWhoOf(c)} (or set it to false).`,
    );
  }
}

/** windowsHostProcess 1.0: windowsOptions.hostProcess must be unset or false, at pod and container level. */
function windowsHostProcess(pod: PodView): void {
  checkHostProcess(pod, undefined, pod.podSc);
  for (let i = 0; i < pod.containers.length; i++) {
    const c = pod.containers[i];
    checkHostProcess(pod, c, c.sc);
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

/** Whether `volume` sets one of the types restricted allows. */
function hasAllowedType(volume: Obj): boolean {
  for (let i = 0; i < ALLOWED_VOLUME_TYPES.length; i++) {
    const type = ALLOWED_VOLUME_TYPES[i];
    if (isSet(volume[type])) return true;
  }
  return false;
}

/** The field that makes `volume` restricted: a known restricted type, else any other source (upstream's "unknown"). */
function restrictedVolumeField(volume: Obj): string | undefined {
  for (let i = 0; i < RESTRICTED_VOLUME_TYPES.length; i++) {
    const type = RESTRICTED_VOLUME_TYPES[i];
    if (isSet(volume[type])) return type;
  }
  for (const key in volume) {
    if (key !== 'name' && isSet(volume[key])) return key;
  }
  return undefined;
}

/** restrictedVolumes 1.0: only the allowed volume types; replaces hostPathVolumes at restricted. */
function restrictedVolumes(pod: PodView): void {
  const list = asList(pod.spec.volumes);
  for (let index = 0; index < list.length; index++) {
    const volume = asObj(list[index]) ?? EMPTY_OBJ;
    if (hasAllowedType(volume)) continue;
    const type = restrictedVolumeField(volume);
    // A volume with no source is defaulted to an emptyDir before Pod Security looks at it (SetDefaults_Volume).
    if (type === undefined) continue;
    // An image volume (ImageVolume, beta but off by default in 1.33) is dropped before Pod Security looks at it:
    // v1.33.3 admits one at restricted (measured); 1.28 does not know the field at all.
    if (type === 'image' && pod.v133) continue;
    const name = volumeName(volume, index);
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
  for (let i = 0; i < pod.containers.length; i++) {
    const c = pod.containers[i];
    const value = c.sc?.allowPrivilegeEscalation;
    if (value !== false) {
      report(
        pod,
        'allowPrivilegeEscalation',
        `${pathOf(c)}.securityContext.allowPrivilegeEscalation`,
        value,
        `allowPrivilegeEscalation != false: ${named(c)} must set securityContext.allowPrivilegeEscalation=false`,
        `Set securityContext.allowPrivilegeEscalation: false on container '${labelOf(c)}'.`,
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
  /** Whether the field is set in `sc`, which tells a missing field from a malformed one. */
  readonly isSetIn: (sc: Obj | undefined) => boolean;
  /** The value at that field, or undefined when unset. */
  readonly read: (sc: Obj | undefined) => unknown;
  readonly good: (value: unknown) => boolean;
  readonly reason: string;
  readonly mustNot: string;
  readonly must: string;
  readonly fixPod: string;
  readonly fixContainer: (c: ContainerRef) => string;
}

function checkInherited(pod: PodView, rule: InheritedRule): void {
  const podSet = rule.isSetIn(pod.podSc);
  const podValue = rule.read(pod.podSc);
  const podGood = podSet && rule.good(podValue);
  if (podSet && !podGood) {
    report(
      pod,
      rule.check,
      `spec.securityContext.${rule.field}`,
      podValue,
      `${rule.reason}: pod ${rule.mustNot}`,
      rule.fixPod,
    );
  }
  let anyContainerGood = false;
  // Allocated only when a container is left uncovered, which a passing Pod never has.
  let uncovered: ContainerRef[] | undefined;
  for (let i = 0; i < pod.containers.length; i++) {
    const c = pod.containers[i];
    if (!rule.isSetIn(c.sc)) {
      if (!podGood) (uncovered ??= []).push(c);
    } else if (rule.good(rule.read(c.sc))) {
      anyContainerGood = true;
    } else {
      report(
        pod,
        rule.check,
        `${pathOf(c)}.securityContext.${rule.field}`,
        rule.read(c.sc),
        `${rule.reason}: ${named(c)} ${rule.mustNot}`,
        rule.fixContainer(c),
      );
    }
  }
  // A bad Pod-level value was already reported, and fixing it also covers the containers that inherit it.
  if (uncovered === undefined || podSet) return;
  if (!anyContainerGood) {
    const names = uncovered.map((c) => `"${labelOf(c)}"`).join(', ');
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
  for (let i = 0; i < uncovered.length; i++) {
    const c = uncovered[i];
    report(
      pod,
      rule.check,
      `${pathOf(c)}.securityContext.${rule.field}`,
      undefined,
      `${rule.reason}: pod or ${named(c)} ${rule.must}`,
      rule.fixContainer(c),
    );
  }
}

const RUN_AS_NON_ROOT: InheritedRule = {
  check: 'runAsNonRoot',
  field: 'runAsNonRoot',
  isSetIn: (sc) => isSet(sc?.runAsNonRoot),
  read: (sc) => sc?.runAsNonRoot,
  good: (value) => value === true,
  reason: 'runAsNonRoot != true',
  mustNot: 'must not set securityContext.runAsNonRoot=false',
  must: 'must set securityContext.runAsNonRoot=true',
  fixPod:
    'Set spec.securityContext.runAsNonRoot: true, with runAsUser set to a non-zero UID (e.g. 65534) if the image defaults to root.',
  fixContainer: (c) => `Set securityContext.runAsNonRoot: true on container '${labelOf(c)}'.`,
};

const SECCOMP_RESTRICTED: InheritedRule = {
  check: 'seccompProfile_restricted',
  field: 'seccompProfile.type',
  isSetIn: (sc) => asObj(sc?.seccompProfile) !== undefined,
  read: (sc) => asObj(sc?.seccompProfile)?.type,
  good: validSeccompType,
  reason: 'seccompProfile',
  mustNot: 'must not set securityContext.seccompProfile.type to anything but "RuntimeDefault" or "Localhost"',
  must: 'must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
  fixPod: `Set spec.securityContext.seccompProfile.type: ${SECCOMP_FIX}.`,
  fixContainer: (c) =>
    `Set securityContext.seccompProfile.type: ${SECCOMP_FIX} on container '${labelOf(c)}'.`,
};

/** runAsNonRoot 1.0: true at pod level or on every container, and false nowhere. */
function runAsNonRoot(pod: PodView): void {
  checkInherited(pod, RUN_AS_NON_ROOT);
}

function checkRunAsUser(pod: PodView, c: ContainerRef | undefined, sc: Obj | undefined): void {
  const value = sc?.runAsUser;
  // Upstream forbids only 0; a value that is not a number at all cannot be shown to be non-root either.
  if (isSet(value) && (value === 0 || typeof value !== 'number')) {
    report(
      pod,
      'runAsUser',
      `${scPathOf(c)}.runAsUser`,
      value,
      `runAsUser=0: ${whoOf(c)} must not set runAsUser=0`,
      `Set runAsUser on ${fixWhoOf(c)} to a non-zero UID such as 65534, or remove it.`,
    );
  }
}

/** runAsUser 1.23: no pod or container may set runAsUser=0. */
function runAsUser(pod: PodView): void {
  checkRunAsUser(pod, undefined, pod.podSc);
  for (let i = 0; i < pod.containers.length; i++) {
    const c = pod.containers[i];
    checkRunAsUser(pod, c, c.sc);
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
  for (let i = 0; i < pod.containers.length; i++) {
    const c = pod.containers[i];
    const caps = asObj(c.sc?.capabilities);
    const drop = caps?.drop;
    if (!asList(drop).includes('ALL')) {
      report(
        pod,
        'capabilities_restricted',
        `${pathOf(c)}.securityContext.capabilities.drop`,
        drop,
        `unrestricted capabilities: ${named(c)} must set securityContext.capabilities.drop=["ALL"]`,
        `Set securityContext.capabilities.drop: [ALL] on container '${labelOf(c)}'.`,
      );
    }
    const add = asList(caps?.add);
    for (let j = 0; j < add.length; j++) {
      if (add[j] !== 'NET_BIND_SERVICE') {
        report(
          pod,
          'capabilities_restricted',
          `${pathOf(c)}.securityContext.capabilities.add[${j}]`,
          add[j],
          `unrestricted capabilities: ${named(c)} must not include this capability in securityContext.capabilities.add`,
          `Remove it from securityContext.capabilities.add of container '${labelOf(c)}'; restricted allows adding only NET_BIND_SERVICE.`,
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
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i];
    check(view);
  }
  return view.out;
}
