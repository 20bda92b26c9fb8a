// How podwright's answer is compared with the API server's: the verdict (refused or not), and where both refuse,
// the place (a field path the server names, or the Pod Security check it names).
import { isError, type Violation } from '../../src/errors';
import type { ServerVerdict } from './apiserver';

/**
 * Pod Security check titles, as admission messages print them (`violates PodSecurity "restricted:latest":
 * runAsNonRoot != true (...)`), mapped to the check ids podwright's `pss.*` rules carry.
 */
export const PSS_TITLES: Readonly<Record<string, readonly string[]>> = {
  'host namespaces': ['hostNamespaces'],
  privileged: ['privileged'],
  'non-default capabilities': ['capabilities_baseline'],
  'hostPath volumes': ['hostPathVolumes'],
  hostPort: ['hostPorts'],
  'forbidden AppArmor profile': ['appArmorProfile'],
  'forbidden AppArmor profiles': ['appArmorProfile'],
  seLinuxOptions: ['seLinuxOptions'],
  procMount: ['procMount'],
  seccompProfile: ['seccompProfile_baseline', 'seccompProfile_restricted'],
  'forbidden sysctls': ['sysctls'],
  'probe or lifecycle host': ['hostProbesAndHostLifecycle'],
  'restricted volume types': ['restrictedVolumes'],
  'allowPrivilegeEscalation != false': ['allowPrivilegeEscalation'],
  'runAsNonRoot != true': ['runAsNonRoot'],
  'runAsUser=0': ['runAsUser'],
  'unrestricted capabilities': ['capabilities_restricted'],
};

/** Admission-plugin refusals (Priority, RuntimeClass) by their text, mapped to the field they are about. */
const ADMISSION_MESSAGES: readonly (readonly [RegExp, string])[] = [
  [/the integer value of priority \(.*\) must not be provided in pod spec/, 'spec.priority'],
  [/the string value of PreemptionPolicy \(.*\) must not be provided in pod spec/, 'spec.preemptionPolicy'],
  [/no PriorityClass with name .* was found/, 'spec.priorityClassName'],
  [/Pod Overhead set without corresponding RuntimeClass defined Overhead/, 'spec.overhead'],
  [/RuntimeClass ".*" not found/, 'spec.runtimeClassName'],
];

/** Where the server says an object is wrong. */
export interface ServerPlaces {
  /** Field paths, in Kubernetes notation, with indexes. */
  readonly paths: string[];
  /** Field paths without list indexes or map keys (`json: cannot unmarshal` names the Go field path so). */
  readonly typePaths: string[];
  /** Pod Security check ids (podwright's `pss.*` rule names without the prefix). */
  readonly checks: string[];
}

/** The places a refusal names: causes, strict decoding errors, type errors, admission and Pod Security messages. */
export function serverPlaces(server: ServerVerdict): ServerPlaces {
  const paths = [...server.causes];
  for (const m of server.message.matchAll(/(?:unknown|duplicate) field "([^"]+)"/g)) paths.push(m[1]);
  for (const [pattern, path] of ADMISSION_MESSAGES) if (pattern.test(server.message)) paths.push(path);
  const typePaths = [...server.message.matchAll(/Go struct field [A-Za-z0-9_]+\.(\S+) of type/g)].map(
    (m) => m[1],
  );
  const checks: string[] = [];
  const pss = /violates PodSecurity "[a-z]+:[^"]+": (.*)$/s.exec(server.message);
  if (pss) {
    for (const [title, ids] of Object.entries(PSS_TITLES)) {
      const at = pss[1].indexOf(`${title} (`);
      if (at === 0 || (at > 0 && pss[1].slice(at - 2, at) === ', ')) checks.push(...ids);
    }
  }
  return { paths, typePaths, checks };
}

/** The same field, or one inside the other (`capabilities.add` names the list, `add[0]` its entry). */
export function samePlace(a: string, b: string): boolean {
  const inside = (x: string, y: string) => x.startsWith(y) && (x[y.length] === '.' || x[y.length] === '[');
  return a === b || inside(a, b) || inside(b, a);
}

/** `spec.containers[0].ports[1].containerPort` without indexes and keys: `spec.containers.ports.containerPort`. */
export function withoutIndexes(path: string): string {
  return path.replace(/\[[^\]]*\]/g, '');
}

/** How podwright's answer compares with the server's. */
export interface Comparison {
  /** The server refused the object. */
  readonly serverRefused: boolean;
  /** podwright reported at least one error (warnings are not refusals). */
  readonly podwrightRefused: boolean;
  /** `agree`, a false alarm (podwright refuses what the server accepts), a miss, or the right verdict in the wrong place. */
  readonly outcome: 'agree' | 'false-alarm' | 'miss' | 'wrong-place';
  /** Where the server says the object is wrong (empty when it accepts it). */
  readonly places: ServerPlaces;
}

/**
 * Compares podwright's violations of an object with the server's verdict on it. Where both refuse, podwright must
 * name a path the server names (or its parent or child), or the Pod Security check the server names; a refusal
 * that names no place at all (a quantity that does not parse) only needs the verdict.
 */
export function compare(server: ServerVerdict, violations: readonly Violation[]): Comparison {
  const errors = violations.filter(isError);
  const serverRefused = !server.allowed;
  const podwrightRefused = errors.length > 0;
  const places = serverRefused ? serverPlaces(server) : { paths: [], typePaths: [], checks: [] };
  const base = { serverRefused, podwrightRefused, places };
  if (serverRefused !== podwrightRefused) return { ...base, outcome: serverRefused ? 'miss' : 'false-alarm' };
  if (!serverRefused) return { ...base, outcome: 'agree' };
  const named = places.paths.length + places.typePaths.length + places.checks.length > 0;
  const found = errors.some(
    (v) =>
      places.paths.some((p) => samePlace(v.path, p)) ||
      places.typePaths.some((p) => samePlace(withoutIndexes(v.path), p)) ||
      places.checks.some((c) => v.rule === `pss.${c}`),
  );
  return { ...base, outcome: !named || found ? 'agree' : 'wrong-place' };
}
