// Shared by the import tests: run a generated module in this process, and check that it round-trips.
import * as cdk8s from 'cdk8s';
import * as cdk8sPlus from 'cdk8s-plus-28';
import * as ts from 'typescript';
import { expect } from 'vitest';
import * as YAML from 'yaml';
import { PodwrightApp, type PodwrightAppProps } from '../../src/app';
import * as chart from '../../src/chart';
import { importManifests } from '../../src/cli/import';
import * as container from '../../src/container';
import * as cronJob from '../../src/cron-job';
import * as daemonSet from '../../src/daemon-set';
import * as deployment from '../../src/deployment';
import * as env from '../../src/env';
import * as job from '../../src/job';
import * as pod from '../../src/pod';
import * as probe from '../../src/probe';
import * as statefulSet from '../../src/stateful-set';
import * as volume from '../../src/volume';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { objectFromKubectlCreate, withoutServerFields } from '../../src/cli/from-create';
import type { JsonObject } from '../../src/cli/patch';
import { formatViolation, PodwrightError, type Violation } from '../../src/errors';
import { DEFAULT_KUBE_VERSION, type KubeVersion } from '../../src/kube-version';
import { validateManifest } from '../../src/validation';
import { differingPaths, fixture } from '../helpers';

// 'podwright' is served from the concept modules rather than src/index.ts, so these tests do not depend on
// subsystems index.ts also re-exports; the tsx and tsc tests below go through the real package name.
const PODWRIGHT: Record<string, unknown> = {
  ...chart,
  ...container,
  ...env,
  ...pod,
  ...probe,
  ...volume,
  ...deployment,
  ...statefulSet,
  ...daemonSet,
  ...job,
  ...cronJob,
};

/** What running a generated module gave. */
export interface Ran {
  /** Every object of its app, rendered without validation: what it builds, valid or not. */
  readonly objects: unknown[];
  /** The objects its `app.synthYaml()` printed, when synthesis succeeded. */
  readonly synthesized?: unknown[];
  /** Why synthesis refused, when it did. */
  readonly error?: PodwrightError;
  /** The warnings synthesis reported. */
  readonly warnings: readonly Violation[];
}

/**
 * Runs a generated module in this process. Its PodwrightApp is the real one, which only also remembers itself and
 * its warnings, so the objects can be read without validation as well.
 */
export function run(code: string): Ran {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  let out = '';
  const stdout = { write: (text: string) => ((out += text), true) };
  const apps: PodwrightApp[] = [];
  const warnings: Violation[] = [];
  class RememberedApp extends PodwrightApp {
    constructor(props: PodwrightAppProps = {}) {
      super({ ...props, onWarnings: (w) => warnings.push(...w) });
      apps.push(this);
    }
  }
  const modules: Record<string, unknown> = {
    podwright: { ...PODWRIGHT, PodwrightApp: RememberedApp },
    cdk8s,
    'cdk8s-plus-28': cdk8sPlus,
  };
  const load = (id: string): unknown => {
    if (!(id in modules)) throw new Error(`generated code imports ${id}`);
    return modules[id];
  };
  let error: PodwrightError | undefined;
  try {
    new Function('require', 'exports', 'module', 'process', js)(load, {}, { exports: {} }, { stdout });
  } catch (e) {
    if (!(e instanceof PodwrightError)) throw e;
    error = e;
  }
  expect(apps).toHaveLength(1);
  const objects = apps[0].charts.flatMap((c) =>
    c.node.findAll().filter((o): o is cdk8s.ApiObject => o instanceof cdk8s.ApiObject),
  );
  return {
    objects: objects.map((o) => o.toJson()),
    synthesized: error ? undefined : YAML.parseAllDocuments(out).map((d) => d.toJS()),
    error,
    warnings,
  };
}

/**
 * `violations` without where they were found (a construct's line, a file), sorted: what and which field, compared as
 * a list. Checks report in the key order of the JSON they walk, and a construct writes keys in its own order.
 */
