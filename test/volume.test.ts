import { k8s } from 'cdk8s-plus-28';
import { describe, expect, it } from 'vitest';
import { Pod } from '../src/pod';
import { Projection, Volume } from '../src/volume';
import { chart, synth } from './helpers';

function projectedVolume(volume: Volume): unknown {
  const c = chart({ profile: 'privileged' });
  new Pod(c, 'p').addContainer({ name: 'app', image: 'busybox' }).mount('/projected', volume);
  return synth(c)[0].spec.volumes[0];
}

describe('Volume.projected', () => {
  it('renders Projection sources in the terms of the single-source volumes, in order', () => {
    const volume = Volume.projected(
      'all-in-one',
      [
        Projection.secret('mysecret', {
          items: [{ key: 'username', path: 'my-group/my-username', mode: 0o400 }],
        }),
        Projection.downwardApi([
          { path: 'labels', fieldPath: 'metadata.labels' },
          { path: 'cpu_limit', containerName: 'app', resource: 'limits.cpu', divisor: '1m' },
        ]),
        Projection.configMap('myconfigmap', { optional: true }),
        Projection.serviceAccountToken('token', { audience: 'vault', expirationSeconds: 7200 }),
      ],
      { defaultMode: 0o440 },
    );
    expect(projectedVolume(volume)).toStrictEqual({
      name: 'all-in-one',
      projected: {
        defaultMode: 0o440,
        sources: [
          {
            secret: {
              name: 'mysecret',
              items: [{ key: 'username', path: 'my-group/my-username', mode: 0o400 }],
            },
          },
          {
            downwardAPI: {
              items: [
                { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
                {
                  path: 'cpu_limit',
                  resourceFieldRef: { containerName: 'app', resource: 'limits.cpu', divisor: '1m' },
                },
              ],
            },
          },
          { configMap: { name: 'myconfigmap', optional: true } },
          { serviceAccountToken: { path: 'token', audience: 'vault', expirationSeconds: 7200 } },
        ],
      },
    });
  });

  it('leaves out every option not given', () => {
    const volume = Volume.projected('v', [Projection.secret('s'), Projection.serviceAccountToken('t')]);
    expect(projectedVolume(volume)).toStrictEqual({
      name: 'v',
      projected: { sources: [{ secret: { name: 's' } }, { serviceAccountToken: { path: 't' } }] },
    });
  });

  it('still takes generated VolumeProjections, mixed with Projections', () => {
    const volume = Volume.projected('v', [
      { downwardApi: { items: [{ path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } },
      Projection.configMap('cm'),
    ]);
    expect(projectedVolume(volume)).toStrictEqual({
      name: 'v',
      projected: {
        sources: [
          { downwardAPI: { items: [{ path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } },
          { configMap: { name: 'cm' } },
        ],
      },
    });
  });
});

describe('Volume', () => {
  function volumesOf(...volumes: Volume[]): unknown[] {
    const c = chart({ profile: 'privileged' });
    new Pod(c, 'p', { containers: [{ name: 'app', image: 'busybox' }], volumes });
    return synth(c)[0].spec.volumes;
  }

  it('renders each source with exactly the fields given, in the order added', () => {
    expect(
      volumesOf(
        Volume.emptyDir('scratch'),
        Volume.emptyDir('ram', { medium: 'Memory', sizeLimit: '64Mi' }),
        Volume.configMap('cfg', 'app-config', { items: [{ key: 'a', path: 'a.txt' }], defaultMode: 0o644 }),
        Volume.secret('creds', 'app-secret', { optional: true }),
        Volume.persistentVolumeClaim('data', 'data-claim', { readOnly: true }),
        Volume.hostPath('logs', '/var/log', { type: 'Directory' }),
        Volume.downwardApi('info', [{ path: 'labels', fieldPath: 'metadata.labels' }]),
        Volume.ephemeral('tmp', {
          spec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: k8s.Quantity.fromString('1Gi') } },
          },
        }),
        Volume.fromSource('nfs', { nfs: { server: 'nfs.example.com', path: '/exports' } }),
      ),
    ).toStrictEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'ram', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      {
        name: 'cfg',
        configMap: { name: 'app-config', items: [{ key: 'a', path: 'a.txt' }], defaultMode: 0o644 },
      },
      { name: 'creds', secret: { secretName: 'app-secret', optional: true } },
      { name: 'data', persistentVolumeClaim: { claimName: 'data-claim', readOnly: true } },
      { name: 'logs', hostPath: { path: '/var/log', type: 'Directory' } },
      {
        name: 'info',
        downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] },
      },
      {
        name: 'tmp',
        ephemeral: {
          volumeClaimTemplate: {
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        },
      },
      { name: 'nfs', nfs: { server: 'nfs.example.com', path: '/exports' } },
    ]);
  });
});
