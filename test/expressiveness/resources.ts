import { Pod } from '../../src/pod';
import type { DocPods } from './doc-pod';

/** Documentation Pods about requests, limits and QoS classes. */
export const resourcePods: DocPods = {
  'pods/qos/qos-pod.yaml': (scope) =>
    new Pod(scope, 'qos-demo', {
      metadata: { namespace: 'qos-example' },
      containers: [
        {
          name: 'qos-demo-ctr',
          image: 'nginx',
          resources: { limits: { memory: '200Mi', cpu: '700m' }, requests: { memory: '200Mi', cpu: '700m' } },
        },
      ],
    }),

  'pods/qos/qos-pod-2.yaml': (scope) =>
    new Pod(scope, 'qos-demo-2', {
      metadata: { namespace: 'qos-example' },
      containers: [
        {
          name: 'qos-demo-2-ctr',
          image: 'nginx',
          resources: { limits: { memory: '200Mi' }, requests: { memory: '100Mi' } },
        },
      ],
    }),

  'pods/qos/qos-pod-4.yaml': (scope) =>
    new Pod(scope, 'qos-demo-4', {
      metadata: { namespace: 'qos-example' },
      containers: [
        { name: 'qos-demo-4-ctr-1', image: 'nginx', resources: { requests: { memory: '200Mi' } } },
        // No resources at all: under `privileged` podwright adds none either.
        { name: 'qos-demo-4-ctr-2', image: 'redis' },
      ],
    }),

  'pods/resource/cpu-request-limit.yaml': (scope) =>
    new Pod(scope, 'cpu-demo', {
      metadata: { namespace: 'cpu-example' },
      containers: [
        {
          name: 'cpu-demo-ctr',
          image: 'vish/stress',
          resources: { limits: { cpu: '1' }, requests: { cpu: '0.5' } },
          args: ['-cpus', '2'],
        },
      ],
    }),

  'pods/resource/memory-request-limit.yaml': (scope) =>
    new Pod(scope, 'memory-demo', {
      metadata: { namespace: 'mem-example' },
      containers: [
        {
          name: 'memory-demo-ctr',
          image: 'polinux/stress',
          resources: { requests: { memory: '100Mi' }, limits: { memory: '200Mi' } },
          command: ['stress'],
          args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'],
        },
      ],
    }),

  'pods/resource/extended-resource-pod.yaml': (scope) =>
    new Pod(scope, 'extended-resource-demo', {
      containers: [
        {
          name: 'extended-resource-demo-ctr',
          image: 'nginx',
          // The page writes the count as a YAML integer; a number keeps it one.
          resources: { requests: { 'example.com/dongle': 3 }, limits: { 'example.com/dongle': 3 } },
        },
      ],
    }),
};
