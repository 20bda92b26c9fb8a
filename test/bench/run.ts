// `npm run bench`: podwright against cdk8s-plus-28, raw cdk8s KubePod and the YAML floor, each case in its own
// process (test/bench/case.ts), variants alternated, several repetitions, medians. See docs/performance.md.
//
//   npm run bench                                  the default plan, about 15 minutes on 2 cores
//   npm run bench -- --n 1000,10000 --reps 3       a quicker run
//   npm run bench -- --json                        the same results as one JSON object
//   npm run bench -- --all                         also cdk8s at 50,000 in charts of 100 (quadratic: minutes a run)
//   npm run bench -- --budget 600                  stop starting new repetitions after about this many seconds
//   npm run bench -- --startup                     only the start-up of `podwright validate` (test/bench/startup.ts)
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CaseResult, Variant } from './case';
import { benchStartup } from './startup';
import type { Layout } from './workload';

const LAYOUTS: readonly Layout[] = ['one-chart', 'charts-of-100'];
const COMPARED: readonly Variant[] = ['podwright', 'cdk8s-plus', 'kube-pod', 'floor'];
/**
 * Above this many Pods the cdk8s variants take a minute or more: they run once (first repetition) in one chart, and
 * in charts of 100 (quadratic, several minutes) only with --all.
 */
const CDK8S_LIMIT = 10_000;
/** A case that runs longer than this is stopped and reported as such. */
const CASE_TIMEOUT_MS = 300_000;

interface Options {
  readonly ns: number[];
  readonly reps: number;
  readonly json: boolean;
  readonly all: boolean;
  readonly budgetSeconds: number;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const ns = (value('--n') ?? '1000,10000,50000').split(',').map(Number);
  if (ns.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`--n: positive integers, got ${value('--n')}`);
  const reps = Number(value('--reps') ?? 3);
  const budgetSeconds = Number(value('--budget') ?? 840);
  return { ns, reps, json: argv.includes('--json'), all: argv.includes('--all'), budgetSeconds };
}

interface Case {
  readonly variant: Variant;
  readonly n: number;
  readonly layout: Layout;
}

interface Measured extends Case {
  readonly wallMs: number;
  readonly result?: CaseResult;
  readonly failure?: string;
}

/** Runs one case in a fresh Node process; wall time is spawn to exit, as a user would time it. */
function runCase(c: Case): Promise<Measured> {
  const script = path.join(__dirname, 'case.ts');
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, c.variant, String(c.n), c.layout], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: path.resolve(__dirname, '..', '..'),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), CASE_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        // Pulumi's runtime sets a non-zero exit code for promises its mocks leave open: the result line decides.
        resolve({ ...c, wallMs, result: JSON.parse(line) as CaseResult });
      } catch {
        const why = signal === 'SIGKILL' ? `timed out after ${CASE_TIMEOUT_MS / 1000} s` : `exit ${code}`;
        resolve({ ...c, wallMs, failure: `${why}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` });
      }
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The cases of one repetition, variants rotated by `rep` so that no variant always runs first or last. */
function plan(options: Options, rep: number): { cases: Case[]; skipped: string[] } {
  const cases: Case[] = [];
  const skipped: string[] = [];
  for (const n of options.ns) {
    for (const layout of LAYOUTS) {
      const variants = COMPARED.map((_, i) => COMPARED[(i + rep) % COMPARED.length]);
      for (const variant of variants) {
        const cdk8s = variant === 'cdk8s-plus' || variant === 'kube-pod';
        if (cdk8s && n > CDK8S_LIMIT && !options.all) {
          if (layout === 'charts-of-100') {
            skipped.push(
              `skipped ${variant} at ${n} in ${layout}: quadratic in cdk8s, minutes a run; --all runs it`,
            );
            continue;
          }
          if (rep > 0) {
            skipped.push(
              `${variant} at ${n} in ${layout} ran once (first repetition) to fit the time budget`,
            );
            continue;
          }
        }
        cases.push({ variant, n, layout });
      }
    }
  }
  const largest = Math.max(...options.ns.filter((n) => n <= CDK8S_LIMIT), Math.min(...options.ns));
  cases.push({ variant: 'validation', n: Math.max(largest, 10_000), layout: 'one-chart' });
  cases.push({ variant: 'pulumi', n: 1000, layout: 'one-chart' });
  return { cases, skipped };
}

