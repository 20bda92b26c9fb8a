import type { Json } from './json';
import type { QuantityValue } from './resources';

/** Options for values read from a ConfigMap or a Secret key. */
export interface KeyRefOptions {
  /** Start the container even when the key or the object is missing. @default false (the field is left out) */
  readonly optional?: boolean;
}

/** Options for values read from the container's own resources. */
export interface ResourceRefOptions {
  /** Container whose resources are read; required when used from a volume, optional in env. @default this container */
  readonly containerName?: string;
  /** Unit the value is expressed in, e.g. `'1Mi'`. @default '1' */
  readonly divisor?: QuantityValue;
}

/** The value of one environment variable: a literal or a reference resolved by the kubelet. */
export class EnvValue {
  /** A literal string value. */
  public static fromValue(value: string): EnvValue {
    return new EnvValue({ value });
  }

  /** The value of `key` in ConfigMap `name`. */
  public static fromConfigMap(name: string, key: string, options: KeyRefOptions = {}): EnvValue {
    return new EnvValue({ valueFrom: { configMapKeyRef: { name, key, optional: options.optional } } });
  }

  /** The value of `key` in Secret `name`. */
  public static fromSecret(name: string, key: string, options: KeyRefOptions = {}): EnvValue {
    return new EnvValue({ valueFrom: { secretKeyRef: { name, key, optional: options.optional } } });
  }

  /** A field of the Pod (downward API), e.g. `metadata.name`, `status.podIP`, `spec.nodeName`. */
  public static fromFieldRef(fieldPath: string, apiVersion?: string): EnvValue {
    return new EnvValue({ valueFrom: { fieldRef: { fieldPath, apiVersion } } });
  }

  /** A request or limit of a container (downward API), e.g. `limits.memory`. */
  public static fromResource(resource: string, options: ResourceRefOptions = {}): EnvValue {
    return new EnvValue({
      valueFrom: {
        resourceFieldRef: { resource, containerName: options.containerName, divisor: options.divisor },
      },
    });
  }

  private constructor(private readonly json: Json) {}

  /** The `EnvVar` JSON for variable `name`. */
  public toJson(name: string): Json {
    return { name, ...this.json };
  }
}

/** Options of a whole ConfigMap or Secret loaded as environment variables. */
export interface EnvFromOptions extends KeyRefOptions {
  /** Prefix added to every key. @default none */
  readonly prefix?: string;
}

/** A whole ConfigMap or Secret loaded as environment variables (`envFrom`). */
export class EnvFrom {
  /** Every key of ConfigMap `name`. */
  public static configMap(name: string, options: EnvFromOptions = {}): EnvFrom {
    return new EnvFrom({ configMapRef: { name, optional: options.optional }, prefix: options.prefix });
  }

  /** Every key of Secret `name`. */
  public static secret(name: string, options: EnvFromOptions = {}): EnvFrom {
    return new EnvFrom({ secretRef: { name, optional: options.optional }, prefix: options.prefix });
  }

  private constructor(private readonly json: Json) {}

  /** The `EnvFromSource` JSON. */
  public toJson(): Json {
    return this.json;
  }
}
