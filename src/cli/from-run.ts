/**
 * `podwright from-run -- kubectl run NAME ...`: the Pod that `kubectl run ... --dry-run=client -o yaml` prints,
 * built offline (no cluster, no kubeconfig, no discovery).
 *
 * kubectl sources followed (kubernetes/kubernetes, kubectl 1.28 unless noted):
 * - staging/src/k8s.io/kubectl/pkg/cmd/run/run.go: `addRunFlags` (the flag set), `RunOptions.Validate` (checks and
 *   their order), `Run` / `createGeneratedObject` (overrides applied, then the namespace set only when
 *   `-n/--namespace` was given), `getRestartPolicy`, `verifyImagePullPolicy`; kubernetes/kubectl
 *   pkg/cmd/run/run.go (1.31+) for `createPod`, `parseLabels`, `parseEnvs`, which build the same Pod.
 * - staging/src/k8s.io/kubectl/pkg/generate/versioned/run.go: `BasicPod.Generate`, `getLabels` (`run=NAME` only
 *   without --labels), `updatePodContainers` (`--command` moves the arguments from `args` to `command`),
 *   `updatePodPorts`, `parseEnvs`.
 * - staging/src/k8s.io/kubectl/pkg/cmd/util/override_options.go: `OverrideOptions`, `Overrider.Apply`
 *   (`--override-type` json | merge | strategic, default merge); helpers.go: `Merge`, `StrategicMerge`,
 *   `JSONPatch` (the patched JSON is decoded back into a typed v1 Pod), `ParsePairs` (--annotations).
 * - staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go, reimplemented in ./patch.ts.
 * - github.com/spf13/pflag flag syntax (`--f=v`, `--f v`, `-abc`, `-nVALUE`, `--`), github.com/distribution/reference
 *   `ReferenceRegexp` (image names), k8s.io/apimachinery validation `IsEnvVarName`.
 *
 * Results were compared with the kubectl 1.28, 1.32 and 1.33 client binaries (`--dry-run=client -o yaml`, with a
 * loopback stub answering API discovery); see test/cli/from-run.test.ts.
 *
 * Where podwright knowingly differs from kubectl:
 * - `-i`/`-t` without `--attach=false`: kubectl refuses them with --dry-run (they imply --attach); podwright
 *   returns the Pod `kubectl run -i` creates, the same one `-i --attach=false --dry-run=client` prints.
 * - Overrides are not decoded into Go types: unknown fields are dropped only on the Pod, its metadata, its spec and
 *   its containers (deeper typos stay), and a value of the wrong type (`"containerPort": "80"`) is kept where
 *   kubectl fails to decode it. `spec.resources` is kept, as kubectl 1.32+ does (1.28 drops it).
 * - Deprecated flags that kubectl run accepts and ignores (--wait, --timeout, -f, ...) are refused, so a command
 *   line that looks like it does something never silently does nothing.
 * - Error messages name the flag and the fix instead of repeating kubectl's wording.
 */
import {
  isDirectiveKey,
  isJsonObject,
  Json,
  JsonObject,
  jsonMergePatch,
  jsonPatch,
  JsonPatchOperation,
  PatchError,
  POD_PATCH_META,
  strategicMergePatch,
} from './patch';
import {
  bool as parseBool,
  checkDryRunAndOutput,
  type FlagSpec,
  KubectlLineError,
  last,
  parseLine,
  type ParsedLine,
  refusal,
  USE,
} from './kubectl-line';

/** Thrown for command lines podwright cannot turn into a Pod; `exitCode` is 2. */
export class FromRunError extends KubectlLineError {}

// Every refusal reads `flag: problem, got value. fix`.
const refuse = refusal(FromRunError);

const DEPRECATED_NOOP =
  'kubectl run accepts it only for compatibility and does nothing with it (deprecated in 1.28). Remove it';
const CONNECTION = 'it only selects how kubectl reaches a cluster and does not change the Pod';

