import type { Ctx, Json } from './context';
import * as contextModule from './context';
import * as formatsModule from './formats';
import type { Quantity } from '../../quantity';
import * as resourcesModule from './resources';
import * as securityContextModule from './security-context';
import * as metaModule from './meta';

// Functions of sibling modules are bound once here: run through tsx (CommonJS), every `import { f }` call
// otherwise goes through an export getter, which cost a fifth of validation time (docs/performance.md).
const { arr, int32, int64, obj, optStr, str, strList, supported, item } = contextModule;
const { configMapKey, dns1123Label, dns1123Subdomain, hasBackstep, qualifiedName } = formatsModule;
const { jsonQuantity } = resourcesModule;
const { validateLocalDescendingPath } = securityContextModule;
const { validateLabels } = metaModule;

/** The sources a volume may have (one per volume); used to count them and to name the first. */
const SOURCES = [
  'emptyDir',
  'hostPath',
  'gitRepo',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'flocker',
  'persistentVolumeClaim',
  'rbd',
  'cinder',
  'cephfs',
  'quobyte',
  'downwardAPI',
  'fc',
  'flexVolume',
  'configMap',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'storageos',
  'projected',
  'scaleIO',
  'csi',
  'ephemeral',
] as const;
// Where validateVolumeSource prints "more than 1 volume type" and a source's own errors, when that differs
// from the JSON field name (typos the API server keeps for compatibility).
const FORBIDDEN_PATH: Readonly<Record<string, string>> = { cephfs: 'cephFS', downwardAPI: 'downwarAPI' };
const INNER_PATH: Readonly<Record<string, string>> = { gcePersistentDisk: 'persistentDisk' };
// Required fields of the in-tree sources whose other rules are not ported (Required value when empty).
const LEGACY_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  iscsi: ['targetPortal', 'iqn'],
  glusterfs: ['endpoints', 'path'],
  rbd: ['monitors', 'image'],
  flexVolume: ['driver'],
  cinder: ['volumeID'],
  cephfs: ['monitors'],
  quobyte: ['volume'],
  azureFile: ['secretName', 'shareName'],
  vsphereVolume: ['volumePath'],
  photonPersistentDisk: ['pdID'],
  portworxVolume: ['volumeID'],
  azureDisk: ['diskName', 'diskURI'],
  storageos: ['volumeName'],
  scaleIO: ['gateway', 'system', 'volumeName'],
};
const HOST_PATH_TYPES = [
  '',
  'DirectoryOrCreate',
  'Directory',
  'FileOrCreate',
  'File',
  'Socket',
  'CharDevice',
  'BlockDevice',
];
const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';
// validVolumeDownwardAPIFieldPathExpressions
const VOLUME_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.labels',
  'metadata.annotations',
  'metadata.uid',
];
const VOLUME_RESOURCE_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];

/** What a valid volume is, as far as mounts care: block devices need a PVC or ephemeral volume. */
export type VolumeKinds = Map<string, { readonly pvc: boolean }>;

function checkMode(ctx: Ctx, v: unknown, path: string): void {
  const mode = int32(v);
  if (mode !== undefined && (mode < 0 || mode > 0o777)) {
    ctx.add(
      path,
      mode,
      'volume.mode.range',
      FILE_MODE_MSG,
      'Use a mode like 420 (0644 octal) or 256 (0400); JSON has no octal literals.',
    );
  }
}

// validateLocalNonReservedPath: descending and not starting with '..' (e.g. "..data", used by the kubelet).
function checkItemPath(ctx: Ctx, p: string, path: string, rule: string): void {
  validateLocalDescendingPath(ctx, p, path, rule);
  if (p.startsWith('..') && !p.startsWith('../') && !hasBackstep(p)) {
    ctx.add(
      path,
      p,
      `${rule}.reserved`,
      "must not start with '..'",
      'Rename the file; names starting with ".." are reserved by the kubelet.',
    );
  }
}

