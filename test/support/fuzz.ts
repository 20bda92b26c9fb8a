// A seeded mutation fuzzer: random edits of valid objects (values replaced by boundary and wrong-type values,
// fields deleted, keys misspelled, list entries duplicated or nulled, security and scheduling fields added).
// Every mutant is a pure function of (seed, index), so a disagreement found in CI is reproduced from two numbers.
// The mutation functions work on any JSON object; the Pod ones take the path of a Pod spec, so a workload fuzzer
// reuses them on `spec.template.spec` (`podSpecPath`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { isPlainObject } from '../../src/json';

/** Default seed of `npm test`: CI is deterministic. Override with PODWRIGHT_FUZZ_SEED. */
export const DEFAULT_SEED = 7;
/** Default mutants per profile and version. Override with PODWRIGHT_FUZZ_COUNT. */
export const DEFAULT_COUNT = 5000;

/** A seeded random source (mulberry32): same seed, same sequence, on every machine. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** One element of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** The random source of mutant `index` under `seed`: independent of every other mutant. */
export function rngFor(seed: number, index: number): Rng {
  return new Rng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
}

type Json = Record<string, unknown>;
type Key = string | number;

/** A place in an object: the path of keys from the root, the container holding it and its key there. */
interface Slot {
  readonly keys: Key[];
  readonly parent: Json | unknown[];
  readonly key: Key;
}

/** Kubernetes notation of a key path: `spec.containers[0].ports[1].containerPort`. */
export function showPath(keys: readonly Key[]): string {
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** Fields never mutated: they decide which URL the object goes to and which namespace it lives in. */
const FIXED = new Set(['apiVersion', 'kind', 'metadata.namespace']);

/** Every slot under `root` (depth first), apart from the fixed fields. */
function slots(root: Json): Slot[] {
  const out: Slot[] = [];
  const walk = (node: unknown, keys: Key[]): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push({ keys: [...keys, i], parent: node, key: i });
        walk(child, [...keys, i]);
      });
    } else if (isPlainObject(node)) {
      for (const [k, child] of Object.entries(node)) {
        const childKeys = [...keys, k];
        if (FIXED.has(showPath(childKeys))) continue;
        out.push({ keys: childKeys, parent: node, key: k });
        walk(child, childKeys);
      }
    }
  };
  walk(root, []);
  return out;
}

function get(root: unknown, keys: readonly Key[]): unknown {
  let node: any = root;
  for (const k of keys) node = node?.[k];
  return node;
}

/** The object at `keys`, created (as `{}`) along the way where missing or not an object. */
function ensure(root: Json, keys: readonly Key[]): Json {
  let node: Json = root;
  for (const k of keys) {
    const next = node[k as string];
    if (!isPlainObject(next)) node[k as string] = {};
    node = node[k as string] as Json;
  }
  return node;
}

// ---------------------------------------------------------------------------------------------------------
// Values

const LONG = 'a'.repeat(254);
const LONGER = `${'b'.repeat(64)}`;

/** Boundary and wrong-type values for any field. */
const ANY_VALUES: readonly unknown[] = [
  0,
  -1,
  1,
  2147483647,
  2147483648,
  -2147483649,
  1e18,
  0.5,
  1.5,
  '',
  ' ',
  LONG,
  LONGER,
  null,
  {},
  [],
  [1],
  [''],
  [null],
  { a: 1 },
  true,
  false,
  '1',
  '-1',
  '0.5',
  'true',
  'Invalid_Value',
  'UPPER',
  'a/b',
  '..',
  '/abs',
  '1Gi',
  '100m',
  '-100m',
  '1.5 cores',
  '10.0.0.1',
  '*',
];

/** Extra candidates by the current value's type: near the value itself, or the same type at its edges. */
function valuesLike(current: unknown): readonly unknown[] {
  if (typeof current === 'number') {
    return [
      current + 1,
      current - 1,
      -current,
      current * 1000,
      current + 0.5,
      String(current),
      65535,
      65536,
      600,
      599,
    ];
  }
  if (typeof current === 'string') {
    return [
      current.toUpperCase(),
      current.toLowerCase(),
      `${current}_x`,
      ` ${current}`,
      `${current} `,
      current.slice(1),
      current + current,
      Number(current.replace(/\D/g, '') || '1'),
      [current],
      { value: current },
    ];
  }
  if (typeof current === 'boolean') return [!current, String(current), current ? 1 : 0];
  if (Array.isArray(current))
    return [current.slice(0, 1), [...current, ...current], current.length ? current[0] : 'x'];
  return [];
}

