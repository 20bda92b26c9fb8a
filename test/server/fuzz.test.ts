// The seeded mutation fuzzer against the real API server of each version the suite runs: PODWRIGHT_FUZZ_COUNT
// mutants (5,000 by default) of the documentation Pods, seed PODWRIGHT_FUZZ_SEED (7 by default, so CI is
// deterministic), each judged under every profile. Every disagreement prints the mutant, both verdicts and both
// messages. Profiles join ENFORCED once podwright agrees with the server on the fixed seed; until then a profile
// only has to raise no false alarm (refusing what the server accepts, the worst bug).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as YAML from 'yaml';
import type { KubeVersion } from '../../src/kube-version';
import { PROFILES, type Profile } from '../../src/profile';
import { ApiClient } from '../support/apiserver';
import { profileNamespaces } from '../support/differential';
import { fuzzSettings } from '../support/fuzz';
import { type Disagreement, type FuzzResult, describeMutant, runFuzz, summary } from '../support/fuzz-run';
import { KNOWN_FUZZ_GAPS } from './known-gaps';

/** Profiles, per version, on which every disagreement fails the test. */
const ENFORCED: Readonly<Record<KubeVersion, readonly Profile[]>> = {
  '1.28': ['privileged', 'baseline', 'restricted'],
  '1.33': [],
};

const ALLOWLIST = (
  YAML.parse(fs.readFileSync(path.join(__dirname, 'allowlist.yaml'), 'utf8')) as {
    message: string;
    reason: string;
  }[]
).map((entry) => ({ ...entry, pattern: new RegExp(entry.message) }));

/** Whether cluster state decides this one (allowlist.yaml). */
function needsClusterState(d: Disagreement): boolean {
  return !d.judged.server.allowed && ALLOWLIST.some((a) => a.pattern.test(d.judged.server.message));
}

/** Whether another helper is closing this class (known-gaps.ts). */
function known(d: Disagreement, version: KubeVersion): boolean {
  return Object.keys(KNOWN_FUZZ_GAPS).some((k) => {
    const [v, ...pattern] = k.split(' ');
    return v === version && new RegExp(pattern.join(' ')).test(d.kind);
  });
}

const { seed, count } = fuzzSettings();

describe.each(inject('apiservers').map((s) => [s.fullVersion, s] as const))(
  'kube-apiserver %s',
  (_v, server) => {
    const client = new ApiClient(server, 12);
    let results: Record<Profile, FuzzResult>;
    beforeAll(async () => {
      results = await runFuzz(client, await profileNamespaces(client, 'fuzz'), seed, count, 12);
      for (const profile of PROFILES) console.log(`fuzz: ${summary(results[profile])}`);
    }, 900_000);
    afterAll(() => client.close());

    const report = (list: Disagreement[]) =>
      `${list.length} disagreement(s) (seed ${seed}; reproduce with PODWRIGHT_FUZZ_SEED=${seed}):\n\n` +
      list
        .slice(0, 20)
        .map((d) => describeMutant(d).slice(0, 3000))
        .join('\n\n');

    it.each(PROFILES)(`raises no false alarm on ${count} mutants under %s`, (profile) => {
      const alarms = results[profile].disagreements.filter(
        (d) => d.judged.comparison.outcome === 'false-alarm' && !known(d, server.version),
      );
      expect(alarms, report(alarms)).toEqual([]);
    });

    for (const profile of PROFILES) {
      const enforced = ENFORCED[server.version].includes(profile);
      (enforced ? it : it.skip)(
        `agrees with the server on every one of ${count} mutants under ${profile}`,
        () => {
          const wrong = results[profile].disagreements.filter((d) => !needsClusterState(d));
          expect(wrong, report(wrong)).toEqual([]);
        },
      );
    }
  },
);
