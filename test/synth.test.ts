import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
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

/** A user's app in TypeScript, run as `npm run synth` runs src/main.ts: through tsx, publishing with synthToDist. */
function userApp(dist: string): string {
  const src = (file: string) => JSON.stringify(path.join(ROOT, 'src', file));
  return `import { PodwrightApp } from ${src('app')};
import { PodwrightChart } from ${src('chart')};
import { Pod } from ${src('pod')};
import { synthToDist } from ${src('synth')};

/** Type-only lines, which tsx strips: a line of the JavaScript it runs would not be the TypeScript line. */
interface Web {
  readonly name: string;
}
const web: Web = { name: 'Web' };

process.exitCode = synthToDist({
  build: (outdir: string) => {
    const app = new PodwrightApp({ outdir });
    const chart = new PodwrightChart(app, 'web', { profile: 'privileged' });
    new Pod(chart, 'web', { containers: [{ name: web.name, image: 'nginx:1.27' }] });
    return app;
  },
  dist: ${JSON.stringify(dist)},
});
`;
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

  it(
    'names the TypeScript file and line of `new Pod(` when a user app run through tsx fails',
    { timeout: SPAWN_TIMEOUT },
    () => {
      const project = tmp();
      const text = userApp(path.join(project, 'dist'));
      fs.writeFileSync(path.join(project, 'app.ts'), text);
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes('new Pod(')) + 1;
      const column = lines[line - 1].indexOf('new Pod(') + 1;
      const tsx = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
      const run = spawnSync(process.execPath, ['--import', tsx, 'app.ts'], {
        cwd: project,
        encoding: 'utf8',
        timeout: SPAWN_TIMEOUT,
      });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain(`  - app.ts:${line}:${column}: Pod web spec.containers[0].name: `);
    },
  );

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
