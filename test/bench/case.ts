// One bench case in its own process, so that wall time and peak memory are those of a whole run:
//   node --import tsx test/bench/case.ts <variant> <n> <layout>
// Prints one JSON line: phase times in ms, output size, and peak RSS (KiB). The parent (run.ts) measures wall
// time from spawn to exit, alternates cases and takes medians. Modules are loaded inside each variant, so a
// variant pays only for what it uses, as a real program would.
import { performance } from 'node:perf_hooks';
import { benchPod, layOut, plainPod, type Layout } from './workload';

/** What a case measures. */
export type Variant =
  'podwright' | 'cdk8s-plus' | 'kube-pod' | 'floor' | 'floor-yaml' | 'validation' | 'pulumi';

/** What a case reports on stdout. */
export interface CaseResult {
  readonly variant: Variant;
  readonly n: number;
  readonly layout: Layout;
  /** Phase name to milliseconds, measured inside the process (module loading included in `load`). */
  readonly phases: Record<string, number>;
  /** Characters of YAML written, or Pods validated / registered. */
  readonly size: number;
  /** Peak resident set size of the process, KiB. */
  readonly maxRssKiB: number;
}

type Phases = Record<string, number>;

/** The podwright App of the bench workload: loads podwright's modules, then builds every Pod. */
async function podwrightApp(n: number, layout: Layout, phases: Phases) {
  let t = performance.now();
  const { PodwrightApp } = await import('../../src/app');
  const { PodwrightChart } = await import('../../src/chart');
  const { Pod } = await import('../../src/pod');
  const { Probe } = await import('../../src/probe');
  const { Volume } = await import('../../src/volume');
  phases.load = performance.now() - t;
  t = performance.now();
  const app = new PodwrightApp({ outdir: '/nonexistent' });
  layOut(
    n,
    layout,
    (index) => new PodwrightChart(app, `chart-${index}`),
    (chart, i) => {
      const p = benchPod(i);
      const volume = Volume.emptyDir(p.volume);
      const pod = new Pod(chart, p.name, { metadata: { labels: p.labels } });
      for (const c of p.containers) {
        const container = pod.addContainer({
          name: c.name,
          image: c.image,
          command: c.command,
          args: c.args,
          env: c.env,
          ports: [{ name: c.port.name, containerPort: c.port.number }],
          resources: {
            requests: { cpu: `${c.requests.cpuMillis}m`, memory: `${c.requests.memoryMiB}Mi` },
            limits: { cpu: `${c.limits.cpuMillis}m`, memory: `${c.limits.memoryMiB}Mi` },
          },
          livenessProbe: Probe.httpGet(c.liveness.path, {
            port: c.port.number,
            periodSeconds: c.liveness.periodSeconds,
          }),
          readinessProbe: Probe.httpGet(c.readiness.path, {
            port: c.port.number,
            initialDelaySeconds: c.readiness.initialDelaySeconds,
          }),
        });
        container.mount(c.mountPath, volume, c.readOnly ? { readOnly: true } : {});
      }
    },
  );
  phases.build = performance.now() - t;
  return app;
}

async function podwright(n: number, layout: Layout, phases: Phases): Promise<number> {
  const app = await podwrightApp(n, layout, phases);
  const t = performance.now();
  const yaml = app.synthYaml();
  phases.synth = performance.now() - t;
  return yaml.length;
}