/** validateKeyToPath: key and path required, path descending, mode in range. */
function validateItems(ctx: Ctx, v: unknown, path: string, paths?: Set<string>, owner?: string): void {
  const items = arr(v);
  if (!items) return;
  for (let i = 0; i < items.length; i++) {
    const p = `${path}[${i}]`;
    const kp = item(items[i]);
    if (!kp) continue;
    const key = str(kp.key);
    const target = str(kp.path);
    if (!key)
      ctx.add(`${p}.key`, kp.key, 'volume.items.key.required', 'Required value', 'Name the key to project.');
    if (!target)
      ctx.add(
        `${p}.path`,
        kp.path,
        'volume.items.path.required',
        'Required value',
        'Give the relative file path for the key.',
      );
    else checkItemPath(ctx, target, `${p}.path`, 'volume.items.path');
    checkMode(ctx, kp.mode, `${p}.mode`);
    if (paths && target) {
      if (paths.has(target)) {
        ctx.add(
          path.slice(0, path.indexOf('.sources')),
          owner,
          'volume.projected.duplicatePath',
          'conflicting duplicate paths',
          `Give each projected file a distinct path (${target} is used twice).`,
        );
      }
      paths.add(target);
    }
  }
}

/** validateObjectFieldSelector for downward API files and env vars (1.28 field paths). */
export function validateFieldRef(
  ctx: Ctx,
  ref: Json,
  path: string,
  allowed: readonly string[],
  area: string,
): void {
  const apiVersion = str(ref.apiVersion);
  const fieldPath = str(ref.fieldPath);
  // apiVersion is defaulted to v1.
  if (apiVersion && apiVersion !== 'v1') {
    ctx.add(
      `${path}.fieldPath`,
      fieldPath,
      `${area}.fieldRef.apiVersion`,
      `error converting fieldPath: unsupported pod version: ${apiVersion}`,
      'Use apiVersion "v1" or omit it.',
    );
    return;
  }
  if (!fieldPath) {
    ctx.add(
      `${path}.fieldPath`,
      ref.fieldPath,
      `${area}.fieldRef.fieldPath.required`,
      'Required value',
      'Set fieldPath, e.g. "metadata.name".',
    );
    return;
  }
  // fieldpath.SplitMaybeSubscriptedPath: metadata.labels['key'] and metadata.annotations['key'].
  if (fieldPath.endsWith("']")) {
    const open = fieldPath.indexOf("['");
    if (open > 0) {
      const base = fieldPath.slice(0, open);
      const key = fieldPath.slice(open + 2, -2);
      if (base === 'metadata.labels' || base === 'metadata.annotations') {
        const msg = qualifiedName(base === 'metadata.annotations' ? key.toLowerCase() : key);
        if (msg)
          ctx.add(path, key, `${area}.fieldRef.subscript`, msg, 'Subscript a valid label or annotation key.');
      } else {
        ctx.add(
          path,
          base,
          `${area}.fieldRef.subscript`,
          'does not support subscript',
          "Only metadata.labels and metadata.annotations take a ['key'] subscript.",
        );
      }
      return;
    }
  }
  if (!allowed.includes(fieldPath)) {
    ctx.add(
      `${path}.fieldPath`,
      fieldPath,
      `${area}.fieldRef.fieldPath.unsupported`,
      supported(allowed),
      `Use one of: ${allowed.join(', ')}.`,
    );
  }
}

const NANO = 1_000_000_000n;

// The divisor must print (Quantity.String, the canonical form) as one of the listed values: for decimal
// quantities that is a power of 1000, for binary ones a power of 1024 from Ki up, for exponent form only 1.
function isCanonicalDivisor(q: Quantity, cpu: boolean): boolean {
  if (q.format === 'DecimalExponent') return q.nano === NANO;
  if (cpu) return q.nano === NANO || q.nano === NANO / 1000n;
  if (q.format === 'BinarySI' && q.nano >= 1024n * NANO) {
    for (let v = 1024n * NANO; v <= (1n << 60n) * NANO; v *= 1024n) if (q.nano === v) return true;
    return false;
  }
  for (let v = NANO; v <= 10n ** 27n; v *= 1000n) if (q.nano === v) return true;
  return false;
}

