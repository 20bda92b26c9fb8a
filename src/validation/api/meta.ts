import type { Ctx, Json } from './context';
import * as contextModule from './context';
import * as formatsModule from './formats';

// Functions of sibling modules are bound once here: run through tsx (CommonJS), every `import { f }` call
// otherwise goes through an export getter, which cost a fifth of validation time (docs/performance.md).
const { arr, bool, int64, str, strList, strMap, item } = contextModule;
const { dns1123Label, dns1123Subdomain, dns1123SubdomainPrefix, hasBackstep, labelValue, qualifiedName } =
  formatsModule;

const TOTAL_ANNOTATION_SIZE = 256 * 1024;
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';
const INT_TEXT = /^-?[0-9]+$/;

/**
 * ValidateLabels (apimachinery meta/v1/validation): keys are qualified names, values label values. The API
 * server reports both at the map's path, not at the key.
 */
export function validateLabels(ctx: Ctx, v: unknown, path: string, area: string): void {
  const labels = strMap(v);
  if (!labels) return;
  for (const key in labels) {
    const keyError = qualifiedName(key);
    if (keyError) {
      ctx.add(
        path,
        key,
        `${area}.key.qualifiedName`,
        `label key ${keyError}`,
        'Use a key like "app" or "example.com/tier".',
      );
    }
    const value = labels[key];
    if (typeof value !== 'string') continue;
    const valueError = labelValue(value);
    if (valueError) {
      ctx.add(
        path,
        value,
        `${area}.value.labelValue`,
        `label value ${valueError}`,
        'Use at most 63 letters, digits, "-", "_" or "." starting and ending with a letter or digit.',
      );
    }
  }
}

/** ValidateLabelName: one qualified-name key at its own path (tolerations, selectors, topology keys). */
export function validateLabelName(ctx: Ctx, key: string, path: string, rule: string): void {
  const msg = qualifiedName(key);
  if (msg) ctx.add(path, key, rule, msg, 'Use a label key like "app" or "topology.kubernetes.io/zone".');
}

/**
 * ValidateObjectMeta (apimachinery api/validation/objectmeta.go) with ValidatePodName (NameIsDNSSubdomain),
 * plus ValidatePodSpecificAnnotations (pkg/apis/core/validation) for the annotations the API server reads.
 * Workloads pass `podSpecific: false`: their names are DNS subdomains too, but their annotations are free.
 */
export function validateMeta(
  ctx: Ctx,
  meta: Json | undefined,
  spec: Json | undefined,
  podSpecific = true,
): void {
  const m = meta ?? {};
  const generateName = str(m.generateName);
  const name = str(m.name);
  if (generateName) {
    const msg = dns1123SubdomainPrefix(generateName);
    if (msg) {
      ctx.add(
        'metadata.generateName',
        generateName,
        'meta.generateName.dns1123Subdomain',
        msg,
        'Use a lowercase prefix like "web-".',
      );
    }
  }
  // The server generates the name from generateName before validating, so only a Pod with neither fails.
  if (!name) {
    if (!generateName) {
      ctx.add(
        'metadata.name',
        m.name,
        'meta.name.required',
        'name or generateName is required',
        'Set metadata.name, e.g. "web".',
      );
    }
  } else {
    const msg = dns1123Subdomain(name);
    if (msg) {
      ctx.add(
        'metadata.name',
        name,
        'meta.name.dns1123Subdomain',
        msg,
        'Use lowercase letters, digits, "-" and ".", e.g. "web-1".',
      );
    }
  }
  // A missing namespace is filled in from the request (kubectl's context), so only a bad one is an error.
  const namespace = str(m.namespace);
  if (namespace) {
    const msg = dns1123Label(namespace);
    if (msg) {
      ctx.add(
        'metadata.namespace',
        namespace,
        'meta.namespace.dns1123Label',
        msg,
        'Use a lowercase namespace like "team-a".',
      );
    }
  }
  const generation = int64(m.generation);
  if (generation !== undefined && generation < 0) {
    ctx.add(
      'metadata.generation',
      generation,
      'meta.generation.nonNegative',
      'must be greater than or equal to 0',
      'Remove metadata.generation; the server sets it.',
    );
  }
  validateFinalizers(ctx, m.finalizers);
  validateOwnerReferences(ctx, m.ownerReferences);
  validateLabels(ctx, m.labels, 'metadata.labels', 'meta.labels');
  validateAnnotations(ctx, m.annotations, spec, podSpecific);
}

