import type { Ctx, Json } from './context';
import * as contextModule from './context';
import * as formatsModule from './formats';
import * as probesModule from './probes';
import * as resourcesModule from './resources';
import * as securityContextModule from './security-context';
import type { VolumeKinds } from './volumes';
import * as kubeVersionModule from '../../kube-version';
import * as volumesModule from './volumes';

// Bound once, like the sibling functions below: a call through the CommonJS export getter costs a lookup each time.
const { atLeast } = kubeVersionModule;

// Functions of sibling modules are bound once here: run through tsx (CommonJS), every `import { f }` call
// otherwise goes through an export getter, which cost a fifth of validation time (docs/performance.md).
const { arr, int32, obj, str, supported, item } = contextModule;
const {
  dns1123Label,
  dns1123Subdomain,
  dns1123SubdomainPrefix,
  envVarName,
  portName,
  portNum,
  relaxedEnvVarName,
} = formatsModule;
const { validateLifecycle, validateProbe } = probesModule;
const { validateResources } = resourcesModule;
const { validateContainerSecurityContext } = securityContextModule;
const { checkKey, validateFieldRef, validateResourceFieldRef } = volumesModule;

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const MOUNT_PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
// validEnvDownwardAPIFieldPathExpressions, 1.28 (status.hostIPs needs the alpha PodHostIPs gate, GA in 1.30).
const ENV_FIELD_PATHS_1_28 = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.podIP',
  'status.podIPs',
];
const ENV_FIELD_PATHS_1_33 = [...ENV_FIELD_PATHS_1_28, 'status.hostIPs'].sort();
// Fields allowedEphemeralContainerFields marks false: they may not be set on an ephemeral container.
const EPHEMERAL_FORBIDDEN = [
  'ports',
  'resources',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'lifecycle',
];

/** Which list a container is in; the rules differ slightly between them. */
export type ContainerKind = 'containers' | 'initContainers' | 'ephemeralContainers';

function validatePorts(ctx: Ctx, v: unknown, containerPath: string): void {
  const ports = arr(v);
  if (!ports) return;
  // A duplicate name needs two ports: one port allocates no set.
  const names = ports.length > 1 ? new Set<string>() : undefined;
  for (let i = 0; i < ports.length; i++) {
    const port = item(ports[i]);
    if (!port) continue;
    const name = str(port.name);
    if (name) {
      const msg = portName(name);
      if (msg)
        ctx.add(
          `${containerPath}.ports[${i}].name`,
          name,
          'port.name.ianaSvcName',
          msg,
          'Use at most 15 lowercase letters, digits and "-", with at least one letter, e.g. "http".',
        );
      else if (names?.has(name))
        ctx.add(
          `${containerPath}.ports[${i}].name`,
          name,
          'port.name.duplicate',
          'Duplicate value',
          'Give each port of the container a distinct name.',
        );
      else names?.add(name);
    }
    const containerPort = int32(port.containerPort);
    if (!containerPort) {
      if (containerPort === 0 || port.containerPort === undefined || port.containerPort === null) {
        ctx.add(
          `${containerPath}.ports[${i}].containerPort`,
          port.containerPort,
          'port.containerPort.required',
          'Required value',
          'Set the port the container listens on, e.g. 8080.',
        );
      }
    } else if (portNum(containerPort)) {
      ctx.add(
        `${containerPath}.ports[${i}].containerPort`,
        containerPort,
        'port.containerPort.range',
        'must be between 1 and 65535, inclusive',
        'Use a port between 1 and 65535.',
      );
    }
    const hostPort = int32(port.hostPort);
    if (hostPort && portNum(hostPort)) {
      ctx.add(
        `${containerPath}.ports[${i}].hostPort`,
        hostPort,
        'port.hostPort.range',
        'must be between 1 and 65535, inclusive',
        'Use a host port between 1 and 65535, or remove hostPort.',
      );
    }
    const protocol = str(port.protocol);
    // An empty protocol is defaulted to TCP.
    if (protocol && !PROTOCOLS.includes(protocol)) {
      ctx.add(
        `${containerPath}.ports[${i}].protocol`,
        protocol,
        'port.protocol.unsupported',
        supported(PROTOCOLS),
        'Use TCP, UDP or SCTP (upper case).',
      );
    }
  }
}

