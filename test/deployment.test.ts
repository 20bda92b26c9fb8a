import { k8s } from 'cdk8s-plus-28';
import { describe, expect, it } from 'vitest';
import { Deployment } from '../src/deployment';
import { chart, synth } from './helpers';

describe('Deployment', () => {
  it('writes its spec fields with Kubernetes names, typed by cdk8s (IntOrString included)', () => {
    const c = chart();
    new Deployment(c, 'web', {
      replicas: 3,
      minReadySeconds: 5,
      progressDeadlineSeconds: 120,
      revisionHistoryLimit: 2,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: {
          maxSurge: k8s.IntOrString.fromString('25%'),
          maxUnavailable: k8s.IntOrString.fromNumber(0),
        },
      },
      containers: [{ name: 'web', image: 'nginx' }],
    });
    const [d] = synth(c);
    expect(d).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 3,
        minReadySeconds: 5,
        progressDeadlineSeconds: 120,
        revisionHistoryLimit: 2,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web' }] } },
      },
    });
  });

  it('leaves out every spec field not given, so the API server applies its defaults', () => {
    const c = chart();
    new Deployment(c, 'web', { containers: [{ name: 'web', image: 'nginx' }] });
    expect(Object.keys(synth(c)[0].spec).sort()).toEqual(['selector', 'template']);
  });

  it('keeps podMetadata annotations and labels added later on the template, not on the Deployment', () => {
    const c = chart();
    const d = new Deployment(c, 'web', {
      metadata: { labels: { team: 'a' } },
      podMetadata: { annotations: { 'example.com/scrape': 'true' } },
      containers: [{ name: 'web', image: 'nginx' }],
    });
    d.podMetadata.addLabel('version', 'v1');
    const [m] = synth(c);
    expect(m.metadata).toEqual({ name: 'web', labels: { team: 'a' } });
    expect(m.spec.template.metadata).toEqual({
      labels: { app: 'web', version: 'v1' },
      annotations: { 'example.com/scrape': 'true' },
    });
    expect(m.spec.selector).toEqual({ matchLabels: { app: 'web' } });
  });

  it('applies addJsonPatch to the final manifest', async () => {
    const { JsonPatch } = await import('cdk8s');
    const c = chart();
    const d = new Deployment(c, 'web', { containers: [{ name: 'web', image: 'nginx' }] });
    d.addJsonPatch(JsonPatch.add('/spec/template/spec/hostUsers', false));
    expect(synth(c)[0].spec.template.spec.hostUsers).toBe(false);
  });
});