function validateAnnotations(ctx: Ctx, v: unknown, spec: Json | undefined, podSpecific: boolean): void {
  const path = 'metadata.annotations';
  const annotations = strMap(v);
  if (!annotations) return;
  let total = 0;
  for (const key in annotations) {
    const value = annotations[key];
    const text = typeof value === 'string' ? value : '';
    // Go measures the size in bytes of UTF-8, not in UTF-16 code units.
    total += Buffer.byteLength(key) + Buffer.byteLength(text);
    // ValidateAnnotations lower-cases the key first: annotation keys may use upper case.
    const msg = qualifiedName(key.toLowerCase());
    if (msg)
      ctx.add(
        path,
        key,
        'meta.annotations.key.qualifiedName',
        `annotation key ${msg}`,
        'Use a key like "example.com/owner".',
      );
  }
  if (total > TOTAL_ANNOTATION_SIZE) {
    ctx.add(
      path,
      total,
      'meta.annotations.tooLong',
      `may not be more than ${TOTAL_ANNOTATION_SIZE} bytes`,
      'Move large data into a ConfigMap and reference it.',
    );
  }
  if (!podSpecific) return;
  const mirror = annotations[MIRROR_POD_ANNOTATION];
  if (typeof mirror === 'string' && !(spec && typeof spec.nodeName === 'string' && spec.nodeName)) {
    ctx.add(
      `${path}[${MIRROR_POD_ANNOTATION}]`,
      mirror,
      'meta.annotations.mirrorPodNodeName',
      'must set spec.nodeName if mirror pod annotation is set',
      `Remove the ${MIRROR_POD_ANNOTATION} annotation; only the kubelet creates mirror pods.`,
    );
  }
  validateSecurityAnnotations(ctx, annotations, spec);
  const cost = annotations[DELETION_COST_ANNOTATION];
  if (typeof cost === 'string' && !isDeletionCost(cost)) {
    ctx.add(
      `${path}[${DELETION_COST_ANNOTATION}]`,
      cost,
      'meta.annotations.podDeletionCost',
      'must be a 32bit integer',
      'Use a decimal integer between -2147483648 and 2147483647, e.g. "100".',
    );
  }
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** ValidateFinalizers + validateKubeFinalizerName: qualified names, unqualified only if standard. */
function validateFinalizers(ctx: Ctx, v: unknown): void {
  const list = strList(v);
  if (!list) return;
  list.forEach((f, i) => {
    const p = `metadata.finalizers[${i}]`;
    const msg = qualifiedName(f);
    if (msg)
      ctx.add(p, f, 'meta.finalizers.qualifiedName', msg, 'Use a finalizer like "example.com/cleanup".');
    else if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      ctx.add(
        p,
        f,
        'meta.finalizers.unqualified',
        'name is neither a standard finalizer name nor is it fully qualified',
        'Prefix the finalizer with your domain, e.g. "example.com/cleanup".',
      );
    }
  });
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    ctx.add(
      'metadata.finalizers',
      list,
      'meta.finalizers.conflict',
      'finalizer orphan and foregroundDeletion cannot be both set',
      'Keep only one of orphan and foregroundDeletion.',
    );
  }
}

