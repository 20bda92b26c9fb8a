import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { at, runCli as run } from './run-cli';
import { readManifests } from '../../src/cli/manifests';
import { renderReport, validateManifests } from '../../src/cli/validate';

const ROOT = path.resolve(__dirname, '..', '..');

/** `files` (name to text) written into a new temporary folder; returns the folder. */
function tmpDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-formats-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The report of `podwright validate --profile privileged --format FORMAT` of `files`, run in `cwd`. */
function report(files: readonly string[], format: 'sarif' | 'github', cwd: string): string {
  return renderReport(
    validateManifests(
      readManifests(files, () => ''),
      'privileged',
    ),
    format,
    cwd,
  );
}

// A Pod with a port declared twice (a warning: the server accepts it) and a Deployment with a limit that is no
// quantity (an error), in one file.
const WEB_AND_WORKER = `# web and its worker
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx
      ports:
        - containerPort: 80
        - containerPort: 80
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: worker}
spec:
  selector: {matchLabels: {app: worker}}
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers:
        - name: worker
          image: busybox
          resources:
            limits: {cpu: lots}
`;
const WARNING_AT = at(WEB_AND_WORKER, 'containerPort', '- containerPort: 80');
const ERROR_AT = at(WEB_AND_WORKER, 'cpu');
const CLEAN =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: nginx}]\n';
const WARNED_ONLY = WEB_AND_WORKER.split('---')[0];

/** The official SARIF 2.1.0 schema (rtm.5, as @microsoft/jest-sarif ships it) and its draft-04 validator, ajv 6. */
function sarifValidator() {
  const fromJestSarif = createRequire(require.resolve('@microsoft/jest-sarif/package.json'));
  const Ajv = fromJestSarif('ajv');
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
  ajv.addMetaSchema(fromJestSarif('ajv/lib/refs/json-schema-draft-04.json'));
  const validate = ajv.compile(fromJestSarif('./lib/schemas/sarif-2.1.0-rtm.5.json'));
  return (log: unknown): unknown[] => (validate(log) ? [] : validate.errors);
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation?: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region?: { startLine: number; startColumn?: number };
    };
    logicalLocations: { name?: string; fullyQualifiedName: string }[];
  }[];
  properties: Record<string, unknown>;
}

describe('podwright validate --format text and json', () => {
  it('prints each problem of a multi-document file with file:line:column, warnings marked, then the summary', async () => {
    const file = path.join(tmpDir({ 'pods.yaml': WEB_AND_WORKER }), 'pods.yaml');
    const r = await run(['validate', '--profile', 'privileged', file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(4);
    expect(
      lines[0].startsWith(
        `warning: ${file}:${WARNING_AT.line}:${WARNING_AT.column}: Pod web spec.containers[0].ports[1]: duplicate port`,
      ),
    ).toBe(true);
    expect(lines[1].startsWith(`${file}:${ERROR_AT.line}:${ERROR_AT.column}: Deployment worker `)).toBe(true);
    expect(lines.slice(2)).toEqual(['1 violation(s) in 1 of 1 Pod(s) and 1 workload(s), 1 warning(s)', '']);
  });

  it('gives each JSON row its severity, file, line and column', async () => {
    const file = path.join(tmpDir({ 'pods.yaml': WEB_AND_WORKER }), 'pods.yaml');
    const r = await run(['validate', '--profile', 'privileged', '--format', 'json', file]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ severity: 'warning', file, ...WARNING_AT, name: 'web' }),
      expect.objectContaining({ severity: 'error', file, ...ERROR_AT, name: 'worker', value: 'lots' }),
    ]);
  });
});

