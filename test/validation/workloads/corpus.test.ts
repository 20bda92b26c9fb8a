// The workload corpora under test/fixtures (see each folder's INDEX.md): every refused workload is flagged at its
// profile with the path the server names and not below it; the accepted and documentation workloads pass.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { isError } from '../../../src/errors';
import { PROFILES, isProfile } from '../../../src/profile';
import { validateManifest } from '../../../src/validation';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

function files(folder: string): string[] {
  return fs
    .readdirSync(path.join(FIXTURES, folder))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

function read(folder: string, file: string): string {
  return fs.readFileSync(path.join(FIXTURES, folder, file), 'utf8');
}

const inside = (a: string, b: string) => a.startsWith(b) && (a[b.length] === '.' || a[b.length] === '[');
const samePlace = (a: string, b: string) => a === b || inside(a, b) || inside(b, a);

describe('the refused-workloads corpus', () => {
  const rejected = files('workloads/rejected');

  it('covers every workload kind', () => {
    const kinds = new Set(rejected.map((f) => YAML.parse(read('workloads/rejected', f)).kind));
    expect([...kinds].sort()).toEqual(
      [
        'CronJob',
        'DaemonSet',
        'Deployment',
        'Job',
        'PodTemplate',
        'ReplicaSet',
        'ReplicationController',
        'StatefulSet',
      ].sort(),
    );
  });

  it.each(rejected)('%s is flagged at its profile and path, and not below it', (file) => {
    const text = read('workloads/rejected', file);
    const profile = /^# expect-profile: (\S+)/m.exec(text)?.[1];
    const expected = /^# expect-path: (\S+)/m.exec(text)?.[1];
    if (!isProfile(profile) || !expected) throw new Error(`${file}: missing expect-profile or expect-path`);
    const manifest = YAML.parse(text);
    const found = validateManifest(manifest, profile).filter(isError);
    expect(found.map((v) => v.path)).toContainEqual(expect.any(String));
    expect(
      found.some((v) => samePlace(v.path, expected)),
      found.map((v) => v.path).join(' | '),
    ).toBe(true);
    for (const lower of PROFILES.slice(0, PROFILES.indexOf(profile))) {
      expect(validateManifest(manifest, lower).filter(isError)).toEqual([]);
    }
  });
});

describe('the accepted and documentation workloads', () => {
  const accepted = [
    ...files('workloads/accepted').map((f) => ['workloads/accepted', f]),
    ...files('docs-workloads').map((f) => ['docs-workloads', f]),
  ];

  it.each(accepted)('%s/%s passes under privileged', (folder, file) => {
    for (const doc of YAML.parseAllDocuments(read(folder, file))) {
      expect(validateManifest(doc.toJS(), 'privileged').filter(isError)).toEqual([]);
    }
  });
});
