import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { InitVolume } from '../../src/charts';
import { synth } from '../helpers';
import { violationsOf } from './validate';

describe('the init-volume chart', () => {
  it('has a plain init container, not a sidecar, write the page into the volume', () => {
    const [pod] = synth(new InitVolume(Testing.app()));
    expect(pod.spec.initContainers).toMatchObject([
      { name: 'prepare', volumeMounts: [{ name: 'content', mountPath: '/content' }] },
    ]);
    expect(pod.spec.initContainers[0].restartPolicy).toBeUndefined();
    expect(pod.spec.initContainers[0].args[0]).toContain('> /content/index.html');
  });

  it('has the main container serve the prepared volume read-only on 8080', () => {
    const [pod] = synth(new InitVolume(Testing.app()));
    expect(pod.spec.volumes).toEqual([{ name: 'content', emptyDir: { sizeLimit: '1Mi' } }]);
    expect(pod.spec.containers).toMatchObject([
      {
        name: 'web',
        command: ['httpd', '-f', '-v', '-p', '8080', '-h', '/content'],
        ports: [{ name: 'http', containerPort: 8080 }],
        volumeMounts: [{ name: 'content', mountPath: '/content', readOnly: true }],
      },
    ]);
  });

  it('passes validation under the restricted profile', () => {
    const chart = new InitVolume(Testing.app());
    expect(chart.pod.profile).toBe('restricted');
    expect(violationsOf(chart)).toEqual([]);
  });
});
