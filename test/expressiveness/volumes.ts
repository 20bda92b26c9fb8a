import { Pod } from '../../src/pod';
import { Projection, Volume } from '../../src/volume';
import type { DocPods } from './doc-pod';

/** Documentation Pods about volumes: emptyDir, ConfigMap, Secret, downward API, projected, PVC, init containers. */
export const volumePods: DocPods = {
  'pods/init-containers.yaml': (scope) => {
    const workdir = Volume.emptyDir('workdir');
    const pod = new Pod(scope, 'init-demo', { dnsPolicy: 'Default' });
    pod
      .addContainer({ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] })
      .mount('/usr/share/nginx/html', workdir);
    pod
      .addInitContainer({
        name: 'install',
        image: 'busybox',
        command: ['wget', '-O', '/work-dir/index.html', 'http://info.cern.ch'],
      })
      .mount('/work-dir', workdir);
    return pod;
  },

  'pods/multi-container/shared-volume.yaml': (scope) => {
    const content = Volume.emptyDir('content', { sizeLimit: '10Mi' });
    const pod = new Pod(scope, 'shared-volume-example');
    pod
      .addInitContainer({
        name: 'content-writer',
        image: 'registry.k8s.io/busybox:1.27.2',
        command: ['sh', '-c', 'echo "Hello from the init container" > /content/index.html'],
      })
      .mount('/content', content);
    pod.addContainer({ name: 'web', image: 'nginx:1.29' }).mount('/usr/share/nginx/html', content, {
      readOnly: true,
    });
    return pod;
  },

  'admin/logging/two-files-counter-pod-streaming-sidecar.yaml': (scope) => {
    const varlog = Volume.emptyDir('varlog');
    const pod = new Pod(scope, 'counter');
    const count = pod.addContainer({
      name: 'count',
      image: 'busybox:1.28',
      args: [
        '/bin/sh',
        '-c',
        'i=0; while true; do\n' +
          '  echo "$i: $(date)" >> /var/log/1.log;\n' +
          '  echo "$(date) INFO $i" >> /var/log/2.log;\n' +
          '  i=$((i+1));\n' +
          '  sleep 1;\n' +
          'done\n',
      ],
    });
    count.mount('/var/log', varlog);
    for (const n of [1, 2]) {
      pod
        .addContainer({
          name: `count-log-${n}`,
          image: 'busybox:1.28',
          args: ['/bin/sh', '-c', `tail -n+1 -f /var/log/${n}.log`],
        })
        .mount('/var/log', varlog);
    }
    return pod;
  },

  'pods/storage/redis.yaml': (scope) => {
    const pod = new Pod(scope, 'redis');
    pod
      .addContainer({ name: 'redis', image: 'redis' })
      .mount('/data/redis', Volume.emptyDir('redis-storage'));
    return pod;
  },

  'pods/storage/pv-pod.yaml': (scope) => {
    const pod = new Pod(scope, 'task-pv-pod');
    pod
      .addContainer({
        name: 'task-pv-container',
        image: 'nginx',
        ports: [{ containerPort: 80, name: 'http-server' }],
      })
      .mount('/usr/share/nginx/html', Volume.persistentVolumeClaim('task-pv-storage', 'task-pv-claim'));
    return pod;
  },

  'pods/inject/secret-pod.yaml': (scope) => {
    const pod = new Pod(scope, 'secret-test-pod');
    pod
      .addContainer({ name: 'test-container', image: 'nginx' })
      .mount('/etc/secret-volume', Volume.secret('secret-volume', 'test-secret'), { readOnly: true });
    return pod;
  },

  'pods/pod-configmap-volume.yaml': (scope) => {
    const pod = new Pod(scope, 'dapi-test-pod', { restartPolicy: 'Never' });
    pod
      .addContainer({
        name: 'test-container',
        image: 'registry.k8s.io/busybox',
        command: ['/bin/sh', '-c', 'ls /etc/config/'],
      })
      .mount('/etc/config', Volume.configMap('config-volume', 'special-config'));
    return pod;
  },

  'pods/pod-configmap-volume-specific-key.yaml': (scope) => {
    const pod = new Pod(scope, 'dapi-test-pod', { restartPolicy: 'Never' });
    const config = Volume.configMap('config-volume', 'special-config', {
      items: [{ key: 'special.level', path: 'keys' }],
    });
    pod
      .addContainer({
        name: 'test-container',
        image: 'k8s.gcr.io/busybox',
        command: ['/bin/sh', '-c', 'cat /etc/config/keys'],
      })
      .mount('/etc/config', config);
    return pod;
  },

  'pods/inject/dapi-volume.yaml': (scope) => {
    const pod = new Pod(scope, 'kubernetes-downwardapi-volume-example', {
      metadata: {
        labels: { zone: 'us-est-coast', cluster: 'test-cluster1', rack: 'rack-22' },
        annotations: { build: 'two', builder: 'john-doe' },
      },
    });
    const podinfo = Volume.downwardApi('podinfo', [
      { path: 'labels', fieldPath: 'metadata.labels' },
      { path: 'annotations', fieldPath: 'metadata.annotations' },
    ]);
    pod
      .addContainer({
        name: 'client-container',
        image: 'registry.k8s.io/busybox:1.27.2',
        command: ['sh', '-c'],
        args: [
          "while true; do if [[ -e /etc/podinfo/labels ]]; then echo -en '\\n\\n'; cat /etc/podinfo/labels; fi; " +
            "if [[ -e /etc/podinfo/annotations ]]; then echo -en '\\n\\n'; cat /etc/podinfo/annotations; fi; " +
            'sleep 5; done;',
        ],
      })
      .mount('/etc/podinfo', podinfo);
    return pod;
  },

  'pods/inject/dapi-volume-resources.yaml': (scope) => {
    const pod = new Pod(scope, 'kubernetes-downwardapi-volume-example-2');
    const containerName = 'client-container';
    const podinfo = Volume.downwardApi('podinfo', [
      { path: 'cpu_limit', containerName, resource: 'limits.cpu', divisor: '1m' },
      { path: 'cpu_request', containerName, resource: 'requests.cpu', divisor: '1m' },
      { path: 'mem_limit', containerName, resource: 'limits.memory', divisor: '1Mi' },
      { path: 'mem_request', containerName, resource: 'requests.memory', divisor: '1Mi' },
    ]);
    const show = (file: string) =>
      `if [[ -e /etc/podinfo/${file} ]]; then echo -en '\\n'; cat /etc/podinfo/${file}; fi;`;
    pod
      .addContainer({
        name: containerName,
        image: 'k8s.gcr.io/busybox:1.24',
        command: ['sh', '-c'],
        args: [
          `while true; do echo -en '\\n'; ${['cpu_limit', 'cpu_request', 'mem_limit', 'mem_request'].map(show).join(' ')} sleep 5; done;`,
        ],
        resources: { requests: { memory: '32Mi', cpu: '125m' }, limits: { memory: '64Mi', cpu: '250m' } },
      })
      .mount('/etc/podinfo', podinfo);
    return pod;
  },

  'pods/pod-projected-svc-token.yaml': (scope) => {
    const pod = new Pod(scope, 'nginx', { serviceAccountName: 'build-robot' });
    const token = Volume.projected('vault-token', [
      Projection.serviceAccountToken('vault-token', { expirationSeconds: 7200, audience: 'vault' }),
    ]);
    pod.addContainer({ name: 'nginx', image: 'nginx' }).mount('/var/run/secrets/tokens', token);
    return pod;
  },

  'pods/storage/projected.yaml': (scope) => {
    const pod = new Pod(scope, 'test-projected-volume');
    const allInOne = Volume.projected('all-in-one', [Projection.secret('user'), Projection.secret('pass')]);
    pod
      .addContainer({ name: 'test-projected-volume', image: 'busybox:1.28', args: ['sleep', '86400'] })
      .mount('/projected-volume', allInOne, { readOnly: true });
    return pod;
  },

  'pods/storage/projected-secret-downwardapi-configmap.yaml': (scope) => {
    const pod = new Pod(scope, 'volume-test');
    const allInOne = Volume.projected('all-in-one', [
      Projection.secret('mysecret', { items: [{ key: 'username', path: 'my-group/my-username' }] }),
      Projection.downwardApi([
        { path: 'labels', fieldPath: 'metadata.labels' },
        { path: 'cpu_limit', containerName: 'container-test', resource: 'limits.cpu' },
      ]),
      Projection.configMap('myconfigmap', { items: [{ key: 'config', path: 'my-group/my-config' }] }),
    ]);
    pod
      .addContainer({ name: 'container-test', image: 'busybox:1.28', command: ['sleep', '3600'] })
      .mount('/projected-volume', allInOne, { readOnly: true });
    return pod;
  },
};