// addRunFlags in run.go, plus the delete/print/record/override flag sets NewCmdRun adds, plus the kubectl-wide
// flags cobra lets appear anywhere on the line.
const FLAGS: readonly FlagSpec[] = [
  { name: 'image', kind: 'string', handling: USE },
  { name: 'image-pull-policy', kind: 'string', handling: USE },
  { name: 'env', kind: 'stringArray', handling: USE },
  { name: 'port', kind: 'string', handling: USE },
  { name: 'labels', short: 'l', kind: 'string', handling: USE },
  { name: 'annotations', kind: 'stringArray', handling: USE },
  { name: 'stdin', short: 'i', kind: 'bool', handling: USE },
  { name: 'tty', short: 't', kind: 'bool', handling: USE },
  { name: 'leave-stdin-open', kind: 'bool', handling: USE },
  { name: 'restart', kind: 'string', handling: USE },
  { name: 'command', kind: 'bool', handling: USE },
  { name: 'privileged', kind: 'bool', handling: USE },
  { name: 'overrides', kind: 'string', handling: USE },
  { name: 'override-type', kind: 'string', handling: USE },
  { name: 'namespace', short: 'n', kind: 'string', handling: USE },
  // Checked by name below: attach/rm/expose are fine when false, dry-run only as client/none, -o only yaml/json.
  { name: 'attach', kind: 'bool', handling: USE },
  { name: 'rm', kind: 'bool', handling: USE },
  { name: 'expose', kind: 'bool', handling: USE },
  { name: 'dry-run', kind: 'string', handling: USE, noOptDefault: 'unchanged' },
  { name: 'output', short: 'o', kind: 'string', handling: USE },
  { name: 'quiet', short: 'q', kind: 'bool', handling: { ignore: 'only silences prompts' } },
  { name: 'field-manager', kind: 'string', handling: { ignore: 'only reaches the API server' } },
  { name: 'save-config', kind: 'bool', handling: { ignore: 'writes no annotation with --dry-run=client' } },
  { name: 'pod-running-timeout', kind: 'string', handling: { ignore: 'only used when attaching' } },
  { name: 'show-managed-fields', kind: 'bool', handling: { ignore: 'the Pod has no managed fields yet' } },
  { name: 'allow-missing-template-keys', kind: 'bool', handling: { ignore: 'only used by -o template' } },
  {
    name: 'template',
    kind: 'string',
    handling: { reject: 'it only formats -o go-template output. Remove it; podwright returns the object' },
  },
  {
    name: 'record',
    kind: 'bool',
    handling: {
      reject:
        'it is deprecated and writes the whole kubectl command line into a kubernetes.io/change-cause annotation. ' +
        'Remove it, or set the annotation with --annotations',
    },
  },
  { name: 'cascade', kind: 'string', handling: { reject: DEPRECATED_NOOP } },
  { name: 'filename', short: 'f', kind: 'stringArray', handling: { reject: DEPRECATED_NOOP } },
  { name: 'force', kind: 'bool', handling: { reject: DEPRECATED_NOOP } },
  { name: 'grace-period', kind: 'string', handling: { reject: DEPRECATED_NOOP } },
  { name: 'kustomize', short: 'k', kind: 'string', handling: { reject: DEPRECATED_NOOP } },
  { name: 'recursive', short: 'R', kind: 'bool', handling: { reject: DEPRECATED_NOOP } },
  { name: 'timeout', kind: 'string', handling: { reject: DEPRECATED_NOOP } },
  { name: 'wait', kind: 'bool', handling: { reject: DEPRECATED_NOOP } },
  { name: 'context', kind: 'string', handling: { ignore: CONNECTION } },
  { name: 'kubeconfig', kind: 'string', handling: { ignore: CONNECTION } },
  { name: 'cluster', kind: 'string', handling: { ignore: CONNECTION } },
  { name: 'user', kind: 'string', handling: { ignore: CONNECTION } },
  { name: 'request-timeout', kind: 'string', handling: { ignore: CONNECTION } },
  { name: 'v', short: 'v', kind: 'string', handling: { ignore: 'it only sets log verbosity' } },
];

