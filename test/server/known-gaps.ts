// Disagreements with the server that another helper of issue 9/11 is closing, by corpus source and profile.
// Temporary: a listed case that agrees again passes (and should be removed from here); anything not listed fails.
// Cluster-state cases (an object that must exist, a quota) do not belong here but in allowlist.yaml.
import type { KubeVersion } from '../../src/kube-version';
import type { Profile } from '../../src/profile';

/** `version profile source` -> who closes it and why it differs. */
export const KNOWN_GAPS: Readonly<Record<string, string>> = {};

/** The key of a corpus case in KNOWN_GAPS. */
export function gapKey(version: KubeVersion, profile: Profile, source: string): string {
  return `${version} ${profile} ${source}`;
}

/**
 * Fuzz false alarms another helper is closing: `version class-regex` (matched against the class `fuzz-run.ts`
 * names) -> who and why. Only false alarms are checked against this list until a profile is enforced.
 */
export const KNOWN_FUZZ_GAPS: Readonly<Record<string, string>> = {
  '1.28 ^false alarm: type@.*\\.values \\(after a null entry\\)$':
    'schema (null entries): the server decodes a null inside a list of strings as "" and accepts it',
};