// ---------------------------------------------------------------------------------------------------------
// Mutations on any JSON object

/** One mutation: changes `root` in place, returns a description, or undefined when it found nothing to change. */
export type Mutation = (root: Json, rng: Rng) => string | undefined;

/** Replaces one value anywhere with a boundary or wrong-type value. */
export const replaceValue: Mutation = (root, rng) => {
  const all = slots(root);
  if (all.length === 0) return undefined;
  const slot = rng.pick(all);
  const current = (slot.parent as any)[slot.key];
  const like = valuesLike(current);
  const value = like.length && rng.chance(0.5) ? rng.pick(like) : rng.pick(ANY_VALUES);
  (slot.parent as any)[slot.key] = structuredClone(value);
  return `replace ${showPath(slot.keys)} = ${JSON.stringify(value)?.slice(0, 40)}`;
};

/** Deletes one field of an object (not a list entry). */
export const deleteField: Mutation = (root, rng) => {
  const fields = slots(root).filter((s) => !Array.isArray(s.parent));
  if (fields.length === 0) return undefined;
  const slot = rng.pick(fields);
  delete (slot.parent as Json)[slot.key as string];
  return `delete ${showPath(slot.keys)}`;
};

/** A typo of `key`: a letter dropped, doubled or swapped, a case change, a plural. */
export function misspell(key: string, rng: Rng): string {
  const i = rng.int(Math.max(1, key.length));
  const options = [
    key.slice(0, i) + key.slice(i + 1),
    key.slice(0, i) + key[i] + key.slice(i),
    i + 1 < key.length ? key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2) : `${key}s`,
    key[0] === key[0]?.toUpperCase()
      ? key[0].toLowerCase() + key.slice(1)
      : key[0].toUpperCase() + key.slice(1),
    key.toLowerCase(),
    `${key}s`,
    key.replace(/[A-Z]/, (c) => `_${c.toLowerCase()}`),
  ].filter((k) => k !== key && k !== '');
  return options.length ? rng.pick(options) : `${key}x`;
}

/** Renames one key to a typo of itself (`command` to `comand`), keeping its value. */
export const misspellKey: Mutation = (root, rng) => {
  const fields = slots(root).filter((s) => !Array.isArray(s.parent));
  if (fields.length === 0) return undefined;
  const slot = rng.pick(fields);
  const parent = slot.parent as Json;
  const typo = misspell(slot.key as string, rng);
  if (typo in parent) return undefined;
  // Rebuild the object so the typo keeps the key's position (as a hand edit would).
  const entries = Object.entries(parent).map(([k, v]) => [k === slot.key ? typo : k, v] as const);
  for (const k of Object.keys(parent)) delete parent[k];
  for (const [k, v] of entries) parent[k] = v;
  return `misspell ${showPath(slot.keys)} as ${typo}`;
};

function lists(root: Json): { keys: Key[]; list: unknown[] }[] {
  const out: { keys: Key[]; list: unknown[] }[] = [];
  for (const s of slots(root)) {
    const v = (s.parent as any)[s.key];
    if (Array.isArray(v)) out.push({ keys: s.keys, list: v });
  }
  return out;
}

/** Duplicates one entry of a list (a second container, port, env var, volume of the same name). */
export const duplicateEntry: Mutation = (root, rng) => {
  const found = lists(root).filter((l) => l.list.length > 0);
  if (found.length === 0) return undefined;
  const { keys, list } = rng.pick(found);
  const i = rng.int(list.length);
  list.splice(i + 1, 0, structuredClone(list[i]));
  return `duplicate ${showPath([...keys, i])}`;
};

/** Inserts a null entry into a list. */
export const nullEntry: Mutation = (root, rng) => {
  const found = lists(root);
  if (found.length === 0) return undefined;
  const { keys, list } = rng.pick(found);
  const i = rng.int(list.length + 1);
  list.splice(i, 0, null);
  return `null entry ${showPath([...keys, i])}`;
};

// ---------------------------------------------------------------------------------------------------------
// Mutations on a Pod spec

