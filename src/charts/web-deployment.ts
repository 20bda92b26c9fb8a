import { k8s } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { PodwrightChart, type PodwrightChartProps } from '../chart';
import { Deployment } from '../deployment';
import { Probe } from '../probe';
import { Volume } from '../volume';

/** Port nginx-unprivileged listens on: non-root processes cannot bind below 1024. */
export const WEB_DEPLOYMENT_PORT = 8080;

/**
 * A web server as a Deployment behind a Service: two replicas, rolled out one new Pod at a time without ever dropping
 * below two ready Pods, each Pod taken out of the Service while its readiness probe fails.
 */
export class WebDeployment extends PodwrightChart {
  /** The nginx Deployment. */
  public readonly deployment: Deployment;
  /** The Service in front of it. */
  public readonly service: k8s.KubeService;

  constructor(scope: Construct, id = 'web-deployment', props: PodwrightChartProps = {}) {
    super(scope, id, props);
    this.deployment = new Deployment(this, 'web', {
      replicas: 2,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: {
          maxSurge: k8s.IntOrString.fromNumber(1),
          maxUnavailable: k8s.IntOrString.fromNumber(0),
        },
      },
    });
    const nginx = this.deployment.addContainer({
      name: 'nginx',
      // The unprivileged build listens on 8080 and keeps its pid file and temp paths under /tmp.
      image: 'nginxinc/nginx-unprivileged:1.25-alpine',
      ports: [{ name: 'http', containerPort: WEB_DEPLOYMENT_PORT }],
      // The image's own user (101) owns its files; the rest of the restricted defaults stay.
      securityContext: { runAsUser: 101, runAsGroup: 101 },
      // nginx starts one worker per node CPU, so the 64Mi default limit is too tight on a large node.
      resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
      readinessProbe: Probe.httpGet('/', { port: 'http', periodSeconds: 5 }),
      livenessProbe: Probe.httpGet('/', { port: 'http', periodSeconds: 10, failureThreshold: 3 }),
    });
    // The root filesystem is read-only under restricted; nginx writes its pid file and request buffers here.
    nginx.mount('/tmp', Volume.emptyDir('tmp', { sizeLimit: '32Mi' }));
    this.service = new k8s.KubeService(this, 'service', {
      metadata: { name: 'web' },
      spec: {
        selector: this.deployment.selector?.matchLabels,
        ports: [{ name: 'http', port: 80, targetPort: k8s.IntOrString.fromString('http') }],
      },
    });
  }
}
