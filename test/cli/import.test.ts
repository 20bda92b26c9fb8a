import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as cdk8sPlus from 'cdk8s-plus-28';
import * as ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { isError, PodwrightError } from '../../src/errors';
import { validateManifest } from '../../src/validation';
import { podFromKubectlRun } from '../../src/cli/from-run';
import { generateTypeScript, IMPORT_PRETTIER_OPTIONS, importManifests } from '../../src/cli/import';
import { fieldsOf } from '../../src/cli/import-schema';
import { fixture } from '../helpers';
import {
  comparable,
  expectListed,
  importedWorkloads,
  listedAs,
  randomEditor,
  roundTrip,
  run,
} from './import-helpers';
import { SEED_RUN } from '../helpers';

const ROOT = path.join(__dirname, '..', '..');
const DOCS = path.join(ROOT, 'test', 'fixtures', 'docs-pods');
const DOCS_FILES = fs.readdirSync(DOCS).filter((f) => f.endsWith('.yaml'));
// Outside node_modules, so the package self-reference `from 'podwright'` resolves as it does in the project;
// lib/ is ignored by git, eslint, prettier and tsc.
const TMP = path.join(ROOT, 'lib', '.podwright-import-test');

function docsPods(file: string): Record<string, unknown>[] {
  return fixture(`docs-pods/${file}`).filter((d) => d !== null);
}

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

