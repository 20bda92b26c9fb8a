/**
 * `podwright from-create -- kubectl create deployment|job|cronjob NAME ...`: the object that
 * `kubectl create ... --dry-run=client -o yaml` prints, built offline (no cluster, no kubeconfig, no discovery).
 *
 * kubectl sources followed (kubernetes/kubernetes, staging/src/k8s.io/kubectl, 1.28):
 * - pkg/cmd/create/create_deployment.go: the flags (`--image` a string slice, `--port` and `-r/--replicas` int32),
 *   `Validate` (several images and a command), `createDeployment` (labels and selector `app=NAME`, `--port` on
 *   the first container only), `buildPodSpec` (a container per image, named after the image's last path segment
 *   without tag or digest), `sanitizeAndUniquify`.
 * - pkg/cmd/create/create_job.go: `Validate` (`--image` xor `--from`, no command with `--from`), `createJob`
 *   (one container named NAME, restartPolicy Never); `--from` reads a CronJob from the cluster.
 * - pkg/cmd/create/create_cronjob.go: `Complete` (`--restart` defaults to OnFailure, any other value is kept
 *   as given), `createCronJob` (jobTemplate named NAME).
 * - pkg/cmd/create/create.go `NameFromCommandArgs` (exactly one NAME before `--`); pkg/util/apply.go
 *   `CreateOrUpdateAnnotation` (`--save-config`); pkg/cmd/util/helpers.go `GetValidationDirective`,
 *   `GetDryRunStrategy`; cobra's required flags; pflag's `stringSlice` (values read as one CSV record) and
 *   `int32` (strconv.ParseInt base 0) flags.
 *
 * The objects keep Go's field order, so `kubectlJson` prints the bytes `-o json` prints. Results were compared
 * with the kubectl 1.28, 1.32 and 1.33 client binaries; see test/cli/from-create.test.ts.
 *
 * Where podwright knowingly differs from kubectl:
 * - An image whose name has `_` or `.` gives a container name with a random 5-letter suffix in kubectl
 *   (`my_app` -> `my-app-x7k2q`); podwright derives the suffix from the image (same letters, deterministic), so
 *   the output is reproducible.
 * - `kubectl create job --from=cronjob/NAME` copies a CronJob from the cluster: podwright refuses it (exit 2).
 * - Error messages name the flag and the fix instead of repeating kubectl's wording.
 */
import type { Json, JsonObject } from './patch';
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

/** Thrown for command lines podwright cannot turn into an object; `exitCode` is 2. */
export class FromCreateError extends KubectlLineError {}

// Every refusal reads `flag: problem, got value. fix`.
const refuse = refusal(FromCreateError);

/** The `kubectl create` subcommands podwright builds. */
export type CreateKind = 'deployment' | 'job' | 'cronjob';

// Subcommand names and their cobra aliases.
const SUBCOMMANDS: Readonly<Record<string, CreateKind>> = {
  deployment: 'deployment',
  deploy: 'deployment',
  job: 'job',
  cronjob: 'cronjob',
  cj: 'cronjob',
};

const CONNECTION = 'it only selects how kubectl reaches a cluster and does not change the object';
const PRINTING = 'it only shapes how kubectl prints the object';

