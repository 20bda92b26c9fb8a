import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { SidecarLogs } from '../../src/charts';
import { synth } from '../helpers';
import { violationsOf } from './validate';

describe('the sidecar-logs chart', () => {
  it('runs the log shipper as a native sidecar: an init container that restarts always', () => {
    const [pod] = synth(new SidecarLogs(Testing.app()));
    expect(pod.spec.initContainers).toHaveLength(1);
    expect(pod.spec.initContainers[0]).toMatchObject({
      name: 'log-shipper',
      restartPolicy: 'Always',
      command: ['tail', '-n', '+1', '-F', '/var/log/app/app.log'],
    });
  });

  it('has the app write the file the sidecar tails, on one shared emptyDir', () => {
    const [pod] = synth(new SidecarLogs(Testing.app()));
    expect(pod.spec.volumes).toEqual([{ name: 'logs', emptyDir: { sizeLimit: '16Mi' } }]);
    expect(pod.spec.containers).toMatchObject([
      { name: 'app', volumeMounts: [{ name: 'logs', mountPath: '/var/log/app' }] },
    ]);
    expect(pod.spec.containers[0].args[0]).toContain('>> /var/log/app/app.log');
    expect(pod.spec.initContainers[0].volumeMounts).toEqual([
      { name: 'logs', mountPath: '/var/log/app', readOnly: true },
    ]);
  });

  it('passes validation under the restricted profile', () => {
    const chart = new SidecarLogs(Testing.app());
    expect(chart.pod.profile).toBe('restricted');
    expect(violationsOf(chart)).toEqual([]);
  });
});
