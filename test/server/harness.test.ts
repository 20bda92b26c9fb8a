// The harness itself, against the real server: what the differential tests and the fuzzer rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachServer } from '../support/servers';
import { ApiClient } from '../support/apiserver';

const pod = (spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec,
});

describe.each(eachServer())('kube-apiserver %s', (_v, server) => {
  const client = new ApiClient(server);
  const ns: Record<string, string> = {};
  beforeAll(async () => {
    ns.privileged = await client.namespace('privileged');
    ns.restricted = await client.namespace('restricted');
  });
  afterAll(() => client.close());

  it('accepts a valid Pod in a dry run, storing nothing', async () => {
    const verdict = await client.dryRunCreate(
      pod({ containers: [{ name: 'app', image: 'nginx' }] }),
      ns.privileged,
    );
    expect(verdict).toMatchObject({ allowed: true, code: 201 });
    const list = await client.request('GET', `/api/v1/namespaces/${ns.privileged}/pods`);
    expect(list.body.items).toEqual([]);
  });

  it('refuses an unknown field with a strict decoding error naming its path', async () => {
    const verdict = await client.dryRunCreate(
      pod({ containers: [{ name: 'app', image: 'nginx', comand: ['sh'] }] }),
      ns.privileged,
    );
    expect(verdict).toMatchObject({ allowed: false, code: 400, reason: 'BadRequest' });
    expect(verdict.message).toContain('unknown field "spec.containers[0].comand"');
  });

  it('returns the field paths of an invalid Pod as causes', async () => {
    const verdict = await client.dryRunCreate(
      pod({ containers: [{ name: 'App', image: 'nginx' }] }),
      ns.privileged,
    );
    expect(verdict).toMatchObject({ allowed: false, code: 422, reason: 'Invalid' });
    expect(verdict.causes).toContain('spec.containers[0].name');
  });

  it('enforces the namespace profile with Pod Security admission', async () => {
    const spec = { containers: [{ name: 'app', image: 'nginx' }] };
    expect((await client.dryRunCreate(pod(spec), ns.restricted)).message).toMatch(
      /violates PodSecurity "restricted:latest"/,
    );
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec },
      },
    };
    const verdict = await client.dryRunCreate(deployment, ns.restricted);
    expect(verdict.allowed).toBe(true);
    expect(verdict.warnings.join('\n')).toMatch(/would violate PodSecurity "restricted:latest"/);
  });
});