// Flags every `kubectl create` subcommand has (PrintFlags, AddApplyAnnotationFlags, AddValidateFlags,
// AddDryRunFlag, AddFieldManagerFlagVar), then kubectl's global flags (`kubectl options`).
const COMMON_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string', handling: USE },
  { name: 'save-config', kind: 'bool', handling: USE },
  { name: 'validate', kind: 'string', handling: USE, noOptDefault: 'strict' },
  { name: 'dry-run', kind: 'string', handling: USE, noOptDefault: 'unchanged' },
  { name: 'output', short: 'o', kind: 'string', handling: USE },
  { name: 'field-manager', kind: 'string', handling: { ignore: 'only reaches the API server' } },
  { name: 'show-managed-fields', kind: 'bool', handling: { ignore: 'the object has no managed fields yet' } },
  { name: 'allow-missing-template-keys', kind: 'bool', handling: { ignore: PRINTING } },
  {
    name: 'template',
    kind: 'string',
    handling: { reject: 'it only formats -o go-template output. Remove it; podwright returns the object' },
  },
  ...['as', 'as-uid', 'cache-dir', 'certificate-authority', 'client-certificate', 'client-key', 'cluster']
    .concat(['context', 'kubeconfig', 'password', 'request-timeout', 'tls-server-name', 'token', 'user'])
    .concat(['username', 'log-flush-frequency', 'profile', 'profile-output', 'vmodule'])
    .map((name): FlagSpec => ({ name, kind: 'string', handling: { ignore: CONNECTION } })),
  { name: 'as-group', kind: 'stringArray', handling: { ignore: CONNECTION } },
  { name: 'server', short: 's', kind: 'string', handling: { ignore: CONNECTION } },
  ...['disable-compression', 'insecure-skip-tls-verify', 'match-server-version', 'warnings-as-errors'].map(
    (name): FlagSpec => ({ name, kind: 'bool', handling: { ignore: CONNECTION } }),
  ),
  { name: 'v', short: 'v', kind: 'string', handling: { ignore: 'it only sets log verbosity' } },
];

const KIND_FLAGS: Readonly<Record<CreateKind, readonly FlagSpec[]>> = {
  deployment: [
    // A string slice: each value is one CSV record, and every value adds to the list.
    { name: 'image', kind: 'stringArray', handling: USE },
    { name: 'port', kind: 'string', handling: USE },
    { name: 'replicas', short: 'r', kind: 'string', handling: USE },
  ],
  job: [
    { name: 'image', kind: 'string', handling: USE },
    { name: 'from', kind: 'string', handling: USE },
  ],
  cronjob: [
    { name: 'image', kind: 'string', handling: USE },
    { name: 'schedule', kind: 'string', handling: USE },
    { name: 'restart', kind: 'string', handling: USE },
  ],
};

// Every flag of every subcommand, to find the subcommand before its own flags are known; `--image` is the only
// flag two subcommands spell alike, and it takes a value in each.
const ALL_FLAGS: readonly FlagSpec[] = [
  ...COMMON_FLAGS,
  ...KIND_FLAGS.deployment,
  ...KIND_FLAGS.job.filter((f) => f.name !== 'image'),
  ...KIND_FLAGS.cronjob.filter((f) => f.name !== 'image'),
];

const USAGE_LINE =
  'podwright from-create -- kubectl create deployment|job|cronjob NAME --image=IMAGE [flags] [-- COMMAND...]';

function unknownFlagFor(kind: CreateKind | undefined): (flag: string) => never {
  return (flag) => {
    const bare = flag.replace(/^-+/, '').split('=')[0];
    const shown = flag.startsWith('--') ? `--${bare}` : flag;
    const owners = (Object.keys(KIND_FLAGS) as CreateKind[]).filter((k) =>
      KIND_FLAGS[k].some((f) => f.name === bare || f.short === bare),
    );
    const elsewhere =
      kind !== undefined && owners.length > 0
        ? `It belongs to kubectl create ${owners.join(' and ')}`
        : 'Check the spelling (kubectl create ' + (kind ?? 'deployment') + ' --help lists the flags)';
    throw refuse(shown, `unknown flag for kubectl create${kind ? ` ${kind}` : ''}`, undefined, elsewhere);
  };
}

function bool(parsed: ParsedLine, name: string): boolean {
  return parseBool(parsed, name, refuse);
}

// --- Go value parsers, as pflag calls them ---

/** strconv.ParseInt(text, 0, 32): sign, 0x/0o/0b prefixes, a leading 0 for octal, `_` between digits. */
export function parseGoInt32(text: string): number | 'syntax' | 'range' {
  let s = text;
  let negative = false;
  if (s.startsWith('+') || s.startsWith('-')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '') return 'syntax';
  let base = 10;
  if (s[0] === '0') {
    const p = s.length >= 3 ? s[1].toLowerCase() : '';
    base = p === 'b' ? 2 : p === 'o' ? 8 : p === 'x' ? 16 : 8;
    s = s.slice(p === 'b' || p === 'o' || p === 'x' ? 2 : 1);
  }
  let value = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const lower = c.toLowerCase();
    let d: number;
    if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
    else if (lower >= 'a' && lower <= 'z') d = lower.charCodeAt(0) - 87;
    else return 'syntax';
    if (d >= base) return 'syntax';
    value = value * BigInt(base) + BigInt(d);
    if (value > 1n << 40n) value = 1n << 40n; // past any int32: keeps the number small, stays out of range
  }
  if (underscores && !underscoreOk(text)) return 'syntax';
  const signed = negative ? -value : value;
  if (signed > 2147483647n || signed < -2147483648n) return 'range';
  return Number(signed);
}

