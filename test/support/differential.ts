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

/** Asks the server (dry run in `namespace`, which enforces `profile`) and podwright (same profile and version). */
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
