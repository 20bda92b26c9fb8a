// One differential check: the same object to podwright and to the API server, and how their answers compare.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatViolation, type Violation } from '../../src/errors';
import { parseManifests } from '../../src/cli/manifests';
import { isPlainObject } from '../../src/json';
import type { KubeVersion } from '../../src/kube-version';
import type { Profile } from '../../src/profile';
import { validateManifest } from '../../src/validation';
import type { ApiClient, ServerVerdict } from './apiserver';
import { type Comparison, compare } from './compare';
import { controllerPod, podPathOf } from './controller-pod';

const ROOT = path.join(__dirname, '..', '..');

/** One object of a corpus, with where it came from (`file#index`). */
export interface Case {
  readonly source: string;
  readonly object: unknown;
}

/** Every object of every `.yaml` file under `folder` (relative to the repository root), in a stable order. */
export function casesUnder(folder: string): Case[] {
  const dir = path.join(ROOT, folder);
  const files = (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  return files.flatMap((f) => {
    const file = path.join(folder, f);
    return parseManifests(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).map((m, i) => ({
      source: `${file}#${i}`,
      object: m.manifest,
    }));
  });
}

/** The object as sent to a namespace: `metadata.namespace`, when set, is that namespace (the rest unchanged). */
export function inNamespace(object: unknown, namespace: string): unknown {
  if (!isPlainObject(object) || !isPlainObject(object.metadata) || object.metadata.namespace === undefined) {
    return object;
  }
  return { ...object, metadata: { ...object.metadata, namespace } };
}

/** Both answers about one object, and how they compare. */
export interface Judged {
  readonly object: unknown;
  readonly server: ServerVerdict;
  readonly violations: Violation[];
  readonly comparison: Comparison;
}

/**
 * Asks the server (dry run in `namespace`, which enforces `profile`) and podwright (same profile and version).
 * A workload (Deployment, Job, ...) that the server accepts is judged by the Pod its controller would create too:
 * dry-run in the same namespace, so Pod Security at `profile` and the Pod-only rules count, and podwright's paths
 * inside the template are compared as the Pod's paths.
 */
export async function judge(
  client: ApiClient,
  namespace: string,
  profile: Profile,
  version: KubeVersion,
  object: unknown,
): Promise<Judged> {
  const sent = inNamespace(object, namespace);
  const server = await client.dryRunCreate(sent, namespace);
  const violations = validateManifest(sent, profile, undefined, version);
  const cp = server.allowed ? controllerPod(sent) : undefined;
  if (cp) {
    const podServer = await client.dryRunCreate(cp.pod, namespace);
    if (!podServer.allowed) {
      const asPod = violations.map((v) => ({ ...v, path: podPathOf(v.path, cp) }));
      const pod: ServerVerdict = { ...podServer, message: `its Pod: ${podServer.message}` };
      return { object: sent, server: pod, violations, comparison: compare(podServer, asPod) };
    }
  }
  return { object: sent, server, violations, comparison: compare(server, violations) };
}

/** A disagreement, readable in a test failure: the object, both verdicts and both messages. */
export function describeDisagreement(label: string, j: Judged): string {
  const server = j.server.allowed
    ? `server accepts (${j.server.code})${j.server.warnings.length ? `, warnings: ${j.server.warnings.join(' | ')}` : ''}`
    : `server refuses (${j.server.code} ${j.server.reason}): ${j.server.message}`;
  const podwright = j.violations.length
    ? `podwright: ${j.violations.map((v) => `${v.severity === 'warning' ? '(warning) ' : ''}${formatViolation(v)}`).join('\n    ')}`
    : 'podwright: no violation';
  return `${label}: ${j.comparison.outcome}\n  ${server}\n  ${podwright}\n  object: ${JSON.stringify(j.object)}`;
}

/** Labels of the namespace that answers for all three profiles in one request: enforce baseline, warn restricted. */
export const ALL_PROFILES_LABELS: Readonly<Record<string, string>> = {
  'pod-security.kubernetes.io/enforce': 'baseline',
  'pod-security.kubernetes.io/warn': 'restricted',
};

const RESTRICTED_WARNING = /^would violate PodSecurity "restricted:[^"]*": (.*)$/s;

/**
 * Each profile's verdict, read from one dry run in a namespace that enforces `baseline` and warns `restricted`.
 * Pod Security is a validating admission plugin: a refusal by anything before it is every profile's; a baseline
 * refusal means restricted refuses too (`restricted`, when given, is the verdict of a namespace enforcing restricted:
 * its message names the checks restricted reports, which differ from baseline's) and says nothing of privileged,
 * because validating plugins after Pod Security (RuntimeClass's overhead check) never ran (`privileged`, when given,
 * is the verdict of a privileged namespace); an accepted object is refused by restricted exactly when the restricted
 * warning says it would be. The corpus test checks this against three namespaces, one per profile.
 */
