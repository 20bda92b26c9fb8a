import { describe, expect, it } from 'vitest';
import { StatefulSet } from '../src/stateful-set';
import { chart, synth } from './helpers';

describe('StatefulSet', () => {
  it('writes its spec fields with Kubernetes names, serviceName optional as the 1.28 server has it', () => {
    const c = chart();
    new StatefulSet(c, 'db', {
      replicas: 3,
      serviceName: 'db',
      podManagementPolicy: 'Parallel',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' },
      containers: [{ name: 'db', image: 'busybox' }],
    });
    new StatefulSet(c, 'bare', { containers: [{ name: 'db', image: 'busybox' }] });
    const [db, bare] = synth(c);
    expect(db.spec).toMatchObject({
      replicas: 3,
      serviceName: 'db',
      podManagementPolicy: 'Parallel',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' },
      selector: { matchLabels: { app: 'db' } },
    });
    expect(Object.keys(bare.spec).sort()).toEqual(['selector', 'template']);
  });

  it('mounts a volume claim template without adding it to spec.volumes: the controller gives each Pod its claim', () => {
    const c = chart();
    const s = new StatefulSet(c, 'db', { containers: [{ name: 'db', image: 'busybox' }] });
    const data = s.addVolumeClaimTemplate('data', { storage: '1Gi' });
    s.containers[0].mount('/data', data);
    const [m] = synth(c);
    expect(m.spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ]);
    expect(m.spec.template.spec.containers[0].volumeMounts).toEqual([{ mountPath: '/data', name: 'data' }]);
    expect(m.spec.template.spec.volumes).toBeUndefined();
  });

  it('keeps claim templates given as props before those added', () => {
    const c = chart();
    const s = new StatefulSet(c, 'db', {
      volumeClaimTemplates: [{ metadata: { name: 'first' }, spec: { accessModes: ['ReadWriteOnce'] } }],
    });
    s.addVolumeClaimTemplate('second', {
      storage: '2Gi',
      accessModes: ['ReadWriteOncePod'],
      storageClassName: 'fast',
    });
    expect(synth(c)[0].spec.volumeClaimTemplates.map((t: any) => t.metadata.name)).toEqual([
      'first',
      'second',
    ]);
  });
});
