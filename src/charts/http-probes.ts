import type { Construct } from 'constructs';
import { PodwrightChart, type PodwrightChartProps } from '../chart';
import { Pod } from '../pod';
import { Probe } from '../probe';
import { Volume } from '../volume';

/** Port nginx-unprivileged listens on: non-root processes cannot bind below 1024. */
export const HTTP_PROBES_PORT = 8080;

/**
 * An HTTP server with all three probes, each an httpGet on the named port `http`:
 * the startup probe gives nginx up to 30 s to come up and holds the other two until it has; the readiness probe
 * takes the Pod out of Service endpoints while it fails; the liveness probe restarts a server that stopped
 * answering. Each probe sends an `X-Probe` header so the access log tells the probes apart.
 */
export class HttpProbes extends PodwrightChart {
  /** The nginx Pod. */
  public readonly pod: Pod;

  constructor(scope: Construct, id = 'http-probes', props: PodwrightChartProps = {}) {
    super(scope, id, props);
    this.pod = new Pod(this, 'http-probes', { metadata: { labels: { app: 'http-probes' } } });
    const web = this.pod.addContainer({
      name: 'nginx',
      // The unprivileged build listens on 8080 and keeps its pid file and temp paths under /tmp.
      image: 'nginxinc/nginx-unprivileged:1.25-alpine',
      ports: [{ name: 'http', containerPort: HTTP_PROBES_PORT }],
      // The image's own user (101) owns its files; the rest of the restricted defaults stay.
      securityContext: { runAsUser: 101, runAsGroup: 101 },
      // nginx starts one worker per node CPU, so the 64Mi default limit is too tight on a large node.
      resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
      startupProbe: Probe.httpGet('/', {
        port: 'http',
        headers: { 'X-Probe': 'startup' },
        periodSeconds: 2,
        failureThreshold: 15,
      }),
      readinessProbe: Probe.httpGet('/index.html', {
        port: 'http',
        headers: { 'X-Probe': 'readiness' },
        periodSeconds: 5,
        failureThreshold: 2,
      }),
      livenessProbe: Probe.httpGet('/', {
        port: 'http',
        headers: { 'X-Probe': 'liveness' },
        periodSeconds: 10,
        timeoutSeconds: 2,
        failureThreshold: 3,
      }),
    });
    // The root filesystem is read-only under restricted; nginx writes its pid file and request buffers here.
    web.mount('/tmp', Volume.emptyDir('tmp', { sizeLimit: '32Mi' }));
  }
}
