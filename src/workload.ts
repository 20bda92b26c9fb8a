import { ApiObjectMetadataDefinition, type ApiObjectMetadata } from 'cdk8s';
import type * as k8s from 'cdk8s-plus-33/lib/imports/k8s';
import type { Construct } from 'constructs';
import type { Json } from './json';
import { k8s133 } from './k8s-1.33';
import { AbstractPod, hasBrand, type PodSpecProps, type RestartPolicy } from './pod-template';
import { recordSource } from './source';

/** Metadata props every workload takes: its own and its Pods'. */
export interface WorkloadMetadataProps {
  /** The workload's name, labels, annotations, namespace. @default name = the construct id */
  readonly metadata?: ApiObjectMetadata;
  /**
   * Labels and annotations of the Pods it creates (`spec.template.metadata`); given empty (`{}`), an empty
   * `metadata: {}` is written, as kubectl writes it.
   * @default labels `{ app: <name> }` for kinds with a selector (as `kubectl create deployment`), none otherwise
   */
  readonly podMetadata?: ApiObjectMetadata;
}

/** What a kind tells the Workload base about itself. */
export interface WorkloadKind {
  /** `apps/v1`, `batch/v1`. */
  readonly apiVersion: string;
  /** `Deployment`, `Job`, ... */
  readonly kind: string;
  /** Path of the Pod spec in the manifest. */
  readonly specPath: string;
  /** Restart policies the kind allows in its template, the first being its default when it needs one. */
  readonly restartPolicies: readonly RestartPolicy[];
  /** Whether the template's restart policy is written out when the user sets none (Jobs need one). */
  readonly writeDefaultRestartPolicy: boolean;
  /** Whether the kind selects its Pods by label (Deployment, StatefulSet, DaemonSet), so labels default. */
  readonly selectsByLabel: boolean;
}

const WORKLOAD_BRAND = Symbol.for('podwright.Workload');

/**
 * A workload: an object that creates Pods from its {@link PodTemplate} (Deployment, StatefulSet, DaemonSet, Job,
 * CronJob). The Pod props, defaults and high-level API are exactly a Pod's; each kind adds its own spec around the
 * template.
 */
export abstract class Workload extends AbstractPod {
  /** Whether `x` is a podwright workload (by brand: ApiObject's own instanceof answers true for any ApiObject). */
  static override [Symbol.hasInstance](x: unknown): x is Workload {
    return hasBrand(x, WORKLOAD_BRAND);
  }

  /** The selector the workload writes (`spec.selector`), when its kind has one. */
  public readonly selector?: k8s.LabelSelector;
  private readonly writeEmptyPodMetadata: boolean;

  protected constructor(
    scope: Construct,
    id: string,
    props: WorkloadMetadataProps & { readonly selector?: k8s.LabelSelector },
    spec: PodSpecProps,
    kind: WorkloadKind,
  ) {
    const name = props.metadata?.name ?? id;
    const given = props.podMetadata?.labels;
    // An empty label set would give an empty selector, which the API server refuses: the default is better.
    const labels =
      kind.selectsByLabel && (given === undefined || Object.keys(given).length === 0) ? { app: name } : given;
    const restartPolicy =
      spec.restartPolicy ?? (kind.writeDefaultRestartPolicy ? kind.restartPolicies[0] : undefined);
    super(
      scope,
      id,
      { apiVersion: kind.apiVersion, kind: kind.kind, metadata: { ...props.metadata, name } },
      {
        spec: { ...spec, restartPolicy },
        specPath: kind.specPath,
        metadata: (apiObject) => new ApiObjectMetadataDefinition({ ...props.podMetadata, labels, apiObject }),
      },
    );
    Object.defineProperty(this, WORKLOAD_BRAND, { value: true });
    recordSource(this, new.target);
    this.writeEmptyPodMetadata = props.podMetadata !== undefined;
    if (restartPolicy !== undefined && !kind.restartPolicies.includes(restartPolicy)) {
      throw this.error(
        `${kind.specPath}.restartPolicy`,
        'workload.restartPolicy.unsupported',
        restartPolicy,
        `is not a restart policy a ${kind.kind} allows`,
        `Use ${kind.restartPolicies.map((p) => `'${p}'`).join(' or ')}, or leave restartPolicy out.`,
      );
    }
    if (kind.selectsByLabel) this.selector = this.checkedSelector(props.selector ?? { matchLabels: labels });
    else this.selector = props.selector;
  }

