import { k8s } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { PodwrightChart, type PodwrightChartProps } from '../chart';
import { DaemonSet } from '../daemon-set';
import { EnvValue } from '../env';

/**
 * A node agent as a DaemonSet: one Pod on every node, control-plane nodes included, updated one node at a time. It
 * reports the node it runs on, read from the downward API. A log agent that reads the node's `/var/log` needs a
 * hostPath volume, which only the `privileged` profile permits; this one stays `restricted`.
 */
export class AgentDaemonSet extends PodwrightChart {
  /** The DaemonSet. */
  public readonly daemonSet: DaemonSet;

  constructor(scope: Construct, id = 'agent-daemonset', props: PodwrightChartProps = {}) {
    super(scope, id, props);
    this.daemonSet = new DaemonSet(this, 'node-agent', {
      updateStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(1) },
      },
      tolerations: [
        { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
      ],
      containers: [
        {
          name: 'agent',
          image: 'busybox',
          command: ['sh', '-c', 'while true; do echo "agent on $NODE_NAME"; sleep 60; done'],
          env: { NODE_NAME: EnvValue.fromFieldRef('spec.nodeName') },
        },
      ],
    });
  }
}
