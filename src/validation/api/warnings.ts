import type { Quantity } from '../../quantity';
import type { Ctx, Json } from './context';
import * as contextModule from './context';
import * as resourcesModule from './resources';

// Functions of sibling modules are bound once here: run through tsx (CommonJS), every `import { f }` call
// otherwise goes through an export getter (docs/performance.md).
const { isObj } = contextModule;
const { jsonQuantity } = resourcesModule;

// What the API server accepts with a `Warning:` header (pkg/api/pod/warnings.go, `warningsForPodSpecAndMeta`), each
// case sent to kube-apiserver v1.28.7 and v1.33.3 and printed here with the server's own words. A negative
// terminationGracePeriodSeconds gets no warning from either server (newer source warns), so none here.

// nodeapi.GetNodeLabelDeprecatedMessage.
const DEPRECATED_NODE_LABELS: Readonly<Record<string, string>> = {
  'beta.kubernetes.io/arch': 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  'beta.kubernetes.io/os': 'deprecated since v1.14; use "kubernetes.io/os" instead',
  'failure-domain.beta.kubernetes.io/region':
    'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  'failure-domain.beta.kubernetes.io/zone':
    'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  'beta.kubernetes.io/instance-type':
    'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
};
const NODE_LABEL_REPLACEMENT: Readonly<Record<string, string>> = {
  'beta.kubernetes.io/arch': 'kubernetes.io/arch',
  'beta.kubernetes.io/os': 'kubernetes.io/os',
  'failure-domain.beta.kubernetes.io/region': 'topology.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone': 'topology.kubernetes.io/zone',
  'beta.kubernetes.io/instance-type': 'node.kubernetes.io/instance-type',
};

const DEPRECATED_ANNOTATIONS: readonly (readonly [string, string, string])[] = [
  [
    'scheduler.alpha.kubernetes.io/critical-pod',
    'non-functional in v1.16+; use the "priorityClassName" field instead',
    'Remove the annotation and set priorityClassName.',
  ],
  [
    'security.alpha.kubernetes.io/sysctls',
    'non-functional in v1.11+; use the "sysctls" field instead',
    'Remove the annotation and set spec.securityContext.sysctls.',
  ],
  [
    'security.alpha.kubernetes.io/unsafe-sysctls',
    'non-functional in v1.11+; use the "sysctls" field instead',
    'Remove the annotation and set spec.securityContext.sysctls.',
  ],
];
const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

// Deprecated and removed in-tree volume plugins, as the API server warns about them.
const DEPRECATED_VOLUMES: readonly (readonly [string, string])[] = [
  ['photonPersistentDisk', 'deprecated in v1.11, non-functional in v1.16+'],
  ['gitRepo', 'deprecated in v1.11'],
  ['scaleIO', 'deprecated in v1.16, non-functional in v1.22+'],
  ['flocker', 'deprecated in v1.22, non-functional in v1.25+'],
  ['storageos', 'deprecated in v1.22, non-functional in v1.25+'],
  ['quobyte', 'deprecated in v1.22, non-functional in v1.25+'],
  ['glusterfs', 'deprecated in v1.25, non-functional in v1.26+'],
  ['cephfs', 'deprecated in v1.28, non-functional in v1.31+'],
  ['rbd', 'deprecated in v1.28, non-functional in v1.31+'],
];
// The Go field names the server prints where they differ from the JSON name.
const VOLUME_PATH_NAME: Readonly<Record<string, string>> = { storageos: 'storageOS' };

const BYTE_RESOURCES = ['memory', 'ephemeral-storage'];
const NULL_SELECTOR = 'a null labelSelector results in matching no pod';
const NULL_SELECTOR_FIX = 'Set labelSelector (an empty one, {}, matches every Pod).';

/**
 * Records what the API server of `ctx.version` accepts with a warning (`ctx.warn`): deprecated node labels,
 * annotations and volume plugins, null label selectors, duplicate image pull secrets and host aliases, fractional
 * byte quantities, duplicate environment variables and port definitions. Runs on the JSON as written; the few
 * server defaults that matter (port protocol, hostPort under hostNetwork) are applied here.
 */
