import type { Construct } from 'constructs';
import { PodwrightChart, type PodwrightChartProps } from '../chart';
import { Pod } from '../pod';
import { Volume } from '../volume';

/** The uid and gid nginx-unprivileged is built to run as. */
const NGINX_USER = 101;

/**
 * `shareProcessNamespace: true`: the containers of the Pod see one process tree, so a busybox shell lists
 * nginx's processes and can signal them (`kill -HUP <nginx master>` reloads nginx) without being in its image.
 */
export class SharedProcessNamespace extends PodwrightChart {
  /** The nginx and shell Pod. */
  public readonly pod: Pod;

  constructor(scope: Construct, id = 'shared-process-namespace', props: PodwrightChartProps = {}) {
    super(scope, id, props);
    this.pod = new Pod(this, 'shared-process-namespace', {
      metadata: { labels: { app: 'shared-process-namespace' } },
      shareProcessNamespace: true,
      // Both containers run as nginx's user: signalling another user's process needs CAP_KILL, which the
      // restricted profile drops.
      securityContext: { runAsUser: NGINX_USER, runAsGroup: NGINX_USER },
    });
    const nginx = this.pod.addContainer({
      name: 'nginx',
      image: 'nginxinc/nginx-unprivileged:1.25-alpine',
      ports: [{ name: 'http', containerPort: 8080 }],
    });
    // The root filesystem is read-only under restricted; nginx writes its pid file and request buffers here.
    nginx.mount('/tmp', Volume.emptyDir('tmp', { sizeLimit: '32Mi' }));
    this.pod.addContainer({
      name: 'shell',
      image: 'busybox:1.36',
      command: ['sh', '-c'],
      // Lists the shared process tree every 30 s (nginx's master and workers included) so `kubectl logs -c
      // shell` shows it; `kubectl exec -it ... -c shell -- sh` gives an interactive view.
      args: ['while true; do ps; sleep 30; done'],
    });
  }
}