/** AccumulateUniqueHostPorts / checkHostPortConflicts: protocol/hostIP/hostPort unique across containers. */
export function checkHostPorts(
  ctx: Ctx,
  containers: readonly unknown[],
  listPath: string,
  indexes?: readonly number[],
): void {
  // Allocated at the first host port, which most Pods never have.
  let seen: Set<string> | undefined;
  const count = indexes ? indexes.length : containers.length;
  for (let j = 0; j < count; j++) {
    const ci = indexes ? indexes[j] : j;
    const c = containers[ci];
    if (!c || typeof c !== 'object' || !Array.isArray((c as Json).ports)) continue;
    const ports = (c as Json).ports as unknown[];
    for (let pi = 0; pi < ports.length; pi++) {
      const port = ports[pi] as Json;
      if (!port || typeof port !== 'object' || typeof port.hostPort !== 'number' || port.hostPort === 0)
        continue;
      const protocol = typeof port.protocol === 'string' && port.protocol ? port.protocol : 'TCP';
      const hostIP = typeof port.hostIP === 'string' ? port.hostIP : '';
      const key = `${protocol}/${hostIP}/${port.hostPort}`;
      if (seen?.has(key)) {
        // Init containers are checked one at a time as a one-element list, so the API server prints index 0.
        ctx.add(
          `${listPath}[${indexes ? 0 : ci}].ports[${pi}].hostPort`,
          key,
          'port.hostPort.duplicate',
          'Duplicate value',
          'Use a different hostPort (or protocol/hostIP) for each port that claims one.',
        );
      }
      (seen ??= new Set()).add(key);
    }
  }
}

function validateKeySelector(ctx: Ctx, ref: Json, path: string, area: string): void {
  const name = str(ref.name);
  // validateConfigMapKeySelector / validateSecretKeySelector run NameIsDNSSubdomain even on an empty name.
  const msg = dns1123Subdomain(name);
  if (msg)
    ctx.add(
      `${path}.name`,
      name,
      `${area}.name.dns1123Subdomain`,
      msg,
      'Name the ConfigMap or Secret, e.g. "app-config".',
    );
  const key = str(ref.key);
  if (!key)
    ctx.add(`${path}.key`, ref.key, `${area}.key.required`, 'Required value', 'Name the key to read.');
  else checkKey(ctx, key, `${path}.key`, `${area}.key.format`);
}

/** ValidateEnv + validateEnvVarValueFrom (1.28). */
function validateEnv(ctx: Ctx, v: unknown, containerPath: string): void {
  const env = arr(v);
  if (!env) return;
  for (let i = 0; i < env.length; i++) {
    const e = item(env[i]);
    if (!e) continue;
    const name = str(e.name);
    if (!name) {
      ctx.add(
        `${containerPath}.env[${i}].name`,
        e.name,
        'env.name.required',
        'Required value',
        'Name the variable, e.g. "LOG_LEVEL".',
      );
    } else {
      const relaxed = atLeast(ctx.version, '1.33');
      const msg = relaxed ? relaxedEnvVarName(name) : envVarName(name);
      if (msg)
        ctx.add(
          `${containerPath}.env[${i}].name`,
          name,
          'env.name.format',
          msg,
          relaxed
            ? 'Use printable ASCII without "=", e.g. "MY_VAR".'
            : 'Use letters, digits, "_", "-" and ".", not starting with a digit, e.g. "MY_VAR".',
        );
    }
    const value = str(e.value);
    const from = obj(e.valueFrom);
    if (!from) continue;
    const fp = `${containerPath}.env[${i}].valueFrom`;
    let count = 0;
    const fieldRef = obj(from.fieldRef);
    if (fieldRef) {
      count++;
      validateFieldRef(
        ctx,
        fieldRef,
        `${fp}.fieldRef`,
        atLeast(ctx.version, '1.33') ? ENV_FIELD_PATHS_1_33 : ENV_FIELD_PATHS_1_28,
        'env.valueFrom',
      );
    }
    const resourceRef = obj(from.resourceFieldRef);
    if (resourceRef) {
      count++;
      validateResourceFieldRef(ctx, resourceRef, `${fp}.resourceFieldRef`, false, 'env.valueFrom');
    }
    const cm = obj(from.configMapKeyRef);
    if (cm) {
      count++;
      validateKeySelector(ctx, cm, `${fp}.configMapKeyRef`, 'env.valueFrom.configMapKeyRef');
    }
    const secret = obj(from.secretKeyRef);
    if (secret) {
      count++;
      validateKeySelector(ctx, secret, `${fp}.secretKeyRef`, 'env.valueFrom.secretKeyRef');
    }
    if (count === 0) {
      ctx.add(
        fp,
        '',
        'env.valueFrom.sourceRequired',
        'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
        'Add exactly one source to valueFrom, or use value instead.',
      );
    } else if (value) {
      ctx.add(
        fp,
        '',
        'env.valueFrom.withValue',
        'may not be specified when `value` is not empty',
        'Keep either value or valueFrom.',
      );
    } else if (count > 1) {
      ctx.add(
        fp,
        '',
        'env.valueFrom.multipleSources',
        'may not have more than one field specified at a time',
        'Keep exactly one of fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef.',
      );
    }
  }
}

