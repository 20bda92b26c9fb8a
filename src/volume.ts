import { k8s } from 'cdk8s-plus-28';
import type { Json } from './json';
import type { QuantityValue } from './resources';

/** Storage medium of an emptyDir. */
export type EmptyDirMedium = '' | 'Memory';

/** Options of an emptyDir volume. */
export interface EmptyDirOptions {
  /** `'Memory'` for tmpfs. @default node disk */
  readonly medium?: EmptyDirMedium;
  /** Most the volume may hold, e.g. `'64Mi'`. @default unbounded */
  readonly sizeLimit?: QuantityValue;
}

/** One file of a configMap, secret or downwardAPI volume. */
export interface KeyToPath {
  /** Key in the ConfigMap or Secret. */
  readonly key: string;
  /** Relative file path in the volume. */
  readonly path: string;
  /** File mode bits (octal literal, e.g. `0o400`). @default the volume's defaultMode */
  readonly mode?: number;
}

/** Options of a configMap or secret volume. */
export interface KeyedSourceOptions {
  /** Only these keys, at these paths. @default every key, at its own name */
  readonly items?: readonly KeyToPath[];
  /** Mode of the files (octal literal, e.g. `0o644`). @default 0o644 */
  readonly defaultMode?: number;
  /** Mount even when the object is missing. @default false (left out) */
  readonly optional?: boolean;
}

/** HostPath type check the kubelet performs. */
export type HostPathType =
  '' | 'DirectoryOrCreate' | 'Directory' | 'FileOrCreate' | 'File' | 'Socket' | 'CharDevice' | 'BlockDevice';

/** One file of a downwardAPI volume. */
export interface DownwardApiFile {
  /** Relative file path. */
  readonly path: string;
  /** Pod field, e.g. `metadata.labels`. Exactly one of fieldPath and resource. */
  readonly fieldPath?: string;
  /** Container resource, e.g. `limits.cpu`. Exactly one of fieldPath and resource. */
  readonly resource?: string;
  /** Container whose resource is read; required with `resource`. */
  readonly containerName?: string;
  /** Unit of the resource value. @default '1' */
  readonly divisor?: QuantityValue;
  /** File mode bits. @default the volume's defaultMode */
  readonly mode?: number;
}

function keyed(options: KeyedSourceOptions): Json {
  return {
    items: options.items?.map((i) => ({ key: i.key, path: i.path, mode: i.mode })),
    defaultMode: options.defaultMode,
    optional: options.optional,
  };
}

/** Storage shared by the containers of a Pod. Immutable; mount it with `container.mount()`. */
export class Volume {
  /** Scratch space that lives as long as the Pod: how containers of one Pod share files. */
  public static emptyDir(name: string, options: EmptyDirOptions = {}): Volume {
    return new Volume(name, { emptyDir: { medium: options.medium, sizeLimit: options.sizeLimit } });
  }

  /** The keys of ConfigMap `configMapName` as files. */
  public static configMap(name: string, configMapName: string, options: KeyedSourceOptions = {}): Volume {
    return new Volume(name, { configMap: { name: configMapName, ...keyed(options) } });
  }

  /** The keys of Secret `secretName` as files. */
  public static secret(name: string, secretName: string, options: KeyedSourceOptions = {}): Volume {
    return new Volume(name, { secret: { secretName, ...keyed(options) } });
  }

  /** A PersistentVolumeClaim by name. */
  public static persistentVolumeClaim(
    name: string,
    claimName: string,
    options: { readOnly?: boolean } = {},
  ): Volume {
    return new Volume(name, { persistentVolumeClaim: { claimName, readOnly: options.readOnly } });
  }

  /** A file or directory of the node. Only the `privileged` profile permits it. */
  public static hostPath(name: string, path: string, options: { type?: HostPathType } = {}): Volume {
    return new Volume(name, { hostPath: { path, type: options.type } });
  }

  /** Pod fields and container resources as files. */
  public static downwardApi(
    name: string,
    files: readonly DownwardApiFile[],
    options: { defaultMode?: number } = {},
  ): Volume {
    return new Volume(name, {
      downwardAPI: { items: files.map(downwardFile), defaultMode: options.defaultMode },
    });
  }

