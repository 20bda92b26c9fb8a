import type { Construct } from 'constructs';
import { PodwrightChart, type PodwrightChartProps } from '../chart';
import { Pod } from '../pod';

/**
 * The seed's Pod: `kubectl run busybox --image=busybox --restart=Never -- echo "Hello World"`, or `10-pod.yaml`,
 * as typed code. Under the default `restricted` profile it also runs as a non-root user with limits.
 */
export class HelloWorld extends PodwrightChart {
  /** The busybox Pod. */
  public readonly pod: Pod;

  constructor(scope: Construct, id = 'hello-world', props: PodwrightChartProps = {}) {
    super(scope, id, props);
    this.pod = new Pod(this, 'busybox', {
      restartPolicy: 'Never',
      containers: [{ name: 'busybox', image: 'busybox', command: ['echo'], args: ['Hello World'] }],
    });
  }
}