// strconv's underscoreOK: `_` only between digits (a base prefix counts as a digit).
function underscoreOk(text: string): boolean {
  let s = text.startsWith('+') || text.startsWith('-') ? text.slice(1) : text;
  let saw = '^';
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(s[1].toLowerCase())) {
    hex = s[1].toLowerCase() === 'x';
    s = s.slice(2);
    saw = '0';
  }
  for (const c of s) {
    if ((c >= '0' && c <= '9') || (hex && c.toLowerCase() >= 'a' && c.toLowerCase() <= 'f')) {
      saw = '0';
    } else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** pflag's readAsCSV: the first record of `text` as encoding/csv reads it, or the reason it cannot. */
export function readCsvRecord(text: string): string[] | { error: string } {
  if (text === '') return [];
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      // A quoted field: `""` is a quote, and the closing quote must end the field.
      let field = '';
      i++;
      for (;;) {
        if (i >= text.length) return { error: 'extraneous or missing " in quoted-field' };
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\r' && text[i + 1] === '\n') {
          i++;
          continue;
        }
        field += c;
        i++;
      }
      fields.push(field);
      if (i >= text.length || text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) return fields;
      if (text[i] !== ',') return { error: 'extraneous or missing " in quoted-field' };
      i++;
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== '\n') end++;
      let field = text.slice(i, end);
      if (field.includes('"')) return { error: 'bare " in non-quoted-field' };
      if (text[end] === '\n' && field.endsWith('\r')) field = field.slice(0, -1);
      fields.push(field);
      if (end >= text.length || text[end] === '\n') return fields;
      i = end + 1;
    }
  }
}

function int32Flag(parsed: ParsedLine, name: string, fallback: number): number {
  const raw = last(parsed, name);
  if (raw === undefined) return fallback;
  const value = parseGoInt32(raw);
  if (typeof value === 'number') return value;
  throw refuse(
    `--${name}`,
    value === 'range' ? 'out of the int32 range' : 'not an integer',
    JSON.stringify(raw),
    `Write a whole number, e.g. --${name}=${name === 'port' ? '8080' : '3'}`,
  );
}

function images(parsed: ParsedLine): string[] {
  return (parsed.values.get('image') ?? []).flatMap((raw) => {
    const record = readCsvRecord(raw);
    if (Array.isArray(record)) return record;
    throw refuse(
      '--image',
      `not a comma-separated list (${record.error})`,
      JSON.stringify(raw),
      'Give one image per --image, or quote a value that has a comma: --image=\'"a,b"\'',
    );
  });
}

