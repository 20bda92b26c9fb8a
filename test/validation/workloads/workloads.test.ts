// Each expectation below was measured with `kubectl create --dry-run=server` against kube-apiserver v1.28.7.
import { describe, expect, it } from 'vitest';
import { isError, type Violation } from '../../../src/errors';
import type { Profile } from '../../../src/profile';
import { validateManifest } from '../../../src/validation';

const RESTRICTED_POD_SPEC = {
  securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [
    {
      name: 'app',
      image: 'nginx:1.25',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    },
  ],
};

function template(spec: object = {}, labels: Record<string, string> = { app: 'web' }): object {
  return { metadata: { labels }, spec: { ...RESTRICTED_POD_SPEC, ...spec } };
}

function errors(manifest: object, profile: Profile = 'restricted'): Violation[] {
  return validateManifest(manifest, profile).filter(isError);
}

function paths(manifest: object, profile: Profile = 'restricted'): string[] {
  return errors(manifest, profile).map((v) => v.path);
}

const deployment = (spec: object = {}, tpl: object = template()) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: tpl, ...spec },
});

const statefulSet = (spec: object = {}, tpl: object = template(), name = 'db') => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name },
  spec: { serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template: tpl, ...spec },
});

const job = (spec: object = {}, tpl: object = template({ restartPolicy: 'Never' }, {}), name = 'pi') => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: { template: tpl, ...spec },
});

const cronJob = (spec: object = {}, name = 'nightly') => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name },
  spec: {
    schedule: '0 3 * * *',
    jobTemplate: { spec: { template: template({ restartPolicy: 'OnFailure' }, {}) } },
    ...spec,
  },
});

