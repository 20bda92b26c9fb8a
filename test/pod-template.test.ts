import { ApiObject, ApiObjectMetadataDefinition } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { PodwrightError } from '../src/errors';
import { Pod } from '../src/pod';
import { AbstractPod, PodTemplate } from '../src/pod-template';
import { chart, synth } from './helpers';

const busybox = { name: 'app', image: 'busybox' };

function template(specPath: string): PodTemplate {
  const c = chart();
  const owner = new ApiObject(c, 'owner', { apiVersion: 'apps/v1', kind: 'Deployment' });
  return new PodTemplate(
    { containers: [busybox] },
    {
      object: { kind: 'Deployment', name: 'web' },
      specPath,
      metadata: new ApiObjectMetadataDefinition({ labels: { app: 'web' }, apiObject: owner }),
      profile: 'restricted',
    },
  );
}

describe('PodTemplate', () => {
  it('renders a Pod spec with the profile defaults, as a Pod renders its own', () => {
    const c = chart();
    new Pod(c, 'web', { containers: [busybox] });
    const [pod] = synth(c);
    expect(template('spec.template.spec').toJson()).toEqual({
      metadata: { labels: { app: 'web' } },
      spec: pod.spec,
    });
  });

  it('is what a Pod holds: the Pod and its template share containers, volumes and profile', () => {
    const pod = new Pod(chart({ profile: 'baseline' }), 'web', { containers: [busybox] });
    expect(pod.template.containers).toEqual(pod.containers);
    expect(pod.template.profile).toBe('baseline');
    expect(pod.template.metadata).toBe(pod.metadata);
    expect(pod instanceof AbstractPod).toBe(true);
    expect(new ApiObject(chart(), 'raw', { apiVersion: 'v1', kind: 'Pod' }) instanceof AbstractPod).toBe(
      false,
    );
  });

  it("fails when a container name is taken, naming the path under the owner's spec", () => {
    const t = template('spec.jobTemplate.spec.template.spec');
    try {
      t.addContainer(busybox);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PodwrightError);
      expect((e as PodwrightError).violations[0]).toMatchObject({
        object: { kind: 'Deployment', name: 'web' },
        path: 'spec.jobTemplate.spec.template.spec.containers[1].name',
        fix: 'Give every container of a Pod its own name.',
      });
    }
  });
});
