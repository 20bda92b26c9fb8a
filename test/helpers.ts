import * as fs from 'node:fs';
import * as path from 'node:path';
import { Chart, Testing } from 'cdk8s';
import * as YAML from 'yaml';

import type { PodwrightApp } from '../src/app';
import { PodwrightChart, type PodwrightChartProps } from '../src/chart';
import type { PodwrightError, Violation } from '../src/errors';

/** A fresh app and chart for one test. */
export function chart(props: PodwrightChartProps = {}): PodwrightChart {
  return new PodwrightChart(Testing.app(), 'test', props);
}

/** The JSON objects a chart synthesizes. */
export function synth(c: Chart): any[] {
  return Testing.synth(c);
}

/** The documents of a YAML file under test/fixtures. */
export function fixture(relative: string): any[] {
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', relative), 'utf8');
  return YAML.parseAllDocuments(text).map((d) => d.toJS());
}

/** Paths of every leaf where `a` and `b` differ, in Kubernetes notation (`spec.containers[0].name`). */
export function differingPaths(a: unknown, b: unknown, prefix = ''): string[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  // A missing subtree differs at each of the other side's leaves, which names exactly what was added.
  if (a === undefined && isObj(b)) a = Array.isArray(b) ? [] : {};
  if (b === undefined && isObj(a)) b = Array.isArray(a) ? [] : {};
  if (!isObj(a) || !isObj(b) || Array.isArray(a) !== Array.isArray(b)) {
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix];
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((k) =>
    differingPaths(a[k], b[k], Array.isArray(a) ? `${prefix}[${k}]` : prefix ? `${prefix}.${k}` : k),
  );
}

/** The seed's imperative command: `kubectl run busybox --image=busybox --restart=Never -- echo "Hello World"`. */
export const SEED_RUN: readonly string[] = [
  'kubectl',
  'run',
  'busybox',
  '--image=busybox',
  '--restart=Never',
  '--',
  'echo',
  'Hello World',
];

/** Every violation `app.synthesize()` refuses with; none when it synthesizes. */
export function synthViolations(app: PodwrightApp): Violation[] {
  try {
    app.synthesize();
    return [];
  } catch (e) {
    return [...(e as PodwrightError).violations];
  }
}
