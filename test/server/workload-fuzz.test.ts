// Differential fuzz over workloads: seeded mutants of the documentation and fixture workloads, each judged by the
// workload and the Pod its controller creates, under every profile (test/support/workload-fuzz.ts).
// Disagreements in other areas (unknown fields and JSON types: the schema walk; procMount and the 1.28 sidecar
// field: Pod rules; classes named in OTHER_AREAS) are counted and printed, not failed here.
import { afterAll, describe, expect, it } from 'vitest';
import { eachServer } from '../support/servers';
import { PROFILES } from '../../src/profile';
import { ApiClient } from '../support/apiserver';
import { profileNamespaces } from '../support/differential';
import { fuzzSettings } from '../support/fuzz';
import { byClass, describeMutant, summary } from '../support/fuzz-run';
import { runWorkloadFuzz } from '../support/workload-fuzz';

const OTHER_AREAS =
  /unknown field|duplicate field|type error|null entr|type@|procMount|initContainers?\.restartPolicy|initContainers\.readinessProbe|initContainers\.livenessProbe|initContainers\.startupProbe|initContainers\.lifecycle|RuntimeClass|PriorityClass|cannot be handled|quantities must match/;
// Fewer mutants than the Pod fuzzer: each workload mutant costs two dry runs.
const COUNT = Math.min(fuzzSettings().count, 800);

describe.each(eachServer())('workload fuzz against kube-apiserver %s', (_v, server) => {
  const client = new ApiClient(server);
  afterAll(() => client.close());

  it('agrees with the server on every workload mutant in the workload rules', async () => {
    const ns = await profileNamespaces(client, 'wlfuzz');
    const results = await runWorkloadFuzz(client, ns, fuzzSettings().seed, COUNT, 8);
    const mine: string[] = [];
    for (const profile of PROFILES) {
      const r = results[profile];
      console.log(summary(r));
      // A null where an object or number belongs decodes to its zero value: the schema walk's area too.
      const own = {
        ...r,
        disagreements: r.disagreements.filter((d) => !d.mutant.edits.some((e) => /null/.test(e))),
      };
      for (const c of byClass(own)) {
        if (OTHER_AREAS.test(c.kind)) continue;
        mine.push(`${c.count} x ${c.kind}\n${describeMutant(c.example)}`);
      }
    }
    expect(mine, mine.join('\n\n')).toEqual([]);
    // No false alarm at all, whoever's area it would be in.
    const alarms = PROFILES.flatMap((p) =>
      results[p].disagreements
        .filter((d) => d.judged.comparison.outcome === 'false-alarm')
        .map(describeMutant),
    );
    expect(alarms, alarms.join('\n\n')).toEqual([]);
  }, 600_000);
});
