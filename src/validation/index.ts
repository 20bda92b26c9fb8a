import type { ObjectRef, Violation } from '../errors';
import { isPlainObject } from '../json';
import { DEFAULT_KUBE_VERSION, type KubeVersion } from '../kube-version';
import type { Profile } from '../profile';
import { checkAdmission } from './admission';
import { validatePodApi } from './api';
import { checkPodSecurity } from './pss';
import { isWorkload, validateWorkload } from './workloads';

export { isWorkload, WORKLOAD_KINDS } from './workloads';

/** Whether `manifest` is a core/v1 Pod, the kind podwright validates. */
export function isPod(manifest: unknown): manifest is Record<string, unknown> {
  return isPlainObject(manifest) && manifest.kind === 'Pod' && manifest.apiVersion === 'v1';
}

/** The object reference violations of `manifest` carry. */
export function refOf(manifest: Record<string, unknown>, file?: string): ObjectRef {
  const metadata = isPlainObject(manifest.metadata) ? manifest.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  const kind = typeof manifest.kind === 'string' ? manifest.kind : '<no kind>';
  return { kind, name, namespace, file };
}

/**
 * Every reason the API server of `kubeVersion`, its default admission plugins or Pod Security admission at `profile`
 * would reject `manifest`, plus what it would accept with a warning (`severity: 'warning'`). For a workload
 * (Deployment, Job, ...) that includes every reason the Pods its controller creates would be refused.
 * Objects other than Pods and workloads give no violations: callers that want to say so check `isPod` and
 * `isWorkload` first.
 */
export function validateManifest(
  manifest: unknown,
  profile: Profile,
  file?: string,
  kubeVersion: KubeVersion = DEFAULT_KUBE_VERSION,
): Violation[] {
  if (isWorkload(manifest)) return validateWorkload(manifest, profile, refOf(manifest, file), kubeVersion);
  if (!isPod(manifest)) return [];
  const ref = refOf(manifest, file);
  const violations = validatePodApi(manifest, ref, kubeVersion);
  const refused = checkAdmission(manifest, ref, kubeVersion);
  if (refused.length > 0) violations.push(...refused);
  if (profile !== 'privileged') violations.push(...checkPodSecurity(manifest, profile, ref, kubeVersion));
  return violations;
}
