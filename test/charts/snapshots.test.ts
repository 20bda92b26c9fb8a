import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts';
import { stringifyManifests } from '../../src/yaml';

// A few whole-chart snapshots catch what the behaviour tests do not look at; the rest is asserted field by field.
// They hold the YAML exactly as synth writes it to dist/ (prettier leaves test/charts/__snapshots__ alone).
const EXAMPLES = Object.keys(CHARTS);

describe('the example charts, synthesized whole', () => {
  it.each(EXAMPLES)('register %s in CHARTS under its own chart id, the manifest name in dist/', (name) => {
    expect(CHARTS[name](Testing.app()).node.id).toBe(name);
  });

  it.each(EXAMPLES)('write %s exactly as its YAML snapshot', async (name) => {
    const text = stringifyManifests(Testing.synth(CHARTS[name](Testing.app())));
    await expect(text).toMatchFileSnapshot(`./__snapshots__/${name}.k8s.yaml`);
  });
});