/** ValidateEnvFrom: prefix is an env var name (relaxed since 1.32); exactly one of configMapRef / secretRef. */
function validateEnvFrom(ctx: Ctx, v: unknown, containerPath: string): void {
  const list = arr(v);
  if (!list) return;
  for (let i = 0; i < list.length; i++) {
    const e = item(list[i]);
    if (!e) continue;
    const prefix = str(e.prefix);
    if (prefix) {
      const msg = atLeast(ctx.version, '1.33') ? relaxedEnvVarName(prefix) : envVarName(prefix);
      if (msg)
        ctx.add(
          `${containerPath}.envFrom[${i}].prefix`,
          prefix,
          'envFrom.prefix.format',
          msg,
          'Use a prefix like "APP_".',
        );
    }
    let count = 0;
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      const ref = obj(e[kind]);
      if (!ref) continue;
      count++;
      const name = str(ref.name);
      if (!name) {
        ctx.add(
          `${containerPath}.envFrom[${i}].${kind}.name`,
          ref.name,
          `envFrom.${kind}.name.required`,
          'Required value',
          `Name the ${kind === 'secretRef' ? 'Secret' : 'ConfigMap'}.`,
        );
      } else {
        // validateConfigMapEnvSource / validateSecretEnvSource pass prefix=true: a trailing '-' is accepted.
        const msg = dns1123SubdomainPrefix(name);
        if (msg)
          ctx.add(
            `${containerPath}.envFrom[${i}].${kind}.name`,
            name,
            `envFrom.${kind}.name.dns1123Subdomain`,
            msg,
            'Use the lowercase name of the object.',
          );
      }
    }
    // The API server reports these two at the envFrom list, not at the entry.
    if (count === 0) {
      ctx.add(
        `${containerPath}.envFrom`,
        '',
        'envFrom.sourceRequired',
        'must specify one of: `configMapRef` or `secretRef`',
        'Add configMapRef or secretRef to the entry.',
      );
    } else if (count > 1) {
      ctx.add(
        `${containerPath}.envFrom`,
        '',
        'envFrom.multipleSources',
        'may not have more than one field specified at a time',
        'Split configMapRef and secretRef into two entries.',
      );
    }
  }
}

interface MountInfo {
  readonly names: Map<string, string>;
  readonly paths: Set<string>;
}

// What an empty or missing list collects; only ever read.
const NO_MOUNTS: MountInfo = { names: new Map(), paths: new Set() };

