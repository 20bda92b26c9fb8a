// Differential test: every dist/ object and every fixture Pod, under each profile, against the real API server of
// each version the suite runs. podwright's verdict must be the server's, and where both refuse, podwright must name
// a place the server names (test/support/compare.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { eachServer } from '../support/servers';
import { PROFILES, type Profile } from '../../src/profile';
import { ApiClient, type ServerVerdict, mapLimit } from '../support/apiserver';
import { serverPlaces } from '../support/compare';
import {
  casesUnder,
  describeDisagreement,
  judge,
  judgeAllProfiles,
  profileNamespaces,
} from '../support/differential';

const cases = ['dist', 'test/fixtures'].flatMap(casesUnder);

describe.each(eachServer())('kube-apiserver %s', (_v, server) => {
  const client = new ApiClient(server);
  const verdicts: Partial<Record<Profile, ServerVerdict[]>> = {};
  afterAll(() => client.close());

  it('sees every dist/ object and every fixture', () => {
    expect(cases.filter((c) => c.source.startsWith('dist/')).length).toBeGreaterThanOrEqual(7);
    expect(cases.filter((c) => c.source.startsWith('test/fixtures/rejected/')).length).toBeGreaterThanOrEqual(
      150,
    );
  });

  it.each(PROFILES)(
    'gives the server verdict and place for every corpus object under %s',
    async (profile) => {
      const ns = await client.namespace(profile);
      const judged = await mapLimit(cases, 8, (c) => judge(client, ns, profile, server.version, c.object));
      verdicts[profile] = judged.map((j) => j.server);
      const disagreements = judged.flatMap((j, i) =>
        j.comparison.outcome === 'agree' ? [] : [describeDisagreement(cases[i].source, j)],
      );
      expect(disagreements, disagreements.join('\n\n')).toEqual([]);
    },
  );

  // The fuzzer asks once per mutant for all three profiles; this is the proof that it reads the same verdicts.
  it("reads each profile's verdict from one namespace enforcing baseline and warning restricted", async () => {
    const namespaces = await profileNamespaces(client);
    const combined = await mapLimit(cases, 8, (c) =>
      judgeAllProfiles(client, namespaces, server.version, c.object),
    );
    const differences = combined.flatMap((byProfile, i) =>
      PROFILES.flatMap((profile) => {
        const one = verdicts[profile]?.[i];
        const other = byProfile[profile].server;
        if (!one) return [];
        const places = (v: ServerVerdict) => {
          const p = serverPlaces(v);
          return JSON.stringify([
            v.allowed,
            [...p.paths].sort(),
            [...p.typePaths].sort(),
            [...p.checks].sort(),
          ]);
        };
        return places(one) === places(other)
          ? []
          : [`${cases[i].source} ${profile}: ${places(one)} vs ${places(other)}`];
      }),
    );
    expect(differences, differences.join('\n')).toEqual([]);
  });
});
