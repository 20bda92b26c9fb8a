// Compares `podwright from-create` with real kubectl client binaries, byte for byte on `-o json` and object for
// object on `-o yaml`. Not part of `npm test` (it needs the binaries): run it by hand after changing
// src/cli/from-create.ts, e.g.
//   npx tsx test/cli/compare-kubectl-create.ts /usr/lib/google-cloud-sdk/bin/kubectl.1.28 400 \
//     --kubeconfig /work/dev/1.28.7/kubeconfig
// `--dry-run=client` sends nothing; the kubeconfig only gives kubectl a server to build its clients for.
// With `record FILE` instead of a count, it runs the command lines of FILE (test/fixtures/kubectl-create/*.json)
// and stores kubectl's output next to each, for test/cli/from-create.test.ts.
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import * as YAML from 'yaml';
import { FromCreateError, kubectlJson, objectFromKubectlCreate } from '../../src/cli/from-create';

const [kubectl, countText, ...kubectlFlags] = process.argv.slice(2);
const recording = countText === 'record';
const count = recording ? 0 : Number(countText ?? '200');

// mulberry32: a seeded generator, so a run can be repeated.
let seed = 20261129;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const maybe = (p: number) => random() < p;

const IMAGES = [
  'nginx',
  'nginx:1.25',
  'registry.k8s.io/pause:3.9',
  'my_app',
  'localhost:5000/team/a.b:1.0',
  `busybox@sha256:${'a'.repeat(64)}`,
  'ghcr.io/org/tool:v1@sha256:0123456789abcdef0123456789abcdef',
  '"a,b"',
  'x,y',
  '',
  'Upper/Case',
  'a&b<c>',
  'redis:7-alpine',
];
const PORTS = [
  '80',
  '0',
  '-1',
  '-7',
  '0x50',
  '010',
  '1_000',
  '65536',
  'abc',
  '2147483648',
  '+8080',
  '08',
  '0b101',
];
const REPLICAS = ['0', '3', '-2', '07', 'x', '2147483647', '1__0'];
const COMMANDS: readonly (readonly string[])[] = [[], ['sh', '-c', 'echo hi && sleep 1'], [''], ['date']];
const SCHEDULES = ['*/5 * * * *', '@hourly', '', 'not a schedule'];
const RESTARTS = ['', 'Never', 'OnFailure', 'Always', 'bogus'];
const NAMES = ['web', 'my-app', 'a', 'Bad_Name'];

function flag(name: string, value: string, short?: string): string[] {
  if (short && maybe(0.3)) return [`-${short}`, value];
  return maybe(0.5) ? [`--${name}=${value}`] : [`--${name}`, value];
}

function commandLine(): string[] {
  const sub = pick(['deployment', 'deployment', 'deploy', 'job', 'job', 'cronjob', 'cronjob', 'cj']);
  const kind = sub === 'deploy' ? 'deployment' : sub === 'cj' ? 'cronjob' : sub;
  const parts: string[][] = [];
  const names = maybe(0.05) ? [] : maybe(0.05) ? ['one', 'two'] : [pick(NAMES)];
  parts.push(names);
  if (kind === 'deployment') {
    const n = maybe(0.1) ? 0 : maybe(0.7) ? 1 : 2;
    for (let i = 0; i < n; i++) parts.push(flag('image', pick(IMAGES)));
    if (maybe(0.5)) parts.push(flag('port', pick(PORTS)));
    if (maybe(0.5)) parts.push(flag('replicas', pick(REPLICAS), 'r'));
  } else {
    if (maybe(0.9)) parts.push(flag('image', pick(IMAGES.filter((i) => !i.includes(',')))));
    if (kind === 'job' && maybe(0.1)) parts.push(flag('from', 'cronjob/nightly'));
    if (kind === 'cronjob' && maybe(0.9)) parts.push(flag('schedule', pick(SCHEDULES)));
    if (kind === 'cronjob' && maybe(0.5)) parts.push(flag('restart', pick(RESTARTS)));
    if (kind === 'job' && maybe(0.05)) parts.push(flag('replicas', '2'));
  }
  if (maybe(0.3)) parts.push(flag('namespace', pick(['team-a', 'Bad_NS', '']), 'n'));
  if (maybe(0.2)) parts.push([pick(['--save-config', '--save-config=true', '--save-config=false'])]);
  if (maybe(0.1))
    parts.push([pick(['--validate', '--validate=warn', '--validate=false', '--validate=bogus'])]);
  if (maybe(0.1)) parts.push([pick(['--field-manager=me', '--show-managed-fields', '--unknown-flag'])]);
  // Shuffle flags and NAME: pflag intersperses them.
  for (let i = parts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [parts[i], parts[j]] = [parts[j], parts[i]];
  }
  const command = pick(COMMANDS);
  const dash = command.length > 0 || maybe(0.1) ? ['--', ...command] : [];
  return ['create', sub, ...parts.flat(), '--dry-run=client', '-o', 'json', ...dash];
}

