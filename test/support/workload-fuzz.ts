// The fuzzer over workloads: seeded mutations (test/support/fuzz.ts) of the documentation workloads and the
// accepted workload fixtures, with extra edits of the workload fields themselves (schedules, strategies,
// selectors, counts), each judged by the workload and the Pod its controller creates (`judgeAllProfiles`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { isPlainObject } from '../../src/json';
import type { Profile } from '../../src/profile';
import { isWorkload } from '../../src/validation';
import type { ApiClient } from './apiserver';
import type { ProfileNamespaces } from './differential';
import { type Mutant, type Mutation, type PodPaths, type Rng, mutate, rngFor } from './fuzz';
import { type FuzzResult, runMutants } from './fuzz-run';

type Json = Record<string, any>;

/** The workloads the fuzzer starts from: test/fixtures/docs-workloads and test/fixtures/workloads/accepted. */
export function workloadBases(): { source: string; object: Json }[] {
  const root = path.join(__dirname, '..', 'fixtures');
  return ['docs-workloads', 'workloads/accepted'].flatMap((folder) =>
    fs
      .readdirSync(path.join(root, folder))
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .flatMap((f) =>
        YAML.parseAllDocuments(fs.readFileSync(path.join(root, folder, f), 'utf8'))
          .map((d) => d.toJS())
          .filter((o) => isWorkload(o))
          .map((object, i) => ({ source: `${folder}/${f}#${i}`, object: object as Json })),
      ),
  );
}

/** Where the Pod template of `workload` sits. */
export function templatePaths(workload: Json): PodPaths {
  if (workload.kind === 'CronJob') {
    const t = ['spec', 'jobTemplate', 'spec', 'template'];
    return { spec: [...t, 'spec'], metadata: [...t, 'metadata'] };
  }
  if (workload.kind === 'PodTemplate')
    return { spec: ['template', 'spec'], metadata: ['template', 'metadata'] };
  return { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] };
}

// Values for the workload fields, near what each kind's rules look at.
const SCHEDULES = [
  '*/5 * * * *',
  '0 0 * * 0',
  '@daily',
  '@every 90s',
  '@weekly ',
  '0 0 30 2 *',
  '60 * * * *',
  '* * * * 8',
  '0-59/15 * * * *',
  'MON * * * *',
  '* * * JAN *',
  '5-3 * * * *',
  '*/0 * * * *',
  '0 0 * * * *',
  '',
  'TZ=UTC 0 * * * *',
  '@every 1d',
];
const ZONES = [
  'UTC',
  'Etc/UTC',
  'Europe/Paris',
  'America/New_York',
  'Local',
  'utc',
  'Europe/Pariss',
  'US/Eastern',
  '',
  'GMT+1',
  'Etc/GMT-3',
  '../etc/passwd',
  'Asia/Kolkata',
];
const SUCCEEDED_INDEXES = [undefined, '0', '0-2', '1,3', '', '+1', '-1', '2-1', '0,0', '1,', 'a', '0-99'];
const MANAGED_BY = [
  'example.com/batch',
  'kubernetes.io/job-controller',
  'batch',
  '',
  'Bad_Host/x',
  'a.io/b c',
  `example.com/${'a'.repeat(60)}`,
  'a/b/c',
];
const INT_OR_PERCENT = [0, 1, -1, 2, '0%', '25%', '100%', '101%', '5', 'x%', '-1%', 1.5];
const COUNTS = [0, 1, -1, 3, 100001, 2147483647, 2147483648, '1', null];
const NAMES = [
  'a',
  'web',
  'x'.repeat(52),
  'x'.repeat(53),
  'x'.repeat(62),
  'x'.repeat(64),
  'a.b',
  'Web',
  'a-',
];

const pick = <T>(rng: Rng, list: readonly T[]): T => rng.pick(list as T[]);

