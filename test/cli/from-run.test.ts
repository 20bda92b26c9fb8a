// Every expected object below is what `kubectl run ... --dry-run=client -o yaml` prints, minus
// `metadata.creationTimestamp: null` and `status: {}`. Each was written from the kubectl source named above it and
// then checked against the kubectl 1.28, 1.32 and 1.33 client binaries run offline (a loopback stub answered API
// discovery, which --dry-run=client needs for its REST mapping); where the versions differ, the test says so.
// The tests themselves never call kubectl.
import { describe, expect, it } from 'vitest';
import { FromRunError, podFromKubectlRun } from '../../src/cli/from-run';
import { SEED_RUN } from '../helpers';

/** Runs podFromKubectlRun and returns the FromRunError it throws. */
function failure(argv: readonly string[]): FromRunError {
  try {
    podFromKubectlRun(argv);
  } catch (e) {
    if (e instanceof FromRunError) return e;
    throw e;
  }
  throw new Error(`expected FromRunError for ${argv.join(' ')}`);
}

describe('podFromKubectlRun builds the Pod kubectl run prints', () => {
  it('turns the seed command into Pod busybox with run=busybox and the words after -- as args', () => {
    // generate/versioned/run.go BasicPod.Generate: labels from getLabels (run=NAME), one container named NAME,
    // Resources always encoded as {}, DNSPolicy ClusterFirst; updatePodContainers puts the words after `--` in args.
    expect(podFromKubectlRun(SEED_RUN)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'busybox', labels: { run: 'busybox' } },
      spec: {
        containers: [{ name: 'busybox', image: 'busybox', args: ['echo', 'Hello World'], resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Never',
      },
    });
  });

  it('accepts the command line without the leading kubectl', () => {
    // BasicPod.Generate: with no --restart the restart policy is Always.
    expect(podFromKubectlRun(['run', 'nginx', '--image', 'nginx'])).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'nginx', labels: { run: 'nginx' } },
      spec: {
        containers: [{ name: 'nginx', image: 'nginx', resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('sets restartPolicy from --restart OnFailure, given as a separate word', () => {
    // cmd/run/run.go getRestartPolicy accepts Always, OnFailure, Never; BasicPod.Generate copies it.
    expect(podFromKubectlRun(['run', 'job', '--image=alpine', '--restart', 'OnFailure'])).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'job', labels: { run: 'job' } },
      spec: {
        containers: [{ name: 'job', image: 'alpine', resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'OnFailure',
      },
    });
  });

  it('falls back to Always when --restart is empty, even with -i', () => {
    // 1.28 BasicPod.Generate reads the raw flag and defaults "" to Always; getRestartPolicy's OnFailure-for-stdin
    // branch only steers attaching. Checked with 1.28, 1.32 and 1.33 (`--restart= -i --attach=false`).
    expect(podFromKubectlRun(['run', 'p', '--image=nginx', '--restart=', '-i'])).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [{ name: 'p', image: 'nginx', stdin: true, stdinOnce: true, resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('puts the words after -- in command instead of args with --command', () => {
    // generate/versioned/run.go updatePodContainers: `command` true moves the arguments to Containers[0].Command.
    expect(
      podFromKubectlRun(['run', 'p', '--image=nginx', '--command', '--', 'sh', '-c', 'sleep 1']),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [{ name: 'p', image: 'nginx', command: ['sh', '-c', 'sleep 1'], resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('takes words after NAME as args even before --, as pflag intersperses them', () => {
    // cmd/run/run.go Run: args[1:] are the container arguments, wherever pflag found them.
    expect(podFromKubectlRun(['run', 'p', '--image=nginx', 'a', 'b', '--', 'c'])).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [{ name: 'p', image: 'nginx', args: ['a', 'b', 'c'], resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('accepts NAME after --, because cobra counts run itself before the dash', () => {
    // cmd/run/run.go Validate rejects only ArgsLenAtDash == 0, and `run` is the first argument cobra counts.
    expect(podFromKubectlRun(['run', '--image=nginx', '--', 'p', 'x'])).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [{ name: 'p', image: 'nginx', args: ['x'], resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('adds every --env as name and value, splitting at the first = and omitting an empty value', () => {
    // generate/versioned/run.go parseEnvs: strings.Index(env, "=") splits once; EnvVar.Value is omitempty.
    expect(
      podFromKubectlRun(['run', 'p', '--image=nginx', '--env=A=1', '--env', 'B=', '--env=C=x=y']),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [
          {
            name: 'p',
            image: 'nginx',
            env: [{ name: 'A', value: '1' }, { name: 'B' }, { name: 'C', value: 'x=y' }],
            resources: {},
          },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('exposes --port as the single containerPort', () => {
    // generate/versioned/run.go updatePodPorts: strconv.Atoi, then Ports = [{ContainerPort: port}].
    expect(podFromKubectlRun(['run', 'web', '--image=nginx', '--port=8080'])).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', labels: { run: 'web' } },
      spec: {
        containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 8080 }], resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('reads --port +80 as 80, as strconv.Atoi does', () => {
    // strconv.Atoi accepts a leading sign; checked with 1.28 and 1.32.
    expect(podFromKubectlRun(['run', 'web', '--image=nginx', '--port', '+80'])).toMatchObject({
      spec: { containers: [{ ports: [{ containerPort: 80 }] }] },
    });
  });

  it('replaces the run label with --labels', () => {
    // generate/versioned/run.go getLabels: run=NAME only when --labels is empty; otherwise ParseLabels alone.
    expect(podFromKubectlRun(['run', 'web', '--image=nginx', '--labels=app=web,tier=fe'])).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', labels: { app: 'web', tier: 'fe' } },
      spec: {
        containers: [{ name: 'web', image: 'nginx', resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('reads -l in both -l value and -lvalue forms, and keeps run=NAME for an empty -l', () => {
    // cmd/run/run.go addRunFlags: StringVarP("labels", "l"); getLabels treats "" as not given.
    const labelsOf = (argv: string[]) => (podFromKubectlRun(argv).metadata as { labels: unknown }).labels;
    expect(labelsOf(['run', 'p', '--image=nginx', '-l', 'app=web'])).toEqual({ app: 'web' });
    expect(labelsOf(['run', 'p', '--image=nginx', '-lapp=web'])).toEqual({ app: 'web' });
    expect(labelsOf(['run', 'p', '--image=nginx', '-l', ''])).toEqual({ run: 'p' });
  });

  it('adds every --annotations pair, splitting at the first =', () => {
    // cmd/util/helpers.go ParsePairs(annotations, "annotations", false): strings.SplitN(pair, "=", 2).
    expect(
      podFromKubectlRun(['run', 'p', '--image=nginx', '--annotations=a=b', '--annotations', 'c=d=e']),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' }, annotations: { a: 'b', c: 'd=e' } },
      spec: {
        containers: [{ name: 'p', image: 'nginx', resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('sets imagePullPolicy from --image-pull-policy', () => {
    // cmd/run/run.go verifyImagePullPolicy; generate/versioned/run.go updatePodContainers copies a non-empty value.
    expect(podFromKubectlRun(['run', 'p', '--image=nginx', '--image-pull-policy=IfNotPresent'])).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [{ name: 'p', image: 'nginx', imagePullPolicy: 'IfNotPresent', resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('sets securityContext.privileged with --privileged and nothing with --privileged=false', () => {
    // kubectl pkg/cmd/run/run.go createPod: SecurityContext{Privileged: &o.Privileged} only when true.
    expect(podFromKubectlRun(['run', 'p', '--image=nginx', '--privileged'])).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [{ name: 'p', image: 'nginx', securityContext: { privileged: true }, resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
    expect(podFromKubectlRun(['run', 'p', '--image=nginx', '--privileged=false'])).toEqual(
      podFromKubectlRun(['run', 'p', '--image=nginx']),
    );
  });

  it('sets metadata.namespace from -n, --namespace=x and -nx, anywhere on the line', () => {
    // cmd/run/run.go createGeneratedObject: with --dry-run=client the namespace is set only when
    // EnforceNamespace, i.e. when -n/--namespace was given (a kubeconfig namespace never shows).
    const expected = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'team-a', labels: { run: 'p' } },
      spec: {
        containers: [{ name: 'p', image: 'nginx', resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    };
    expect(podFromKubectlRun(['run', 'p', '--image=nginx', '-n', 'team-a'])).toEqual(expected);
    expect(podFromKubectlRun(['run', 'p', '--image=nginx', '--namespace=team-a'])).toEqual(expected);
    expect(podFromKubectlRun(['run', 'p', '--image=nginx', '-nteam-a'])).toEqual(expected);
    expect(podFromKubectlRun(['kubectl', '-n', 'team-a', 'run', 'p', '--image=nginx'])).toEqual(expected);
  });

  it('sets stdin and stdinOnce with -i', () => {
    // BasicPod.Generate: Stdin: stdin, StdinOnce: !leaveStdinOpen && stdin. kubectl itself refuses -i with
    // --dry-run because -i implies --attach; `-i --attach=false --dry-run=client` prints this object, which is
    // also what `kubectl run -i` creates.
    expect(podFromKubectlRun(['run', 'p', '--image=nginx', '-i'])).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [{ name: 'p', image: 'nginx', stdin: true, stdinOnce: true, resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('sets stdin, stdinOnce and tty with the combined -it', () => {
    // pflag combined short flags; BasicPod.Generate TTY: tty.
    expect(podFromKubectlRun(['run', 'sh', '-it', '--image=busybox', '--restart=Never'])).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'sh', labels: { run: 'sh' } },
      spec: {
        containers: [
          { name: 'sh', image: 'busybox', stdin: true, stdinOnce: true, tty: true, resources: {} },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Never',
      },
    });
  });

  it('leaves stdinOnce out with --leave-stdin-open, and reads --stdin/--tty long forms', () => {
    // BasicPod.Generate: StdinOnce is false (omitted) when leave-stdin-open is set.
    expect(
      podFromKubectlRun(['run', 'p', '--image=nginx', '--stdin', '--tty=true', '--leave-stdin-open']),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [{ name: 'p', image: 'nginx', stdin: true, tty: true, resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('accepts --dry-run=client, bare --dry-run, -o yaml|json, --attach=false and -q and ignores them', () => {
    // cmdutil.GetDryRunStrategy: bare --dry-run is the deprecated spelling of client; printing does not change
    // the object; Validate only objects to --attach when it is true.
    expect(
      podFromKubectlRun([
        'run',
        'p',
        '--image=nginx',
        '--dry-run=client',
        '--dry-run',
        '-o',
        'yaml',
        '-ojson',
        '--attach=false',
        '-q',
      ]),
    ).toEqual(podFromKubectlRun(['run', 'p', '--image=nginx']));
  });

  it('accepts a registry with a port, a tag and a digest in --image', () => {
    // cmd/run/run.go Validate: reference.ReferenceRegexp (github.com/distribution/reference).
    const image =
      'registry.example.com:5000/team/app:v1.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    expect(podFromKubectlRun(['run', 'p', `--image=${image}`])).toMatchObject({
      spec: { containers: [{ image }] },
    });
  });
});

describe('podFromKubectlRun applies --overrides like kubectl', () => {
  it('replaces the whole containers list with the default JSON merge patch', () => {
    // cmd/util/override_options.go Overrider.Apply defaults to merge; helpers.go Merge uses
    // jsonpatch.MergePatch (RFC 7386), which replaces lists; decoding into v1.Pod restores resources: {}.
    expect(
      podFromKubectlRun([
        'run',
        'p',
        '--image=nginx',
        '--overrides={"spec":{"containers":[{"name":"side","image":"busybox"}]}}',
      ]),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [{ name: 'side', image: 'busybox', resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('deletes keys set to null, drops unknown fields and keeps -n over an override namespace', () => {
    // RFC 7386: null deletes. helpers.go Merge decodes into a typed v1.Pod, which silently drops unknown fields;
    // createGeneratedObject sets the namespace after the overrides.
    expect(
      podFromKubectlRun([
        'run',
        'p',
        '--image=nginx',
        '-n',
        'foo',
        '--overrides={"metadata":{"namespace":"bar","labels":{"run":null,"x":"y"}},"spec":{"nodeName":"n1","unknownField":3}}',
      ]),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'foo', labels: { x: 'y' } },
      spec: {
        containers: [{ name: 'p', image: 'nginx', resources: {} }],
        dnsPolicy: 'ClusterFirst',
        nodeName: 'n1',
        restartPolicy: 'Always',
      },
    });
  });

  it('merges containers by name with --override-type=strategic, in the order of the patch', () => {
    // apimachinery strategicpatch/patch.go mergeSlice: containers (patchMergeKey name) and ports (containerPort)
    // merge element by element; normalizeElementOrder keeps the patch's order for patched items.
    expect(
      podFromKubectlRun([
        'run',
        'p',
        '--image=nginx',
        '--port=80',
        '--override-type=strategic',
        '--overrides={"spec":{"containers":[{"name":"side","image":"busybox","ports":[{"containerPort":81}]},' +
          '{"name":"p","ports":[{"containerPort":80,"name":"http"},{"containerPort":90}]}]}}',
      ]),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [
          { name: 'side', image: 'busybox', ports: [{ containerPort: 81 }], resources: {} },
          {
            name: 'p',
            image: 'nginx',
            ports: [{ containerPort: 80, name: 'http' }, { containerPort: 90 }],
            resources: {},
          },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('puts a new sidecar before the generated container with a strategic patch that names only the sidecar', () => {
    // strategicpatch mergeSortedSlice: an item not in the original goes first when compared with a server item.
    expect(
      podFromKubectlRun([
        'run',
        'p',
        '--image=nginx',
        '--override-type=strategic',
        '--overrides={"spec":{"containers":[{"name":"side","image":"busybox"}]}}',
      ]),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [
          { name: 'side', image: 'busybox', resources: {} },
          { name: 'p', image: 'nginx', resources: {} },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('honours $patch delete in a merged list and null on a field with a strategic patch', () => {
    // strategicpatch mergeSliceWithSpecialElements ($patch: delete by merge key) and mergeMap (null deletes).
    expect(
      podFromKubectlRun([
        'run',
        'p',
        '--image=nginx',
        '--env=A=1',
        '--env=B=2',
        '--override-type=strategic',
        '--overrides={"spec":{"containers":[{"name":"p","env":[{"name":"A","$patch":"delete"},' +
          '{"name":"C","value":"3"}]}],"dnsPolicy":null}}',
      ]),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [
          {
            name: 'p',
            image: 'nginx',
            env: [
              { name: 'C', value: '3' },
              { name: 'B', value: '2' },
            ],
            resources: {},
          },
        ],
        restartPolicy: 'Always',
      },
    });
  });

  it('adds a volume and its mount with a strategic patch, keeping emptyDir: {}', () => {
    // PodSpec.Volumes and Container.VolumeMounts are merge lists (name, mountPath); EmptyDir is a pointer
    // struct, so its {} survives the typed round trip.
    expect(
      podFromKubectlRun([
        'run',
        'p',
        '--image=nginx',
        '--override-type=strategic',
        '--overrides={"spec":{"volumes":[{"name":"v","emptyDir":{}}],' +
          '"containers":[{"name":"p","volumeMounts":[{"name":"v","mountPath":"/data"}]}]}}',
      ]),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [
          { name: 'p', image: 'nginx', volumeMounts: [{ name: 'v', mountPath: '/data' }], resources: {} },
        ],
        volumes: [{ name: 'v', emptyDir: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('applies an RFC 6902 operation list with --override-type=json', () => {
    // cmd/util/helpers.go JSONPatch: jsonpatch.DecodePatch + Apply on the encoded Pod.
    expect(
      podFromKubectlRun([
        'run',
        'p',
        '--image=nginx',
        '--override-type=json',
        '--overrides=[{"op":"add","path":"/spec/containers/0/ports","value":[{"containerPort":8080}]},' +
          '{"op":"replace","path":"/metadata/labels","value":{"app":"x"}},' +
          '{"op":"add","path":"/spec/hostNetwork","value":true}]',
      ]),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { app: 'x' } },
      spec: {
        containers: [{ name: 'p', image: 'nginx', ports: [{ containerPort: 8080 }], resources: {} }],
        dnsPolicy: 'ClusterFirst',
        hostNetwork: true,
        restartPolicy: 'Always',
      },
    });
  });

  it('restores resources: {} and omits an empty args list after a json patch', () => {
    // The typed round trip: Container.Resources is a struct (always encoded), Args is omitempty.
    expect(
      podFromKubectlRun([
        'run',
        'p',
        '--image=nginx',
        '--override-type=json',
        '--overrides=[{"op":"remove","path":"/spec/containers/0/resources"},' +
          '{"op":"add","path":"/spec/containers/-","value":{"name":"b","image":"busybox","args":[]}}]',
      ]),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { run: 'p' } },
      spec: {
        containers: [
          { name: 'p', image: 'nginx', resources: {} },
          { name: 'b', image: 'busybox', resources: {} },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
    });
  });

  it('prints containers: null and an empty metadata when a merge override removes spec and metadata', () => {
    // v1.Pod: Spec is a struct and PodSpec.Containers has no omitempty; checked with kubectl 1.28.
    expect(
      podFromKubectlRun(['run', 'p', '--image=nginx', '--overrides={"spec":null,"metadata":null}']),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {},
      spec: { containers: null },
    });
  });

  it('keeps spec.resources from an override, as kubectl 1.32 and later do (1.28 drops it)', () => {
    // Pod-level resources arrived in k8s.io/api 1.32; kubectl 1.28's decoder does not know the field.
    expect(
      podFromKubectlRun([
        'run',
        'p',
        '--image=nginx',
        '--overrides={"spec":{"resources":{"limits":{"cpu":"1"}}}}',
      ]),
    ).toMatchObject({ spec: { resources: { limits: { cpu: '1' } } } });
  });
});

describe('podFromKubectlRun refuses what it cannot build', () => {
  it('throws errors that are Errors with exit code 2, also when built by other code', () => {
    const error = new FromRunError('run: something went wrong. Fix it');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FromRunError');
    expect(error.exitCode).toBe(2);
    expect(error.flag).toBe('');
  });

  it('fails with exit code 2 and names the flag for an unknown flag', () => {
    const error = failure(['run', 'p', '--image=nginx', '--bogus']);
    expect(error).toBeInstanceOf(FromRunError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^--bogus: unknown flag for kubectl run\. /);
  });

  it('fails for a removed flag and says what replaced it', () => {
    const error = failure(['run', 'p', '--image=nginx', '--serviceaccount=robot']);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('--serviceaccount: flag not supported by kubectl 1.28 run');
    expect(error.message).toContain('serviceAccountName');
  });

  it('fails for an unknown short flag inside a combined group', () => {
    expect(failure(['run', 'p', '--image=nginx', '-ix']).message).toMatch(/^-x: unknown flag/);
  });

  it.each([
    [['--rm', '-it'], '--rm', 'needs a cluster'],
    [['--attach'], '--attach', 'needs a cluster'],
    [['--expose', '--port=80'], '--expose', 'Service'],
    [['--dry-run=server'], '--dry-run', 'needs a cluster'],
    [['--wait'], '--wait', 'Remove it'],
    [['--record'], '--record', 'change-cause'],
    [['-o', 'name'], '--output', 'yaml'],
  ])('fails when %j needs a cluster or changes more than the Pod', (flags, flag, words) => {
    const error = failure(['run', 'p', '--image=nginx', ...flags]);
    expect(error.exitCode).toBe(2);
    expect(error.flag).toBe(flag);
    expect(error.message.startsWith(`${flag}: `)).toBe(true);
    expect(error.message).toContain(words);
  });

  it.each([
    [['run', 'p'], '--image', '--image is required'],
    [['run', '--image=nginx'], 'NAME', 'NAME is required for run'],
    [['get', 'pods'], 'run', 'expected a kubectl run command line'],
    [['run', 'p', '--image=Nginx'], '--image', 'invalid image name (invalid reference format), got "Nginx"'],
    [['run', 'p', '--image=nginx', '--tty'], '--tty', '-i/--stdin is required'],
    [['run', 'p', '--image=nginx', '--restart=never'], '--restart', 'invalid restart policy, got "never"'],
    [['run', 'p', '--image=nginx', '--image-pull-policy=always'], '--image-pull-policy', 'got "always"'],
    [['run', 'p', '--image=nginx', '--env=1A=b'], '--env', 'invalid env, got "1A=b"'],
    [['run', 'p', '--image=nginx', '--env=NOEQ'], '--env', 'invalid env, got "NOEQ"'],
    [['run', 'p', '--image=nginx', '-l', 'a=b=c'], '--labels', 'unexpected label spec, got "a=b=c"'],
    [['run', 'p', '--image=nginx', '--annotations=foo'], '--annotations', 'invalid annotations format'],
    [['run', 'p', '--image=nginx', '--port=http'], '--port', 'not a number, got "http"'],
    [['run', 'p', '--image=nginx', '--privileged=maybe'], '--privileged', 'not a boolean'],
    [['run', 'p', '--image'], '--image', 'flag needs a value'],
    [['run', 'p', '--image=nginx', '--overrides={bad'], '--overrides', 'not valid JSON'],
    [['run', 'p', '--image=nginx', '--overrides=[]'], '--overrides', 'must be a JSON object'],
    [
      ['run', 'p', '--image=nginx', '--override-type=yaml', '--overrides={}'],
      '--override-type',
      'got "yaml"',
    ],
    [['run', 'p', '--image=nginx', '--overrides={"kind":"Service"}'], '--overrides', 'must leave a v1 Pod'],
    [
      [
        'run',
        'p',
        '--image=nginx',
        '--override-type=json',
        '--overrides=[{"op":"remove","path":"/spec/nope"}]',
      ],
      '--overrides',
      'does not apply',
    ],
    [
      [
        'run',
        'p',
        '--image=nginx',
        '--override-type=strategic',
        '--overrides={"spec":{"containers":[{"image":"x"}]}}',
      ],
      '--overrides',
      'merge key name',
    ],
  ])('fails for %j and names %s', (argv, flag, words) => {
    const error = failure(argv);
    expect(error.exitCode).toBe(2);
    expect(error.flag).toBe(flag);
    expect(error.message).toContain(words);
  });
});
