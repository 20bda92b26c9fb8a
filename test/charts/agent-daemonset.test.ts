import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { AgentDaemonSet } from '../../src/charts';
import { synth } from '../helpers';
import { violationsOf } from './validate';

describe('the agent-daemonset chart', () => {
  it('runs on control-plane nodes too and reads its node name from the downward API', () => {
    const [set] = synth(new AgentDaemonSet(Testing.app()));
    expect(set.spec.template.spec.tolerations).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(set.spec.template.spec.containers[0].env).toEqual([
      { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
    ]);
    expect(set.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } });
  });

  it('validates clean under restricted: no hostPath, no host namespaces', () => {
    const chart = new AgentDaemonSet(Testing.app());
    const [set] = synth(chart);
    expect(set.spec.template.spec.volumes).toBeUndefined();
    expect(violationsOf(chart)).toEqual([]);
  });
});
