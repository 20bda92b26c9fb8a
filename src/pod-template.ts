import { ApiObject, ApiObjectMetadataDefinition, JsonPatch, resolve, type ApiObjectProps } from 'cdk8s';
import type * as k8s from 'cdk8s-plus-33/lib/imports/k8s';
import type { Construct } from 'constructs';
import { profileOf } from './chart';
import { Container, type ContainerProps } from './container';
import { PodwrightError, type ObjectRef, type Violation } from './errors';
import { mergeJson, sortedJson, type Json } from './json';
import type { Profile } from './profile';
import { k8s133 } from './k8s-1.33';
import { qosClassOf, type QosClass } from './resources';
import { defaultPodSecurityContext, type PodSecurityContextProps } from './security';
import type { Volume } from './volume';

/** What the kubelet does when a container exits. */
export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

/** How the Pod's DNS is configured. */
export type DnsPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';

/**
 * Every other PodSpec field, passed through as typed: Kubernetes 1.33's generated types from cdk8s-plus-33, which hold
 * 1.28's fields too. A field from after 1.28 is refused at synth in a chart that targets 1.28, naming the version.
 */
export type PodSpecPassThrough = Omit<
  k8s.PodSpec,
  | 'containers'
  | 'initContainers'
  | 'volumes'
  | 'securityContext'
  | 'restartPolicy'
  | 'imagePullSecrets'
  | 'dnsPolicy'
>;

/**
 * Everything that describes a Pod's spec, for a bare Pod and for the Pod template of every workload alike.
 * Every PodSpec field of Kubernetes 1.33 (and so of 1.28) is a typed prop.
 */
export interface PodSpecProps extends PodSpecPassThrough {
  /** Security level the Pods are checked against and whose defaults they get. @default the chart's, else 'restricted' */
  readonly profile?: Profile;
  /** Containers, in order; `addContainer()` adds more. @default none */
  readonly containers?: readonly ContainerProps[];
  /** Init containers, run to completion in order before the containers start. @default none */
  readonly initContainers?: readonly ContainerProps[];
  /** Native sidecars: init containers with `restartPolicy: Always`, started in order and kept running. @default none */
  readonly sidecars?: readonly ContainerProps[];
  /** Volumes not already brought in by a mount. @default those of the mounts */
  readonly volumes?: readonly Volume[];
  /** Pod security context; each field set here overrides the profile's default for that field only. @default by profile */
  readonly securityContext?: PodSecurityContextProps;
  /** Restart policy. @default Kubernetes's ('Always', left out) */
  readonly restartPolicy?: RestartPolicy;
  /** DNS policy. @default Kubernetes's ('ClusterFirst', left out) */
  readonly dnsPolicy?: DnsPolicy;
  /** Names of the Secrets used to pull images, in order. @default none */
  readonly imagePullSecrets?: readonly string[];
}

/** Where a PodTemplate sits: the object that owns it and the path of its Pod spec in that object. */
export interface PodTemplateOptions {
  /** The object whose manifest holds the template, named in error messages. */
  readonly object: ObjectRef;
  /** Path of the Pod spec in that object: `spec` for a Pod, `spec.template.spec` for a Deployment, ... */
  readonly specPath: string;
  /** The template's metadata (a Pod's is the Pod's own). */
  readonly metadata: ApiObjectMetadataDefinition;
  /** Profile whose defaults the Pod gets. */
  readonly profile: Profile;
}

/**
 * A Pod template, as Kubernetes' own `PodTemplateSpec`: metadata and a Pod spec. A bare Pod and every workload
 * (Deployment, StatefulSet, DaemonSet, Job, CronJob) hold one and render their Pod through it, so a default or a fix
 * lands everywhere at once. Secure by default (`restricted`) and still starts images that run as root.
 */
