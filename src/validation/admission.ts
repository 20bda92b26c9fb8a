import type { ObjectRef, Violation } from '../errors';
import { DEFAULT_KUBE_VERSION, type KubeVersion } from '../kube-version';

// The admission plugins every kube-apiserver enables by default (`kube-apiserver -h`, --enable-admission-plugins)
// that refuse a Pod create, where they can do it without cluster state. The others either refuse only on state
// (NamespaceLifecycle: the namespace must exist; LimitRanger, ResourceQuota: the cluster's ranges and quotas;
// ServiceAccount: the account must exist; webhooks and policies: whatever they say) or never refuse a Pod
// (DefaultTolerationSeconds, TaintNodesByCondition and the storage, certificate and ingress plugins).
// Checked against kube-apiserver v1.28.7 and v1.33.3 with server-side dry runs (docs/validation-rules.md).

// The PriorityClasses every cluster has (scheduling.SystemPriorityClasses); both preempt lower priorities.
const SYSTEM_PRIORITIES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};
// What the Priority plugin computes for a Pod without a class when no PriorityClass is the global default.
const DEFAULT_PRIORITY = 0;
const DEFAULT_PREEMPTION_POLICY = 'PreemptLowerPriority';
const NONE: readonly Violation[] = Object.freeze([]);

/**
 * What the default admission plugins would refuse in this Pod create without looking at cluster state:
 * Priority (a hand-set `spec.priority` or `preemptionPolicy` that differs from what the plugin computes) and
 * RuntimeClass (`overhead` without a runtime class, an empty runtime class name).
 *
 * Not checked, because the answer depends on the cluster: a `priorityClassName` or `runtimeClassName` that does
 * not exist (both refused), the value of any class other than the two built-in ones, and a PriorityClass marked
 * `globalDefault` (the Pods without a class then get its value, not 0).
 */
export function checkAdmission(
  pod: Record<string, unknown>,
  ref: ObjectRef,
  _version: KubeVersion = DEFAULT_KUBE_VERSION,
): readonly Violation[] {
  const spec = pod.spec as Record<string, unknown> | null | undefined;
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return NONE;
  // Most Pods set none of these fields: answer them without allocating.
  if (
    isNull(spec.priority) &&
    isNull(spec.preemptionPolicy) &&
    isNull(spec.overhead) &&
    spec.runtimeClassName !== ''
  )
    return NONE;
  const out: Violation[] = [];
  checkPriority(spec, ref, out);
  checkRuntimeClass(spec, ref, out);
  return out;
}

// plugin/pkg/admission/priority: admitPod on create.
function checkPriority(spec: Record<string, unknown>, ref: ObjectRef, out: Violation[]): void {
  const { priority, preemptionPolicy, priorityClassName: className } = spec;
  if (isNull(priority) && isNull(preemptionPolicy)) return;
  let computed: number;
  if (isNull(className) || className === '') computed = DEFAULT_PRIORITY;
  else if (typeof className === 'string' && Object.hasOwn(SYSTEM_PRIORITIES, className))
    computed = SYSTEM_PRIORITIES[className];
  else return; // another class: its value lives in the cluster
  const from = className ? `PriorityClass ${className}` : 'no priorityClassName';
  if (typeof priority === 'number' && priority !== computed) {
    out.push({
      object: ref,
      path: 'spec.priority',
      value: priority,
      rule: 'admission.priority.set',
      message: `the integer value of priority (${priority}) must not be provided in pod spec; priority admission controller computed ${computed} from the given PriorityClass name`,
      fix: `Remove spec.priority: the Priority admission plugin sets it from the class (${computed} for ${from}); choose the priority with priorityClassName.`,
    });
    // The plugin stops at the first refusal.
    return;
  }
  if (typeof preemptionPolicy === 'string' && preemptionPolicy !== DEFAULT_PREEMPTION_POLICY) {
    out.push({
      object: ref,
      path: 'spec.preemptionPolicy',
      value: preemptionPolicy,
      rule: 'admission.preemptionPolicy.set',
      message: `the string value of PreemptionPolicy (${preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${DEFAULT_PREEMPTION_POLICY} from the given PriorityClass name`,
      fix: `Remove spec.preemptionPolicy: the Priority admission plugin copies it from the class (${DEFAULT_PREEMPTION_POLICY} for ${from}); use a PriorityClass with preemptionPolicy: Never instead.`,
    });
  }
}

// plugin/pkg/admission/runtimeclass: prepareObjects and validateOverhead.
function checkRuntimeClass(spec: Record<string, unknown>, ref: ObjectRef, out: Violation[]): void {
  const { runtimeClassName: name, overhead } = spec;
  if (name === '') {
    out.push({
      object: ref,
      path: 'spec.runtimeClassName',
      value: name,
      rule: 'admission.runtimeClassName.empty',
      message: 'resource name may not be empty',
      fix: 'Remove runtimeClassName to use the default runtime, or name a RuntimeClass.',
    });
    return;
  }
  if (isNull(name) && !isNull(overhead)) {
    out.push({
      object: ref,
      path: 'spec.overhead',
      value: overhead,
      rule: 'admission.overhead.withoutRuntimeClass',
      message: 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead',
      fix: 'Remove spec.overhead: the RuntimeClass admission plugin sets it from the runtimeClassName.',
    });
  }
}

// JSON null and a missing field both decode to a nil pointer.
function isNull(v: unknown): v is null | undefined {
  return v === undefined || v === null;
}
