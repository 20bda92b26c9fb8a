import { describe, expect, it } from 'vitest';
import { Job } from '../src/job';
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