export class PodTemplate {
  /** The profile whose defaults and checks apply. */
  public readonly profile: Profile;
  /** The Pods' metadata: labels and annotations (for a bare Pod, the Pod's own metadata). */
  public readonly metadata: ApiObjectMetadataDefinition;
  /** Path of the Pod spec in the owning object's manifest (`spec`, `spec.template.spec`, ...). */
  public readonly specPath: string;
  private readonly object: ObjectRef;
  private readonly props: PodSpecProps;
  private readonly _containers: Container[] = [];
  private readonly _initContainers: Container[] = [];
  private readonly _volumes: Volume[] = [];
  private readonly provided = new Set<Volume>();

  constructor(props: PodSpecProps, options: PodTemplateOptions) {
    this.props = props;
    this.object = options.object;
    this.specPath = options.specPath;
    this.metadata = options.metadata;
    this.profile = options.profile;
    for (const c of props.initContainers ?? []) this.addInitContainer(c);
    for (const c of props.sidecars ?? []) this.addSidecar(c);
    for (const c of props.containers ?? []) this.addContainer(c);
    for (const v of props.volumes ?? []) this.addVolume(v);
  }

  /** Adds a container; its name must be unique among all containers of the Pod. */
  public addContainer(props: ContainerProps): Container {
    return this.add(this._containers, props, 'containers');
  }

  /** Adds an init container; it runs to completion before the containers start. */
  public addInitContainer(props: ContainerProps): Container {
    return this.add(this._initContainers, props, 'initContainers');
  }

  /** Adds a native sidecar: an init container that starts before the containers and keeps running. */
  public addSidecar(props: ContainerProps): Container {
    return this.add(this._initContainers, props, 'initContainers', 'Always');
  }

  /** Adds a volume; a name may stand for one volume only. */
  public addVolume(volume: Volume): void {
    const existing = this._volumes.find((v) => v.name === volume.name);
    if (existing === volume) return;
    if (existing) {
      throw this.error(
        `${this.specPath}.volumes[${this._volumes.indexOf(existing)}].name`,
        'volume.name.duplicate',
        volume.name,
        'names two different volumes',
        'Give each volume its own name, or reuse the same Volume object.',
      );
    }
    this._volumes.push(volume);
  }

  /**
   * Marks `volume` as one the owning object provides itself (a StatefulSet's volume claim template, which the
   * controller adds to each Pod): mounts of it render, `spec.volumes` leaves it out.
   */
  public provideVolume(volume: Volume): void {
    this.provided.add(volume);
  }

  /** The containers, in order. */
  public get containers(): readonly Container[] {
    return [...this._containers];
  }

  /** The init containers and native sidecars, in order. */
  public get initContainers(): readonly Container[] {
    return [...this._initContainers];
  }

  /**
   * Every volume of `spec.volumes`: those added and those brought in by mounts, in order of first appearance,
   * without those the owner provides (see {@link provideVolume}).
   */
  public get volumes(): readonly Volume[] {
    const all = [...this._volumes];
    for (const c of [...this._initContainers, ...this._containers]) {
      for (const m of c.volumeMounts) {
        if (!this.provided.has(m.volume) && !all.some((v) => v.name === m.volume.name)) all.push(m.volume);
      }
    }
    return all;
  }

  /** The restart policy the Pod spec sets, if any. */
  public get restartPolicy(): RestartPolicy | undefined {
    return this.props.restartPolicy;
  }

  /** The QoS class Kubernetes will give these Pods, computed as the kubelet does. */
  public get qosClass(): QosClass {
    return qosClassOf([...this._initContainers, ...this._containers].map((c) => c.toJson(this.profile)));
  }

  /** The template as Kubernetes JSON (`PodTemplateSpec`): metadata and spec, not yet sorted or resolved. */
  public toJson(): Json {
    return { metadata: this.metadata.toJson(), spec: this.specJson() };
  }