/** validateContainerResourceFieldSelector: resource in the supported list (hugepages by prefix). */
export function validateResourceFieldRef(
  ctx: Ctx,
  ref: Json,
  path: string,
  volume: boolean,
  area: string,
): void {
  const containerName = str(ref.containerName);
  const resource = str(ref.resource);
  if (volume && !containerName) {
    ctx.add(
      `${path}.containerName`,
      ref.containerName,
      `${area}.resourceFieldRef.containerName.required`,
      'Required value',
      'Name the container whose resources to expose.',
    );
  } else if (!resource) {
    ctx.add(
      `${path}.resource`,
      ref.resource,
      `${area}.resourceFieldRef.resource.required`,
      'Required value',
      'Set resource, e.g. "limits.memory".',
    );
  } else if (
    !VOLUME_RESOURCE_PATHS.includes(resource) &&
    !resource.startsWith('limits.hugepages-') &&
    !resource.startsWith('requests.hugepages-')
  ) {
    ctx.add(
      `${path}.resource`,
      resource,
      `${area}.resourceFieldRef.resource.unsupported`,
      supported(VOLUME_RESOURCE_PATHS),
      'Use limits.cpu, limits.memory, requests.cpu, requests.memory, ... or *.hugepages-<size>.',
    );
  }
  if (ref.divisor === undefined || ref.divisor === null) return;
  const divisor = jsonQuantity(ref.divisor);
  if (!divisor) {
    ctx.add(
      `${path}.divisor`,
      ref.divisor,
      `${area}.resourceFieldRef.divisor.quantity`,
      'must be a valid quantity',
      'Use a divisor like "1m" for cpu or "1Mi" for memory.',
    );
    return;
  }
  // validateContainerResourceDivisor: a zero divisor means unset.
  if (divisor.nano === 0n) return;
  const cpu = resource === 'limits.cpu' || resource === 'requests.cpu';
  const sized = /^(limits|requests)\.(memory|ephemeral-storage|hugepages-.+)$/.test(resource);
  if ((cpu || sized) && !isCanonicalDivisor(divisor, cpu)) {
    const kindName = cpu ? 'cpu' : resource.includes('hugepages-') ? 'hugepages' : resource.split('.')[1];
    const allowed = cpu ? '1m and 1' : '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';
    ctx.add(
      `${path}.divisor`,
      resource,
      `${area}.resourceFieldRef.divisor.unsupported`,
      `only divisor's values ${allowed} are supported with the ${kindName} resource`,
      `Use one of: ${allowed}.`,
    );
  }
}

// validateDownwardAPIVolumeFile is called with the volume's (or projection's) path, not the item's, so the API
// server prints item errors without "items[i]"; type errors keep the index so the bad item can be found.
function validateDownwardItems(ctx: Ctx, v: unknown, path: string, paths?: Set<string>): void {
  const q = path.slice(0, -'.items'.length);
  const items = arr(v);
  if (!items) return;
  for (let i = 0; i < items.length; i++) {
    const f = item(items[i]);
    if (!f) continue;
    const target = str(f.path);
    if (!target)
      ctx.add(
        `${q}.path`,
        f.path,
        'volume.downwardAPI.path.required',
        'Required value',
        'Give the relative file path.',
      );
    else checkItemPath(ctx, target, `${q}.path`, 'volume.downwardAPI.path');
    const fieldRef = obj(f.fieldRef);
    const resourceRef = obj(f.resourceFieldRef);
    if (fieldRef) {
      validateFieldRef(ctx, fieldRef, `${q}.fieldRef`, VOLUME_FIELD_PATHS, 'volume.downwardAPI');
      if (resourceRef) {
        ctx.add(
          q,
          'resource',
          'volume.downwardAPI.bothRefs',
          'fieldRef and resourceFieldRef can not be specified simultaneously',
          'Keep either fieldRef or resourceFieldRef.',
        );
      }
    } else if (resourceRef) {
      validateResourceFieldRef(ctx, resourceRef, `${q}.resourceFieldRef`, true, 'volume.downwardAPI');
    } else {
      ctx.add(
        q,
        undefined,
        'volume.downwardAPI.refRequired',
        'one of fieldRef and resourceFieldRef is required',
        'Add a fieldRef such as {fieldPath: metadata.labels}.',
      );
    }
    checkMode(ctx, f.mode, `${q}.mode`);
    if (paths && target) {
      if (paths.has(target)) {
        ctx.add(
          path.slice(0, path.indexOf('.sources')),
          target,
          'volume.projected.duplicatePath',
          'conflicting duplicate paths',
          `Give each projected file a distinct path (${target} is used twice).`,
        );
      }
      paths.add(target);
    }
  }
}

