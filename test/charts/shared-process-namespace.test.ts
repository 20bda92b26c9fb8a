import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { SharedProcessNamespace } from '../../src/charts';
import { synth } from '../helpers';
import { violationsOf } from './validate';

describe('the shared-process-namespace chart', () => {
  it('shares one process namespace between nginx and a busybox shell that lists its processes', () => {
    const [pod] = synth(new SharedProcessNamespace(Testing.app()));
    expect(pod.spec.shareProcessNamespace).toBe(true);
    expect(pod.spec.containers).toMatchObject([
      { name: 'nginx', image: 'nginxinc/nginx-unprivileged:1.25-alpine' },
      { name: 'shell', image: 'busybox:1.36', command: ['sh', '-c'] },
    ]);
    expect(pod.spec.containers[1].args[0]).toContain('ps');
  });

  it('runs both containers as one non-root user so the shell may signal nginx without CAP_KILL', () => {
    const [pod] = synth(new SharedProcessNamespace(Testing.app()));
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 101, runAsGroup: 101 });
    for (const c of pod.spec.containers) {
      expect(c.securityContext?.runAsUser).toBeUndefined();
      expect(c.securityContext.capabilities).toEqual({ drop: ['ALL'] });
    }
  });

  it('passes validation under the restricted profile', () => {
    const chart = new SharedProcessNamespace(Testing.app());
    expect(chart.pod.profile).toBe('restricted');
    expect(violationsOf(chart)).toEqual([]);
  });
});
