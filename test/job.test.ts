import { describe, expect, it } from 'vitest';
import { PodwrightApp } from '../src/app';
import { PodwrightChart } from '../src/chart';
import type { PodwrightError, Violation } from '../src/errors';
import { Job, type JobProps } from '../src/job';
import type { KubeVersion } from '../src/kube-version';
import { chart, synth } from './helpers';

describe('Job', () => {
  it("writes its spec fields with Kubernetes names; activeDeadlineSeconds is the Job's", () => {
    const c = chart();
    new Job(c, 'migrate', {
      backoffLimit: 2,
      completions: 3,
      parallelism: 1,
      completionMode: 'Indexed',
      activeDeadlineSeconds: 600,
      ttlSecondsAfterFinished: 3600,
      podFailurePolicy: {
        rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] }, onPodConditions: [] }],
      },
      containers: [{ name: 'migrate', image: 'busybox' }],
    });
    const [job] = synth(c);
    expect(job).toMatchObject({
      apiVersion: 'batch/v1',
      kind: 'Job',
      spec: {
        backoffLimit: 2,
        completions: 3,
        parallelism: 1,
        completionMode: 'Indexed',
        activeDeadlineSeconds: 600,
        ttlSecondsAfterFinished: 3600,
        podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] },
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate' }] } },
      },
    });
    expect(job.spec.template.spec.activeDeadlineSeconds).toBeUndefined();
  });

  it('keeps a restart policy of OnFailure and a manual selector when given', () => {
    const c = chart();
    new Job(c, 'j', {
      restartPolicy: 'OnFailure',
      manualSelector: true,
      selector: { matchLabels: { run: 'j' } },
      podMetadata: { labels: { run: 'j' } },
      containers: [{ name: 'c', image: 'busybox' }],
    });
    expect(synth(c)[0].spec).toMatchObject({
      manualSelector: true,
      selector: { matchLabels: { run: 'j' } },
      template: { metadata: { labels: { run: 'j' } }, spec: { restartPolicy: 'OnFailure' } },
    });
  });
});

describe('Job spec fields of Kubernetes 1.33', () => {
  // An Indexed Job that succeeds once indexes 0 and 1 have, run by an external controller.
  const props: JobProps = {
    completionMode: 'Indexed',
    completions: 4,
    successPolicy: { rules: [{ succeededIndexes: '0-1', succeededCount: 2 }] },
    managedBy: 'example.com/batch-controller',
    containers: [{ name: 'work', image: 'busybox:1.36' }],
  };

  function synthesized(version: KubeVersion, jobProps: JobProps): { manifest: any; violations: Violation[] } {
    const app = new PodwrightApp({ onWarnings: () => {} });
    const job = new Job(new PodwrightChart(app, 'c', { kubeVersion: version }), 'shards', jobProps);
    const manifest = job.toJson();
    try {
      app.synthesize();
      return { manifest, violations: [] };
    } catch (e) {
      return { manifest, violations: [...(e as PodwrightError).violations] };
    }
  }

  it('reach the manifest, which the cdk8s-plus-28 mapper dropped them from, and synthesize clean under 1.33', () => {
    const { manifest, violations } = synthesized('1.33', props);
    expect(manifest.spec).toMatchObject({
      successPolicy: { rules: [{ succeededIndexes: '0-1', succeededCount: 2 }] },
      managedBy: 'example.com/batch-controller',
    });
    expect(violations).toEqual([]);
  });

  it('fail synth under 1.28, each named with its path, its value and the version that brought it', () => {
    const { violations } = synthesized('1.28', props);
    expect(violations.map((v) => [v.rule, v.path, v.value])).toEqual([
      ['schema.unknownField', 'spec.managedBy', 'example.com/batch-controller'],
      [
        'schema.unknownField',
        'spec.successPolicy',
        { rules: [{ succeededIndexes: '0-1', succeededCount: 2 }] },
      ],
    ]);
    for (const v of violations) expect(v.fix).toMatch(/is a field of Kubernetes 1\.33, not 1\.28/);
  });

  it('fail synth under 1.33 where the 1.33 API server refuses them, at its paths', () => {
    const { violations } = synthesized('1.33', {
      ...props,
      successPolicy: { rules: [{ succeededIndexes: '0-4', succeededCount: 5 }] },
      managedBy: 'batch-controller',
    });
    // Checked on kube-apiserver v1.33.3: index 4 is too large for 4 completions, so the rule counts no index.
    expect(violations.map((v) => [v.path, v.rule])).toEqual([
      ['spec.managedBy', 'job.managedBy.format'],
      ['spec.successPolicy.rules[0].succeededIndexes', 'job.successPolicy.succeededIndexes'],
      ['spec.successPolicy.rules[0].succeededCount', 'job.successPolicy.succeededCount.completions'],
      ['spec.successPolicy.rules[0].succeededCount', 'job.successPolicy.succeededCount.indexes'],
    ]);
  });
});
