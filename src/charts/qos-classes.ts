import type { Construct } from 'constructs';
import { PodwrightChart, type PodwrightChartProps } from '../chart';
import { Pod } from '../pod';

const sleeper = { name: 'app', image: 'busybox:1.36', command: ['sleep', '86400'] } as const;

/**
 * Three Pods, one per Kubernetes QoS class, which decides who the kubelet evicts first under memory pressure:
 * BestEffort, then Burstable, then Guaranteed.
 */
export class QosClasses extends PodwrightChart {
  /** Requests equal limits for cpu and memory: evicted last. */
  public readonly guaranteed: Pod;
  /** Requests below limits (podwright's defaults): evicted after BestEffort. */
  public readonly burstable: Pod;
  /** No requests or limits at all: evicted first. */
  public readonly bestEffort: Pod;

  constructor(scope: Construct, id = 'qos-classes', props: PodwrightChartProps = {}) {
    super(scope, id, props);
    this.guaranteed = new Pod(this, 'qos-guaranteed', {
      containers: [
        {
          ...sleeper,
          // Both sides are written: podwright fills a missing request with its smaller default, which would
          // make the Pod Burstable (the API server instead copies the limit into the request).
          resources: {
            requests: { cpu: '100m', memory: '64Mi' },
            limits: { cpu: '100m', memory: '64Mi' },
          },
        },
      ],
    });
    this.burstable = new Pod(this, 'qos-burstable', { containers: [sleeper] });
    // BestEffort means no requests and no limits, but `restricted` and `baseline` give every container default
    // ones, so this Pod opts out with `privileged`, which adds nothing. It then writes the hardened security
    // context by hand: the Pod still passes the restricted Pod Security Standard, only its resources are open.
    this.bestEffort = new Pod(this, 'qos-besteffort', {
      profile: 'privileged',
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 65534,
        runAsGroup: 65534,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containers: [
        {
          ...sleeper,
          securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            readOnlyRootFilesystem: true,
          },
        },
      ],
    });
  }
}
