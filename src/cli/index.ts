// Each command loads what it needs when it runs (`await import`, a plain `require` in the built CommonJS): validate
// never loads cdk8s, Pulumi or prettier, so the command starts in a fraction of the time (docs/performance.md).
import * as fs from 'node:fs';
import { isError } from '../errors';
import { DEFAULT_KUBE_VERSION, KUBE_VERSIONS, parseKubeVersion, type KubeVersion } from '../kube-version';
import { isProfile, type Profile } from '../profile';
import type { ValidateFormat } from './validate';

// Every ValidateFormat, listed here so that reading the options loads no more than this file.
const VALIDATE_FORMATS: readonly ValidateFormat[] = ['text', 'json', 'sarif', 'github'];

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  /** Standard output. */
  readonly stdout: (text: string) => void;
  /** Standard error. */
  readonly stderr: (text: string) => void;
  /** The whole of standard input. */
  readonly stdin: () => string;
}

const USAGE = `usage:
  podwright validate [--profile restricted|baseline|privileged] [--kube-version ${KUBE_VERSIONS.join('|')}]
                     [--format text|json|sarif|github] PATH...
      Check Pods and workloads in YAML/JSON files or folders (- for stdin) as the API server and Pod Security
      admission of that Kubernetes version (default ${DEFAULT_KUBE_VERSION}) would. Each problem names the file, line and
      column of the field:
        text    pods.yaml:9:7: Pod web spec.containers[0].image: Required value, got <missing>. Set the image, ...
        json    [{"file": "pods.yaml", "line": 9, "column": 7, "kind": "Pod", "name": "web", "path": ..., "rule": ...}]
        sarif   a SARIF 2.1.0 log for code scanning (github/codeql-action/upload-sarif)
        github  ::error file=pods.yaml,line=9,col=7,title=container.image.required::Pod web spec.containers[0]...
      Exit 0 when clean or with warnings only, 1 with errors, 2 for unusable input.
  podwright from-run [--format yaml|json|ts] -- kubectl run NAME --image=IMAGE [flags] [-- ARG...]
      Print the Pod \`kubectl run --dry-run=client -o yaml\` would create, offline.
  podwright from-create [--format yaml|json|ts] -- kubectl create deployment|job|cronjob NAME --image=IMAGE [flags] [-- COMMAND...]
      Print the Deployment, Job or CronJob \`kubectl create --dry-run=client -o yaml\` would create, offline
      (json: the bytes of \`-o json\`; ts: construct code, without the fields the API server fills).
  podwright import [--profile restricted|baseline|privileged] [--kube-version ${KUBE_VERSIONS.join('|')}] FILE...
      Print TypeScript that builds the same objects with podwright constructs (- for stdin). Running it validates
      them for that profile (default privileged: no defaults added) and version (default ${DEFAULT_KUBE_VERSION});
      what it would refuse is listed on standard error. Exit 0 when the code is printed, 2 for unusable input.
`;

/** A usage error: exit code 2. */
class UsageError extends Error {}

/** Splits `--name value` / `--name=value` options from positional arguments; `--` ends options. */
function parseOptions(args: readonly string[], names: readonly string[]) {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!names.includes(name))
      throw new UsageError(`unknown option --${name}; options: ${names.map((n) => `--${n}`).join(', ')}`);
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return { options, positional };
}

function profileOption(value: string | undefined, fallback: Profile): Profile {
  if (value === undefined) return fallback;
  if (!isProfile(value))
    throw new UsageError(`--profile must be restricted, baseline or privileged, got '${value}'`);
  return value;
}

