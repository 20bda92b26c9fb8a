import { describe, expect, it } from 'vitest';
import { at, runCli as run, tmpFile } from './run-cli';
import { parseManifests } from '../../src/cli/manifests';

/** Where each path of the first object in `text` is placed. */
function locate(text: string, ...paths: string[]): { line?: number; column?: number }[] {
  const [read] = parseManifests(text, 'pods.yaml');
  return paths.map((p) => {
    const { line, column } = read.locate!(p);
    return { line, column };
  });
}

const TWO_OBJECTS = `# a Pod and a Deployment
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      comand: [sh]
      resources:
        limits: {cpu: lots}
    - name: side
      image: busybox
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: nginx
        - name: metrics
          image: ""
`;

describe('source locations of podwright validate', () => {
  it('prints file:line:column of the offending key first in text output, lines counted over the whole multi-document file', async () => {
    const file = tmpFile('pods.yaml', TWO_OBJECTS);
    const r = await run(['validate', '--profile', 'privileged', file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const unknown = at(TWO_OBJECTS, 'comand');
    expect(lines).toContain(
      `${file}:${unknown.line}:${unknown.column}: Pod web spec.containers[0].comand: unknown field "spec.containers[0].comand", got ["sh"]. Rename it: did you mean "command"? [schema.unknownField]`,
    );
    const cpu = at(TWO_OBJECTS, 'cpu');
    expect(r.stdout).toContain(
      `${file}:${cpu.line}:${cpu.column}: Pod web spec.containers[0].resources.limits[cpu]:`,
    );
    const image = at(TWO_OBJECTS, 'image', 'name: metrics');
    expect(image.line).toBeGreaterThan(TWO_OBJECTS.split('---')[0].split('\n').length);
    expect(r.stdout).toContain(
      `${file}:${image.line}:${image.column}: Deployment api spec.template.spec.containers[1].image:`,
    );
  });

  it('puts line and column in every JSON row, next to the file', async () => {
    const file = tmpFile('pods.yaml', TWO_OBJECTS);
    const r = await run(['validate', '--profile', 'privileged', '--format', 'json', file]);
    const rows = JSON.parse(r.stdout) as { path: string; file: string; line: number; column: number }[];
    const byPath = Object.fromEntries(rows.map((row) => [row.path, row]));
    expect(byPath['spec.containers[0].comand']).toMatchObject({ file, ...at(TWO_OBJECTS, 'comand') });
    expect(byPath['spec.template.spec.containers[1].image']).toMatchObject({
      file,
      ...at(TWO_OBJECTS, 'image', 'name: metrics'),
    });
  });

  it('places a missing required field at the entry that lacks it: the container for a missing image', async () => {
    const file = tmpFile('pods.yaml', TWO_OBJECTS);
    const r = await run(['validate', '--profile', 'privileged', '--format', 'json', file]);
    const missing = (JSON.parse(r.stdout) as { path: string }[]).find(
      (row) => row.path === 'spec.containers[0].image',
    );
    // The first container's entry starts at its first key, `name: web`, after the `- `.
    expect(missing).toMatchObject(at(TWO_OBJECTS, 'name: web', 'containers:'));
  });

  it('places a Pod Security violation of a field that is not written at the nearest field that is', async () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: nginx\n';
    const r = await run(['validate', '--format', 'json', tmpFile('pod.yaml', text)]);
    const rows = JSON.parse(r.stdout) as { path: string; line: number; column: number }[];
    const container = rows.find(
      (row) => row.path === 'spec.containers[0].securityContext.allowPrivilegeEscalation',
    );
    expect(container).toMatchObject(at(text, 'name: web', 'containers:'));
    const pod = rows.find((row) => row.path === 'spec.securityContext.runAsNonRoot');
    expect(pod).toMatchObject(at(text, 'spec:'));
  });

  it('places the whole object at its first key, after comments and the document marker', () => {
    const text = '# comment\n---\n\napiVersion: v1\nkind: Pod\n';
    expect(locate(text, '')).toEqual([at(text, 'apiVersion')]);
  });

  it('finds keys with dots, slashes and brackets, in bracket and in dot notation', () => {
    const text = [
      'metadata:',
      '  labels:',
      '    app.kubernetes.io/name: web',
      '    app: {kubernetes: 1}',
      '    a[0]: x',
      '  annotations:',
      '    seccomp.security.alpha.kubernetes.io/pod: runtime/default',
      '',
    ].join('\n');
    expect(
      locate(
        text,
        'metadata.labels[app.kubernetes.io/name]',
        'metadata.labels.app.kubernetes.io/name',
        'metadata.labels.app.kubernetes',
        'metadata.labels[a[0]]',
        'metadata.annotations.seccomp.security.alpha.kubernetes.io/pod',
      ),
    ).toEqual([
      at(text, 'app.kubernetes.io/name'),
      at(text, 'app.kubernetes.io/name'),
      at(text, 'kubernetes: 1'),
      at(text, 'a[0]'),
      at(text, 'seccomp.'),
    ]);
  });

  it('falls back to the nearest field for paths not in the text and never throws on odd paths', () => {
    const text = 'spec:\n  volumes:\n  - name: data\n    downwardAPI: {}\n';
    const volume = at(text, 'name: data');
    const spec = at(text, 'spec');
    expect(
      locate(
        text,
        'spec.volumes[0].downwarAPI',
        'spec.volumes[0].{topologyKey, whenUnsatisfiable}',
        'spec.volumes[7].name',
        'spec.volumes.subPath',
        'spec.nothing[0]',
      ),
    ).toEqual([volume, volume, at(text, 'volumes'), at(text, 'volumes'), spec]);
    for (const odd of [
      '',
      '.',
      '[',
      ']]',
      '..spec',
      'spec..volumes',
      'spec.volumes[-1]',
      'spec.volumes[1e9]',
    ]) {
      expect(() => locate(text, odd)).not.toThrow();
    }
    expect(locate(text, 'spec.volumes[99999999999999999999]')).toEqual([at(text, 'volumes')]);
  });

  it('places a key written twice at its last writing, which the object holds', () => {
    const text = 'metadata:\n  labels: {app: a, app: b}\n';
    const [read] = parseManifests(text, 'pods.yaml');
    expect(read.duplicates).toEqual([{ path: 'metadata.labels.app', dropped: 'a' }]);
    expect(read.locate!('metadata.labels.app')).toMatchObject(at(text, 'app: b'));
  });

  it('counts columns in JSON and flow style from the key, its opening quote for JSON', () => {
    const text =
      '{"apiVersion": "v1", "kind": "Pod",\n "spec": {"containers": [{"name": "a", "ports": [{"containerPort": 0}]}]}}';
    expect(
      locate(
        text,
        'spec.containers[0].ports[0].containerPort',
        'spec.containers[0].ports[0]',
        'spec.containers[0].image',
      ),
    ).toEqual([at(text, '"containerPort"'), at(text, '{"containerPort"'), at(text, '{"name"')]);
  });

  it('places each object of a kind: List at its own entry', () => {
    const text = 'kind: List\nitems:\n- kind: Pod\n  spec: {}\n- kind: Pod\n  spec:\n    containers: []\n';
    const [first, second] = parseManifests(text, 'list.yaml');
    expect(first.locate!('spec.containers')).toMatchObject(at(text, 'spec: {}'));
    expect(second.locate!('spec.containers')).toMatchObject(at(text, 'containers: []'));
    expect(second.locate!('')).toMatchObject(at(text, 'kind: Pod', 'spec: {}'));
  });

  it('follows an alias into its anchor: a field inside an aliased node is where the anchor wrote it', () => {
    const text = [
      'x-web: &web {name: web, image: " nginx"}',
      'spec:',
      '  containers: [*web, {name: side, image: " busybox"}]',
      '',
    ].join('\n');
    expect(
      locate(text, 'spec.containers[0].image', 'spec.containers[0]', 'spec.containers[1].image'),
    ).toEqual([at(text, 'image'), at(text, '*web'), at(text, 'image', 'side')]);
  });

  it('follows a merge key (<<, read as kubectl reads YAML 1.1) into the map it merges, the own keys winning', () => {
    const text = [
      'x-base: &base {name: base, image: " nginx", ports: [{containerPort: 0}]}',
      'spec:',
      '  containers:',
      '  - <<: [*base, {tty: 1}]',
      '    name: web',
      '',
    ].join('\n');
    expect(
      locate(
        text,
        'spec.containers[0].image',
        'spec.containers[0].ports[0].containerPort',
        'spec.containers[0].tty',
        'spec.containers[0].name',
        'spec.containers[0].stdin',
      ),
    ).toEqual([
      at(text, 'image'),
      at(text, 'containerPort'),
      at(text, 'tty'),
      at(text, 'name: web'),
      at(text, '<<'),
    ]);
  });

  it('counts columns as an editor does after a byte order mark, and lines with CRLF endings', async () => {
    const text =
      '\uFEFFapiVersion: v1\r\nkind: Pod\r\nmetadata: {name: Web}\r\nspec:\r\n  containers: [{name: web, image: nginx}]\r\n';
    const file = tmpFile('crlf.yaml', text);
    const r = await run(['validate', '--profile', 'privileged', file]);
    expect(locate(text, 'apiVersion')).toEqual([{ line: 1, column: 1 }]);
    const name = at(text, 'name: Web');
    expect(r.stdout).toContain(`${file}:${name.line}:${name.column}: Pod Web metadata.name:`);
  });

  it('names standard input as - with the line and column', async () => {
    const r = await run(['validate', '--profile', 'privileged', '-'], TWO_OBJECTS);
    const unknown = at(TWO_OBJECTS, 'comand');
    expect(r.stdout).toContain(`-:${unknown.line}:${unknown.column}: Pod web spec.containers[0].comand:`);
  });
});
