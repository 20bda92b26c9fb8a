// apps/v1 Deployment, ReplicaSet, DaemonSet and StatefulSet: the create rules of pkg/apis/apps/validation (1.28),
// after the apps/v1 defaults, and the Pod each controller creates from the template.
import { atLeast } from '../../kube-version';
import type { Profile } from '../../profile';
import { type Ctx, type Json, int32, isObj, obj, str, supported } from '../api/context';
import { dns1123Label } from '../api/formats';
import { validateLabelSelector } from '../api/scheduling';
import {
  checkSelectorMatches,
  intOrPercent,
  nonNegative,
  notOver100,
  readOnlyDisks,
  requireRestartAlways,
  selectorEmpty,
  selectorInvalid,
  validateRequiredSelector,
} from './common';
import { validateTemplate } from './template';

const TPL = 'spec.template';

/** ValidateDeployment (1.28) with the apps/v1 defaults: RollingUpdate 25%/25%, progressDeadlineSeconds 600. */
export function validateDeployment(ctx: Ctx, spec: Json, profile: Profile): void {
  const replicas =
    nonNegative(ctx, spec.replicas, 'spec.replicas', 'deployment.replicas', 'Use 0 or more.') ?? 1;
  validateReplicaTemplate(ctx, spec, profile, replicas, 'deployment', 'ReplicaSet');
  validateDeploymentStrategy(ctx, spec.strategy);
  const minReady =
    nonNegative(
      ctx,
      spec.minReadySeconds,
      'spec.minReadySeconds',
      'deployment.minReadySeconds',
      'Use 0 or more.',
    ) ?? 0;
  nonNegative(
    ctx,
    spec.revisionHistoryLimit,
    'spec.revisionHistoryLimit',
    'deployment.revisionHistoryLimit',
    'Use 0 or more.',
  );
  const deadline =
    nonNegative(
      ctx,
      spec.progressDeadlineSeconds,
      'spec.progressDeadlineSeconds',
      'deployment.progressDeadlineSeconds',
      'Use 0 or more.',
    ) ?? 600;
  if (deadline <= minReady) {
    ctx.add(
      'spec.progressDeadlineSeconds',
      deadline,
      'deployment.progressDeadlineSeconds.minReady',
      'must be greater than minReadySeconds',
      `Set progressDeadlineSeconds above minReadySeconds (${minReady}); it defaults to 600.`,
    );
  }
}

/** ValidateReplicaSet (1.28). */
export function validateReplicaSet(ctx: Ctx, spec: Json, profile: Profile): void {
  const replicas =
    nonNegative(ctx, spec.replicas, 'spec.replicas', 'replicaset.replicas', 'Use 0 or more.') ?? 1;
  nonNegative(
    ctx,
    spec.minReadySeconds,
    'spec.minReadySeconds',
    'replicaset.minReadySeconds',
    'Use 0 or more.',
  );
  validateReplicaTemplate(ctx, spec, profile, replicas, 'deployment', 'ReplicaSet');
}

// The selector and ValidatePodTemplateSpecForReplicaSet, shared by Deployment and ReplicaSet ("deployment" is the
// server's own word in the empty-selector message of both).
function validateReplicaTemplate(
  ctx: Ctx,
  spec: Json,
  profile: Profile,
  replicas: number,
  emptyWord: string,
  deadlineWord: string,
): void {
  validateRequiredSelector(
    ctx,
    spec,
    TPL,
    spec.template,
    `empty selector is invalid for ${emptyWord}`,
    'invalid label selector',
  );
  validateTemplate(
    ctx,
    { path: TPL, template: spec.template, serverChecksSpec: true, createsPods: true },
    profile,
  );
  if (replicas > 1) readOnlyDisks(ctx, TPL, spec.template);
  requireRestartAlways(ctx, TPL, spec.template, `activeDeadlineSeconds in ${deadlineWord} is not Supported`);
}

function validateDeploymentStrategy(ctx: Ctx, v: unknown): void {
  const path = 'spec.strategy';
  const strategy = obj(v) ?? {};
  const type = str(strategy.type) || 'RollingUpdate';
  const rolling = obj(strategy.rollingUpdate);
  if (type === 'Recreate') {
    if (rolling) {
      ctx.add(
        `${path}.rollingUpdate`,
        rolling,
        'deployment.strategy.rollingUpdate.forbidden',
        "may not be specified when strategy `type` is 'Recreate'",
        'Remove rollingUpdate, or use type: RollingUpdate.',
      );
    }
    return;
  }
  if (type !== 'RollingUpdate') {
    ctx.add(
      path,
      strategy,
      'deployment.strategy.type',
      supported(['Recreate', 'RollingUpdate']),
      'Use type: RollingUpdate (the default) or Recreate.',
    );
    return;
  }
  const r = rolling ?? {};
  const rp = `${path}.rollingUpdate`;
  const rawUnavailable = r.maxUnavailable ?? '25%';
  const rawSurge = r.maxSurge ?? '25%';
  const unavailable = intOrPercent(ctx, rawUnavailable, `${rp}.maxUnavailable`, 'deployment.maxUnavailable');
  const surge = intOrPercent(ctx, rawSurge, `${rp}.maxSurge`, 'deployment.maxSurge');
  if (unavailable && surge && unavailable.value === 0 && surge.value === 0) {
    ctx.add(
      `${rp}.maxUnavailable`,
      rawUnavailable,
      'deployment.maxUnavailable.bothZero',
      'may not be 0 when `maxSurge` is 0',
      'Allow at least one of maxUnavailable and maxSurge above 0 (both default to "25%").',
    );
  }
  notOver100(ctx, unavailable, rawUnavailable, `${rp}.maxUnavailable`, 'deployment.maxUnavailable');
}