// Collects name -> path maps for the overlap checks between volumeMounts and volumeDevices.
function collect(list: unknown[] | undefined, pathField: string): MountInfo {
  if (!list || list.length === 0) return NO_MOUNTS;
  const names = new Map<string, string>();
  const paths = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    if (m && typeof m === 'object') {
      const n = (m as Json).name;
      const p = (m as Json)[pathField];
      if (typeof n === 'string') names.set(n, typeof p === 'string' ? p : '');
      if (typeof p === 'string') paths.add(p);
    }
  }
  return { names, paths };
}

/** ValidateVolumeMounts (1.28). subPath/subPathExpr/mountPropagation errors print without the index there. */
function validateVolumeMounts(
  ctx: Ctx,
  list: unknown[] | undefined,
  devices: MountInfo,
  volumes: VolumeKinds,
  privileged: boolean,
  containerPath: string,
): void {
  if (!list) return;
  // A duplicate mount path needs two mounts: one mount allocates no set.
  const mountPoints = list.length > 1 ? new Set<string>() : undefined;
  for (let i = 0; i < list.length; i++) {
    const m = item(list[i]);
    if (!m) continue;
    const name = str(m.name);
    if (!name)
      ctx.add(
        `${containerPath}.volumeMounts[${i}].name`,
        m.name,
        'volumeMount.name.required',
        'Required value',
        'Name the volume to mount.',
      );
    else if (!volumes.has(name))
      ctx.add(
        `${containerPath}.volumeMounts[${i}].name`,
        name,
        'volumeMount.name.notFound',
        'Not found',
        `Add a volume named "${name}" to spec.volumes (or fix the volume it refers to).`,
      );
    const mountPath = str(m.mountPath);
    if (!mountPath)
      ctx.add(
        `${containerPath}.volumeMounts[${i}].mountPath`,
        m.mountPath,
        'volumeMount.mountPath.required',
        'Required value',
        'Set the path inside the container, e.g. "/data".',
      );
    else if (mountPoints?.has(mountPath))
      ctx.add(
        `${containerPath}.volumeMounts[${i}].mountPath`,
        mountPath,
        'volumeMount.mountPath.duplicate',
        'must be unique',
        'Mount each path once per container.',
      );
    mountPoints?.add(mountPath);
    if (name && devices.names.has(name)) {
      ctx.add(
        `${containerPath}.volumeMounts[${i}].name`,
        name,
        'volumeMount.name.usedByDevice',
        'must not already exist in volumeDevices',
        'Use the volume either as a mount or as a device.',
      );
    }
    if (mountPath && devices.paths.has(mountPath)) {
      ctx.add(
        `${containerPath}.volumeMounts[${i}].mountPath`,
        mountPath,
        'volumeMount.mountPath.usedByDevice',
        'must not already exist as a path in volumeDevices',
        'Use a path no volumeDevice uses.',
      );
    }
    const subPath = str(m.subPath);
    if (subPath) descending(ctx, subPath, `${containerPath}.volumeMounts.subPath`, 'volumeMount.subPath');
    const expr = str(m.subPathExpr);
    if (expr) {
      if (subPath)
        ctx.add(
          `${containerPath}.volumeMounts[${i}].subPathExpr`,
          expr,
          'volumeMount.subPathExpr.withSubPath',
          'subPathExpr and subPath are mutually exclusive',
          'Keep subPath or subPathExpr, not both.',
        );
      descending(ctx, expr, `${containerPath}.volumeMounts.subPathExpr`, 'volumeMount.subPathExpr');
    }
    if (m.mountPropagation !== undefined && m.mountPropagation !== null) {
      const prop = str(m.mountPropagation);
      if (!MOUNT_PROPAGATIONS.includes(prop)) {
        ctx.add(
          `${containerPath}.volumeMounts.mountPropagation`,
          prop,
          'volumeMount.mountPropagation.unsupported',
          supported(MOUNT_PROPAGATIONS),
          'Use None, HostToContainer or Bidirectional.',
        );
      }
      if (prop === 'Bidirectional' && !privileged) {
        ctx.add(
          `${containerPath}.volumeMounts.mountPropagation`,
          prop,
          'volumeMount.mountPropagation.bidirectionalPrivileged',
          'Bidirectional mount propagation is available only to privileged containers',
          'Use HostToContainer, or make the container privileged.',
        );
      }
    }
    if (atLeast(ctx.version, '1.33')) validateRecursiveReadOnly(ctx, m, containerPath);
  }
}

