import type { Construct } from 'constructs';
import { PodwrightChart, type PodwrightChartProps } from '../chart';
import { Pod } from '../pod';
import { Volume } from '../volume';

/** Port the reader serves `/data` on; above 1024 because `restricted` runs it as a non-root user. */
export const SHARED_VOLUME_PORT = 8080;

/**
 * Two containers of one Pod sharing an emptyDir: a writer puts the date in `/data/index.html` every few seconds
 * and a reader serves it over HTTP. They share the network namespace too, so the writer reads the page back
 * from `localhost` although the server runs in the other container.
 */
export class SharedVolume extends PodwrightChart {
  /** The writer and reader Pod. */
  public readonly pod: Pod;

  constructor(scope: Construct, id = 'shared-volume', props: PodwrightChartProps = {}) {
    super(scope, id, props);
    // emptyDir is created world-writable, so the non-root user of `restricted` can write it while the root
    // filesystem stays read-only.
    const html = Volume.emptyDir('html', { sizeLimit: '1Mi' });
    this.pod = new Pod(this, 'shared-volume', { metadata: { labels: { app: 'shared-volume' } } });
    const writer = this.pod.addContainer({
      name: 'writer',
      image: 'busybox:1.36',
      command: ['sh', '-c'],
      args: [
        // The wget goes to the reader's server: containers of a Pod share one IP, so it is localhost here.
        `while true; do date > /data/index.html; wget -q -O - http://localhost:${SHARED_VOLUME_PORT}/ || true; sleep 5; done`,
      ],
    });
    writer.mount('/data', html);
    const reader = this.pod.addContainer({
      name: 'reader',
      image: 'busybox:1.36',
      command: ['httpd', '-f', '-v', '-p', String(SHARED_VOLUME_PORT), '-h', '/data'],
      ports: [{ name: 'http', containerPort: SHARED_VOLUME_PORT }],
    });
    // The reader only serves what the writer wrote: read-only keeps that one-way.
    reader.mount('/data', html, { readOnly: true });
  }
}
