// The Pulumi policies, unit-tested as policy packs are: each policy's validateResource is called with the arguments
// the policy engine would pass for one resource, and the violations it reports are collected (no Pulumi CLI here).
import type { ResourceValidationArgs, ResourceValidationPolicy } from '@pulumi/policy';
import { describe, expect, it } from 'vitest';
import { podwrightPolicies } from '../../src/pulumi/policy';

/** The engine's arguments for one resource of `type` with inputs `props`. */
function args(type: string, props: Record<string, unknown>): ResourceValidationArgs {
  return { type, props, urn: `urn:pulumi:dev::app::${type}::web`, name: 'web' } as ResourceValidationArgs;
}

/** Every violation message the pack's policies report for one resource. */
async function violations(
  resource: ResourceValidationArgs,
  policies = podwrightPolicies(),
): Promise<string[]> {
  const reported: string[] = [];
  for (const p of policies as ResourceValidationPolicy[]) {
    const validations = [p.validateResource ?? []].flat();
    for (const validate of validations) await validate(resource, (message) => reported.push(message));
  }
  return reported;
}

const POD_SPEC = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [
    {
      name: 'web',
      image: 'nginx:1.27',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    },
  ],
};

describe('the Pulumi policies', () => {
  it('must not let a Pod the API server refuses through, naming the field path', async () => {
    const bad = { ...POD_SPEC, containers: [{ ...POD_SPEC.containers[0], name: 'Web' }] };
    const reported = await violations(
      args('kubernetes:core/v1:Pod', { metadata: { name: 'web' }, spec: bad }),
    );
    expect(reported).toHaveLength(1);
    expect(reported[0]).toContain('spec.containers[0].name');
  });

  it('passes a valid Pod', async () => {
    const pod = args('kubernetes:core/v1:Pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: POD_SPEC,
    });
    expect(await violations(pod)).toEqual([]);
  });

  it('must not let a Deployment whose Pods Pod Security refuses through, at its template path', async () => {
    const deployment = args('kubernetes:apps/v1:Deployment', {
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx:1.27', securityContext: { privileged: true } }] },
        },
      },
    });
    const reported = await violations(deployment);
    expect(
      reported.some((m) => m.includes('spec.template.spec.containers[0].securityContext.privileged')),
    ).toBe(true);
    expect(await violations(deployment, podwrightPolicies({ profile: 'privileged' }))).toEqual([]);
  });

  it('ignores resources that are neither Pods nor workloads', async () => {
    expect(
      await violations(args('kubernetes:core/v1:ConfigMap', { metadata: { name: 'Not_A_Name' } })),
    ).toEqual([]);
  });

  it('are mandatory by default and advisory when asked', () => {
    expect(podwrightPolicies().map((p) => [p.name, p.enforcementLevel])).toEqual([
      ['podwright-pods', 'mandatory'],
      ['podwright-workloads', 'mandatory'],
    ]);
    expect(podwrightPolicies({ enforcementLevel: 'advisory' })[0].enforcementLevel).toBe('advisory');
  });
});
