import { describe, expect, it } from 'vitest';
import { c0, check, runCases, validPod, type PodJson } from './fixtures';

const addVolume = (p: PodJson, volume: Record<string, unknown>): void => {
  p.spec.volumes.push(volume);
};

// ValidateVolumes / validateVolumeSource and the per-source validators
describe('volumes', () => {
  runCases([
    {
      name: 'rejects a volume without a name',
      change: (p) => addVolume(p, { emptyDir: {} }),
      path: 'spec.volumes[1].name',
      rule: 'volume.name.required',
    },
    {
      name: 'rejects an upper-case volume name',
      change: (p) => addVolume(p, { name: 'Cache', emptyDir: {} }),
      path: 'spec.volumes[1].name',
      rule: 'volume.name.dns1123Label',
    },
    {
      name: 'rejects two volumes with the same name',
      change: (p) => addVolume(p, { name: 'data', emptyDir: {} }),
      path: 'spec.volumes[1].name',
      rule: 'volume.name.duplicate',
    },
    {
      name: 'rejects a volume with two sources',
      change: (p) => addVolume(p, { name: 'cache', emptyDir: {}, hostPath: { path: '/tmp' } }),
      path: 'spec.volumes[1].hostPath',
      rule: 'volume.source.multiple',
    },
    {
      name: 'rejects a hostPath without a path',
      change: (p) => addVolume(p, { name: 'host', hostPath: {} }),
      path: 'spec.volumes[1].hostPath.path',
      rule: 'volume.hostPath.path.required',
    },
    {
      name: 'rejects a hostPath with a backstep',
      change: (p) => addVolume(p, { name: 'host', hostPath: { path: '/var/../etc' } }),
      path: 'spec.volumes[1].hostPath.path',
      rule: 'volume.hostPath.path.backsteps',
    },
    {
      name: 'rejects an unknown hostPath type',
      change: (p) => addVolume(p, { name: 'host', hostPath: { path: '/var/log', type: 'Dir' } }),
      path: 'spec.volumes[1].hostPath.type',
      rule: 'volume.hostPath.type.unsupported',
    },
    {
      name: 'rejects a negative emptyDir sizeLimit',
      change: (p) => addVolume(p, { name: 'cache', emptyDir: { sizeLimit: '-1Gi' } }),
      path: 'spec.volumes[1].emptyDir.sizeLimit',
      rule: 'volume.emptyDir.sizeLimit.negative',
    },
    {
      name: 'rejects a secret volume without secretName',
      change: (p) => addVolume(p, { name: 'creds', secret: {} }),
      path: 'spec.volumes[1].secret.secretName',
      rule: 'volume.secret.secretName.required',
    },
    {
      name: 'rejects a defaultMode above 0777',
      change: (p) => addVolume(p, { name: 'creds', secret: { secretName: 'creds', defaultMode: 1000 } }),
      path: 'spec.volumes[1].secret.defaultMode',
      rule: 'volume.mode.range',
    },
    {
      name: 'rejects a configMap volume without a name',
      change: (p) => addVolume(p, { name: 'cfg', configMap: {} }),
      path: 'spec.volumes[1].configMap.name',
      rule: 'volume.configMap.name.required',
    },
    {
      name: 'rejects a configMap item without a key',
      change: (p) => addVolume(p, { name: 'cfg', configMap: { name: 'cfg', items: [{ path: 'a' }] } }),
      path: 'spec.volumes[1].configMap.items[0].key',
      rule: 'volume.items.key.required',
    },
    {
      name: 'rejects a configMap item with an absolute path',
      change: (p) =>
        addVolume(p, { name: 'cfg', configMap: { name: 'cfg', items: [{ key: 'a', path: '/etc/a' }] } }),
      path: 'spec.volumes[1].configMap.items[0].path',
      rule: 'volume.items.path.relative',
    },
    {
      name: 'rejects a configMap item path with a backstep',
      change: (p) =>
        addVolume(p, { name: 'cfg', configMap: { name: 'cfg', items: [{ key: 'a', path: '../a' }] } }),
      path: 'spec.volumes[1].configMap.items[0].path',
      rule: 'volume.items.path.backsteps',
    },
    {
      name: 'rejects a configMap item path starting with two dots',
      change: (p) =>
        addVolume(p, { name: 'cfg', configMap: { name: 'cfg', items: [{ key: 'a', path: '..data' }] } }),
      path: 'spec.volumes[1].configMap.items[0].path',
      rule: 'volume.items.path.reserved',
    },
    {
      name: 'rejects an item mode that is negative',
      change: (p) =>
        addVolume(p, { name: 'cfg', configMap: { name: 'cfg', items: [{ key: 'a', path: 'a', mode: -1 }] } }),
      path: 'spec.volumes[1].configMap.items[0].mode',
      rule: 'volume.mode.range',
    },
    {
      name: 'rejects a PVC volume without claimName',
      change: (p) => addVolume(p, { name: 'pvc', persistentVolumeClaim: {} }),
      path: 'spec.volumes[1].persistentVolumeClaim.claimName',
      rule: 'volume.persistentVolumeClaim.claimName.required',
    },
    {
      name: 'rejects an nfs volume with a relative path',
      change: (p) => addVolume(p, { name: 'nfs', nfs: { server: 'nas', path: 'exports' } }),
      path: 'spec.volumes[1].nfs.path',
      rule: 'volume.nfs.path.absolute',
    },
    {
      name: 'rejects a downwardAPI item without a fieldRef or resourceFieldRef (reported without the item index, as the API server does)',
      change: (p) => addVolume(p, { name: 'info', downwardAPI: { items: [{ path: 'labels' }] } }),
      path: 'spec.volumes[1].downwardAPI',
      rule: 'volume.downwardAPI.refRequired',
    },
    {
      name: 'rejects a downwardAPI fieldRef for the node name',
      change: (p) =>
        addVolume(p, {
          name: 'info',
          downwardAPI: { items: [{ path: 'node', fieldRef: { fieldPath: 'spec.nodeName' } }] },
        }),
      path: 'spec.volumes[1].downwardAPI.fieldRef.fieldPath',
      rule: 'volume.downwardAPI.fieldRef.fieldPath.unsupported',
    },
    {
      name: 'rejects a downwardAPI resourceFieldRef without containerName',
      change: (p) =>
        addVolume(p, {
          name: 'info',
          downwardAPI: { items: [{ path: 'cpu', resourceFieldRef: { resource: 'limits.cpu' } }] },
        }),
      path: 'spec.volumes[1].downwardAPI.resourceFieldRef.containerName',
      rule: 'volume.downwardAPI.resourceFieldRef.containerName.required',
    },
    {
      name: 'rejects a projected source with two projections',
      change: (p) =>
        addVolume(p, {
          name: 'all',
          projected: { sources: [{ secret: { name: 's' }, configMap: { name: 'c' } }] },
        }),
      path: 'spec.volumes[1].projected.sources[0]',
      rule: 'volume.projected.multipleSources',
    },
    {
      name: 'rejects a projected service account token shorter than 10 minutes',
      change: (p) => {
        p.spec.serviceAccountName = 'app';
        addVolume(p, {
          name: 'token',
          projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 60 } }] },
        });
      },
      path: 'spec.volumes[1].projected.sources[0].serviceAccountToken.expirationSeconds',
      rule: 'volume.projected.serviceAccountToken.expirationSeconds.min',
    },
    {
      name: 'rejects two projected files with the same path',
      change: (p) =>
        addVolume(p, {
          name: 'all',
          projected: {
            sources: [
              { secret: { name: 's', items: [{ key: 'a', path: 'x' }] } },
              { configMap: { name: 'c', items: [{ key: 'b', path: 'x' }] } },
            ],
          },
        }),
      path: 'spec.volumes[1].projected',
      rule: 'volume.projected.duplicatePath',
    },
    {
      name: 'rejects an ephemeral volume without a claim template',
      change: (p) => addVolume(p, { name: 'scratch', ephemeral: {} }),
      path: 'spec.volumes[1].ephemeral.volumeClaimTemplate',
      rule: 'volume.ephemeral.volumeClaimTemplate.required',
    },
    {
      name: 'rejects an ephemeral claim template without access modes',
      change: (p) =>
        addVolume(p, {
          name: 'scratch',
          ephemeral: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '1Gi' } } } } },
        }),
      path: 'spec.volumes[1].ephemeral.volumeClaimTemplate.spec.accessModes',
      rule: 'volume.ephemeral.accessModes.required',
    },
    {
      name: 'rejects an ephemeral claim template without a storage request',
      change: (p) =>
        addVolume(p, {
          name: 'scratch',
          ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } },
        }),
      path: 'spec.volumes[1].ephemeral.volumeClaimTemplate.spec.resources[storage]',
      rule: 'volume.ephemeral.storage.required',
    },
    {
      name: 'rejects ReadWriteOncePod mixed with another access mode in an ephemeral claim',
      change: (p) =>
        addVolume(p, {
          name: 'scratch',
          ephemeral: {
            volumeClaimTemplate: {
              spec: {
                accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'],
                resources: { requests: { storage: '1Gi' } },
              },
            },
          },
        }),
      path: 'spec.volumes[1].ephemeral.volumeClaimTemplate.spec.accessModes',
      rule: 'volume.ephemeral.accessModes.readWriteOncePodAlone',
    },
    {
      name: 'rejects an rbd volume without monitors',
      change: (p) => addVolume(p, { name: 'rbd', rbd: { image: 'disk' } }),
      path: 'spec.volumes[1].rbd.monitors',
      rule: 'volume.rbd.monitors.required',
    },
    {
      name: 'rejects a csi driver name longer than 63 characters',
      change: (p) => addVolume(p, { name: 'csi', csi: { driver: `${'d'.repeat(60)}.example.com` } }),
      path: 'spec.volumes[1].csi.driver',
      rule: 'volume.csi.driver.format',
    },
    {
      name: 'rejects a csi volume without a driver',
      change: (p) => addVolume(p, { name: 'csi', csi: {} }),
      path: 'spec.volumes[1].csi.driver',
      rule: 'volume.csi.driver.required',
    },
    {
      name: 'rejects volumes given as an object',
      change: (p) => {
        p.spec.volumes = { data: {} };
        c0(p).volumeMounts = [];
      },
      path: 'spec.volumes',
      rule: 'type',
    },
    {
      name: 'rejects a hostPath volume that also has a downwardAPI source, at the path the API server misspells',
      change: (p) => addVolume(p, { name: 'info', hostPath: { path: '/tmp' }, downwardAPI: { items: [] } }),
      path: 'spec.volumes[1].downwarAPI',
      rule: 'volume.source.multiple',
    },
    {
      name: 'rejects a gcePersistentDisk without pdName, reported under persistentDisk as the API server does',
      change: (p) => addVolume(p, { name: 'disk', gcePersistentDisk: {} }),
      path: 'spec.volumes[1].persistentDisk.pdName',
      rule: 'volume.gcePersistentDisk.pdName.required',
    },
    {
      name: 'rejects an ephemeral volume whose claim name would be longer than 253 characters',
      change: (p) => {
        p.metadata.name = 'w'.repeat(250);
        addVolume(p, {
          name: 'scratch',
          ephemeral: {
            volumeClaimTemplate: {
              spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
            },
          },
        });
      },
      path: 'spec.volumes[1].ephemeral.name',
      rule: 'volume.ephemeral.pvcName',
    },
    {
      name: 'rejects a PVC volume that claims the PVC of an ephemeral volume',
      change: (p) => {
        addVolume(p, {
          name: 'scratch',
          ephemeral: {
            volumeClaimTemplate: {
              spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
            },
          },
        });
        addVolume(p, { name: 'again', persistentVolumeClaim: { claimName: 'web-scratch' } });
      },
      path: 'spec.volumes[2].persistentVolumeClaim.claimName',
      rule: 'volume.persistentVolumeClaim.claimName.ephemeral',
    },
  ]);

  it('accepts a volume with no source, which the server defaults to emptyDir', () => {
    const pod = validPod();
    pod.spec.volumes = [{ name: 'data' }];
    expect(check(pod)).toEqual([]);
  });

  it('accepts a projected service account token without a service account name, which a real cluster sets to default', () => {
    const pod = validPod();
    pod.spec.volumes.push({
      name: 'token',
      projected: { sources: [{ serviceAccountToken: { path: 't', audience: 'vault' } }] },
    });
    expect(check(pod)).toEqual([]);
  });

  it('accepts a projected volume with a token, a configMap and downward API files', () => {
    const pod = validPod();
    pod.spec.serviceAccountName = 'app';
    pod.spec.volumes.push({
      name: 'all',
      projected: {
        defaultMode: 0o440,
        sources: [
          { serviceAccountToken: { path: 'token', audience: 'vault' } },
          { configMap: { name: 'cfg', items: [{ key: 'a', path: 'a.txt' }] } },
          { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
        ],
      },
    });
    expect(check(pod)).toEqual([]);
  });
});

