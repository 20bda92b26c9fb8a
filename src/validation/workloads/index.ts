import type { ObjectRef, Violation } from '../../errors';
import { DEFAULT_KUBE_VERSION, type KubeVersion } from '../../kube-version';
import type { Profile } from '../../profile';
import { Ctx, type Json, isObj, obj } from '../api/context';
import { validateMeta } from '../api/meta';
import { checkFields, schemaKey } from '../schema';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateStatefulSet } from './apps';
import { validateCronJob, validateJob } from './batch';
import { validatePodTemplate, validateReplicationController } from './core';

type KindRules = (ctx: Ctx, spec: Json, profile: Profile, name: string) => void;

// Every kind that carries a Pod template, by `apiVersion kind`.
const RULES: Readonly<Record<string, KindRules>> = {
  'apps/v1 Deployment': validateDeployment,
  'apps/v1 ReplicaSet': validateReplicaSet,
  'apps/v1 DaemonSet': validateDaemonSet,
  'apps/v1 StatefulSet': validateStatefulSet,
  'batch/v1 Job': validateJob,
  'batch/v1 CronJob': validateCronJob,
  'v1 ReplicationController': validateReplicationController,
};

/** The kinds `validateWorkload` checks, as `apiVersion kind`. */
export const WORKLOAD_KINDS: readonly string[] = [...Object.keys(RULES), 'v1 PodTemplate'];

/** Whether `manifest` is a kind that carries a Pod template (Deployment, Job, CronJob, ...). */
export function isWorkload(manifest: unknown): manifest is Record<string, unknown> {
  return (
    isObj(manifest) && WORKLOAD_KINDS.includes(`${String(manifest.apiVersion)} ${String(manifest.kind)}`)
  );
}

/**
 * Every reason the API server of `version` would refuse `manifest`, or refuse the Pods its controller creates
 * from its template (Pod rules the server skips on the workload, Pod Security at `profile`). Never throws.
 */
export function validateWorkload(
  manifest: Record<string, unknown>,
  profile: Profile,
  ref: ObjectRef,
  version: KubeVersion = DEFAULT_KUBE_VERSION,
): Violation[] {
  const ctx = new Ctx(ref, version);
  try {
    // Strict decoding of the whole object first: unknown fields and wrong JSON types at any depth.
    checkFields(ctx, manifest, schemaKey(manifest.apiVersion, manifest.kind));
    const meta = obj(manifest.metadata);
    validateMeta(ctx, meta, undefined, false);
    const name = meta && typeof meta.name === 'string' ? meta.name : '';
    const key = `${String(manifest.apiVersion)} ${String(manifest.kind)}`;
    if (key === 'v1 PodTemplate') {
      validatePodTemplate(ctx, manifest, profile);
    } else {
      const spec = obj(manifest.spec) ?? {};
      RULES[key]?.(ctx, spec, profile, name);
    }
  } catch (error) {
    ctx.internal(error);
  }
  return ctx.out;
}
