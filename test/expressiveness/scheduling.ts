import { Pod } from '../../src/pod';
import type { DocPods } from './doc-pod';

const zone = 'topology.kubernetes.io/zone';

/** Documentation Pods about scheduling: node selection, affinity, tolerations, spread, gates, schedulers. */
export const schedulingPods: DocPods = {
  'pods/pod-nginx.yaml': (scope) =>
    new Pod(scope, 'nginx', {
      metadata: { labels: { env: 'test' } },
      containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'IfNotPresent' }],
      nodeSelector: { disktype: 'ssd' },
    }),

  'pods/pod-nginx-specific-node.yaml': (scope) =>
    new Pod(scope, 'nginx', {
      nodeName: 'foo-node',
      containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'IfNotPresent' }],
    }),

  'admin/sched/pod3.yaml': (scope) =>
    new Pod(scope, 'annotation-second-scheduler', {
      metadata: { labels: { name: 'multischeduler-example' } },
      schedulerName: 'my-scheduler',
      containers: [{ name: 'pod-with-second-annotation-container', image: 'registry.k8s.io/pause:3.8' }],
    }),

  'pods/pod-with-toleration.yaml': (scope) =>
    new Pod(scope, 'nginx', {
      metadata: { labels: { env: 'test' } },
      containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'IfNotPresent' }],
      tolerations: [{ key: 'example-key', operator: 'Exists', effect: 'NoSchedule' }],
    }),

  'pods/pod-with-scheduling-gates.yaml': (scope) =>
    new Pod(scope, 'test-pod', {
      schedulingGates: [{ name: 'example.com/foo' }, { name: 'example.com/bar' }],
      containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.6' }],
    }),

  'pods/pod-with-node-affinity-1.yaml': (scope) =>
    new Pod(scope, 'with-node-affinity-1', {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: zone, operator: 'In', values: ['antarctica-east1', 'antarctica-west1'] },
                ],
              },
            ],
          },
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 1,
              preference: {
                matchExpressions: [
                  { key: 'another-node-label-key', operator: 'In', values: ['another-node-label-value'] },
                ],
              },
            },
          ],
        },
      },
      containers: [{ name: 'with-node-affinity-1', image: 'registry.k8s.io/pause:2.0' }],
    }),

  'pods/pod-with-node-affinity-2.yaml': (scope) =>
    new Pod(scope, 'with-node-affinity-2', {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] },
            ],
          },
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 1,
              preference: { matchExpressions: [{ key: 'label-1', operator: 'In', values: ['key-1'] }] },
            },
            {
              weight: 50,
              preference: { matchExpressions: [{ key: 'label-2', operator: 'In', values: ['key-2'] }] },
            },
          ],
        },
      },
      containers: [{ name: 'with-node-affinity-2', image: 'registry.k8s.io/pause:2.0' }],
    }),

  'pods/pod-with-pod-affinity.yaml': (scope) =>
    new Pod(scope, 'with-pod-affinity', {
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            {
              labelSelector: { matchExpressions: [{ key: 'security', operator: 'In', values: ['S1'] }] },
              topologyKey: zone,
            },
          ],
        },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 100,
              podAffinityTerm: {
                labelSelector: { matchExpressions: [{ key: 'security', operator: 'In', values: ['S2'] }] },
                topologyKey: zone,
              },
            },
          ],
        },
      },
      containers: [{ name: 'with-pod-affinity', image: 'registry.k8s.io/pause:3.8' }],
    }),

  'pods/topology-spread-constraints/two-constraints.yaml': (scope) =>
    new Pod(scope, 'mypod', {
      metadata: { labels: { foo: 'bar' } },
      topologySpreadConstraints: ['zone', 'node'].map((topologyKey) => ({
        maxSkew: 1,
        topologyKey,
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: { foo: 'bar' } },
      })),
      containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.1' }],
    }),

  'pods/topology-spread-constraints/one-constraint-with-nodeaffinity.yaml': (scope) =>
    new Pod(scope, 'mypod', {
      metadata: { labels: { foo: 'bar' } },
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'zone',
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: { foo: 'bar' } },
        },
      ],
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['zoneC'] }] },
            ],
          },
        },
      },
      containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.1' }],
    }),
};
