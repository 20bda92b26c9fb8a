import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { PodwrightApp } from '../../src/app';
import { HARDENED_WEB_DRAIN_SECONDS, HARDENED_WEB_PORT, HardenedWeb } from '../../src/charts';
import type { PodwrightError } from '../../src/errors';
import { synth } from '../helpers';
import { violationsOf } from './validate';

const templateOf = (chart: HardenedWeb) => synth(chart)[0].spec.template;

describe('the hardened-web chart', () => {
  it('targets Kubernetes 1.33 unless told otherwise', () => {
    expect(new HardenedWeb(Testing.app()).kubeVersion).toBe('1.33');
  });

  it('confines the Pod with the RuntimeDefault AppArmor profile and strict supplemental groups, as a set user', () => {
    expect(templateOf(new HardenedWeb(Testing.app())).spec.securityContext).toEqual({
      appArmorProfile: { type: 'RuntimeDefault' },
      supplementalGroupsPolicy: 'Strict',
      runAsNonRoot: true,
      runAsUser: 101,
      runAsGroup: 101,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('starts nginx only once the native sidecar has written the page, which nginx mounts read-only', () => {
    const { spec } = templateOf(new HardenedWeb(Testing.app()));
    expect(spec.initContainers).toMatchObject([
      {
        name: 'content',
        restartPolicy: 'Always',
        startupProbe: { exec: { command: ['test', '-s', '/content/index.html'] } },
        volumeMounts: [{ name: 'content', mountPath: '/content' }],
      },
    ]);
    expect(spec.containers[0].volumeMounts).toContainEqual({
      name: 'content',
      mountPath: '/usr/share/nginx/html',
      readOnly: true,
      recursiveReadOnly: 'IfPossible',
    });
  });

  it('keeps serving while it drains: a sleep preStop hook within the grace period', () => {
    const [nginx] = templateOf(new HardenedWeb(Testing.app())).spec.containers;
    expect(nginx.lifecycle).toEqual({ preStop: { sleep: { seconds: HARDENED_WEB_DRAIN_SECONDS } } });
    expect(nginx.ports).toEqual([{ name: 'http', containerPort: HARDENED_WEB_PORT }]);
    expect(HARDENED_WEB_DRAIN_SECONDS).toBeLessThan(30); // the default terminationGracePeriodSeconds
  });

  it('sets limits on every container', () => {
    const { spec } = templateOf(new HardenedWeb(Testing.app()));
    for (const c of [...spec.initContainers, ...spec.containers]) {
      expect(Object.keys(c.resources.limits).sort(), c.name).toEqual(['cpu', 'memory']);
    }
  });

  it('passes validation under restricted for 1.33', () => {
    const chart = new HardenedWeb(Testing.app());
    expect(chart.deployment.profile).toBe('restricted');
    expect(violationsOf(chart)).toEqual([]);
  });

  it('fails synth when made to target 1.28, naming each 1.33 field and the sidecar it cannot run', () => {
    const app = new PodwrightApp({ onWarnings: () => {} });
    new HardenedWeb(app, 'hardened-web', { kubeVersion: '1.28' });
    let error: PodwrightError | undefined;
    try {
      app.synthesize();
    } catch (e) {
      error = e as PodwrightError;
    }
    expect(error?.violations.map((v) => [v.severity ?? 'error', v.path])).toEqual([
      ['error', 'spec.template.spec.containers[0].lifecycle.preStop.sleep'],
      ['error', 'spec.template.spec.containers[0].volumeMounts[0].recursiveReadOnly'],
      ['error', 'spec.template.spec.securityContext.appArmorProfile'],
      ['error', 'spec.template.spec.securityContext.supplementalGroupsPolicy'],
      ['warning', 'spec.template.spec.initContainers[0].restartPolicy'],
      ['error', 'spec.template.spec.initContainers[0].startupProbe'],
    ]);
    expect(error?.message).toContain('Kubernetes 1.33');
  });
});
