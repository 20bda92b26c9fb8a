// Prints what podwright and the API server disagree on for one fuzz run, grouped by class with one example each.
//   npx tsx test/server/fuzz-report.ts --version 1.28 --profile restricted --count 5000 --seed 7
// Server: --url URL --token TOKEN, or --kubeconfig FILE (a token user), or else one started from KUBEBUILDER_ASSETS.
// --profile all runs the three profiles; --json prints the numbers as JSON too.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import * as YAML from 'yaml';
import { parseKubeVersion } from '../../src/kube-version';
import { PROFILES, type Profile, isProfile } from '../../src/profile';
import {
  ApiClient,
  type ControlPlane,
  type ServerInfo,
  findAssets,
  startControlPlane,
} from '../support/apiserver';
import { profileNamespaces } from '../support/differential';
import { DEFAULT_COUNT, DEFAULT_SEED } from '../support/fuzz';
import { area, byClass, describeMutant, runFuzz, summary } from '../support/fuzz-run';

function fromKubeconfig(file: string): { url: string; token: string } {
  const config = YAML.parse(fs.readFileSync(file, 'utf8'));
  return { url: config.clusters[0].cluster.server, token: config.users[0].user.token };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      version: { type: 'string', default: '1.28' },
      profile: { type: 'string', default: 'all' },
      count: { type: 'string', default: String(DEFAULT_COUNT) },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      url: { type: 'string' },
      token: { type: 'string' },
      kubeconfig: { type: 'string' },
      concurrency: { type: 'string', default: '12' },
      examples: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
    },
  });
  const version = parseKubeVersion(values.version);
  const profiles: Profile[] = values.profile === 'all' ? [...PROFILES] : [values.profile as Profile];
  if (!profiles.every(isProfile)) throw new Error(`--profile: privileged, baseline, restricted or all`);
  let plane: ControlPlane | undefined;
  let info: ServerInfo;
  if (values.url || values.kubeconfig) {
    const { url, token } = values.kubeconfig
      ? fromKubeconfig(values.kubeconfig)
      : { url: values.url!, token: values.token ?? '' };
    info = { version, fullVersion: version, url, token };
  } else {
    const assets = findAssets().assets.find((a) => a.version === version);
    if (!assets)
      throw new Error(`no assets for ${version} in KUBEBUILDER_ASSETS; pass --url/--token or --kubeconfig`);
    plane = await startControlPlane(assets);
    console.log(`kube-apiserver ${plane.fullVersion} ready in ${plane.startMs} ms`);
    info = plane;
  }
  const client = new ApiClient(info);
  try {
    const ns = await profileNamespaces(client, 'fuzz');
    const results = await runFuzz(
      client,
      ns,
      Number(values.seed),
      Number(values.count),
      Number(values.concurrency),
    );
    for (const profile of profiles) {
      const result = results[profile];
      console.log(`\n## ${summary(result)}`);
      if (values.json) {
        const { disagreements: _d, ...numbers } = result;
        console.log(JSON.stringify(numbers));
      }
      for (const c of byClass(result)) {
        console.log(`\n### ${c.count} x ${c.kind}  [${area(c.kind)}]`);
        const examples = result.disagreements
          .filter((d) => d.kind === c.kind)
          .slice(0, Number(values.examples));
        for (const d of examples) console.log(describeMutant(d).slice(0, 2500));
      }
    }
  } finally {
    client.close();
    await plane?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
