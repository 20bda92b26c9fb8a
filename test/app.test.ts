import * as fs from 'node:fs';
import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { describe, expect, it } from 'vitest';
import { buildApp, formatWarnings, profileOfObject, PodwrightApp } from '../src/app';
import { kubeVersionOf, PodwrightChart } from '../src/chart';
import { EnvValue } from '../src/env';
import { PodwrightError, type Violation } from '../src/errors';
import type { KubeVersion } from '../src/kube-version';
import { Pod } from '../src/pod';
import { Volume } from '../src/volume';

function violationsOf(app: PodwrightApp) {
  try {
    return app.synthesize().warnings;
  } catch (e) {
    return (e as PodwrightError).violations;
  }
}

describe('PodwrightApp', () => {
  it('tells a podwright Pod and a PodwrightChart from other cdk8s objects and charts', () => {
    const app = Testing.app();
    const plain = new Chart(app, 'plain');
    const raw = new ApiObject(plain, 'raw', { apiVersion: 'v1', kind: 'ConfigMap' });
    const pod = new Pod(plain, 'pod');
    expect(plain instanceof PodwrightChart).toBe(false);
    expect(raw instanceof Pod).toBe(false);
    expect(pod instanceof Pod).toBe(true);
    expect(pod instanceof ApiObject).toBe(true);
  });

  it('gives a Pod in a plain cdk8s Chart the restricted profile and its defaults', () => {
    const pod = new Pod(new Chart(Testing.app(), 'plain'), 'p', {
      containers: [{ name: 'a', image: 'busybox' }],
    });
    expect(pod.profile).toBe('restricted');
    expect(pod.toJson().spec.securityContext.runAsNonRoot).toBe(true);
  });

  it('holds cdk8s-plus-28 objects to the chart profile, so their insecure defaults fail restricted', () => {
    const app = new PodwrightApp();
    const chart = new PodwrightChart(app, 'plus');
    const plusPod = new kplus.Pod(chart, 'plus-pod', { containers: [{ image: 'busybox', name: 'main' }] });
    expect(profileOfObject(ApiObject.of(plusPod))).toBe('restricted');
    const rules = violationsOf(app).map((v) => v.rule);
    expect(rules).toContain('pss.capabilities_restricted');
    expect(rules).toContain('pss.seccompProfile_restricted');
  });

  it('accepts the same cdk8s-plus-28 Pod in a baseline chart', () => {
    const app = new PodwrightApp();
    new kplus.Pod(new PodwrightChart(app, 'plus', { profile: 'baseline' }), 'plus-pod', {
      containers: [{ image: 'busybox', name: 'main' }],
    });
    expect(violationsOf(app)).toEqual([]);
  });

  it('validates raw ApiObjects too, with the object and the field path', () => {
    const app = new PodwrightApp();
    new ApiObject(new PodwrightChart(app, 'raw', { profile: 'privileged' }), 'raw', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'raw' },
      spec: { containers: [{ name: 'Bad', image: 'busybox' }] },
    });
    expect(violationsOf(app)).toEqual([
      expect.objectContaining({
        object: expect.objectContaining({ kind: 'Pod', name: 'raw' }),
        path: 'spec.containers[0].name',
      }),
    ]);
  });

  it('writes one file per chart with cdk8s names, in one pass whatever the number of charts', () => {
    const outdir = Testing.app().outdir;
    const app = buildApp({ outdir, charts: ['hello-world'] });
    app.synth();
    expect(fs.readdirSync(outdir)).toEqual(['hello-world.k8s.yaml']);
  });

  it('writes a Pod the API server accepts with a warning and reports the warning, with its path', () => {
    const outdir = Testing.app().outdir;
    const reported: Violation[][] = [];
    const app = new PodwrightApp({ outdir, onWarnings: (w) => reported.push([...w]) });
    const pod = new Pod(new PodwrightChart(app, 'web'), 'web', {
      containers: [
        { name: 'app', image: 'busybox', ports: [{ containerPort: 8080 }, { containerPort: 8080 }] },
      ],
    });
    pod.containers[0].addEnv('MODE', 'a');
    pod.containers[0].addEnv('MODE', 'b');
    app.synth();
    expect(fs.readdirSync(outdir)).toEqual(['web.k8s.yaml']);
    expect(reported).toHaveLength(1);
    expect(reported[0].map((w) => [w.severity, w.path, w.message])).toEqual([
      ['warning', 'spec.containers[0].env[1]', 'hides previous definition of "MODE"'],
      [
        'warning',
        'spec.containers[0].ports[1]',
        'duplicate port definition with spec.containers[0].ports[0]',
      ],
    ]);
    // The line that created the Pod comes first (test/source.test.ts checks which line it is).
    expect(formatWarnings(reported[0])).toMatch(
      /^ {2}- warning: test\/app\.test\.ts:\d+:\d+: Pod web spec\.containers\[0\]\.ports\[1\]: duplicate port definition with spec\.containers\[0\]\.ports\[0\], got/m,
    );
  });

  it('lists warnings with the errors when it refuses to synthesize', () => {
    const app = new PodwrightApp({ onWarnings: () => {} });
    new Pod(new PodwrightChart(app, 'web'), 'web', {
      containers: [{ name: 'Bad', image: 'busybox', ports: [{ containerPort: 80 }, { containerPort: 80 }] }],
    });
    expect(() => app.synthYaml()).toThrowError(
      /1 problem\(s\) and 1 warning\(s\) found, nothing synthesized/,
    );
  });

  it('refuses an unknown chart name and lists the ones there are', () => {
    expect(() => buildApp({ charts: ['nope'] })).toThrowError(
      /charts: is not a chart of this app, got "nope". Use one of: hello-world/,
    );
  });
});

