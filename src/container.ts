import type * as k8s from 'cdk8s-plus-33/lib/imports/k8s';
import { EnvFrom, EnvValue } from './env';
import { PodwrightError, type ObjectRef } from './errors';
import { mergeJson, prune, type Json } from './json';
import { Handler, Probe } from './probe';
import type { Profile } from './profile';
import { effectiveResources, type Resources } from './resources';
import { k8s133 } from './k8s-1.33';
import { defaultContainerSecurityContext, type SecurityContextProps } from './security';
import type { Volume } from './volume';

/** When the kubelet pulls the image. */
export type ImagePullPolicy = 'Always' | 'IfNotPresent' | 'Never';

/** Network protocol of a container port. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** A port the container listens on; every container of a Pod shares the Pod's IP and port space. */
export interface ContainerPort {
  /** Port number, 1-65535. */
  readonly containerPort: number;
  /** IANA service name, referable by probes. @default none */
  readonly name?: string;
  /** Protocol. @default 'TCP' (left out) */
  readonly protocol?: Protocol;
  /** Node port to expose it on (needs the `privileged` profile). @default none */
  readonly hostPort?: number;
  /** Node IP to bind the host port to. @default none */
  readonly hostIP?: string;
}

/** How a mount propagates to and from the host. */
export type MountPropagation = 'None' | 'HostToContainer' | 'Bidirectional';

/**
 * Whether a read-only mount is read-only all the way down, sub-mounts included (Kubernetes 1.30+, on by default from
 * 1.31): `Enabled` or the pod fails to start where the runtime cannot, `IfPossible` where it can. Needs a chart that
 * targets 1.33.
 */
export type RecursiveReadOnly = 'Disabled' | 'IfPossible' | 'Enabled';

/** Options of `container.mount()`. */
export interface MountOptions {
  /** Mount read-only. @default false (left out) */
  readonly readOnly?: boolean;
  /**
   * Make a read-only mount read-only recursively; `IfPossible` and `Enabled` need `readOnly: true` and no
   * `mountPropagation` other than `None`. @default Kubernetes's ('Disabled', left out)
   */
  readonly recursiveReadOnly?: RecursiveReadOnly;
  /** Mount only this sub-path of the volume. @default the whole volume */
  readonly subPath?: string;
  /** Sub-path with `$(VAR)` expansion. @default none */
  readonly subPathExpr?: string;
  /** Mount propagation. @default none (left out) */
  readonly mountPropagation?: MountPropagation;
}

/** A volume mounted into a container. */
export interface VolumeMount extends MountOptions {
  /** Where it appears inside the container. */
  readonly path: string;
  /** What is mounted. */
  readonly volume: Volume;
}

/** Lifecycle hooks of a container. */
export interface Lifecycle {
  /** Runs right after the container starts. @default none */
  readonly postStart?: Handler;
  /** Runs before the container is stopped. @default none */
  readonly preStop?: Handler;
}

/** Every other Container field, passed through as typed (Kubernetes 1.33's generated types from cdk8s-plus-33). */
export type ContainerPassThrough = Omit<
  k8s.Container,
  | 'name'
  | 'image'
  | 'command'
  | 'args'
  | 'env'
  | 'envFrom'
  | 'ports'
  | 'resources'
  | 'securityContext'
  | 'livenessProbe'
  | 'readinessProbe'
  | 'startupProbe'
  | 'lifecycle'
  | 'volumeMounts'
  | 'imagePullPolicy'
  | 'restartPolicy'
  | 'workingDir'
>;

/** Everything that describes one container. */
export interface ContainerProps {
  /** Name, unique in the Pod: a lowercase RFC 1123 label. */
  readonly name: string;
  /** Image reference, e.g. `busybox` or `nginx:1.25`. */
  readonly image: string;
  /** Entrypoint, replacing the image's ENTRYPOINT. @default the image's */
  readonly command?: readonly string[];
  /** Arguments, replacing the image's CMD. @default the image's */
  readonly args?: readonly string[];
  /** Working directory. @default the image's */
  readonly workingDir?: string;
  /** Environment variables, in order (later ones may reference earlier ones as `$(NAME)`). @default none */
  readonly env?: Readonly<Record<string, string | EnvValue>>;
  /** Whole ConfigMaps and Secrets as environment variables. @default none */
  readonly envFrom?: readonly EnvFrom[];
  /** Ports the container listens on. @default none */
  readonly ports?: readonly ContainerPort[];
  /** Requests and limits; each field left out takes the profile's default. @default see {@link Resources} */
  readonly resources?: Resources;
  /** Security context; each field set here overrides the profile's default for that field only. @default by profile */
  readonly securityContext?: SecurityContextProps;
  /** Pull policy. @default Kubernetes's (Always for `:latest` or no tag, else IfNotPresent) */
  readonly imagePullPolicy?: ImagePullPolicy;
  /** Restarts the container when it fails. @default none */
  readonly livenessProbe?: Probe;
  /** Takes the Pod out of Service endpoints while failing. @default none */
  readonly readinessProbe?: Probe;
  /** Holds the other probes until the container has started. @default none */
  readonly startupProbe?: Probe;
  /** postStart and preStop hooks. @default none */
  readonly lifecycle?: Lifecycle;
  /** Volumes to mount; `mount()` adds more. @default none */
  readonly volumeMounts?: readonly VolumeMount[];
  /** Any other Container field (stdin, tty, resizePolicy, volumeDevices, ...). @default none */
  readonly passThrough?: ContainerPassThrough;
}