/** ValidateOwnerReferences: apiVersion with a version, kind, name and uid set; at most one controller. */
function validateOwnerReferences(ctx: Ctx, v: unknown): void {
  const list = arr(v);
  if (!list) return;
  let controllers = 0;
  list.forEach((entry, i) => {
    const p = `metadata.ownerReferences[${i}]`;
    const ref = item(entry);
    if (!ref) return;
    const apiVersion = str(ref.apiVersion);
    // schema.FromAPIVersionAndKind: "group/version" or "version"; a trailing "/" leaves the version empty.
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    if (!version)
      ctx.add(
        `${p}.apiVersion`,
        apiVersion,
        'meta.ownerReferences.apiVersion',
        'version must not be empty',
        'Set the owner\'s apiVersion, e.g. "apps/v1".',
      );
    for (const f of ['kind', 'name', 'uid']) {
      const value = str(ref[f]);
      if (!value)
        ctx.add(
          `${p}.${f}`,
          value,
          `meta.ownerReferences.${f}`,
          'must not be empty',
          `Set the owner's ${f}.`,
        );
    }
    if (ref.kind === 'Event' && (apiVersion === 'v1' || apiVersion === 'events.k8s.io/v1')) {
      ctx.add(
        p,
        ref,
        'meta.ownerReferences.banned',
        `${apiVersion}, Kind=Event is disallowed from being an owner`,
        'Events cannot own objects; remove this reference.',
      );
    }
    if (bool(ref.controller) === true) controllers++;
  });
  if (controllers > 1) {
    ctx.add(
      'metadata.ownerReferences',
      list,
      'meta.ownerReferences.controller',
      'Only one reference can have Controller set to true',
      'Set controller: true on at most one owner reference.',
    );
  }
}

const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

// ValidateSeccompProfile: the deprecated annotation values.
function seccompProfileOk(p: string): boolean {
  if (p === 'runtime/default' || p === 'docker/default' || p === 'unconfined') return true;
  if (!p.startsWith('localhost/')) return false;
  const rest = p.slice('localhost/'.length);
  return !rest.startsWith('/') && !hasBackstep(rest);
}

function hasContainer(spec: Json | undefined, name: string): boolean {
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    const cs = spec?.[list];
    if (Array.isArray(cs) && cs.some((c) => c && typeof c === 'object' && (c as Json).name === name))
      return true;
  }
  return false;
}

/**
 * ValidateSeccompPodAnnotations + ValidateAppArmorPodAnnotations (1.28): the deprecated seccomp annotations
 * and the beta AppArmor annotations. Seccomp errors print at `metadata.annotations.<key>` (Child, not Key).
 */
function validateSecurityAnnotations(ctx: Ctx, annotations: Json, spec: Json | undefined): void {
  for (const key in annotations) {
    const value = annotations[key];
    if (typeof value !== 'string') continue;
    if (key === SECCOMP_POD || key.startsWith(SECCOMP_CONTAINER_PREFIX)) {
      if (!seccompProfileOk(value)) {
        ctx.add(
          `metadata.annotations.${key}`,
          value,
          'meta.annotations.seccomp',
          'must be a valid seccomp profile',
          'Use runtime/default, unconfined or localhost/<relative path>, or better: securityContext.seccompProfile.',
        );
      }
    } else if (key.startsWith(APPARMOR_PREFIX)) {
      const container = key.slice(APPARMOR_PREFIX.length);
      if (!hasContainer(spec, container)) {
        ctx.add(
          `metadata.annotations[${key}]`,
          container,
          'meta.annotations.appArmorContainer',
          'container not found',
          'Name a container of this Pod after the annotation prefix.',
        );
      }
      if (
        value !== '' &&
        value !== 'runtime/default' &&
        value !== 'unconfined' &&
        !value.startsWith('localhost/')
      ) {
        ctx.add(
          `metadata.annotations[${key}]`,
          value,
          'meta.annotations.appArmorProfile',
          `invalid AppArmor profile name: "${value}"`,
          'Use runtime/default, unconfined or localhost/<profile>.',
        );
      }
    }
  }
}

// helper.GetDeletionCostFromPodAnnotations: no '+', no leading zeros, fits int32.
function isDeletionCost(v: string): boolean {
  if (!INT_TEXT.test(v)) return false;
  const digits = v.startsWith('-') ? v.slice(1) : v;
  if (digits.length > 1 && digits.startsWith('0') && !v.startsWith('-')) return false;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647;
}
