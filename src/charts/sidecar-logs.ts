import type { Construct } from 'constructs';
import { PodwrightChart, type PodwrightChartProps } from '../chart';
import { Pod } from '../pod';
import { Volume } from '../volume';

/**
 * An app that writes its log to a file on a shared emptyDir, and a native sidecar that ships it by tailing it to
 * its own stdout, where the node's log collector picks it up. A native sidecar (an init container with
 * `restartPolicy: Always`) starts before the app and stops after it, so no line written at shutdown is lost.
 * Kubernetes 1.28 needs the SidecarContainers feature gate for that (a stock 1.28 API server drops the field, and
 * the shipper would block the app); it is on by default from 1.29, so the chart targets 1.33 unless told otherwise.
 */
export class SidecarLogs extends PodwrightChart {
  /** The app and log shipper Pod. */
  public readonly pod: Pod;

  constructor(scope: Construct, id = 'sidecar-logs', props: PodwrightChartProps = {}) {
    super(scope, id, { kubeVersion: '1.33', ...props });
    // Bounded, because nothing rotates the file: the kubelet evicts the Pod rather than fill the node's disk.
    const logs = Volume.emptyDir('logs', { sizeLimit: '16Mi' });
    this.pod = new Pod(this, 'sidecar-logs', { metadata: { labels: { app: 'sidecar-logs' } } });
    const shipper = this.pod.addSidecar({
      name: 'log-shipper',
      image: 'busybox:1.36',
      // -F follows the file by name, so it waits for the app to create it and survives a rotation.
      command: ['tail', '-n', '+1', '-F', '/var/log/app/app.log'],
    });
    shipper.mount('/var/log/app', logs, { readOnly: true });
    const app = this.pod.addContainer({
      name: 'app',
      image: 'busybox:1.36',
      command: ['sh', '-c'],
      args: [
        'i=0; while true; do echo "$(date) request $i handled" >> /var/log/app/app.log; i=$((i+1)); sleep 2; done',
      ],
    });
    app.mount('/var/log/app', logs);
  }
}