/** Where the Pod spec and its metadata sit: `spec` in a Pod, `spec.template.spec` in a Deployment. */
export interface PodPaths {
  readonly spec: readonly string[];
  readonly metadata: readonly string[];
}

/** The paths of a bare Pod. */
export const POD_PATHS: PodPaths = { spec: ['spec'], metadata: ['metadata'] };

/** The paths of a workload's Pod template (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job). */
export const TEMPLATE_PATHS: PodPaths = {
  spec: ['spec', 'template', 'spec'],
  metadata: ['spec', 'template', 'metadata'],
};

function containerLists(spec: Json): { field: string; list: Json[] }[] {
  return ['containers', 'initContainers']
    .map((field) => ({ field, list: (Array.isArray(spec[field]) ? spec[field] : []) as unknown[] }))
    .map(({ field, list }) => ({ field, list: list.filter(isPlainObject) }))
    .filter((l) => l.list.length > 0);
}

/** One container of the spec (regular or init), or undefined when there is none. */
function someContainer(spec: Json, rng: Rng): { c: Json; where: string } | undefined {
  const found = containerLists(spec);
  if (found.length === 0) return undefined;
  const { field, list } = rng.pick(found);
  const i = rng.int(list.length);
  return { c: list[i], where: `${field}[${i}]` };
}

