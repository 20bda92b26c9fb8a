import { Pod } from '../../src/pod';
import { Probe } from '../../src/probe';
import type { DocPods } from './doc-pod';

/** Documentation Pods about liveness and readiness probes: exec, httpGet, tcpSocket and gRPC. */
export const probePods: DocPods = {
  'pods/probe/exec-liveness.yaml': (scope) =>
    new Pod(scope, 'liveness-exec', {
      metadata: { labels: { test: 'liveness' } },
      containers: [
        {
          name: 'liveness',
          image: 'k8s.gcr.io/busybox',
          args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
          livenessProbe: Probe.exec(['cat', '/tmp/healthy'], { initialDelaySeconds: 5, periodSeconds: 5 }),
        },
      ],
    }),

  'pods/probe/http-liveness.yaml': (scope) =>
    new Pod(scope, 'liveness-http', {
      metadata: { labels: { test: 'liveness' } },
      containers: [
        {
          name: 'liveness',
          image: 'k8s.gcr.io/liveness',
          args: ['/server'],
          ports: [{ containerPort: 8080 }],
          livenessProbe: Probe.httpGet('/healthz', {
            port: 8080,
            headers: { 'Custom-Header': 'Awesome' },
            initialDelaySeconds: 3,
            periodSeconds: 3,
          }),
        },
      ],
    }),

  'pods/probe/pod-with-http-healthcheck.yaml': (scope) =>
    new Pod(scope, 'pod-with-http-healthcheck', {
      containers: [
        {
          name: 'nginx',
          image: 'nginx',
          ports: [{ containerPort: 80 }],
          livenessProbe: Probe.httpGet('/_status/healthz', {
            port: 80,
            initialDelaySeconds: 30,
            timeoutSeconds: 1,
          }),
        },
      ],
    }),

  'pods/probe/tcp-liveness-readiness.yaml': (scope) =>
    new Pod(scope, 'goproxy', {
      metadata: { labels: { 'app.kubernetes.io/name': 'goproxy' } },
      containers: [
        {
          name: 'goproxy',
          image: 'registry.k8s.io/goproxy:0.1',
          ports: [{ containerPort: 8080 }],
          readinessProbe: Probe.tcpSocket({ port: 8080, initialDelaySeconds: 15, periodSeconds: 10 }),
          livenessProbe: Probe.tcpSocket({ port: 8080, initialDelaySeconds: 15, periodSeconds: 10 }),
        },
      ],
    }),

  'pods/probe/grpc-liveness.yaml': (scope) =>
    new Pod(scope, 'etcd-with-grpc', {
      containers: [
        {
          name: 'etcd',
          image: 'registry.k8s.io/etcd:3.5.1-0',
          command: [
            '/usr/local/bin/etcd',
            '--data-dir',
            '/var/lib/etcd',
            '--listen-client-urls',
            'http://0.0.0.0:2379',
            '--advertise-client-urls',
            'http://127.0.0.1:2379',
            '--log-level',
            'debug',
          ],
          ports: [{ containerPort: 2379 }],
          livenessProbe: Probe.grpc({ port: 2379, initialDelaySeconds: 10 }),
        },
      ],
    }),
};
