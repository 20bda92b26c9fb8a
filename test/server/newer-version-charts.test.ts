// The example charts that target a newer Kubernetes than 1.28 (hardened-web, sidecar-logs: 1.33), exactly as dist/
// holds them, against each real API server. A server of the chart's version or newer accepts every object in a
// namespace that enforces and warns at `restricted`, with no warning, and so does the Pod each workload's controller
// would create from it; podwright agrees. An older server refuses them (a newer field) or runs them other than
// meant (a native sidecar as a plain init container): podwright's validate for that version gives the same verdict,
// at the fields the server names, and names the version the chart needs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { kubeVersionOf } from '../../src/chart';
import { CHARTS } from '../../src/charts';
import { formatViolation, isError } from '../../src/errors';
import { atLeast, DEFAULT_KUBE_VERSION, type KubeVersion } from '../../src/kube-version';
import { ApiClient } from '../support/apiserver';
import { serverPlaces } from '../support/compare';
import { controllerPod } from '../support/controller-pod';
import { describeDisagreement, inNamespace, judge } from '../support/differential';
import { eachServer } from '../support/servers';

const ROOT = path.join(__dirname, '..', '..');

/** Every chart of the app that targets a version other than the default, with that version. */
const NEWER: readonly (readonly [string, KubeVersion])[] = Object.entries(CHARTS)
  .map(([name, build]) => [name, kubeVersionOf(build(Testing.app()))] as const)
  .filter(([, version]) => version !== DEFAULT_KUBE_VERSION);

function distObjects(chart: string): any[] {
  const text = fs.readFileSync(path.join(ROOT, 'dist', `${chart}.k8s.yaml`), 'utf8');
  return YAML.parseAllDocuments(text).map((d) => d.toJS());
}

describe('the charts that target a newer Kubernetes', () => {
  it('include hardened-web and sidecar-logs, both for 1.33', () => {
    expect(Object.fromEntries(NEWER)).toEqual({ 'hardened-web': '1.33', 'sidecar-logs': '1.33' });
  });
});

describe.each(eachServer())('kube-apiserver %s', (_v, server) => {
  const client = new ApiClient(server);
  let ns = '';
  beforeAll(async () => {
    ns = await client.namespace('restricted');
  });
  afterAll(() => client.close());

  const supported = NEWER.filter(([, version]) => atLeast(server.version, version));
  const unsupported = NEWER.filter(([, version]) => !atLeast(server.version, version));

  if (supported.length > 0) {
    it.each(supported)(
      'accepts every object of dist/%s.k8s.yaml (for %s) and its Pods under restricted without a warning',
      async (chart, version) => {
        const objects = distObjects(chart);
        expect(objects.length).toBeGreaterThan(0);
        for (const object of objects) {
          const label = `${object.kind} ${object.metadata.name}`;
          const verdict = await client.dryRunCreate(inNamespace(object, ns), ns);
          expect(verdict, `${label}: ${verdict.message}`).toMatchObject({ allowed: true, warnings: [] });
          const cp = controllerPod(object);
          if (cp) {
            const pod = await client.dryRunCreate(cp.pod, ns);
            expect(pod, `the Pod of ${label}: ${pod.message}`).toMatchObject({ allowed: true, warnings: [] });
          }
          const judged = await judge(client, ns, 'restricted', version, object);
          expect(judged.violations, describeDisagreement(label, judged)).toEqual([]);
        }
      },
    );
  }

  if (unsupported.length > 0) {
    it.each(unsupported)(
      'gives the server verdict on dist/%s.k8s.yaml (for %s) under this version, saying which version it needs',
      async (chart, version) => {
        for (const object of distObjects(chart)) {
          const label = `${object.kind} ${object.metadata.name}`;
          const judged = await judge(client, ns, 'restricted', server.version, object);
          expect(judged.comparison.outcome, describeDisagreement(label, judged)).toBe('agree');
          // Refused (a newer field) or accepted but not as meant (a native sidecar run as an init container):
          // either way podwright says so and names the version.
          expect(judged.violations.map(formatViolation).join('\n'), label).toContain(`Kubernetes ${version}`);
          // Each field the server's strict decoding calls unknown is one podwright error that names the version.
          const errors = judged.violations.filter(isError);
          for (const field of judged.server.allowed ? [] : serverPlaces(judged.server).paths) {
            const named = errors.find((v) => v.path === field && v.rule === 'schema.unknownField');
            expect(named, `${label}: ${field} in ${errors.map(formatViolation).join('\n')}`).toBeDefined();
            expect(named!.fix).toContain(`Kubernetes ${version}, not ${server.version}`);
          }
        }
      },
    );
  }
});
