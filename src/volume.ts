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

  /** Several sources (secrets, configMaps, downward API, service account tokens) in one directory. */
  public static projected(
    name: string,
    sources: readonly k8s.VolumeProjection[],
    options: { defaultMode?: number } = {},
  ): Volume {
    return new Volume(name, {
      projected: {
        sources: sources.map((s) => k8s.toJson_VolumeProjection(s)),
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