// ValidateVolumeMounts / validateMountPropagation / ValidateVolumeDevices
describe('volume mounts and devices', () => {
  runCases([
    {
      name: 'rejects a mount of a volume that does not exist',
      change: (p) => (c0(p).volumeMounts[0].name = 'cache'),
      path: 'spec.containers[0].volumeMounts[0].name',
      rule: 'volumeMount.name.notFound',
    },
    {
      name: 'rejects a mount without a name',
      change: (p) => delete c0(p).volumeMounts[0].name,
      path: 'spec.containers[0].volumeMounts[0].name',
      rule: 'volumeMount.name.required',
    },
    {
      name: 'rejects a mount without a mountPath',
      change: (p) => delete c0(p).volumeMounts[0].mountPath,
      path: 'spec.containers[0].volumeMounts[0].mountPath',
      rule: 'volumeMount.mountPath.required',
    },
    {
      name: 'rejects two mounts at the same path',
      change: (p) => c0(p).volumeMounts.push({ name: 'data', mountPath: '/data' }),
      path: 'spec.containers[0].volumeMounts[1].mountPath',
      rule: 'volumeMount.mountPath.duplicate',
    },
    {
      name: 'rejects an absolute subPath (reported without the index, as the API server does)',
      change: (p) => (c0(p).volumeMounts[0].subPath = '/logs'),
      path: 'spec.containers[0].volumeMounts.subPath',
      rule: 'volumeMount.subPath.relative',
    },
    {
      name: 'rejects a subPath with a backstep',
      change: (p) => (c0(p).volumeMounts[0].subPath = 'a/../../b'),
      path: 'spec.containers[0].volumeMounts.subPath',
      rule: 'volumeMount.subPath.backsteps',
    },
    {
      name: 'rejects subPath and subPathExpr together',
      change: (p) => Object.assign(c0(p).volumeMounts[0], { subPath: 'a', subPathExpr: '$(POD)' }),
      path: 'spec.containers[0].volumeMounts[0].subPathExpr',
      rule: 'volumeMount.subPathExpr.withSubPath',
    },
    {
      name: 'rejects an unknown mountPropagation',
      change: (p) => (c0(p).volumeMounts[0].mountPropagation = 'Shared'),
      path: 'spec.containers[0].volumeMounts.mountPropagation',
      rule: 'volumeMount.mountPropagation.unsupported',
    },
    {
      name: 'rejects Bidirectional propagation in an unprivileged container',
      change: (p) => (c0(p).volumeMounts[0].mountPropagation = 'Bidirectional'),
      path: 'spec.containers[0].volumeMounts.mountPropagation',
      rule: 'volumeMount.mountPropagation.bidirectionalPrivileged',
    },
    {
      name: 'rejects a block device backed by an emptyDir',
      change: (p) => {
        c0(p).volumeMounts = [];
        c0(p).volumeDevices = [{ name: 'data', devicePath: '/dev/xvda' }];
      },
      path: 'spec.containers[0].volumeDevices[0].name',
      rule: 'volumeDevice.name.notBlock',
    },
    {
      name: 'rejects a block device without a devicePath',
      change: (p) => {
        p.spec.volumes.push({ name: 'disk', persistentVolumeClaim: { claimName: 'disk' } });
        c0(p).volumeDevices = [{ name: 'disk' }];
      },
      path: 'spec.containers[0].volumeDevices[0].devicePath',
      rule: 'volumeDevice.devicePath.required',
    },
  ]);

  it('rejects a mount of an invalid volume too, because invalid volumes are not registered', () => {
    const pod = validPod();
    pod.spec.volumes[0] = { name: 'data', secret: {} };
    expect(check(pod).map((v) => [v.path, v.rule])).toEqual([
      ['spec.volumes[0].secret.secretName', 'volume.secret.secretName.required'],
      ['spec.containers[0].volumeMounts[0].name', 'volumeMount.name.notFound'],
    ]);
  });

  it('rejects a volume used both as mount and as device, on both sides', () => {
    const pod = validPod();
    pod.spec.volumes.push({ name: 'disk', persistentVolumeClaim: { claimName: 'disk' } });
    c0(pod).volumeMounts.push({ name: 'disk', mountPath: '/disk' });
    c0(pod).volumeDevices = [{ name: 'disk', devicePath: '/dev/xvda' }];
    expect(check(pod).map((v) => [v.path, v.rule])).toEqual([
      ['spec.containers[0].volumeMounts[1].name', 'volumeMount.name.usedByDevice'],
      ['spec.containers[0].volumeDevices[0].name', 'volumeDevice.name.usedByMount'],
    ]);
  });

  it('accepts Bidirectional propagation in a privileged container', () => {
    const pod = validPod();
    c0(pod).securityContext = { privileged: true };
    c0(pod).volumeMounts[0].mountPropagation = 'Bidirectional';
    expect(check(pod)).toEqual([]);
  });
});
