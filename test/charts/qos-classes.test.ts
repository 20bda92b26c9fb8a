import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { QosClasses } from '../../src/charts';
import { checkPodSecurity } from '../../src/validation/pss';
import { synth } from '../helpers';
import { violationsOf } from './validate';

describe('the qos-classes chart', () => {
  it('has one Pod per QoS class, as Kubernetes will classify them', () => {
    const chart = new QosClasses(Testing.app());
    expect(chart.guaranteed.qosClass).toBe('Guaranteed');
    expect(chart.burstable.qosClass).toBe('Burstable');
    expect(chart.bestEffort.qosClass).toBe('BestEffort');
  });

  it('gives Guaranteed equal requests and limits, Burstable the smaller default requests, BestEffort none', () => {
    const [guaranteed, burstable, bestEffort] = synth(new QosClasses(Testing.app()));
    expect(guaranteed).toMatchObject({
      metadata: { name: 'qos-guaranteed' },
      spec: {
        containers: [
          {
            resources: {
              requests: { cpu: '100m', memory: '64Mi' },
              limits: { cpu: '100m', memory: '64Mi' },
            },
          },
        ],
      },
    });
    expect(burstable).toMatchObject({
      metadata: { name: 'qos-burstable' },
      spec: {
        containers: [
          {
            resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { cpu: '200m', memory: '64Mi' } },
          },
        ],
      },
    });
    expect(bestEffort.metadata.name).toBe('qos-besteffort');
    expect(bestEffort.spec.containers[0].resources).toBeUndefined();
  });

  it('opts only the BestEffort Pod out of the restricted defaults', () => {
    const chart = new QosClasses(Testing.app());
    expect([chart.guaranteed.profile, chart.burstable.profile, chart.bestEffort.profile]).toEqual([
      'restricted',
      'restricted',
      'privileged',
    ]);
  });

  it('passes validation, each Pod under its own profile', () => {
    expect(violationsOf(new QosClasses(Testing.app()))).toEqual([]);
  });

  it('keeps the BestEffort Pod within the restricted Pod Security Standard through its hand-written context', () => {
    const [, , bestEffort] = synth(new QosClasses(Testing.app()));
    expect(checkPodSecurity(bestEffort, 'restricted', { kind: 'Pod', name: 'qos-besteffort' })).toEqual([]);
  });
});
