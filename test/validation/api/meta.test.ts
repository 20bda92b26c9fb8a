import { describe, expect, it } from 'vitest';
import { c0, check, runCases, validPod } from './fixtures';

describe('the valid base Pod', () => {
  it('has no violations', () => {
    expect(check(validPod())).toEqual([]);
  });
});

// ValidateObjectMeta / ValidatePodName / ValidateAnnotations / ValidateLabels / ValidatePodSpecificAnnotations
describe('object metadata', () => {
  runCases([
    {
      name: 'rejects a Pod without a name or generateName',
      change: (p) => delete p.metadata.name,
      path: 'metadata.name',
      rule: 'meta.name.required',
    },
    {
      name: 'rejects an upper-case Pod name',
      change: (p) => (p.metadata.name = 'Web'),
      path: 'metadata.name',
      rule: 'meta.name.dns1123Subdomain',
    },
    {
      name: 'rejects a Pod name with an underscore',
      change: (p) => (p.metadata.name = 'web_1'),
      path: 'metadata.name',
      rule: 'meta.name.dns1123Subdomain',
    },
    {
      name: 'rejects a Pod name longer than 253 characters',
      change: (p) => (p.metadata.name = 'a'.repeat(254)),
      path: 'metadata.name',
      rule: 'meta.name.dns1123Subdomain',
    },
    {
      name: 'rejects a generateName with upper-case letters',
      change: (p) => {
        delete p.metadata.name;
        p.metadata.generateName = 'Web-';
      },
      path: 'metadata.generateName',
      rule: 'meta.generateName.dns1123Subdomain',
    },
    {
      name: 'rejects a namespace with a dot',
      change: (p) => (p.metadata.namespace = 'team.a'),
      path: 'metadata.namespace',
      rule: 'meta.namespace.dns1123Label',
    },
    {
      name: 'rejects a label key with two slashes',
      change: (p) => (p.metadata.labels = { 'a/b/c': 'x' }),
      path: 'metadata.labels',
      rule: 'meta.labels.key.qualifiedName',
    },
    {
      name: 'rejects a label key whose name part is longer than 63 characters',
      change: (p) => (p.metadata.labels = { ['k'.repeat(64)]: 'x' }),
      path: 'metadata.labels',
      rule: 'meta.labels.key.qualifiedName',
    },
    {
      name: 'rejects a label value with a space',
      change: (p) => (p.metadata.labels.app = 'my app'),
      path: 'metadata.labels',
      rule: 'meta.labels.value.labelValue',
    },
    {
      name: 'rejects a label value longer than 63 characters',
      change: (p) => (p.metadata.labels.app = 'v'.repeat(64)),
      path: 'metadata.labels',
      rule: 'meta.labels.value.labelValue',
    },
    {
      name: 'rejects an annotation key with an empty prefix',
      change: (p) => (p.metadata.annotations = { '/owner': 'x' }),
      path: 'metadata.annotations',
      rule: 'meta.annotations.key.qualifiedName',
    },
    {
      name: 'rejects annotations larger than 256 KiB in total',
      change: (p) => (p.metadata.annotations = { big: 'x'.repeat(256 * 1024) }),
      path: 'metadata.annotations',
      rule: 'meta.annotations.tooLong',
    },
    {
      name: 'rejects a pod-deletion-cost annotation that is not a 32-bit integer',
      change: (p) => (p.metadata.annotations['controller.kubernetes.io/pod-deletion-cost'] = '1.5'),
      path: 'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]',
      rule: 'meta.annotations.podDeletionCost',
    },
    {
      name: 'rejects a mirror-pod annotation without a nodeName',
      change: (p) => (p.metadata.annotations['kubernetes.io/config.mirror'] = 'x'),
      path: 'metadata.annotations[kubernetes.io/config.mirror]',
      rule: 'meta.annotations.mirrorPodNodeName',
    },
    {
      name: 'rejects labels given as a list',
      change: (p) => (p.metadata.labels = ['app']),
      path: 'metadata.labels',
      rule: 'type',
    },
    {
      name: 'rejects a numeric label value',
      change: (p) => (p.metadata.labels.version = 2),
      path: 'metadata.labels[version]',
      rule: 'type',
    },
    {
      name: 'rejects the wrong apiVersion',
      change: (p) => (p.apiVersion = 'apps/v1'),
      path: 'apiVersion',
      rule: 'pod.apiVersion',
    },
    {
      name: 'rejects the wrong kind',
      change: (p) => (p.kind = 'Deployment'),
      path: 'kind',
      rule: 'pod.kind',
    },
    {
      name: 'rejects a container name given as a number',
      change: (p) => (c0(p).name = 42),
      path: 'spec.containers[0].name',
      rule: 'type',
    },
  ]);

  runCases([
    {
      name: 'rejects an unqualified custom finalizer',
      change: (p) => (p.metadata.finalizers = ['cleanup']),
      path: 'metadata.finalizers[0]',
      rule: 'meta.finalizers.unqualified',
    },
    {
      name: 'rejects an owner reference without a uid',
      change: (p) =>
        (p.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1' }]),
      path: 'metadata.ownerReferences[0].uid',
      rule: 'meta.ownerReferences.uid',
    },
    {
      name: 'rejects two controller owner references',
      change: (p) =>
        (p.metadata.ownerReferences = [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true },
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true },
        ]),
      path: 'metadata.ownerReferences',
      rule: 'meta.ownerReferences.controller',
    },
    {
      name: 'rejects an unknown value in the deprecated seccomp pod annotation',
      change: (p) => (p.metadata.annotations['seccomp.security.alpha.kubernetes.io/pod'] = 'default'),
      path: 'metadata.annotations.seccomp.security.alpha.kubernetes.io/pod',
      rule: 'meta.annotations.seccomp',
    },
    {
      name: 'rejects an AppArmor annotation for a container that does not exist',
      change: (p) =>
        (p.metadata.annotations['container.apparmor.security.beta.kubernetes.io/nginx'] = 'runtime/default'),
      path: 'metadata.annotations[container.apparmor.security.beta.kubernetes.io/nginx]',
      rule: 'meta.annotations.appArmorContainer',
    },
    {
      name: 'rejects an AppArmor profile without the localhost/ prefix',
      change: (p) =>
        (p.metadata.annotations['container.apparmor.security.beta.kubernetes.io/app'] = 'my-profile'),
      path: 'metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]',
      rule: 'meta.annotations.appArmorProfile',
    },
  ]);

  it('accepts a generateName ending in a dash without a name', () => {
    const pod = validPod();
    delete pod.metadata.name;
    pod.metadata.generateName = 'web-';
    expect(check(pod)).toEqual([]);
  });

  it('accepts a Pod without a namespace, which the request fills in', () => {
    const pod = validPod();
    delete pod.metadata.namespace;
    expect(check(pod)).toEqual([]);
  });

  it('accepts upper-case annotation keys, which the server lower-cases before checking', () => {
    const pod = validPod();
    pod.metadata.annotations = { 'Example.com/Owner': 'x' };
    expect(check(pod)).toEqual([]);
  });

  it('never throws on a Pod that is not an object at all', () => {
    expect(check(null as unknown as Record<string, unknown>)).toMatchObject([{ rule: 'type' }]);
    expect(check({ apiVersion: 'v1', kind: 'Pod', metadata: 'web', spec: [] })).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'metadata', rule: 'type' })]),
    );
  });
});
