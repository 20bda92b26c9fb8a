import { describe, expect, it } from 'vitest';
import { Testing } from 'cdk8s';
import { HelloWorld } from '../../src/charts';
import { checkPodSecurity } from '../../src/validation/pss';
import { differingPaths, fixture, synth } from '../helpers';

const canonical = fixture('seed/10-pod.yaml')[0];

describe('the hello-world chart (the seed)', () => {
  it('is exactly the canonical 10-pod.yaml under the privileged profile', () => {
    const objects = synth(new HelloWorld(Testing.app(), 'hello-world', { profile: 'privileged' }));
    expect(objects).toEqual([canonical]);
  });

  it('differs from 10-pod.yaml by default only in the documented security and resources fields', () => {
    const [pod] = synth(new HelloWorld(Testing.app()));
    expect(differingPaths(canonical, pod)).toEqual([
      'spec.containers[0].resources.limits.cpu',
      'spec.containers[0].resources.limits.memory',
      'spec.containers[0].resources.requests.cpu',
      'spec.containers[0].resources.requests.memory',
      'spec.containers[0].securityContext.allowPrivilegeEscalation',
      'spec.containers[0].securityContext.capabilities.drop[0]',
      'spec.containers[0].securityContext.readOnlyRootFilesystem',
      'spec.securityContext.runAsGroup',
      'spec.securityContext.runAsNonRoot',
      'spec.securityContext.runAsUser',
      'spec.securityContext.seccompProfile.type',
    ]);
  });

  it('passes the restricted profile by default and would start busybox as a non-root user', () => {
    const [pod] = synth(new HelloWorld(Testing.app()));
    expect(checkPodSecurity(pod, 'restricted', { kind: 'Pod', name: 'busybox' })).toEqual([]);
    // runAsNonRoot alone (cdk8s-plus-28's default) makes the kubelet refuse busybox, whose image user is root.
    expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
    expect(pod.spec.securityContext.runAsUser).toBeGreaterThan(0);
    expect(pod.spec.securityContext.runAsGroup).toBeGreaterThan(0);
  });

  it('carries no cdk8s bookkeeping labels and no hash suffix in the name', () => {
    const [pod] = synth(new HelloWorld(Testing.app()));
    expect(pod.metadata).toEqual({ name: 'busybox' });
  });
});