// Flags older kubectl versions had and 1.28 no longer does; named so the error can say what replaced them.
const REMOVED: Readonly<Record<string, string>> = {
  generator: 'kubectl 1.21 removed it; kubectl run only creates Pods now',
  serviceaccount: 'kubectl 1.24 removed it; use --overrides=\'{"spec":{"serviceAccountName":"NAME"}}\'',
  requests: 'kubectl 1.24 removed it; set spec.containers[0].resources.requests with --overrides',
  limits: 'kubectl 1.24 removed it; set spec.containers[0].resources.limits with --overrides',
  hostport: 'kubectl 1.24 removed it; set spec.containers[0].ports[0].hostPort with --overrides',
  schedule: 'kubectl 1.21 removed it; write a CronJob instead',
  replicas: 'kubectl 1.21 removed it; write a Deployment instead',
};

function unknownFlag(flag: string): never {
  const bare = flag.replace(/^-+/, '').split('=')[0];
  const shown = flag.startsWith('--') ? `--${bare}` : flag;
  const removed = REMOVED[bare];
  if (removed) throw refuse(shown, 'flag not supported by kubectl 1.28 run', undefined, removed);
  throw refuse(
    shown,
    'unknown flag for kubectl run',
    undefined,
    'Check the spelling (kubectl run --help lists the flags), or set the field with --overrides',
  );
}

function parseRunLine(argv: readonly string[]): ParsedLine {
  return parseLine(argv, FLAGS, refuse, unknownFlag);
}

function bool(parsed: ParsedLine, name: string): boolean {
  return parseBool(parsed, name, refuse);
}

// github.com/distribution/reference ReferenceRegexp (anchored): [domain[:port]/]path[:tag][@digest].
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const IMAGE_REFERENCE = new RegExp(`^${NAME}(?::${TAG})?(?:@${DIGEST})?$`);

// k8s.io/apimachinery/pkg/util/validation IsEnvVarName.
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

// parseLabels (run.go): comma-separated key=value, exactly one '=' each.
function parseLabels(text: string): Record<string, string> | undefined {
  if (text === '') return undefined;
  const labels: Record<string, string> = {};
  for (const spec of text.split(',')) {
    const parts = spec.split('=');
    if (parts.length !== 2) {
      throw refuse('--labels', 'unexpected label spec', JSON.stringify(spec), 'Write key=value,key=value');
    }
    if (parts[0] === '') {
      throw refuse('--labels', 'unexpected empty label key', JSON.stringify(spec), 'Give every label a key');
    }
    labels[parts[0]] = parts[1];
  }
  return labels;
}

// cmdutil.ParsePairs(annotations, "annotations", false): KEY=VALUE, split at the first '='.
function parseAnnotations(pairs: readonly string[]): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      throw refuse(
        '--annotations',
        'invalid annotations format',
        JSON.stringify(pair),
        'Write --annotations=key=value, once per annotation',
      );
    }
    annotations[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return annotations;
}

// parseEnvs: NAME=VALUE split at the first '=', NAME a valid environment variable name; an empty VALUE is
// omitted from the EnvVar (the field is `omitempty`).
function parseEnvs(envs: readonly string[]): JsonObject[] {
  return envs.map((env): JsonObject => {
    const eq = env.indexOf('=');
    const name = eq < 0 ? '' : env.slice(0, eq);
    if (eq < 0 || !ENV_VAR_NAME.test(name)) {
      throw refuse(
        '--env',
        'invalid env',
        JSON.stringify(env),
        'Write --env=NAME=VALUE with NAME made of letters, digits, "_", "-" and "." and not starting with a digit',
      );
    }
    const value = env.slice(eq + 1);
    return value === '' ? { name } : { name, value };
  });
}

