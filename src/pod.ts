import { ApiObject, JsonPatch, resolve, type ApiObjectMetadata } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { profileOf } from './chart';
import { Container, type ContainerProps } from './container';
import { PodwrightError, type ObjectRef, type Violation } from './errors';
import { mergeJson, sortedJson, type Json } from './json';
import type { Profile } from './profile';
import { qosClassOf, type QosClass } from './resources';
import { defaultPodSecurityContext } from './security';
import type { Volume } from './volume';

/** What the kubelet does when a container exits. */
export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

/** How the Pod's DNS is configured. */
export type DnsPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';

/** Every Kubernetes 1.28 PodSpec field that podwright passes through as typed (cdk8s's generated names). */
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

/** Everything that describes a Pod. Every PodSpec field of Kubernetes 1.28 is a typed prop. */
export interface PodProps extends PodSpecPassThrough {
  /** Name, labels, annotations, namespace. @default name = the construct id */
  readonly metadata?: ApiObjectMetadata;
  /** Security level the Pod is checked against and whose defaults it gets. @default the chart's, else 'restricted' */
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
  readonly securityContext?: k8s.PodSecurityContext;
  /** Restart policy. @default Kubernetes's ('Always', left out) */
  readonly restartPolicy?: RestartPolicy;
  /** DNS policy. @default Kubernetes's ('ClusterFirst', left out) */
  readonly dnsPolicy?: DnsPolicy;
  /** Names of the Secrets used to pull images, in order. @default none */
  readonly imagePullSecrets?: readonly string[];
}

const POD_BRAND = Symbol.for('podwright.Pod');

/**
 * A Kubernetes Pod: one or more containers placed together on one node, sharing IP, ports, hostname, IPC and
 * volumes. Secure by default (`restricted`) and still starts images that run as root.
 */
export class Pod extends ApiObject {
  /**
   * ApiObject's own `Symbol.hasInstance` answers true for every ApiObject, so subclasses inherit a check that
   * cannot tell them apart; this one looks for Pod's brand.
   */
  static override [Symbol.hasInstance](x: unknown): x is Pod {
    return typeof x === 'object' && x !== null && POD_BRAND in x;
  }

  /** The profile whose defaults and checks apply. */
  public readonly profile: Profile;
  private readonly podProps: PodProps;
  private readonly _containers: Container[] = [];
  private readonly _initContainers: Container[] = [];
  private readonly _volumes: Volume[] = [];
  private readonly finalPatches: JsonPatch[] = [];

  constructor(scope: Construct, id: string, props: PodProps = {}) {
    super(scope, id, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { ...props.metadata, name: props.metadata?.name ?? id },
    });
    this.podProps = props;
    Object.defineProperty(this, POD_BRAND, { value: true });
    this.profile = props.profile ?? profileOf(scope);
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
        `spec.volumes[${this._volumes.indexOf(existing)}].name`,
        'volume.name.duplicate',
        volume.name,
        'names two different volumes',
        'Give each volume its own name, or reuse the same Volume object.',
      );
    }
    this._volumes.push(volume);
  }

  /** The containers, in order. */
  public get containers(): readonly Container[] {
    return [...this._containers];
  }

  /** The init containers and native sidecars, in order. */
  public get initContainers(): readonly Container[] {
    return [...this._initContainers];
  }

  /** Every volume: those added and those brought in by mounts, in order of first appearance. */
  public get volumes(): readonly Volume[] {
    const all = [...this._volumes];
    for (const c of [...this._initContainers, ...this._containers]) {
      for (const m of c.volumeMounts) {
        if (!all.some((v) => v.name === m.volume.name)) all.push(m.volume);
      }
    }
    return all;
  }

  /** The QoS class Kubernetes will give this Pod, computed as the kubelet does. */
  public get qosClass(): QosClass {
    return qosClassOf([...this._initContainers, ...this._containers].map((c) => c.toJson(this.profile)));
  }

  /** Applies RFC 6902 JSON patches to the final manifest, after podwright has rendered it: nothing is dropped. */
  public override addJsonPatch(...ops: JsonPatch[]): void {
    this.finalPatches.push(...ops);
  }

  /**
   * The Pod as Kubernetes JSON, keys sorted as cdk8s sorts them. Rendered directly rather than through cdk8s's
   * generic token resolution, which visits every value of every Pod and dominated synthesis time; values that are
   * not plain JSON (a cdk8s Lazy in metadata, say) are still resolved by cdk8s.
   */
  public override toJson(): any {
    try {
      const manifest = sortedJson(
        { apiVersion: 'v1', kind: 'Pod', metadata: this.metadata.toJson(), spec: this.specJson() },
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

  private add(list: Container[], props: ContainerProps, field: string, restartPolicy?: 'Always'): Container {
    const path = `spec.${field}[${list.length}]`;
    if ([...this._initContainers, ...this._containers].some((c) => c.name === props.name)) {
      throw this.error(
        `${path}.name`,
        'container.name.duplicate',
        props.name,
        'is already the name of another container or init container of this Pod',
        'Give every container of a Pod its own name.',
      );
    }
    const container = new Container(props, { object: this.ref(), path }, restartPolicy);
    list.push(container);
    return container;
  }

  private specJson(): Json {
    const {
      metadata: _m,
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
    } = this.podProps;
    // Most Pods pass nothing through: skip the generated mapper, which copies its result once per field it keeps.
    const spec =
      Object.keys(passThrough).length > 0
        ? (k8s.toJson_PodSpec({ ...passThrough, containers: [] }) as Json)
        : {};
    const security = mergeJson(
      defaultPodSecurityContext(this.profile),
      securityContext ? (k8s.toJson_PodSecurityContext(securityContext) as Json) : undefined,
    );
    const volumes = this.volumes;
    // Object.assign rather than a spread followed by fields, which V8 runs on a slow path (microseconds a call).
    // Not pruned here: toJson's sortedJson drops undefined fields in the one copy it makes anyway.
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

  private ref(): ObjectRef {
    return { kind: 'Pod', name: this.name, namespace: this.metadata.namespace };
  }

  private error(path: string, rule: string, value: unknown, message: string, fix: string): PodwrightError {
    const violation: Violation = {
      object: this.ref(),
      path,
      value,
      rule,
      message,
      fix,
    };
    return new PodwrightError([violation]);
  }
}
