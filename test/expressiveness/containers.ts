import { Pod } from '../../src/pod';
import { Handler } from '../../src/probe';
import type { DocPods } from './doc-pod';

/** Documentation Pods about containers themselves: images, commands, ports, hooks, names and DNS. */
export const containerPods: DocPods = {
  'pods/simple-pod.yaml': (scope) =>
    new Pod(scope, 'nginx', {
      containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }],
    }),

  'pods/commands.yaml': (scope) =>
    new Pod(scope, 'command-demo', {
      metadata: { labels: { purpose: 'demonstrate-command' } },
      restartPolicy: 'OnFailure',
      containers: [
        {
          name: 'command-demo-container',
          image: 'debian',
          command: ['printenv'],
          args: ['HOSTNAME', 'KUBERNETES_PORT'],
        },
      ],
    }),

  'debug/termination.yaml': (scope) =>
    new Pod(scope, 'termination-demo', {
      containers: [
        {
          name: 'termination-demo-container',
          image: 'debian',
          command: ['/bin/sh'],
          args: ['-c', 'sleep 10 && echo Sleep expired > /dev/termination-log'],
        },
      ],
    }),

  'pods/private-reg-pod.yaml': (scope) =>
    new Pod(scope, 'private-reg', {
      containers: [{ name: 'private-reg-container', image: '<your-private-image>' }],
      imagePullSecrets: ['regcred'],
    }),

  'pods/lifecycle-events.yaml': (scope) =>
    new Pod(scope, 'lifecycle-demo', {
      containers: [
        {
          name: 'lifecycle-demo-container',
          image: 'nginx',
          lifecycle: {
            postStart: Handler.exec([
              '/bin/sh',
              '-c',
              'echo Hello from the postStart handler > /usr/share/message',
            ]),
            preStop: Handler.exec([
              '/bin/sh',
              '-c',
              'nginx -s quit; while killall -0 nginx; do sleep 1; done',
            ]),
          },
        },
      ],
    }),

  'pods/share-process-namespace.yaml': (scope) =>
    new Pod(scope, 'nginx', {
      shareProcessNamespace: true,
      containers: [
        { name: 'nginx', image: 'nginx' },
        // stdin and tty have no high-level form: they only matter for `kubectl attach`, so they pass through.
        {
          name: 'shell',
          image: 'busybox:1.28',
          command: ['sleep', '3600'],
          passThrough: { stdin: true, tty: true },
        },
      ],
    }),

  'service/networking/hostaliases-pod.yaml': (scope) =>
    new Pod(scope, 'hostaliases-pod', {
      restartPolicy: 'Never',
      hostAliases: [
        { ip: '127.0.0.1', hostnames: ['foo.local', 'bar.local'] },
        { ip: '10.1.2.3', hostnames: ['foo.remote', 'bar.remote'] },
      ],
      containers: [{ name: 'cat-hosts', image: 'busybox:1.28', command: ['cat'], args: ['/etc/hosts'] }],
    }),

  'service/networking/custom-dns.yaml': (scope) =>
    new Pod(scope, 'dns-example', {
      metadata: { namespace: 'default' },
      containers: [{ name: 'test', image: 'nginx' }],
      dnsPolicy: 'None',
      dnsConfig: {
        nameservers: ['192.0.2.1'],
        searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'],
        options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
      },
    }),
};