const RECURSIVE_READ_ONLY = ['Disabled', 'Enabled', 'IfPossible'];

/**
 * The recursiveReadOnly part of ValidateVolumeMounts (RecursiveReadOnlyMounts, beta and on from 1.31; 1.28 has no
 * such field). Printed without the mount's index, as the server prints it (measured on v1.33.3).
 */
function validateRecursiveReadOnly(ctx: Ctx, m: Json, containerPath: string): void {
  const rro = m.recursiveReadOnly;
  if (typeof rro !== 'string' || rro === 'Disabled') return;
  if (!RECURSIVE_READ_ONLY.includes(rro)) {
    ctx.add(
      `${containerPath}.volumeMounts.recursiveReadOnly`,
      rro,
      'volumeMount.recursiveReadOnly.unsupported',
      supported(RECURSIVE_READ_ONLY),
      'Use Disabled, IfPossible or Enabled.',
    );
    return;
  }
  if (m.readOnly !== true) {
    ctx.add(
      `${containerPath}.volumeMounts.recursiveReadOnly`,
      rro,
      'volumeMount.recursiveReadOnly.notReadOnly',
      'may only be specified when readOnly is true',
      'Add readOnly: true to the mount, or leave recursiveReadOnly out.',
    );
  }
  if (typeof m.mountPropagation === 'string' && m.mountPropagation !== 'None') {
    ctx.add(
      `${containerPath}.volumeMounts.recursiveReadOnly`,
      rro,
      'volumeMount.recursiveReadOnly.propagation',
      'may only be specified when mountPropagation is None or not specified',
      'Leave mountPropagation out (or None) on a recursively read-only mount.',
    );
  }
}

function descending(ctx: Ctx, p: string, path: string, rule: string): void {
  if (p.startsWith('/'))
    ctx.add(path, p, `${rule}.relative`, 'must be a relative path', 'Remove the leading "/".');
  if (p === '..' || p.startsWith('../') || p.endsWith('/..') || p.includes('/../')) {
    ctx.add(
      path,
      p,
      `${rule}.backsteps`,
      "must not contain '..'",
      'Use a path below the volume root without "..".',
    );
  }
}

/** ValidateVolumeDevices (1.28): block devices need a PVC or ephemeral volume; names and paths unique. */
function validateVolumeDevices(
  ctx: Ctx,
  list: unknown[] | undefined,
  mounts: MountInfo,
  volumes: VolumeKinds,
  path: string,
): void {
  if (!list) return;
  const paths = new Set<string>();
  const names = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const d = item(list[i]);
    if (!d) continue;
    const name = str(d.name);
    const devicePath = str(d.devicePath);
    const vol = volumes.get(name);
    if (!name)
      ctx.add(
        `${path}[${i}].name`,
        d.name,
        'volumeDevice.name.required',
        'Required value',
        'Name the volume to attach.',
      );
    else if (names.has(name))
      ctx.add(
        `${path}[${i}].name`,
        name,
        'volumeDevice.name.duplicate',
        'must be unique',
        'Attach each volume once.',
      );
    if (name && vol && !vol.pvc) {
      ctx.add(
        `${path}[${i}].name`,
        name,
        'volumeDevice.name.notBlock',
        'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
        'Back the device with a persistentVolumeClaim or ephemeral volume.',
      );
    }
    if (name && !vol)
      ctx.add(
        `${path}[${i}].name`,
        name,
        'volumeDevice.name.notFound',
        'Not found',
        `Add a volume named "${name}".`,
      );
    if (!devicePath)
      ctx.add(
        `${path}[${i}].devicePath`,
        d.devicePath,
        'volumeDevice.devicePath.required',
        'Required value',
        'Set the device path, e.g. "/dev/xvda".',
      );
    else if (paths.has(devicePath))
      ctx.add(
        `${path}[${i}].devicePath`,
        devicePath,
        'volumeDevice.devicePath.duplicate',
        'must be unique',
        'Use a distinct device path.',
      );
    if (
      devicePath &&
      (devicePath === '..' ||
        devicePath.startsWith('../') ||
        devicePath.includes('/../') ||
        devicePath.endsWith('/..'))
    ) {
      ctx.add(
        `${path}[${i}].devicePath`,
        devicePath,
        'volumeDevice.devicePath.backsteps',
        "can not contain backsteps ('..')",
        'Use a path without "..".',
      );
    } else {
      paths.add(devicePath);
    }
    if (name && mounts.names.has(name))
      ctx.add(
        `${path}[${i}].name`,
        name,
        'volumeDevice.name.usedByMount',
        'must not already exist in volumeMounts',
        'Use the volume either as a mount or as a device.',
      );
    if (devicePath && mounts.paths.has(devicePath))
      ctx.add(
        `${path}[${i}].devicePath`,
        devicePath,
        'volumeDevice.devicePath.usedByMount',
        'must not already exist as a path in volumeMounts',
        'Use a path no volumeMount uses.',
      );
    if (name) names.add(name);
  }
}