function kubeVersionOption(value: string | undefined): KubeVersion {
  if (value === undefined) return DEFAULT_KUBE_VERSION;
  try {
    return parseKubeVersion(value);
  } catch (error) {
    throw new UsageError(`--kube-version: ${(error as Error).message}`);
  }
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be ${allowed.join(' or ')}, got '${value}'`);
  }
  return value as T;
}

async function validate(args: readonly string[], io: CliIo): Promise<number> {
  const { options, positional } = parseOptions(args, ['profile', 'kube-version', 'format']);
  const profile = profileOption(options.profile, 'restricted');
  const kubeVersion = kubeVersionOption(options['kube-version']);
  const format = oneOf<ValidateFormat>('format', options.format, VALIDATE_FORMATS, 'text');
  if (positional.length === 0)
    throw new UsageError('validate needs at least one PATH (a file, a folder, or - for stdin)');
  const { readManifests } = await import('./manifests');
  const { renderReport, validateManifests } = await import('./validate');
  const report = validateManifests(readManifests(positional, io.stdin), profile, kubeVersion);
  for (const note of report.skipped) io.stderr(`${note}\n`);
  io.stdout(renderReport(report, format));
  // Warnings alone are no reason to fail: the API server accepts those objects.
  return report.violations.some(isError) ? 1 : 0;
}

/** The `--format` and the kubectl command line after `--` of from-run and from-create; `usage` when either is off. */
function kubectlCommandArgs(args: readonly string[], usage: string) {
  const split = args.indexOf('--');
  const own = split < 0 ? args : args.slice(0, split);
  const command = split < 0 ? [] : args.slice(split + 1);
  const { options, positional } = parseOptions(own, ['format']);
  if (positional.length > 0 || command.length === 0) throw new UsageError(usage);
  const format = oneOf('format', options.format, ['yaml', 'json', 'ts'] as const, 'yaml');
  return { command, format };
}

async function fromRun(args: readonly string[], io: CliIo): Promise<number> {
  const { command, format } = kubectlCommandArgs(
    args,
    'from-run takes the kubectl command line after --: podwright from-run -- kubectl run NAME --image=IMAGE',
  );
  const { podFromKubectlRun } = await import('./from-run');
  const pod = podFromKubectlRun(command);
  if (format === 'json') io.stdout(`${JSON.stringify(pod, null, 2)}\n`);
  else if (format === 'yaml') io.stdout((await import('cdk8s')).Yaml.stringify(pod));
  else io.stdout(await (await import('./import')).generateTypeScript([pod]));
  return 0;
}

async function fromCreate(args: readonly string[], io: CliIo): Promise<number> {
  const { command, format } = kubectlCommandArgs(
    args,
    'from-create takes the kubectl command line after --: podwright from-create -- kubectl create deployment NAME --image=IMAGE',
  );
  const { kubectlJson, objectFromKubectlCreate, withoutServerFields } = await import('./from-create');
  const object = objectFromKubectlCreate(command);
  if (format === 'json') io.stdout(kubectlJson(object));
  else if (format === 'yaml') io.stdout((await import('yaml')).stringify(object, KUBECTL_YAML));
  else io.stdout(await (await import('./import')).generateTypeScript([withoutServerFields(object)]));
  return 0;
}

// Close to kubectl's YAML (sorted keys, unindented lists, YAML 1.1 quoting of y/n/on/off); the objects, not the
// quoting style, are what is compared with kubectl.
const KUBECTL_YAML = { version: '1.1', sortMapEntries: true, indentSeq: false, lineWidth: 0 } as const;

async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { options, positional } = parseOptions(args, ['profile', 'kube-version']);
  const profile = profileOption(options.profile, 'privileged');
  const kubeVersion = kubeVersionOption(options['kube-version']);
  if (positional.length === 0) throw new UsageError('import needs at least one FILE (or - for stdin)');
  const { readManifests } = await import('./manifests');
  const { formatImportReport, importManifests, locateInInput } = await import('./import');
  const sourced = readManifests(positional, io.stdin);
  const manifests = sourced.map((m) => m.manifest as Record<string, unknown>);
  const { code, violations } = await importManifests(manifests, { profile, kubeVersion });
  io.stdout(code);
  // The code is printed either way: what it would refuse is fixed in it, in TypeScript.
  if (violations.length > 0) io.stderr(formatImportReport(locateInInput(violations, sourced)));
  return 0;
}

const COMMANDS: Record<string, (args: readonly string[], io: CliIo) => Promise<number>> = {
  validate,
  'from-run': fromRun,
  'from-create': fromCreate,
  import: importCommand,
};

/** Runs the podwright CLI with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command '${command}'`);
    return await run(args, io);
  } catch (error) {
    const exitCode = (error as { exitCode?: unknown }).exitCode;
    if (error instanceof UsageError) {
      io.stderr(`podwright: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    // InputError (./manifests) carries exitCode 2; checked by value so this file need not load that module.
    if (exitCode === 2) {
      io.stderr(`podwright ${command}: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

/** The process's own standard streams. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => fs.readFileSync(0, 'utf8'),
};