// kubectl's random container-name suffix is replaced by podwright's before comparing.
// Names appear plainly and, with --save-config, escaped inside the annotation.
function alignSuffixes(theirs: string, ours: string): string {
  const suffix = /(\\?)"name(\\?)": ?(\\?)"[^"\\]*-[bcdfghjklmnpqrstvwxz2456789]{5}\\?"/g;
  const ourNames = [...ours.matchAll(suffix)].map((m) => m[0]);
  let n = 0;
  return theirs.replace(suffix, (whole) => ourNames[n++] ?? whole);
}

function run(args: string[]): { ok: boolean; out: string; err: string } {
  try {
    const out = execFileSync(kubectl, [...kubectlFlags, ...args], { encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, out, err: '' };
  } catch (e) {
    const error = e as { stdout: string; stderr: string };
    return { ok: false, out: error.stdout, err: error.stderr };
  }
}

if (recording) {
  const file = kubectlFlags.shift() as string;
  const cases = JSON.parse(fs.readFileSync(file, 'utf8')) as { args: string[] }[];
  const recorded = cases.map(({ args }) => {
    const result = run(args);
    return result.ok ? { args, stdout: result.out } : { args, error: result.err.trim() };
  });
  fs.writeFileSync(file, `${JSON.stringify(recorded, null, 2)}\n`);
  console.log(`${file}: ${recorded.length} command lines recorded with ${kubectl}`);
  process.exit(0);
}

let same = 0;
let sameErrors = 0;
let yamlSame = 0;
const differ: string[] = [];
for (let i = 0; i < count; i++) {
  const args = commandLine();
  const theirs = run(args);
  let ours: string | undefined;
  let ourObject: unknown;
  let ourError = '';
  try {
    ourObject = objectFromKubectlCreate(['kubectl', ...args]);
    ours = kubectlJson(ourObject as never);
  } catch (e) {
    if (!(e instanceof FromCreateError)) throw e;
    ourError = e.message;
  }
  const shown = `kubectl ${args.map((a) => (/^[\w./:=,@+-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}`;
  if (!theirs.ok || ours === undefined) {
    if (!theirs.ok && ours === undefined) sameErrors++;
    else
      differ.push(
        `${shown}\n  kubectl: ${theirs.ok ? 'ok' : theirs.err.trim()}\n  podwright: ${ourError || 'ok'}`,
      );
    continue;
  }
  if (alignSuffixes(theirs.out, ours) === ours) same++;
  else differ.push(`${shown}\n  kubectl:   ${theirs.out}\n  podwright: ${ours}`);
  // The same line with -o yaml: the object must be the same.
  const yamlArgs = args.map((a, k) => (a === 'json' && args[k - 1] === '-o' ? 'yaml' : a));
  const yaml = run(yamlArgs);
  const parsed = YAML.parse(alignSuffixes(JSON.stringify(YAML.parse(yaml.out), null, 4), ours));
  if (yaml.ok && isDeepStrictEqual(parsed, JSON.parse(ours))) yamlSame++;
  else differ.push(`${shown} -o yaml\n  kubectl:   ${yaml.out}`);
}
const built = count - sameErrors - differ.length;
console.log(
  `${kubectl}: ${count} command lines; ${same} -o json byte-identical, ${yamlSame} -o yaml equal objects, ` +
    `${sameErrors} refused by both; ${differ.length} differences (${built} built)`,
);
for (const d of differ.slice(0, 20)) console.log(d.length > 600 ? `${d.slice(0, 600)}...` : d);
