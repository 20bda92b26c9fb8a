import { Testing, Yaml } from 'cdk8s';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { CHARTS } from '../../src/charts';

// A few whole-chart snapshots catch what the behaviour tests do not look at; the rest is asserted field by field.
const EXAMPLES = [
  'shared-volume',
  'sidecar-logs',
  'init-volume',
  'http-probes',
  'qos-classes',
  'shared-process-namespace',
] as const;

/**
 * The chart's YAML stream in the repo's prettier style. `npm test` runs `prettier --check .`, which would reject
 * the double quotes cdk8s writes in these files; only quoting changes, as the first test shows.
 */
async function snapshotYaml(name: string): Promise<{ objects: unknown[]; text: string }> {
  const objects = Testing.synth(CHARTS[name](Testing.app()));
  const file = `${__dirname}/__snapshots__/${name}.k8s.yaml`;
  const options = await prettier.resolveConfig(file);
  return { objects, text: await prettier.format(Yaml.stringify(...objects), { ...options, parser: 'yaml' }) };
}

describe('the example charts, synthesized whole', () => {
  it.each(EXAMPLES)('register %s in CHARTS under its own chart id, the manifest name in dist/', (name) => {
    expect(CHARTS[name](Testing.app()).node.id).toBe(name);
  });

  it.each(EXAMPLES)('keep every object of %s when formatted for the snapshot', async (name) => {
    const { objects, text } = await snapshotYaml(name);
    expect(YAML.parseAllDocuments(text).map((d) => d.toJS())).toEqual(objects);
  });

  it.each(EXAMPLES)('write %s exactly as its YAML snapshot', async (name) => {
    const { text } = await snapshotYaml(name);
    await expect(text).toMatchFileSnapshot(`./__snapshots__/${name}.k8s.yaml`);
  });
});
