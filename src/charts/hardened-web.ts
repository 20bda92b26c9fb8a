import type { Construct } from 'constructs';
import { PodwrightChart, type PodwrightChartProps } from '../chart';
import { Deployment } from '../deployment';
import { Handler, Probe } from '../probe';
import { Volume } from '../volume';

/** Port nginx-unprivileged listens on: non-root processes cannot bind below 1024. */
export const HARDENED_WEB_PORT = 8080;

/** Seconds nginx keeps serving after its Pod is told to stop, while endpoints and load balancers let it go. */
export const HARDENED_WEB_DRAIN_SECONDS = 5;

/**
 * A web server whose page a native sidecar writes, using what Kubernetes 1.33 adds with types (the chart targets
 * 1.33 unless told otherwise; under 1.28 synth refuses it and names the version each field needs):
 * - `appArmorProfile: RuntimeDefault` for the whole Pod (the field replaced the beta annotations in 1.30);
 * - `supplementalGroupsPolicy: Strict`: the processes get only the groups the Pod names, never groups the image's
 *   /etc/group would add to the user;
 * - a native sidecar with a startup probe, so nginx starts only once the page exists;
 * - the page mounted read-only for nginx, recursively where the runtime can (`recursiveReadOnly: IfPossible`);
 * - a `sleep` preStop hook: nginx keeps serving while endpoints drop the Pod, with no `sleep` binary needed.
 * The nodes need AppArmor (the kubelet refuses a Pod that asks for a profile elsewhere) and a runtime that supports
 * `Strict` (containerd 2.0, CRI-O 1.31 or later).
 */
export class HardenedWeb extends PodwrightChart {
  /** The nginx Deployment with its page-writing sidecar. */
  public readonly deployment: Deployment;

  constructor(scope: Construct, id = 'hardened-web', props: PodwrightChartProps = {}) {
    super(scope, id, { kubeVersion: '1.33', ...props });
    this.deployment = new Deployment(this, 'hardened-web', {
      replicas: 2,
      securityContext: {
        // nginx-unprivileged's own user and group own its files; the sidecar runs as the same user, so nginx can
        // read what it writes. With Strict, 101 is the only group either process has.
        runAsUser: 101,
        runAsGroup: 101,
        appArmorProfile: { type: 'RuntimeDefault' },
        supplementalGroupsPolicy: 'Strict',
      },
    });
    const content = Volume.emptyDir('content', { sizeLimit: '1Mi' });
    const writer = this.deployment.addSidecar({
      name: 'content',
      image: 'busybox:1.36',
      command: ['sh', '-c'],
      // Written aside and renamed, so nginx never serves a half-written page.
      args: [
        'while true; do echo "<p>served by $(hostname) at $(date)</p>" > /content/.index.html && mv /content/.index.html /content/index.html; sleep 10; done',
      ],
      // A sidecar's startup probe holds the app containers back until it passes: nginx never starts without a page.
      startupProbe: Probe.exec(['test', '-s', '/content/index.html'], {
        periodSeconds: 1,
        failureThreshold: 30,
      }),
      resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '50m', memory: '32Mi' } },
    });
    writer.mount('/content', content);
    const nginx = this.deployment.addContainer({
      name: 'nginx',
      image: 'nginxinc/nginx-unprivileged:1.25-alpine',
      ports: [{ name: 'http', containerPort: HARDENED_WEB_PORT }],
      resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
      readinessProbe: Probe.httpGet('/', { port: 'http', periodSeconds: 5 }),
      lifecycle: { preStop: Handler.sleep({ seconds: HARDENED_WEB_DRAIN_SECONDS }) },
    });
    nginx.mount('/usr/share/nginx/html', content, { readOnly: true, recursiveReadOnly: 'IfPossible' });
    // The root filesystem is read-only under restricted; nginx writes its pid file and request buffers here.
    nginx.mount('/tmp', Volume.emptyDir('tmp', { sizeLimit: '32Mi' }));
  }
}
