import * as kubeVersionModule from '../../kube-version';
import type { Ctx, Json } from './context';
import * as contextModule from './context';
import * as formatsModule from './formats';

// Bound once, like the sibling functions below: a call through the CommonJS export getter costs a lookup each time.
const { atLeast } = kubeVersionModule;

// Functions of sibling modules are bound once here: run through tsx (CommonJS), every `import { f }` call
// otherwise goes through an export getter, which cost a fifth of validation time (docs/performance.md).
const { arr, int64, obj, optStr, str, supported, item } = contextModule;
const { dns1123Subdomain, qualifiedName } = formatsModule;

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const OS_NAMES = ['linux', 'windows'];
const INT32_MAX = 2147483647;
// Pod security context fields validateWindows forbids on a Windows Pod.
const WINDOWS_FORBIDDEN_POD = [
  'seLinuxOptions',
  'seccompProfile',
  'fsGroup',
  'fsGroupChangePolicy',
  'sysctls',
  'runAsUser',
  'runAsGroup',
  'supplementalGroups',
];
const WINDOWS_FORBIDDEN_CONTAINER = [
  'seLinuxOptions',
  'seccompProfile',
  'capabilities',
  'readOnlyRootFilesystem',
  'privileged',
  'allowPrivilegeEscalation',
  'procMount',
  'runAsUser',
  'runAsGroup',
];

// 1.33 adds the fields that came after 1.28.
const WINDOWS_FORBIDDEN_POD_1_33 = [
  ...WINDOWS_FORBIDDEN_POD,
  'appArmorProfile',
  'supplementalGroupsPolicy',
  'seLinuxChangePolicy',
];
const WINDOWS_FORBIDDEN_CONTAINER_1_33 = [...WINDOWS_FORBIDDEN_CONTAINER, 'appArmorProfile'];

function dnsSubdomainField(ctx: Ctx, spec: Json, field: string, rule: string, fix: string): void {
  const v = str(spec[field]);
  if (!v) return;
  const msg = dns1123Subdomain(v);
  if (msg) ctx.add(`spec.${field}`, v, rule, msg, fix);
}

/** The scalar PodSpec fields of ValidatePodSpec and ValidatePodCreate (1.28). */
export function validatePodFields(ctx: Ctx, spec: Json): void {
  const restart = str(spec.restartPolicy);
  // An empty restartPolicy is defaulted to Always.
  if (restart && !RESTART_POLICIES.includes(restart)) {
    ctx.add(
      'spec.restartPolicy',
      restart,
      'pod.restartPolicy.unsupported',
      supported(RESTART_POLICIES),
      'Use Always, OnFailure or Never.',
    );
  }
  dnsSubdomainField(
    ctx,
    spec,
    'serviceAccountName',
    'pod.serviceAccountName.dns1123Subdomain',
    'Use the name of a ServiceAccount, e.g. "default".',
  );
  dnsSubdomainField(
    ctx,
    spec,
    'nodeName',
    'pod.nodeName.dns1123Subdomain',
    'Use a node name, or leave nodeName to the scheduler.',
  );
  dnsSubdomainField(
    ctx,
    spec,
    'priorityClassName',
    'pod.priorityClassName.dns1123Subdomain',
    'Use the name of a PriorityClass.',
  );
  const runtimeClass = optStr(spec.runtimeClassName);
  if (runtimeClass !== undefined) {
    const msg = dns1123Subdomain(runtimeClass);
    if (msg)
      ctx.add(
        'spec.runtimeClassName',
        runtimeClass,
        'pod.runtimeClassName.dns1123Subdomain',
        msg,
        'Use the name of a RuntimeClass.',
      );
  }
  const deadline = int64(spec.activeDeadlineSeconds);
  if (deadline !== undefined && (deadline < 1 || deadline > INT32_MAX)) {
    ctx.add(
      'spec.activeDeadlineSeconds',
      deadline,
      'pod.activeDeadlineSeconds.range',
      `must be between 1 and ${INT32_MAX}, inclusive`,
      'Use a positive number of seconds, or remove the field.',
    );
  }
  // terminationGracePeriodSeconds: negative values only warn in 1.28 (the server replaces them with 1), so only
  // its type is checked, by the schema walk, like hostNetwork, automountServiceAccountToken, enableServiceLinks,
  // setHostnameAsFQDN and hostUsers.
  const pullSecrets = arr(spec.imagePullSecrets);
  pullSecrets?.forEach((s) => {
    const ref = item(s);
    if (ref) str(ref.name);
  });
  const gates = arr(spec.readinessGates);
  gates?.forEach((g, i) => {
    const p = `spec.readinessGates[${i}]`;
    const gate = item(g);
    if (!gate) return;
    const type = str(gate.conditionType);
    const msg = qualifiedName(type);
    if (msg)
      ctx.add(
        `${p}.conditionType`,
        type,
        'pod.readinessGates.conditionType',
        msg,
        'Use a condition type like "example.com/ready".',
      );
  });
  const nodeName = typeof spec.nodeName === 'string' ? spec.nodeName : '';
  if (nodeName && Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0) {
    ctx.add(
      'spec.nodeName',
      nodeName,
      'pod.nodeName.withSchedulingGates',
      'cannot be set until all schedulingGates have been cleared',
      'Remove nodeName or the schedulingGates.',
    );
  }
  // Not checked: a projected serviceAccountToken without serviceAccountName, which validatePodMetadataAndSpec
  // refuses. Every real cluster runs the ServiceAccount admission plugin, which sets serviceAccountName: default
  // before validation (checked on v1.33.3 with the plugin on), so the Pod is accepted wherever that ServiceAccount
  // exists. Only a server without the plugin, like the test servers, refuses it (test/server/allowlist.yaml).
}