  /** The Pod spec as Kubernetes JSON, with the profile's defaults, not yet sorted or resolved. */
  public specJson(): Json {
    const {
      profile: _p,
      containers: _c,
      initContainers: _i,
      sidecars: _s,
      volumes: _v,
      securityContext,
      restartPolicy,
      dnsPolicy,
      imagePullSecrets,
      ...passThrough
    } = this.props;
    // Props of the owning object (metadata, a workload's own spec fields) never reach here: the owner strips them.
    // Most Pods pass nothing through: skip the generated mapper, which copies its result once per field it keeps.
    // The 1.33 mappers, whatever the target version: 1.28's would drop a newer field, which validation then could
    // not report; rendered, it is refused at synth under 1.28 with the version that brought it.
    const spec =
      Object.keys(passThrough).length > 0
        ? (k8s133().toJson_PodSpec({ ...passThrough, containers: [] }) as Json)
        : {};
    const security = mergeJson(
      defaultPodSecurityContext(this.profile),
      securityContext ? (k8s133().toJson_PodSecurityContext(securityContext) as Json) : undefined,
    );
    const volumes = this.volumes;
    // Object.assign rather than a spread followed by fields, which V8 runs on a slow path (microseconds a call).
    // Not pruned here: the owner's sortedJson drops undefined fields in the one copy it makes anyway.
    return Object.assign({}, spec, {
      containers: this._containers.map((c) => c.render(this.profile)),
      initContainers:
        this._initContainers.length > 0 ? this._initContainers.map((c) => c.render(this.profile)) : undefined,
      volumes: volumes.length > 0 ? volumes.map((v) => v.toJson()) : undefined,
      securityContext: security,
      restartPolicy,
      dnsPolicy,
      imagePullSecrets: imagePullSecrets?.map((name) => ({ name })),
    });
  }

  private add(list: Container[], props: ContainerProps, field: string, restartPolicy?: 'Always'): Container {
    const path = `${this.specPath}.${field}[${list.length}]`;
    if ([...this._initContainers, ...this._containers].some((c) => c.name === props.name)) {
      throw this.error(
        `${path}.name`,
        'container.name.duplicate',
        props.name,
        'is already the name of another container or init container of this Pod',
        'Give every container of a Pod its own name.',
      );
    }
    const container = new Container(props, { object: this.object, path }, restartPolicy);
    list.push(container);
    return container;
  }

  private error(path: string, rule: string, value: unknown, message: string, fix: string): PodwrightError {
    const violation: Violation = { object: this.object, path, value, rule, message, fix };
    return new PodwrightError([violation]);
  }
}

/** Where an AbstractPod's template sits and what it starts from. */
export interface PodTemplateSource {
  /** The Pod spec props. */
  readonly spec: PodSpecProps;
  /** Path of the Pod spec in the manifest (`spec`, `spec.template.spec`, ...). */
  readonly specPath: string;
  /**
   * The template's own metadata, for a workload (`spec.template.metadata`).
   * @default the object's own metadata: the object is the Pod
   */
  readonly metadata?: ApiObjectMetadataDefinition | ((object: ApiObject) => ApiObjectMetadataDefinition);
}

const ABSTRACT_POD_BRAND = Symbol.for('podwright.AbstractPod');

/** Whether `x` carries `brand` (set with `Object.defineProperty` in a constructor). */
export function hasBrand(x: unknown, brand: symbol): boolean {
  return typeof x === 'object' && x !== null && brand in x;
}

/**
 * An object that creates Pods from a {@link PodTemplate}: a bare Pod and every workload. The containers, volumes and
 * profile of the high-level API are the template's; the object adds its own spec around the template's JSON.
 */
export abstract class AbstractPod extends ApiObject {
  /**
   * ApiObject's own `Symbol.hasInstance` answers true for every ApiObject, so subclasses inherit a check that
   * cannot tell them apart; this one looks for the brand every Pod and workload carries.
   */
  static override [Symbol.hasInstance](x: unknown): x is AbstractPod {
    return hasBrand(x, ABSTRACT_POD_BRAND);
  }