/** ValidateDaemonSet (1.28) with the apps/v1 defaults: RollingUpdate, maxUnavailable 1, maxSurge 0. */
export function validateDaemonSet(ctx: Ctx, spec: Json, profile: Profile): void {
  // No "Required value" for a missing selector: nil selects nothing, so it only fails to match the template.
  const sel = validateLabelSelector(ctx, spec.selector, 'spec.selector');
  if (!sel || !selectorInvalid(sel)) checkSelectorMatches(ctx, sel, TPL, spec.template);
  if (sel && selectorEmpty(sel)) {
    ctx.add(
      'spec.selector',
      sel,
      'workload.selector.empty',
      'empty selector is invalid for daemonset',
      "Select the DaemonSet's Pods by their labels, e.g. matchLabels: {app: agent}.",
    );
  }
  validateTemplate(
    ctx,
    { path: TPL, template: spec.template, serverChecksSpec: true, createsPods: true },
    profile,
  );
  readOnlyDisks(ctx, TPL, spec.template);
  requireRestartAlways(ctx, TPL, spec.template, 'activeDeadlineSeconds must be nil for daemon set pods');
  nonNegative(
    ctx,
    spec.minReadySeconds,
    'spec.minReadySeconds',
    'daemonset.minReadySeconds',
    'Use 0 or more.',
  );
  validateDaemonSetStrategy(ctx, spec.updateStrategy);
  nonNegative(
    ctx,
    spec.revisionHistoryLimit,
    'spec.revisionHistoryLimit',
    'daemonset.revisionHistoryLimit',
    'Use 0 or more.',
  );
}

function validateDaemonSetStrategy(ctx: Ctx, v: unknown): void {
  const path = 'spec.updateStrategy';
  const strategy = obj(v) ?? {};
  const type = str(strategy.type) || 'RollingUpdate';
  const rolling = obj(strategy.rollingUpdate);
  if (type === 'OnDelete') return;
  if (type !== 'RollingUpdate') {
    ctx.add(
      path,
      strategy,
      'daemonset.updateStrategy.type',
      supported(['RollingUpdate', 'OnDelete']),
      'Use type: RollingUpdate (the default) or OnDelete.',
    );
    return;
  }
  const r = rolling ?? {};
  const rp = `${path}.rollingUpdate`;
  const rawUnavailable = r.maxUnavailable ?? 1;
  const rawSurge = r.maxSurge ?? 0;
  const unavailable = intOrPercent(ctx, rawUnavailable, `${rp}.maxUnavailable`, 'daemonset.maxUnavailable');
  const surge = intOrPercent(ctx, rawSurge, `${rp}.maxSurge`, 'daemonset.maxSurge');
  notOver100(ctx, unavailable, rawUnavailable, `${rp}.maxUnavailable`, 'daemonset.maxUnavailable');
  notOver100(ctx, surge, rawSurge, `${rp}.maxSurge`, 'daemonset.maxSurge');
  if (!unavailable || !surge) return;
  if (unavailable.value !== 0 && surge.value !== 0) {
    ctx.add(
      `${rp}.maxSurge`,
      rawSurge,
      'daemonset.maxSurge.withUnavailable',
      'may not be set when maxUnavailable is non-zero',
      'Set maxUnavailable: 0 to surge, or remove maxSurge (maxUnavailable defaults to 1).',
    );
  } else if (unavailable.value === 0 && surge.value === 0) {
    ctx.add(
      `${rp}.maxUnavailable`,
      rawUnavailable,
      'daemonset.maxUnavailable.bothZero',
      'cannot be 0 when maxSurge is 0',
      'Let maxUnavailable or maxSurge be above 0.',
    );
  }
}

const RETENTION = ['Retain', 'Delete'];

