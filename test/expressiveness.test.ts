import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateManifest } from '../src/validation';
import { containerPods } from './expressiveness/containers';
import type { DocPods } from './expressiveness/doc-pod';
import { envPods } from './expressiveness/env';
import { probePods } from './expressiveness/probes';
import { resourcePods } from './expressiveness/resources';
import { schedulingPods } from './expressiveness/scheduling';
import { securityPods } from './expressiveness/security';
import { volumePods } from './expressiveness/volumes';
import { chart, fixture, synth } from './helpers';

// Issue 4, item 3: every documentation Pod in test/fixtures/docs-pods, written by hand with the constructs.
// `privileged` adds nothing, so the output must be exactly what the page shows.
const DOC_PODS: DocPods = {
  ...containerPods,
  ...envPods,
  ...volumePods,
  ...probePods,
  ...resourcePods,
  ...securityPods,
  ...schedulingPods,
};

/** `pods/inject/secret-pod.yaml` is stored as `docs-pods/pods__inject__secret-pod.yaml`. */
function fixtureFile(docPath: string): string {
  return docPath.replaceAll('/', '__');
}

describe('the constructs express the Kubernetes documentation Pods', () => {
  it.each(Object.keys(DOC_PODS))('writes %s with the constructs', (docPath) => {
    const c = chart({ profile: 'privileged' });
    DOC_PODS[docPath](c);
    const [expected] = fixture(`docs-pods/${fixtureFile(docPath)}`);
    const objects = synth(c);
    expect(objects).toStrictEqual([expected]);
    // The page's Pod is valid in 1.28, so what the constructs wrote must be too.
    expect(validateManifest(objects[0], 'privileged')).toEqual([]);
  });

  it('covers every fixture in docs-pods', () => {
    const dir = path.join(__dirname, 'fixtures', 'docs-pods');
    const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(Object.keys(DOC_PODS).map(fixtureFile).sort()).toEqual(fixtures.sort());
  });
});
