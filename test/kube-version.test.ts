import { describe, expect, it } from 'vitest';
import { atLeast, parseKubeVersion } from '../src/kube-version';

describe('kube-version', () => {
  it('orders versions by their minor number', () => {
    expect(atLeast('1.33', '1.28')).toBe(true);
    expect(atLeast('1.33', '1.33')).toBe(true);
    expect(atLeast('1.28', '1.33')).toBe(false);
  });

  it('reads a server version as its minor and fails for an unsupported one, listing the supported ones', () => {
    expect(parseKubeVersion('v1.33.3')).toBe('1.33');
    expect(parseKubeVersion('1.28')).toBe('1.28');
    expect(() => parseKubeVersion('1.30')).toThrow(
      "unsupported Kubernetes version '1.30'; supported: 1.28, 1.33",
    );
  });
});
