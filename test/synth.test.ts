import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp, PodwrightApp } from '../src/app';
import { PodwrightChart } from '../src/chart';
import { Pod } from '../src/pod';
import { listFiles, synthToDist } from '../src/synth';

// These tests start whole processes (npx, cdk8s-cli): a hang guard, not a speed target.
const SPAWN_TIMEOUT = 120_000;

const ROOT = path.resolve(__dirname, '..');

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-test-'));
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

function badApp(outdir: string): PodwrightApp {
  const app = new PodwrightApp({ outdir });
  const chart = new PodwrightChart(app, 'broken');
  new Pod(chart, 'UPPER', {
    containers: [{ name: 'app', image: 'busybox', ports: [{ containerPort: 70000 }] }],
  });
  return app;
}

describe('synth', () => {
  it('fails listing every problem and leaves the previous dist/ exactly as it was', () => {
    const dist = tmp();
    fs.writeFileSync(path.join(dist, 'hello-world.k8s.yaml'), 'last good output\n');
    const before = snapshot(dist);
    let stderr = '';
    const code = synthToDist({ build: badApp, dist, stdout: () => {}, stderr: (t) => (stderr += t) });
    expect(code).toBe(1);
    expect(stderr).toContain('metadata.name');
    expect(stderr).toContain('spec.containers[0].ports[0].containerPort');
    expect(stderr).toContain('left as it was');
    expect(snapshot(dist)).toEqual(before);
  });

  it('replaces dist/ with exactly the new manifests when everything is valid', () => {
    const dist = tmp();
    fs.writeFileSync(path.join(dist, 'stale.k8s.yaml'), 'from an older app\n');
    const code = synthToDist({
      build: (outdir) => buildApp({ outdir, charts: ['hello-world'] }),
      dist,
      stdout: () => {},
    });
    expect(code).toBe(0);
    expect(listFiles(dist)).toEqual(['hello-world.k8s.yaml']);
  });

  it('gives byte-identical manifests on every run', () => {
    const [a, b] = [tmp(), tmp()];
    buildApp({ outdir: a }).synth();
    buildApp({ outdir: b }).synth();
    expect(snapshot(a)).toEqual(snapshot(b));
  });

  it('the committed dist/ equals a fresh `cdk8s synth` byte for byte', { timeout: SPAWN_TIMEOUT }, () => {
    const [staging, dist] = [tmp(), tmp()];
    execFileSync('npx', ['cdk8s', 'synth', '--output', staging], {
      cwd: ROOT,
      env: { ...process.env, PODWRIGHT_DIST: dist },
      stdio: 'pipe',
    });
    expect(snapshot(dist)).toEqual(snapshot(path.join(ROOT, 'dist')));
    expect(Object.keys(snapshot(dist))).toContain('hello-world.k8s.yaml');
  });
});