/** validatePodHostNetworkDeps (1.28): with hostNetwork, containerPort must equal hostPort (defaulted to it). */
export function validateHostNetworkPorts(ctx: Ctx, spec: Json, containers: readonly unknown[]): void {
  if (spec.hostNetwork !== true) return;
  containers.forEach((c, i) => {
    const ports = c && typeof c === 'object' ? (c as Json).ports : undefined;
    if (!Array.isArray(ports)) return;
    ports.forEach((port, j) => {
      if (!port || typeof port !== 'object') return;
      const { containerPort, hostPort } = port as Json;
      if (typeof hostPort === 'number' && hostPort !== 0 && hostPort !== containerPort) {
        ctx.add(
          `spec.containers[${i}].ports[${j}].hostPort`,
          hostPort,
          'port.hostNetwork.mismatch',
          'must match `containerPort` when `hostNetwork` is true',
          'Remove hostPort (it defaults to containerPort) or set it equal to containerPort.',
        );
      }
    });
  });
}

/** validateOS (1.28) and the validateLinux / validateWindows field restrictions it implies. */
export function validateOs(
  ctx: Ctx,
  spec: Json,
  containerLists: readonly (readonly [string, readonly unknown[]])[],
): void {
  const os = obj(spec.os);
  if (!os) return;
  const name = str(os.name);
  if (!name) {
    ctx.add(
      'spec.os.name',
      os.name,
      'os.name.required',
      'cannot be empty',
      'Set os.name to linux or windows.',
    );
    return;
  }
  if (!OS_NAMES.includes(name)) {
    ctx.add('spec.os', name, 'os.name.unsupported', supported(OS_NAMES), 'Use linux or windows.');
    return;
  }
  const podSc =
    spec.securityContext && typeof spec.securityContext === 'object' ? (spec.securityContext as Json) : {};
  const each = (visit: (sc: Json, path: string) => void): void => {
    visit(podSc, 'spec.securityContext');
    for (const [kind, list] of containerLists) {
      list.forEach((c, i) => {
        const sc = c && typeof c === 'object' ? (c as Json).securityContext : undefined;
        if (sc && typeof sc === 'object') visit(sc as Json, `spec.${kind}[${i}].securityContext`);
      });
    }
  };
  if (name === 'linux') {
    each((sc, path) => {
      if (sc.windowsOptions !== undefined && sc.windowsOptions !== null) {
        ctx.add(
          `${path}.windowsOptions`,
          sc.windowsOptions,
          'os.linux.windowsOptions',
          'windows options cannot be set for a linux pod',
          'Remove windowsOptions or set os.name: windows.',
        );
      }
    });
    return;
  }
  // validateWindows prints these at the spec level, where the v1 API has them.
  for (const f of ['hostPID', 'hostIPC']) {
    if (spec[f] === true)
      ctx.add(`spec.${f}`, true, 'os.windows.forbidden', 'cannot be set for a windows pod', `Remove ${f}.`);
  }
  if (spec.shareProcessNamespace !== undefined && spec.shareProcessNamespace !== null) {
    ctx.add(
      'spec.shareProcessNamespace',
      spec.shareProcessNamespace,
      'os.windows.forbidden',
      'cannot be set for a windows pod',
      'Remove shareProcessNamespace.',
    );
  }
  const v133 = atLeast(ctx.version, '1.33');
  if (v133 && spec.hostUsers !== undefined && spec.hostUsers !== null) {
    ctx.add(
      'spec.hostUsers',
      spec.hostUsers,
      'os.windows.forbidden',
      'cannot be set for a windows pod',
      'Remove hostUsers or set os.name: linux.',
    );
  }
  each((sc, path) => {
    const pod = path === 'spec.securityContext';
    const forbidden = v133
      ? pod
        ? WINDOWS_FORBIDDEN_POD_1_33
        : WINDOWS_FORBIDDEN_CONTAINER_1_33
      : pod
        ? WINDOWS_FORBIDDEN_POD
        : WINDOWS_FORBIDDEN_CONTAINER;
    for (let i = 0; i < forbidden.length; i++) {
      const f = forbidden[i];
      if (sc[f] !== undefined && sc[f] !== null) {
        ctx.add(
          `${path}.${f}`,
          sc[f],
          'os.windows.forbidden',
          'cannot be set for a windows pod',
          `Remove ${f} or set os.name: linux.`,
        );
      }
    }
  });
}