// utilrand's alphabet: no vowels, no look-alikes.
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The container name create_deployment.go `buildPodSpec` derives from an image (see the note on the suffix). */
export function containerNameFromImage(image: string): string {
  let name = image.split('/').pop() as string;
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  if (!/[_.]/.test(name)) return name;
  // kubectl appends utilrand.String(5); podwright takes five letters of the same alphabet from an FNV-1a hash.
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(image, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  let suffix = '';
  for (let n = 0; n < 5; n++) {
    suffix += SUFFIX_ALPHABET[hash % SUFFIX_ALPHABET.length];
    hash = Math.floor(hash / SUFFIX_ALPHABET.length) + n * 7919;
  }
  return `${name.replace(/_/g, '-').replace(/\./g, '-')}-${suffix}`;
}

// --- the objects, each built in Go's field order ---

function container(name: string, image: string, command: readonly string[]): JsonObject {
  const c: JsonObject = { name };
  if (image !== '') c.image = image;
  if (command.length > 0) c.command = [...command];
  return c;
}

function withResources(c: JsonObject): JsonObject {
  // Container.Resources is a struct: always encoded, as {}.
  return { ...c, resources: {} };
}

function objectMeta(name: string, namespace: string | undefined, labels?: JsonObject): JsonObject {
  const meta: JsonObject = { name };
  if (namespace) meta.namespace = namespace;
  meta.creationTimestamp = null;
  if (labels) meta.labels = labels;
  return meta;
}

interface Inputs {
  readonly name: string;
  readonly namespace: string | undefined;
  readonly command: readonly string[];
  readonly parsed: ParsedLine;
}

function deployment({ name, namespace, command, parsed }: Inputs): JsonObject {
  const port = int32Flag(parsed, 'port', -1);
  const replicas = int32Flag(parsed, 'replicas', 1);
  const containers = images(parsed).map((image) =>
    withResources(container(containerNameFromImage(image), image, command)),
  );
  if (port >= 0 && containers.length > 0) {
    const { resources, ...first } = containers[0];
    containers[0] = { ...first, ports: [{ containerPort: port }], resources };
  }
  const labels = { app: name };
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: objectMeta(name, namespace, labels),
    spec: {
      replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

function podTemplate(name: string, image: string, command: readonly string[], restart: string): JsonObject {
  return {
    metadata: { creationTimestamp: null },
    spec: { containers: [withResources(container(name, image, command))], restartPolicy: restart },
  };
}

function job({ name, namespace, command, parsed }: Inputs): JsonObject {
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: objectMeta(name, namespace),
    spec: { template: podTemplate(name, last(parsed, 'image') ?? '', command, 'Never') },
    status: {},
  };
}

function cronJob({ name, namespace, command, parsed }: Inputs): JsonObject {
  // Complete(): an empty --restart means OnFailure; any other value is kept as given.
  const given = last(parsed, 'restart') ?? '';
  const restart = given === '' ? 'OnFailure' : given;
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: objectMeta(name, namespace),
    spec: {
      schedule: last(parsed, 'schedule') ?? '',
      jobTemplate: {
        metadata: { name, creationTimestamp: null },
        spec: { template: podTemplate(name, last(parsed, 'image') ?? '', command, restart) },
      },
    },
    status: {},
  };
}

/** Go's encoding/json escaping on top of JSON.stringify: `<`, `>`, `&`, U+2028 and U+2029 become \u escapes. */
function goEscape(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The bytes `kubectl ... -o json` prints for `object` (Go's field order is the object's key order). */
export function kubectlJson(object: Json): string {
  return `${goEscape(JSON.stringify(object, null, 4))}\n`;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

// CreateOrUpdateAnnotation: the object, encoded compactly by scheme.DefaultJSONEncoder, becomes its own
// last-applied annotation.
function saveConfig(object: JsonObject): JsonObject {
  const metadata = object.metadata as JsonObject;
  const annotation = `${goEscape(JSON.stringify(object))}\n`;
  return { ...object, metadata: { ...metadata, annotations: { [LAST_APPLIED]: annotation } } };
}

const BUILD: Readonly<Record<CreateKind, (inputs: Inputs) => JsonObject>> = {
  deployment,
  job,
  cronjob: cronJob,
};

const REQUIRED: Readonly<Record<CreateKind, readonly string[]>> = {
  deployment: ['image'],
  job: [],
  cronjob: ['image', 'schedule'],
};

const VALIDATE_VALUES = ['strict', 'true', 'warn', 'ignore', 'false'];

/**
 * The object `kubectl create deployment|job|cronjob ... --dry-run=client -o yaml` prints, built offline, keys in
 * Go's field order (`creationTimestamp: null`, `status: {}` and the other empty structs included). Throws
 * FromCreateError for unknown flags, bad values, and what needs a cluster.
 */
export function objectFromKubectlCreate(argv: readonly string[]): JsonObject {
  const line = argv[0] === 'kubectl' ? argv.slice(1) : argv;
  const probe = parseLine(line, ALL_FLAGS, refuse, unknownFlagFor(undefined));
  const [verb, sub] = probe.positionals;
  const kind = sub === undefined ? undefined : SUBCOMMANDS[sub];
  if (verb !== 'create' || kind === undefined || (probe.argsLenAtDash >= 0 && probe.argsLenAtDash < 2)) {
    throw refuse(
      'create',
      'expected kubectl create deployment, job or cronjob',
      JSON.stringify(argv.join(' ')),
      `Write: ${USAGE_LINE}`,
    );
  }
  const flags = [...COMMON_FLAGS, ...KIND_FLAGS[kind]];
  const parsed = parseLine(line, flags, refuse, unknownFlagFor(kind));

  // cobra: required flags (set, even to an empty value).
  const missing = REQUIRED[kind].filter((f) => !parsed.values.has(f));
  if (missing.length > 0) {
    throw refuse(
      `--${missing[0]}`,
      `required flag${missing.length > 1 ? 's' : ''} ${missing.map((f) => `--${f}`).join(', ')} not set`,
      undefined,
      kind === 'cronjob'
        ? 'Write --image=IMAGE --schedule="*/5 * * * *"'
        : 'Add --image=IMAGE, e.g. --image=nginx',
    );
  }
  // Complete(): NAME, then the flags read there.
  const args = parsed.positionals.slice(2);
  const argsLen = parsed.argsLenAtDash < 0 ? args.length : parsed.argsLenAtDash - 2;
  if (argsLen !== 1) {
    throw refuse(
      'NAME',
      `exactly one NAME is required, got ${argsLen}`,
      undefined,
      `Write kubectl create ${kind} NAME [flags], with the container command after --`,
    );
  }
  const [name, ...command] = args;
  checkDryRunAndOutput(parsed, refuse);
  const validate = last(parsed, 'validate');
  if (validate !== undefined && !VALIDATE_VALUES.includes(validate)) {
    throw refuse(
      '--validate',
      'invalid --validate option',
      JSON.stringify(validate),
      'Use strict (or true), warn, ignore (or false)',
    );
  }
  for (const spec of flags) {
    if ('reject' in spec.handling && parsed.values.has(spec.name)) {
      throw refuse(
        `--${spec.name}`,
        'not supported by podwright from-create',
        undefined,
        spec.handling.reject,
      );
    }
  }

  // Validate().
  if (kind === 'deployment' && images(parsed).length > 1 && command.length > 0) {
    throw refuse(
      '--image',
      'cannot specify multiple --image options and command',
      undefined,
      'Give one --image when the command follows --, or drop the command',
    );
  }
  if (kind === 'job') {
    const image = last(parsed, 'image') ?? '';
    const from = last(parsed, 'from') ?? '';
    if ((image === '') === (from === '')) {
      throw refuse(
        '--image',
        'either --image or --from must be specified',
        undefined,
        'Give exactly one of them',
      );
    }
    if (from !== '' && command.length > 0) {
      throw refuse('--from', 'cannot specify --from and command', undefined, 'Drop the command after --');
    }
    if (from !== '') {
      throw refuse(
        '--from',
        'needs a cluster: kubectl copies the job template of a CronJob it reads from the API server',
        JSON.stringify(from),
        'Use --image=IMAGE, or take the CronJob manifest and write its jobTemplate as a Job',
      );
    }
  }

  const namespace = last(parsed, 'namespace');
  const object = BUILD[kind]({ name, namespace: namespace || undefined, command, parsed });
  return bool(parsed, 'save-config') ? saveConfig(object) : object;
}

/**
 * `object` without what the API server sets itself and kubectl only prints as empty: `creationTimestamp: null`
 * at every level (and a metadata left empty by that) and `status: {}`. The server stores the same object with
 * or without them.
 */
export function withoutServerFields(object: JsonObject): JsonObject {
  const strip = (value: Json, key: string): Json | undefined => {
    if (key === 'creationTimestamp' && value === null) return undefined;
    if (Array.isArray(value)) return value.map((v) => strip(v, '') as Json);
    if (value === null || typeof value !== 'object') return value;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      const kept = strip(v, k);
      if (kept !== undefined) out[k] = kept;
    }
    // A template's metadata that held only the timestamp is as good as none.
    const emptied = key === 'metadata' && Object.keys(value).length > 0 && Object.keys(out).length === 0;
    return emptied ? undefined : out;
  };
  const { status, ...rest } = strip(object, '') as JsonObject;
  const emptyStatus = status !== null && typeof status === 'object' && Object.keys(status).length === 0;
  return emptyStatus || status === undefined ? rest : { ...rest, status };
}
