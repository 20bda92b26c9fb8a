// cdk8s-plus-33's generated module is loaded only by what renders with it: never by `podwright validate`, whose
// start-up is measured (docs/performance.md), and only on first use by the constructs.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..');

/** The modules a command of bin/podwright.js loaded, from a preload that lists require's cache at exit. */
function modulesLoadedBy(args: readonly string[]): { status: number | null; modules: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-loaded-'));
  try {
    const preload = path.join(dir, 'list.cjs');
    const out = path.join(dir, 'loaded.json');
    fs.writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const r = spawnSync(
      process.execPath,
      ['--require', preload, path.join(ROOT, 'bin', 'podwright.js'), ...args],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    return { status: r.status, modules: JSON.parse(fs.readFileSync(out, 'utf8')) as string[] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('cdk8s-plus-33', () => {
  it('is not loaded by podwright validate, even of a chart that uses 1.33 fields', () => {
    const { status, modules } = modulesLoadedBy([
      'validate',
      '--kube-version',
      '1.33',
      path.join(ROOT, 'dist', 'hardened-web.k8s.yaml'),
    ]);
    expect(status).toBe(0);
    // The listing sees what validate does load (its YAML reader), so an empty match below means something.
    expect(modules.some((m) => m.includes(`${path.sep}node_modules${path.sep}yaml${path.sep}`))).toBe(true);
    expect(modules.filter((m) => m.includes('cdk8s-plus-33'))).toEqual([]);
  });
});