// strconv.Atoi then int32(): kubectl accepts "+80" and "-1" and wraps values past int32.
function parsePort(text: string): number {
  if (!/^[+-]?[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw refuse(
      '--port',
      'not a number',
      JSON.stringify(text),
      'Write the container port, e.g. --port=8080',
    );
  }
  return Number(text) | 0;
}

function checkCluster(parsed: ParsedLine): void {
  if (bool(parsed, 'rm')) {
    throw refuse(
      '--rm',
      'needs a cluster: kubectl deletes the Pod after attaching to it',
      undefined,
      'Remove it; podwright only builds the Pod (delete it yourself after `kubectl attach`)',
    );
  }
  if (bool(parsed, 'attach')) {
    throw refuse(
      '--attach',
      'needs a cluster: kubectl waits for the Pod and attaches to it',
      undefined,
      'Remove it, then run `kubectl attach` after deploying the Pod',
    );
  }
  if (bool(parsed, 'expose')) {
    throw refuse(
      '--expose',
      'creates a Service next to the Pod, and podwright builds only the Pod',
      undefined,
      'Remove it and declare the Service separately (its selector is the Pod labels, default run=NAME)',
    );
  }
  checkDryRunAndOutput(parsed, refuse);
  for (const spec of FLAGS) {
    if ('reject' in spec.handling && parsed.values.has(spec.name)) {
      throw refuse(`--${spec.name}`, 'not supported by podwright from-run', undefined, spec.handling.reject);
    }
  }
}

// The Pod as BasicPod.Generate / createPod builds it, encoded as kubectl encodes it before patching.
function generatePod(parsed: ParsedLine, name: string, args: readonly string[]): JsonObject {
  const image = last(parsed, 'image') ?? '';
  const labels = parseLabels(last(parsed, 'labels') ?? '') ?? { run: name };
  const annotations = parseAnnotations(parsed.values.get('annotations') ?? []);
  const env = parseEnvs(parsed.values.get('env') ?? []);
  const stdin = bool(parsed, 'stdin');
  const tty = bool(parsed, 'tty');
  const leaveStdinOpen = bool(parsed, 'leave-stdin-open');
  const privileged = bool(parsed, 'privileged');
  const command = bool(parsed, 'command');

  const container: JsonObject = { name, image, resources: {} };
  if (args.length > 0) container[command ? 'command' : 'args'] = [...args];
  if (env.length > 0) container.env = env;
  const pullPolicy = last(parsed, 'image-pull-policy') ?? '';
  if (pullPolicy !== '') container.imagePullPolicy = pullPolicy;
  const port = last(parsed, 'port') ?? '';
  if (port !== '') container.ports = [{ containerPort: parsePort(port) }];
  if (stdin) container.stdin = true;
  if (stdin && !leaveStdinOpen) container.stdinOnce = true;
  if (tty) container.tty = true;
  if (privileged) container.securityContext = { privileged: true };

  const metadata: JsonObject = { name, labels, creationTimestamp: null };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  // kubectl 1.28's generator reads the raw --restart value and falls back to Always when it is empty.
  const restart = last(parsed, 'restart');
  const restartPolicy = restart === undefined || restart === '' ? 'Always' : restart;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy },
    status: {},
  };
}

function parseOverrides(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    throw refuse(
      '--overrides',
      `not valid JSON (${(e as Error).message})`,
      JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text),
      'Quote the JSON for your shell, e.g. --overrides=\'{"spec":{...}}\'',
    );
  }
}

// Overrider.Apply: merge (default), strategic or json.
function applyOverrides(pod: JsonObject, parsed: ParsedLine): JsonObject {
  const text = last(parsed, 'overrides') ?? '';
  if (text === '') return pod;
  // Overrider.Apply: an empty --override-type means the default, merge.
  const givenType = last(parsed, 'override-type');
  const type = givenType === undefined || givenType === '' ? 'merge' : givenType;
  const overrides = parseOverrides(text);
  let patched: Json;
  try {
    if (type === 'merge' || type === 'strategic') {
      if (!isJsonObject(overrides)) {
        throw refuse(
          '--overrides',
          `a ${type} override must be a JSON object`,
          JSON.stringify(text),
          'Write a partial Pod, e.g. {"spec":{"nodeName":"n1"}}, or use --override-type=json for a patch list',
        );
      }
      patched =
        type === 'merge'
          ? jsonMergePatch(pod, overrides)
          : strategicMergePatch(pod, overrides, POD_PATCH_META);
    } else if (type === 'json') {
      if (!Array.isArray(overrides)) {
        throw refuse(
          '--overrides',
          'a json override must be an RFC 6902 list of operations',
          JSON.stringify(text),
          'Write e.g. [{"op":"add","path":"/spec/nodeName","value":"n1"}]',
        );
      }
      patched = jsonPatch(pod, overrides as unknown as JsonPatchOperation[]);
    } else {
      throw refuse(
        '--override-type',
        'invalid override type',
        JSON.stringify(type),
        'Use json, merge or strategic',
      );
    }
  } catch (e) {
    if (e instanceof PatchError) {
      throw refuse(
        '--overrides',
        `the ${type} override does not apply: ${e.message}`,
        undefined,
        'Fix the override so it matches the generated Pod',
      );
    }
    throw e;
  }
  if (!isJsonObject(patched) || patched.apiVersion !== 'v1' || patched.kind !== 'Pod') {
    throw refuse(
      '--overrides',
      'the override must leave a v1 Pod',
      JSON.stringify(
        isJsonObject(patched) ? `${String(patched.apiVersion)}/${String(patched.kind)}` : patched,
      ),
      'Do not change apiVersion or kind',
    );
  }
  return patched;
}

