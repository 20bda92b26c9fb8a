// A Job's managedBy and successPolicy, the JobSpec fields Kubernetes 1.33 adds: checked by 1.33's rules, refused as
// unknown under 1.28. The fixtures (test/fixtures/kube-1.33, README there) are judged on both servers by the server
// suite; here podwright's side of each, plus the index-list edges measured on kube-apiserver v1.33.3 by dry run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { isError, type Violation } from '../../../src/errors';
import { PROFILES } from '../../../src/profile';
import { validateManifest } from '../../../src/validation';

const DIR = path.join(__dirname, '..', '..', 'fixtures', 'kube-1.33');
const FILES = fs
  .readdirSync(DIR)
  .filter((f) => /^(job|cronjob)-.*\.yaml$/.test(f))
  .sort();

function read(file: string): { manifest: object; expected?: string } {
  const text = fs.readFileSync(path.join(DIR, file), 'utf8');
  return { manifest: YAML.parse(text), expected: /^# expect-path: (\S+)/m.exec(text)?.[1] };
}

function errors(manifest: object, version: '1.28' | '1.33', profile = PROFILES[0]): Violation[] {
  return validateManifest(manifest, profile, undefined, version).filter(isError);
}

const job = (spec: object) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'shards' },
  spec: {
    ...spec,
    template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } },
  },
});

const indexes = (succeededIndexes: string, completions = 5) =>
  errors(
    job({ completionMode: 'Indexed', completions, successPolicy: { rules: [{ succeededIndexes }] } }),
    '1.33',
  ).map((v) => [v.path, v.message]);

describe('Job and CronJob fixtures of Kubernetes 1.33 fields', () => {
  it('cover both fields, refused and accepted', () => {
    expect(FILES.filter((f) => f.includes('accepted')).length).toBeGreaterThanOrEqual(3);
    expect(FILES.filter((f) => !f.includes('accepted')).length).toBeGreaterThanOrEqual(10);
  });

  it.each(FILES)('%s gets the 1.33 server verdict, at its path, under every profile', (file) => {
    const { manifest, expected } = read(file);
    for (const profile of PROFILES) {
      const found = errors(manifest, '1.33', profile);
      if (expected === undefined) expect(found).toEqual([]);
      else expect(found.map((v) => v.path)).toEqual(expect.arrayContaining([expected]));
      // Every problem is at the place the server names, nothing else.
      for (const v of found) expect(v.path).toBe(expected);
    }
  });

  it.each(FILES)('%s is refused under 1.28 as a field of 1.33', (file) => {
    const found = errors(read(file).manifest, '1.28');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((v) => v.rule === 'schema.unknownField' && /Kubernetes 1\.33/.test(v.fix))).toBe(true);
  });
});

describe('succeededIndexes, read as the 1.33 server reads it', () => {
  it('takes an empty list, a leading plus sign and leading zeros', () => {
    expect(indexes('')).toEqual([]);
    expect(indexes('+1')).toEqual([]);
    expect(indexes('01,03-04')).toEqual([]);
  });

  it('refuses a negative index, a trailing comma and a number beyond int64, each with the server message', () => {
    expect(indexes('-1')).toEqual([
      [
        'spec.successPolicy.rules[0].succeededIndexes',
        'error parsing succeededIndexes: cannot convert string to integer for index: ""',
      ],
    ]);
    expect(indexes('1,')[0][1]).toBe(
      'error parsing succeededIndexes: cannot convert string to integer for index: ""',
    );
    expect(indexes('99999999999999999999')[0][1]).toBe(
      'error parsing succeededIndexes: cannot convert string to integer for index: "99999999999999999999"',
    );
  });

  it('refuses a repeated index and a reversed interval', () => {
    expect(indexes('0,0')[0][1]).toBe(
      'error parsing succeededIndexes: non-increasing order, previous: 0, current: 0',
    );
    expect(indexes('2-1')[0][1]).toBe(
      'error parsing succeededIndexes: non-increasing order, previous: 2, current: 1',
    );
  });

  it('counts against the defaulted single completion when neither completions nor parallelism is set', () => {
    const spec = (succeededCount: number) =>
      job({ completionMode: 'Indexed', successPolicy: { rules: [{ succeededCount }] } });
    expect(errors(spec(1), '1.33')).toEqual([]);
    expect(errors(spec(2), '1.33').map((v) => v.path)).toEqual([
      'spec.successPolicy.rules[0].succeededCount',
    ]);
  });

  it('reads null fields as unset: a null rule is an empty one, a null policy none', () => {
    const base = { completionMode: 'Indexed', completions: 2 };
    expect(errors(job({ ...base, successPolicy: null, managedBy: null }), '1.33')).toEqual([]);
    expect(errors(job({ ...base, successPolicy: { rules: [null] } }), '1.33').map((v) => v.path)).toEqual([
      'spec.successPolicy.rules[0]',
    ]);
  });
});

describe('maxFailedIndexes of an Indexed Job under 1.33', () => {
  // Each measured on kube-apiserver v1.33.3 by dry run (found by a throwaway fuzz of Job bases).
  const indexed = (spec: object) =>
    errors(job({ completionMode: 'Indexed', backoffLimitPerIndex: 1, ...spec }), '1.33').map((v) => [
      v.path,
      v.message,
    ]);

  it('is at most completions', () => {
    expect(indexed({ completions: 3, maxFailedIndexes: 3 })).toEqual([]);
    expect(indexed({ completions: 3, parallelism: 2, maxFailedIndexes: 5 })).toEqual([
      ['spec.maxFailedIndexes', 'must be less than or equal to completions'],
    ]);
  });

  it('is required, and parallelism and itself at most 10000, above 100000 completions', () => {
    expect(indexed({ completions: 200000, parallelism: 20000 })).toEqual([
      ['spec.maxFailedIndexes', 'must be specified when completions is above 100000'],
      [
        'spec.parallelism',
        'must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index',
      ],
    ]);
    expect(indexed({ completions: 200000, maxFailedIndexes: 150000 })).toEqual([
      ['spec.maxFailedIndexes', 'must be less than or equal to 100000'],
      [
        'spec.maxFailedIndexes',
        'must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index',
      ],
    ]);
  });

  it('is not checked under 1.28, which drops it', () => {
    const manifest = job({
      completionMode: 'Indexed',
      completions: 3,
      backoffLimitPerIndex: 1,
      maxFailedIndexes: 5,
    });
    expect(errors(manifest, '1.28')).toEqual([]);
  });
});