  /** The Pods' metadata (`spec.template.metadata`): add labels and annotations here. */
  public get podMetadata(): ApiObjectMetadataDefinition {
    return this.template.metadata;
  }

  /** The Pod template as Kubernetes JSON; an empty metadata is left out unless `podMetadata` was given. */
  protected templateJson(): Json {
    // cdk8s's metadata toJson() gives undefined rather than an empty object.
    const metadata: Json | undefined =
      this.template.metadata.toJson() ?? (this.writeEmptyPodMetadata ? {} : undefined);
    return { metadata, spec: this.template.specJson() };
  }

  /**
   * The selector as Kubernetes JSON. The usual one, `matchLabels` alone, is copied as is; any other goes through
   * cdk8s-plus-33's mapper (loaded on first use), as the kind's own fields do.
   */
  protected selectorJson(): Json | undefined {
    const selector = this.selector;
    if (selector === undefined) return undefined;
    if (Object.keys(selector).every((key) => key === 'matchLabels'))
      return { matchLabels: selector.matchLabels };
    return k8s133().toJson_LabelSelector(selector) as Json;
  }

  private checkedSelector(selector: k8s.LabelSelector): k8s.LabelSelector {
    const labels: Record<string, string> = this.template.metadata.toJson()?.labels ?? {};
    const matchLabels = selector.matchLabels ?? {};
    const expressions = selector.matchExpressions ?? [];
    if (Object.keys(matchLabels).length === 0 && expressions.length === 0) {
      throw this.error(
        'spec.selector',
        'workload.selector.empty',
        selector,
        `is empty, which a ${this.kind} may not have (it would select every Pod)`,
        'Leave selector out to select the template labels, or give matchLabels the template has.',
      );
    }
    const missing = Object.entries(matchLabels).filter(([key, value]) => labels[key] !== value);
    if (missing.length > 0) {
      // The API server reports this on the template's labels, not on the selector.
      throw this.error(
        'spec.template.metadata.labels',
        'workload.selector.mismatch',
        labels,
        `are not selected by spec.selector, which needs ${missing.map(([k, v]) => `${k}=${v}`).join(', ')}`,
        'Leave selector out to select the template labels, or add the labels to podMetadata.labels.',
      );
    }
    return selector;
  }
}

/** The keys of `T`, listed once and checked by the compiler: adding a field to `T` without listing it fails tsc. */
export function keysOf<T>(keys: { readonly [K in keyof Required<T>]: true }): readonly (keyof T)[] {
  return Object.keys(keys) as (keyof T)[];
}

/**
 * A kind's own spec fields (a Job's backoffLimit, a Deployment's strategy, ...) as Kubernetes JSON, through the
 * cdk8s-plus-33 mapper `map` calls: whatever the target version, since 1.28's mappers drop newer fields without a
 * word and validation could then not refuse them under 1.28 with the version that brought them. Most workloads set
 * none: then the mapper, and the 1.33 module with it, is skipped.
 */
export function specFieldsJson(
  fields: object,
  map: (module: ReturnType<typeof k8s133>) => Record<string, unknown> | undefined,
): Json {
  return Object.keys(fields).length > 0 ? ((map(k8s133()) ?? {}) as Json) : {};
}

/** Splits `props` into the fields named by `keys` and the rest. */
export function splitProps<T extends object, K extends keyof T>(
  props: T,
  keys: readonly K[],
): [Pick<T, K>, Omit<T, K>] {
  const own: Partial<T> = {};
  const rest: Partial<T> = { ...props };
  for (const key of keys) {
    if (key in props) own[key] = props[key];
    delete rest[key];
  }
  return [own as Pick<T, K>, rest as Omit<T, K>];
}
