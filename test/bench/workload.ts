// The bench workload: N realistic two-container Pods, written once as data and built by each variant with its own
// API. Every variant gets the same names, images, commands, env, ports, resources, probes, volume and labels.

/** How the Pods are spread over charts. */
export type Layout = 'one-chart' | 'charts-of-100';

/** Pods per chart in the `charts-of-100` layout. */
export const PODS_PER_CHART = 100;

/** One container of a bench Pod, as data. */
export interface BenchContainer {
  readonly name: string;
  readonly image: string;
  readonly command: string[];
  readonly args: string[];
  readonly env: Record<string, string>;
  readonly port: { readonly name: string; readonly number: number };
  readonly requests: { readonly cpuMillis: number; readonly memoryMiB: number };
  readonly limits: { readonly cpuMillis: number; readonly memoryMiB: number };
  readonly liveness: { readonly path: string; readonly periodSeconds: number };
  readonly readiness: { readonly path: string; readonly initialDelaySeconds: number };
  readonly mountPath: string;
  readonly readOnly: boolean;
}

/** One bench Pod, as data. */
export interface BenchPod {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly volume: string;
  readonly containers: readonly [BenchContainer, BenchContainer];
}

/** The i-th bench Pod. */
export function benchPod(i: number): BenchPod {
  return {
    name: `pod-${i}`,
    labels: { app: `svc-${i % 50}`, tier: 'web', 'app.kubernetes.io/part-of': 'bench' },
    volume: 'cache',
    containers: [
      {
        name: 'app',
        image: `registry.example.com/team/app:1.${i % 10}.0`,
        command: ['/bin/server'],
        args: ['--port=8080', `--shard=${i}`],
        env: { LOG_LEVEL: 'info', SHARD: String(i), REGION: 'eu-west-1' },
        port: { name: 'http', number: 8080 },
        requests: { cpuMillis: 100, memoryMiB: 128 },
        limits: { cpuMillis: 500, memoryMiB: 256 },
        liveness: { path: '/healthz', periodSeconds: 10 },
        readiness: { path: '/ready', initialDelaySeconds: 5 },
        mountPath: '/cache',
        readOnly: false,
      },
      {
        name: 'shipper',
        image: 'registry.example.com/team/log-shipper:2.3.1',
        command: ['/bin/shipper'],
        args: ['--from=/cache', '--to=stdout'],
        env: { LOG_LEVEL: 'warn', TARGET: `shard-${i % 16}`, BUFFER_KIB: '512' },
        port: { name: 'metrics', number: 9090 },
        requests: { cpuMillis: 50, memoryMiB: 64 },
        limits: { cpuMillis: 200, memoryMiB: 128 },
        liveness: { path: '/live', periodSeconds: 20 },
        readiness: { path: '/metrics', initialDelaySeconds: 2 },
        mountPath: '/var/log/app',
        readOnly: true,
      },
    ],
  };
}

/** Calls `make(chartIndex)` for each chart the layout needs and `addPod(chart, i)` for every Pod. */
export function layOut<C>(
  n: number,
  layout: Layout,
  makeChart: (index: number) => C,
  addPod: (chart: C, i: number) => void,
): void {
  const size = layout === 'one-chart' ? n : PODS_PER_CHART;
  let chart: C | undefined;
  for (let i = 0; i < n; i++) {
    if (i % size === 0) chart = makeChart(i / size);
    addPod(chart as C, i);
  }
}

/**
 * The bench Pod as the plain Kubernetes JSON podwright renders for it under `restricted` (keys sorted, security
 * defaults included): the input of the floor, which is only YAML serialization of objects that already exist.
 */
export function plainPod(i: number): Record<string, unknown> {
  const p = benchPod(i);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels: { ...p.labels }, name: p.name },
    spec: {
      containers: p.containers.map((c) => ({
        args: [...c.args],
        command: [...c.command],
        env: Object.entries(c.env).map(([name, value]) => ({ name, value })),
        image: c.image,
        livenessProbe: {
          httpGet: { path: c.liveness.path, port: c.port.number },
          periodSeconds: c.liveness.periodSeconds,
        },
        name: c.name,
        ports: [{ containerPort: c.port.number, name: c.port.name }],
        readinessProbe: {
          httpGet: { path: c.readiness.path, port: c.port.number },
          initialDelaySeconds: c.readiness.initialDelaySeconds,
        },
        resources: {
          limits: { cpu: `${c.limits.cpuMillis}m`, memory: `${c.limits.memoryMiB}Mi` },
          requests: { cpu: `${c.requests.cpuMillis}m`, memory: `${c.requests.memoryMiB}Mi` },
        },
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
          readOnlyRootFilesystem: true,
        },
        volumeMounts: [{ mountPath: c.mountPath, name: p.volume, ...(c.readOnly ? { readOnly: true } : {}) }],
      })),
      securityContext: {
        runAsGroup: 65534,
        runAsNonRoot: true,
        runAsUser: 65534,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      volumes: [{ emptyDir: {}, name: p.volume }],
    },
  };
}
