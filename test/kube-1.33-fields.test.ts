// The fields Kubernetes 1.33 adds to a Pod, set with types (cdk8s-plus-33's generated 1.33 types and podwright's
// typed props): rendered into the manifest of a Pod and of every workload, accepted at synth in a chart that
// targets 1.33, refused at synth under 1.28 with every field, its path, its value and the version it needs.
import { describe, expect, it } from 'vitest';
import { PodwrightApp } from '../src/app';
import { PodwrightChart } from '../src/chart';
import { CronJob } from '../src/cron-job';
import { Deployment } from '../src/deployment';
import type { KubeVersion } from '../src/kube-version';
import { Pod } from '../src/pod';
import type { PodSpecProps } from '../src/pod-template';
import { Handler } from '../src/probe';
import { Volume } from '../src/volume';
import { synthViolations } from './helpers';

/** A Pod spec that sets every 1.33 field podwright offers, first-class or through the typed 1.33 pass-through. */
const spec133: Omit<PodSpecProps, 'restartPolicy'> = {
  securityContext: {
    appArmorProfile: { type: 'RuntimeDefault' },
    supplementalGroupsPolicy: 'Strict',
    seLinuxChangePolicy: 'Recursive',
  },
  affinity: {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 1,
          podAffinityTerm: {
            topologyKey: 'kubernetes.io/hostname',
            labelSelector: { matchLabels: { app: 'web' } },
            matchLabelKeys: ['pod-template-hash'],
          },
        },
      ],
    },
  },
  containers: [
    {
      name: 'app',
      image: 'busybox:1.36',
      securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-app' } },
      lifecycle: { preStop: Handler.sleep({ seconds: 5 }) },
    },
  ],
};

function build(version: KubeVersion, add: (chart: PodwrightChart) => void): PodwrightApp {
  const app = new PodwrightApp({ onWarnings: () => {} });
  add(new PodwrightChart(app, 'c', { kubeVersion: version }));
  return app;
}

function pod(chart: PodwrightChart): Pod {
  const p = new Pod(chart, 'web', spec133);
  p.containers[0].mount('/data', Volume.emptyDir('data'), {
    readOnly: true,
    recursiveReadOnly: 'IfPossible',
  });
  return p;
}

describe('Kubernetes 1.33 fields on a Pod', () => {
  it('reach the manifest, which cdk8s-plus-28 mappers would have dropped them from', () => {
    const [{ manifest }] = build('1.33', pod).objects();
    expect(manifest.spec.securityContext).toMatchObject({
      appArmorProfile: { type: 'RuntimeDefault' },
      supplementalGroupsPolicy: 'Strict',
      seLinuxChangePolicy: 'Recursive',
      // The profile's defaults stay around the user's fields.
      runAsNonRoot: true,
      runAsUser: 65534,
    });
    expect(
      manifest.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]
        .podAffinityTerm,
    ).toMatchObject({ matchLabelKeys: ['pod-template-hash'] });
    expect(manifest.spec.containers[0]).toMatchObject({
      securityContext: {
        appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-app' },
        allowPrivilegeEscalation: false,
      },
      lifecycle: { preStop: { sleep: { seconds: 5 } } },
      volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true, recursiveReadOnly: 'IfPossible' }],
    });
  });

  it('synthesize clean in a chart that targets 1.33', () => {
    expect(synthViolations(build('1.33', pod))).toEqual([]);
  });

  it('fails synth under 1.28 listing every such field with its path, value and the version it needs', () => {
    const found = synthViolations(build('1.28', pod));
    expect(found.every((v) => v.rule === 'schema.unknownField' && v.object.name === 'web')).toBe(true);
    expect(found.map((v) => [v.path, v.value])).toEqual([
      [
        'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.matchLabelKeys',
        ['pod-template-hash'],
      ],
      ['spec.containers[0].lifecycle.preStop.sleep', { seconds: 5 }],
      [
        'spec.containers[0].securityContext.appArmorProfile',
        { type: 'Localhost', localhostProfile: 'k8s-app' },
      ],
      ['spec.containers[0].volumeMounts[0].recursiveReadOnly', 'IfPossible'],
      ['spec.securityContext.appArmorProfile', { type: 'RuntimeDefault' }],
      ['spec.securityContext.seLinuxChangePolicy', 'Recursive'],
      ['spec.securityContext.supplementalGroupsPolicy', 'Strict'],
    ]);
    for (const v of found) {
      expect(v.fix).toMatch(
        /is a field of Kubernetes 1\.33, not 1\.28: remove it, or target that version \(kubeVersion '1\.33'/,
      );
    }
  });

  it('sleeps in a postStart hook too, with the same option object as the other handlers', () => {
    expect(Handler.sleep({ seconds: 0 }).toJson()).toEqual({ sleep: { seconds: 0 } });
    expect(Handler.tcpSocket({ port: 80 }).toJson()).toEqual({ tcpSocket: { port: 80, host: undefined } });
  });

  it('fails synth under 1.33 for a sleep longer than the grace period, as the API server does', () => {
    const app = build('1.33', (c) => {
      new Pod(c, 'web', {
        terminationGracePeriodSeconds: 3,
        containers: [
          { name: 'app', image: 'busybox', lifecycle: { preStop: Handler.sleep({ seconds: 5 }) } },
        ],
      });
    });
    expect(synthViolations(app).map((v) => [v.path, v.rule])).toEqual([
      ['spec.containers[0].lifecycle.preStop.sleep', 'lifecycle.sleep.seconds.range'],
    ]);
  });
});

describe('Kubernetes 1.33 fields on a workload', () => {
  // Workloads render their Pods through the same PodTemplate: the fields land at the template's path.
  it('reach a Deployment and a CronJob at the template path', () => {
    const app = build('1.33', (c) => {
      new Deployment(c, 'web', spec133);
      new CronJob(c, 'nightly', { ...spec133, schedule: '0 3 * * *' });
    });
    const [deployment, cronJob] = app.objects().map((o) => o.manifest);
    for (const template of [deployment.spec.template, cronJob.spec.jobTemplate.spec.template]) {
      expect(template.spec.securityContext).toMatchObject({ supplementalGroupsPolicy: 'Strict' });
      expect(template.spec.containers[0].lifecycle).toEqual({ preStop: { sleep: { seconds: 5 } } });
    }
    expect(synthViolations(app)).toEqual([]);
  });

  it('fail synth under 1.28 at the template path', () => {
    const app = build('1.28', (c) => new Deployment(c, 'web', spec133));
    expect(synthViolations(app).map((v) => v.path)).toContain(
      'spec.template.spec.securityContext.appArmorProfile',
    );
  });
});
