/**
 * Kubernetes minor version whose rules podwright applies: API-server validation, field tables, feature-gate
 * defaults and the Pod Security policy version all follow it.
 */
export type KubeVersion = '1.28' | '1.33';

/** Every supported version, oldest first. */
export const KUBE_VERSIONS: readonly KubeVersion[] = ['1.28', '1.33'];

/** The version used when none is chosen: the one whose types cdk8s-plus-28 describes. */
export const DEFAULT_KUBE_VERSION: KubeVersion = '1.28';

/** Whether `value` names a supported version. */
export function isKubeVersion(value: unknown): value is KubeVersion {
  return typeof value === 'string' && (KUBE_VERSIONS as readonly string[]).includes(value);
}

// Minor numbers by version: rules ask `atLeast` per field on the hot path, so no string is split there.
const MINOR: Readonly<Record<KubeVersion, number>> = { '1.28': 28, '1.33': 33 };

/** Whether `version` is `minor` or newer, e.g. `atLeast(v, '1.33')`. */
export function atLeast(version: KubeVersion, minor: KubeVersion): boolean {
  return MINOR[version] >= MINOR[minor];
}

/** `value` as a KubeVersion, or an error message naming the supported versions. */
export function parseKubeVersion(value: string): KubeVersion {
  const short = value.replace(/^v/, '').split('.').slice(0, 2).join('.');
  if (isKubeVersion(short)) return short;
  throw new Error(
    `unsupported Kubernetes version '${value}'; supported: ${KUBE_VERSIONS.join(', ')}. Pick the version of the cluster you deploy to.`,
  );
}
