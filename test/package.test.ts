// What a new user does with the published package: `npm pack`, then in an empty folder install the tarball next to
// cdk8s, constructs and typescript, write a TypeScript file that imports podwright, compile it with tsc, run it with
// plain node, and run `npx podwright validate`. One install, shared by every test below.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const OWN = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/** The versions this repository tests with, so the install can come from npm's cache. */
const PEERS = ['cdk8s', 'constructs', 'typescript'].map((name) => `${name}@${OWN.devDependencies[name]}`);
/** `npm pack` builds (prepack: tsc) and the install may reach the registry: minutes on a busy 2-core machine. */
const SETUP_TIMEOUT_MS = 600_000;
/** tsc over cdk8s's declarations alone takes tens of seconds when the machine is busy. */
const TEST_TIMEOUT_MS = 180_000;

const USER_PROGRAM = `import { Pod, PodwrightApp, PodwrightChart } from 'podwright';

const app = new PodwrightApp();
const chart = new PodwrightChart(app, 'demo');
new Pod(chart, 'web', { containers: [{ name: 'web', image: 'nginx:1.27' }] });
console.log(app.synthYaml());
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'node16',
    strict: true,
    outDir: 'out',
    types: [], // no @types/node: podwright's declarations need none
  },
  include: ['main.ts'],
};

const BAD_POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - {name: Web, image: nginx}
`;

let tmp = '';
let project = '';
/** The installed command as npm links it; npx itself takes seconds to start, so only one test goes through it. */
let BIN = '';
let packed: { filename: string; files: { path: string }[] };

function run(command: string, args: string[], input = '') {
  return spawnSync(command, args, { cwd: project, encoding: 'utf8', input });
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-package-'));
  project = path.join(tmp, 'project');
  fs.mkdirSync(project);
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  // prepack's own output (tsc) comes before the JSON array on stdout.
  [packed] = JSON.parse(json.slice(json.indexOf('[')));
  fs.writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'user-project', private: true }),
  );
  const install = run('npm', [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    path.join(tmp, packed.filename),
    ...PEERS,
  ]);
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  BIN = path.join(project, 'node_modules', '.bin', 'podwright');
  fs.writeFileSync(path.join(project, 'main.ts'), USER_PROGRAM);
  fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  fs.writeFileSync(path.join(project, 'bad-pod.yaml'), BAD_POD);
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the npm package', { timeout: TEST_TIMEOUT_MS }, () => {
  it('holds the built JavaScript, its types and the command, and no sources or tests', () => {
    const files = packed.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'bin/podwright.js', 'lib/index.js', 'lib/index.d.ts']),
    );
    expect(files.filter((f) => /^(src|test)\/|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('installs without tsx, Pulumi or prettier, which the constructs and validate do not need', () => {
    for (const name of ['tsx', '@pulumi/pulumi', 'prettier']) {
      expect(fs.existsSync(path.join(project, 'node_modules', name)), name).toBe(false);
    }
  });

  it('type-checks a program that imports Pod and PodwrightChart with tsc, and runs it with plain node', () => {
    const tsc = run(process.execPath, [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc')]);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    const node = run(process.execPath, ['out/main.js']);
    expect(node.stderr).toBe('');
    expect(node.stdout).toContain('kind: Pod');
    expect(node.stdout).toContain('name: web');
    expect(node.stdout).toContain('runAsNonRoot: true');
  });

  it('runs `npx podwright validate` from the installed package', () => {
    const ok = run('npx', [
      '--no-install',
      'podwright',
      'validate',
      '--profile',
      'privileged',
      'bad-pod.yaml',
    ]);
    expect(ok.stdout).toContain('spec.containers[0].name');
    expect(ok.status).toBe(1);
    const help = run(BIN, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('podwright validate');
  });

  it('loads the cdk8s plugin and the Pulumi policies without cdk8s-cli or @pulumi/policy installed', () => {
    const script =
      "const p = require('podwright'); const { podwrightPolicies } = require('podwright/pulumi-policy');" +
      'console.log(typeof p.PodwrightValidation, podwrightPolicies().map((x) => x.name).join(","))';
    const r = run(process.execPath, ['-e', script]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('function podwright-pods,podwright-workloads');
  });

  it('fails `podwright import` with a clear message when prettier is not installed', () => {
    const r = run(BIN, ['import', '-'], BAD_POD.replace('Web', 'web'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('npm install --save-dev prettier');
  });
});