  /**
   * Several sources (secrets, configMaps, downward API, service account tokens) in one directory, as `Projection`s
   * or as generated 1.28 `VolumeProjection`s (the form this method took first, still accepted).
   */
  public static projected(
    name: string,
    sources: readonly (Projection | k8s.VolumeProjection)[],
    options: { defaultMode?: number } = {},
  ): Volume {
    return new Volume(name, {
      projected: {
        sources: sources.map((s) =>
          s instanceof Projection ? s.toJson() : (k8s.toJson_VolumeProjection(s) as Json),
        ),
        defaultMode: options.defaultMode,
      },
    });
  }

  /** A PersistentVolumeClaim created with the Pod and deleted with it. */
  public static ephemeral(name: string, claimTemplate: k8s.PersistentVolumeClaimTemplate): Volume {
    return new Volume(name, {
      ephemeral: { volumeClaimTemplate: k8s.toJson_PersistentVolumeClaimTemplate(claimTemplate) },
    });
  }

  /** Any volume source of Kubernetes 1.28 (nfs, csi, iscsi, ...), typed by the generated API. */
  public static fromSource(name: string, source: Omit<k8s.Volume, 'name'>): Volume {
    const { name: _ignored, ...json } = k8s.toJson_Volume({ ...source, name }) as Json;
    return new Volume(name, json);
  }

  private constructor(
    /** Volume name, referenced by mounts. */
    public readonly name: string,
    private readonly source: Json,
  ) {}

  /** The `Volume` JSON. */
  public toJson(): Json {
    return { name: this.name, ...this.source };
  }
}

/** Options of a Secret or ConfigMap projected into a projected volume. */
export interface ProjectedKeysOptions {
  /** Only these keys, at these paths. @default every key, at its own name */
  readonly items?: readonly KeyToPath[];
  /** Mount even when the object is missing. @default false (left out) */
  readonly optional?: boolean;
}

/** Options of a projected service account token. */
export interface ServiceAccountTokenOptions {
  /** Who the token is for; a recipient must reject tokens not meant for it. @default the API server's audience */
  readonly audience?: string;
  /** Requested lifetime; the kubelet refreshes the token before it expires. @default 3600 (one hour) */
  readonly expirationSeconds?: number;
}

/**
 * One source of a projected volume, in the same terms as the single-source volumes (`KeyToPath`,
 * `DownwardApiFile`). Immutable; pass to `Volume.projected()`.
 */
export class Projection {
  /** The keys of Secret `secretName` as files. */
  public static secret(secretName: string, options: ProjectedKeysOptions = {}): Projection {
    return new Projection({ secret: { name: secretName, ...projectedKeys(options) } });
  }

  /** The keys of ConfigMap `configMapName` as files. */
  public static configMap(configMapName: string, options: ProjectedKeysOptions = {}): Projection {
    return new Projection({ configMap: { name: configMapName, ...projectedKeys(options) } });
  }

  /** Pod fields and container resources as files. */
  public static downwardApi(files: readonly DownwardApiFile[]): Projection {
    return new Projection({ downwardAPI: { items: files.map(downwardFile) } });
  }

  /** A token of the Pod's service account at `path`, refreshed by the kubelet. */
  public static serviceAccountToken(path: string, options: ServiceAccountTokenOptions = {}): Projection {
    return new Projection({
      serviceAccountToken: { path, audience: options.audience, expirationSeconds: options.expirationSeconds },
    });
  }

  private constructor(private readonly json: Json) {}

  /** The `VolumeProjection` JSON. */
  public toJson(): Json {
    return this.json;
  }
}

function projectedKeys(options: ProjectedKeysOptions): Json {
  return {
    items: options.items?.map((i) => ({ key: i.key, path: i.path, mode: i.mode })),
    optional: options.optional,
  };
}

function downwardFile(f: DownwardApiFile): Json {
  return {
    path: f.path,
    mode: f.mode,
    fieldRef: f.fieldPath === undefined ? undefined : { fieldPath: f.fieldPath },
    resourceFieldRef:
      f.resource === undefined
        ? undefined
        : { resource: f.resource, containerName: f.containerName, divisor: f.divisor },
  };
}
