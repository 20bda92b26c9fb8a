import type { Construct } from 'constructs';
import { PodwrightChart, type PodwrightChartProps } from '../chart';
import { Pod } from '../pod';
import { Volume } from '../volume';

/** Port the web container serves the prepared content on; above 1024 because `restricted` runs it as non-root. */
export const INIT_VOLUME_PORT = 8080;

/**
 * An init container prepares a volume before the main container starts: it writes the page that the web
 * container then serves. The kubelet starts the web container only after the init container exited 0, so the
 * page is always there. (A real one would download or render content; this one writes it, so it runs offline.)
 */
export class InitVolume extends PodwrightChart {
  /** The Pod with the init container and the web server. */
  public readonly pod: Pod;

  constructor(scope: Construct, id = 'init-volume', props: PodwrightChartProps = {}) {
    super(scope, id, props);
    const content = Volume.emptyDir('content', { sizeLimit: '1Mi' });
    this.pod = new Pod(this, 'init-volume', { metadata: { labels: { app: 'init-volume' } } });
    const prepare = this.pod.addInitContainer({
      name: 'prepare',
      image: 'busybox:1.36',
      command: ['sh', '-c'],
      args: ['echo "<h1>Prepared by the init container at $(date)</h1>" > /content/index.html'],
    });
    prepare.mount('/content', content);
    const web = this.pod.addContainer({
      name: 'web',
      image: 'busybox:1.36',
      command: ['httpd', '-f', '-v', '-p', String(INIT_VOLUME_PORT), '-h', '/content'],
      ports: [{ name: 'http', containerPort: INIT_VOLUME_PORT }],
    });
    // The content is finished once the init container has exited: the server only reads it.
    web.mount('/content', content, { readOnly: true });
  }
}
