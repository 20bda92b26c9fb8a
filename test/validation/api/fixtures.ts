import { expect, it } from 'vitest';
import { isError, type ObjectRef, type Violation } from '../../../src/errors';
import type { KubeVersion } from '../../../src/kube-version';
import { validatePodApi } from '../../../src/validation/api';

/** The reference every test Pod is reported under. */
export const REF: ObjectRef = { kind: 'Pod', name: 'web', namespace: 'default' };

/** A mutable JSON Pod; tests poke at it freely. */
export type PodJson = Record<string, any>;

/** A realistic, valid two-container Pod that every invalid case starts from. */
export function validPod(): PodJson {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      namespace: 'default',
      labels: { app: 'web' },
      annotations: { 'example.com/owner': 'team-a' },
    },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'nginx:1.25',
          ports: [{ name: 'http', containerPort: 80 }],
          env: [{ name: 'MODE', value: 'prod' }],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
          readinessProbe: { httpGet: { path: '/', port: 80 } },
          securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 1000 },
        },
        { name: 'sidecar', image: 'busybox:1.36', command: ['sleep', 'infinity'] },
      ],
      volumes: [{ name: 'data', emptyDir: {} }],
    },
  };
}

/** Validates a Pod under REF: the errors, what the API server would refuse (warnings have their own tests). */
export function check(pod: PodJson): Violation[] {
  return validatePodApi(pod, REF).filter(isError);
}

/** What the API server accepts this Pod with, as `path: message` lines (its `Warning:` headers). */
export function warningsOf(pod: PodJson, version: KubeVersion = '1.28'): string[] {
  return validatePodApi(pod, REF, version)
    .filter((v) => !isError(v))
    .map((v) => `${v.path}: ${v.message}`);
}

/** One invalid Pod: a sentence naming it, the one change from validPod(), and the violation expected. */
export interface Case {
  readonly name: string;
  readonly change: (pod: PodJson) => void;
  readonly path: string;
  readonly rule: string;
}

/** Registers one test per case, each asserting the exact path and rule and that nothing else is reported. */
export function runCases(cases: readonly Case[]): void {
  it.each(cases)('$name', ({ change, path, rule }) => {
    const pod = validPod();
    change(pod);
    const found = check(pod);
    expect(found.map((v) => ({ path: v.path, rule: v.rule }))).toEqual([{ path, rule }]);
    expect(found[0].object).toBe(REF);
    expect(found[0].message.length).toBeGreaterThan(0);
    expect(found[0].fix.length).toBeGreaterThan(0);
  });
}

/** Shorthand for the first container. */
export const c0 = (pod: PodJson): PodJson => pod.spec.containers[0];
