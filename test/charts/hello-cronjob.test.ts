import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { HelloCronJob } from '../../src/charts';
import { synth } from '../helpers';
import { violationsOf } from './validate';

describe('the hello-cronjob chart', () => {
  it('runs every five minutes in UTC, one run at a time, restarting a failed container in place', () => {
    const [cron] = synth(new HelloCronJob(Testing.app()));
    expect(cron.spec).toMatchObject({
      schedule: '*/5 * * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      jobTemplate: { spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'OnFailure' } } } },
    });
  });

  it('validates clean under restricted', () => {
    expect(violationsOf(new HelloCronJob(Testing.app()))).toEqual([]);
  });
});