async function cdk8sPlus(n: number, layout: Layout, phases: Phases): Promise<number> {
  let t = performance.now();
  const { App, Chart, Duration, Size } = await import('cdk8s');
  const kplus = await import('cdk8s-plus-28');
  phases.load = performance.now() - t;
  t = performance.now();
  const app = new App({ outdir: '/nonexistent' });
  layOut(
    n,
    layout,
    (index) => new Chart(app, `chart-${index}`),
    (chart, i) => {
      const p = benchPod(i);
      const pod = new kplus.Pod(chart, p.name, { metadata: { name: p.name, labels: p.labels } });
      const volume = kplus.Volume.fromEmptyDir(pod, `${p.name}-${p.volume}`, p.volume);
      for (const c of p.containers) {
        pod.addContainer({
          name: c.name,
          image: c.image,
          command: c.command,
          args: c.args,
          envVariables: Object.fromEntries(
            Object.entries(c.env).map(([k, v]) => [k, kplus.EnvValue.fromValue(v)]),
          ),
          ports: [{ name: c.port.name, number: c.port.number }],
          resources: {
            cpu: {
              request: kplus.Cpu.millis(c.requests.cpuMillis),
              limit: kplus.Cpu.millis(c.limits.cpuMillis),
            },
            memory: {
              request: Size.mebibytes(c.requests.memoryMiB),
              limit: Size.mebibytes(c.limits.memoryMiB),
            },
          },
          liveness: kplus.Probe.fromHttpGet(c.liveness.path, {
            port: c.port.number,
            periodSeconds: Duration.seconds(c.liveness.periodSeconds),
          }),
          readiness: kplus.Probe.fromHttpGet(c.readiness.path, {
            port: c.port.number,
            initialDelaySeconds: Duration.seconds(c.readiness.initialDelaySeconds),
          }),
          volumeMounts: [{ path: c.mountPath, volume, readOnly: c.readOnly }],
        });
      }
    },
  );
  phases.build = performance.now() - t;
  t = performance.now();
  const yaml = app.synthYaml();
  phases.synth = performance.now() - t;
  return yaml.length;
}

async function kubePod(n: number, layout: Layout, phases: Phases): Promise<number> {
  let t = performance.now();
  const { App, Chart } = await import('cdk8s');
  const { k8s } = await import('cdk8s-plus-28');
  phases.load = performance.now() - t;
  t = performance.now();
  const app = new App({ outdir: '/nonexistent' });
  layOut(
    n,
    layout,
    (index) => new Chart(app, `chart-${index}`),
    (chart, i) => {
      const p = benchPod(i);
      new k8s.KubePod(chart, p.name, {
        metadata: { name: p.name, labels: p.labels },
        spec: {
          securityContext: {
            runAsGroup: 65534,
            runAsNonRoot: true,
            runAsUser: 65534,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          volumes: [{ name: p.volume, emptyDir: {} }],
          containers: p.containers.map((c) => ({
            name: c.name,
            image: c.image,
            command: c.command,
            args: c.args,
            env: Object.entries(c.env).map(([name, value]) => ({ name, value })),
            ports: [{ name: c.port.name, containerPort: c.port.number }],
            resources: {
              requests: {
                cpu: k8s.Quantity.fromString(`${c.requests.cpuMillis}m`),
                memory: k8s.Quantity.fromString(`${c.requests.memoryMiB}Mi`),
              },
              limits: {
                cpu: k8s.Quantity.fromString(`${c.limits.cpuMillis}m`),
                memory: k8s.Quantity.fromString(`${c.limits.memoryMiB}Mi`),
              },
            },
            livenessProbe: {
              httpGet: { path: c.liveness.path, port: k8s.IntOrString.fromNumber(c.port.number) },
              periodSeconds: c.liveness.periodSeconds,
            },
            readinessProbe: {
              httpGet: { path: c.readiness.path, port: k8s.IntOrString.fromNumber(c.port.number) },
              initialDelaySeconds: c.readiness.initialDelaySeconds,
            },
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
              readOnlyRootFilesystem: true,
            },
            volumeMounts: [{ name: p.volume, mountPath: c.mountPath, readOnly: c.readOnly || undefined }],
          })),
        },
      });
    },
  );
  phases.build = performance.now() - t;
  t = performance.now();
  const yaml = app.synthYaml();
  phases.synth = performance.now() - t;
  return yaml.length;
}