interface Row {
  readonly variant: Variant;
  readonly n: number;
  readonly layout: Layout;
  readonly reps: number;
  /** Median wall time of the whole process, seconds. */
  readonly wallS: number;
  /** Median peak RSS, MiB. */
  readonly peakMiB: number;
  /** Median in-process phase times, seconds. */
  readonly phasesS: Record<string, number>;
  /** Pods validated per second, first pass (validation only). */
  readonly podsPerS?: number;
  /** Pods validated per second, second pass over the same Pods (validation only). */
  readonly podsPerSWarm?: number;
  readonly failures: string[];
}

function summarize(measured: readonly Measured[]): Row[] {
  const groups = new Map<string, Measured[]>();
  for (const m of measured) {
    const key = `${m.variant}|${m.n}|${m.layout}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const rows: Row[] = [];
  for (const group of groups.values()) {
    const ok = group.filter((m) => m.result);
    const { variant, n, layout } = group[0];
    const phaseNames = Object.keys(ok[0]?.result?.phases ?? {});
    const phasesS = Object.fromEntries(
      phaseNames.map((p) => [p, round(median(ok.map((m) => m.result!.phases[p])) / 1000, 3)]),
    );
    rows.push({
      variant,
      n,
      layout,
      reps: ok.length,
      wallS: ok.length ? round(median(ok.map((m) => m.wallMs)) / 1000, 2) : NaN,
      peakMiB: ok.length ? round(median(ok.map((m) => m.result!.maxRssKiB)) / 1024, 0) : NaN,
      phasesS,
      podsPerS: variant === 'validation' && phasesS.validate ? Math.round(n / phasesS.validate) : undefined,
      podsPerSWarm:
        variant === 'validation' && phasesS.validateWarm ? Math.round(n / phasesS.validateWarm) : undefined,
      failures: group.filter((m) => m.failure).map((m) => m.failure!),
    });
  }
  return rows;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

type Ratios = Record<
  string,
  { vsCdk8sPlus: number | null; vsFloor: number | null; vsKubePod: number | null }
>;

function ratios(rows: readonly Row[], layout: Layout, ns: readonly number[]): Ratios {
  const wall = (variant: Variant, n: number): number | undefined => {
    const r = rows.find((x) => x.variant === variant && x.n === n && x.layout === layout && x.reps > 0);
    return r?.wallS;
  };
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined ? round(a / b, 2) : null;
  return Object.fromEntries(
    ns.map((n) => [
      String(n),
      {
        vsCdk8sPlus: ratio(wall('podwright', n), wall('cdk8s-plus', n)),
        vsFloor: ratio(wall('podwright', n), wall('floor', n)),
        vsKubePod: ratio(wall('podwright', n), wall('kube-pod', n)),
      },
    ]),
  );
}

/** podwright's wall time at the largest N over that at the next smaller one, per layout. */
function growth(rows: readonly Row[], ns: readonly number[]): Record<string, string | null> {
  const sorted = [...ns].sort((a, b) => a - b);
  if (sorted.length < 2) return {};
  const [small, large] = sorted.slice(-2);
  return Object.fromEntries(
    LAYOUTS.map((layout) => {
      const at = (n: number) =>
        rows.find((r) => r.variant === 'podwright' && r.n === n && r.layout === layout && r.reps > 0)?.wallS;
      const [a, b] = [at(small), at(large)];
      return [
        layout,
        a && b ? `${round(b / a, 2)}x for ${large / small}x the Pods (${large}/${small})` : null,
      ];
    }),
  );
}

function table(rows: readonly Row[]): string {
  const header = '| N | layout | variant | wall s | peak MiB | load / build / synth s (in process) | reps |';
  const lines = [header, '|---:|---|---|---:|---:|---|---:|'];
  for (const r of rows) {
    const phases = Object.values(r.phasesS).join(' / ');
    const rate = r.podsPerS
      ? ` (${r.podsPerS.toLocaleString('en-US')} Pods/s; second pass ${r.podsPerSWarm?.toLocaleString('en-US')})`
      : '';
    const failed = r.failures.length ? ` FAILED ${r.failures.length}: ${r.failures[0]}` : '';
    lines.push(
      `| ${r.n.toLocaleString('en-US')} | ${r.layout} | ${r.variant} | ${r.wallS} | ${r.peakMiB} | ${phases}${rate}${failed} | ${r.reps} |`,
    );
  }
  return lines.join('\n');
}

/** `--startup`: the start-up of `podwright validate` of one small file, median of `--reps` (default 9) runs. */
function startupOnly(argv: readonly string[]): void {
  const i = argv.indexOf('--reps');
  const rows = benchStartup(i >= 0 ? Number(argv[i + 1]) : 9);
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  const lines = [`podwright validate of one small file, wall s (load average ${load} at the end):`];
  for (const r of rows) {
    lines.push(
      `  ${r.name.padEnd(11)} median ${r.medianS} (CPU ${r.medianCpuS ?? '-'})  runs ${r.runsS.join(' ')}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--startup')) return startupOnly(process.argv.slice(2));
  const options = parseArgs(process.argv.slice(2));
  const log = (text: string) => process.stderr.write(`${text}\n`);
  const started = Date.now();
  const measured: Measured[] = [];
  const skipped = new Set<string>();
  let repsDone = 0;
  let lastRepMs = 0;
  for (let rep = 0; rep < options.reps; rep++) {
    const elapsed = Date.now() - started;
    if (rep > 0 && elapsed + lastRepMs > options.budgetSeconds * 1000) {
      log(
        `bench: stopping after ${rep} repetition(s): another would exceed --budget ${options.budgetSeconds} s`,
      );
      break;
    }
    const repStarted = Date.now();
    const p = plan(options, rep);
    for (const s of p.skipped) skipped.add(s);
    for (const c of p.cases) {
      const m = await runCase(c);
      log(
        `bench: rep ${rep + 1} ${c.variant} n=${c.n} ${c.layout}: ` +
          (m.result
            ? `${(m.wallMs / 1000).toFixed(2)} s, ${Math.round(m.result.maxRssKiB / 1024)} MiB`
            : m.failure),
      );
      measured.push(m);
    }
    repsDone++;
    lastRepMs = Date.now() - repStarted;
  }
  const rows = summarize(measured);
  const compared = options.ns;
  const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} at the end`;
  const notes = [
    ...skipped,
    `${repsDone} repetition(s) of ${options.reps} in ${Math.round((Date.now() - started) / 1000)} s`,
  ];
  const validationRow = rows.find((r) => r.variant === 'validation');
  const pulumiRow = rows.find((r) => r.variant === 'pulumi');
  const report = {
    machine,
    rows,
    ratios: ratios(rows, 'one-chart', compared),
    ratiosChartsOf100: ratios(rows, 'charts-of-100', compared),
    growth: growth(rows, compared),
    validationPodsPerS: validationRow?.podsPerS ?? null,
    validationPodsPerSWarm: validationRow?.podsPerSWarm ?? null,
    pulumiMocks1000S: pulumiRow?.wallS ?? null,
    notes,
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const ratioLines = [
    '| N | layout | podwright / cdk8s-plus | podwright / floor | podwright / KubePod |',
    '|---:|---|---:|---:|---:|',
  ];
  for (const [layout, r] of [
    ['one-chart', report.ratios],
    ['charts-of-100', report.ratiosChartsOf100],
  ] as const) {
    for (const [n, x] of Object.entries(r)) {
      ratioLines.push(
        `| ${Number(n).toLocaleString('en-US')} | ${layout} | ${x.vsCdk8sPlus ?? '-'} | ${x.vsFloor ?? '-'} | ${x.vsKubePod ?? '-'} |`,
      );
    }
  }
  process.stdout.write(
    [
      `machine: ${machine}`,
      '',
      table(rows),
      '',
      ratioLines.join('\n'),
      '',
      `podwright growth: ${Object.entries(report.growth)
        .map(([l, g]) => `${l} ${g ?? '-'}`)
        .join('; ')}`,
      `validation alone: ${report.validationPodsPerS?.toLocaleString('en-US') ?? '-'} Pods/s first pass, ${
        report.validationPodsPerSWarm?.toLocaleString('en-US') ?? '-'
      } Pods/s second pass`,
      `Pulumi program under mocks, 1,000 Pods: ${report.pulumiMocks1000S ?? '-'} s wall`,
      ...notes.map((n) => `note: ${n}`),
      '',
    ].join('\n'),
  );
}

void main();