  /** The Pod template: metadata, containers, volumes, security defaults. */
  public readonly template: PodTemplate;
  /** The profile whose defaults and checks apply. */
  public readonly profile: Profile;
  private readonly finalPatches: JsonPatch[] = [];

  protected constructor(scope: Construct, id: string, props: ApiObjectProps, template: PodTemplateSource) {
    super(scope, id, props);
    Object.defineProperty(this, ABSTRACT_POD_BRAND, { value: true });
    this.profile = template.spec.profile ?? profileOf(scope);
    const metadata =
      typeof template.metadata === 'function'
        ? template.metadata(this)
        : (template.metadata ?? this.metadata);
    this.template = new PodTemplate(template.spec, {
      object: this.ref(),
      specPath: template.specPath,
      metadata,
      profile: this.profile,
    });
  }

  /** Adds a container; its name must be unique among all containers of the Pod. */
  public addContainer(props: ContainerProps): Container {
    return this.template.addContainer(props);
  }

  /** Adds an init container; it runs to completion before the containers start. */
  public addInitContainer(props: ContainerProps): Container {
    return this.template.addInitContainer(props);
  }

  /** Adds a native sidecar: an init container that starts before the containers and keeps running. */
  public addSidecar(props: ContainerProps): Container {
    return this.template.addSidecar(props);
  }

  /** Adds a volume; a name may stand for one volume only. */
  public addVolume(volume: Volume): void {
    this.template.addVolume(volume);
  }

  /** The containers, in order. */
  public get containers(): readonly Container[] {
    return this.template.containers;
  }

  /** The init containers and native sidecars, in order. */
  public get initContainers(): readonly Container[] {
    return this.template.initContainers;
  }

  /** Every volume: those added and those brought in by mounts, in order of first appearance. */
  public get volumes(): readonly Volume[] {
    return this.template.volumes;
  }

  /** The QoS class Kubernetes will give the Pods, computed as the kubelet does. */
  public get qosClass(): QosClass {
    return this.template.qosClass;
  }

  /** Applies RFC 6902 JSON patches to the final manifest, after podwright has rendered it: nothing is dropped. */
  public override addJsonPatch(...ops: JsonPatch[]): void {
    this.finalPatches.push(...ops);
  }

  /**
   * The object as Kubernetes JSON, keys sorted as cdk8s sorts them. Rendered directly rather than through cdk8s's
   * generic token resolution, which visits every value of every Pod and dominated synthesis time; values that are
   * not plain JSON (a cdk8s Lazy in metadata, say) are still resolved by cdk8s.
   */
  public override toJson(): any {
    try {
      const manifest = sortedJson(
        {
          apiVersion: this.apiVersion,
          kind: this.kind,
          metadata: this.metadata.toJson(),
          spec: this.specJson(),
        },
        (v) => resolve([], v, this),
        !process.env.CDK8S_DISABLE_SORT,
      ) as Json;
      // Sorted or not, the rendered manifest already starts with apiVersion, kind, metadata: only a patch can move them.
      if (this.finalPatches.length === 0) return manifest;
      const patched = JsonPatch.apply(manifest, ...this.finalPatches) as Json;
      const { apiVersion, kind, metadata, ...rest } = patched;
      return { apiVersion, kind, metadata, ...rest };
    } catch (e) {
      throw new Error(
        `Failed serializing construct at path '${this.node.path}' with name '${this.name}': ${e}`,
      );
    }
  }

  /** The object's `spec`: the template's Pod spec for a Pod, the kind's own spec around the template otherwise. */
  protected abstract specJson(): Json;

  /** The object as error messages name it. */
  protected ref(): ObjectRef {
    return { kind: this.kind, name: this.name, namespace: this.metadata.namespace };
  }

  /** A PodwrightError on this object. */
  protected error(path: string, rule: string, value: unknown, message: string, fix: string): PodwrightError {
    return new PodwrightError([{ object: this.ref(), path, value, rule, message, fix }]);
  }
}