function validateProjected(ctx: Ctx, src: Json, path: string): void {
  checkMode(ctx, src.defaultMode, `${path}.defaultMode`);
  const sources = arr(src.sources);
  if (!sources) return;
  const paths = new Set<string>();
  for (let i = 0; i < sources.length; i++) {
    const sp = `${path}.sources[${i}]`;
    const s = item(sources[i]);
    if (!s) continue;
    let count = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      const ref = obj(s[kind]);
      if (!ref) continue;
      count++;
      const name = str(ref.name);
      if (!name)
        ctx.add(
          `${sp}.${kind}.name`,
          ref.name,
          `volume.projected.${kind}.name.required`,
          'Required value',
          `Name the ${kind === 'secret' ? 'Secret' : 'ConfigMap'} to project.`,
        );
      validateItems(ctx, ref.items, `${sp}.${kind}.items`, paths, name);
    }
    const downward = obj(s.downwardAPI);
    if (downward) {
      count++;
      validateDownwardItems(ctx, downward.items, `${sp}.downwardAPI.items`, paths);
    }
    const token = obj(s.serviceAccountToken);
    if (token) {
      count++;
      const tp = `${sp}.serviceAccountToken`;
      // expirationSeconds is defaulted to 3600.
      const exp = int64(token.expirationSeconds) ?? 3600;
      if (exp < 600) {
        ctx.add(
          `${tp}.expirationSeconds`,
          exp,
          'volume.projected.serviceAccountToken.expirationSeconds.min',
          'may not specify a duration less than 10 minutes',
          'Use at least 600 seconds.',
        );
      } else if (exp > 2 ** 32) {
        ctx.add(
          `${tp}.expirationSeconds`,
          exp,
          'volume.projected.serviceAccountToken.expirationSeconds.max',
          'may not specify a duration larger than 2^32 seconds',
          'Use a shorter duration, e.g. 3600.',
        );
      }
      const target = str(token.path);
      if (!target) {
        // The API server prints this one at the volume's projected path, not the source's.
        ctx.add(
          `${path}.path`,
          token.path,
          'volume.projected.serviceAccountToken.path.required',
          'Required value',
          'Give the token file a path, e.g. "token".',
        );
      } else {
        checkItemPath(ctx, target, `${path}.path`, 'volume.projected.serviceAccountToken.path');
      }
    }
    if (count > 1) {
      ctx.add(
        sp,
        undefined,
        'volume.projected.multipleSources',
        'may not specify more than 1 volume type',
        'Split the projection into one entry per source.',
      );
    }
  }
}