/**
 * validateContainerCommon + validateContainerOnlyForPod (1.28): the rules shared by every kind of container.
 * `names` holds the names seen so far across containers, initContainers and ephemeralContainers, in that order.
 */
const RESIZE_RESOURCES = ['cpu', 'memory'];
const RESIZE_POLICIES = ['NotRequired', 'RestartContainer'];

/**
 * validateResizePolicy (InPlacePodVerticalScaling, beta and on in 1.33; a 1.28 server drops the field): each of
 * cpu and memory at most once, with NotRequired or RestartContainer, and only NotRequired in a Never Pod.
 */
function validateResizePolicy(ctx: Ctx, v: unknown, path: string): void {
  const list = arr(v);
  if (!list) return;
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const p = obj(list[i]);
    if (!p) continue;
    const resource = str(p.resourceName);
    const policy = str(p.restartPolicy);
    if (seen.has(resource)) {
      ctx.add(
        `${path}[${i}]`,
        resource,
        'resizePolicy.duplicate',
        'Duplicate value',
        'List cpu and memory once each.',
      );
    }
    seen.add(resource);
    for (const [value, allowed, what] of [
      [resource, RESIZE_RESOURCES, 'resourceName'],
      [policy, RESIZE_POLICIES, 'restartPolicy'],
    ] as const) {
      if (!value) {
        ctx.add(path, value, `resizePolicy.${what}.required`, 'Required value', `Set ${what}.`);
      } else if (!(allowed as readonly string[]).includes(value)) {
        ctx.add(
          path,
          value,
          `resizePolicy.${what}.unsupported`,
          supported(allowed),
          `Use ${allowed.join(' or ')}.`,
        );
      }
    }
    if (ctx.restartPolicy === 'Never' && policy !== 'NotRequired') {
      ctx.add(
        path,
        policy,
        'resizePolicy.restartPolicy.never',
        "must be 'NotRequired' when `restartPolicy` is 'Never'",
        'Use NotRequired: a Pod with restartPolicy Never cannot restart a container to resize it.',
      );
    }
  }
}

