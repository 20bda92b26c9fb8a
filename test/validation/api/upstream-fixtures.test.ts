import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check } from './fixtures';

// The hand-written 1.28 corpus in test/fixtures (ValidatePodCreate cases only: `expect-profile: privileged`).
const ROOT = join(__dirname, '..', '..', 'fixtures');
// Where we print a different path than the corpus expects, and why (see docs/validation-rules.md).
const PATH_DIFFERENCES: Readonly<Record<string, string>> = {
  // validateDownwardAPIVolumeSource passes the volume's path to validateDownwardAPIVolumeFile, not the item's.
  'api-volumes-downwardapi-item-path-backstep.yaml': 'spec.volumes[0].downwardAPI.path',
};

function yamlFiles(dir: string): string[] {
  const full = join(ROOT, dir);
  return existsSync(full) ? readdirSync(full).filter((f) => f.endsWith('.yaml')) : [];
}

function load(dir: string, file: string): { pod: Record<string, unknown>; text: string } {
  const text = readFileSync(join(ROOT, dir, file), 'utf8');
  return { pod: parse(text) as Record<string, unknown>, text };
}

const rejected = yamlFiles('rejected').filter((f) =>
  /# expect-profile:\s*privileged/.test(load('rejected', f).text),
);

describe.skipIf(rejected.length === 0)('the repository corpus of Pods that 1.28 rejects', () => {
  it.each(rejected)('reports %s at its expected path', (file) => {
    const { pod, text } = load('rejected', file);
    const expected = PATH_DIFFERENCES[file] ?? /# expect-path:\s*`?([^`\n]+)`?/.exec(text)?.[1]?.trim();
    expect(check(pod).map((v) => v.path)).toContain(expected);
  });
});

const accepted = [
  ...yamlFiles('accepted-with-warning').map((f) => ['accepted-with-warning', f] as const),
  ...yamlFiles('docs-pods').map((f) => ['docs-pods', f] as const),
];

describe.skipIf(accepted.length === 0)('the repository corpus of Pods that 1.28 accepts', () => {
  it.each(accepted)('accepts %s/%s without violations', (dir, file) => {
    expect(check(load(dir, file).pod)).toEqual([]);
  });
});