// The fields a typed v1 Pod has at the levels where a typo in an override is likely (k8s.io/api/core/v1 and
// meta/v1 types.go; the union over kubectl 1.28-1.33, e.g. spec.resources is 1.32+). kubectl's decoder silently
// drops any other field, so podwright does too.
const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];
const CONTAINER_FIELDS = (
  'name image command args workingDir ports envFrom env resources resizePolicy restartPolicy ' +
  'volumeMounts volumeDevices livenessProbe readinessProbe startupProbe lifecycle ' +
  'terminationMessagePath terminationMessagePolicy imagePullPolicy securityContext stdin stdinOnce ' +
  'tty'
).split(' ');
const KNOWN_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  pod: new Set('apiVersion kind metadata spec status'.split(' ')),
  metadata: new Set(
    (
      'name generateName namespace selfLink uid resourceVersion generation creationTimestamp ' +
      'deletionTimestamp deletionGracePeriodSeconds labels annotations ownerReferences finalizers ' +
      'managedFields'
    ).split(' '),
  ),
  spec: new Set(
    (
      'volumes initContainers containers ephemeralContainers restartPolicy ' +
      'terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy nodeSelector serviceAccountName ' +
      'serviceAccount automountServiceAccountToken nodeName hostNetwork hostPID hostIPC ' +
      'shareProcessNamespace securityContext imagePullSecrets hostname subdomain affinity ' +
      'schedulerName tolerations hostAliases priorityClassName priority dnsConfig readinessGates ' +
      'runtimeClassName enableServiceLinks preemptionPolicy overhead topologySpreadConstraints ' +
      'setHostnameAsFQDN os hostUsers schedulingGates resourceClaims resources'
    ).split(' '),
  ),
  containers: new Set(CONTAINER_FIELDS),
  initContainers: new Set(CONTAINER_FIELDS),
  ephemeralContainers: new Set([...CONTAINER_FIELDS, 'targetContainerName']),
};

function pruneUnknownFields(pod: JsonObject): JsonObject {
  const keep = (object: Json, level: string): Json => {
    if (!isJsonObject(object)) return object;
    const known = KNOWN_FIELDS[level];
    return Object.fromEntries(Object.entries(object).filter(([k]) => known.has(k)));
  };
  const out = keep(pod, 'pod') as JsonObject;
  if (isJsonObject(out.metadata)) out.metadata = keep(out.metadata, 'metadata');
  if (isJsonObject(out.spec)) {
    const spec = keep(out.spec, 'spec') as JsonObject;
    for (const list of CONTAINER_LISTS) {
      const containers = spec[list];
      if (Array.isArray(containers)) spec[list] = containers.map((c) => keep(c, list));
    }
    out.spec = spec;
  }
  return out;
}

// Map-typed fields that Go omits when empty (omitempty maps); struct-typed fields such as `emptyDir: {}` stay.
const MAP_FIELDS = new Set(['labels', 'annotations', 'nodeSelector', 'limits', 'requests', 'overhead']);