describe('podwright validate --format sarif', () => {
  it('writes a SARIF 2.1.0 log that the official schema accepts, one result per violation with its level and region', async () => {
    const dir = tmpDir({ 'pods.yaml': WEB_AND_WORKER });
    const r = await run([
      'validate',
      '--profile',
      'privileged',
      '--format',
      'sarif',
      path.join(dir, 'pods.yaml'),
    ]);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(sarifValidator()(log)).toEqual([]);
    expect(log).toMatchObject({ version: '2.1.0', $schema: expect.stringMatching(/^https:\/\//) });
    expect(log.runs).toHaveLength(1);
    const results = log.runs[0].results as SarifResult[];
    expect(results.map((x) => [x.ruleId, x.level])).toEqual([
      ['warning.port.duplicate', 'warning'],
      ['resources.limits.quantity', 'error'],
    ]);
    expect(results.map((x) => x.locations[0].physicalLocation?.region)).toEqual([
      { startLine: WARNING_AT.line, startColumn: WARNING_AT.column },
      { startLine: ERROR_AT.line, startColumn: ERROR_AT.column },
    ]);
  });

  it('names the tool with the package version and lists each rule found once, which each result points at by index', () => {
    const dir = tmpDir({ 'a.yaml': WEB_AND_WORKER, 'b.yaml': WEB_AND_WORKER });
    const log = JSON.parse(report([dir], 'sarif', dir));
    const own = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const { driver } = log.runs[0].tool;
    expect(driver).toMatchObject({
      name: 'podwright',
      version: own.version,
      informationUri: expect.any(String),
    });
    const ids = driver.rules.map((rule: { id: string }) => rule.id);
    expect(ids).toEqual(['resources.limits.quantity', 'warning.port.duplicate']);
    for (const rule of driver.rules) expect(rule.shortDescription.text).not.toBe('');
    const results = log.runs[0].results as SarifResult[];
    expect(results).toHaveLength(4);
    for (const result of results) expect(ids[result.ruleIndex]).toBe(result.ruleId);
  });

  it('gives the message with its value and fix, and the object and field path as the logical location', () => {
    const dir = tmpDir({ 'pods.yaml': WEB_AND_WORKER });
    const [, error] = JSON.parse(report([dir], 'sarif', dir)).runs[0].results as SarifResult[];
    expect(error.message.text).toBe(
      'Deployment worker spec.template.spec.containers[0].resources.limits[cpu]: quantities must match the ' +
        `regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', got "lots". Write a quantity like "500m", "1", "128Mi" or "1Gi".`,
    );
    expect(error.locations[0].logicalLocations).toEqual([
      {
        name: 'spec.template.spec.containers[0].resources.limits[cpu]',
        fullyQualifiedName: 'Deployment worker spec.template.spec.containers[0].resources.limits[cpu]',
        kind: 'member',
      },
    ]);
    expect(error.properties).toMatchObject({ kind: 'Deployment', name: 'worker', value: 'lots' });
  });

  it('names files inside the working folder by relative URIs with forward slashes, others by absolute file URIs', () => {
    const dir = tmpDir({ 'k8s/my pods.yaml': WEB_AND_WORKER });
    const inside = JSON.parse(report([dir], 'sarif', dir)).runs[0];
    expect(inside.results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'k8s/my%20pods.yaml',
      uriBaseId: '%SRCROOT%',
    });
    expect(inside.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(dir).href}/`);
    const elsewhere = tmpDir({});
    const outside = JSON.parse(report([dir], 'sarif', elsewhere)).runs[0];
    expect(outside.results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: pathToFileURL(path.join(dir, 'k8s', 'my pods.yaml')).href,
    });
    expect(sarifValidator()(JSON.parse(report([dir], 'sarif', elsewhere)))).toEqual([]);
  });

  it('writes a valid log with no results for valid input, and exits 0 with warnings only', async () => {
    const dir = tmpDir({ 'clean.yaml': CLEAN, 'warned.yaml': WARNED_ONLY });
    const clean = await run([
      'validate',
      '--profile',
      'privileged',
      '--format',
      'sarif',
      path.join(dir, 'clean.yaml'),
    ]);
    expect(clean.code).toBe(0);
    const log = JSON.parse(clean.stdout);
    expect(sarifValidator()(log)).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
    const warned = await run([
      'validate',
      '--profile',
      'privileged',
      '--format',
      'sarif',
      path.join(dir, 'warned.yaml'),
    ]);
    expect(warned.code).toBe(0);
    expect(JSON.parse(warned.stdout).runs[0].results.map((x: SarifResult) => x.level)).toEqual(['warning']);
  });
});

describe('podwright validate --format github', () => {
  it('prints one workflow command per violation, ::error or ::warning with file, line, col and rule, then the summary', async () => {
    const dir = tmpDir({ 'pods.yaml': WEB_AND_WORKER });
    const file = path.join(dir, 'pods.yaml');
    const r = await run(['validate', '--profile', 'privileged', '--format', 'github', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      `::warning file=${file},line=${WARNING_AT.line},col=${WARNING_AT.column},title=warning.port.duplicate::` +
        'Pod web spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0], got {"containerPort":80}. Declare TCP port 80 once per Pod.',
      `::error file=${file},line=${ERROR_AT.line},col=${ERROR_AT.column},title=resources.limits.quantity::` +
        `Deployment worker spec.template.spec.containers[0].resources.limits[cpu]: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', got "lots". Write a quantity like "500m", "1", "128Mi" or "1Gi".`,
      '1 violation(s) in 1 of 1 Pod(s) and 1 workload(s), 1 warning(s)',
      '',
    ]);
  });

  it('names files relative to the working folder, and exits 0 with warnings only', async () => {
    const dir = tmpDir({ 'k8s/web.yaml': WARNED_ONLY });
    expect(report([dir], 'github', dir).split('\n')[0]).toMatch(
      /^::warning file=k8s\/web\.yaml,line=\d+,col=\d+,title=warning\.port\.duplicate::Pod web /,
    );
    const r = await run(['validate', '--profile', 'privileged', '--format', 'github', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(-2)).toEqual(['ok: 1 Pod(s) valid, 1 warning(s)', '']);
  });

  it('escapes as @actions/core does: % CR LF in the message, and also : and , in properties', () => {
    // A container name with % in it, and an unknown key with a line break, in a file whose name has , : and %.
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: web}',
      'spec:',
      '  containers:',
      '  - name: "w%b"',
      '    image: nginx',
      '    "co\\r\\nmand": [sh]',
      '',
    ].join('\n');
    const dir = tmpDir({ 'a,b:c%.yaml': text });
    const lines = report([dir], 'github', dir).split('\n');
    const name = lines.find((l) => l.includes('container.name.dns1123Label')) as string;
    expect(
      name.startsWith('::error file=a%2Cb%3Ac%25.yaml,line=6,col=5,title=container.name.dns1123Label::'),
    ).toBe(true);
    expect(name).toContain('got "w%25b".');
    const unknown = lines.find((l) => l.includes('schema.unknownField')) as string;
    expect(unknown).toContain(
      'spec.containers[0].co%0D%0Amand: unknown field "spec.containers[0].co%0D%0Amand"',
    );
    expect(lines.filter((l) => l !== '')).toHaveLength(3);
  });
});