describe('generateTypeScript', () => {
  it("rebuilds the seed's 10-pod.yaml exactly", async () => {
    await roundTrip(fixture('seed/10-pod.yaml'));
  });

  it('writes the seed Pod as a person would, with the Pod construct and single-quoted literals', async () => {
    const code = await generateTypeScript(fixture('seed/10-pod.yaml'));
    expect(code).toContain("import { Pod, PodwrightApp, PodwrightChart } from 'podwright';");
    expect(code).toContain("const app = new PodwrightApp({ kubeVersion: '1.28' });");
    expect(code).toContain("const chart = new PodwrightChart(app, 'imported', { profile: 'privileged' });");
    expect(code).toContain("new Pod(chart, 'busybox', {");
    expect(code).toContain(
      "containers: [{ name: 'busybox', image: 'busybox', command: ['echo'], args: ['Hello World'] }]",
    );
    expect(code).toContain("restartPolicy: 'Never'");
    expect(code).toContain('process.stdout.write(app.synthYaml());');
    const absent = ['undefined', '"', 'JsonPatch', 'ApiObject', "from 'cdk8s", "name: 'busybox' }"];
    for (const text of absent) {
      expect(code).not.toContain(text);
    }
  });

  it.each(DOCS_FILES)('rebuilds docs Pod %s exactly, with no JSON patch', async (file) => {
    const code = await roundTrip(docsPods(file));
    expect(code).toContain('new Pod(chart, ');
    expect(code).not.toContain('addJsonPatch');
  });

  it('writes volumes as Volume consts that mounts refer to, in the manifest order', async () => {
    const code = await generateTypeScript(docsPods('pods__storage__projected.yaml'));
    expect(code).toContain("const allInOne = Volume.projected('all-in-one', [");
    expect(code).toContain("volumeMounts: [{ path: '/projected-volume', volume: allInOne, readOnly: true }]");
    expect(code).toContain('volumes: [allInOne]');
  });

  it('writes env values, probes and hooks with their podwright factories', async () => {
    const envCode = await generateTypeScript(docsPods('pods__inject__secret-envars-pod.yaml'));
    expect(envCode).toContain("SECRET_USERNAME: EnvValue.fromSecret('test-secret', 'username')");
    const probeCode = await generateTypeScript(docsPods('pods__probe__tcp-liveness-readiness.yaml'));
    expect(probeCode).toContain(
      'Probe.tcpSocket({ port: 8080, initialDelaySeconds: 15, periodSeconds: 10 })',
    );
    const hookCode = await generateTypeScript(docsPods('pods__lifecycle-events.yaml'));
    expect(hookCode).toContain('postStart: Handler.exec([');
  });

  it('writes PodSpec fields without a high-level prop through the typed props, in cdk8s naming', async () => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'typed' },
      spec: {
        hostPID: true,
        // The RuntimeClass admission plugin refuses overhead without a runtime class.
        runtimeClassName: 'kata',
        overhead: { cpu: '250m' },
        containers: [
          {
            name: 'a',
            image: 'busybox',
            stdin: true,
            startupProbe: { httpGet: { path: '/', port: 'http' } },
          },
        ],
        volumes: [{ name: 'cache', emptyDir: { sizeLimit: '1Gi' } }],
      },
    };
    const code = await roundTrip([manifest]);
    expect(code).toContain('hostPid: true');
    expect(code).toContain("overhead: { cpu: k8s.Quantity.fromString('250m') }");
    expect(code).toContain("import { k8s } from 'cdk8s-plus-28';");
    expect(code).toContain('passThrough: { stdin: true }');
    expect(code).toContain("startupProbe: Probe.httpGet('/', { port: 'http' })");
    expect(code).toContain("Volume.emptyDir('cache', { sizeLimit: '1Gi' })");
  });

  it('prints file modes in octal, as the Kubernetes documentation writes them', async () => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'modes' },
      spec: {
        containers: [{ name: 'a', image: 'busybox' }],
        volumes: [
          {
            name: 'cfg',
            configMap: { name: 'cfg', defaultMode: 420, items: [{ key: 'k', path: 'p', mode: 256 }] },
          },
        ],
      },
    };
    const code = await roundTrip([manifest]);
    expect(code).toContain("const cfg = Volume.configMap('cfg', 'cfg', {");
    expect(code).toContain("items: [{ key: 'k', path: 'p', mode: 0o400 }]");
    expect(code).toContain('defaultMode: 0o644');
  });

  it('rebuilds the Pod `kubectl run busybox --image=busybox --restart=Never -- echo Hello World` prints', async () => {
    const manifest = podFromKubectlRun(SEED_RUN);
    const code = await roundTrip([manifest]);
    expect(code).toContain('resources: {}');
  });

  it('rebuilds objects of other kinds through ApiObject', async () => {
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'game-config', namespace: 'games', labels: { app: 'game' } },
      data: { 'game.properties': 'lives=3\nlevel=1\n', 'ui.theme': 'dark' },
    };
    const code = await roundTrip([configMap]);
    expect(code).toContain("new ApiObject(chart, 'game-config', {");
    expect(code).toContain("'game.properties': `lives=3\nlevel=1\n`,");
    expect(code).not.toContain('addJsonPatch');
  });

  it('writes multi-line text as template literals and keeps backticks, ${ and backslashes literal', async () => {
    const script = 'echo `date` ${HOME} \\n\nprintf "%s\\t" \'x\'\n';
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'script' },
      spec: { containers: [{ name: 'a', image: 'busybox', command: ['sh', '-c', script, 'bell\u0007\n'] }] },
    };
    const code = await roundTrip([manifest]);
    expect(code).toContain('`echo \\`date\\` \\${HOME} \\\\n\nprintf');
    expect(code).toContain("'bell\\u0007\\n'");
  });

  it('patches in what the constructs cannot render, and only that', async () => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'gaps', labels: {} },
      spec: {
        containers: [
          {
            name: 'a',
            image: 'busybox',
            env: [{ name: 'EMPTY' }],
            // Probe.httpGet needs a path; the API server defaults it.
            livenessProbe: { httpGet: { port: 8080 } },
            resources: { claims: [{ name: 'gpu' }], limits: { cpu: '1' } },
          },
        ],
        nodeSelector: { disk: null },
      },
    };
    const code = await roundTrip([manifest]);
    expect(code).toContain("const gaps = new Pod(chart, 'gaps', {");
    expect(code).toContain("JsonPatch.add('/spec/containers/0/env', [{ name: 'EMPTY' }])");
    expect(code).toContain("JsonPatch.add('/spec/containers/0/livenessProbe', { httpGet: { port: 8080 } })");
    expect(code).toContain("JsonPatch.add('/spec/containers/0/resources/claims', [{ name: 'gpu' }])");
    expect(code).toContain("JsonPatch.add('/metadata/labels', {})");
    expect(code).toContain("JsonPatch.add('/spec/nodeSelector/disk', null)");
    expect(code).toContain("resources: { limits: { cpu: '1' } }");
  });

  it('rebuilds every docs Pod exactly after random edits (fields dropped, lists reversed, odd values)', async () => {
    const edit = randomEditor({
      seed: 42,
      drop: 0.08,
      oddValue: 0.05,
      addKeys: ['name', 'port', 'path', 'value', 'restartPolicy', 'mode'],
    });
    for (const file of DOCS_FILES) {
      await roundTrip(docsPods(file).map((d) => edit(d) as Record<string, unknown>));
    }
  });

  it('keeps sidecars interleaved with init containers in the manifest order', async () => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'sidecars' },
      spec: {
        initContainers: [
          { name: 'log', image: 'busybox', restartPolicy: 'Always' },
          { name: 'migrate', image: 'busybox' },
        ],
        containers: [{ name: 'app', image: 'busybox' }],
      },
    };
    const code = await roundTrip([manifest]);
    expect(code).toContain("sidecars.addSidecar({ name: 'log', image: 'busybox' });");
    expect(code).toContain("sidecars.addInitContainer({ name: 'migrate', image: 'busybox' });");
  });

  it('writes sidecars after init containers as the sidecars prop', async () => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'sidecars' },
      spec: {
        initContainers: [
          { name: 'migrate', image: 'busybox' },
          { name: 'log', image: 'busybox', restartPolicy: 'Always' },
        ],
        containers: [{ name: 'app', image: 'busybox' }],
      },
    };
    const code = await roundTrip([manifest]);
    expect(code).toContain("initContainers: [{ name: 'migrate', image: 'busybox' }]");
    expect(code).toContain("sidecars: [{ name: 'log', image: 'busybox' }]");
  });

  it('gives objects of one name unique construct ids and keeps their metadata.name', async () => {
    const nginx = docsPods('pods__pod-nginx.yaml')[0];
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nginx' }, data: { a: 'b' } };
    const unnamed = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'cfg-' }, data: {} };
    const code = await roundTrip([nginx, nginx, configMap, unnamed]);
    expect(code).toContain("new Pod(chart, 'nginx', {");
    expect(code).toContain("new Pod(chart, 'nginx-2', {\n  metadata: { name: 'nginx',");
    expect(code).toContain("new ApiObject(chart, 'nginx-3', {");
    expect(code).toContain("JsonPatch.remove('/metadata/name')");
  });

  it('keeps a Pod the Pod construct refuses (two containers of one name) as a plain ApiObject', async () => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'twins' },
      spec: {
        containers: [
          { name: 'a', image: 'busybox' },
          { name: 'a', image: 'nginx' },
        ],
      },
    };
    const code = await roundTrip([manifest]);
    expect(code).toContain("new ApiObject(chart, 'twins', {");
    expect(code).toContain(
      '// The Pod construct cannot hold this Pod (spec.containers[1].name is already the name of another container',
    );
  });

  it("uses the given profile and chart id, so 'restricted' adds its defaults", async () => {
    const code = await generateTypeScript(fixture('seed/10-pod.yaml'), {
      profile: 'restricted',
      chartId: 'web',
    });
    expect(code).toContain("new PodwrightChart(app, 'web', { profile: 'restricted' })");
    const [synthesized] = run(code).synthesized as any[];
    expect(synthesized.spec.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(synthesized.spec.containers[0]).toMatchObject({ command: ['echo'], args: ['Hello World'] });
  });

  it.each([
    // restricted's defaults (runAsNonRoot, seccomp, capabilities, ...) fix what it asks of Pods that say nothing;
    ['restricted', '1.28', 'fewer problems than the YAML has'],
    // baseline's (requests and limits, RuntimeDefault seccomp) are nothing baseline asks for.
    ['baseline', '1.33', 'the very problems the YAML has'],
  ] as const)(
    'says under %s for %s exactly what the generated code refuses once its profile defaults are added: %s',
    async (profile, kubeVersion, relation) => {
      const all = [...DOCS_FILES.flatMap(docsPods), ...importedWorkloads()];
      const { code, violations } = await importManifests(all, { profile, kubeVersion });
      const ran = run(code);
      expect(ran.error).toBeDefined();
      expect(comparable(violations)).toEqual(comparable(ran.error?.violations ?? []));
      const inYaml = all.flatMap((m) => validateManifest(m, profile, undefined, kubeVersion));
      if (relation.startsWith('fewer')) expect(violations.length).toBeLessThan(inYaml.length);
      else expect(comparable(violations)).toEqual(comparable(inYaml));
    },
  );

  it('fails when a document has no apiVersion or kind, naming each field and the fix', async () => {
    const bad = [{ kind: 'Pod', metadata: { name: 'p' } }, { apiVersion: 'v1' }] as Record<string, unknown>[];
    const error = await generateTypeScript(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PodwrightError);
    expect((error as PodwrightError).violations.map((v) => `${v.object.name} ${v.path}`)).toEqual([
      'p apiVersion',
      'manifests[1] kind',
    ]);
    expect((error as PodwrightError).message).toContain('Give every document apiVersion and kind');
  });

  it('formats with the repository prettier settings', () => {
    const rc = JSON.parse(fs.readFileSync(path.join(ROOT, '.prettierrc.json'), 'utf8'));
    expect(IMPORT_PRETTIER_OPTIONS).toEqual(rc);
  });
});

