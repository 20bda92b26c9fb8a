import { k8s } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { PodwrightChart, type PodwrightChartProps } from '../chart';
import { DEFAULT_RUN_AS_GROUP } from '../security';
import { StatefulSet } from '../stateful-set';

/**
 * A StatefulSet with a headless Service: Pods `store-0` and `store-1`, each reachable as
 * `store-N.store.<namespace>.svc` and each with its own PersistentVolumeClaim `data-store-N`, which outlives the Pod.
 * Each Pod appends to a file on its claim, so a restarted Pod finds what it wrote before.
 */
export class StoreStatefulSet extends PodwrightChart {
  /** The StatefulSet. */
  public readonly statefulSet: StatefulSet;
  /** The headless Service that gives the Pods their DNS names. */
  public readonly service: k8s.KubeService;

  constructor(scope: Construct, id = 'store-statefulset', props: PodwrightChartProps = {}) {
    super(scope, id, props);
    this.statefulSet = new StatefulSet(this, 'store', {
      replicas: 2,
      serviceName: 'store',
      // The kubelet gives the claim to this group, so the non-root user can write to it.
      securityContext: { fsGroup: DEFAULT_RUN_AS_GROUP },
    });
    const data = this.statefulSet.addVolumeClaimTemplate('data', { storage: '64Mi' });
    const store = this.statefulSet.addContainer({
      name: 'store',
      image: 'busybox',
      command: ['sh', '-c', 'while true; do date >> /data/log; wc -l /data/log; sleep 30; done'],
    });
    store.mount('/data', data);
    this.service = new k8s.KubeService(this, 'service', {
      metadata: { name: 'store' },
      spec: { clusterIp: 'None', selector: this.statefulSet.selector?.matchLabels, ports: [{ port: 80 }] },
    });
  }
}
