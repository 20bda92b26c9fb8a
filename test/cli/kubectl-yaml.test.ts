import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { KUBECTL_YAML, resolvePlain } from '../../src/cli/kubectl-yaml';
import { parseManifests } from '../../src/cli/manifests';
import { validateManifests } from '../../src/cli/validate';

/** What kubectl 1.32 sent for each plain scalar (`kubectl create --dry-run=client -o json`), as a JSON value. */
const AS_KUBECTL_SENDS: readonly (readonly [string, unknown])[] = [
  ['y', true],
  ['Yes', true],
  ['ON', true],
  ['n', false],
  ['off', false],
  ['~', null],
  ['yEs', 'yEs'],
  ['0755', 493],
  ['0o17', 15],
  ['0x1F', 31],
  ['-0b101', -5],
  ['1_000', 1000],
  ['08', 8],
  ['.5', 0.5],
  ['1e3', 1000],
  ['1:20', '1:20'],
  ['2024-01-01', '2024-01-01'],
  ['1e400', '1e400'],
  ['.', '.'],
  ['1.2.3', '1.2.3'],
];

describe('reading YAML as kubectl does', () => {
  it.each(AS_KUBECTL_SENDS)('reads the plain scalar %s as kubectl sends it', (text, sent) => {
    expect(YAML.parse(`v: ${text}\n`, KUBECTL_YAML)).toEqual({ v: sent });
  });

  it('reads a quoted scalar as a string, whatever it looks like', () => {
    expect(YAML.parse(`v: ["yes", '0755', "on"]\n`, KUBECTL_YAML)).toEqual({ v: ['yes', '0755', 'on'] });
  });

  it('turns a key that reads as a boolean or a number into its JSON text, as kubectl does', () => {
    expect(YAML.parse('on: a\n0755: b\n', KUBECTL_YAML)).toEqual({ true: 'a', 493: 'b' });
  });

  it('merges a << key, as go-yaml does', () => {
    expect(YAML.parse('a: &x {b: 1}\nc: {<<: *x, d: 2}\n', KUBECTL_YAML)).toEqual({
      a: { b: 1 },
      c: { b: 1, d: 2 },
    });
  });

  it('leaves a string undefined, go-yaml reading it as a string', () => {
    expect(resolvePlain('busybox')).toBeUndefined();
    expect(resolvePlain('-')).toBeUndefined();
  });

  it('refuses .inf as unusable input, since kubectl cannot turn it into JSON', () => {
    expect(() =>
      parseManifests('apiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {x: .inf}}\n', 'p.yaml'),
    ).toThrow(/p\.yaml: not valid YAML or JSON: .inf is Infinity as kubectl reads it.*Quote it/);
  });

  it('reports env value: yes as a boolean where a string must be, at its line, as the API server refuses it', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: yes-env}',
      'spec:',
      '  containers:',
      '  - name: c',
      '    image: busybox:1.36',
      '    env:',
      '    - name: DEBUG',
      '      value: yes',
      '',
    ].join('\n');
    const report = validateManifests(parseManifests(text, 'pod.yaml'), 'privileged', '1.28');
    expect(report.violations.map((v) => [v.path, v.value, v.rule, v.source?.line])).toEqual([
      ['spec.containers[0].env[0].value', true, 'type', 10],
    ]);
    expect(report.violations[0].fix).toBe(
      'kubectl reads the unquoted yes as true (YAML 1.1): quote it ("yes") to send the string.',
    );
  });

  it('says how kubectl read an unquoted number in a list of strings, and leaves a quoted one alone', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: numbers}',
      'spec:',
      '  containers:',
      '  - name: c',
      '    image: busybox:1.36',
      '    args: ["0755", 0755, 1.10]',
      '',
    ].join('\n');
    const report = validateManifests(parseManifests(text, 'pod.yaml'), 'privileged', '1.28');
    expect(report.violations.map((v) => [v.path, v.fix])).toEqual([
      [
        'spec.containers[0].args[1]',
        'kubectl reads the unquoted 0755 as 493 (YAML 1.1): quote it ("0755") to send the string.',
      ],
      [
        'spec.containers[0].args[2]',
        'kubectl reads the unquoted 1.10 as 1.1 (YAML 1.1): quote it ("1.10") to send the string.',
      ],
    ]);
  });
});