/** ValidateStatefulSet (1.28; 1.33 adds serviceName) and the identity its controller gives each Pod. */
export function validateStatefulSet(ctx: Ctx, spec: Json, profile: Profile, name: string): void {
  const pmp = str(spec.podManagementPolicy) || 'OrderedReady';
  if (pmp !== 'OrderedReady' && pmp !== 'Parallel') {
    ctx.add(
      'spec.podManagementPolicy',
      pmp,
      'statefulset.podManagementPolicy',
      "must be 'OrderedReady' or 'Parallel'",
      'Use OrderedReady (the default) or Parallel.',
    );
  }
  validateStatefulSetStrategy(ctx, spec.updateStrategy);
  const retention = obj(spec.persistentVolumeClaimRetentionPolicy);
  if (retention) {
    for (const field of ['whenDeleted', 'whenScaled']) {
      const p = `spec.persistentVolumeClaimRetentionPolicy.${field}`;
      const value = str(retention[field]);
      if (value && !RETENTION.includes(value)) {
        ctx.add(
          p,
          value,
          'statefulset.pvcRetention',
          supported(RETENTION),
          'Use Retain (the default) or Delete.',
        );
      }
    }
  }
  const replicas =
    nonNegative(ctx, spec.replicas, 'spec.replicas', 'statefulset.replicas', 'Use 0 or more.') ?? 1;
  nonNegative(
    ctx,
    spec.minReadySeconds,
    'spec.minReadySeconds',
    'statefulset.minReadySeconds',
    'Use 0 or more.',
  );
  const ordinals = obj(spec.ordinals);
  const start = ordinals
    ? (nonNegative(
        ctx,
        ordinals.start,
        'spec.ordinals.start',
        'statefulset.ordinals.start',
        'Use 0 or more.',
      ) ?? 0)
    : 0;
  validateRequiredSelector(
    ctx,
    spec,
    TPL,
    spec.template,
    'empty selector is invalid for statefulset',
    'invalid label selector',
  );
  const serviceName = str(spec.serviceName);
  const serviceError = serviceName ? dns1123Label(serviceName) : undefined;
  const podsOnly = (message: string): string =>
    `the server accepts the StatefulSet but refuses every Pod it creates: ${message}`;
  if (serviceError) {
    // The controller sets each Pod's spec.subdomain to serviceName; 1.33 refuses the StatefulSet itself.
    ctx.add(
      'spec.serviceName',
      serviceName,
      'statefulset.serviceName.dns1123Label',
      atLeast(ctx.version, '1.33') ? serviceError : podsOnly(`Pod spec.subdomain ${serviceError}`),
      'Name the governing Service with lowercase letters, digits and "-", e.g. "web".',
    );
  }
  // Each Pod is named <name>-<ordinal> and that name is its hostname and a label value: a DNS label.
  const last = start + Math.max(replicas, 1) - 1;
  const podName = name ? `${name}-${last}` : '';
  const hostError = podName ? dns1123Label(podName) : undefined;
  if (hostError) {
    ctx.add(
      'metadata.name',
      name,
      'statefulset.name.podHostname',
      podsOnly(`Pod "${podName}" gets it as spec.hostname, which ${hostError}`),
      'Use a StatefulSet name of lowercase letters, digits and "-", short enough that "<name>-<ordinal>" fits 63 characters.',
    );
  }
  const claims = volumeClaims(spec.volumeClaimTemplates, podName || 'pod-0');
  validateTemplate(
    ctx,
    {
      path: TPL,
      template: spec.template,
      serverChecksSpec: false,
      createsPods: true,
      podName: hostError || !podName ? undefined : podName,
      addedVolumes: claims,
    },
    profile,
  );
  requireRestartAlways(ctx, TPL, spec.template, 'activeDeadlineSeconds in StatefulSet is not Supported');
}

// The volume each volumeClaimTemplate adds to every Pod, named after the claim.
function volumeClaims(v: unknown, podName: string): { volume: Json; path: string }[] {
  // Anything but a list is the schema walk's to report.
  const list = Array.isArray(v) ? v : [];
  const out: { volume: Json; path: string }[] = [];
  list.forEach((claim, i) => {
    const meta = isObj(claim) && isObj(claim.metadata) ? claim.metadata : {};
    const claimName = typeof meta.name === 'string' ? meta.name : '';
    out.push({
      volume: { name: claimName, persistentVolumeClaim: { claimName: `${claimName}-${podName}` } },
      path: `spec.volumeClaimTemplates[${i}].metadata.name`,
    });
  });
  return out;
}

function validateStatefulSetStrategy(ctx: Ctx, v: unknown): void {
  const path = 'spec.updateStrategy';
  const strategy = obj(v) ?? {};
  const type = str(strategy.type) || 'RollingUpdate';
  const rolling = obj(strategy.rollingUpdate);
  if (type === 'OnDelete') {
    if (rolling) {
      ctx.add(
        `${path}.rollingUpdate`,
        rolling,
        'statefulset.updateStrategy.rollingUpdate',
        "only allowed for updateStrategy 'RollingUpdate'",
        'Remove rollingUpdate, or use type: RollingUpdate.',
      );
    }
    return;
  }
  if (type !== 'RollingUpdate') {
    ctx.add(
      path,
      strategy,
      'statefulset.updateStrategy.type',
      "must be 'RollingUpdate' or 'OnDelete'",
      'Use type: RollingUpdate (the default) or OnDelete.',
    );
    return;
  }
  if (rolling) {
    const partition = int32(rolling.partition);
    if (partition !== undefined && partition < 0) {
      ctx.add(
        `${path}.rollingUpdate.partition`,
        partition,
        'statefulset.partition',
        'must be greater than or equal to 0',
        'Use 0 or more.',
      );
    }
  }
}
