import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run, tmpFile } from './run-cli';
import { SEED_RUN } from '../helpers';

// These tests start whole processes (npx, cdk8s-cli): a hang guard, not a speed target.
const SPAWN_TIMEOUT = 120_000;

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = path.join(ROOT, 'test', 'fixtures', 'seed', '10-pod.yaml');

const BAD_POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - {name: Web, image: nginx, ports: [{containerPort: 70000}]}
`;

describe('podwright validate', () => {
  it('exits 0 for the seed Pod under privileged, which means API-server rules only', async () => {
    const r = await run(['validate', '--profile', 'privileged', SEED]);
    expect(r).toMatchObject({ code: 0, stdout: 'ok: 1 Pod(s) valid\n' });
  });

  it('exits 1 and lists every Pod Security violation of the seed Pod under restricted', async () => {
    const r = await run(['validate', SEED]);
    expect(r.code).toBe(1);
    for (const rule of [
      'pss.allowPrivilegeEscalation',
      'pss.runAsNonRoot',
      'pss.seccompProfile_restricted',
      'pss.capabilities_restricted',
    ]) {
      expect(r.stdout).toContain(`[${rule}]`);
    }
  });

  it('prints one JSON array with file, kind, name, path, rule and message for each violation', async () => {
    const file = tmpFile('bad.yaml', BAD_POD);
    const r = await run(['validate', '--profile=privileged', '--format', 'json', file]);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file,
          kind: 'Pod',
          name: 'web',
          path: 'spec.containers[0].name',
          rule: expect.any(String),
          message: expect.any(String),
        }),
        expect.objectContaining({ path: 'spec.containers[0].ports[0].containerPort', value: 70000 }),
      ]),
    );
  });

  it('reads folders, multi-document files and stdin, and skips objects that are not Pods with a note', async () => {
    const file = tmpFile(
      'mixed.yaml',
      `${BAD_POD}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n`,
    );
    const r = await run(
      ['validate', '--profile', 'privileged', path.dirname(file), '-'],
      fs.readFileSync(SEED, 'utf8'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('skipped ConfigMap cfg (not a v1 Pod nor a kind with a Pod template)');
    expect(r.stdout).toContain('in 1 of 2 Pod(s)');
  });

  it('prints what the API server accepts with a warning as a warning, and exits 0 when there are only warnings', async () => {
    const file = tmpFile(
      'warned.yaml',
      `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - {name: web, image: nginx, ports: [{containerPort: 80}, {containerPort: 80}]}
`,
    );
    const r = await run(['validate', '--profile', 'privileged', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `warning: ${file}:6:62: Pod web spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0], got {"containerPort":80}. Declare TCP port 80 once per Pod. [warning.port.duplicate]\n` +
        'ok: 1 Pod(s) valid, 1 warning(s)\n',
    );
    const json = await run(['validate', '--profile', 'privileged', '--format', 'json', file]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ path: 'spec.containers[0].ports[1]', severity: 'warning' }),
    ]);
  });

  it('exits 1 when errors come with warnings, and marks each row with its severity', async () => {
    const file = tmpFile(
      'both.yaml',
      `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - {name: Web, image: nginx, ports: [{containerPort: 80}, {containerPort: 80}]}
`,
    );
    const r = await run(['validate', '--profile', 'privileged', '--format', 'json', file]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((row: { severity: string }) => row.severity)).toEqual([
      'error',
      'warning',
    ]);
    const text = await run(['validate', '--profile', 'privileged', file]);
    expect(text.stdout).toContain('1 violation(s) in 1 of 1 Pod(s), 1 warning(s)');
  });

  it('validates workloads and counts them in the summary', async () => {
    const file = tmpFile(
      'workloads.yaml',
      [
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n',
        '  template:\n    metadata: {labels: {app: api}}\n    spec: {containers: [{name: web, image: nginx}]}\n---\n',
        'apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  template:\n',
        '    spec: {restartPolicy: Never, containers: [{name: pi, image: perl}]}\n',
      ].join(''),
    );
    const r = await run(['validate', '--profile', 'privileged', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'Deployment web spec.template.metadata.labels: `selector` does not match template `labels`',
    );
    expect(r.stdout).toContain('1 violation(s) in 1 of 0 Pod(s) and 2 workload(s)');
    expect(r.stderr).not.toContain('skipped');
  });

  it('exits 2 with a clear message for a missing file', async () => {
    const r = await run(['validate', '/nonexistent/pod.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/nonexistent/pod.yaml: no such file or folder');
  });

  it('exits 2 for YAML it cannot parse, naming the file', async () => {
    const file = tmpFile('broken.yaml', 'kind: Pod\n  metadata: [\n');
    const r = await run(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: not valid YAML or JSON`);
  });

  it('checks a Pod by the rules of the --kube-version it is given (default 1.28)', async () => {
    const file = tmpFile(
      'env.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - {name: web, image: nginx, env: [{name: 1ST, value: x}]}\n',
    );
    const v128 = await run(['validate', '--profile', 'privileged', file]);
    expect(v128.code).toBe(1);
    expect(v128.stdout).toContain('[env.name.format]');
    const v133 = await run(['validate', '--profile', 'privileged', '--kube-version', '1.33', file]);
    expect(v133).toMatchObject({ code: 0, stdout: 'ok: 1 Pod(s) valid\n' });
    expect((await run(['validate', '--profile', 'privileged', '--kube-version=v1.33.3', file])).code).toBe(0);
  });

  it('exits 2 for an unsupported --kube-version, listing the supported ones', async () => {
    const r = await run(['validate', '--kube-version', '1.30', SEED]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unsupported Kubernetes version '1.30'; supported: 1.28, 1.33");
  });

  it('exits 2 for an unknown profile or option, with the usage', async () => {
    expect((await run(['validate', '--profile', 'strict', SEED])).code).toBe(2);
    const r = await run(['validate', '--frmat', 'json', SEED]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --frmat');
  });

  it('works as `npx podwright validate` right after npm ci', { timeout: SPAWN_TIMEOUT }, () => {
    const out = execFileSync('npx', ['podwright', 'validate', '--profile', 'privileged', SEED], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toBe('ok: 1 Pod(s) valid\n');
    const failing = spawnSync('npx', ['podwright', 'validate', SEED], { cwd: ROOT, encoding: 'utf8' });
    expect(failing.status).toBe(1);
  });
});

describe('podwright from-run', () => {
  it('prints the seed command as the Pod kubectl would create', async () => {
    const r = await run(['from-run', '--', ...SEED_RUN]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('restartPolicy: Never');
    expect(r.stdout).toContain('run: busybox');
  });

  it('exits 2 for a flag that needs a cluster', async () => {
    const r = await run(['from-run', '--', 'kubectl', 'run', 'x', '--image=busybox', '--rm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--rm');
  });

  it(
    'works through the installed command, seed command first: from-run, then import of its output',
    { timeout: SPAWN_TIMEOUT },
    () => {
      const yaml = execFileSync('npx', ['podwright', 'from-run', '--', ...SEED_RUN], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(yaml).toContain('name: busybox');
      const ts = execFileSync('npx', ['podwright', 'import', '-'], {
        cwd: ROOT,
        encoding: 'utf8',
        input: yaml,
      });
      expect(ts).toContain("new Pod(chart, 'busybox'");
    },
  );
});
