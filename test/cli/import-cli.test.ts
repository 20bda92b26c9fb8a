// `podwright import` on the command line: the code it prints builds a PodwrightApp for the chosen profile and
// Kubernetes version, so running it validates; what that run will refuse, import says on standard error.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { runCli as run } from './run-cli';
import { importManifests } from '../../src/cli/import';
import { showRef } from '../../src/errors';
import { expectListed, listedAs } from './import-helpers';

const ROOT = path.join(__dirname, '..', '..');
const SEED = path.join(ROOT, 'test', 'fixtures', 'seed', '10-pod.yaml');
// Outside node_modules, so `from 'podwright'` resolves as in the project (see import.test.ts); a folder of its own,
// since test files run in parallel and each removes its folder at the end.
const TMP = path.join(ROOT, 'lib', '.podwright-import-cli-test');

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

/**
 * A Pod that sets everything Pod Security 'restricted' asks for, so the defaults of the profile change nothing it
 * is refused for, but shares the host network, adds a capability, and misspells imagePullPolicy.
 */
const BREACH = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    hostNetwork: true,
    securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [
      {
        name: 'web',
        image: 'nginx:1.27',
        imagePulPolicy: 'Always',
        securityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'], add: ['NET_ADMIN'] },
        },
        resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { cpu: '200m', memory: '64Mi' } },
      },
    ],
  },
};

/** What `podwright validate --format json` reports for `manifest` with `flags`. */
async function validateRows(manifest: object, flags: string[]) {
  const result = await run(['validate', ...flags, '--format', 'json', '-'], YAML.stringify(manifest));
  expect(result.code).toBe(1);
  return JSON.parse(result.stdout) as {
    file: string;
    line: number;
    column: number;
    kind: string;
    namespace: string | null;
    name: string;
    path: string;
    rule: string;
    message: string;
  }[];
}

describe('podwright import', () => {
  it('prints the code with nothing on standard error for a manifest the API server accepts', async () => {
    const result = await run(['import', SEED]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain("const app = new PodwrightApp({ kubeVersion: '1.28' });");
    expect(result.stdout).toContain("new PodwrightChart(app, 'imported', { profile: 'privileged' })");
  });

  it('writes --profile and --kube-version into the generated chart and app, for the cluster imported from', async () => {
    const result = await run(['import', '--profile', 'baseline', '--kube-version=v1.33.3', SEED]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("const app = new PodwrightApp({ kubeVersion: '1.33' });");
    expect(result.stdout).toContain("new PodwrightChart(app, 'imported', { profile: 'baseline' })");
    expect(result.stdout).toContain("Pod Security 'baseline'");
  });

  it.each([[['--kube-version', '1.27']], [['--kube-version']], [['--profile', 'strict']]])(
    'fails with exit code 2 and the message validate gives for %j',
    async (flags) => {
      const imported = await run(['import', ...flags, SEED]);
      const validated = await run(['validate', ...flags, SEED]);
      expect(imported.code).toBe(2);
      expect(validated.code).toBe(2);
      expect(imported.stderr.split('\n')[0]).toMatch(/^podwright: --(kube-version|profile)/);
      expect(imported.stderr.split('\n')[0]).toBe(validated.stderr.split('\n')[0]);
    },
  );

  it('still prints the code of a manifest with violations, listing on standard error the paths validate gives', async () => {
    const flags = ['--profile', 'restricted', '--kube-version', '1.33'];
    const rows = await validateRows(BREACH, flags);
    expect(rows.map((r) => `${r.path} ${r.rule}`).sort()).toEqual([
      'spec.containers[0].imagePulPolicy schema.unknownField',
      'spec.containers[0].securityContext.capabilities.add[0] pss.capabilities_restricted',
      'spec.hostNetwork pss.hostNamespaces',
    ]);
    const result = await run(['import', ...flags, '-'], YAML.stringify(BREACH));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("new Pod(chart, 'web', {");
    expect(result.stderr).toMatch(
      /^podwright import: the generated code refuses to synthesize until 3 problem/,
    );
    expectListed(
      result.stderr,
      rows.map((r) => `${showRef({ ...r, namespace: r.namespace ?? undefined })} ${r.path}: ${r.message}`),
    );
  });

  it('leaves out the input line when another object has the same kind, namespace and name', async () => {
    const valid = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [] } };
    const twin = { ...valid, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
    const text = [valid, twin].map((m) => YAML.stringify(m)).join('---\n');
    const result = await run(['import', '-'], text);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('\n  - Pod web spec.containers: Required value');
  });

  it(
    'gives code whose synth, run with tsx, refuses the object naming each field path validate gives',
    { timeout: 120_000 },
    async () => {
      const flags = ['--profile', 'restricted', '--kube-version', '1.33'];
      const rows = await validateRows(BREACH, flags);
      const { code, violations } = await importManifests([BREACH], {
        profile: 'restricted',
        kubeVersion: '1.33',
      });
      fs.mkdirSync(TMP, { recursive: true });
      const file = path.join(TMP, 'breach.ts');
      fs.writeFileSync(file, code);
      const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [file], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('PodwrightError: 3 problem(s) found, nothing synthesized');
      expectListed(
        result.stderr,
        rows.map((r) => `${showRef({ ...r, namespace: r.namespace ?? undefined })} ${r.path}: ${r.message}`),
      );
      // What import said the run would report, it reports, word for word after where each was found.
      expectListed(result.stderr, violations.map(listedAs));
    },
  );

  it('says how many warnings the generated code synthesizes with, when it has no error', async () => {
    const sidecar = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'logs' },
      spec: {
        initContainers: [{ name: 'tail', image: 'busybox', restartPolicy: 'Always' }],
        containers: [{ name: 'app', image: 'busybox' }],
      },
    };
    const result = await run(['import', '-'], YAML.stringify(sidecar));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^podwright import: the generated code synthesizes with 1 warning\(s\)/);
    expect(result.stderr).toContain('spec.initContainers[0].restartPolicy: is dropped by a Kubernetes 1.28');
    const at133 = await run(['import', '--kube-version', '1.33', '-'], YAML.stringify(sidecar));
    expect(at133.stderr).toBe('');
  });
});