/** The floor: the objects podwright renders, already built, through the fastest YAML library (js-yaml). */
async function floor(n: number, library: 'js-yaml' | 'yaml', phases: Phases): Promise<number> {
  let t = performance.now();
  const dump =
    library === 'js-yaml'
      ? (await import('js-yaml')).dump
      : (
          (yaml) => (doc: unknown) =>
            yaml.stringify(doc, { lineWidth: 0, version: '1.1' })
        )(await import('yaml'));
  phases.load = performance.now() - t;
  t = performance.now();
  const objects: unknown[] = [];
  for (let i = 0; i < n; i++) objects.push(plainPod(i));
  phases.build = performance.now() - t;
  t = performance.now();
  const options = { lineWidth: -1, noRefs: true };
  const parts: string[] = [];
  for (const o of objects) parts.push((dump as (d: unknown, opts: unknown) => string)(o, options));
  const yaml = parts.join('---\n');
  phases.synth = performance.now() - t;
  return yaml.length;
}

/** validateManifest alone, over pre-rendered Pod JSON. */
async function validation(n: number, phases: Phases): Promise<number> {
  let t = performance.now();
  const { validateManifest } = await import('../../src/validation');
  phases.load = performance.now() - t;
  const manifests: unknown[] = [];
  for (let i = 0; i < n; i++) manifests.push(plainPod(i));
  // Warm up once, as a long synth would be warm after its first few hundred Pods.
  for (let i = 0; i < Math.min(n, 500); i++) validateManifest(manifests[i], 'restricted');
  t = performance.now();
  let violations = 0;
  for (const m of manifests) violations += validateManifest(m, 'restricted').length;
  phases.validate = performance.now() - t;
  // A second pass over the same Pods: the throughput once the JIT has compiled every path, as in a long synth.
  t = performance.now();
  for (const m of manifests) violations += validateManifest(m, 'restricted').length;
  phases.validateWarm = performance.now() - t;
  if (violations > 0) throw new Error(`bench Pods should be valid, got ${violations} violation(s)`);
  return n;
}

/** The Pulumi program under mocks: PodwrightStack over a podwright App of n Pods. */
async function pulumiProgram(n: number, layout: Layout, phases: Phases): Promise<number> {
  const t0 = performance.now();
  const { installMocks, valueOf } = await import('../pulumi/mocks');
  const registered = installMocks();
  const { PodwrightStack } = await import('../../src/pulumi/stack');
  const pulumiLoad = performance.now() - t0;
  const app = await podwrightApp(n, layout, phases);
  phases.load += pulumiLoad;
  const t = performance.now();
  const stack = new PodwrightStack('bench', { app });
  const names = await valueOf(stack.podNames);
  phases.deploy = performance.now() - t;
  if (names.length !== n || registered.length < n) throw new Error(`registered ${registered.length} of ${n}`);
  return names.length;
}

async function main(): Promise<void> {
  const [variant, nText, layoutText] = process.argv.slice(2) as [Variant, string, Layout];
  const n = Number(nText);
  const layout = layoutText ?? 'one-chart';
  const phases: Phases = {};
  let size: number;
  switch (variant) {
    case 'podwright':
      size = await podwright(n, layout, phases);
      break;
    case 'cdk8s-plus':
      size = await cdk8sPlus(n, layout, phases);
      break;
    case 'kube-pod':
      size = await kubePod(n, layout, phases);
      break;
    case 'floor':
      size = await floor(n, 'js-yaml', phases);
      break;
    case 'floor-yaml':
      size = await floor(n, 'yaml', phases);
      break;
    case 'validation':
      size = await validation(n, phases);
      break;
    case 'pulumi':
      size = await pulumiProgram(n, layout, phases);
      break;
    default:
      throw new Error(`unknown variant ${variant}`);
  }
  const result: CaseResult = { variant, n, layout, phases, size, maxRssKiB: process.resourceUsage().maxRSS };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // Pulumi's mocks keep handles open; the result is out, so end the process like a finished program would.
  process.exit(0);
}

void main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