function validateCommon(ctx: Ctx, c: Json, path: string, volumes: VolumeKinds, names: Set<string>): void {
  if (atLeast(ctx.version, '1.33')) validateResizePolicy(ctx, c.resizePolicy, `${path}.resizePolicy`);
  const namePath = `${path}.name`;
  const name = str(c.name);
  if (!name) {
    ctx.add(namePath, c.name, 'container.name.required', 'Required value', 'Name the container, e.g. "app".');
  } else {
    const msg = dns1123Label(name);
    if (msg)
      ctx.add(
        namePath,
        name,
        'container.name.dns1123Label',
        msg,
        `Use lowercase letters, digits and "-", e.g. "${
          name
            .toLowerCase()
            .replace(/[^a-z0-9-]/g, '-')
            .replace(/^-+|-+$/g, '') || 'app'
        }".`,
      );
  }
  if (names.has(name)) {
    ctx.add(
      namePath,
      name,
      'container.name.duplicate',
      'Duplicate value',
      'Give every container, init container and ephemeral container a distinct name.',
    );
  } else if (name) {
    names.add(name);
  }
  const image = str(c.image);
  if (!image) {
    ctx.add(
      `${path}.image`,
      c.image,
      'container.image.required',
      'Required value',
      'Set the image, e.g. "nginx:1.25".',
    );
  } else if (image !== image.trim()) {
    ctx.add(
      `${path}.image`,
      image,
      'container.image.whitespace',
      'must not have leading or trailing whitespace',
      `Use "${image.trim()}".`,
    );
  }
  const pull = str(c.imagePullPolicy);
  if (pull && !PULL_POLICIES.includes(pull)) {
    ctx.add(
      `${path}.imagePullPolicy`,
      pull,
      'container.imagePullPolicy.unsupported',
      supported(PULL_POLICIES),
      'Use Always, IfNotPresent or Never.',
    );
  }
  const tmp = str(c.terminationMessagePolicy);
  if (tmp && !TERMINATION_MESSAGE_POLICIES.includes(tmp)) {
    ctx.add(
      `${path}.terminationMessagePolicy`,
      tmp,
      'container.terminationMessagePolicy.unsupported',
      supported(TERMINATION_MESSAGE_POLICIES),
      'Use File or FallbackToLogsOnError.',
    );
  }
  validateResources(ctx, c.resources, path);
  validatePorts(ctx, c.ports, path);
  validateEnv(ctx, c.env, path);
  validateEnvFrom(ctx, c.envFrom, path);
  const sc = validateContainerSecurityContext(ctx, c.securityContext, path);
  const privileged = sc?.privileged === true;
  const mounts = arr(c.volumeMounts);
  const devices = arr(c.volumeDevices);
  validateVolumeMounts(ctx, mounts, collect(devices, 'devicePath'), volumes, privileged, path);
  // Mounts are collected only when there are devices to compare them with.
  if (devices) {
    validateVolumeDevices(ctx, devices, collect(mounts, 'mountPath'), volumes, `${path}.volumeDevices`);
  }
}

// What a missing list reads as (readonly: never written to; not frozen, which would give it an unusual elements kind).
const NO_CONTAINERS: readonly unknown[] = [];

/**
 * validateContainers / validateInitContainers / validateEphemeralContainers. From 1.33 (SidecarContainers on) an init
 * container with restartPolicy Always is a sidecar and may have probes and lifecycle hooks; 1.28 drops the field.
 */
