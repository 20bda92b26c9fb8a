import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectionPath, findAssets, mapLimit, parseServerVersion, parseWarnings } from './apiserver';

describe('the API-server harness', () => {
  it('reads the version kube-apiserver --version prints', () => {
    expect(parseServerVersion('Kubernetes v1.28.7\n')).toEqual({ version: '1.28', fullVersion: 'v1.28.7' });
    expect(parseServerVersion('Kubernetes v1.33.3')).toEqual({ version: '1.33', fullVersion: 'v1.33.3' });
    expect(parseServerVersion('Kubernetes v1.20.0')).toBeUndefined();
  });

  it('reports a KUBEBUILDER_ASSETS folder without the binaries, and finds none when empty', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-assets-'));
    try {
      const found = findAssets(empty);
      expect(found.assets).toEqual([]);
      expect(found.problems).toEqual([`${empty}: no kube-apiserver and etcd there`]);
    } finally {
      fs.rmSync(empty, { recursive: true });
    }
    expect(findAssets('')).toEqual({ assets: [], problems: [] });
  });

  it('maps kinds to their collections', () => {
    expect(collectionPath('v1', 'Pod', 'ns')).toBe('/api/v1/namespaces/ns/pods');
    expect(collectionPath('apps/v1', 'Deployment', 'ns')).toBe('/apis/apps/v1/namespaces/ns/deployments');
    expect(collectionPath('batch/v1', 'CronJob', 'ns')).toBe('/apis/batch/v1/namespaces/ns/cronjobs');
    expect(collectionPath('v1', 'ReplicationController', 'ns')).toBe(
      '/api/v1/namespaces/ns/replicationcontrollers',
    );
    expect(collectionPath('v1', 'PodTemplate', 'ns')).toBe('/api/v1/namespaces/ns/podtemplates');
    expect(collectionPath('networking.k8s.io/v1', 'NetworkPolicy', 'ns')).toBe(
      '/apis/networking.k8s.io/v1/namespaces/ns/networkpolicies',
    );
    expect(collectionPath('scheduling.k8s.io/v1', 'PriorityClass', 'ns')).toBe(
      '/apis/scheduling.k8s.io/v1/priorityclasses',
    );
  });

  it('reads each Warning header, quotes unescaped', () => {
    expect(
      parseWarnings([
        'Content-Type',
        'application/json',
        'Warning',
        '299 - "would violate PodSecurity \\"restricted:latest\\": x"',
        'Warning',
        '299 - "spec.containers[0].ports[1]: duplicate port definition with ID: 80/TCP"',
      ]),
    ).toEqual([
      'would violate PodSecurity "restricted:latest": x',
      'spec.containers[0].ports[1]: duplicate port definition with ID: 80/TCP',
    ]);
  });

  it('keeps at most the given number of calls in flight and the results in order', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0], 2, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, n));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });
});
