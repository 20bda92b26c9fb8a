import type { ObjectRef, Violation } from '../../errors';
import { atLeast, DEFAULT_KUBE_VERSION, type KubeVersion } from '../../kube-version';
import * as schemaModule from '../schema';
import type { Ctx as CtxType } from './context';
import * as contextModule from './context';
import * as containerModule from './container';
import * as dnsModule from './dns';
import * as metaModule from './meta';
import * as podModule from './pod';
import * as schedulingModule from './scheduling';
import * as securityContextModule from './security-context';
import * as volumesModule from './volumes';
import * as warningsModule from './warnings';

// Functions of sibling modules are bound once here: run through tsx (CommonJS), every `import { f }` call
// otherwise goes through an export getter (docs/performance.md).
const { checkFields } = schemaModule;
const { Ctx, obj, str } = contextModule;
const { validateContainerList } = containerModule;
const { validateDns, validateHostnames } = dnsModule;
const { validateLabels, validateMeta } = metaModule;
const { validateHostNetworkPorts, validateHostProcess, validateOs, validatePodFields } = podModule;
const {
  validateAffinity,
  validatePreemptionPolicy,
  validateSchedulingGates,
  validateTolerations,
  validateTopologySpread,
} = schedulingModule;
const { validateAppArmorAnnotationsMatch, validatePodSecurityContext, validateSeccompAnnotationsMatch } =
  securityContextModule;
const { validateVolumes } = volumesModule;
const { warnPod } = warningsModule;

/**
 * Every rule the API server of `version` would reject this Pod for (ValidatePodCreate), and what it accepts with a
 * warning (`severity: 'warning'`). Never throws.
 */
export function validatePodApi(
  pod: Record<string, unknown>,
  ref: ObjectRef,
  version: KubeVersion = DEFAULT_KUBE_VERSION,
): Violation[] {
  const ctx = new Ctx(ref, version);
  try {
    // Strict decoding first: unknown fields and wrong JSON types, which the rules below then read as missing.
    checkFields(ctx, pod, 'v1/Pod');
    validatePod(ctx, pod);
  } catch (error) {
    ctx.internal(error);
  }
  return ctx.out;
}

// ValidatePodCreate -> validatePodMetadataAndSpec -> ValidateObjectMeta + ValidatePodSpec (1.28).
function validatePod(ctx: CtxType, pod: Record<string, unknown>): void {
  if (typeof pod !== 'object' || pod === null || Array.isArray(pod)) return;
  const apiVersion = str(pod.apiVersion);
  const kind = str(pod.kind);
  if (apiVersion !== 'v1') {
    ctx.add('apiVersion', pod.apiVersion, 'pod.apiVersion', 'must be "v1" for a Pod', 'Set apiVersion: v1.');
  }
  if (kind !== 'Pod') {
    ctx.add('kind', pod.kind, 'pod.kind', 'must be "Pod"', 'Set kind: Pod.');
  }
  const meta = obj(pod.metadata);
  const spec = obj(pod.spec);
  validateMeta(ctx, meta, spec);
  if (!spec) {
    ctx.add(
      'spec.containers',
      undefined,
      'container.required',
      'Required value',
      'Add a spec with at least one container.',
    );
    return;
  }
  const podName = meta && typeof meta.name === 'string' ? meta.name : '';
  const grace = spec.terminationGracePeriodSeconds;
  if (typeof grace === 'number' && Number.isSafeInteger(grace))
    ctx.gracePeriodSeconds = grace < 0 ? 1 : grace;
  ctx.hostUsers = spec.hostUsers !== false;
  if (typeof spec.restartPolicy === 'string' && spec.restartPolicy) ctx.restartPolicy = spec.restartPolicy;
  const volumes = validateVolumes(ctx, spec.volumes, podName);
  const names = new Set<string>();
  const containers = validateContainerList(ctx, 'containers', spec.containers, volumes, names);
  const initContainers = validateContainerList(ctx, 'initContainers', spec.initContainers, volumes, names);
  const ephemeral = validateContainerList(
    ctx,
    'ephemeralContainers',
    spec.ephemeralContainers,
    volumes,
    names,
  );
  validateHostNetworkPorts(ctx, spec, containers);
  validatePodFields(ctx, spec);
  validateDns(ctx, spec);
  validateLabels(ctx, spec.nodeSelector, 'spec.nodeSelector', 'nodeSelector');
  validatePodSecurityContext(ctx, spec);
  validateAffinity(ctx, spec.affinity);
  validateSchedulingGates(ctx, spec.schedulingGates);
  validateTopologySpread(ctx, spec.topologySpreadConstraints);
  validateHostnames(ctx, spec);
  validateTolerations(ctx, spec.tolerations);
  validatePreemptionPolicy(ctx, spec.preemptionPolicy);
  validateSeccompAnnotationsMatch(ctx, meta?.annotations, spec);
  if (atLeast(ctx.version, '1.33')) validateAppArmorAnnotationsMatch(ctx, meta?.annotations, spec);
  // validateOs reads only an object os; the list of lists is built for it alone.
  if (typeof spec.os === 'object' && spec.os !== null) {
    validateOs(ctx, spec, [
      ['containers', containers],
      ['initContainers', initContainers],
      ['ephemeralContainers', ephemeral],
    ]);
  }
  validateHostProcess(ctx, spec, containers, initContainers, ephemeral);
  warnPod(ctx, meta, spec);
}