export function validateContainerList(
  ctx: Ctx,
  kind: ContainerKind,
  v: unknown,
  volumes: VolumeKinds,
  names: Set<string>,
): readonly unknown[] {
  const listPath = `spec.${kind}`;
  const list = arr(v);
  const sidecarsEnabled = atLeast(ctx.version, '1.33');
  if (kind === 'containers' && (!list || list.length === 0)) {
    if (v === undefined || v === null || list) {
      ctx.add(
        listPath,
        v,
        'container.required',
        'Required value',
        'Add at least one container with a name and an image.',
      );
    }
    return list ?? NO_CONTAINERS;
  }
  if (!list) return NO_CONTAINERS;
  if (kind === 'ephemeralContainers' && list.length > 0) {
    ctx.add(
      listPath,
      undefined,
      'ephemeralContainer.onCreate',
      'cannot be set on create',
      'Remove ephemeralContainers; add them later with kubectl debug.',
    );
  }
  // Ephemeral containers may only target containers and init containers, not each other.
  const targets = kind === 'ephemeralContainers' ? new Set(names) : undefined;
  for (let i = 0; i < list.length; i++) {
    const path = `${listPath}[${i}]`;
    const c = item(list[i]);
    if (!c) continue;
    validateCommon(ctx, c, path, volumes, names);
    const restart = c.restartPolicy;
    if (kind === 'containers') {
      validateLifecycle(ctx, c.lifecycle, path);
      validateProbe(ctx, c.livenessProbe, path, 'livenessProbe');
      validateProbe(ctx, c.readinessProbe, path, 'readinessProbe');
      validateProbe(ctx, c.startupProbe, path, 'startupProbe');
      if (restart !== undefined && restart !== null) {
        ctx.add(
          `${path}.restartPolicy`,
          restart,
          'container.restartPolicy.forbidden',
          'may not be set for non-init containers',
          'Remove restartPolicy; use spec.restartPolicy for the Pod.',
        );
      }
    } else if (kind === 'initContainers') {
      let sidecar = false;
      // 1.28 has the SidecarContainers gate off: the server drops an init container's restartPolicy before
      // validating (any value is accepted, and the container is an ordinary init container). It says nothing;
      // podwright warns, because such a sidecar blocks the Pod if it never exits.
      if (restart !== undefined && restart !== null && !sidecarsEnabled) {
        ctx.warn(
          `${path}.restartPolicy`,
          restart,
          'initContainer.restartPolicy.dropped',
          'is dropped by a Kubernetes 1.28 API server (SidecarContainers feature gate off by default): this runs as an ordinary init container',
          'Target Kubernetes 1.33 (kubeVersion / --kube-version), or turn this into a regular container.',
        );
      }
      if (restart !== undefined && restart !== null && sidecarsEnabled) {
        const policy = str(restart);
        if (policy === 'Always') sidecar = true;
        else
          ctx.add(
            `${path}.restartPolicy`,
            policy,
            'initContainer.restartPolicy.unsupported',
            supported(['Always']),
            'Use restartPolicy: Always for a sidecar, or remove it.',
          );
      }
      if (sidecar) {
        validateLifecycle(ctx, c.lifecycle, path);
        validateProbe(ctx, c.livenessProbe, path, 'livenessProbe');
        validateProbe(ctx, c.readinessProbe, path, 'readinessProbe');
        validateProbe(ctx, c.startupProbe, path, 'startupProbe');
      } else {
        for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
          if (c[f] !== undefined && c[f] !== null) {
            ctx.add(
              `${path}.${f}`,
              c[f],
              `initContainer.${f}.forbidden`,
              'may not be set for init containers without restartPolicy=Always',
              `Remove ${f}, or make this a sidecar with restartPolicy: Always.`,
            );
          }
        }
      }
      // Init containers run one by one, so host ports only conflict within one init container.
      checkHostPorts(ctx, list, listPath, [i]);
    } else {
      const target = str(c.targetContainerName);
      if (target && !targets?.has(target)) {
        ctx.add(
          `${path}.targetContainerName`,
          target,
          'ephemeralContainer.targetContainerName.notFound',
          'Not found',
          'Name a container or init container of this Pod.',
        );
      }
      // Sub-path bind mounts outlive the ephemeral container, so the API server forbids them there.
      const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
      mounts.forEach((m, j) => {
        if (!m || typeof m !== 'object') return;
        for (const f of ['subPath', 'subPathExpr']) {
          if ((m as Json)[f]) {
            ctx.add(
              `${path}.volumeMounts[${j}].${f}`,
              (m as Json)[f],
              `ephemeralContainer.volumeMounts.${f}.forbidden`,
              'cannot be set for an Ephemeral Container',
              `Remove ${f}; mount the whole volume.`,
            );
          }
        }
      });
      for (let k = 0; k < EPHEMERAL_FORBIDDEN.length; k++) {
        const f = EPHEMERAL_FORBIDDEN[k];
        if (c[f] !== undefined && c[f] !== null) {
          ctx.add(
            `${path}.${f}`,
            c[f],
            `ephemeralContainer.${f}.forbidden`,
            'cannot be set for an Ephemeral Container',
            `Remove ${f}.`,
          );
        }
      }
      if (restart !== undefined && restart !== null) {
        ctx.add(
          `${path}.restartPolicy`,
          restart,
          'ephemeralContainer.restartPolicy.forbidden',
          'cannot be set for an Ephemeral Container',
          'Remove restartPolicy.',
        );
      }
    }
  }
  if (kind === 'containers') checkHostPorts(ctx, list, listPath);
  return list;
}
