// The cdk8s validation plugin run for real: a plain cdk8s project (no PodwrightApp) lists podwright in its cdk8s.yaml
// `validations:` and this repository's cdk8s-cli runs `cdk8s synth --validate`, which loads the plugin, synthesizes
// the app with construct metadata and prints its report. The plugin is podwright built as the package is
// (tsconfig.build.json) into the project's node_modules/podwright, so this works from a fresh clone.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const CDK8S = path.join(ROOT, 'node_modules', '.bin', 'cdk8s');
/** tsc over the whole package takes about 40 s on a busy 2-core machine: a hang guard, not a speed target. */
const BUILD_TIMEOUT = 600_000;
/** Each run starts cdk8s-cli, which starts the app: a hang guard, not a speed target. */
const SPAWN_TIMEOUT = 120_000;

// A user's cdk8s app in plain JavaScript: a valid raw Pod always, and with BAD=1 a raw Pod with an invalid container
// name and a cdk8s-plus-28 Deployment whose defaults fail Pod Security restricted.
const APP = `const { App, Chart } = require('cdk8s');
const kplus = require('cdk8s-plus-28');

const secure = (name) => ({
  securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [
    {
      name,
      image: 'nginx:1.27',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    },
  ],
});
const app = new App();
const chart = new Chart(app, 'web');
new kplus.k8s.KubePod(chart, 'good', { metadata: { name: 'good' }, spec: secure('web') });
if (process.env.BAD === '1') {
  new kplus.k8s.KubePod(chart, 'bad', { metadata: { name: 'bad' }, spec: secure('Web') });
  new kplus.Deployment(chart, 'plus', { containers: [{ image: 'nginx:1.27' }] });
}
app.synth();
`;

/** cdk8s.yaml with the plugin by local path, as the README shows it. */
const CONFIG = `app: node app.js
output: dist
validations:
  - package: ./node_modules/podwright
    version: 0.1.0
    class: PodwrightValidation
    properties: { profile: restricted }
`;

let project = '';

beforeAll(() => {
  project = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-cdk8s-plugin-')), 'project');
  const plugin = path.join(project, 'node_modules', 'podwright');
  fs.mkdirSync(plugin, { recursive: true });
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--outDir', path.join(plugin, 'lib')],
    { cwd: ROOT, encoding: 'utf8', timeout: BUILD_TIMEOUT },
  );
  if (build.status !== 0) throw new Error(`tsc failed:\n${build.stdout}${build.stderr}`);
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(plugin, 'package.json'));
  fs.writeFileSync(path.join(project, 'app.js'), APP);
  fs.writeFileSync(path.join(project, 'cdk8s.yaml'), CONFIG);
}, BUILD_TIMEOUT);

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** cdk8s-cli's JSON form of the same report (`--validation-reports-output-file`). */
  readonly reports: any[];
}

/** `cdk8s synth --validate` in the project, offline: no upgrade check; the app and the plugin's own dependencies
 * (cdk8s, constructs, cdk8s-plus-28, yaml) resolve from this repository's node_modules instead of an install. */
function synthValidate(env: Record<string, string>, ...args: string[]): Run {
  // cdk8s-cli asks the app for construct metadata only when this is unset.
  const { CDK8S_RECORD_CONSTRUCT_METADATA: _, ...inherited } = process.env;
  const reportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-report-')), 'reports.json');
  const run = spawnSync(
    CDK8S,
    ['synth', '--validate', '--no-check-upgrade', '--validation-reports-output-file', reportFile, ...args],
    {
      cwd: project,
      encoding: 'utf8',
      timeout: SPAWN_TIMEOUT,
      env: { ...inherited, NODE_PATH: path.join(ROOT, 'node_modules'), ...env },
    },
  );
  const reports = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')).reports : [];
  return { status: run.status, stdout: stripVTControlCharacters(run.stdout), stderr: run.stderr, reports };
}

/** The part of the printed report about `rule`: from its heading to its "How to fix" line. */
function section(stdout: string, rule: string): string {
  const start = stdout.indexOf(`${rule} (`);
  expect(start, `the report has no section for ${rule}:\n${stdout}`).toBeGreaterThanOrEqual(0);
  return stdout.slice(start, stdout.indexOf('How to fix:', start));
}

describe('cdk8s synth --validate with podwright in cdk8s.yaml', () => {
  it(
    'fails with exit 2 and prints each violation with its rule, field path and construct path, leaving the valid Pod out',
    { timeout: SPAWN_TIMEOUT },
    () => {
      const run = synthValidate({ BAD: '1' });
      expect(run.status, run.stdout + run.stderr).toBe(2);
      expect(run.stderr).toContain('Validation failed');
      expect(run.stdout).toContain(
        `Validation Report (${path.join(project, 'node_modules', 'podwright')}@0.1.0)`,
      );
      expect(run.stdout).toMatch(/Status\s*│ failure/);
      expect(run.stdout).toMatch(/profile\s*│ restricted/);

      const name = section(run.stdout, 'container.name.dns1123Label');
      expect(name).toContain('- Construct Path: web/bad');
      expect(name).toContain('- Resource Name: bad');
      expect(name).toContain('> spec.containers[0].name');
      const capabilities = section(run.stdout, 'pss.capabilities_restricted');
      expect(capabilities).toContain('- Construct Path: web/plus/Resource');
      expect(capabilities).toContain('> spec.template.spec.containers[0].securityContext.capabilities.drop');

      const constructs = run.reports[0].violations.flatMap((v: any) => v.violatingConstructs);
      expect(new Set(constructs.map((c: any) => c.constructPath))).toEqual(
        new Set(['web/bad', 'web/plus/Resource']),
      );
      expect(run.stdout).not.toContain('web/good');
    },
  );

  it('passes with exit 0 when every Pod is valid', { timeout: SPAWN_TIMEOUT }, () => {
    const run = synthValidate({});
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Status\s*│ success/);
    expect(run.stdout).toContain('Validations ended succesfully'); // cdk8s-cli's spelling
    expect(run.reports[0].violations).toEqual([]);
  });

  it(
    'loads the plugin by package name from a plugins directory that already holds it, without npm install',
    { timeout: SPAWN_TIMEOUT },
    () => {
      // cdk8s-cli looks for <plugins-dir>/<package>/<version>/node_modules/<package> and runs `npm install` only when it
      // is missing; the built package placed there stands for what that install leaves.
      const plugins = fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-plugins-'));
      const installed = path.join(plugins, 'podwright', '0.1.0', 'node_modules', 'podwright');
      fs.mkdirSync(path.dirname(installed), { recursive: true });
      fs.symlinkSync(path.join(project, 'node_modules', 'podwright'), installed, 'dir');
      const config = path.join(project, 'cdk8s.yaml');
      const byPath = fs.readFileSync(config, 'utf8');
      try {
        fs.writeFileSync(config, byPath.replace('./node_modules/podwright', 'podwright'));
        const run = synthValidate({ BAD: '1' }, '--plugins-dir', plugins);
        expect(run.stdout).not.toContain('Installing validation plugin');
        expect(run.status, run.stdout + run.stderr).toBe(2);
        expect(run.stdout).toContain('Validation Report (podwright@0.1.0)');
        expect(section(run.stdout, 'container.name.dns1123Label')).toContain('- Construct Path: web/bad');
      } finally {
        fs.writeFileSync(config, byPath);
      }
    },
  );
});