describe('generated module', () => {
  // Workloads too (test/cli/import-workloads.test.ts round-trips them one by one): one tsx run per module. What
  // `podwright validate` refuses among them (kubectl create prints a CronJob scheduled 'y', ...) gets its own module.
  const all = [...fixture('seed/10-pod.yaml'), ...DOCS_FILES.flatMap(docsPods), ...importedWorkloads()];
  const validated = all.map((m) => validateManifest(m, 'privileged'));
  const valid = all.filter((_, i) => !validated[i].some(isError));
  const invalid = all.filter((_, i) => validated[i].some(isError));
  const validFile = path.join(TMP, 'valid.ts');
  const invalidFile = path.join(TMP, 'invalid.ts');
  const written = Promise.all([generateTypeScript(valid), generateTypeScript(invalid)]).then(([a, b]) => {
    fs.mkdirSync(TMP, { recursive: true });
    fs.writeFileSync(validFile, a);
    fs.writeFileSync(invalidFile, b);
  });
  const tsx = (file: string) =>
    spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [file], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('prints every valid docs Pod, docs workload and the seed Pod when run with tsx, importing podwright by package name, warning as validate warns', async () => {
    await written;
    const result = tsx(validFile);
    expect(result.status).toBe(0);
    expect(YAML.parseAllDocuments(result.stdout).map((d) => d.toJS())).toEqual(valid);
    // The two docs sidecars, whose restartPolicy a 1.28 API server drops.
    const warnings = valid.flatMap((m) => validateManifest(m, 'privileged'));
    expect(warnings.map((w) => w.rule)).toEqual(Array(2).fill('initContainer.restartPolicy.dropped'));
    expectListed(result.stderr, warnings.map(listedAs));
    // A whole tsx start: slow on a loaded machine, so a longer limit for a hang.
  }, 120_000);

  it('refuses to print the invalid ones when run with tsx, listing every violation validate gives for them', async () => {
    await written;
    expect(invalid.length).toBeGreaterThan(5);
    const result = tsx(invalidFile);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('nothing synthesized');
    expectListed(result.stderr, invalid.flatMap((m) => validateManifest(m, 'privileged')).map(listedAs));
  }, 120_000);

  it('type-checks against the podwright, cdk8s and cdk8s-plus-28 types', async () => {
    await written;
    const program = ts.createProgram([validFile, invalidFile], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      types: ['node'],
      esModuleInterop: true,
      // What the package.json `exports` self-reference gives at run time; node10 resolution does not read it.
      paths: { podwright: [path.join(ROOT, 'src', 'index.ts')] },
    });
    const own = [validFile, invalidFile].flatMap((f) =>
      ts.getPreEmitDiagnostics(program, program.getSourceFile(f)),
    );
    expect(own.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  }, 120_000);
});

describe('k8s typed props table', () => {
  const dts = fs.readFileSync(require.resolve('cdk8s-plus-28/lib/imports/k8s.d.ts'), 'utf8');
  const types = Object.keys(cdk8sPlus.k8s)
    .filter((k) => k.startsWith('toJson_'))
    .map((k) => k.slice('toJson_'.length));

  it('reads every generated type of cdk8s-plus-28', () => {
    expect(types.length).toBeGreaterThan(400);
    for (const type of types) expect(fieldsOf(type).size).toBeGreaterThan(0);
  });

  it('tells IntOrString fields from Quantity fields as k8s.d.ts declares them', () => {
    const declared = (kind: string) =>
      new Set([...dts.matchAll(new RegExp(`readonly (\\w+)\\?: ${kind};`, 'g'))].map((m) => m[1]));
    const read = (kind: string) =>
      new Set(
        types.flatMap((t) =>
          [...fieldsOf(t).values()].filter((f) => f.shape.kind === kind).map((f) => f.prop),
        ),
      );
    expect(read('intOrString')).toEqual(declared('IntOrString'));
    expect(read('quantity')).toEqual(declared('Quantity'));
  });
});
