// podwright's checks as Pulumi policies: a policy pack (`@pulumi/policy`) applies them to the Pods and workloads of
// any Pulumi program, before `pulumi up` sends them to a cluster. The package entry `podwright/pulumi-policy`; only
// types come from @pulumi/policy, so this module loads without it (the user's policy pack has it).
import type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from '@pulumi/policy';
import { formatViolation, isError } from '../errors';
import { DEFAULT_KUBE_VERSION, type KubeVersion } from '../kube-version';
import type { Profile } from '../profile';
import { validateManifest, WORKLOAD_KINDS } from '../validation';

/** Options of `podwrightPolicies`. */
export interface PodwrightPoliciesOptions {
  /** Pod Security profile every Pod and workload is held to. @default 'restricted' */
  readonly profile?: Profile;
  /** Kubernetes version whose API server rules apply. @default '1.28' */
  readonly kubeVersion?: KubeVersion;
  /** What a violation does: `mandatory` stops the update, `advisory` only reports. @default 'mandatory' */
  readonly enforcementLevel?: 'advisory' | 'mandatory';
}

/** `kubernetes:apps/v1:Deployment` for `apps/v1 Deployment`; the core group is `core` in Pulumi's type tokens. */
function pulumiType(apiVersionKind: string): string {
  const [apiVersion, kind] = apiVersionKind.split(' ');
  const groupVersion = apiVersion.includes('/') ? apiVersion : `core/${apiVersion}`;
  return `kubernetes:${groupVersion}:${kind}`;
}

/** The Kubernetes object a resource's inputs describe, with `apiVersion` and `kind` from its type if unset. */
function manifestOf(args: ResourceValidationArgs, apiVersionKind: string): Record<string, unknown> {
  const [apiVersion, kind] = apiVersionKind.split(' ');
  return { apiVersion, kind, ...args.props };
}

/** One policy over the resource types in `kinds` (as `apiVersion kind`). */
function policy(
  name: string,
  description: string,
  kinds: readonly string[],
  options: PodwrightPoliciesOptions,
): ResourceValidationPolicy {
  const byType = new Map(kinds.map((k) => [pulumiType(k), k]));
  const profile = options.profile ?? 'restricted';
  const kubeVersion = options.kubeVersion ?? DEFAULT_KUBE_VERSION;
  return {
    name,
    description,
    enforcementLevel: options.enforcementLevel ?? 'mandatory',
    validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
      const kind = byType.get(args.type);
      if (kind === undefined) return;
      // Warnings are objects the API server accepts: they are not policy violations.
      const violations = validateManifest(manifestOf(args, kind), profile, undefined, kubeVersion).filter(
        isError,
      );
      for (const v of violations) reportViolation(formatViolation(v));
    },
  };
}

/**
 * podwright's resource validation policies for a `PolicyPack`: Pods, and every workload kind with a Pod template
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ...), checked as the API server and Pod Security
 * admission would. Each violation reads `path: problem, got value. fix`.
 */
export function podwrightPolicies(options: PodwrightPoliciesOptions = {}): ResourceValidationPolicy[] {
  const level = options.profile ?? 'restricted';
  return [
    policy(
      'podwright-pods',
      `Pods must pass the API server's checks and Pod Security '${level}'.`,
      ['v1 Pod'],
      options,
    ),
    policy(
      'podwright-workloads',
      `Workloads and the Pods they create must pass the API server's checks and Pod Security '${level}'.`,
      WORKLOAD_KINDS,
      options,
    ),
  ];
}
