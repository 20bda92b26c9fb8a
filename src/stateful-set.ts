import type * as k8s from 'cdk8s-plus-33/lib/imports/k8s';
import type { Construct } from 'constructs';
import type { Json } from './json';
import { hasBrand, type PodSpecProps } from './pod-template';
import { Volume } from './volume';
import { keysOf, specFieldsJson, splitProps, Workload, type WorkloadMetadataProps } from './workload';

/**
 * The StatefulSetSpec fields besides the template and selector: Kubernetes 1.33's generated types (cdk8s-plus-33).
 * `serviceName` is optional: cdk8s types it as required, but the API server accepts a StatefulSet without it.
 */
export type StatefulSetSpecFields = Omit<k8s.StatefulSetSpec, 'template' | 'selector' | 'serviceName'> & {
  /** The headless Service that gives the Pods their stable DNS names. @default none */
  readonly serviceName?: string;
};

const STATEFUL_SET_FIELDS = keysOf<StatefulSetSpecFields>({
  minReadySeconds: true,
  ordinals: true,
  persistentVolumeClaimRetentionPolicy: true,
  podManagementPolicy: true,
  replicas: true,
  revisionHistoryLimit: true,
  serviceName: true,
  updateStrategy: true,
  volumeClaimTemplates: true,
});

/** A StatefulSet: its Pod props (the same as a Pod's) and its own spec fields. */
export interface StatefulSetProps
  extends Omit<PodSpecProps, 'restartPolicy'>, WorkloadMetadataProps, StatefulSetSpecFields {
  /** Restart policy of the Pods; a StatefulSet allows only 'Always'. @default Kubernetes's ('Always', left out) */
  readonly restartPolicy?: 'Always';
  /** Which Pods the StatefulSet owns; immutable once created. @default `{ matchLabels: <the template's labels> }` */
  readonly selector?: k8s.LabelSelector;
}

/** Access modes of a PersistentVolumeClaim. */
export type PersistentVolumeAccessMode =
  'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';

/** A volume claim template: each Pod of the StatefulSet gets its own PersistentVolumeClaim made from it. */
export interface VolumeClaimTemplateOptions {
  /** Storage each Pod's claim requests, e.g. `'1Gi'`. */
  readonly storage: string;
  /** Access modes. @default ['ReadWriteOnce'] */
  readonly accessModes?: readonly PersistentVolumeAccessMode[];
  /** StorageClass of the claims. @default the cluster's default StorageClass (left out) */
  readonly storageClassName?: string;
}

const STATEFUL_SET_BRAND = Symbol.for('podwright.StatefulSet');

/** A StatefulSet (apps/v1): Pods with stable names (`name-0`, `name-1`, ...) and, per Pod, their own volumes. */
export class StatefulSet extends Workload {
  /** Whether `x` is a podwright StatefulSet (by brand, not by ApiObject's instanceof). */
  static override [Symbol.hasInstance](x: unknown): x is StatefulSet {
    return hasBrand(x, STATEFUL_SET_BRAND);
  }

  private readonly fields: StatefulSetSpecFields;
  private readonly claimTemplates: Json[] = [];

  constructor(scope: Construct, id: string, props: StatefulSetProps = {}) {
    const [fields, rest] = splitProps(props, STATEFUL_SET_FIELDS);
    const { metadata, podMetadata, selector, ...spec } = rest;
    super(scope, id, { metadata, podMetadata, selector }, spec, {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      specPath: 'spec.template.spec',
      restartPolicies: ['Always'],
      writeDefaultRestartPolicy: false,
      selectsByLabel: true,
    });
    Object.defineProperty(this, STATEFUL_SET_BRAND, { value: true });
    this.fields = fields;
  }

  /**
   * Adds a volume claim template (`spec.volumeClaimTemplates`) and returns the volume to mount: each Pod gets its own
   * PersistentVolumeClaim `<name>-<pod name>`, kept when the Pod is replaced.
   */
  public addVolumeClaimTemplate(name: string, options: VolumeClaimTemplateOptions): Volume {
    this.claimTemplates.push({
      metadata: { name },
      spec: {
        accessModes: [...(options.accessModes ?? ['ReadWriteOnce'])],
        resources: { requests: { storage: options.storage } },
        storageClassName: options.storageClassName,
      },
    });
    // Mounted like any volume; the controller, not spec.volumes, brings it into each Pod.
    const volume = Volume.persistentVolumeClaim(name, name);
    this.template.provideVolume(volume);
    return volume;
  }

  protected specJson(): Json {
    const { serviceName, ...fields } = this.fields;
    const spec = specFieldsJson(fields, (k) =>
      k.toJson_StatefulSetSpec({ ...fields, serviceName: serviceName as string, selector: {}, template: {} }),
    );
    spec.serviceName = serviceName;
    const claims = [...((spec.volumeClaimTemplates as Json[] | undefined) ?? []), ...this.claimTemplates];
    return Object.assign(spec, {
      selector: this.selectorJson(),
      template: this.templateJson(),
      volumeClaimTemplates: claims.length > 0 ? claims : undefined,
    });
  }
}
