import type * as k8s from 'cdk8s-plus-33/lib/imports/k8s';
import type { Construct } from 'constructs';
import type { Json } from './json';
import { hasBrand, type PodSpecProps } from './pod-template';
import { keysOf, specFieldsJson, splitProps, Workload, type WorkloadMetadataProps } from './workload';

/** The DaemonSetSpec fields besides the template and selector: Kubernetes 1.33's generated types (cdk8s-plus-33). */
export type DaemonSetSpecFields = Omit<k8s.DaemonSetSpec, 'template' | 'selector'>;

const DAEMON_SET_FIELDS = keysOf<DaemonSetSpecFields>({
  minReadySeconds: true,
  revisionHistoryLimit: true,
  updateStrategy: true,
});

/** A DaemonSet: its Pod props (the same as a Pod's) and its own spec fields. */
export interface DaemonSetProps
  extends Omit<PodSpecProps, 'restartPolicy'>, WorkloadMetadataProps, DaemonSetSpecFields {
  /** Restart policy of the Pods; a DaemonSet allows only 'Always'. @default Kubernetes's ('Always', left out) */
  readonly restartPolicy?: 'Always';
  /** Which Pods the DaemonSet owns; immutable once created. @default `{ matchLabels: <the template's labels> }` */
  readonly selector?: k8s.LabelSelector;
}

const DAEMON_SET_BRAND = Symbol.for('podwright.DaemonSet');

/** A DaemonSet (apps/v1): one copy of its Pod on every node (or every node its scheduling fields allow). */
export class DaemonSet extends Workload {
  /** Whether `x` is a podwright DaemonSet (by brand, not by ApiObject's instanceof). */
  static override [Symbol.hasInstance](x: unknown): x is DaemonSet {
    return hasBrand(x, DAEMON_SET_BRAND);
  }

  private readonly fields: DaemonSetSpecFields;

  constructor(scope: Construct, id: string, props: DaemonSetProps = {}) {
    const [fields, rest] = splitProps(props, DAEMON_SET_FIELDS);
    const { metadata, podMetadata, selector, ...spec } = rest;
    super(scope, id, { metadata, podMetadata, selector }, spec, {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      specPath: 'spec.template.spec',
      restartPolicies: ['Always'],
      writeDefaultRestartPolicy: false,
      selectsByLabel: true,
    });
    Object.defineProperty(this, DAEMON_SET_BRAND, { value: true });
    this.fields = fields;
  }

  protected specJson(): Json {
    const spec = specFieldsJson(this.fields, (k) =>
      k.toJson_DaemonSetSpec({ ...this.fields, selector: {}, template: {} }),
    );
    return Object.assign(spec, { selector: this.selectorJson(), template: this.templateJson() });
  }
}
