import type * as k8s from 'cdk8s-plus-33/lib/imports/k8s';
import type { Json } from './json';
import type { Profile } from './profile';

/**
 * The AppArmor profile a container runs under (Kubernetes 1.30+, `securityContext.appArmorProfile`): the runtime's
 * default, a profile loaded on the node (`Localhost`, which then names it), or none. Pod Security `baseline` and
 * `restricted` refuse `Unconfined`. Needs a chart that targets 1.33: a 1.28 API server does not know the field.
 */
export type AppArmorProfile =
  | { readonly type: 'RuntimeDefault' | 'Unconfined' }
  | { readonly type: 'Localhost'; readonly localhostProfile: string };

/**
 * Which groups the container's processes get (Kubernetes 1.31+, on by default from 1.33): `Merge` adds the groups
 * the image's /etc/group gives the user to `runAsGroup`, `fsGroup` and `supplementalGroups`; `Strict` gives only
 * those three, so an image cannot grant itself a group. Needs a chart that targets 1.33.
 */
export type SupplementalGroupsPolicy = 'Merge' | 'Strict';

/**
 * Pod security context: the Kubernetes 1.33 `PodSecurityContext` of cdk8s-plus-33's generated types, with the fields
 * 1.33 added typed as unions. Fields from after 1.28 are refused at synth in a chart that targets 1.28.
 */
export interface PodSecurityContextProps extends Omit<
  k8s.PodSecurityContext,
  'appArmorProfile' | 'supplementalGroupsPolicy'
> {
  /** AppArmor profile of every container that sets none. @default none (the runtime's default on a node with AppArmor) */
  readonly appArmorProfile?: AppArmorProfile;
  /** Which groups the processes get. @default Kubernetes's ('Merge', left out) */
  readonly supplementalGroupsPolicy?: SupplementalGroupsPolicy;
}

/**
 * Container security context: the Kubernetes 1.33 `SecurityContext` of cdk8s-plus-33's generated types, with
 * `appArmorProfile` typed. Fields from after 1.28 are refused at synth in a chart that targets 1.28.
 */
export interface SecurityContextProps extends Omit<k8s.SecurityContext, 'appArmorProfile'> {
  /** AppArmor profile of this container. @default the Pod's */
  readonly appArmorProfile?: AppArmorProfile;
}

/**
 * The non-root identity podwright runs containers as under `restricted`.
 * 65534 is `nobody`/`nogroup` on Debian, Alpine and busybox images, so images whose USER is root still start.
 */
export const DEFAULT_RUN_AS_USER = 65534;

/** The group podwright runs containers as under `restricted`; see {@link DEFAULT_RUN_AS_USER}. */
export const DEFAULT_RUN_AS_GROUP = 65534;

/**
 * Pod-level security context podwright sets by profile.
 * `restricted` gives a Pod that passes the Pod Security Standards `restricted` profile and still starts images built
 * to run as root (a non-zero `runAsUser`, unlike cdk8s-plus-28, whose `runAsNonRoot` without a user never starts
 * busybox). `baseline` keeps only the seccomp default, which baseline permits and which costs nothing.
 */
export function defaultPodSecurityContext(profile: Profile): Json | undefined {
  switch (profile) {
    case 'restricted':
      return {
        runAsNonRoot: true,
        runAsUser: DEFAULT_RUN_AS_USER,
        runAsGroup: DEFAULT_RUN_AS_GROUP,
        seccompProfile: { type: 'RuntimeDefault' },
      };
    case 'baseline':
      return { seccompProfile: { type: 'RuntimeDefault' } };
    case 'privileged':
      return undefined;
  }
}

/** Container-level security context podwright sets by profile; only `restricted` sets one. */
export function defaultContainerSecurityContext(profile: Profile): Json | undefined {
  if (profile !== 'restricted') return undefined;
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    readOnlyRootFilesystem: true,
  };
}