function validateEphemeral(ctx: Ctx, src: Json, path: string): void {
  const template = obj(src.volumeClaimTemplate);
  if (!template) {
    ctx.add(
      `${path}.volumeClaimTemplate`,
      undefined,
      'volume.ephemeral.volumeClaimTemplate.required',
      'Required value',
      'Add a volumeClaimTemplate with accessModes and resources.requests.storage.',
    );
    return;
  }
  const tp = `${path}.volumeClaimTemplate`;
  const meta = obj(template.metadata);
  if (meta) validateLabels(ctx, meta.labels, `${tp}.metadata.labels`, 'volume.ephemeral.labels');
  const spec = obj(template.spec);
  const sp = `${tp}.spec`;
  const modes = strList(spec?.accessModes);
  if (!modes || modes.length === 0) {
    ctx.add(
      `${sp}.accessModes`,
      spec?.accessModes,
      'volume.ephemeral.accessModes.required',
      'at least 1 access mode is required',
      'Add accessModes: [ReadWriteOnce].',
    );
  } else {
    for (let i = 0; i < modes.length; i++) {
      const mode = modes[i];
      if (!ACCESS_MODES.includes(mode)) {
        ctx.add(
          `${sp}.accessModes`,
          mode,
          'volume.ephemeral.accessModes.unsupported',
          supported(ACCESS_MODES),
          'Use ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod.',
        );
      }
    }
    if (
      modes.includes('ReadWriteOncePod') &&
      modes.some((m) => m !== 'ReadWriteOncePod' && ACCESS_MODES.includes(m))
    ) {
      ctx.add(
        `${sp}.accessModes`,
        modes,
        'volume.ephemeral.accessModes.readWriteOncePodAlone',
        'may not use ReadWriteOncePod with other access modes',
        'Use ReadWriteOncePod on its own.',
      );
    }
  }
  const resources = spec ? obj(spec.resources) : undefined;
  const requests = resources ? obj(resources.requests) : undefined;
  const storage = requests?.storage;
  if (storage === undefined || storage === null) {
    ctx.add(
      `${sp}.resources[storage]`,
      undefined,
      'volume.ephemeral.storage.required',
      'Required value',
      'Request storage, e.g. resources.requests.storage: 1Gi.',
    );
  } else {
    const q = jsonQuantity(storage);
    if (!q || q.nano <= 0n) {
      ctx.add(
        `${sp}.resources[storage]`,
        storage,
        'volume.ephemeral.storage.positive',
        'must be greater than zero',
        'Request a positive size like "1Gi".',
      );
    }
  }
  const volumeMode = spec ? optStr(spec.volumeMode) : undefined;
  if (volumeMode !== undefined && !VOLUME_MODES.includes(volumeMode)) {
    ctx.add(
      `${sp}.volumeMode`,
      volumeMode,
      'volume.ephemeral.volumeMode.unsupported',
      supported(VOLUME_MODES),
      'Use Filesystem or Block.',
    );
  }
  const className = spec ? optStr(spec.storageClassName) : undefined;
  if (className) {
    const msg = dns1123Subdomain(className);
    if (msg)
      ctx.add(
        `${sp}.storageClassName`,
        className,
        'volume.ephemeral.storageClassName',
        msg,
        'Use the name of a StorageClass.',
      );
  }
}

// A required string field of the source at `p`: reported when empty, and returned.
function required(ctx: Ctx, src: Json, p: string, field: string, rule: string, fix: string): string {
  const value = str(src[field]);
  if (!value) ctx.add(`${p}.${field}`, src[field], rule, 'Required value', fix);
  return value;
}

