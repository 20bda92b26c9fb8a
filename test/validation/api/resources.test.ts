import { describe, expect, it } from 'vitest';
import { c0, check, runCases, validPod } from './fixtures';

// ValidateResourceRequirements / validateContainerResourceName / ValidateResourceQuantityValue
describe('container resources', () => {
  runCases([
    {
      name: 'rejects a request above a null limit, which the server decodes as 0',
      change: (p) => {
        c0(p).resources = {
          limits: { memory: null, cpu: '700m' },
          requests: { memory: '200Mi', cpu: '700m' },
        };
      },
      path: 'spec.containers[0].resources.requests',
      rule: 'resources.requests.exceedsLimit',
    },
    {
      name: 'rejects a cpu request above the cpu limit',
      change: (p) => (c0(p).resources.requests.cpu = '1'),
      path: 'spec.containers[0].resources.requests',
      rule: 'resources.requests.exceedsLimit',
    },
    {
      name: 'rejects a memory request of 1Gi above a 1G limit',
      change: (p) => {
        c0(p).resources.requests.memory = '1Gi';
        c0(p).resources.limits.memory = '1G';
      },
      path: 'spec.containers[0].resources.requests',
      rule: 'resources.requests.exceedsLimit',
    },
    {
      name: 'rejects a negative memory limit',
      change: (p) => {
        c0(p).resources.limits.memory = '-128Mi';
        delete c0(p).resources.requests.memory;
      },
      path: 'spec.containers[0].resources.limits[memory]',
      rule: 'resources.limits.negative',
    },
    {
      name: 'rejects a cpu limit that is not a quantity',
      change: (p) => (c0(p).resources.limits.cpu = '500 m'),
      path: 'spec.containers[0].resources.limits[cpu]',
      rule: 'resources.limits.quantity',
    },
    {
      name: 'rejects a memory request in MB',
      change: (p) => (c0(p).resources.requests.memory = '64MB'),
      path: 'spec.containers[0].resources.requests[memory]',
      rule: 'resources.requests.quantity',
    },
    {
      name: 'rejects a quantity given as a boolean',
      change: (p) => (c0(p).resources.requests.cpu = true),
      path: 'spec.containers[0].resources.requests[cpu]',
      rule: 'type',
    },
    {
      name: 'rejects an unknown unqualified resource name',
      change: (p) => (c0(p).resources.limits.gpu = '1'),
      path: 'spec.containers[0].resources.limits[gpu]',
      rule: 'resources.name.unsupported',
    },
    {
      name: 'rejects a quota resource name in a container',
      change: (p) => (c0(p).resources.limits.pods = '1'),
      path: 'spec.containers[0].resources.limits[pods]',
      rule: 'resources.name.unsupported',
    },
    {
      name: 'rejects a resource name that is not a qualified name',
      change: (p) => (c0(p).resources.limits['example.com/a b'] = '1'),
      path: 'spec.containers[0].resources.limits[example.com/a b]',
      rule: 'resources.name.qualifiedName',
    },
    {
      name: 'rejects a fractional extended resource',
      change: (p) => {
        c0(p).resources.limits['example.com/gpu'] = '500m';
      },
      path: 'spec.containers[0].resources.limits[example.com/gpu]',
      rule: 'resources.limits.integer',
    },
    {
      name: 'rejects an extended resource request different from its limit',
      change: (p) => {
        c0(p).resources.limits['example.com/gpu'] = '2';
        c0(p).resources.requests['example.com/gpu'] = '1';
      },
      path: 'spec.containers[0].resources.requests',
      rule: 'resources.requests.notEqualLimit',
    },
    {
      name: 'rejects an extended resource request without a limit',
      change: (p) => (c0(p).resources.requests['example.com/gpu'] = '1'),
      path: 'spec.containers[0].resources.limits',
      rule: 'resources.limits.requiredForExtended',
    },
    {
      name: 'rejects hugepages without cpu or memory',
      change: (p) => (c0(p).resources = { limits: { 'hugepages-2Mi': '4Mi' } }),
      path: 'spec.containers[0].resources',
      rule: 'resources.hugePages.requireCpuOrMemory',
    },
    {
      name: 'rejects hugepages that are not a multiple of the page size',
      change: (p) => (c0(p).resources.limits['hugepages-2Mi'] = '3Mi'),
      path: 'spec.containers[0].resources.limits[hugepages-2Mi]',
      rule: 'resources.limits.hugePagesMultiple',
    },
  ]);

  it('treats 1 cpu and 1000m as equal', () => {
    const pod = validPod();
    c0(pod).resources = { requests: { cpu: '1000m' }, limits: { cpu: 1 } };
    expect(check(pod)).toEqual([]);
  });

  it('accepts an extended resource given only as a limit, which the server copies into requests', () => {
    const pod = validPod();
    c0(pod).resources.limits['example.com/gpu'] = 1;
    expect(check(pod)).toEqual([]);
  });

  it('accepts kubernetes.io-prefixed names, which count as native resources', () => {
    const pod = validPod();
    c0(pod).resources.limits['kubernetes.io/batteries'] = '1';
    expect(check(pod)).toEqual([]);
  });

  it('accepts quantities with surrounding spaces, which the JSON decoder trims', () => {
    const pod = validPod();
    c0(pod).resources.requests.cpu = ' 100m ';
    expect(check(pod)).toEqual([]);
  });
});
