import type { Construct } from 'constructs';
import { PodwrightChart, type PodwrightChartProps } from '../chart';
import { Job } from '../job';

/**
 * The Kubernetes documentation's Job: computes pi to 2000 places and exits. A failed Pod is replaced (restartPolicy
 * Never, the Job default) up to 4 times; the Job gives up after 5 minutes and is deleted 10 minutes after it ends.
 */
export class PiJob extends PodwrightChart {
  /** The Job. */
  public readonly job: Job;

  constructor(scope: Construct, id = 'pi-job', props: PodwrightChartProps = {}) {
    super(scope, id, props);
    this.job = new Job(this, 'pi', {
      backoffLimit: 4,
      activeDeadlineSeconds: 300,
      ttlSecondsAfterFinished: 600,
      containers: [
        {
          name: 'pi',
          image: 'perl:5.34.0',
          command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'],
          resources: { limits: { cpu: '500m', memory: '128Mi' } },
        },
      ],
    });
  }
}
