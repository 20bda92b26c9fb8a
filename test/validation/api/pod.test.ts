import { describe, expect, it } from 'vitest';
import { c0, check, runCases, validPod } from './fixtures';

// ValidatePodSpec scalar fields / validateRestartPolicy / validateDNSPolicy / validatePodDNSConfig / ValidateHostAliases
describe('pod spec fields', () => {
  runCases([
    {
      name: 'rejects a lower-case restartPolicy',
      change: (p) => (p.spec.restartPolicy = 'always'),
      path: 'spec.restartPolicy',
      rule: 'pod.restartPolicy.unsupported',
    },
    {
      name: 'rejects activeDeadlineSeconds of 0',
      change: (p) => (p.spec.activeDeadlineSeconds = 0),
      path: 'spec.activeDeadlineSeconds',
      rule: 'pod.activeDeadlineSeconds.range',
    },
    {
      name: 'rejects an upper-case serviceAccountName',
      change: (p) => (p.spec.serviceAccountName = 'Builder'),
      path: 'spec.serviceAccountName',
      rule: 'pod.serviceAccountName.dns1123Subdomain',
    },
    {
      name: 'rejects a runtimeClassName with an underscore',
      change: (p) => (p.spec.runtimeClassName = 'g_visor'),
      path: 'spec.runtimeClassName',
      rule: 'pod.runtimeClassName.dns1123Subdomain',
    },
    {
      name: 'rejects a hostname with a dot',
      change: (p) => (p.spec.hostname = 'web.local'),
      path: 'spec.hostname',
      rule: 'pod.hostname.dns1123Label',
    },
    {
      name: 'rejects an upper-case subdomain',
      change: (p) => (p.spec.subdomain = 'Web'),
      path: 'spec.subdomain',
      rule: 'pod.subdomain.dns1123Label',
    },
    {
      name: 'rejects a nodeName with spaces',
      change: (p) => (p.spec.nodeName = 'node 1'),
      path: 'spec.nodeName',
      rule: 'pod.nodeName.dns1123Subdomain',
    },
    {
      name: 'rejects a readiness gate condition type with a space',
      change: (p) => (p.spec.readinessGates = [{ conditionType: 'lb ready' }]),
      path: 'spec.readinessGates[0].conditionType',
      rule: 'pod.readinessGates.conditionType',
    },
    {
      name: 'rejects terminationGracePeriodSeconds given as a string',
      change: (p) => (p.spec.terminationGracePeriodSeconds = '30'),
      path: 'spec.terminationGracePeriodSeconds',
      rule: 'type',
    },
    {
      name: 'rejects an unknown dnsPolicy',
      change: (p) => (p.spec.dnsPolicy = 'ClusterOnly'),
      path: 'spec.dnsPolicy',
      rule: 'dns.policy.unsupported',
    },
    {
      name: 'rejects dnsPolicy None without dnsConfig',
      change: (p) => (p.spec.dnsPolicy = 'None'),
      path: 'spec.dnsConfig',
      rule: 'dns.config.requiredForNone',
    },
    {
      name: 'rejects dnsPolicy None without nameservers',
      change: (p) => {
        p.spec.dnsPolicy = 'None';
        p.spec.dnsConfig = { searches: ['svc.cluster.local'] };
      },
      path: 'spec.dnsConfig.nameservers',
      rule: 'dns.nameservers.requiredForNone',
    },
    {
      name: 'rejects four nameservers',
      change: (p) => (p.spec.dnsConfig = { nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9', '1.0.0.1'] }),
      path: 'spec.dnsConfig.nameservers',
      rule: 'dns.nameservers.max',
    },
    {
      name: 'rejects a nameserver that is not an IP',
      change: (p) => (p.spec.dnsConfig = { nameservers: ['dns.local'] }),
      path: 'spec.dnsConfig.nameservers[0]',
      rule: 'dns.nameservers.ip',
    },
    {
      name: 'rejects 33 search domains',
      change: (p) => (p.spec.dnsConfig = { searches: Array.from({ length: 33 }, (_, i) => `d${i}.local`) }),
      path: 'spec.dnsConfig.searches',
      rule: 'dns.searches.max',
    },
    {
      name: 'rejects a search list longer than 2048 characters',
      change: (p) =>
        (p.spec.dnsConfig = {
          searches: Array.from(
            { length: 9 },
            () => `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}`,
          ),
        }),
      path: 'spec.dnsConfig.searches',
      rule: 'dns.searches.length',
    },
    {
      name: 'rejects an upper-case search domain',
      change: (p) => (p.spec.dnsConfig = { searches: ['Example.com'] }),
      path: 'spec.dnsConfig.searches[0]',
      rule: 'dns.searches.dns1123Subdomain',
    },
    {
      name: 'rejects a DNS option without a name',
      change: (p) => (p.spec.dnsConfig = { options: [{ value: '2' }] }),
      path: 'spec.dnsConfig.options[0]',
      rule: 'dns.options.name.required',
    },
    {
      name: 'rejects a host alias with an invalid IP',
      change: (p) => (p.spec.hostAliases = [{ ip: '10.0.0.256', hostnames: ['db'] }]),
      path: 'spec.hostAliases.ip',
      rule: 'hostAlias.ip.invalid',
    },
    {
      name: 'rejects a host alias hostname with an underscore',
      change: (p) => (p.spec.hostAliases = [{ ip: '10.0.0.1', hostnames: ['my_db'] }]),
      path: 'spec.hostAliases.hostnames',
      rule: 'hostAlias.hostnames.dns1123Subdomain',
    },
  ]);
});

// SetDefaults_PodSpec / SetDefaults_Container / SetDefaults_Volume / GetWarningsForPod (pkg/api/pod/warnings.go)
describe('what the API server defaults or only warns about', () => {
  it('accepts a negative terminationGracePeriodSeconds (1.28 warns and uses 1)', () => {
    const pod = validPod();
    pod.spec.terminationGracePeriodSeconds = -5;
    expect(check(pod)).toEqual([]);
  });

  it('accepts a Pod without restartPolicy, dnsPolicy or schedulerName', () => {
    const pod = validPod();
    pod.spec.restartPolicy = '';
    pod.spec.dnsPolicy = '';
    expect(check(pod)).toEqual([]);
  });

  it('accepts a port without protocol and a volume without source', () => {
    const pod = validPod();
    delete c0(pod).ports[0].protocol;
    pod.spec.volumes = [{ name: 'data' }];
    expect(check(pod)).toEqual([]);
  });

  it('accepts dnsPolicy None with one IPv6 nameserver and a fully qualified search domain', () => {
    const pod = validPod();
    pod.spec.dnsPolicy = 'None';
    pod.spec.dnsConfig = {
      nameservers: ['2001:db8::1'],
      searches: ['svc.cluster.local.'],
      options: [{ name: 'ndots', value: '2' }],
    };
    expect(check(pod)).toEqual([]);
  });
});

describe('reporting', () => {
  it('reports all three problems of a Pod with three problems', () => {
    const pod = validPod();
    c0(pod).name = 'App';
    c0(pod).resources.requests.cpu = '2';
    pod.spec.restartPolicy = 'Sometimes';
    const found = check(pod);
    expect(found.map((v) => [v.path, v.rule])).toEqual([
      ['spec.containers[0].name', 'container.name.dns1123Label'],
      ['spec.containers[0].resources.requests', 'resources.requests.exceedsLimit'],
      ['spec.restartPolicy', 'pod.restartPolicy.unsupported'],
    ]);
  });

  it('gives each violation the value, a message and a concrete fix', () => {
    const pod = validPod();
    c0(pod).ports[0].containerPort = 70000;
    const [v] = check(pod);
    expect(v).toMatchObject({
      path: 'spec.containers[0].ports[0].containerPort',
      value: 70000,
      rule: 'port.containerPort.range',
      message: 'must be between 1 and 65535, inclusive',
    });
    expect(v.fix).toMatch(/1 and 65535/);
  });

  it('never throws on values of the wrong type anywhere', () => {
    const junk = [null, 1, 'x', true, [], {}, [1], { a: 1 }];
    const fields = [
      'metadata',
      'spec',
      'containers',
      'volumes',
      'securityContext',
      'affinity',
      'tolerations',
      'dnsConfig',
    ];
    for (const value of junk) {
      for (const field of fields) {
        const pod = validPod();
        if (field === 'metadata' || field === 'spec') pod[field] = value;
        else if (field === 'containers' || field === 'volumes') pod.spec[field] = value;
        else pod.spec[field] = value;
        c0Safe(pod, value);
        expect(() => check(pod)).not.toThrow();
        expect(check(pod).every((v) => v.rule !== 'internal')).toBe(true);
      }
    }
  });
});

// Also puts the junk value into every field of the first container, when there is one.
function c0Safe(pod: Record<string, any>, value: unknown): void {
  const c = Array.isArray(pod.spec?.containers) ? pod.spec.containers[0] : undefined;
  if (!c || typeof c !== 'object') return;
  for (const key of [
    'ports',
    'env',
    'envFrom',
    'resources',
    'volumeMounts',
    'readinessProbe',
    'lifecycle',
    'securityContext',
  ]) {
    c[key] = value;
  }
}