// The container lists validateHostProcess visits, in its order.
const CONTAINER_KINDS = ['containers', 'initContainers', 'ephemeralContainers'];

// windowsOptions.hostProcess of a security context, when it is a boolean.
function hostProcessOf(sc: unknown): boolean | undefined {
  if (!sc || typeof sc !== 'object') return undefined;
  const w = (sc as Json).windowsOptions;
  if (!w || typeof w !== 'object') return undefined;
  const hp = (w as Json).hostProcess;
  return typeof hp === 'boolean' ? hp : undefined;
}

/**
 * validateWindowsHostProcessPod (1.28): HostProcess is all-or-nothing across containers, agrees with the pod
 * setting, and needs hostNetwork.
 */
export function validateHostProcess(
  ctx: Ctx,
  spec: Json,
  containers: readonly unknown[],
  initContainers: readonly unknown[],
  ephemeralContainers: readonly unknown[],
): void {
  const podHostProcess = hostProcessOf(spec.securityContext);
  let count = 0;
  let hostProcess = 0;
  for (let li = 0; li < 3; li++) {
    const list = li === 0 ? containers : li === 1 ? initContainers : ephemeralContainers;
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      count++;
      const own = c && typeof c === 'object' ? hostProcessOf((c as Json).securityContext) : undefined;
      if (podHostProcess !== undefined && own !== undefined && own !== podHostProcess) {
        ctx.add(
          `spec.${CONTAINER_KINDS[li]}[${i}].securityContext.windowsOptions.hostProcess`,
          own,
          'securityContext.windowsOptions.hostProcess.mismatch',
          `pod hostProcess value must be identical if both are specified, was ${podHostProcess}`,
          'Set hostProcess once, in the pod securityContext.',
        );
      }
      if (own === true || (own === undefined && podHostProcess === true)) hostProcess++;
    }
  }
  if (hostProcess === 0) return;
  if (hostProcess !== count) {
    ctx.add(
      'spec',
      '',
      'securityContext.windowsOptions.hostProcess.allOrNone',
      'If pod contains any hostProcess containers then all containers must be HostProcess containers',
      'Make every container a HostProcess container, or none.',
    );
  }
  if (spec.hostNetwork !== true) {
    ctx.add(
      'spec.hostNetwork',
      spec.hostNetwork ?? false,
      'securityContext.windowsOptions.hostProcess.hostNetwork',
      'hostNetwork must be true if pod contains any hostProcess containers',
      'Set spec.hostNetwork: true.',
    );
  }
}
