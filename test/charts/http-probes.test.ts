import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { HttpProbes } from '../../src/charts';
import { synth } from '../helpers';
import { violationsOf } from './validate';

describe('the http-probes chart', () => {
  it('probes the named port with an httpGet and a header for each of startup, readiness and liveness', () => {
    const [pod] = synth(new HttpProbes(Testing.app()));
    expect(pod.spec.containers[0]).toMatchObject({
      ports: [{ name: 'http', containerPort: 8080 }],
      startupProbe: {
        httpGet: { path: '/', port: 'http', httpHeaders: [{ name: 'X-Probe', value: 'startup' }] },
        periodSeconds: 2,
        failureThreshold: 15,
      },
      readinessProbe: {
        httpGet: {
          path: '/index.html',
          port: 'http',
          httpHeaders: [{ name: 'X-Probe', value: 'readiness' }],
        },
        periodSeconds: 5,
        failureThreshold: 2,
      },
      livenessProbe: {
        httpGet: { path: '/', port: 'http', httpHeaders: [{ name: 'X-Probe', value: 'liveness' }] },
        periodSeconds: 10,
        timeoutSeconds: 2,
        failureThreshold: 3,
      },
    });
  });

  it('runs nginx as its own non-root user with a writable /tmp on a read-only root filesystem', () => {
    const [pod] = synth(new HttpProbes(Testing.app()));
    expect(pod.spec.containers[0]).toMatchObject({
      securityContext: { runAsUser: 101, runAsGroup: 101, readOnlyRootFilesystem: true },
      volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    });
    expect(pod.spec.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '32Mi' } }]);
  });

  it('passes validation under the restricted profile', () => {
    const chart = new HttpProbes(Testing.app());
    expect(chart.pod.profile).toBe('restricted');
    expect(violationsOf(chart)).toEqual([]);
  });
});
