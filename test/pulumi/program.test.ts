import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { installMocks, valueOf, type Registered } from './mocks';

const registered: Registered[] = installMocks();
let program: typeof import('../../src/pulumi/program');

beforeAll(async () => {
  program = await import('../../src/pulumi/program');
  await valueOf(program.podNames);
});

function distObjects(chart: string): any[] {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', 'dist', `${chart}.k8s.yaml`), 'utf8');
  return YAML.parseAllDocuments(text).map((d) => d.toJS());
}

describe('the Pulumi program', () => {
  it('registers resources at all (a forgotten setMocks would register none and pass silently)', () => {
    expect(registered.length).toBeGreaterThan(0);
  });

  it('registers the busybox Pod as kubernetes:core/v1:Pod with exactly the object in dist/', () => {
    const pods = registered.filter((r) => r.type === 'kubernetes:core/v1:Pod');
    // Registration order under mocks is not deterministic: compare by name.
    const byName = (a: any, b: any) => a.metadata.name.localeCompare(b.metadata.name);
    expect(pods.map((p) => p.inputs).sort(byName)).toEqual(distObjects('hello-world').sort(byName));
  });

  it('groups every object under one podwright component', () => {
    expect(registered.filter((r) => r.type === 'podwright:index:Stack').map((r) => r.name)).toEqual([
      'podwright',
    ]);
  });

  it('deploys only the hello-world chart when the stack config names none', () => {
    expect(registered.filter((r) => r.type.startsWith('kubernetes:')).map((r) => r.name)).toEqual([
      'hello-world-busybox',
    ]);
  });

  it('exports the Pod names and the namespace', async () => {
    expect(await valueOf(program.podNames)).toEqual(['busybox']);
    expect(await valueOf(program.namespace)).toBe('default');
  });
});
