import type * as k8s from 'cdk8s-plus-33/lib/imports/k8s';
import type { Construct } from 'constructs';
import type { Json } from './json';
import { hasBrand, type PodSpecProps } from './pod-template';
import { keysOf, specFieldsJson, splitProps, Workload, type WorkloadMetadataProps } from './workload';

/**
 * The JobSpec fields besides the template: Kubernetes 1.33's generated types from cdk8s-plus-33, which hold 1.28's
 * too. A field from after 1.28 (`managedBy`, `successPolicy`) is refused at synth in a chart that targets 1.28.
 */
export type JobSpecFields = Omit<k8s.JobSpec, 'template'>;

/** Every JobSpec field but the template, listed once (a Job and a CronJob's job template share them). */
export const JOB_SPEC_FIELDS = keysOf<JobSpecFields>({
  activeDeadlineSeconds: true,
  backoffLimit: true,
  backoffLimitPerIndex: true,
  completionMode: true,
  completions: true,
  manualSelector: true,
  managedBy: true,
  maxFailedIndexes: true,
  parallelism: true,
  podFailurePolicy: true,
  podReplacementPolicy: true,
  selector: true,
  successPolicy: true,
  suspend: true,
  ttlSecondsAfterFinished: true,
});

/** Restart policies a Job's Pods may have: a Job's Pods run to completion. */
export type JobRestartPolicy = 'Never' | 'OnFailure';

/**
 * Pod props of a Job or CronJob: a Pod's, with a restart policy a Job allows. The Pod's own `activeDeadlineSeconds`
 * is left out because the Job's takes that name; set it with `addJsonPatch` if you need both.
 */
export type JobPodProps = Omit<PodSpecProps, 'restartPolicy' | 'activeDeadlineSeconds'>;

/** A Job: its Pod props (the same as a Pod's) and its own spec fields. */
export interface JobProps extends JobPodProps, WorkloadMetadataProps, JobSpecFields {
  /** Restart policy of the Pods: 'Never' (a failed Pod is replaced) or 'OnFailure'. @default 'Never', as `kubectl create job` */
  readonly restartPolicy?: JobRestartPolicy;
}

const JOB_BRAND = Symbol.for('podwright.Job');

/** A Job (batch/v1): runs its Pod to completion, retrying failures up to `backoffLimit` times. */
export class Job extends Workload {
  /** Whether `x` is a podwright Job (by brand, not by ApiObject's instanceof). */
  static override [Symbol.hasInstance](x: unknown): x is Job {
    return hasBrand(x, JOB_BRAND);
  }

  private readonly fields: JobSpecFields;

  constructor(scope: Construct, id: string, props: JobProps = {}) {
    const [fields, rest] = splitProps(props, JOB_SPEC_FIELDS);
    const { metadata, podMetadata, ...spec } = rest;
    super(scope, id, { metadata, podMetadata, selector: fields.selector }, spec, {
      apiVersion: 'batch/v1',
      kind: 'Job',
      specPath: 'spec.template.spec',
      restartPolicies: ['Never', 'OnFailure'],
      writeDefaultRestartPolicy: true,
      selectsByLabel: false,
    });
    Object.defineProperty(this, JOB_BRAND, { value: true });
    this.fields = fields;
  }

  protected specJson(): Json {
    return Object.assign(jobSpecJson(this.fields), { template: this.templateJson() });
  }
}

/**
 * A Job's (or a CronJob's job template's) own spec fields as Kubernetes JSON, through the 1.33 mapper whatever the
 * target: 1.28's would drop `managedBy` and `successPolicy` silently, which validation then could not report.
 */
export function jobSpecJson(fields: JobSpecFields): Json {
  return specFieldsJson(fields, (k) => k.toJson_JobSpec({ ...fields, template: {} }));
}
