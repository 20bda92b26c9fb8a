import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { SharedVolume } from '../../src/charts';
import { synth } from '../helpers';
import { violationsOf } from './validate';

describe('the shared-volume chart', () => {
  it('mounts one emptyDir into the writer read-write and into the reader read-only', () => {
    const [pod] = synth(new SharedVolume(Testing.app()));
    expect(pod.spec.volumes).toEqual([{ name: 'html', emptyDir: { sizeLimit: '1Mi' } }]);
    expect(pod.spec.containers).toMatchObject([
      { name: 'writer', volumeMounts: [{ name: 'html', mountPath: '/data' }] },
      { name: 'reader', volumeMounts: [{ name: 'html', mountPath: '/data', readOnly: true }] },
    ]);
    expect(pod.spec.containers[0].volumeMounts[0].readOnly).toBeUndefined();
  });

  it('has the writer write the page the reader serves, and reach the reader on localhost', () => {
    const [pod] = synth(new SharedVolume(Testing.app()));
    const [writer, reader] = pod.spec.containers;
    expect(writer.args[0]).toContain('date > /data/index.html');
    expect(writer.args[0]).toContain('http://localhost:8080/');
    expect(reader).toMatchObject({
      command: ['httpd', '-f', '-v', '-p', '8080', '-h', '/data'],
      ports: [{ name: 'http', containerPort: 8080 }],
    });
  });

  it('runs under the restricted profile with limits on both containers', () => {
    const chart = new SharedVolume(Testing.app());
    const [pod] = synth(chart);
    expect(chart.pod.profile).toBe('restricted');
    expect(violationsOf(chart)).toEqual([]);
    for (const c of pod.spec.containers) {
      expect(c.resources.limits).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
      expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
    }
  });
});
