import { describe, expect, it } from 'vitest';
import { PodwrightApp } from '../src/app';
import { PodwrightChart } from '../src/chart';
import { CronJob } from '../src/cron-job';
import { chart, synth, synthViolations } from './helpers';

describe('CronJob', () => {
  it('writes its own spec fields, then the Job fields under jobTemplate.spec, then the Pod template', () => {
    const c = chart();
    const cron = new CronJob(c, 'report', {
      schedule: '0 3 * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 2,
      suspend: false,
      jobSpec: { backoffLimit: 1, activeDeadlineSeconds: 900 },
      jobMetadata: { labels: { kind: 'report' } },
      containers: [{ name: 'report', image: 'busybox' }],
    });
    cron.jobMetadata.addAnnotation('example.com/owner', 'ops');
    expect(synth(c)[0]).toMatchObject({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      spec: {
        schedule: '0 3 * * *',
        timeZone: 'Etc/UTC',
        concurrencyPolicy: 'Forbid',
        startingDeadlineSeconds: 300,
        successfulJobsHistoryLimit: 1,
        failedJobsHistoryLimit: 2,
        suspend: false,
        jobTemplate: {
          metadata: { labels: { kind: 'report' }, annotations: { 'example.com/owner': 'ops' } },
          spec: {
            backoffLimit: 1,
            activeDeadlineSeconds: 900,
            template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'report' }] } },
          },
        },
      },
    });
  });

  it('writes only the schedule and the template when given nothing else', () => {
    const c = chart();
    new CronJob(c, 'tick', { schedule: '@hourly', containers: [{ name: 'c', image: 'busybox' }] });
    const [m] = synth(c);
    expect(Object.keys(m.spec).sort()).toEqual(['jobTemplate', 'schedule']);
    expect(Object.keys(m.spec.jobTemplate)).toEqual(['spec']);
    expect(Object.keys(m.spec.jobTemplate.spec)).toEqual(['template']);
  });

  it('writes empty Job and Pod metadata when given empty, as kubectl create cronjob writes them', () => {
    const c = chart();
    new CronJob(c, 'tick', {
      schedule: '@hourly',
      jobMetadata: {},
      podMetadata: {},
      containers: [{ name: 'c', image: 'busybox' }],
    });
    const [m] = synth(c);
    expect(m.spec.jobTemplate.metadata).toEqual({});
    expect(m.spec.jobTemplate.spec.template.metadata).toEqual({});
  });
});

describe('CronJob job template fields of Kubernetes 1.33', () => {
  function build(version: '1.28' | '1.33'): PodwrightApp {
    const app = new PodwrightApp({ onWarnings: () => {} });
    new CronJob(new PodwrightChart(app, 'c', { kubeVersion: version }), 'nightly', {
      schedule: '0 3 * * *',
      jobSpec: {
        completionMode: 'Indexed',
        completions: 3,
        successPolicy: { rules: [{ succeededCount: 1 }] },
        managedBy: 'example.com/batch-controller',
      },
      containers: [{ name: 'work', image: 'busybox:1.36' }],
    });
    return app;
  }

  it('reach spec.jobTemplate.spec and synthesize clean under 1.33', () => {
    const app = build('1.33');
    expect(app.objects()[0].manifest.spec.jobTemplate.spec).toMatchObject({
      successPolicy: { rules: [{ succeededCount: 1 }] },
      managedBy: 'example.com/batch-controller',
    });
    expect(synthViolations(app)).toEqual([]);
  });

  it('fail synth under 1.28 at their job template paths', () => {
    expect(synthViolations(build('1.28')).map((v) => [v.rule, v.path])).toEqual([
      ['schema.unknownField', 'spec.jobTemplate.spec.managedBy'],
      ['schema.unknownField', 'spec.jobTemplate.spec.successPolicy'],
    ]);
  });
});