export function warnPod(ctx: Ctx, meta: Json | undefined, spec: Json): void {
  const nodeSelector = spec.nodeSelector;
  if (isObj(nodeSelector)) {
    for (const key in nodeSelector) {
      const msg = DEPRECATED_NODE_LABELS[key];
      if (msg !== undefined && Object.hasOwn(DEPRECATED_NODE_LABELS, key))
        ctx.warn(`spec.nodeSelector[${key}]`, key, 'warning.nodeLabel.deprecated', msg, labelFix(key));
    }
  }
  const affinity = spec.affinity;
  if (isObj(affinity)) warnAffinity(ctx, affinity);
  const spread = spec.topologySpreadConstraints;
  if (Array.isArray(spread)) {
    for (let i = 0; i < spread.length; i++) {
      const t = spread[i];
      if (!isObj(t)) continue;
      if (typeof t.topologyKey === 'string')
        deprecatedKey(ctx, t.topologyKey, `spec.topologySpreadConstraints[${i}].topologyKey`);
      if (t.labelSelector === undefined || t.labelSelector === null)
        ctx.warn(
          `spec.topologySpreadConstraints[${i}].labelSelector`,
          undefined,
          'warning.labelSelector.null',
          NULL_SELECTOR,
          NULL_SELECTOR_FIX,
        );
    }
  }
  const annotations = meta && isObj(meta.annotations) ? meta.annotations : undefined;
  if (annotations) {
    for (const [key, msg, fix] of DEPRECATED_ANNOTATIONS) {
      if (Object.hasOwn(annotations, key))
        ctx.warn(`metadata.annotations[${key}]`, annotations[key], 'warning.annotation.deprecated', msg, fix);
    }
  }
  const volumes = spec.volumes;
  if (Array.isArray(volumes)) warnVolumes(ctx, volumes);
  warnDuplicates(ctx, spec.hostAliases, 'spec.hostAliases', 'ip', 'warning.hostAliases.duplicate');
  warnDuplicates(
    ctx,
    spec.imagePullSecrets,
    'spec.imagePullSecrets',
    'name',
    'warning.imagePullSecrets.duplicate',
  );
  const pullSecrets = spec.imagePullSecrets;
  if (Array.isArray(pullSecrets)) {
    for (let i = 0; i < pullSecrets.length; i++) {
      const s = pullSecrets[i];
      const name = isObj(s) && typeof s.name === 'string' ? s.name : '';
      if (name === '')
        ctx.warn(
          `spec.imagePullSecrets[${i}].name`,
          name,
          'warning.imagePullSecrets.empty',
          'invalid empty name ""',
          'Name a Secret of type kubernetes.io/dockerconfigjson, or remove the entry.',
        );
    }
  }
  const overhead = spec.overhead;
  if (isObj(overhead)) {
    fractionalBytes(ctx, overhead, 'memory', 'spec.overhead');
    fractionalBytes(ctx, overhead, 'ephemeral-storage', 'spec.overhead');
  }
  const podSecurity = isObj(spec.securityContext) ? spec.securityContext : undefined;
  if (
    annotations &&
    !hasField(podSecurity, 'seccompProfile') &&
    Object.hasOwn(annotations, SECCOMP_POD_ANNOTATION)
  )
    ctx.warn(
      `metadata.annotations[${SECCOMP_POD_ANNOTATION}]`,
      annotations[SECCOMP_POD_ANNOTATION],
      'warning.annotation.seccomp',
      'non-functional in v1.27+; use the "seccompProfile" field instead',
      'Set spec.securityContext.seccompProfile instead of the annotation.',
    );
  const hasPodAppArmor = hasField(podSecurity, 'appArmorProfile');
  // VisitContainersWithPath order: init containers, then containers (ephemeral ones are refused on create).
  const init = Array.isArray(spec.initContainers) ? spec.initContainers : undefined;
  const main = Array.isArray(spec.containers) ? spec.containers : undefined;
  if (init) warnContainers(ctx, init, 'spec.initContainers', annotations, hasPodAppArmor);
  if (main) warnContainers(ctx, main, 'spec.containers', annotations, hasPodAppArmor);
  warnPorts(ctx, spec, init, main);
}

function labelFix(key: string): string {
  return `Use "${NODE_LABEL_REPLACEMENT[key]}" instead of "${key}".`;
}

function deprecatedKey(ctx: Ctx, key: string, path: string): void {
  if (!Object.hasOwn(DEPRECATED_NODE_LABELS, key)) return;
  ctx.warn(
    path,
    key,
    'warning.nodeLabel.deprecated',
    `${key} is ${DEPRECATED_NODE_LABELS[key]}`,
    labelFix(key),
  );
}

function hasField(o: Json | undefined, field: string): boolean {
  return o !== undefined && o[field] !== undefined && o[field] !== null;
}