describe('podwright validate of standard input, for CI', () => {
  it('gives SARIF results without a file but with the object and field path, and GitHub commands without file or line', async () => {
    const sarif = await run(
      ['validate', '--profile', 'privileged', '--format', 'sarif', '-'],
      WEB_AND_WORKER,
    );
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout);
    expect(sarifValidator()(log)).toEqual([]);
    const [warning] = log.runs[0].results as SarifResult[];
    expect(warning.locations[0]).not.toHaveProperty('physicalLocation');
    expect(warning.locations[0].logicalLocations[0].fullyQualifiedName).toBe(
      'Pod web spec.containers[0].ports[1]',
    );
    const { stdout } = await run(
      ['validate', '--profile', 'privileged', '--format', 'github', '-'],
      WEB_AND_WORKER,
    );
    expect(stdout.split('\n')[0]).toMatch(/^::warning title=warning\.port\.duplicate::Pod web /);
  });
});

describe('podwright validate --help', () => {
  it('lists every format with an example line of each', async () => {
    const r = await run(['--help']);
    expect(r.stdout).toContain('[--format text|json|sarif|github]');
    for (const format of ['text', 'json', 'sarif', 'github'])
      expect(r.stdout).toMatch(new RegExp(`^ +${format} +\\S`, 'm'));
  });

  it('fails when the format is not one of them, with exit 2 and the usage', async () => {
    const r = await run(['validate', '--format', 'xml', 'pods.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format must be text or json or sarif or github, got 'xml'");
  });
});