function validateSource(ctx: Ctx, vol: Json, kind: string, src: Json, path: string, podName: string): void {
  const p = `${path}.${INNER_PATH[kind] ?? kind}`;
  switch (kind) {
    case 'hostPath': {
      const hp = required(
        ctx,
        src,
        p,
        'path',
        'volume.hostPath.path.required',
        'Give the host path, e.g. "/var/log".',
      );
      if (!hp) break;
      if (hasBackstep(hp))
        ctx.add(
          `${p}.path`,
          hp,
          'volume.hostPath.path.backsteps',
          "must not contain '..'",
          'Use a path without "..".',
        );
      const type = str(src.type);
      if (!HOST_PATH_TYPES.includes(type)) {
        ctx.add(
          `${p}.type`,
          type,
          'volume.hostPath.type.unsupported',
          supported(HOST_PATH_TYPES),
          'Use Directory, DirectoryOrCreate, File, FileOrCreate, Socket, CharDevice or BlockDevice.',
        );
      }
      break;
    }
    case 'emptyDir': {
      const limit = src.sizeLimit;
      if (limit !== undefined && limit !== null) {
        const q = jsonQuantity(limit);
        if (!q) {
          ctx.add(
            `${p}.sizeLimit`,
            limit,
            'volume.emptyDir.sizeLimit.quantity',
            'must be a valid quantity',
            'Use a size like "1Gi".',
          );
        } else if (q.nano < 0n) {
          ctx.add(
            `${p}.sizeLimit`,
            limit,
            'volume.emptyDir.sizeLimit.negative',
            'SizeLimit field must be a valid resource quantity',
            'Use a non-negative size like "1Gi".',
          );
        }
      }
      break;
    }
    case 'secret':
      required(ctx, src, p, 'secretName', 'volume.secret.secretName.required', 'Name the Secret to mount.');
      checkMode(ctx, src.defaultMode, `${p}.defaultMode`);
      validateItems(ctx, src.items, `${p}.items`);
      break;
    case 'configMap':
      required(ctx, src, p, 'name', 'volume.configMap.name.required', 'Name the ConfigMap to mount.');
      checkMode(ctx, src.defaultMode, `${p}.defaultMode`);
      validateItems(ctx, src.items, `${p}.items`);
      break;
    case 'persistentVolumeClaim':
      required(
        ctx,
        src,
        p,
        'claimName',
        'volume.persistentVolumeClaim.claimName.required',
        'Name the PersistentVolumeClaim to mount.',
      );
      break;
    case 'nfs': {
      required(ctx, src, p, 'server', 'volume.nfs.server.required', 'Give the NFS server host name or IP.');
      const np = required(
        ctx,
        src,
        p,
        'path',
        'volume.nfs.path.required',
        'Give the exported path, e.g. "/exports".',
      );
      if (np && !np.startsWith('/'))
        ctx.add(
          `${p}.path`,
          np,
          'volume.nfs.path.absolute',
          'must be an absolute path',
          'Start the export path with "/".',
        );
      break;
    }
    case 'downwardAPI':
      checkMode(ctx, src.defaultMode, `${p}.defaultMode`);
      validateDownwardItems(ctx, src.items, `${p}.items`);
      break;
    case 'projected':
      validateProjected(ctx, src, p);
      break;
    case 'ephemeral': {
      validateEphemeral(ctx, src, p);
      // The claim is named <pod>-<volume>; it must be a valid object name too.
      const volName = typeof vol.name === 'string' ? vol.name : '';
      const msg = podName && volName ? dns1123Subdomain(`${podName}-${volName}`) : undefined;
      if (msg)
        ctx.add(
          `${p}.name`,
          volName,
          'volume.ephemeral.pvcName',
          `PVC name "${podName}-${volName}": ${msg}`,
          'Shorten the Pod or volume name.',
        );
      break;
    }
    case 'csi': {
      const driver = required(
        ctx,
        src,
        p,
        'driver',
        'volume.csi.driver.required',
        'Name the CSI driver, e.g. "csi.example.com".',
      );
      if (driver) {
        const msg =
          driver.length > 63 ? 'must have at most 63 bytes' : dns1123Subdomain(driver.toLowerCase());
        if (msg)
          ctx.add(
            `${p}.driver`,
            driver,
            'volume.csi.driver.format',
            msg,
            'Use the driver name as registered, e.g. "csi.example.com".',
          );
      }
      break;
    }
    case 'gitRepo': {
      required(ctx, src, p, 'repository', 'volume.gitRepo.repository.required', 'Give the repository URL.');
      const dir = str(src.directory);
      validateLocalDescendingPath(ctx, dir, `${p}.directory`, 'volume.gitRepo.directory');
      break;
    }
    case 'gcePersistentDisk':
    case 'awsElasticBlockStore': {
      const idField = kind === 'gcePersistentDisk' ? 'pdName' : 'volumeID';
      required(ctx, src, p, idField, `volume.${kind}.${idField}.required`, 'Give the disk name or id.');
      const partition = int32(src.partition);
      if (partition !== undefined && (partition < 0 || partition > 255)) {
        ctx.add(
          `${p}.partition`,
          partition,
          `volume.${kind}.partition.range`,
          'must be between 0 and 255, inclusive',
          'Use a partition number between 0 and 255 (0 for the whole disk).',
        );
      }
      break;
    }
    default:
      // Legacy in-tree sources: only their required fields are checked (validateRBDVolumeSource, ...).
      for (const field of LEGACY_REQUIRED[kind] ?? []) {
        const v = src[field];
        if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) {
          ctx.add(
            `${p}.${field}`,
            v,
            `volume.${kind}.${field}.required`,
            'Required value',
            `Set ${kind}.${field}.`,
          );
        }
      }
  }
}

