import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it, vi } from 'vitest';
import * as YAML from 'yaml';
import { buildApp, PodwrightApp } from '../../src/app';
import { PodwrightChart } from '../../src/chart';
import { PodwrightError } from '../../src/errors';
import { CronJob } from '../../src/cron-job';
import { DaemonSet } from '../../src/daemon-set';
import { Deployment } from '../../src/deployment';
import { Job } from '../../src/job';
import { Pod } from '../../src/pod';
import { StatefulSet } from '../../src/stateful-set';
import { PodwrightStack, resourceName } from '../../src/pulumi/stack';
import { installMocks, valueOf } from './mocks';

const registered = installMocks();

describe('PodwrightStack', () => {
  it('must not register anything when a Pod is invalid, and lists every violation', () => {
    const app = new PodwrightApp();
    const chart = new PodwrightChart(app, 'bad');
    new Pod(chart, 'Bad_Name', {
      containers: [{ name: 'app', image: 'busybox', securityContext: { privileged: true } }],
    });
    const before = registered.length;
    let error: unknown;
    try {
      new PodwrightStack('bad', { app });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PodwrightError);
    const paths = (error as PodwrightError).violations.map((v) => v.path);
    expect(paths).toContain('metadata.name');
    expect(paths).toContain('spec.containers[0].securityContext.privileged');
    // Each names the line of this file that made the Pod (test/source.test.ts checks which line).
    expect(new Set((error as PodwrightError).violations.map((v) => v.source?.file))).toEqual(
      new Set(['test/pulumi/stack.test.ts']),
    );
    expect(registered.length).toBe(before);
  });

  it('logs what the API server accepts with a warning and still deploys the Pod', async () => {
    const warn = vi.spyOn(pulumi.log, 'warn').mockResolvedValue();
    try {
      const app = new PodwrightApp();
      new Pod(new PodwrightChart(app, 'warned'), 'web', {
        containers: [
          { name: 'app', image: 'busybox', ports: [{ containerPort: 80 }, { containerPort: 80 }] },
        ],
      });
      const stack = new PodwrightStack('warned', { app });
      expect(await valueOf(stack.podNames)).toEqual(['web']);
      expect(registered.some((r) => r.name === 'warned-web' && r.type === 'kubernetes:core/v1:Pod')).toBe(
        true,
      );
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining('spec.containers[0].ports[1]: duplicate port definition'),
        stack,
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('registers other kinds generically with their own type token and a provider for context and namespace', async () => {
    const app = new PodwrightApp();
    const chart = new PodwrightChart(app, 'mixed');
    new Pod(chart, 'web', { containers: [{ name: 'app', image: 'busybox' }] });
    new ApiObject(chart, 'quota', {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'q' },
      spec: {},
    });
    const stack = new PodwrightStack('mixed', { app, context: 'kind-dev', namespace: 'demo' });
    expect(await valueOf(stack.podNames)).toEqual(['web']);
    expect(await valueOf(stack.namespace)).toBe('demo');
    const mine = registered.filter((r) => r.name.startsWith('mixed'));
    expect(mine.map((r) => r.type).sort()).toEqual(
      [
        'kubernetes:core/v1:Pod',
        'kubernetes:v1:ResourceQuota',
        'pulumi:providers:kubernetes',
        'podwright:index:Stack',
      ].sort(),
    );
    expect(mine.find((r) => r.type === 'pulumi:providers:kubernetes')?.inputs).toMatchObject({
      context: 'kind-dev',
      namespace: 'demo',
    });
  });

  it('deploys cdk8s-plus-28 objects of the same App the same way, as typed resources', async () => {
    const app = new PodwrightApp();
    const chart = new PodwrightChart(app, 'plus', { profile: 'baseline' });
    new kplus.Pod(chart, 'plus-pod', {
      metadata: { name: 'plus-pod' },
      containers: [{ image: 'busybox', name: 'main' }],
    });
    new kplus.ConfigMap(chart, 'plus-config', { metadata: { name: 'plus-config' }, data: { a: 'b' } });
    const stack = new PodwrightStack('plus', { app });
    expect(await valueOf(stack.podNames)).toEqual(['plus-pod']);
    const mine = registered.filter((r) => r.name.startsWith('plus-'));
    expect(mine.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      'kubernetes:core/v1:ConfigMap plus-configmap-plus-config',
      'kubernetes:core/v1:Pod plus-plus-pod',
    ]);
    const [object] = app.objects().filter((o) => o.manifest.kind === 'Pod');
    expect(mine.find((r) => r.type === 'kubernetes:core/v1:Pod')?.inputs).toEqual(object.manifest);
  });

  it('registers each workload as its typed resource with exactly its manifest, and lists them in workloads', async () => {
    const app = new PodwrightApp();
    const chart = new PodwrightChart(app, 'wl');
    const containers = [{ name: 'app', image: 'busybox' }];
    new Deployment(chart, 'web', { containers });
    new StatefulSet(chart, 'db', { containers });
    new DaemonSet(chart, 'agent', { containers });
    new Job(chart, 'once', { containers });
    new CronJob(chart, 'nightly', { schedule: '@daily', containers });
    const stack = new PodwrightStack('wl', { app });
    expect((await valueOf(stack.workloads)).sort()).toEqual(
      ['CronJob/nightly', 'DaemonSet/agent', 'Deployment/web', 'Job/once', 'StatefulSet/db'].sort(),
    );
    expect(await valueOf(stack.podNames)).toEqual([]);
    const mine = registered.filter((r) => r.name.startsWith('wl-'));
    expect(mine.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      'kubernetes:apps/v1:DaemonSet wl-daemonset-agent',
      'kubernetes:apps/v1:Deployment wl-deployment-web',
      'kubernetes:apps/v1:StatefulSet wl-statefulset-db',
      'kubernetes:batch/v1:CronJob wl-cronjob-nightly',
      'kubernetes:batch/v1:Job wl-job-once',
    ]);
    for (const { manifest } of app.objects()) {
      expect(mine.find((r) => r.inputs.kind === manifest.kind)?.inputs).toEqual(manifest);
    }
  });

  it('deploys the example workload charts as typed resources, each exactly as dist/ has it', async () => {
    const charts = ['web-deployment', 'store-statefulset', 'agent-daemonset', 'pi-job', 'hello-cronjob'];
    const stack = new PodwrightStack('examples', { app: buildApp({ charts }) });
    expect((await valueOf(stack.workloads)).sort()).toEqual([
      'CronJob/hello',
      'DaemonSet/node-agent',
      'Deployment/web',
      'Job/pi',
      'StatefulSet/store',
    ]);
    const inputs = registered.filter((r) => r.type.startsWith('kubernetes:')).map((r) => r.inputs);
    for (const chart of charts) {
      const text = fs.readFileSync(path.join(__dirname, '..', '..', 'dist', `${chart}.k8s.yaml`), 'utf8');
      for (const object of YAML.parseAllDocuments(text).map((d) => d.toJS())) {
        expect(inputs).toContainEqual(object);
      }
    }
    const types = registered.filter(
      (r) => r.name.startsWith('web-deployment') || r.name.startsWith('pi-job'),
    );
    expect(types.map((r) => r.type).sort()).toEqual([
      'kubernetes:apps/v1:Deployment',
      'kubernetes:batch/v1:Job',
      'kubernetes:core/v1:Service',
    ]);
  });

  it('must not register anything when a workload would break the profile, as for a Pod', () => {
    const app = new PodwrightApp();
    const chart = new PodwrightChart(app, 'badwl');
    new Deployment(chart, 'web', {
      containers: [{ name: 'app', image: 'busybox', securityContext: { privileged: true } }],
    });
    const before = registered.length;
    expect(() => new PodwrightStack('badwl', { app })).toThrow(PodwrightError);
    expect(() => new PodwrightStack('badwl2', { app })).toThrow(
      'spec.template.spec.containers[0].securityContext.privileged',
    );
    expect(registered.length).toBe(before);
  });

  it('names resources by chart, namespace, kind and name', () => {
    expect(resourceName({ chart: 'c', manifest: { kind: 'Pod', metadata: { name: 'p' } } })).toBe('c-p');
    expect(
      resourceName({ chart: 'c', manifest: { kind: 'Secret', metadata: { name: 's', namespace: 'n' } } }),
    ).toBe('c-n-secret-s');
  });
});
