import type { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { CronJob } from '../src/cron-job';
import { DaemonSet } from '../src/daemon-set';
import { Deployment } from '../src/deployment';
import { PodwrightError } from '../src/errors';
import { Job } from '../src/job';
import { Pod } from '../src/pod';
import { AbstractPod } from '../src/pod-template';
import { Probe } from '../src/probe';
import type { Profile } from '../src/profile';
import { StatefulSet } from '../src/stateful-set';
import { Volume } from '../src/volume';
import { Workload } from '../src/workload';
import { chart, synth } from './helpers';

type Props = { containers: { name: string; image: string }[]; restartPolicy?: any };
const KINDS: Record<string, { make: (c: Construct, props: Props) => Workload; path: string }> = {
  Deployment: { make: (c, p) => new Deployment(c, 'w', p), path: 'spec.template.spec' },
  StatefulSet: { make: (c, p) => new StatefulSet(c, 'w', p), path: 'spec.template.spec' },
  DaemonSet: { make: (c, p) => new DaemonSet(c, 'w', p), path: 'spec.template.spec' },
  Job: { make: (c, p) => new Job(c, 'w', p), path: 'spec.template.spec' },
  CronJob: {
    make: (c, p) => new CronJob(c, 'w', { schedule: '@hourly', ...p }),
    path: 'spec.jobTemplate.spec.template.spec',
  },
};
const NAMES = Object.keys(KINDS);
const busybox = { name: 'app', image: 'busybox' };

/** The value at a dotted path of a manifest. */
function at(manifest: any, path: string): any {
  return path.split('.').reduce((v, k) => v?.[k], manifest);
}

/** The Pod spec a bare Pod with the same props renders, under `profile`. */
function podSpec(profile: Profile, props: Props): any {
  const c = chart({ profile });
  new Pod(c, 'w', props);
  return synth(c)[0].spec;
}

describe('workloads', () => {
  it.each(NAMES)(
    'a %s renders its Pod template exactly as a Pod with the same props renders its spec',
    (kind) => {
      // Jobs need a restart policy other than Always; give the Pod the one the Job writes.
      const restartPolicy = kind === 'Job' || kind === 'CronJob' ? 'OnFailure' : undefined;
      for (const profile of ['restricted', 'baseline', 'privileged'] as const) {
        const c = chart({ profile });
        const w = KINDS[kind].make(c, { containers: [busybox], restartPolicy });
        expect(at(synth(c)[0], KINDS[kind].path)).toEqual(
          podSpec(profile, { containers: [busybox], restartPolicy }),
        );
        expect(w.profile).toBe(profile);
      }
    },
  );

  it.each(NAMES)(
    'a %s gets the same secure defaults as a Pod under restricted, on every container',
    (kind) => {
      const c = chart();
      const w = KINDS[kind].make(c, { containers: [busybox] });
      w.addInitContainer({ name: 'init', image: 'busybox' });
      const spec = at(synth(c)[0], KINDS[kind].path);
      expect(spec.securityContext).toEqual({
        runAsNonRoot: true,
        runAsUser: 65534,
        runAsGroup: 65534,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      for (const container of [...spec.containers, ...spec.initContainers]) {
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
          readOnlyRootFilesystem: true,
        });
      }
    },
  );

  it.each(NAMES)('a %s has the high-level API of a Pod: containers, mounts, probes, sidecars', (kind) => {
    const c = chart();
    const w = KINDS[kind].make(c, { containers: [] });
    const web = w.addContainer({
      name: 'web',
      image: 'nginx',
      readinessProbe: Probe.tcpSocket({ port: 80 }),
    });
    web.mount('/tmp', Volume.emptyDir('tmp'));
    w.addSidecar({ name: 'log', image: 'busybox' });
    const spec = at(synth(c)[0], KINDS[kind].path);
    expect(spec).toMatchObject({
      containers: [{ name: 'web', volumeMounts: [{ mountPath: '/tmp', name: 'tmp' }], readinessProbe: {} }],
      initContainers: [{ name: 'log', restartPolicy: 'Always' }],
      volumes: [{ name: 'tmp', emptyDir: {} }],
    });
    expect(w instanceof AbstractPod && w instanceof Workload && !(w instanceof Pod)).toBe(true);
  });

  it.each(NAMES)("fails when a %s's container names repeat, with the path under the template", (kind) => {
    const c = chart();
    const w = KINDS[kind].make(c, { containers: [busybox] });
    expect(() => w.addContainer(busybox)).toThrow(`${KINDS[kind].path}.containers[1].name`);
  });

  it('tells the kinds apart by brand, not by ApiObject instanceof', () => {
    const c = chart();
    const made = NAMES.map((kind) => KINDS[kind].make(chart(), { containers: [busybox] }));
    const classes = [Deployment, StatefulSet, DaemonSet, Job, CronJob];
    made.forEach((w, i) => classes.forEach((k, j) => expect(w instanceof k).toBe(i === j)));
    expect(new Pod(c, 'p') instanceof Deployment).toBe(false);
  });
});

describe('selector and labels of Deployments, StatefulSets and DaemonSets', () => {
  const SELECTING = ['Deployment', 'StatefulSet', 'DaemonSet'];

  it.each(SELECTING)('a %s labels its Pods app=<name> and selects them by it when given neither', (kind) => {
    const c = chart();
    KINDS[kind].make(c, { containers: [busybox] });
    const [m] = synth(c);
    expect(m.spec.selector).toEqual({ matchLabels: { app: 'w' } });
    expect(m.spec.template.metadata).toEqual({ labels: { app: 'w' } });
    expect(m.metadata).toEqual({ name: 'w' });
  });

  it('derives the selector from the template labels given, and names the default after metadata.name', () => {
    const c = chart();
    new Deployment(c, 'a', { podMetadata: { labels: { tier: 'web', app: 'shop' } }, containers: [busybox] });
    new DaemonSet(c, 'b', { metadata: { name: 'agent' }, containers: [busybox] });
    const [a, b] = synth(c);
    expect(a.spec.selector).toEqual({ matchLabels: { tier: 'web', app: 'shop' } });
    expect(b.spec.selector).toEqual({ matchLabels: { app: 'agent' } });
    expect(b.spec.template.metadata.labels).toEqual({ app: 'agent' });
  });

  it('keeps a selector that selects the template', () => {
    const c = chart();
    new StatefulSet(c, 's', {
      podMetadata: { labels: { app: 's', extra: 'x' } },
      selector: { matchLabels: { app: 's' } },
      containers: [busybox],
    });
    expect(synth(c)[0].spec.selector).toEqual({ matchLabels: { app: 's' } });
  });

  it('fails when the selector does not select the template labels, on the path the API server names', () => {
    const build = () =>
      new Deployment(chart(), 'web', { selector: { matchLabels: { app: 'other' } }, containers: [busybox] });
    expect(build).toThrow(PodwrightError);
    expect(build).toThrow(
      'Deployment web spec.template.metadata.labels: are not selected by spec.selector, which needs app=other, got {"app":"web"}. Leave selector out',
    );
  });

  it('fails when the selector is empty, which the API server refuses', () => {
    expect(() => new DaemonSet(chart(), 'd', { selector: {}, containers: [busybox] })).toThrow(
      'DaemonSet d spec.selector: is empty',
    );
  });

  it.each(SELECTING)('fails when a %s is given a restart policy other than Always', (kind) => {
    expect(() => KINDS[kind].make(chart(), { containers: [busybox], restartPolicy: 'Never' })).toThrow(
      `${kind} w spec.template.spec.restartPolicy: is not a restart policy a ${kind} allows, got "Never". Use 'Always'`,
    );
  });
});

describe('restart policy of Jobs and CronJobs', () => {
  it('defaults a Job to Never and a CronJob to OnFailure, as kubectl create does', () => {
    const c = chart();
    new Job(c, 'j', { containers: [busybox] });
    new CronJob(c, 'cj', { schedule: '@daily', containers: [busybox] });
    const [job, cron] = synth(c);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(cron.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('OnFailure');
  });

  it('adds no labels and no selector to a Job: the Job controller labels its Pods', () => {
    const c = chart();
    new Job(c, 'j', { containers: [busybox] });
    const [job] = synth(c);
    expect(job.spec.selector).toBeUndefined();
    expect(job.spec.template.metadata).toBeUndefined();
  });

  it('fails when a Job or CronJob is given restartPolicy Always, with the path and the policies allowed', () => {
    expect(() => new Job(chart(), 'j', { containers: [busybox], restartPolicy: 'Always' as any })).toThrow(
      "Job j spec.template.spec.restartPolicy: is not a restart policy a Job allows, got \"Always\". Use 'Never' or 'OnFailure'",
    );
    expect(
      () =>
        new CronJob(chart(), 'c', {
          schedule: '@daily',
          containers: [busybox],
          restartPolicy: 'Always' as any,
        }),
    ).toThrow('CronJob c spec.jobTemplate.spec.template.spec.restartPolicy: is not a restart policy');
  });
});
