// Shared by the import tests: run a generated module in this process, and check that it round-trips.
import * as cdk8s from 'cdk8s';
import * as cdk8sPlus from 'cdk8s-plus-28';
import * as ts from 'typescript';
import { expect } from 'vitest';
import * as YAML from 'yaml';
import * as chart from '../../src/chart';
import { generateTypeScript } from '../../src/cli/import';
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
import { differingPaths, fixture } from '../helpers';

// 'podwright' is served from the concept modules rather than src/index.ts, so these tests do not depend on
// subsystems index.ts also re-exports; the tsx and tsc tests below go through the real package name.
const MODULES: Record<string, unknown> = {
  podwright: {
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
  },
  cdk8s,
  'cdk8s-plus-28': cdk8sPlus,
};

/** Runs a generated module in this process and returns the objects its YAML holds. */
export function run(code: string): unknown[] {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  let out = '';
  const stdout = { write: (text: string) => ((out += text), true) };
  const load = (id: string): unknown => {
    if (!(id in MODULES)) throw new Error(`generated code imports ${id}`);
    return MODULES[id];
  };
  new Function('require', 'exports', 'module', 'process', js)(load, {}, { exports: {} }, { stdout });
  return YAML.parseAllDocuments(out).map((d) => d.toJS());
}

/** Generates the module for `manifests`, runs it, and expects exactly `manifests` back; returns the code. */
export async function roundTrip(manifests: Record<string, unknown>[]): Promise<string> {
  const code = await generateTypeScript(manifests);
  const synthesized = run(code);
  expect(differingPaths(synthesized, manifests)).toEqual([]);
  expect(synthesized).toEqual(manifests);
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
