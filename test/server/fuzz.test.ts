// The seeded mutation fuzzer against the real API server of each version the suite runs: PODWRIGHT_FUZZ_COUNT
// mutants (5,000 by default) of the documentation Pods, seed PODWRIGHT_FUZZ_SEED (7 by default, so CI is
// deterministic), each judged under every profile. Every disagreement prints the mutant, both verdicts and both
// messages. The only disagreements allowed are the refusals that cluster state decides (allowlist.yaml).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachServer } from '../support/servers';
import * as YAML from 'yaml';
import { PROFILES, type Profile } from '../../src/profile';
import { ApiClient } from '../support/apiserver';
import { profileNamespaces } from '../support/differential';
import { fuzzSettings } from '../support/fuzz';
import { type Disagreement, type FuzzResult, describeMutant, runFuzz, summary } from '../support/fuzz-run';

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

const { seed, count } = fuzzSettings();

describe.each(eachServer())('kube-apiserver %s', (_v, server) => {
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
      (d) => d.judged.comparison.outcome === 'false-alarm',
    );
    expect(alarms, report(alarms)).toEqual([]);
  });

  for (const profile of PROFILES) {
    it(`agrees with the server on every one of ${count} mutants under ${profile}`, () => {
      const wrong = results[profile].disagreements.filter((d) => !needsClusterState(d));
      expect(wrong, report(wrong)).toEqual([]);
    });
  }
});
