// The example workload charts, exactly as dist/ holds them, against the real API server: each object is accepted in a
// namespace that enforces and warns at `restricted`, with no Pod Security warning (the server only warns for a
// workload whose Pods it would later refuse, so a warning here means Pods that never start).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachServer } from '../support/servers';
import * as YAML from 'yaml';
import { ApiClient } from '../support/apiserver';

const CHARTS = ['web-deployment', 'store-statefulset', 'agent-daemonset', 'pi-job', 'hello-cronjob'];
const ROOT = path.join(__dirname, '..', '..');

function distObjects(chart: string): any[] {
  const text = fs.readFileSync(path.join(ROOT, 'dist', `${chart}.k8s.yaml`), 'utf8');
  return YAML.parseAllDocuments(text).map((d) => d.toJS());
}

describe.each(eachServer())('kube-apiserver %s', (_v, server) => {
  const client = new ApiClient(server);
  let ns = '';
  beforeAll(async () => {
    ns = await client.namespace('restricted');
  });
  afterAll(() => client.close());

  it.each(CHARTS)(
    'accepts every object of dist/%s.k8s.yaml under restricted without a warning',
    async (chart) => {
      const objects = distObjects(chart);
      expect(objects.length).toBeGreaterThan(0);
      for (const object of objects) {
        const verdict = await client.dryRunCreate(object, ns);
        expect(verdict, `${object.kind} ${object.metadata.name}: ${verdict.message}`).toMatchObject({
          allowed: true,
          warnings: [],
        });
      }
    },
  );
});
