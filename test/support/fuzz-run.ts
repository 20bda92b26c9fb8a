// Runs the fuzzer against one API server and groups what podwright and the server disagree on into classes
// (false alarm or miss, rule or place), for the fuzz test and the report script.
import type { KubeVersion } from '../../src/kube-version';
import { PROFILES, type Profile } from '../../src/profile';
import { type ApiClient, mapLimit } from './apiserver';
import { withoutIndexes } from './compare';
import { type Judged, type ProfileNamespaces, describeDisagreement, judgeAllProfiles } from './differential';
import { type Mutant, docsPods, mutant } from './fuzz';

/** One mutant whose verdicts or places differ. */
export interface Disagreement {
  readonly mutant: Mutant;
  readonly judged: Judged;
  /** Its class: the kind of disagreement and the rule or place it is about. */
  readonly kind: string;
}

/** The outcome of one fuzz run under one profile. */
export interface FuzzResult {
  readonly version: KubeVersion;
  readonly profile: Profile;
  readonly seed: number;
  readonly count: number;
  readonly agreed: number;
  readonly falseAlarms: number;
  readonly misses: number;
  readonly wrongPlaces: number;
  readonly disagreements: Disagreement[];
  readonly wallMs: number;
}

/** The class of a disagreement, named after what the server or podwright said. */
export function classify(j: Judged, mutated?: Mutant): string {
  const { outcome } = j.comparison;
  // A null list entry decodes to an empty object, which then fails validation: the null is the cause.
  const nulled = mutated?.edits.some((e) => e.startsWith('null entry') || /= \[?null\]?$/.test(e))
    ? ' (after a null entry)'
    : '';
  const errors = j.violations.filter((v) => v.severity !== 'warning');
  const podwright = [...new Set(errors.map((v) => `${v.rule}@${withoutIndexes(v.path)}`))]
    .slice(0, 2)
    .join(' + ');
  if (outcome === 'false-alarm') return `false alarm: ${podwright}${nulled}`;
  const m = j.server.message;
  let server: string;
  if (/strict decoding error/.test(m)) {
    server = [...new Set([...m.matchAll(/(unknown|duplicate) field/g)].map((x) => x[0]))].join(', ');
  } else if (/cannot unmarshal|cannot be handled/.test(m)) {
    const field = /Go struct field [A-Za-z0-9_]+\.(\S+) of type (\S+)/.exec(m);
    server = field
      ? `type error ${field[1]} (${field[2]})`
      : m.replace(/^.*cannot be handled as a \w+: /, '').slice(0, 80);
  } else if (/violates PodSecurity/.test(m)) {
    server = `PodSecurity: ${[...new Set(j.comparison.places.checks)].join(', ')}`;
  } else if (j.server.code === 403) {
    server = `admission: ${m
      .replace(/^[^:]*forbidden: /, '')
      .replace(/\(.*?\)|"[^"]*"/g, '…')
      .slice(0, 90)}`;
  } else if (j.server.causes.length > 0) {
    const first = /is invalid: \[?(.*?)(?:, spec|, metadata|\]$|$)/.exec(m)?.[1] ?? '';
    const what = first
      .replace(/^[^:]*: /, '')
      .replace(/: .*$/, '')
      .replace(/"[^"]*"/g, '…');
    server = `${withoutIndexes(j.server.causes[0])} ${what}`;
  } else {
    server = `${j.server.code} ${m.slice(0, 80)}`;
  }
  return (
    (outcome === 'miss' ? `miss: ${server}` : `wrong place: server ${server} / podwright ${podwright}`) +
    nulled
  );
}

/** Which part of validation a class of disagreement points at, for the report. */
export function area(kind: string): string {
  if (/unknown field|duplicate field|type error|null entr|type@/.test(kind)) return 'decoding';
  if (/admission:/.test(kind)) return 'admission';
  if (/PodSecurity|pss\./.test(kind)) return 'pod security';
  return 'field rules';
}

/**
 * Generates `count` mutants of the documentation Pods from `seed` and judges each under every profile, with one
 * dry run per mutant (see `judgeAllProfiles`) and at most `concurrency` requests in flight.
 */
export async function runFuzz(
  client: ApiClient,
  namespaces: ProfileNamespaces,
  seed: number,
  count: number,
  concurrency = 12,
): Promise<Record<Profile, FuzzResult>> {
  const bases = docsPods();
  return runMutants(client, namespaces, seed, count, (i) => mutant(seed, i, bases), concurrency);
}

/** Judges mutants `make(0)` to `make(count - 1)` under every profile: the loop of every fuzzer. */
export async function runMutants(
  client: ApiClient,
  namespaces: ProfileNamespaces,
  seed: number,
  count: number,
  make: (index: number) => Mutant,
  concurrency: number,
): Promise<Record<Profile, FuzzResult>> {
  const started = Date.now();
  const indexes = Array.from({ length: count }, (_, i) => i);
  const found: Record<Profile, Disagreement[]> = { privileged: [], baseline: [], restricted: [] };
  await mapLimit(indexes, concurrency, async (i) => {
    const m = make(i);
    const judged = await judgeAllProfiles(client, namespaces, client.server.version, m.object);
    for (const profile of PROFILES) {
      const j = judged[profile];
      if (j.comparison.outcome !== 'agree')
        found[profile].push({ mutant: m, judged: j, kind: classify(j, m) });
    }
  });
  const wallMs = Date.now() - started;
  const result = (profile: Profile): FuzzResult => {
    const disagreements = found[profile].sort((a, b) => a.mutant.index - b.mutant.index);
    const n = (o: string) => disagreements.filter((d) => d.judged.comparison.outcome === o).length;
    return {
      version: client.server.version,
      profile,
      seed,
      count,
      agreed: count - disagreements.length,
      falseAlarms: n('false-alarm'),
      misses: n('miss'),
      wrongPlaces: n('wrong-place'),
      disagreements,
      wallMs,
    };
  };
  return { privileged: result('privileged'), baseline: result('baseline'), restricted: result('restricted') };
}

/** One line of numbers: agreement, false alarms, misses, wrong places, time. */
export function summary(r: FuzzResult): string {
  const pct = ((100 * r.agreed) / r.count).toFixed(2);
  return (
    `${r.version} ${r.profile} seed ${r.seed}: ${pct}% agree (${r.agreed}/${r.count}), ` +
    `${r.falseAlarms} false alarms, ${r.misses} misses, ${r.wrongPlaces} wrong places, ${(r.wallMs / 1000).toFixed(1)} s`
  );
}

/** A disagreement for a failure message: how to reproduce it, the edits, both verdicts and messages. */
export function describeMutant(d: Disagreement): string {
  const m = d.mutant;
  return describeDisagreement(`mutant ${m.index} of ${m.base} [${m.edits.join('; ')}]`, d.judged);
}

/** Disagreements grouped by class, largest first, each with its count and first example. */
export function byClass(r: FuzzResult): { kind: string; count: number; example: Disagreement }[] {
  const groups = new Map<string, Disagreement[]>();
  for (const d of r.disagreements) groups.set(d.kind, [...(groups.get(d.kind) ?? []), d]);
  return [...groups.entries()]
    .map(([kind, list]) => ({ kind, count: list.length, example: list[0] }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}
