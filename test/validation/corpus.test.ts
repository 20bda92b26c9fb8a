// The corpora under test/fixtures were written from the Kubernetes sources independently of the validation code
// (see each folder's INDEX.md): rejected Pods carry the profile and field path the API server or Pod Security
// admission would name; documentation Pods and accepted-with-warning Pods must pass.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { isError } from '../../src/errors';
import { isProfile } from '../../src/profile';
import { validateManifest } from '../../src/validation';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function yamlFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(FIXTURES, folder))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

function documents(folder: string, file: string): any[] {
  const text = fs.readFileSync(path.join(FIXTURES, folder, file), 'utf8');
  return YAML.parseAllDocuments(text)
    .map((d) => d.toJS())
    .filter((d) => d?.kind === 'Pod');
}

/** The same field, or one of the two inside the other (`capabilities.add` names the list, `add[0]` its entry). */
function samePlace(reported: string, expected: string): boolean {
  const inside = (a: string, b: string) => a.startsWith(b) && (a[b.length] === '.' || a[b.length] === '[');
  return reported === expected || inside(reported, expected) || inside(expected, reported);
}

const rejected = yamlFiles('rejected').map((file) => {
  const text = fs.readFileSync(path.join(FIXTURES, 'rejected', file), 'utf8');
  const profile = /^# expect-profile: (\S+)/m.exec(text)?.[1];
  const expectedPath = /^# expect-path: (\S+)/m.exec(text)?.[1];
  if (!isProfile(profile) || !expectedPath) throw new Error(`${file}: missing expect-profile or expect-path`);
  const violations = validateManifest(YAML.parse(text), profile);
  return { file, expectedPath, violations };
});

describe('the rejected-Pods corpus', () => {
  it('has the size the validation issue asks for', () => {
    expect(rejected.length).toBeGreaterThanOrEqual(100);
  });

  it('flags at least 95% of the Pods the API server or Pod Security admission rejects', () => {
    const missed = rejected.filter((r) => r.violations.length === 0).map((r) => r.file);
    expect(missed.length / rejected.length, `missed: ${missed.join(', ')}`).toBeLessThanOrEqual(0.05);
  });

  it('names the field the server names for at least 95% of them', () => {
    const wrong = rejected
      .filter((r) => !r.violations.some((v) => samePlace(v.path, r.expectedPath)))
      .map(
        (r) =>
          `${r.file}: want ${r.expectedPath}, got ${r.violations.map((v) => v.path).join(' | ') || 'nothing'}`,
      );
    expect(wrong.length / rejected.length, wrong.join('\n')).toBeLessThanOrEqual(0.05);
  });
});

describe('Pods the API server accepts', () => {
  const accepted = ['docs-pods', 'accepted-with-warning'].flatMap((folder) =>
    yamlFiles(folder).flatMap((file) =>
      documents(folder, file).map((pod) => ({ file: `${folder}/${file}`, pod })),
    ),
  );

  it('include at least 30 Pods from the Kubernetes documentation', () => {
    expect(accepted.filter((a) => a.file.startsWith('docs-pods/')).length).toBeGreaterThanOrEqual(30);
  });

  it.each(accepted.map((a) => [a.file, a.pod] as const))(
    'raises no API-server violation for %s',
    (_file, pod) => {
      expect(validateManifest(pod, 'privileged').filter(isError)).toEqual([]);
    },
  );
});