/** Where a container sits, so its errors name the Pod and the field path. */
export interface ContainerLocation {
  /** The Pod. */
  readonly object: ObjectRef;
  /** The container's path in the Pod, e.g. `spec.containers[1]`. */
  readonly path: string;
}

/** One container of a Pod. Grows with `mount()`, `addEnv()` and `addPort()`; renders late, at synth. */
export class Container {
  /** Name, unique in the Pod. */
  public readonly name: string;
  /** Image reference. */
  public readonly image: string;
  private readonly props: ContainerProps;
  private readonly env: [string, EnvValue][];
  private readonly ports: ContainerPort[];
  private readonly mounts: VolumeMount[];
  /** Set for native sidecars: an init container that keeps running (`restartPolicy: Always`). */
  public readonly restartPolicy?: 'Always';

  private readonly location: ContainerLocation;

  /** @internal use `pod.addContainer()`, `pod.addInitContainer()` or `pod.addSidecar()`. */
  constructor(props: ContainerProps, location: ContainerLocation, restartPolicy?: 'Always') {
    this.props = props;
    this.location = location;
    this.name = props.name;
    this.image = props.image;
    this.restartPolicy = restartPolicy;
    this.env = [];
    for (const [name, value] of Object.entries(props.env ?? {})) this.addEnv(name, value);
    this.ports = [];
    for (const port of props.ports ?? []) this.addPort(port);
    this.mounts = [...(props.volumeMounts ?? [])];
  }

  /**
   * Adds an environment variable. A name set twice is kept twice, as the API server keeps it; synth warns, as the
   * server does, unless the later value refers to the earlier one (`$(NAME)`).
   */
  public addEnv(name: string, value: string | EnvValue): void {
    this.env.push([name, typeof value === 'string' ? EnvValue.fromValue(value) : value]);
  }

  /**
   * Adds a port. A port number declared twice for one protocol is kept, as the API server accepts it; synth warns
   * about it, as the server does.
   */
  public addPort(port: ContainerPort): void {
    this.ports.push(port);
  }

  /** Mounts `volume` at `path`; the Pod gets the volume automatically. */
  public mount(path: string, volume: Volume, options: MountOptions = {}): void {
    if (this.mounts.some((m) => m.path === path)) {
      throw this.error(
        `volumeMounts[${this.mounts.length}].mountPath`,
        'volumeMount.mountPath.duplicate',
        path,
        'already has a volume mounted at this path',
        'Mount each path once.',
      );
    }
    this.mounts.push({ path, volume, ...options });
  }

  /** Every volume mount, in order. */
  public get volumeMounts(): readonly VolumeMount[] {
    return [...this.mounts];
  }

  /** The `Container` JSON under `profile`'s defaults. */
  public toJson(profile: Profile): Json {
    return prune(this.render(profile));
  }

  /**
   * The `Container` JSON with `undefined` fields left in: Pod.toJson drops them in the one copy it makes anyway.
   * @internal
   */
  public render(profile: Profile): Json {
    const p = this.props;
    // The 1.33 mappers whatever the target version (see PodTemplate.specJson): a newer field must reach the manifest.
    const passThrough = p.passThrough
      ? (k8s133().toJson_Container({ ...p.passThrough, name: this.name }) as Json)
      : { name: this.name };
    const security = mergeJson(
      defaultContainerSecurityContext(profile),
      p.securityContext ? (k8s133().toJson_SecurityContext(p.securityContext) as Json) : undefined,
    );
    // Object.assign rather than a spread followed by fields, which V8 runs on a slow path (microseconds a call).
    return Object.assign({}, passThrough, {
      name: this.name,
      image: this.image,
      imagePullPolicy: p.imagePullPolicy,
      command: p.command ? [...p.command] : undefined,
      args: p.args ? [...p.args] : undefined,
      workingDir: p.workingDir,
      env: this.env.length > 0 ? this.env.map(([name, value]) => value.toJson(name)) : undefined,
      envFrom: p.envFrom?.map((e) => e.toJson()),
      ports: this.ports.length > 0 ? this.ports.map((port) => ({ ...port })) : undefined,
      resources: effectiveResources(p.resources, profile),
      securityContext: security,
      livenessProbe: p.livenessProbe?.toJson(),
      readinessProbe: p.readinessProbe?.toJson(),
      startupProbe: p.startupProbe?.toJson(),
      lifecycle: p.lifecycle
        ? { postStart: p.lifecycle.postStart?.toJson(), preStop: p.lifecycle.preStop?.toJson() }
        : undefined,
      restartPolicy: this.restartPolicy,
      volumeMounts:
        this.mounts.length > 0
          ? this.mounts.map((m) => ({
              name: m.volume.name,
              mountPath: m.path,
              readOnly: m.readOnly,
              recursiveReadOnly: m.recursiveReadOnly,
              subPath: m.subPath,
              subPathExpr: m.subPathExpr,
              mountPropagation: m.mountPropagation,
            }))
          : undefined,
    });
  }

  private error(field: string, rule: string, value: unknown, message: string, fix: string): PodwrightError {
    return new PodwrightError([
      {
        object: this.location.object,
        path: `${this.location.path}.${field}`,
        value,
        rule,
        message,
        fix,
      },
    ]);
  }
}
