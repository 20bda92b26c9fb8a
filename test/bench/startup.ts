// `npm run bench -- --startup`: how long `podwright validate` of one small file takes from start to exit, the way a
// CI step or an editor hook runs it. The package is packed and installed into a temporary project (as a user gets
// it, the built JavaScript in lib/), then each command runs several times in a fresh process, alternated, medians.
// `clone` is the same command run in this repository (bin/podwright.js compiling src/ through its cache).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = path.join(ROOT, 'test', 'fixtures', 'seed', '10-pod.yaml');

/** One measured command: medians and every run's wall time, seconds. */
export interface StartupRow {
  readonly name: string;
  /** Median wall time, spawn to exit. */
  readonly medianS: number;
  /**
   * Median CPU time (user + system) of the process, from /usr/bin/time where it exists: on a shared machine the
   * wall time includes waiting for a core, and CPU time is what the command costs on an idle one.
   */
  readonly medianCpuS: number | null;
  readonly runsS: readonly number[];
}

const TIME = '/usr/bin/time';
const HAS_TIME = fs.existsSync(TIME);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Packs the package and installs it with its peers into a new temporary project; returns the project folder. */
export function installPackage(): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-startup-'));
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [{ filename }] = JSON.parse(json.slice(json.indexOf('[')));
  const own = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ name: 'startup', private: true }));
  const peers = ['cdk8s', 'constructs'].map((name) => `${name}@${own.devDependencies[name]}`);
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(tmp, filename), ...peers],
    { cwd: tmp, stdio: 'ignore' },
  );
  return tmp;
}

/** Wall and CPU seconds of one run of node with `args`. */
function timeOnce(args: readonly string[], cwd: string): { wall: number; cpu: number | null } {
  const command = HAS_TIME ? TIME : process.execPath;
  const all = HAS_TIME ? ['-f', 'cpu %U %S', process.execPath, ...args] : [...args];
  const started = process.hrtime.bigint();
  const r = spawnSync(command, all, { cwd, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : null };
}

/** Median wall time of `podwright validate` of the seed Pod, installed and in the clone, over `runs` runs each. */
export function benchStartup(runs: number): StartupRow[] {
  const project = installPackage();
  try {
    const commands: Record<string, { args: string[]; cwd: string }> = {
      installed: {
        args: [
          path.join(project, 'node_modules', 'podwright', 'bin', 'podwright.js'),
          'validate',
          '--profile',
          'privileged',
          SEED,
        ],
        cwd: project,
      },
      clone: {
        args: [path.join(ROOT, 'bin', 'podwright.js'), 'validate', '--profile', 'privileged', SEED],
        cwd: ROOT,
      },
      'node alone': { args: ['-e', ''], cwd: project },
    };
    // One unmeasured run each fills the clone's compile cache and the file system cache.
    for (const c of Object.values(commands)) timeOnce(c.args, c.cwd);
    const measured: Record<string, { wall: number; cpu: number | null }[]> = Object.fromEntries(
      Object.keys(commands).map((k) => [k, []]),
    );
    for (let i = 0; i < runs; i++) {
      for (const [name, c] of Object.entries(commands)) measured[name].push(timeOnce(c.args, c.cwd));
    }
    const ms = (x: number) => Math.round(x * 1000) / 1000;
    return Object.entries(measured).map(([name, values]) => {
      const cpu = values.map((v) => v.cpu).filter((v): v is number => v !== null);
      return {
        name,
        medianS: ms(median(values.map((v) => v.wall))),
        medianCpuS: cpu.length ? ms(median(cpu)) : null,
        runsS: values.map((v) => ms(v.wall)),
      };
    });
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
}
