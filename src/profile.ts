/**
 * Pod Security Standards level a Pod is held to.
 * `privileged` means API-server rules only; `baseline` and `restricted` add the Pod Security Standards checks.
 */
export type Profile = 'privileged' | 'baseline' | 'restricted';

/** Every profile, from the most permissive to the strictest. */
export const PROFILES: readonly Profile[] = ['privileged', 'baseline', 'restricted'];

/** Whether `value` names a profile. */
export function isProfile(value: unknown): value is Profile {
  return typeof value === 'string' && (PROFILES as readonly string[]).includes(value);
}