// What VolumeKinds holds for a volume; two shared values, since no one writes to them.
const CLAIM_VOLUME = { pvc: true } as const;
const OTHER_VOLUME = { pvc: false } as const;

/**
 * ValidateVolumes + validateVolumeSource (1.28). A volume with no source is not an error: the server defaults
 * it to emptyDir. Volumes with errors are left out of the returned map, as the API server does, so mounts
 * that reference them are also reported.
 */
export function validateVolumes(ctx: Ctx, v: unknown, podName: string): VolumeKinds {
  const kinds: VolumeKinds = new Map();
  const list = arr(v);
  if (!list) return kinds;
  // The claims the Pod's ephemeral volumes create; allocated only for a Pod that has one.
  let ephemeralClaims: Set<string> | undefined;
  if (podName) {
    for (let j = 0; j < list.length; j++) {
      const vol = list[j];
      if (vol && typeof vol === 'object' && 'ephemeral' in vol && typeof (vol as Json).name === 'string') {
        (ephemeralClaims ??= new Set()).add(`${podName}-${(vol as Json).name as string}`);
      }
    }
  }
  for (let i = 0; i < list.length; i++) {
    const path = `spec.volumes[${i}]`;
    const vol = item(list[i]);
    if (!vol) continue;
    const before = ctx.out.length;
    let first: string | undefined;
    for (let j = 0; j < SOURCES.length; j++) {
      const kind = SOURCES[j];
      const raw = vol[kind];
      if (raw === undefined || raw === null) continue;
      const src = obj(raw);
      if (!src) continue;
      if (first !== undefined) {
        ctx.add(
          `${path}.${FORBIDDEN_PATH[kind] ?? kind}`,
          undefined,
          'volume.source.multiple',
          'may not specify more than 1 volume type',
          `Keep only ${first} (or move ${kind} into its own volume).`,
        );
        continue;
      }
      first = kind;
      validateSource(ctx, vol, kind, src, path, podName);
    }
    const name = str(vol.name);
    if (!name) {
      ctx.add(
        `${path}.name`,
        vol.name,
        'volume.name.required',
        'Required value',
        'Name the volume, e.g. "data".',
      );
    } else {
      const msg = dns1123Label(name);
      if (msg)
        ctx.add(
          `${path}.name`,
          name,
          'volume.name.dns1123Label',
          msg,
          'Use lowercase letters, digits and "-", e.g. "config-data".',
        );
    }
    if (name && kinds.has(name)) {
      ctx.add(
        `${path}.name`,
        name,
        'volume.name.duplicate',
        'Duplicate value',
        'Give each volume a distinct name.',
      );
    }
    if (ctx.out.length === before) {
      kinds.set(
        name,
        first === 'persistentVolumeClaim' || first === 'ephemeral' ? CLAIM_VOLUME : OTHER_VOLUME,
      );
    }
    const pvc = first === 'persistentVolumeClaim' ? (vol.persistentVolumeClaim as Json) : undefined;
    if (pvc && typeof pvc.claimName === 'string' && ephemeralClaims?.has(pvc.claimName)) {
      ctx.add(
        `${path}.persistentVolumeClaim.claimName`,
        pvc.claimName,
        'volume.persistentVolumeClaim.claimName.ephemeral',
        'must not reference a PVC that gets created for an ephemeral volume',
        'Mount the ephemeral volume directly instead of its claim.',
      );
    }
  }
  return kinds;
}

/** Checks a configMap/secret key reference's key. */
export function checkKey(ctx: Ctx, key: string, path: string, rule: string): void {
  const msg = configMapKey(key);
  if (msg) ctx.add(path, key, rule, msg, 'Use the exact key name from the ConfigMap or Secret.');
}