describe('host namespaces and host paths', () => {
  function rulesFor(
    profile: 'restricted' | 'baseline' | 'privileged',
    build: (chart: PodwrightChart) => void,
  ) {
    const app = new PodwrightApp();
    build(new PodwrightChart(app, 'host', { profile }));
    return violationsOf(app).map((v) => `${v.rule} ${v.path}`);
  }
  const hostPod = (chart: PodwrightChart) =>
    new Pod(chart, 'node-agent', {
      hostNetwork: true,
      hostPid: true,
      containers: [{ name: 'agent', image: 'busybox' }],
      volumes: [Volume.hostPath('root', '/')],
    });

  it('are refused under baseline, each field named', () => {
    expect(rulesFor('baseline', hostPod)).toEqual([
      'pss.hostNamespaces spec.hostNetwork',
      'pss.hostNamespaces spec.hostPID',
      'pss.hostPathVolumes spec.volumes[0].hostPath',
    ]);
  });

  it('are allowed by the privileged profile only', () => {
    expect(rulesFor('privileged', hostPod)).toEqual([]);
  });
});

describe('kubeVersion', () => {
  // An env var name starting with a digit: refused by 1.28, accepted by 1.33 (RelaxedEnvironmentVariableValidation).
  const podIn = (scope: Chart) =>
    new Pod(scope, 'p', {
      containers: [{ name: 'a', image: 'busybox', env: { '1ST': EnvValue.fromValue('x') } }],
    });

  it('validates for 1.28 unless the app or the chart says otherwise', () => {
    const app = new PodwrightApp();
    podIn(new PodwrightChart(app, 'c'));
    expect(app.kubeVersion).toBe('1.28');
    expect(violationsOf(app).map((v) => v.rule)).toEqual(['env.name.format']);
  });

  it("validates every chart for the app's kubeVersion", () => {
    const app = new PodwrightApp({ kubeVersion: '1.33' });
    podIn(new PodwrightChart(app, 'c'));
    podIn(new Chart(app, 'plain'));
    expect(violationsOf(app)).toEqual([]);
  });

  it("lets a chart target another version than the app's", () => {
    const app = new PodwrightApp({ kubeVersion: '1.33' });
    const old = new PodwrightChart(app, 'old', { kubeVersion: '1.28' });
    podIn(old);
    expect(kubeVersionOf(old)).toBe('1.28');
    expect(violationsOf(app).map((v) => v.object.name)).toEqual(['p']);
  });

  it('fails for an unsupported version, listing the supported ones', () => {
    expect(() => new PodwrightApp({ kubeVersion: '1.30' as KubeVersion })).toThrow(
      "unsupported Kubernetes version '1.30'; supported: 1.28, 1.33",
    );
    expect(() => new PodwrightChart(Testing.app(), 'c', { kubeVersion: '1.27' as KubeVersion })).toThrow(
      'supported: 1.28, 1.33',
    );
  });

  it('is a buildApp option, as the Pulumi program passes it from podwright:kubeVersion', () => {
    expect(buildApp({ charts: ['hello-world'], kubeVersion: '1.33' }).kubeVersion).toBe('1.33');
  });
});
