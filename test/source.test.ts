import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { PodwrightApp } from '../src/app';
import { PodwrightChart } from '../src/chart';
import { Deployment } from '../src/deployment';
import { PodwrightError, type SourceLocation, type Violation } from '../src/errors';
import { Pod, type PodProps } from '../src/pod';
import { SOURCE_METADATA_TYPE, sourceOf } from '../src/source';

const THIS_FILE = path.relative(process.cwd(), __filename).split(path.sep).join('/');
const TEXT = fs.readFileSync(__filename, 'utf8').split('\n');

/** Where `code` starts on the line that carries the comment `marker: <name>`, as an editor counts (1-based). */
function marked(name: string, code: string): SourceLocation {
  const index = TEXT.findIndex((text) => text.includes(`marker: ${name}`));
  expect(index, `no line carries the marker ${name}`).toBeGreaterThanOrEqual(0);
  const column = TEXT[index].indexOf(code);
  expect(column, `the marked line does not contain ${code}`).toBeGreaterThanOrEqual(0);
  return { file: THIS_FILE, line: index + 1, column: column + 1 };
}

function refusal(app: PodwrightApp): PodwrightError {
  try {
    app.synthesize();
  } catch (error) {
    if (error instanceof PodwrightError) return error;
    throw error;
  }
  throw new Error('expected synthesize() to refuse the app');
}

const badContainer = { containers: [{ name: 'Web', image: 'nginx:1.27' }] };

/** A user's own Pod class, as a team would write a house default. */
class WebPod extends Pod {
  constructor(scope: Construct, id: string, props: PodProps = {}) {
    super(scope, id, props);
  }
}

/** A user's helper that makes the Pod for a caller. */
function podFor(scope: Construct, id: string): Pod {
  return new Pod(scope, id, badContainer); // marker: helper
}

describe('source locations of constructs', () => {
  it('names this test file and the line of `new Pod(` in the synth error of an invalid Pod', () => {
    const app = new PodwrightApp();
    const chart = new PodwrightChart(app, 'web', { profile: 'privileged' });
    new Pod(chart, 'web', badContainer); // marker: pod
    const error = refusal(app);
    const where = marked('pod', 'new Pod(');
    expect(error.violations).toEqual([
      expect.objectContaining({ path: 'spec.containers[0].name', value: 'Web', source: where }),
    ]);
    expect(error.message).toContain(
      `  - ${where.file}:${where.line}:${where.column}: Pod web spec.containers[0].name: `,
    );
  });

  it('names the line of `new Deployment(` for every violation of a workload', () => {
    const app = new PodwrightApp();
    const chart = new PodwrightChart(app, 'web');
    new Deployment(chart, 'web', { containers: [{ name: 'Web', image: 'nginx:1.27' }], hostNetwork: true }); // marker: deployment
    const error = refusal(app);
    expect(error.violations.length).toBeGreaterThan(1);
    expect(new Set(error.violations.map((v) => v.source))).toEqual(
      new Set([marked('deployment', 'new Deployment(')]),
    );
  });

  it('names the line that made a user subclass of Pod, not the subclass constructor', () => {
    const app = new PodwrightApp();
    new WebPod(new PodwrightChart(app, 'web', { profile: 'privileged' }), 'web', badContainer); // marker: subclass
    expect(refusal(app).violations[0].source).toEqual(marked('subclass', 'new WebPod('));
  });

  it('names the line of `new Pod(` inside a helper of the user, its caller of `new`', () => {
    const app = new PodwrightApp();
    podFor(new PodwrightChart(app, 'web', { profile: 'privileged' }), 'web');
    expect(refusal(app).violations[0].source).toEqual(marked('helper', 'new Pod('));
  });

  it('gives a construct validation of a Pod (node.addValidation) the line of its Pod', () => {
    const app = new PodwrightApp();
    const chart = new PodwrightChart(app, 'web', { profile: 'privileged' });
    const pod = new Pod(chart, 'web', { containers: [{ name: 'web', image: 'nginx:1.27' }] }); // marker: validation
    pod.node.addValidation({ validate: () => ['needs an owner label'] });
    const violations: readonly Violation[] = refusal(app).violations;
    expect(violations).toEqual([
      expect.objectContaining({ rule: 'cdk8s.validation', source: marked('validation', 'new Pod(') }),
    ]);
  });

  it('records the location as construct metadata that serializes to file, line and column', () => {
    const pod = new Pod(new Chart(Testing.app(), 'web'), 'web'); // marker: metadata
    const entries = pod.node.metadata.filter((entry) => entry.type === SOURCE_METADATA_TYPE);
    expect(entries).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(entries[0].data))).toEqual(marked('metadata', 'new Pod('));
    expect(sourceOf(pod)).toEqual(marked('metadata', 'new Pod('));
  });

  it('gives cdk8s-plus-28 and raw ApiObjects no location: podwright cannot see where they were created', () => {
    const app = new PodwrightApp();
    const chart = new PodwrightChart(app, 'web');
    new kplus.Pod(chart, 'plus', { containers: [{ name: 'Web', image: 'nginx:1.27' }] });
    new ApiObject(chart, 'raw', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'raw' },
      spec: { containers: [{ name: 'Web', image: 'nginx:1.27' }] },
    });
    const violations = refusal(app).violations;
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.filter((v) => v.source !== undefined)).toEqual([]);
  });

  it('writes no location into the manifests', () => {
    const app = Testing.app();
    const pod = new Pod(new Chart(app, 'web'), 'web', {
      containers: [{ name: 'web', image: 'nginx:1.27' }],
    });
    const yaml = Testing.synth(Chart.of(pod)).map((o) => JSON.stringify(o));
    expect(yaml.join('\n')).not.toContain(THIS_FILE);
    expect(yaml.join('\n')).not.toContain(SOURCE_METADATA_TYPE);
  });
});