const CAPABILITIES = [
  'NET_ADMIN',
  'SYS_ADMIN',
  'CHOWN',
  'NET_BIND_SERVICE',
  'ALL',
  'KILL',
  'NET_RAW',
  'SYS_TIME',
  'cap_chown',
];
const SYSCTLS = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'kernel.msgmax',
  'net.core.somaxconn',
  'kernel.shmmax',
  'Net.IPv4.bad!',
];
const SECCOMP = [
  { type: 'RuntimeDefault' },
  { type: 'Unconfined' },
  { type: 'Localhost', localhostProfile: 'profiles/audit.json' },
  { type: 'Localhost' },
  { type: 'RuntimeDefault', localhostProfile: 'x.json' },
  { type: 'Bogus' },
];
const TOLERATIONS = [
  { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
  { operator: 'Exists' },
  { key: 'k', operator: 'Exists', value: 'v' },
  { key: 'k', operator: 'Equal', effect: 'NoExecute', tolerationSeconds: 30 },
  { key: 'k', effect: 'NoSchedule', tolerationSeconds: 30 },
  { key: '', operator: 'Equal', value: 'x' },
  { key: 'k', operator: 'Gt', value: '1' },
  { key: 'k', operator: 'Equal', value: 'v', effect: 'Sometimes' },
];
const AFFINITIES = [
  {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }],
      },
    },
  },
  { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } },
  {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 0, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } },
      ],
    },
  },
  {
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [
        { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' },
      ],
    },
  },
  {
    podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: {}, topologyKey: '' }] },
  },
  {
    podAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 101, podAffinityTerm: { labelSelector: {}, topologyKey: 'zone' } },
      ],
    },
  },
];
const SPREADS = [
  {
    maxSkew: 1,
    topologyKey: 'zone',
    whenUnsatisfiable: 'DoNotSchedule',
    labelSelector: { matchLabels: { a: 'b' } },
  },
  { maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' },
  { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 },
  { maxSkew: 1, topologyKey: '', whenUnsatisfiable: 'DoNotSchedule' },
  { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'Maybe' },
  { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', nodeAffinityPolicy: 'Honor' },
];

/** Security and scheduling additions: `(spec, metadata, rng)` -> description. */
const ADDITIONS: readonly ((spec: Json, metadata: Json, rng: Rng) => string | undefined)[] = [
  (spec, _m, rng) => {
    const f = rng.pick(['hostPID', 'hostNetwork', 'hostIPC', 'shareProcessNamespace', 'hostUsers']);
    spec[f] = rng.pick([true, false]);
    return `set spec.${f}=${spec[f]}`;
  },
  (spec, _m, rng) => {
    const t = someContainer(spec, rng);
    if (!t) return undefined;
    const sc = ensure(t.c, ['securityContext']);
    sc.privileged = rng.chance(0.8);
    return `set ${t.where}.securityContext.privileged=${sc.privileged}`;
  },
  (spec, _m, rng) => {
    const t = someContainer(spec, rng);
    if (!t) return undefined;
    const caps = ensure(t.c, ['securityContext', 'capabilities']);
    const which = rng.pick(['add', 'drop']);
    caps[which] = [rng.pick(CAPABILITIES), ...(rng.chance(0.3) ? [rng.pick(CAPABILITIES)] : [])];
    return `set ${t.where}.securityContext.capabilities.${which}=${JSON.stringify(caps[which])}`;
  },
  (spec, _m, rng) => {
    const t = someContainer(spec, rng);
    if (!t) return undefined;
    const sc = ensure(t.c, ['securityContext']);
    const f = rng.pick(['allowPrivilegeEscalation', 'runAsNonRoot', 'readOnlyRootFilesystem']);
    sc[f] = rng.pick([true, false]);
    return `set ${t.where}.securityContext.${f}=${sc[f]}`;
  },
  (spec, _m, rng) => {
    const onPod = rng.chance(0.5);
    const t = onPod ? undefined : someContainer(spec, rng);
    const sc = t ? ensure(t.c, ['securityContext']) : ensure(spec, ['securityContext']);
    const f = rng.pick(['runAsUser', 'runAsGroup', ...(t ? [] : ['fsGroup'])]);
    sc[f] = rng.pick([0, 0, 1000, 65534, -1, 2147483648]);
    return `set ${t ? t.where : 'spec'}.securityContext.${f}=${sc[f]}`;
  },
  (spec, _m, rng) => {
    const t = rng.chance(0.5) ? someContainer(spec, rng) : undefined;
    const sc = t ? ensure(t.c, ['securityContext']) : ensure(spec, ['securityContext']);
    sc.seccompProfile = structuredClone(rng.pick(SECCOMP));
    return `set ${t ? t.where : 'spec'}.securityContext.seccompProfile=${JSON.stringify(sc.seccompProfile)}`;
  },
  (spec, metadata, rng) => {
    const t = someContainer(spec, rng);
    if (!t) return undefined;
    const profile = rng.pick(['runtime/default', 'localhost/k8s-apparmor', 'unconfined', 'bogus']);
    const annotations = ensure(metadata, ['annotations']);
    const name = rng.chance(0.8) ? String(t.c.name) : 'nosuch';
    annotations[`container.apparmor.security.beta.kubernetes.io/${name}`] = profile;
    return `annotate apparmor ${name}=${profile}`;
  },
  (spec, _m, rng) => {
    const t = rng.chance(0.5) ? someContainer(spec, rng) : undefined;
    const sc = t ? ensure(t.c, ['securityContext']) : ensure(spec, ['securityContext']);
    sc.seLinuxOptions = rng.pick([
      { type: 'container_t' },
      { type: 'spc_t' },
      { user: 'system_u' },
      { level: 's0:c1' },
    ]);
    return `set seLinuxOptions=${JSON.stringify(sc.seLinuxOptions)}`;
  },
  (spec, _m, rng) => {
    const t = someContainer(spec, rng);
    if (!t) return undefined;
    ensure(t.c, ['securityContext']).procMount = rng.pick(['Unmasked', 'Default', 'Bogus']);
    return `set ${t.where}.securityContext.procMount`;
  },
  (spec, _m, rng) => {
    const sc = ensure(spec, ['securityContext']);
    sc.sysctls = [{ name: rng.pick(SYSCTLS), value: rng.pick(['1', '0', '32768 60999', '']) }];
    return `set spec.securityContext.sysctls=${JSON.stringify(sc.sysctls)}`;
  },
  (spec, _m, rng) => {
    const volumes = Array.isArray(spec.volumes) ? spec.volumes : (spec.volumes = []);
    const source = rng.pick([
      { hostPath: { path: '/var/log' } },
      { hostPath: { path: '/var/../etc', type: 'Directory' } },
      { hostPath: { path: '/x', type: 'Bogus' } },
      { nfs: { server: 'nfs.example', path: '/exports' } },
      { gitRepo: { repository: 'https://example.com/r.git' } },
      { emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      {},
      { configMap: { name: 'cm', defaultMode: 511 } },
    ]);
    (volumes as unknown[]).push({ name: rng.pick(['fuzz-vol', 'Fuzz_Vol']), ...structuredClone(source) });
    const t = rng.chance(0.5) ? someContainer(spec, rng) : undefined;
    if (t) {
      const mounts = Array.isArray(t.c.volumeMounts) ? t.c.volumeMounts : (t.c.volumeMounts = []);
      (mounts as unknown[]).push({ name: 'fuzz-vol', mountPath: rng.pick(['/fuzz', 'relative', '/fuzz:x']) });
    }
    return `add volume ${JSON.stringify(source)}${t ? ` mounted in ${t.where}` : ''}`;
  },
  (spec, _m, rng) => {
    const t = someContainer(spec, rng);
    if (!t) return undefined;
    const ports = Array.isArray(t.c.ports) ? t.c.ports : (t.c.ports = []);
    const port = rng.pick([
      { containerPort: 8080, hostPort: 8080 },
      { containerPort: 8080, hostPort: 0 },
      { containerPort: 8080, hostPort: 70000 },
      { containerPort: 8080, name: 'http', protocol: 'UDP' },
      { containerPort: 0 },
    ]);
    (ports as unknown[]).push(structuredClone(port));
    return `add ${t.where} port ${JSON.stringify(port)}`;
  },
  (spec, _m, rng) => {
    const f = rng.pick(['priority', 'preemptionPolicy', 'priorityClassName', 'overhead', 'runtimeClassName']);
    const values: Record<string, unknown[]> = {
      priority: [0, 1000, -1, 2000000000],
      preemptionPolicy: ['Never', 'PreemptLowerPriority', 'Bogus'],
      priorityClassName: ['system-cluster-critical', 'system-node-critical', 'no-such-class', 'Bad_Name'],
      overhead: [{ cpu: '100m' }, { memory: '10Mi' }],
      runtimeClassName: ['gvisor', '', 'Bad_Name'],
    };
    spec[f] = structuredClone(rng.pick(values[f]));
    return `set spec.${f}=${JSON.stringify(spec[f])}`;
  },
  (spec, _m, rng) => {
    spec.tolerations = [structuredClone(rng.pick(TOLERATIONS))];
    return `set spec.tolerations=${JSON.stringify(spec.tolerations)}`;
  },
  (spec, _m, rng) => {
    spec.affinity = structuredClone(rng.pick(AFFINITIES));
    return `set spec.affinity`;
  },
  (spec, _m, rng) => {
    spec.topologySpreadConstraints = [structuredClone(rng.pick(SPREADS))];
    return `set spec.topologySpreadConstraints=${JSON.stringify(spec.topologySpreadConstraints)}`;
  },
  (spec, _m, rng) => {
    const f = rng.pick([
      'terminationGracePeriodSeconds',
      'activeDeadlineSeconds',
      'dnsPolicy',
      'restartPolicy',
    ]);
    const values: Record<string, unknown[]> = {
      terminationGracePeriodSeconds: [0, -1, 30],
      activeDeadlineSeconds: [0, 1, -5],
      dnsPolicy: ['None', 'Default', 'ClusterFirstWithHostNet'],
      restartPolicy: ['Never', 'OnFailure', 'Sometimes'],
    };
    spec[f] = rng.pick(values[f]);
    return `set spec.${f}=${JSON.stringify(spec[f])}`;
  },
  (spec, _m, rng) => {
    const inits = Array.isArray(spec.initContainers) ? spec.initContainers : (spec.initContainers = []);
    (inits as unknown[]).push({
      name: 'fuzz-sidecar',
      image: 'busybox',
      restartPolicy: rng.pick(['Always', 'Never']),
      ...(rng.chance(0.5) ? { readinessProbe: { exec: { command: ['true'] } } } : {}),
    });
    return 'add init container with restartPolicy';
  },
];

/** Adds one security or scheduling field to the Pod spec at `paths` (privileged, hostPID, sysctls, priority ...). */
export function addSecurityOrScheduling(paths: PodPaths = POD_PATHS): Mutation {
  return (root, rng) => {
    const spec = get(root, paths.spec);
    if (!isPlainObject(spec)) return undefined;
    return rng.pick(ADDITIONS)(spec, ensure(root, paths.metadata), rng);
  };
}

/** Makes the Pod spec at `paths` meet Pod Security `restricted`, so that mutants also test what it lets through. */
export function harden(root: Json, paths: PodPaths = POD_PATHS): void {
  const spec = get(root, paths.spec);
  if (!isPlainObject(spec)) return;
  const sc = ensure(spec, ['securityContext']);
  sc.runAsNonRoot = true;
  sc.seccompProfile = { type: 'RuntimeDefault' };
  for (const { list } of containerLists(spec)) {
    for (const c of list) {
      const csc = ensure(c, ['securityContext']);
      csc.allowPrivilegeEscalation = false;
      csc.capabilities = { drop: ['ALL'] };
      delete csc.privileged;
      delete csc.runAsUser;
    }
  }
  delete sc.runAsUser;
  if (Array.isArray(spec.volumes)) {
    spec.volumes = spec.volumes.filter((v) => !isPlainObject(v) || !('hostPath' in v));
    const names = new Set((spec.volumes as Json[]).map((v) => v?.name));
    for (const { list } of containerLists(spec)) {
      for (const c of list) {
        if (Array.isArray(c.volumeMounts))
          c.volumeMounts = c.volumeMounts.filter((m: any) => names.has(m?.name));
      }
    }
  }
}

/** The mutation kinds and how often each is drawn (weights). */
export function mutations(paths: PodPaths = POD_PATHS): readonly (readonly [string, Mutation, number])[] {
  return [
    ['replace', replaceValue, 30],
    ['delete', deleteField, 12],
    ['misspell', misspellKey, 14],
    ['duplicate', duplicateEntry, 8],
    ['null-entry', nullEntry, 4],
    ['add', addSecurityOrScheduling(paths), 32],
  ];
}

/** One mutant: which base object, what was done to it, and the result. */
export interface Mutant {
  readonly index: number;
  readonly base: string;
  readonly edits: string[];
  readonly object: Json;
}

/**
 * Mutant `index` of `seed`: one of `bases`, hardened half the time, with one to three mutations. Pure: the same
 * (seed, index, bases) always give the same mutant.
 */
export function mutant(
  seed: number,
  index: number,
  bases: readonly { source: string; object: Json }[],
  paths: PodPaths = POD_PATHS,
): Mutant {
  const rng = rngFor(seed, index);
  const base = rng.pick(bases);
  const object = structuredClone(base.object);
  return { index, base: base.source, edits: mutate(object, paths, rng), object };
}

/**
 * Edits `object` in place: hardened half the time, then one to three mutations drawn by weight from the Pod
 * mutations at `paths` and `more`. Returns the edits made, in order.
 */
export function mutate(
  object: Json,
  paths: PodPaths,
  rng: Rng,
  more: readonly (readonly [string, Mutation, number])[] = [],
): string[] {
  const edits: string[] = [];
  if (rng.chance(0.5)) {
    harden(object, paths);
    edits.push('harden');
  }
  const kinds = [...mutations(paths), ...more];
  const total = kinds.reduce((n, [, , w]) => n + w, 0);
  const count = rng.chance(0.7) ? 1 : rng.chance(0.66) ? 2 : 3;
  for (let tries = 0; edits.filter((e) => e !== 'harden').length < count && tries < 10; tries++) {
    let draw = rng.next() * total;
    const [, fn] = kinds.find(([, , w]) => (draw -= w) < 0) ?? kinds[0];
    const done = fn(object, rng);
    if (done) edits.push(done);
  }
  return edits;
}

/** The documentation Pods the fuzzer starts from (test/fixtures/docs-pods), by file name. */
export function docsPods(): { source: string; object: Json }[] {
  const dir = path.join(__dirname, '..', 'fixtures', 'docs-pods');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) =>
      YAML.parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8'))
        .map((d) => d.toJS())
        .filter((o) => isPlainObject(o) && o.kind === 'Pod')
        .map((object, i) => ({ source: `${f}#${i}`, object: object as Json })),
    );
}

/** Seed and count of this run: PODWRIGHT_FUZZ_SEED / PODWRIGHT_FUZZ_COUNT, else the defaults. */
export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): { seed: number; count: number } {
  const num = (v: string | undefined, d: number) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : d);
  return {
    seed: num(env.PODWRIGHT_FUZZ_SEED, DEFAULT_SEED),
    count: num(env.PODWRIGHT_FUZZ_COUNT, DEFAULT_COUNT),
  };
}