// kubectl decodes the patched JSON into a typed v1 Pod and encodes it again: nulls and directive keys vanish,
// empty maps and lists are omitted (except spec.containers, which has no omitempty) and every container gets
// its non-pointer `resources` struct back.
function normalize(value: Json, key: string, parentKey: string): Json | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v) => normalize(v, '', key)).filter((v): v is Json => v !== undefined);
    return items.length === 0 && !(key === 'containers' && parentKey === 'spec') ? undefined : items;
  }
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (isDirectiveKey(k)) continue;
    const n = normalize(v, k, key);
    if (n !== undefined) out[k] = n;
  }
  if (parentKey !== '' && CONTAINER_LISTS.includes(parentKey) && !('resources' in out)) out.resources = {};
  if (MAP_FIELDS.has(key) && Object.keys(out).length === 0) return undefined;
  return out;
}

/** The Pod object `kubectl run ... --dry-run=client -o yaml` prints (without status and creationTimestamp), built offline. Throws FromRunError for unknown flags, flags that need a cluster, or bad values. */
export function podFromKubectlRun(argv: readonly string[]): Record<string, unknown> {
  const line = argv[0] === 'kubectl' ? argv.slice(1) : argv;
  const parsed = parseRunLine(line);
  if (parsed.positionals[0] !== 'run' || parsed.argsLenAtDash === 0) {
    throw refuse(
      'run',
      'expected a kubectl run command line',
      JSON.stringify(argv.join(' ')),
      'Write: podwright from-run -- kubectl run NAME --image=IMAGE [flags] [-- ARGS...]',
    );
  }
  const positionals = parsed.positionals.slice(1);

  // Complete(): value parsing, in kubectl's order.
  const restart = last(parsed, 'restart');
  if (restart !== undefined && restart !== '' && !['Always', 'OnFailure', 'Never'].includes(restart)) {
    throw refuse(
      '--restart',
      'invalid restart policy',
      JSON.stringify(restart),
      'Use Always, OnFailure or Never (case-sensitive)',
    );
  }
  const pullPolicy = last(parsed, 'image-pull-policy');
  if (
    pullPolicy !== undefined &&
    pullPolicy !== '' &&
    !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)
  ) {
    throw refuse(
      '--image-pull-policy',
      'invalid image pull policy',
      JSON.stringify(pullPolicy),
      'Use Always, IfNotPresent or Never (case-sensitive)',
    );
  }

  // Validate(): NAME, image, tty, then what needs a cluster.
  // cobra counts `run` itself in ArgsLenAtDash, so `kubectl run --image=x -- NAME` is accepted.
  if (positionals.length === 0) {
    throw refuse('NAME', 'NAME is required for run', undefined, 'Write kubectl run NAME --image=IMAGE');
  }
  const image = last(parsed, 'image') ?? '';
  if (image === '') {
    throw refuse('--image', '--image is required', undefined, 'Add --image=IMAGE, e.g. --image=busybox');
  }
  if (!IMAGE_REFERENCE.test(image)) {
    throw refuse(
      '--image',
      'invalid image name (invalid reference format)',
      JSON.stringify(image),
      'Write [registry[:port]/]path[:tag][@digest] with a lowercase path, e.g. docker.io/library/nginx:1.25',
    );
  }
  if (bool(parsed, 'tty') && !bool(parsed, 'stdin')) {
    throw refuse('--tty', '-i/--stdin is required for containers with -t/--tty=true', undefined, 'Use -it');
  }
  checkCluster(parsed);

  const [name, ...args] = positionals;
  const pod = applyOverrides(generatePod(parsed, name, args), parsed);
  const result = normalize(pruneUnknownFields(pod), '', '') as JsonObject;
  // Pod.Spec is a struct and PodSpec.Containers has no omitempty, so an override that removes them still
  // prints `spec: {containers: null}`.
  const spec = isJsonObject(result.spec) ? result.spec : {};
  result.spec = 'containers' in spec ? spec : { ...spec, containers: null };
  if (!isJsonObject(result.metadata)) result.metadata = {};
  // createGeneratedObject: with --dry-run=client the namespace is set, after the overrides, only when given.
  const namespace = last(parsed, 'namespace');
  if (namespace) result.metadata = { ...(result.metadata as JsonObject), namespace };
  delete (result.metadata as JsonObject).creationTimestamp;
  delete result.status;
  return result;
}
