import type { Construct } from 'constructs';
import { PodwrightChart, type PodwrightChartProps } from '../chart';
import { CronJob } from '../cron-job';

/**
 * The Kubernetes documentation's CronJob, every five minutes in UTC: prints the date and a greeting. A run that is
 * still going when the next is due makes the next one wait (Forbid); the last three successful and the last failed
 * Jobs are kept for their logs.
 */
export class HelloCronJob extends PodwrightChart {
  /** The CronJob. */
  public readonly cronJob: CronJob;

  constructor(scope: Construct, id = 'hello-cronjob', props: PodwrightChartProps = {}) {
    super(scope, id, props);
    this.cronJob = new CronJob(this, 'hello', {
      schedule: '*/5 * * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobSpec: { backoffLimit: 2 },
      containers: [
        {
          name: 'hello',
          image: 'busybox:1.28',
          command: ['sh', '-c', 'date; echo Hello from the Kubernetes cluster'],
        },
      ],
    });
  }
}