const KIND_EDITS: Record<string, readonly ((o: Json, r: Rng) => string)[]> = {
  CronJob: [
    (o, r) => `schedule ${JSON.stringify((o.spec.schedule = pick(r, SCHEDULES)))}`,
    (o, r) => `timeZone ${JSON.stringify((o.spec.timeZone = pick(r, ZONES)))}`,
    (o, r) =>
      `concurrencyPolicy ${(o.spec.concurrencyPolicy = pick(r, ['Allow', 'Forbid', 'Replace', 'Never', '']))}`,
    (o, r) => `startingDeadlineSeconds ${(o.spec.startingDeadlineSeconds = pick(r, COUNTS))}`,
    (o, r) => `successfulJobsHistoryLimit ${(o.spec.successfulJobsHistoryLimit = pick(r, COUNTS))}`,
    (o, r) => `jobTemplate.spec.completions ${(o.spec.jobTemplate.spec.completions = pick(r, COUNTS))}`,
  ],
  Job: [
    (o, r) => `completionMode ${(o.spec.completionMode = pick(r, ['Indexed', 'NonIndexed', 'Other']))}`,
    (o, r) => `completions ${(o.spec.completions = pick(r, COUNTS))}`,
    (o, r) => `parallelism ${(o.spec.parallelism = pick(r, COUNTS))}`,
    (o, r) => `backoffLimit ${(o.spec.backoffLimit = pick(r, COUNTS))}`,
    (o, r) => `manualSelector ${(o.spec.manualSelector = pick(r, [true, false]))}`,
    (o, r) => `selector ${JSON.stringify((o.spec.selector = pick(r, [{}, { matchLabels: { app: 'x' } }])))}`,
    (o, r) => {
      o.spec.podFailurePolicy = {
        rules: [
          {
            action: pick(r, ['FailJob', 'Ignore', 'Count', 'FailIndex', 'Bogus']),
            onExitCodes: {
              operator: pick(r, ['In', 'NotIn']),
              values: pick(r, [[1], [0], [2, 1], [1, 1], []]),
            },
          },
        ],
      };
      return `podFailurePolicy ${JSON.stringify(o.spec.podFailurePolicy)}`;
    },
    // Fields of 1.33 (unknown to 1.28): an Indexed Job's success policy, the controller that manages the Job.
    (o, r) => {
      const rule: Json = {};
      const indexes = pick(r, SUCCEEDED_INDEXES);
      const count = pick(r, [undefined, 0, 1, 2, 5, -1]);
      if (indexes !== undefined) rule.succeededIndexes = indexes;
      if (count !== undefined) rule.succeededCount = count;
      o.spec.successPolicy = { rules: pick(r, [[rule], [], [rule, { succeededCount: 1 }]]) };
      return `successPolicy ${JSON.stringify(o.spec.successPolicy)}`;
    },
    (o, r) => `managedBy ${JSON.stringify((o.spec.managedBy = pick(r, MANAGED_BY)))}`,
  ],
  Deployment: [
    (o, r) =>
      `strategy ${JSON.stringify((o.spec.strategy = { type: pick(r, ['RollingUpdate', 'Recreate', 'Other']), rollingUpdate: { maxSurge: pick(r, INT_OR_PERCENT), maxUnavailable: pick(r, INT_OR_PERCENT) } }))}`,
    (o, r) => `minReadySeconds ${(o.spec.minReadySeconds = pick(r, [0, 5, 599, 600, 601, -1]))}`,
    (o, r) => `progressDeadlineSeconds ${(o.spec.progressDeadlineSeconds = pick(r, [0, 1, 600, -1]))}`,
    (o, r) => `replicas ${(o.spec.replicas = pick(r, COUNTS))}`,
  ],
  DaemonSet: [
    (o, r) =>
      `updateStrategy ${JSON.stringify((o.spec.updateStrategy = { type: pick(r, ['RollingUpdate', 'OnDelete', 'Other']), rollingUpdate: { maxSurge: pick(r, INT_OR_PERCENT), maxUnavailable: pick(r, INT_OR_PERCENT) } }))}`,
  ],
  StatefulSet: [
    (o, r) =>
      `podManagementPolicy ${(o.spec.podManagementPolicy = pick(r, ['OrderedReady', 'Parallel', 'Other']))}`,
    (o, r) =>
      `updateStrategy ${JSON.stringify((o.spec.updateStrategy = { type: pick(r, ['RollingUpdate', 'OnDelete']), rollingUpdate: { partition: pick(r, COUNTS) } }))}`,
    (o, r) => `serviceName ${(o.spec.serviceName = pick(r, ['svc', 'Svc', 'a.b', '', 'x'.repeat(64)]))}`,
    (o, r) => `ordinals ${JSON.stringify((o.spec.ordinals = { start: pick(r, COUNTS) }))}`,
    (o, r) =>
      `persistentVolumeClaimRetentionPolicy ${JSON.stringify((o.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: pick(r, ['Retain', 'Delete', 'Keep']) }))}`,
  ],
};

/** One edit of a workload field: the kind's own fields, its name, or its selector against the template labels. */
const editWorkload: Mutation = (root, rng) => {
  const kind = String(root.kind);
  if (!isPlainObject(root.spec) && kind !== 'PodTemplate') return undefined;
  const edits = [
    ...(KIND_EDITS[kind] ?? []),
    (o: Json, r: Rng) => `name ${(o.metadata.name = pick(r, NAMES))}`,
    ...(kind === 'PodTemplate' || kind === 'CronJob' || kind === 'Job'
      ? []
      : [
          (o: Json, r: Rng) =>
            `selector ${JSON.stringify((o.spec.selector = pick(r, [{}, { matchLabels: { other: 'x' } }, { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] }])))}`,
        ]),
  ];
  try {
    return pick(rng, edits)(root, rng);
  } catch {
    return undefined;
  }
};

/** Mutant `index` of `seed`: a base workload, hardened half the time, with one to three edits. Pure. */
export function workloadMutant(
  seed: number,
  index: number,
  bases: readonly { source: string; object: Json }[],
): Mutant {
  const rng = rngFor(seed, index);
  const base = rng.pick(bases as { source: string; object: Json }[]);
  const object = structuredClone(base.object);
  const edits = mutate(object, templatePaths(object), rng, [['workload', editWorkload, 25]]);
  return { index, base: base.source, edits, object };
}

/** Judges `count` workload mutants of `seed` under every profile (see `runFuzz` for Pods). */
export async function runWorkloadFuzz(
  client: ApiClient,
  namespaces: ProfileNamespaces,
  seed: number,
  count: number,
  concurrency = 12,
): Promise<Record<Profile, FuzzResult>> {
  const bases = workloadBases();
  return runMutants(client, namespaces, seed, count, (i) => workloadMutant(seed, i, bases), concurrency);
}
