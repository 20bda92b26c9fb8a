// kubectl as the judge of how YAML is read: the plain scalars of a manifest, read by podwright's parser
// (src/cli/kubectl-yaml.ts, go-yaml v2's YAML 1.1 rules), must give exactly the JSON kubectl sends for the same file.
// `kubectl create --dry-run=client -o json` prints that JSON; it needs an API server only to map the kind, so one
// server of the suite is enough. Without kubectl on PATH these tests are skipped.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { resolvePlain } from '../../src/cli/kubectl-yaml';
import { InputError, parseManifests } from '../../src/cli/manifests';
import type { ServerInfo } from '../support/apiserver';
import { Rng } from '../support/fuzz';
import { eachServer } from '../support/servers';

const KUBECTL = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

/** Plain scalars worth asking about: the edges of go-yaml's rules, then seeded random strings of their characters. */
function scalars(count: number): string[] {
  const edges = [
    ...[
      'y',
      'Y',
      'yes',
      'YES',
      'yEs',
      'n',
      'No',
      'on',
      'On',
      'oN',
      'off',
      'OFF',
      'true',
      'tRUE',
      'False',
      'null',
    ],
    ...[
      'Null',
      'NULL',
      'nULL',
      '~',
      '0',
      '-0',
      '+0',
      '00',
      '0755',
      '08',
      '09.5',
      '0o17',
      '0O17',
      '0x1F',
      '0X1f',
    ],
    ...[
      '0x',
      '0b',
      '0b101',
      '-0b101',
      '+0b1',
      '1_000',
      '1__0',
      '1_',
      '_1',
      '0x_1F',
      '1.5',
      '.5',
      '1.',
      '.',
      '+.5',
    ],
    ...[
      '-.5',
      '1e3',
      '1E3',
      '1.5e+3',
      '1e',
      'e3',
      '1e400',
      '1e-400',
      '.5e400',
      '1:20',
      '1:20:30',
      '190:20:30.15',
    ],
    ...[
      '2024-01-01',
      '2024-1-1',
      '2001-12-14T21:59:43.10-05:00',
      '0.0.1',
      '1.2.3',
      'v1',
      '=',
      '9223372036854775807',
    ],
    ...['9223372036854775808', '-9223372036854775808', '-9223372036854775809', '18446744073709551615'],
    ...[
      '18446744073709551616',
      '0x8000000000000000',
      '0xFFFFFFFFFFFFFFFF1',
      'nan',
      'inf',
      '.nan.',
      '+',
      '-1-',
    ],
  ];
  const alphabet = '0123456789+-._xobeEyYnNoOfFtT:~';
  const rng = new Rng(11);
  const random: string[] = [];
  while (random.length < count) {
    const length = 1 + rng.int(6);
    let s = '';
    for (let i = 0; i < length; i++) s += rng.pick([...alphabet]);
    random.push(s);
  }
  // Only what stays one plain scalar in a block sequence entry, and not a non-finite float (tested apart).
  return [...new Set([...edges, ...random])].filter((s) => {
    const node = YAML.parseDocument(`- ${s}\n`).contents;
    const item = YAML.isSeq(node) && node.items.length === 1 ? node.items[0] : undefined;
    if (!YAML.isScalar(item) || item.type !== 'PLAIN' || item.source !== s) return false;
    const v = resolvePlain(s);
    return typeof v !== 'number' || Number.isFinite(v);
  });
}

function podYaml(args: readonly string[], keys: readonly string[]): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: scalars',
    '  annotations:',
    ...keys.map((k, i) => `    ${k}: v${i}`),
    'spec:',
    '  containers:',
    '  - name: c',
    '    image: busybox',
    '    args:',
    ...args.map((a) => `    - ${a}`),
    '',
  ].join('\n');
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-kubectl-yaml-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What kubectl sends for `text`: its JSON, or its error. */
function kubectlSends(server: ServerInfo, text: string, name: string): { json?: any; error?: string } {
  const file = path.join(tmp, `${name}.yaml`);
  fs.writeFileSync(file, text);
  const r = spawnSync(
    'kubectl',
    [
      `--server=${server.url}`,
      `--token=${server.token}`,
      '--insecure-skip-tls-verify',
      'create',
      '--dry-run=client',
      '--validate=false',
      '-o',
      'json',
      '-f',
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  return r.status === 0 ? { json: JSON.parse(r.stdout) } : { error: `${r.stderr}${r.error ?? ''}` };
}

const servers = eachServer();
const first = servers.slice(0, 1);

describe.skipIf(!KUBECTL).each(first)(
  'kubectl on PATH (discovery through kube-apiserver %s)',
  (_v, server) => {
    it('sends every plain scalar of a list exactly as podwright reads it: the edges and 400 seeded random ones', () => {
      const args = scalars(400);
      expect(args.length).toBeGreaterThan(300);
      const text = podYaml(args, []);
      const sent = kubectlSends(server, text, 'args');
      expect(sent.error).toBeUndefined();
      const ours = parseManifests(text, 'args.yaml')[0].manifest as any;
      const theirs: unknown[] = sent.json.spec.containers[0].args;
      const differ = args
        .map((a, i) => [a, ours.spec.containers[0].args[i], theirs[i]] as const)
        .filter(([, o, t]) => JSON.stringify(o) !== JSON.stringify(t));
      expect(differ).toEqual([]);
    });

    it('turns keys that read as booleans or numbers into the same JSON keys kubectl does', () => {
      const keys = [
        'on',
        'y',
        'No',
        '0755',
        '0x1F',
        '1.5',
        '1e3',
        '1:20',
        '2024-01-01',
        '1_0',
        '"~"',
        "'null'",
      ];
      const text = podYaml(['x'], keys);
      const sent = kubectlSends(server, text, 'keys');
      expect(sent.error).toBeUndefined();
      const ours = (parseManifests(text, 'keys.yaml')[0].manifest as any).metadata.annotations;
      expect(ours).toEqual(sent.json.metadata.annotations);
    });

    it.each(['.inf', '-.Inf', '.NaN'])('refuses the whole file for %s, as kubectl does', (scalar) => {
      const text = podYaml([scalar], []);
      expect(kubectlSends(server, text, 'nonfinite').error).toMatch(/unsupported value/);
      expect(() => parseManifests(text, 'nonfinite.yaml')).toThrow(InputError);
    });

    it.each(['~', 'null', 'NULL'])(
      'refuses the whole file for a key %s, which reads as null, as kubectl does',
      (key) => {
        const text = podYaml(['x'], [key]);
        expect(kubectlSends(server, text, 'nullkey').error).toMatch(/Unsupported map key/);
        expect(() => parseManifests(text, 'nullkey.yaml')).toThrow(
          /nullkey\.yaml:6:5: kubectl cannot send this file/,
        );
      },
    );
  },
);
