import type { Json } from './json';
import type { Profile } from './profile';

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
