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
