import * as fs from 'node:fs';
import * as path from 'node:path';
import { Yaml } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { stringifyManifests } from '../src/yaml';
import { plainPod } from './bench/workload';

const ROOT = path.resolve(__dirname, '..');

function yamlFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** Every document of every fixture and of dist/, as cdk8s reads them (YAML 1.1). */
function corpus(): unknown[] {
  const docs: unknown[] = [];
  for (const file of [
    ...yamlFiles(path.join(ROOT, 'test', 'fixtures')),
    ...yamlFiles(path.join(ROOT, 'dist')),
  ]) {
    for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'), { version: '1.1' })) {
      if (doc.errors.length > 0) continue;
      const value = doc.toJS();
      if (value !== null && value !== undefined) docs.push(value);
    }
  }
  return docs;
}

/** Reads a stream back the way cdk8s does (YAML 1.1). */
function readBack(text: string): unknown[] {
  return YAML.parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJS());
}

const TRICKY = [
  ...[
    'yes',
    'no',
    'on',
    'off',
    'y',
    'n',
    'Y',
    'NO',
    'True',
    '~',
    'null',
    'Null',
    '',
    '.',
    'e0',
    '.e1',
    '-.5',
  ],
  ...[
    '0b101',
    '0o17',
    '012',
    '0x1F',
    '1_000',
    '.inf',
    '-.nan',
    '1e3',
    '1:20',
    '2001-12-14',
    '08',
    '+1',
    '-1',
  ],
  ...[
    '  lead',
    'trail ',
    'a: b',
    '#x',
    'a #b',
    '- x',
    '-',
    '?',
    '*ref',
    '&a',
    '!tag',
    '%x',
    '@x',
    '`x',
    '=',
    '<<',
  ],
  ...[
    '"q"',
    "'q'",
    'both "and" \'',
    '{a}',
    '[a]',
    'a,b',
    'multi\nline',
    'multi\nline\n',
    'tab\there',
    'ünï 😀',
  ],
  ...[
    'back\\slash',
    'nel\u0085',
    'ls\u2028',
    'bom\ufeff',
    '180m',
    '64Mi',
    'registry.example.com/app:1.0',
    '--port=8080',
  ],
];

describe('stringifyManifests', () => {
  it('writes every fixture, every dist/ manifest and the bench Pods byte for byte as cdk8s Yaml.stringify does', () => {
    const docs = [...corpus(), ...Array.from({ length: 50 }, (_, i) => plainPod(i))];
    expect(docs.length).toBeGreaterThan(200);
    expect(stringifyManifests(docs)).toBe(Yaml.stringify(...docs));
  });

  it('writes strings that YAML 1.1 or 1.2 could misread, as values and keys, as cdk8s does and reads them back', () => {
    // cdk8s's own writer leaves a `<<` key plain, which YAML 1.1 reads as a merge: not a key to read back.
    const docs = TRICKY.map((s) => ({ value: s, list: [s], keys: s === '<<' ? {} : { [s]: 1 } }));
    const text = stringifyManifests(docs);
    expect(text).toBe(Yaml.stringify(...docs));
    expect(readBack(text)).toEqual(docs);
  });

  it('writes random short strings of YAML-significant characters byte for byte as cdk8s does', () => {
    const chars = [...'aZ09 \t\n:#-?[]{},"\'!&*|>%@`.+=<~_/\\é😀eoxyn', '\u0085', '\r'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const docs = Array.from({ length: 20_000 }, () => {
      let s = '';
      for (let n = 1 + Math.floor(random() * 5); n > 0; n--) s += chars[Math.floor(random() * chars.length)];
      return { value: s, list: [s], keys: { [s]: s } };
    });
    expect(stringifyManifests(docs)).toBe(Yaml.stringify(...docs));
  });

  it('leaves undefined, floats, shared objects and class instances to cdk8s, byte for byte', () => {
    const shared = { a: 1 };
    const docs = [
      { a: undefined, b: [undefined, 1] },
      { ratio: 0.5, big: 1e21, negativeZero: -0 },
      { first: shared, second: shared },
      { when: new Date(0) },
      undefined,
      {},
      [],
    ];
    expect(stringifyManifests(docs)).toBe(Yaml.stringify(...docs));
  });
});
