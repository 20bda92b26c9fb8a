import { describe, expect, it } from 'vitest';
import { formatViolation, PodwrightError, type Violation } from '../src/errors';

const violation: Violation = {
  object: { kind: 'Pod', name: 'busybox', namespace: 'demo' },
  path: 'spec.containers[0].name',
  value: 'Busy_Box',
  rule: 'container.name.dns1123Label',
  message: 'must be a lowercase RFC 1123 label',
  fix: "Use lowercase letters, digits and '-', e.g. 'busy-box'.",
};

describe('PodwrightError', () => {
  it('names the object, the field path, the value and the fix in one line', () => {
    expect(formatViolation(violation)).toBe(
      "Pod demo/busybox spec.containers[0].name: must be a lowercase RFC 1123 label, got \"Busy_Box\". Use lowercase letters, digits and '-', e.g. 'busy-box'. [container.name.dns1123Label]",
    );
  });

  it('lists every violation, not only the first', () => {
    const second = { ...violation, path: 'spec.containers[1].name', value: 'X' };
    const error = new PodwrightError([violation, second]);
    expect(error.violations).toHaveLength(2);
    expect(error.message).toContain('2 problems found');
    expect(error.message).toContain('spec.containers[0].name');
    expect(error.message).toContain('spec.containers[1].name');
  });

  it('shows a missing value as <missing> and prefixes the file when known', () => {
    const text = formatViolation({
      ...violation,
      value: undefined,
      object: { ...violation.object, file: 'pod.yaml' },
    });
    expect(text).toMatch(/^pod\.yaml: Pod demo\/busybox .*got <missing>\./);
  });

  it('starts with file:line:column when the violation knows where it was written', () => {
    const text = formatViolation({
      ...violation,
      object: { ...violation.object, file: 'pod.yaml' },
      source: { file: 'pod.yaml', line: 12, column: 7 },
    });
    expect(text).toMatch(/^pod\.yaml:12:7: Pod demo\/busybox spec\.containers\[0\]\.name: /);
    expect(formatViolation({ ...violation, source: { file: 'src/charts/web.ts' } })).toMatch(
      /^src\/charts\/web\.ts: Pod demo/,
    );
  });
});