// nodeapi.GetWarningsForNodeSelectorTerm and warningsForPodAffinityTerms.
function warnAffinity(ctx: Ctx, affinity: Json): void {
  const node = affinity.nodeAffinity;
  if (isObj(node)) {
    const base = 'spec.affinity.nodeAffinity';
    const required = node.requiredDuringSchedulingIgnoredDuringExecution;
    if (isObj(required) && Array.isArray(required.nodeSelectorTerms)) {
      const terms = required.nodeSelectorTerms;
      for (let i = 0; i < terms.length; i++)
        warnNodeTerm(
          ctx,
          terms[i],
          `${base}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[${i}]`,
        );
    }
    const preferred = node.preferredDuringSchedulingIgnoredDuringExecution;
    if (Array.isArray(preferred)) {
      for (let i = 0; i < preferred.length; i++) {
        const p = preferred[i];
        if (isObj(p))
          warnNodeTerm(
            ctx,
            p.preference,
            `${base}.preferredDuringSchedulingIgnoredDuringExecution[${i}].preference`,
          );
      }
    }
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const a = affinity[kind];
    if (!isObj(a)) continue;
    const base = `spec.affinity.${kind}`;
    const required = a.requiredDuringSchedulingIgnoredDuringExecution;
    if (Array.isArray(required)) {
      for (let i = 0; i < required.length; i++) {
        const t = required[i];
        if (isObj(t) && (t.labelSelector === undefined || t.labelSelector === null))
          ctx.warn(
            `${base}.requiredDuringSchedulingIgnoredDuringExecution[${i}].labelSelector`,
            undefined,
            'warning.labelSelector.null',
            NULL_SELECTOR,
            NULL_SELECTOR_FIX,
          );
      }
    }
    const preferred = a.preferredDuringSchedulingIgnoredDuringExecution;
    if (Array.isArray(preferred)) {
      for (let i = 0; i < preferred.length; i++) {
        const w = preferred[i];
        const t = isObj(w) ? w.podAffinityTerm : undefined;
        if (isObj(t) && (t.labelSelector === undefined || t.labelSelector === null))
          ctx.warn(
            `${base}.preferredDuringSchedulingIgnoredDuringExecution[${i}].podAffinityTerm.labelSelector`,
            undefined,
            'warning.labelSelector.null',
            NULL_SELECTOR,
            NULL_SELECTOR_FIX,
          );
      }
    }
  }
}

function warnNodeTerm(ctx: Ctx, term: unknown, path: string): void {
  if (!isObj(term) || !Array.isArray(term.matchExpressions)) return;
  const expressions = term.matchExpressions;
  for (let i = 0; i < expressions.length; i++) {
    const e = expressions[i];
    if (isObj(e) && typeof e.key === 'string')
      deprecatedKey(ctx, e.key, `${path}.matchExpressions[${i}].key`);
  }
}

function warnVolumes(ctx: Ctx, volumes: readonly unknown[]): void {
  for (let i = 0; i < volumes.length; i++) {
    const v = volumes[i];
    if (!isObj(v)) continue;
    for (const [field, msg] of DEPRECATED_VOLUMES) {
      const source = v[field];
      if (source !== undefined && source !== null)
        ctx.warn(
          `spec.volumes[${i}].${VOLUME_PATH_NAME[field] ?? field}`,
          source,
          'warning.volume.deprecated',
          field === 'gitRepo' && ctx.version !== '1.28' ? `${msg}, and disabled by default in v1.33+` : msg,
          'Move to a CSI driver or another volume type.',
        );
    }
    // pvcutil.GetWarningsForPersistentVolumeClaimSpec: fractional storage sizes.
    const ephemeral = v.ephemeral;
    const template = isObj(ephemeral) ? ephemeral.volumeClaimTemplate : undefined;
    const claim = isObj(template) ? template.spec : undefined;
    const resources = isObj(claim) ? claim.resources : undefined;
    if (isObj(resources)) {
      const path = `spec.volumes[${i}].ephemeral.volumeClaimTemplate.spec.resources`;
      if (isObj(resources.requests)) fractionalBytes(ctx, resources.requests, 'storage', `${path}.requests`);
      if (isObj(resources.limits)) fractionalBytes(ctx, resources.limits, 'storage', `${path}.limits`);
    }
  }
}

