// test/fixtures/kubectl-create/kubectl-1.28.json holds command lines and what the kubectl 1.28 client printed for
// each (`--dry-run=client -o json`), recorded by test/cli/compare-kubectl-create.ts; the tests never call kubectl.
// The same script compares many more seeded random command lines with kubectl 1.28, 1.32 and 1.33.
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import {
  containerNameFromImage,
  FromCreateError,
  kubectlJson,
  objectFromKubectlCreate,
  parseGoInt32,
  readCsvRecord,
  withoutServerFields,
} from '../../src/cli/from-create';
import { main } from '../../src/cli/index';

interface Recorded {
  readonly args: string[];
  readonly stdout?: string;
  readonly error?: string;
}

const RECORDED: readonly Recorded[] = JSON.parse(
  fs.readFileSync(`${__dirname}/../fixtures/kubectl-create/kubectl-1.28.json`, 'utf8'),
);

/** Runs objectFromKubectlCreate and returns the FromCreateError it throws. */
function failure(argv: readonly string[]): FromCreateError {
  try {
    objectFromKubectlCreate(argv);
  } catch (e) {
    if (e instanceof FromCreateError) return e;
    throw e;
  }
  throw new Error(`expected FromCreateError for ${argv.join(' ')}`);
}

// kubectl names a container after an image with `_` or `.` plus a random suffix; podwright's suffix is fixed.
function alignSuffixes(theirs: string, ours: string): string {
  const suffix = /(\\?)"name(\\?)": ?(\\?)"[^"\\]*-[bcdfghjklmnpqrstvwxz2456789]{5}\\?"/g;
  const ourNames = [...ours.matchAll(suffix)].map((m) => m[0]);
  let n = 0;
  return theirs.replace(suffix, (whole) => ourNames[n++] ?? whole);
}

describe('objectFromKubectlCreate prints what kubectl 1.28 prints', () => {
  const built = RECORDED.filter((r) => r.stdout !== undefined);
  it.each(built.map((r) => [r.args.join(' '), r] as const))('builds %s byte for byte', (_, recorded) => {
    const ours = kubectlJson(objectFromKubectlCreate(['kubectl', ...recorded.args]));
    expect(alignSuffixes(recorded.stdout as string, ours)).toBe(ours);
  });

  const refused = RECORDED.filter((r) => r.error !== undefined);
  it.each(refused.map((r) => [r.args.join(' '), r] as const))(
    'refuses %s, as kubectl does',
    (_, recorded) => {
      const error = failure(['kubectl', ...recorded.args]);
      expect(error.exitCode).toBe(2);
      expect(error.message).toMatch(/^\S+: .+\. [A-Z]/);
    },
  );

  it('records enough of both kinds to mean something', () => {
    expect(built.length).toBeGreaterThanOrEqual(25);
    expect(refused.length).toBeGreaterThanOrEqual(15);
  });
});

describe('objectFromKubectlCreate builds each kind', () => {
  it('turns the README command into a Deployment with app=NAME labels, selector and one port', () => {
    // create_deployment.go createDeployment: labels and selector app=NAME, --port on the first container.
    expect(
      objectFromKubectlCreate([
        'kubectl',
        'create',
        'deployment',
        'web',
        '--image=nginx',
        '--replicas=2',
        '--port=80',
      ]),
    ).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: {
            containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }],
          },
        },
        strategy: {},
      },
      status: {},
    });
  });

  it('gives a Job one container named NAME, restartPolicy Never, and the words after -- as command', () => {
    expect(
      objectFromKubectlCreate(['create', 'job', 'pi', '--image=perl', '--', 'perl', '-e', 'print 1']),
    ).toEqual({
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: { name: 'pi', creationTimestamp: null },
      spec: {
        template: {
          metadata: { creationTimestamp: null },
          spec: {
            containers: [{ name: 'pi', image: 'perl', command: ['perl', '-e', 'print 1'], resources: {} }],
            restartPolicy: 'Never',
          },
        },
      },
      status: {},
    });
  });

  it('gives a CronJob restartPolicy OnFailure unless --restart says otherwise, and names its jobTemplate', () => {
    const cronJob = objectFromKubectlCreate([
      'create',
      'cj',
      'tick',
      '--image=busybox',
      '--schedule=*/5 * * * *',
      '-n',
      'ops',
    ]);
    expect(cronJob).toMatchObject({
      kind: 'CronJob',
      metadata: { name: 'tick', namespace: 'ops' },
      spec: {
        schedule: '*/5 * * * *',
        jobTemplate: {
          metadata: { name: 'tick' },
          spec: { template: { spec: { restartPolicy: 'OnFailure' } } },
        },
      },
    });
  });

  it('writes the last-applied annotation with --save-config, in Go field order and escaping', () => {
    const object = objectFromKubectlCreate(['create', 'job', 'j', '--image=a&b', '--save-config']);
    const annotation = (object.metadata as { annotations: Record<string, string> }).annotations[
      'kubectl.kubernetes.io/last-applied-configuration'
    ];
    expect(annotation).toBe(
      '{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j","creationTimestamp":null},"spec":{"template":' +
        '{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"j","image":"a\\u0026b","resources":{}}],' +
        '"restartPolicy":"Never"}}},"status":{}}\n',
    );
  });

  it('names containers after the image, with a fixed suffix where kubectl adds a random one', () => {
    expect(containerNameFromImage('registry.k8s.io/pause:3.9')).toBe('pause');
    expect(containerNameFromImage(`busybox@sha256:${'a'.repeat(64)}`)).toBe('busybox');
    expect(containerNameFromImage('my_app:1.0')).toMatch(/^my-app-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(containerNameFromImage('my_app:1.0')).toBe(containerNameFromImage('my_app:1.0'));
  });

  it('drops creationTimestamp: null and status: {} for construct code, keeping everything else', () => {
    const object = objectFromKubectlCreate(['create', 'deployment', 'web', '--image=nginx']);
    expect(withoutServerFields(object)).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] },
        },
        strategy: {},
      },
    });
  });
});

