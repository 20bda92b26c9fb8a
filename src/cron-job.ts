import { ApiObjectMetadataDefinition, type ApiObjectMetadata } from 'cdk8s';
import type * as k8s from 'cdk8s-plus-33/lib/imports/k8s';
import type { Construct } from 'constructs';
import { jobSpecJson, type JobPodProps, type JobRestartPolicy, type JobSpecFields } from './job';
import type { Json } from './json';
import { hasBrand } from './pod-template';
import { keysOf, specFieldsJson, splitProps, Workload, type WorkloadMetadataProps } from './workload';

/** The CronJobSpec fields besides the job template: Kubernetes 1.33's generated types (cdk8s-plus-33), as a Job's. */
export type CronJobSpecFields = Omit<k8s.CronJobSpec, 'jobTemplate'>;

const CRON_JOB_FIELDS = keysOf<CronJobSpecFields>({
  concurrencyPolicy: true,
  failedJobsHistoryLimit: true,
  schedule: true,
  startingDeadlineSeconds: true,
  successfulJobsHistoryLimit: true,
  suspend: true,
  timeZone: true,
});

/** A CronJob: its Pod props (the same as a Pod's), its own spec fields and those of the Jobs it creates. */
export interface CronJobProps extends JobPodProps, WorkloadMetadataProps, CronJobSpecFields {
  /** Restart policy of the Pods. @default 'OnFailure', as `kubectl create cronjob` */
  readonly restartPolicy?: JobRestartPolicy;
  /**
   * Spec fields of each Job the CronJob creates (`spec.jobTemplate.spec`): backoffLimit, completions, ...; nested
   * because a Job and a CronJob both have `suspend`. @default none
   */
  readonly jobSpec?: JobSpecFields;
  /**
   * Labels and annotations of each Job the CronJob creates (`spec.jobTemplate.metadata`); given empty (`{}`), an
   * empty `metadata: {}` is written, as kubectl writes it. @default none
   */
  readonly jobMetadata?: ApiObjectMetadata;
}

const CRON_JOB_BRAND = Symbol.for('podwright.CronJob');

/** A CronJob (batch/v1): creates a Job on a cron schedule. */
export class CronJob extends Workload {
  /** Whether `x` is a podwright CronJob (by brand, not by ApiObject's instanceof). */
  static override [Symbol.hasInstance](x: unknown): x is CronJob {
    return hasBrand(x, CRON_JOB_BRAND);
  }

  /** Metadata of each Job the CronJob creates (`spec.jobTemplate.metadata`). */
  public readonly jobMetadata: ApiObjectMetadataDefinition;
  private readonly fields: CronJobSpecFields;
  private readonly jobSpec: JobSpecFields;
  private readonly writeEmptyJobMetadata: boolean;

  constructor(scope: Construct, id: string, props: CronJobProps) {
    const [fields, rest] = splitProps(props, CRON_JOB_FIELDS);
    const { metadata, podMetadata, jobSpec, jobMetadata, ...spec } = rest;
    super(scope, id, { metadata, podMetadata, selector: jobSpec?.selector }, spec, {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      specPath: 'spec.jobTemplate.spec.template.spec',
      restartPolicies: ['OnFailure', 'Never'],
      writeDefaultRestartPolicy: true,
      selectsByLabel: false,
    });
    Object.defineProperty(this, CRON_JOB_BRAND, { value: true });
    this.fields = fields;
    this.jobSpec = jobSpec ?? {};
    this.jobMetadata = new ApiObjectMetadataDefinition({ ...jobMetadata, apiObject: this });
    this.writeEmptyJobMetadata = jobMetadata !== undefined;
  }

  protected specJson(): Json {
    const spec = specFieldsJson(this.fields, (k) =>
      k.toJson_CronJobSpec({ ...this.fields, jobTemplate: {} }),
    );
    const metadata: Json | undefined =
      this.jobMetadata.toJson() ?? (this.writeEmptyJobMetadata ? {} : undefined);
    const job = Object.assign(jobSpecJson(this.jobSpec), { template: this.templateJson() });
    return Object.assign(spec, { jobTemplate: { metadata, spec: job } });
  }
}