function warnDuplicates(ctx: Ctx, list: unknown, path: string, field: string, rule: string): void {
  if (!Array.isArray(list) || list.length < 2) return;
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const value = isObj(item) && typeof item[field] === 'string' ? (item[field] as string) : '';
    if (seen.has(value))
      ctx.warn(
        `${path}[${i}].${field}`,
        value,
        rule,
        `duplicate ${field} ${JSON.stringify(value)}`,
        'List it once.',
      );
    else seen.add(value);
  }
}

// The `MilliValue() % 1000 != 0` test of warnings.go: a byte count with a fraction.
function fractionalBytes(ctx: Ctx, list: Json, resource: string, path: string): void {
  const raw = list[resource];
  const shown = fractional(raw);
  if (shown !== undefined) warnFractional(ctx, `${path}[${resource}]`, raw, shown);
}

// How the server prints `raw` when it is a byte count with a fraction; undefined when it is not one.
function fractional(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const q = jsonQuantity(raw);
  return q && isFractional(q) ? canonical(q) : undefined;
}

function warnFractional(ctx: Ctx, path: string, raw: unknown, shown: string): void {
  ctx.warn(
    path,
    raw,
    'warning.quantity.fractionalBytes',
    `fractional byte value ${JSON.stringify(shown)} is invalid, must be an integer`,
    'Use a whole number of bytes, e.g. "128Mi".',
  );
}

function isFractional(q: Quantity): boolean {
  // MilliValue rounds up, so any nano-unit remainder counts too.
  let milli = q.nano / 1_000_000n;
  if (milli * 1_000_000n < q.nano) milli += 1n;
  return milli % 1000n !== 0n;
}

// How the server prints such a value: rounded up to milli-units (kube-apiserver 1.28.7 prints "1n" as "1m" and
// "1.0000001" as "1001m"), in the notation it was written in.
function canonical(q: Quantity): string {
  let milli = q.nano / 1_000_000n;
  if (milli * 1_000_000n < q.nano) milli += 1n;
  return q.format === 'DecimalExponent' ? `${milli}e-3` : `${milli}m`;
}

function warnContainers(
  ctx: Ctx,
  list: readonly unknown[],
  listPath: string,
  annotations: Json | undefined,
  hasPodAppArmor: boolean,
): void {
  const v133 = ctx.version !== '1.28';
  // The container's path (`spec.containers[0]`) is built only when it warns.
  for (let ci = 0; ci < list.length; ci++) {
    const c = list[ci];
    if (!isObj(c)) continue;
    const name = typeof c.name === 'string' ? c.name : '';
    const security = isObj(c.securityContext) ? c.securityContext : undefined;
    if (annotations) {
      const seccomp = SECCOMP_CONTAINER_PREFIX + name;
      if (!hasField(security, 'seccompProfile') && Object.hasOwn(annotations, seccomp))
        ctx.warn(
          `metadata.annotations[${seccomp}]`,
          annotations[seccomp],
          'warning.annotation.seccomp',
          'non-functional in v1.27+; use the "seccompProfile" field instead',
          `Set the seccompProfile of container ${name} instead of the annotation.`,
        );
      const appArmor = APPARMOR_CONTAINER_PREFIX + name;
      if (
        v133 &&
        !hasPodAppArmor &&
        !hasField(security, 'appArmorProfile') &&
        Object.hasOwn(annotations, appArmor)
      )
        ctx.warn(
          `metadata.annotations[${appArmor}]`,
          annotations[appArmor],
          'warning.annotation.appArmor',
          'deprecated since v1.30; use the "appArmorProfile" field instead',
          `Set the appArmorProfile of container ${name} instead of the annotation.`,
        );
    }
    const resources = c.resources;
    if (isObj(resources)) {
      const limits = isObj(resources.limits) ? resources.limits : undefined;
      const requests = isObj(resources.requests) ? resources.requests : undefined;
      for (let i = 0; i < BYTE_RESOURCES.length; i++) {
        const resource = BYTE_RESOURCES[i];
        const limit = limits?.[resource];
        const shownLimit = fractional(limit);
        if (shownLimit !== undefined)
          warnFractional(ctx, `${listPath}[${ci}].resources.limits[${resource}]`, limit, shownLimit);
        // The server copies a limit into a missing request before it warns, so the request warns too.
        const request = requests?.[resource] ?? limit;
        const shownRequest = fractional(request);
        if (shownRequest !== undefined)
          warnFractional(ctx, `${listPath}[${ci}].resources.requests[${resource}]`, request, shownRequest);
      }
    }
    const env = c.env;
    if (Array.isArray(env) && env.length > 1) warnEnv(ctx, env, listPath, ci, v133);
  }
}