describe('objectFromKubectlCreate refuses what it cannot build', () => {
  it('fails when job --from needs a cluster to read the CronJob', () => {
    const error = failure(['kubectl', 'create', 'job', 'j', '--from=cronjob/nightly']);
    expect(error.flag).toBe('--from');
    expect(error.message).toContain('needs a cluster');
  });

  it('fails when the command is not kubectl create deployment, job or cronjob', () => {
    expect(failure(['kubectl', 'create', 'service', 'x']).flag).toBe('create');
    expect(failure(['kubectl', 'run', 'x', '--image=nginx']).flag).toBe('create');
  });

  it('fails when a flag belongs to another subcommand, and says which', () => {
    const error = failure(['kubectl', 'create', 'job', 'j', '--image=x', '--schedule=@daily']);
    expect(error.flag).toBe('--schedule');
    expect(error.message).toContain('It belongs to kubectl create cronjob');
  });

  it('fails when -o asks for a printed form, or --dry-run for the server', () => {
    expect(failure(['create', 'job', 'j', '--image=x', '-o', 'name']).flag).toBe('--output');
    expect(failure(['create', 'job', 'j', '--image=x', '--dry-run=server']).flag).toBe('--dry-run');
  });
});

describe('the Go value parsers pflag uses', () => {
  it('reads int32 flags as strconv.ParseInt(s, 0, 32)', () => {
    expect(['80', '+80', '-1', '0x50', '0o17', '0b101', '010', '1_000', '0'].map(parseGoInt32)).toEqual([
      80, 80, -1, 80, 15, 5, 8, 1000, 0,
    ]);
    expect(['', '08', 'abc', '1__0', '_1', '0x', '80 '].map(parseGoInt32)).toEqual(Array(7).fill('syntax'));
    expect(['2147483648', '-2147483649'].map(parseGoInt32)).toEqual(['range', 'range']);
    expect(parseGoInt32('-2147483648')).toBe(-2147483648);
  });

  it('reads string-slice flags as one CSV record', () => {
    expect(readCsvRecord('a,b')).toEqual(['a', 'b']);
    expect(readCsvRecord('"a,b",c')).toEqual(['a,b', 'c']);
    expect(readCsvRecord('"say ""hi"""')).toEqual(['say "hi"']);
    expect(readCsvRecord(',x')).toEqual(['', 'x']);
    expect(readCsvRecord('')).toEqual([]);
    expect(readCsvRecord('a"b')).toEqual({ error: 'bare " in non-quoted-field' });
    expect(readCsvRecord('"a"b')).toEqual({ error: 'extraneous or missing " in quoted-field' });
  });
});

describe('podwright from-create', () => {
  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      stdin: () => '',
    });
    return { code, stdout, stderr };
  };

  it('prints YAML by default, the object kubectl -o yaml prints', async () => {
    const { code, stdout } = await run(['from-create', '--', 'kubectl', 'create', 'job', 'j', '--image=x']);
    expect(code).toBe(0);
    expect(YAML.parse(stdout)).toEqual(objectFromKubectlCreate(['create', 'job', 'j', '--image=x']));
    expect(stdout).toContain('creationTimestamp: null\n');
  });

  it('prints the bytes of kubectl -o json with --format json', async () => {
    const argv = ['kubectl', 'create', 'deployment', 'web', '--image=nginx'];
    const { stdout } = await run(['from-create', '--format', 'json', '--', ...argv]);
    expect(stdout).toBe(kubectlJson(objectFromKubectlCreate(argv)));
  });

  it('prints construct code with --format ts', async () => {
    const argv = ['kubectl', 'create', 'cronjob', 'c', '--image=x', '--schedule=@daily'];
    const { code, stdout } = await run(['from-create', '--format=ts', '--', ...argv]);
    expect(code).toBe(0);
    expect(stdout).toContain("new PodwrightChart(app, 'imported'");
    expect(stdout).not.toContain('creationTimestamp');
  });

  it('fails with exit code 2 and the reason when kubectl needs a cluster', async () => {
    const { code, stderr } = await run(['from-create', '--', 'kubectl', 'create', 'job', 'j', '--from=cj/x']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^podwright from-create: --from: needs a cluster/);
  });
});
