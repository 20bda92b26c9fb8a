import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { WebDeployment } from '../../src/charts';
import { synth } from '../helpers';
import { violationsOf } from './validate';

describe('the web-deployment chart', () => {
  it('runs two replicas and rolls out one new Pod at a time without dropping a ready one', () => {
    const [deployment] = synth(new WebDeployment(Testing.app()));
    expect(deployment.spec).toMatchObject({
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    });
  });

  it('puts a Service in front of exactly the Pods the Deployment selects, on the named port', () => {
    const [deployment, service] = synth(new WebDeployment(Testing.app()));
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);
    expect(deployment.spec.template.spec.containers[0].readinessProbe.httpGet.port).toBe('http');
  });

  it('validates clean under restricted, its template held to the same rules as a Pod', () => {
    const chart = new WebDeployment(Testing.app());
    expect(chart.deployment.profile).toBe('restricted');
    expect(violationsOf(chart)).toEqual([]);
  });
});
