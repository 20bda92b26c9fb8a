import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { StoreStatefulSet } from '../../src/charts';
import { synth } from '../helpers';
import { violationsOf } from './validate';

describe('the store-statefulset chart', () => {
  it('gives each Pod its own claim, mounted at /data and writable by the non-root user through fsGroup', () => {
    const [set] = synth(new StoreStatefulSet(Testing.app()));
    expect(set.spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '64Mi' } } },
      },
    ]);
    expect(set.spec.template.spec.containers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/data' }]);
    expect(set.spec.template.spec.volumes).toBeUndefined();
    expect(set.spec.template.spec.securityContext).toMatchObject({ runAsGroup: 65534, fsGroup: 65534 });
  });

  it('names its headless Service as serviceName and selects the same Pods', () => {
    const [set, service] = synth(new StoreStatefulSet(Testing.app()));
    expect(set.spec.serviceName).toBe(service.metadata.name);
    expect(service.spec).toMatchObject({ clusterIP: 'None', selector: set.spec.selector.matchLabels });
  });

  it('validates clean under restricted', () => {
    expect(violationsOf(new StoreStatefulSet(Testing.app()))).toEqual([]);
  });
});
