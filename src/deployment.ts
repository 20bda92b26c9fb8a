import type * as k8s from 'cdk8s-plus-33/lib/imports/k8s';
import type { Construct } from 'constructs';
import type { Json } from './json';
import { hasBrand, type PodSpecProps } from './pod-template';
import { keysOf, specFieldsJson, splitProps, Workload, type WorkloadMetadataProps } from './workload';

/** The DeploymentSpec fields besides the template and selector: Kubernetes 1.33's generated types (cdk8s-plus-33). */
export type DeploymentSpecFields = Omit<k8s.DeploymentSpec, 'template' | 'selector'>;

const DEPLOYMENT_FIELDS = keysOf<DeploymentSpecFields>({
  minReadySeconds: true,
  paused: true,
  progressDeadlineSeconds: true,
  replicas: true,
  revisionHistoryLimit: true,
  strategy: true,
});

/** A Deployment: its Pod props (the same as a Pod's) and its own spec fields. */
export interface DeploymentProps
  extends Omit<PodSpecProps, 'restartPolicy'>, WorkloadMetadataProps, DeploymentSpecFields {
  /** Restart policy of the Pods; a Deployment allows only 'Always'. @default Kubernetes's ('Always', left out) */
  readonly restartPolicy?: 'Always';
  /** Which Pods the Deployment owns; immutable once created. @default `{ matchLabels: <the template's labels> }` */
  readonly selector?: k8s.LabelSelector;
}

const DEPLOYMENT_BRAND = Symbol.for('podwright.Deployment');

/** A Deployment (apps/v1): keeps `replicas` copies of its Pod running and rolls out template changes. */
export class Deployment extends Workload {
  /** Whether `x` is a podwright Deployment (by brand, not by ApiObject's instanceof). */
  static override [Symbol.hasInstance](x: unknown): x is Deployment {
    return hasBrand(x, DEPLOYMENT_BRAND);
  }

  private readonly fields: DeploymentSpecFields;

  constructor(scope: Construct, id: string, props: DeploymentProps = {}) {
    const [fields, rest] = splitProps(props, DEPLOYMENT_FIELDS);
    const { metadata, podMetadata, selector, ...spec } = rest;
    super(scope, id, { metadata, podMetadata, selector }, spec, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      specPath: 'spec.template.spec',
      restartPolicies: ['Always'],
      writeDefaultRestartPolicy: false,
      selectsByLabel: true,
    });
    Object.defineProperty(this, DEPLOYMENT_BRAND, { value: true });
    this.fields = fields;
  }

  protected specJson(): Json {
    const spec = specFieldsJson(this.fields, (k) =>
      k.toJson_DeploymentSpec({ ...this.fields, selector: {}, template: {} }),
    );
    return Object.assign(spec, { selector: this.selectorJson(), template: this.templateJson() });
  }
}