export function comparable(violations: readonly Violation[]): Violation[] {
  const key = (v: Violation) => JSON.stringify([v.object.kind, v.object.name, v.path, v.rule, v.message]);
  return violations
    .map(({ source: _source, object: { file: _file, ...object }, ...v }) => ({ ...v, object }))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Generates the module for `manifests` (profile 'privileged', which adds nothing) and runs it: it must build exactly
 * `manifests`, and its synth must report exactly what `podwright validate` (its `validateManifest`, at the same
 * profile and version) reports for them, refusing when that has an error and printing `manifests` otherwise; the
 * importer must have said so too. Returns the code.
 */
export async function roundTrip(
  manifests: Record<string, unknown>[],
  kubeVersion: KubeVersion = DEFAULT_KUBE_VERSION,
): Promise<string> {
  const { code, violations } = await importManifests(manifests, { kubeVersion });
  const ran = run(code);
  expect(differingPaths(ran.objects, manifests)).toEqual([]);
  expect(ran.objects).toEqual(manifests);
  const validated = manifests.flatMap((m) => validateManifest(m, 'privileged', undefined, kubeVersion));
  if (validated.some((v) => v.severity !== 'warning')) {
    expect(ran.error, 'synth refuses what validate refuses').toBeDefined();
    expect(comparable(ran.error?.violations ?? [])).toEqual(comparable(validated));
  } else {
    expect(ran.error).toBeUndefined();
    expect(ran.synthesized).toEqual(manifests);
    expect(comparable(ran.warnings)).toEqual(comparable(validated));
  }
  expect(comparable(violations)).toEqual(comparable(validated));
  return code;
}

/** The documentation workloads of test/fixtures/docs-workloads, by file. */
export function docsWorkloads(): Map<string, Record<string, unknown>[]> {
  const dir = path.join(__dirname, '..', 'fixtures', 'docs-workloads');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  return new Map(files.map((f) => [f, fixture(`docs-workloads/${f}`).filter((d) => d !== null)]));
}

/** What `kubectl create` printed for each command line it built in test/fixtures/kubectl-create/kubectl-1.28.json. */
export function kubectlCreated(): { args: string[]; object: JsonObject }[] {
  const file = path.join(__dirname, '..', 'fixtures', 'kubectl-create', 'kubectl-1.28.json');
  const recorded = JSON.parse(fs.readFileSync(file, 'utf8')) as { args: string[]; stdout?: string }[];
  return recorded
    .filter((r) => r.stdout !== undefined)
    .map((r) => ({ args: r.args, object: objectFromKubectlCreate(r.args) }));
}

/** Every workload the import tests use: the docs workloads and the kubectl-created ones, as printed and stripped. */
export function importedWorkloads(): Record<string, unknown>[] {
  const created = kubectlCreated().map((c) => c.object);
  return [...[...docsWorkloads().values()].flat(), ...created, ...created.map(withoutServerFields)];
}

/**
 * Expects `report` (a PodwrightError's message, or import's report) to list exactly `expected`: each on a `  - `
 * line of its own, however the line starts (a file, a construct's line, `warning: `), and no line left over.
 */
export function expectListed(report: string, expected: readonly string[]): void {
  const left = report.split('\n').filter((line) => line.startsWith('  - '));
  const missing = expected.filter((text) => {
    const i = left.findIndex((line) => line.includes(text));
    if (i >= 0) left.splice(i, 1);
    return i < 0;
  });
  expect({ missing, extra: left }).toEqual({ missing: [], extra: [] });
}

/** `v` as a report line prints it after where it was found: `Pod web spec.hostNetwork: ..., got true. fix [rule]`. */
export function listedAs(v: Violation): string {
  return formatViolation({
    ...v,
    object: { ...v.object, file: undefined },
    source: undefined,
    severity: undefined,
  });
}

/** How often `randomEditor` drops a field and replaces one by an odd value, and which keys it adds. */
export interface RandomEdits {
  readonly seed: number;
  /** Chance that a field below the top level is dropped. */
  readonly drop: number;
  /** Chance that a field two levels down is replaced by an odd value. */
  readonly oddValue: number;
  /** Keys one of which is added, with an odd value, to an object two levels down (chance 0.1). */
  readonly addKeys: readonly string[];
}

/**
 * A seeded editor of manifests for the import round trips: fields dropped, lists reversed or grown, odd values
 * (null, empty, wrong types, JSON-pointer characters). The same seed gives the same edits on every run.
 */
export function randomEditor(edits: RandomEdits): (value: unknown) => unknown {
  let seed = edits.seed;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const odd = [null, {}, [], '', 0, -1, 'x', true, { a: null }, [null], 420, '8080', { '/~a': 1 }];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const edit = (value: unknown, depth: number): unknown => {
    if (Array.isArray(value)) {
      const items = value.map((v) => edit(v, depth + 1));
      if (random() < 0.1) items.push(pick(odd));
      return random() < 0.1 ? items.reverse() : items;
    }
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (depth > 0 && random() < edits.drop) continue;
      out[key] = depth > 1 && random() < edits.oddValue ? pick(odd) : edit(v, depth + 1);
    }
    if (depth > 1 && random() < 0.1) out[pick(edits.addKeys)] = pick(odd);
    return out;
  };
  return (value) => edit(value, 0);
}