describe('workload validation', () => {
  it('accepts a restricted Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob and RC', () => {
    const daemonSet = { ...deployment(), kind: 'DaemonSet' };
    const replicaSet = { ...deployment(), kind: 'ReplicaSet' };
    const rc = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'web' },
      spec: { template: template() },
    };
    const podTemplate = {
      apiVersion: 'v1',
      kind: 'PodTemplate',
      metadata: { name: 't' },
      template: template(),
    };
    for (const m of [deployment(), statefulSet(), daemonSet, replicaSet, job(), cronJob(), rc, podTemplate]) {
      expect(validateManifest(m, 'restricted'), JSON.stringify(m)).toEqual([]);
    }
  });

  it('reports template rules at their full path, every problem at once', () => {
    const bad = template({
      containers: [{ name: 'Bad_Name', image: 'nginx', ports: [{ containerPort: 99999 }] }],
    });
    expect(paths(deployment({}, bad), 'privileged')).toEqual([
      'spec.template.spec.containers[0].name',
      'spec.template.spec.containers[0].ports[0].containerPort',
    ]);
    const cj = cronJob({
      jobTemplate: {
        spec: { template: template({ restartPolicy: 'Never', containers: [{ name: 'c' }] }, {}) },
      },
    });
    expect(paths(cj, 'privileged')).toEqual(['spec.jobTemplate.spec.template.spec.containers[0].image']);
  });

  it('fails when a 1.28 StatefulSet template breaks Pod rules: the server takes the StatefulSet, not its Pods', () => {
    const bad = template({
      containers: [{ name: 'Bad_Name', image: 'nginx', ports: [{ containerPort: 99999 }] }],
    });
    const found = errors(statefulSet({}, bad), 'privileged');
    expect(found.map((v) => v.path)).toEqual([
      'spec.template.spec.containers[0].name',
      'spec.template.spec.containers[0].ports[0].containerPort',
    ]);
    expect(found[0].message).toMatch(
      /^the server accepts the StatefulSet but refuses every Pod it creates: /,
    );
  });

  it('fails when a Deployment template breaks a rule only Pods are held to (image whitespace, priority)', () => {
    const bad = template({
      priority: 5,
      containers: [{ ...RESTRICTED_POD_SPEC.containers[0], image: ' nginx' }],
    });
    const found = errors(deployment({}, bad));
    expect(found.map((v) => v.path)).toEqual([
      'spec.template.spec.containers[0].image',
      'spec.template.spec.priority',
    ]);
    for (const v of found) expect(v.message).toMatch(/server accepts the Deployment but refuses every Pod/);
  });

  it('fails when a template sets nodeName with scheduling gates: the server accepts the Deployment, refuses its Pods', () => {
    const gated = { nodeName: 'node-1', schedulingGates: [{ name: 'example.com/wait' }] };
    const found = errors(deployment({}, template(gated)));
    expect(found.map((v) => v.path)).toEqual(['spec.template.spec.nodeName']);
    expect(found[0].message).toMatch(/server accepts the Deployment but refuses every Pod/);
    expect(errors(deployment({}, template({ nodeName: 'node-1' })))).toEqual([]);
  });

  it('accepts a template that projects a service account token without an account, which a real cluster sets to default', () => {
    const volumes = [{ name: 'token', projected: { sources: [{ serviceAccountToken: { path: 't' } }] } }];
    expect(errors(deployment({}, template({ volumes })))).toEqual([]);
  });

  it('fails when the template breaks the Pod Security profile, and says the server only warns', () => {
    const found = errors(
      deployment(
        {},
        { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      ),
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].message).toMatch(
      /Pod Security "restricted" refuses every Pod this Deployment creates \(the server only warns/,
    );
    expect(found.every((v) => v.path.startsWith('spec.template.spec.'))).toBe(true);
  });

  it('warns, not fails, when a PodTemplate breaks Pod Security (it creates no Pods)', () => {
    const pt = {
      apiVersion: 'v1',
      kind: 'PodTemplate',
      metadata: { name: 't' },
      template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    };
    const all = validateManifest(pt, 'restricted');
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter(isError)).toEqual([]);
  });

  it('fails when the selector is missing, empty, invalid or does not match the template labels', () => {
    expect(paths(deployment({ selector: undefined }))).toEqual(['spec.selector']);
    expect(paths(deployment({ selector: {} }))).toEqual(['spec.selector']);
    expect(paths(deployment({ selector: { matchLabels: { app: 'api' } } }))).toEqual([
      'spec.template.metadata.labels',
    ]);
    expect(paths(deployment({ selector: { matchExpressions: [{ key: 'app', operator: 'Foo' }] } }))).toEqual([
      'spec.selector.matchExpressions[0].operator',
      'spec.selector',
    ]);
    const ds = { ...deployment({ selector: undefined }), kind: 'DaemonSet' };
    expect(paths(ds)).toEqual(['spec.template.metadata.labels']);
  });

  it('fails on the restart policy a kind does not allow', () => {
    expect(paths(deployment({}, template({ restartPolicy: 'Never' })))).toEqual([
      'spec.template.spec.restartPolicy',
    ]);
    expect(paths(job({}, template({}, {})))).toEqual(['spec.template.spec.restartPolicy']);
    expect(paths(job({}, template({ restartPolicy: 'Always' }, {})))).toEqual([
      'spec.template.spec.restartPolicy',
    ]);
  });

  it('fails on Deployment strategy and numeric fields as apps/v1 defaults them', () => {
    expect(paths(deployment({ minReadySeconds: 700 }))).toEqual(['spec.progressDeadlineSeconds']);
    expect(paths(deployment({ replicas: -1 }))).toEqual(['spec.replicas']);
    expect(paths(deployment({ strategy: { rollingUpdate: { maxUnavailable: '0%', maxSurge: 0 } } }))).toEqual(
      ['spec.strategy.rollingUpdate.maxUnavailable'],
    );
    expect(paths(deployment({ strategy: { type: 'Recreate', rollingUpdate: {} } }))).toEqual([
      'spec.strategy.rollingUpdate',
    ]);
    expect(paths(deployment({ strategy: { type: 'Foo' } }))).toEqual(['spec.strategy']);
  });

  it('fails on DaemonSet rolling updates that surge and drop at once', () => {
    const ds = {
      ...deployment({ updateStrategy: { rollingUpdate: { maxUnavailable: '5', maxSurge: '101%' } } }),
      kind: 'DaemonSet',
    };
    expect(paths(ds)).toEqual([
      'spec.updateStrategy.rollingUpdate.maxUnavailable',
      'spec.updateStrategy.rollingUpdate.maxSurge',
      'spec.updateStrategy.rollingUpdate.maxSurge',
    ]);
  });

  it('fails on StatefulSet policies, ordinals and the names its Pods get', () => {
    const bad = statefulSet({
      podManagementPolicy: 'Whatever',
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Foo' },
      ordinals: { start: -1 },
      updateStrategy: { rollingUpdate: { partition: -1 } },
    });
    expect(paths(bad)).toEqual([
      'spec.podManagementPolicy',
      'spec.updateStrategy.rollingUpdate.partition',
      'spec.persistentVolumeClaimRetentionPolicy.whenDeleted',
      'spec.ordinals.start',
    ]);
    expect(paths(statefulSet({}, template(), 'db.example'))).toEqual(['metadata.name']);
    expect(paths(statefulSet({ serviceName: 'Bad.Svc' }))).toEqual(['spec.serviceName']);
  });

  it('mounts a StatefulSet volumeClaimTemplate as the volume of its name', () => {
    const mounted = template({
      containers: [
        { ...RESTRICTED_POD_SPEC.containers[0], volumeMounts: [{ name: 'data', mountPath: '/data' }] },
      ],
    });
    const claims = [
      {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ];
    expect(errors(statefulSet({ volumeClaimTemplates: claims }, mounted))).toEqual([]);
    expect(paths(statefulSet({}, mounted))).toEqual([
      'spec.template.spec.containers[0].volumeMounts[0].name',
    ]);
  });

  it('fails on Job selectors, labels and spec fields as the Job strategy generates them', () => {
    expect(paths(job({ selector: { matchLabels: { app: 'a' } } }))).toEqual(['spec.selector']);
    expect(paths(job({}, template({ restartPolicy: 'Never' }, { 'job-name': 'other' })))).toEqual([
      'spec.template.metadata.labels[job-name]',
    ]);
    expect(paths(job({ manualSelector: true }, template({ restartPolicy: 'Never' }, { a: 'b' })))).toEqual([
      'spec.selector',
      'spec.template.metadata.labels',
    ]);
    expect(paths(job({}, undefined, 'j'.repeat(64)))).toEqual(['spec.template.labels']);
    expect(paths(job({ completionMode: 'Indexed', completions: 10 }, undefined, 'j'.repeat(62)))).toEqual([
      'metadata.name',
    ]);
    expect(paths(job({ backoffLimit: -1, parallelism: -1, completionMode: 'Sometimes' }))).toEqual([
      'spec.parallelism',
      'spec.backoffLimit',
      'spec.completionMode',
    ]);
  });

  it('fails on a Job podFailurePolicy the server refuses', () => {
    const policy = {
      rules: [
        { action: 'FailIndex', onExitCodes: { operator: 'In', values: [1] } },
        {
          action: 'Bogus',
          onExitCodes: { containerName: 'zz', operator: 'Foo', values: [3, 0, 3] },
          onPodConditions: [{ type: 'DisruptionTarget' }],
        },
        { action: 'Ignore', onPodConditions: [{ type: 'bad type!', status: 'Maybe' }] },
        { action: 'Count' },
      ],
    };
    expect(paths(job({ podFailurePolicy: policy }, template({ restartPolicy: 'OnFailure' }, {})))).toEqual([
      'spec.podFailurePolicy.rules[0].action',
      'spec.podFailurePolicy.rules[0].onExitCodes.operator',
      'spec.podFailurePolicy.rules[0].onExitCodes.containerName',
      'spec.podFailurePolicy.rules[0].onExitCodes.values[2]',
      'spec.podFailurePolicy.rules[0].onExitCodes.values',
      'spec.podFailurePolicy.rules[0]',
      'spec.podFailurePolicy.rules[1].onPodConditions[0].type',
      'spec.podFailurePolicy.rules[1].onPodConditions[0].status',
      'spec.podFailurePolicy.rules[2]',
      'spec.template.spec.restartPolicy',
    ]);
  });

  it('fails on null podFailurePolicy entries, which the server decodes as empty ones', () => {
    const policy = { rules: [null, { action: 'Ignore', onPodConditions: [null] }] };
    expect(paths(job({ podFailurePolicy: policy }))).toEqual([
      'spec.podFailurePolicy.rules[0].action',
      'spec.podFailurePolicy.rules[0]',
      'spec.podFailurePolicy.rules[1].onPodConditions[0].type',
    ]);
  });

  it('fails on CronJob schedules the server cannot parse, and accepts the ones it can', () => {
    for (const ok of [
      '@hourly',
      '@every 1h30m',
      '* * * JAN-MAR SUN',
      '? ? ? ? ?',
      '1,,2 * * * *',
      '+5 * * * *',
      '*-5 * * * *',
      '0/5 * * * *',
      '0 0 31 2 *',
    ]) {
      expect(paths(cronJob({ schedule: ok })), ok).toEqual([]);
    }
    for (const bad of [
      '@hourly ',
      '@HOURLY',
      '@every 1x',
      '*/0 * * * *',
      '5-1 * * * *',
      '* * * * 7',
      '* * * *',
      '1-2-3 * * * *',
      '1/2/3 * * * *',
      '60/5 * * * *',
      '0 24 * * *',
      '0 0 0 * *',
      'TZ=Bad/Zone 0 * * * *',
    ]) {
      expect(paths(cronJob({ schedule: bad })), bad).toEqual(['spec.schedule']);
    }
    expect(validateManifest(cronJob({ schedule: 'CRON_TZ=UTC 0 * * * *' }), 'restricted')).toMatchObject([
      { path: 'spec.schedule', severity: 'warning' },
    ]);
    expect(paths(cronJob({ schedule: 'CRON_TZ=UTC 0 * * * *', timeZone: 'UTC' }))).toEqual(['spec.schedule']);
  });

  it('fails on time zones Go cannot load, and on CronJob names over 52 characters', () => {
    for (const ok of ['UTC', 'US/Pacific', 'Etc/GMT+5', 'Europe/Kyiv', 'Factory', 'EST5EDT']) {
      expect(paths(cronJob({ timeZone: ok })), ok).toEqual([]);
    }
    for (const bad of ['utc', 'america/new_york', 'GMT+5', 'Local', '', 'Mars/Olympus']) {
      expect(paths(cronJob({ timeZone: bad })), bad).toEqual(['spec.timeZone']);
    }
    expect(paths(cronJob({}, 'c'.repeat(53)))).toEqual(['metadata.name']);
    expect(paths(cronJob({}, 'c'.repeat(52)))).toEqual([]);
  });

  it('fails on ReplicationControllers without a selector or template', () => {
    const rc = (spec: object) => ({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'r' },
      spec,
    });
    expect(paths(rc({ template: template({}, {}) }))).toEqual(['spec.selector']);
    expect(paths(rc({ selector: { app: 'a' } }))).toEqual(['spec.template']);
  });

  it('applies the 1.33 rules where they differ', () => {
    const v133 = (m: object) => validateManifest(m, 'restricted', undefined, '1.33').filter(isError);
    expect(v133(statefulSet({ serviceName: 'Bad.Svc' }))[0].message).not.toMatch(/refuses every Pod/);
    expect(v133(cronJob({ schedule: 'CRON_TZ=UTC 0 * * * *' })).map((v) => v.path)).toEqual([
      'spec.schedule',
    ]);
  });
});
