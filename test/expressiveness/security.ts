import { Pod } from '../../src/pod';
import { Volume } from '../../src/volume';
import type { DocPods } from './doc-pod';

/** Documentation Pods about security: security contexts, seccomp, capabilities, AppArmor. */
export const securityPods: DocPods = {
  'pods/security/security-context.yaml': (scope) => {
    const pod = new Pod(scope, 'security-context-demo', {
      securityContext: { runAsUser: 1000, fsGroup: 2000 },
    });
    pod
      .addContainer({
        name: 'sec-ctx-demo',
        image: 'gcr.io/google-samples/node-hello:1.0',
        securityContext: { allowPrivilegeEscalation: false },
      })
      .mount('/data/demo', Volume.emptyDir('sec-ctx-vol'));
    return pod;
  },

  'pods/security/security-context-2.yaml': (scope) =>
    new Pod(scope, 'security-context-demo-2', {
      securityContext: { runAsUser: 1000 },
      containers: [
        {
          name: 'sec-ctx-demo-2',
          image: 'gcr.io/google-samples/hello-app:2.0',
          securityContext: { runAsUser: 2000, allowPrivilegeEscalation: false },
        },
      ],
    }),

  'pods/security/security-context-4.yaml': (scope) =>
    new Pod(scope, 'security-context-demo-4', {
      containers: [
        {
          name: 'sec-ctx-4',
          image: 'gcr.io/google-samples/hello-app:2.0',
          securityContext: { capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] } },
        },
      ],
    }),

  'pods/security/security-context-5.yaml': (scope) =>
    new Pod(scope, 'security-context-demo', {
      securityContext: { runAsUser: 1000, runAsGroup: 3000, supplementalGroups: [4000] },
      containers: [
        {
          name: 'sec-ctx-demo',
          image: 'registry.k8s.io/e2e-test-images/agnhost:2.45',
          command: ['sh', '-c', 'sleep 1h'],
          securityContext: { allowPrivilegeEscalation: false },
        },
      ],
    }),

  'pods/security/seccomp/ga/audit-pod.yaml': (scope) =>
    new Pod(scope, 'audit-pod', {
      metadata: { labels: { 'app.kubernetes.io/name': 'audit-pod' } },
      securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } },
      containers: [
        {
          name: 'test-container',
          image: 'hashicorp/http-echo:1.0',
          args: ['-text=just made some syscalls!'],
          securityContext: { allowPrivilegeEscalation: false },
        },
      ],
    }),

  'pods/security/seccomp/ga/default-pod.yaml': (scope) =>
    new Pod(scope, 'default-pod', {
      metadata: { labels: { 'app.kubernetes.io/name': 'default-pod' } },
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'test-container',
          image: 'hashicorp/http-echo:1.0',
          args: ['-text=just made some more syscalls!'],
          securityContext: { allowPrivilegeEscalation: false },
        },
      ],
    }),

  'pods/security/hello-apparmor.yaml': (scope) =>
    new Pod(scope, 'hello-apparmor', {
      // Kubernetes 1.28 has no securityContext field for AppArmor (1.30 adds one): the beta annotation is the API.
      metadata: {
        annotations: {
          'container.apparmor.security.beta.kubernetes.io/hello': 'localhost/k8s-apparmor-example-deny-write',
        },
      },
      containers: [
        { name: 'hello', image: 'busybox:1.28', command: ['sh', '-c', "echo 'Hello AppArmor!' && sleep 1h"] },
      ],
    }),
};