export function verdictsByProfile(
  server: ServerVerdict,
  restricted?: ServerVerdict,
  privileged?: ServerVerdict,
): Record<Profile, ServerVerdict> {
  const others = server.warnings.filter((w) => !/PodSecurity/.test(w));
  const accepted: ServerVerdict = {
    ...server,
    allowed: true,
    code: 201,
    reason: '',
    message: '',
    causes: [],
    warnings: others,
  };
  if (!server.allowed) {
    if (!isBaselineRefusal(server)) return { privileged: server, baseline: server, restricted: server };
    return { privileged: privileged ?? accepted, baseline: server, restricted: restricted ?? server };
  }
  const warning = server.warnings.map((w) => RESTRICTED_WARNING.exec(w)).find((m) => m !== null);
  const refused: ServerVerdict | undefined = warning && {
    allowed: false,
    code: 403,
    reason: 'Forbidden',
    message: `violates PodSecurity "restricted:latest": ${warning[1]}`,
    causes: [],
    warnings: others,
  };
  return { privileged: accepted, baseline: accepted, restricted: refused ?? accepted };
}

/** Whether Pod Security at baseline refused the object (so everything before it accepted it). */
export function isBaselineRefusal(server: ServerVerdict): boolean {
  return !server.allowed && /violates PodSecurity "baseline:/.test(server.message);
}

/** The namespaces `judgeAllProfiles` uses: one labeled ALL_PROFILES_LABELS, one each enforcing restricted, privileged. */
export interface ProfileNamespaces {
  readonly all: string;
  readonly restricted: string;
  readonly privileged: string;
}

/** Creates the namespaces `judgeAllProfiles` needs. */
export async function profileNamespaces(client: ApiClient, prefix?: string): Promise<ProfileNamespaces> {
  return {
    all: await client.namespace('all', prefix, { ...ALL_PROFILES_LABELS }),
    restricted: await client.namespace('restricted', prefix),
    privileged: await client.namespace('privileged', prefix),
  };
}

/**
 * Every profile's answers about `object`: one dry run (three when Pod Security baseline refuses it, to read what
 * restricted names and what privileged says) and podwright once per profile.
 */
export async function judgeAllProfiles(
  client: ApiClient,
  namespaces: ProfileNamespaces,
  version: KubeVersion,
  object: unknown,
): Promise<Record<Profile, Judged>> {
  const sent = inNamespace(object, namespaces.all);
  const first = await client.dryRunCreate(sent, namespaces.all);
  const baselineRefused = isBaselineRefusal(first);
  const restricted = baselineRefused
    ? await client.dryRunCreate(inNamespace(object, namespaces.restricted), namespaces.restricted)
    : undefined;
  const privileged = baselineRefused
    ? await client.dryRunCreate(inNamespace(object, namespaces.privileged), namespaces.privileged)
    : undefined;
  // Pod Security refuses only Pods: for any other object (a PodTemplate, a workload) its warnings refuse nothing.
  const isPod = isPlainObject(sent) && sent.kind === 'Pod';
  const verdicts = isPod
    ? verdictsByProfile(first, restricted, privileged)
    : { privileged: first, baseline: first, restricted: first };
  // A workload the server accepts is judged by the Pod its controller creates too (see `judge`).
  const cp = first.allowed ? controllerPod(sent) : undefined;
  let podVerdicts: Record<Profile, ServerVerdict> | undefined;
  if (cp) {
    const podFirst = await client.dryRunCreate(cp.pod, namespaces.all);
    const podRefused = isBaselineRefusal(podFirst);
    const podRestricted = podRefused ? await client.dryRunCreate(cp.pod, namespaces.restricted) : undefined;
    const podPrivileged = podRefused ? await client.dryRunCreate(cp.pod, namespaces.privileged) : undefined;
    podVerdicts = verdictsByProfile(podFirst, podRestricted, podPrivileged);
  }
  const judged = (profile: Profile): Judged => {
    const violations = validateManifest(sent, profile, undefined, version);
    const pod = podVerdicts?.[profile];
    if (cp && pod && !pod.allowed) {
      const asPod = violations.map((v) => ({ ...v, path: podPathOf(v.path, cp) }));
      const server = { ...pod, message: `its Pod: ${pod.message}` };
      return { object: sent, server, violations, comparison: compare(pod, asPod) };
    }
    return {
      object: sent,
      server: verdicts[profile],
      violations,
      comparison: compare(verdicts[profile], violations),
    };
  };
  return { privileged: judged('privileged'), baseline: judged('baseline'), restricted: judged('restricted') };
}
