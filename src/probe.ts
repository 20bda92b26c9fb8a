import type { Json } from './json';

/** A container port by number or by the name of one of its `ports`. */
export type PortRef = number | string;

/** HTTP scheme of an httpGet probe or hook. */
export type HttpScheme = 'HTTP' | 'HTTPS';

/** Options of an httpGet probe or hook. */
export interface HttpGetOptions {
  /** Port to connect to. @default 80 */
  readonly port?: PortRef;
  /** Host to connect to. @default the Pod IP */
  readonly host?: string;
  /** Scheme. @default 'HTTP' (left out of the manifest) */
  readonly scheme?: HttpScheme;
  /** Extra request headers, in order. @default none */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Timing of a probe; every field left out keeps the kubelet's default. */
export interface ProbeTiming {
  /** Seconds after start before the first probe. @default 0 */
  readonly initialDelaySeconds?: number;
  /** Seconds between probes. @default 10 */
  readonly periodSeconds?: number;
  /** Seconds before a probe times out. @default 1 */
  readonly timeoutSeconds?: number;
  /** Consecutive failures that count as failed. @default 3 */
  readonly failureThreshold?: number;
  /** Consecutive successes that count as healthy (must be 1 for liveness and startup). @default 1 */
  readonly successThreshold?: number;
  /** Grace period when a failed liveness or startup probe kills the container. @default the Pod's */
  readonly terminationGracePeriodSeconds?: number;
}

/** Options of a tcpSocket probe or hook. */
export interface TcpSocketOptions {
  /** Port to connect to. */
  readonly port: PortRef;
  /** Host to connect to. @default the Pod IP */
  readonly host?: string;
}

/** Options of a sleep hook. */
export interface SleepOptions {
  /**
   * Seconds to sleep: 0 or more, and no longer than the Pod's `terminationGracePeriodSeconds` (30 by default), which
   * the kubelet counts the hook against.
   */
  readonly seconds: number;
}

/** Options of a gRPC probe. */
export interface GrpcOptions extends ProbeTiming {
  /** Port of the gRPC health service (a number: gRPC probes take no port names). */
  readonly port: number;
  /** Service name sent in the gRPC health check request. @default '' (the server's overall health) */
  readonly service?: string;
}

function httpGet(path: string, options: HttpGetOptions): Json {
  const headers = options.headers
    ? Object.entries(options.headers).map(([name, value]) => ({ name, value }))
    : undefined;
  return {
    httpGet: {
      path,
      port: options.port ?? 80,
      host: options.host,
      scheme: options.scheme,
      httpHeaders: headers,
    },
  };
}

/**
 * What a lifecycle hook runs: a command, an HTTP GET, a sleep (Kubernetes 1.29+), or (deprecated but accepted) a TCP
 * connect.
 */
export class Handler {
  /** Run `command` inside the container. */
  public static exec(command: readonly string[]): Handler {
    return new Handler({ exec: { command: [...command] } });
  }

  /** Send an HTTP GET to `path`. */
  public static httpGet(path: string, options: HttpGetOptions = {}): Handler {
    return new Handler(httpGet(path, options));
  }

  /** Open a TCP connection to `options.port`. */
  public static tcpSocket(options: TcpSocketOptions): Handler {
    return new Handler({ tcpSocket: { port: options.port, host: options.host } });
  }

  /**
   * Sleep `options.seconds` in the kubelet, with no command in the image: a preStop sleep lets endpoints and load
   * balancers stop sending traffic before the container gets its stop signal, even in a distroless image. Needs a
   * chart that targets 1.33: a 1.28 API server does not know the field.
   */
  public static sleep(options: SleepOptions): Handler {
    return new Handler({ sleep: { seconds: options.seconds } });
  }

  private constructor(private readonly json: Json) {}

  /** The `LifecycleHandler` JSON. */
  public toJson(): Json {
    return this.json;
  }
}

/** A liveness, readiness or startup probe: one handler plus its timing. */
export class Probe {
  /** Healthy while `command` exits 0. */
  public static exec(command: readonly string[], timing: ProbeTiming = {}): Probe {
    return new Probe({ exec: { command: [...command] } }, timing);
  }

  /** Healthy while GET `path` answers 200-399. */
  public static httpGet(path: string, options: HttpGetOptions & ProbeTiming = {}): Probe {
    return new Probe(httpGet(path, options), options);
  }

  /** Healthy while `options.port` accepts TCP connections; the same options shape as `httpGet`. */
  public static tcpSocket(options: TcpSocketOptions & ProbeTiming): Probe {
    return new Probe({ tcpSocket: { port: options.port, host: options.host } }, options);
  }

  /** Healthy while the gRPC health service on `options.port` answers SERVING. */
  public static grpc(options: GrpcOptions): Probe {
    return new Probe({ grpc: { port: options.port, service: options.service } }, options);
  }

  private constructor(
    private readonly handler: Json,
    private readonly timing: ProbeTiming,
  ) {}

  /** The `Probe` JSON. */
  public toJson(): Json {
    const t = this.timing;
    // Object.assign rather than a spread followed by fields, which V8 runs on a slow path (microseconds a call).
    return Object.assign({}, this.handler, {
      initialDelaySeconds: t.initialDelaySeconds,
      periodSeconds: t.periodSeconds,
      timeoutSeconds: t.timeoutSeconds,
      failureThreshold: t.failureThreshold,
      successThreshold: t.successThreshold,
      terminationGracePeriodSeconds: t.terminationGracePeriodSeconds,
    });
  }
}