// Duplicate env names: fine when the later value refers to the earlier one ("$(X)"), else it hides it.
function warnEnv(ctx: Ctx, env: readonly unknown[], listPath: string, ci: number, v133: boolean): void {
  const seen = new Set<string>();
  for (let i = 0; i < env.length; i++) {
    const e = env[i];
    if (!isObj(e)) continue;
    const name = typeof e.name === 'string' ? e.name : '';
    if (!seen.has(name)) {
      seen.add(name);
      continue;
    }
    const value = typeof e.value === 'string' ? e.value : '';
    const ref = `$(${name})`;
    const hasValueFrom = e.valueFrom !== undefined && e.valueFrom !== null;
    if (hasValueFrom || value === ref || !value.includes(ref))
      ctx.warn(
        `${listPath}[${ci}].env[${i}]`,
        name,
        'warning.env.duplicate',
        `hides previous definition of ${JSON.stringify(name)}${v133 ? ', which may be dropped when using apply' : ''}`,
        `Set ${name} once.`,
      );
  }
}

/** One port definition seen so far; its path (`spec.containers[0].ports[1]`) is built only for a warning. */
interface PortBlock {
  readonly listPath: string;
  readonly ci: number;
  readonly i: number;
  readonly containerPort: number;
  readonly protocol: string;
  readonly hostIP: string;
  readonly hostPort: number;
}

function blockPath(b: PortBlock): string {
  return `${b.listPath}[${b.ci}].ports[${b.i}]`;
}

// Port definitions across all containers: same containerPort/protocol with the same, overlapping or ambiguous host
// binding. Protocol defaults to TCP, and under hostNetwork a missing hostPort to the containerPort.
function warnPorts(
  ctx: Ctx,
  spec: Json,
  init: readonly unknown[] | undefined,
  main: readonly unknown[] | undefined,
): void {
  // Every port so far, in order; a Pod has few, so each is compared with all earlier ones of its port/protocol.
  let all: PortBlock[] | undefined;
  const hostNetwork = spec.hostNetwork === true;
  for (let li = 0; li < 2; li++) {
    const list = li === 0 ? init : main;
    if (!list) continue;
    const listPath = li === 0 ? 'spec.initContainers' : 'spec.containers';
    for (let ci = 0; ci < list.length; ci++) {
      const c = list[ci];
      if (!isObj(c) || !Array.isArray(c.ports)) continue;
      const ports = c.ports;
      for (let i = 0; i < ports.length; i++) {
        const port = ports[i];
        if (!isObj(port)) continue;
        const containerPort = typeof port.containerPort === 'number' ? port.containerPort : 0;
        const protocol = typeof port.protocol === 'string' && port.protocol !== '' ? port.protocol : 'TCP';
        const hostIP = typeof port.hostIP === 'string' ? port.hostIP : '';
        let hostPort = typeof port.hostPort === 'number' ? port.hostPort : 0;
        if (hostNetwork && hostPort === 0) hostPort = containerPort;
        const block: PortBlock = { listPath, ci, i, containerPort, protocol, hostIP, hostPort };
        if (hostIP !== '' && hostPort === 0) {
          const name = typeof port.name === 'string' ? port.name : '';
          ctx.warn(
            blockPath(block),
            port,
            'warning.port.hostIPWithoutHostPort',
            `hostIP set without hostPort: {Name:${name} HostPort:0 ContainerPort:${containerPort} Protocol:${protocol} HostIP:${hostIP}}`,
            'Set hostPort too, or remove hostIP.',
          );
        }
        all ??= [];
        for (let j = 0; j < all.length; j++) {
          const other = all[j];
          if (other.containerPort !== containerPort || other.protocol !== protocol) continue;
          let message: string | undefined;
          if (hostIP === other.hostIP && hostPort === other.hostPort) message = 'duplicate port definition';
          else if (hostPort === 0 || other.hostPort === 0) message = 'overlapping port definition';
          else if (hostPort === other.hostPort && (hostIP === '') !== (other.hostIP === ''))
            message = 'dangerously ambiguous port definition';
          if (message)
            ctx.warn(
              blockPath(block),
              port,
              'warning.port.duplicate',
              `${message} with ${blockPath(other)}`,
              `Declare ${protocol} port ${containerPort} once per Pod.`,
            );
        }
        all.push(block);
      }
    }
  }
}
