import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { PiJob } from '../../src/charts';
import { synth } from '../helpers';
import { violationsOf } from './validate';

describe('the pi-job chart', () => {
  it('replaces a failed Pod up to 4 times, gives up after 5 minutes and is deleted 10 minutes after it ends', () => {
    const [job] = synth(new PiJob(Testing.app()));
    expect(job.spec).toMatchObject({
      backoffLimit: 4,
      activeDeadlineSeconds: 300,
      ttlSecondsAfterFinished: 600,
      template: { spec: { restartPolicy: 'Never' } },
    });
  });

  it('validates clean under restricted', () => {
    expect(violationsOf(new PiJob(Testing.app()))).toEqual([]);
  });
});
