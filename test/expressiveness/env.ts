import { EnvFrom, EnvValue } from '../../src/env';
import { Pod } from '../../src/pod';
import type { DocPods } from './doc-pod';

/** Documentation Pods about environment variables: literals, references, ConfigMaps, Secrets, downward API. */
export const envPods: DocPods = {
  'pods/inject/dapi-envars-pod.yaml': (scope) =>
    new Pod(scope, 'dapi-envars-fieldref', {
      restartPolicy: 'Never',
      containers: [
        {
          name: 'test-container',
          image: 'registry.k8s.io/busybox:1.27.2',
          command: ['sh', '-c'],
          args: [
            "while true; do echo -en '\\n'; printenv MY_NODE_NAME MY_POD_NAME MY_POD_NAMESPACE; " +
              'printenv MY_POD_IP MY_POD_SERVICE_ACCOUNT; sleep 10; done;',
          ],
          env: {
            MY_NODE_NAME: EnvValue.fromFieldRef('spec.nodeName'),
            MY_POD_NAME: EnvValue.fromFieldRef('metadata.name'),
            MY_POD_NAMESPACE: EnvValue.fromFieldRef('metadata.namespace'),
            MY_POD_IP: EnvValue.fromFieldRef('status.podIP'),
            MY_POD_SERVICE_ACCOUNT: EnvValue.fromFieldRef('spec.serviceAccountName'),
          },
        },
      ],
    }),

  'pods/inject/dependent-envars.yaml': (scope) =>
    new Pod(scope, 'dependent-envars-demo', {
      containers: [
        {
          name: 'dependent-envars-demo',
          image: 'busybox',
          command: ['sh', '-c'],
          args: [
            "while true; do echo -en '\\n'; printf UNCHANGED_REFERENCE=$UNCHANGED_REFERENCE'\\n'; " +
              "printf SERVICE_ADDRESS=$SERVICE_ADDRESS'\\n';printf ESCAPED_REFERENCE=$ESCAPED_REFERENCE'\\n'; " +
              'sleep 30; done;',
          ],
          // Order matters: $(PROTOCOL) is only expanded after PROTOCOL is defined, which is what the page shows.
          env: {
            SERVICE_PORT: '80',
            SERVICE_IP: '172.17.0.1',
            UNCHANGED_REFERENCE: '$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)',
            PROTOCOL: 'https',
            SERVICE_ADDRESS: '$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)',
            ESCAPED_REFERENCE: '$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)',
          },
        },
      ],
    }),

  'pods/inject/pod-secret-envFrom.yaml': (scope) =>
    new Pod(scope, 'envfrom-secret', {
      containers: [
        { name: 'envars-test-container', image: 'nginx', envFrom: [EnvFrom.secret('test-secret')] },
      ],
    }),

  'pods/inject/secret-envars-pod.yaml': (scope) =>
    new Pod(scope, 'secret-envars-test-pod', {
      containers: [
        {
          name: 'envars-test-container',
          image: 'nginx',
          env: {
            SECRET_USERNAME: EnvValue.fromSecret('test-secret', 'username'),
            SECRET_PASSWORD: EnvValue.fromSecret('test-secret', 'password'),
          },
        },
      ],
    }),

  'pods/pod-configmap-env-var-valueFrom.yaml': (scope) =>
    new Pod(scope, 'dapi-test-pod', {
      restartPolicy: 'Never',
      containers: [
        {
          name: 'test-container',
          image: 'registry.k8s.io/busybox:1.27.2',
          command: ['/bin/echo', '$(SPECIAL_LEVEL_KEY) $(SPECIAL_TYPE_KEY)'],
          env: {
            SPECIAL_LEVEL_KEY: EnvValue.fromConfigMap('special-config', 'SPECIAL_LEVEL'),
            SPECIAL_TYPE_KEY: EnvValue.fromConfigMap('special-config', 'SPECIAL_TYPE'),
          },
        },
      ],
    }),

  'pods/pod-configmap-envFrom.yaml': (scope) =>
    new Pod(scope, 'dapi-test-pod', {
      restartPolicy: 'Never',
      containers: [
        {
          name: 'test-container',
          image: 'registry.k8s.io/busybox',
          command: ['/bin/sh', '-c', 'env'],
          envFrom: [EnvFrom.configMap('special-config')],
        },
      ],
    }),

  'pods/pod-multiple-configmap-env-variable.yaml': (scope) =>
    new Pod(scope, 'dapi-test-pod', {
      restartPolicy: 'Never',
      containers: [
        {
          name: 'test-container',
          image: 'registry.k8s.io/busybox:1.27.2',
          command: ['/bin/sh', '-c', 'env'],
          env: {
            SPECIAL_LEVEL_KEY: EnvValue.fromConfigMap('special-config', 'special.how'),
            LOG_LEVEL: EnvValue.fromConfigMap('env-config', 'log_level'),
          },
        },
      ],
    }),
};
