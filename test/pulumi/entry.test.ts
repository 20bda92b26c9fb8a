import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

// Pulumi runs Pulumi.yaml's `main` with plain node (`typescript: false`); this runs that very file the same way,
// under Pulumi's mocks, in a child process where nothing of vitest's module loading helps it.
const SCRIPT = `
const pulumi = require('@pulumi/pulumi');
const types = [];
pulumi.runtime.setMocks({
  newResource: (a) => { types.push(a.type + ' ' + a.name); return { id: a.name, state: a.inputs }; },
  call: (a) => a.inputs,
}, 'podwright', 'dev', false);
const program = require('./src/pulumi/index.js');
program.podNames.apply((names) => { console.log(JSON.stringify({ names, types: types.sort() })); });
`;

describe('the Pulumi entry point', () => {
  it('loads the TypeScript program with plain node and registers the hello-world Pod', () => {
    const out = execFileSync(process.execPath, ['-e', SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop() as string)).toEqual({
      names: ['busybox'],
      types: ['kubernetes:core/v1:Pod hello-world-busybox', 'podwright:index:Stack podwright'],
    });
  });

  it('deploys the charts the stack config names, on the context and namespace it names', () => {
    const config = {
      'podwright:charts': JSON.stringify(['hello-world', 'qos-classes']),
      'podwright:context': 'kind-dev',
      'podwright:namespace': 'demo',
    };
    const out = execFileSync(process.execPath, ['-e', SCRIPT], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PULUMI_CONFIG: JSON.stringify(config) },
    });
    const { names, types } = JSON.parse(out.trim().split('\n').pop() as string);
    expect(names).toEqual(['busybox', 'qos-guaranteed', 'qos-burstable', 'qos-besteffort']);
    expect(types).toContain('pulumi:providers:kubernetes podwright-provider');
  });
});
