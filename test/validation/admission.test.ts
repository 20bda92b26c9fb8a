// Each case was sent to kube-apiserver v1.28.7 (server-side dry run, strict): the refused ones print the message
// quoted in src/validation/admission.ts, the accepted ones are accepted.
import { describe, expect, it } from 'vitest';
import { checkAdmission } from '../../src/validation/admission';
import { validateManifest } from '../../src/validation';
import { REF, validPod, type PodJson } from './api/fixtures';

function refused(change: (spec: PodJson) => void): { path: string; rule: string; message: string }[] {
  const pod = validPod();
  change(pod.spec);
  return checkAdmission(pod, REF).map(({ path, rule, message }) => ({ path, rule, message }));
}

describe('the Priority admission plugin', () => {
  it('refuses a hand-set priority without a priorityClassName', () => {
    expect(refused((s) => (s.priority = 5))).toEqual([
      {
        path: 'spec.priority',
        rule: 'admission.priority.set',
        message:
          'the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
      },
    ]);
  });

  it('accepts priority 0 and PreemptLowerPriority without a class: the values it computes', () => {
    expect(
      refused((s) => Object.assign(s, { priority: 0, preemptionPolicy: 'PreemptLowerPriority' })),
    ).toEqual([]);
    expect(refused((s) => Object.assign(s, { priority: 0, priorityClassName: '' }))).toEqual([]);
  });

  it('refuses a priority that differs from a built-in class and accepts the equal one', () => {
    expect(
      refused((s) => Object.assign(s, { priorityClassName: 'system-node-critical', priority: 0 })),
    ).toEqual([
      expect.objectContaining({
        path: 'spec.priority',
        message: expect.stringContaining('computed 2000001000'),
      }),
    ]);
    expect(
      refused((s) => Object.assign(s, { priorityClassName: 'system-node-critical', priority: 2000001000 })),
    ).toEqual([]);
    expect(
      refused((s) =>
        Object.assign(s, {
          priorityClassName: 'system-cluster-critical',
          priority: 2000000000,
          preemptionPolicy: 'PreemptLowerPriority',
        }),
      ),
    ).toEqual([]);
  });

  it('refuses preemptionPolicy Never without a class or with a built-in class', () => {
    const expected = {
      path: 'spec.preemptionPolicy',
      rule: 'admission.preemptionPolicy.set',
      message:
        'the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    };
    expect(refused((s) => (s.preemptionPolicy = 'Never'))).toEqual([expected]);
    expect(
      refused((s) =>
        Object.assign(s, { priorityClassName: 'system-cluster-critical', preemptionPolicy: 'Never' }),
      ),
    ).toEqual([expected]);
  });

  it('leaves a class of the cluster alone: whether it exists and its value are cluster state', () => {
    expect(
      refused((s) => Object.assign(s, { priorityClassName: 'high', priority: 7, preemptionPolicy: 'Never' })),
    ).toEqual([]);
  });
});

describe('the RuntimeClass admission plugin', () => {
  it('refuses overhead without a runtimeClassName, even an empty one', () => {
    for (const overhead of [{ cpu: '250m' }, {}]) {
      expect(refused((s) => (s.overhead = overhead))).toEqual([
        {
          path: 'spec.overhead',
          rule: 'admission.overhead.withoutRuntimeClass',
          message: 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead',
        },
      ]);
    }
    expect(refused((s) => (s.overhead = null))).toEqual([]);
  });

  it('refuses an empty runtimeClassName', () => {
    expect(refused((s) => (s.runtimeClassName = ''))).toEqual([
      {
        path: 'spec.runtimeClassName',
        rule: 'admission.runtimeClassName.empty',
        message: 'resource name may not be empty',
      },
    ]);
  });

  it('leaves overhead with a runtimeClassName alone: the class and its overhead are cluster state', () => {
    expect(refused((s) => Object.assign(s, { runtimeClassName: 'kata', overhead: { cpu: '250m' } }))).toEqual(
      [],
    );
  });
});

describe('validateManifest', () => {
  it('reports what admission refuses with the API-server rules, at every profile', () => {
    const pod = validPod();
    pod.spec.priority = 10;
    for (const profile of ['privileged', 'baseline', 'restricted'] as const) {
      expect(validateManifest(pod, profile).map((v) => v.rule)).toContain('admission.priority.set');
    }
  });
});
