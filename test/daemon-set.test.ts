import { k8s } from 'cdk8s-plus-28';
import { describe, expect, it } from 'vitest';
import { DaemonSet } from '../src/daemon-set';
import { chart, synth } from './helpers';

describe('DaemonSet', () => {
  it('writes its spec fields and the Pod scheduling fields with Kubernetes names', () => {
    const c = chart();
    new DaemonSet(c, 'agent', {
      minReadySeconds: 10,
      revisionHistoryLimit: 3,
      updateStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: k8s.IntOrString.fromString('10%') },
      },
      tolerations: [
        { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
      ],
      containers: [{ name: 'agent', image: 'busybox' }],
    });
    expect(synth(c)[0]).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      spec: {
        minReadySeconds: 10,
        revisionHistoryLimit: 3,
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } },
        selector: { matchLabels: { app: 'agent' } },
        template: {
          spec: { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }] },
        },
      },
    });
  });
});
