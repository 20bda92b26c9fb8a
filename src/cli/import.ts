/**
 * `podwright import`: Kubernetes manifests → a TypeScript module that rebuilds them with podwright constructs.
 *
 * Pods become `new Pod(...)` with the high-level API (containers, env, volumes, probes, hooks) wherever a construct
 * renders the field exactly as the manifest has it, and cdk8s's typed PodSpec / Container props elsewhere. Other
 * kinds become `new ApiObject(...)`. Every object is built here, with the code about to be printed, and compared
 * with the manifest; whatever the constructs cannot render (a probe without a path, a null cdk8s drops, ...) is
 * restored with `addJsonPatch`, so under the `privileged` profile the module synthesizes the manifests exactly.
 * The module builds a PodwrightApp, so running it validates every object as `podwright validate` does; the importer
 * builds that app too and reports what it will refuse.
 */
import { ApiObject, App, JsonPatch } from 'cdk8s';
import { PodwrightApp } from '../app';
import { PodwrightChart } from '../chart';
import { EnvFrom, EnvValue } from '../env';
import {
  formatViolation,
  isError,
  PodwrightError,
  showValue,
  type ObjectRef,
  type Violation,
} from '../errors';
import { DEFAULT_KUBE_VERSION, type KubeVersion } from '../kube-version';
import { prune } from '../json';
import { CronJob } from '../cron-job';
import { DaemonSet } from '../daemon-set';
import { Deployment } from '../deployment';
import { Job } from '../job';
import { Pod } from '../pod';
import { StatefulSet } from '../stateful-set';
import { Handler, Probe } from '../probe';
import type { Profile } from '../profile';
import { refOf } from '../validation';
import { Volume } from '../volume';
import {
  call,
  diffJson,
  evaluate,
  Expr,
  importsOf,
  isPlainObject,
  jsonEqual,
  mode,
  optionsOf,
  print,
  type Code,
  type ImportRef,
  type ImportSource,
  type PatchOp,
} from './import-code';
import { fieldsOf, typedProps, typedValue } from './import-schema';
import type { SourcedManifest } from './manifests';

/** Options of generateTypeScript. */
export interface ImportOptions {
  /** Profile of the generated chart. @default 'privileged': it adds no defaults, so the objects come back exactly */
  readonly profile?: Profile;
  /** Kubernetes version the generated app validates for: the version of the cluster the manifests are for. @default '1.28' */
  readonly kubeVersion?: KubeVersion;
  /** Construct id of the generated chart. @default 'imported' */
  readonly chartId?: string;
}

/** Formatting of the generated code: the repository's .prettierrc.json, so imported code reads like ours. */
export const IMPORT_PRETTIER_OPTIONS = { printWidth: 110, singleQuote: true, trailingComma: 'all' } as const;

/** TypeScript source of a runnable module that builds `manifests` with podwright constructs and prints their YAML. */
export async function generateTypeScript(
  manifests: readonly Record<string, unknown>[],
  options: ImportOptions = {},
): Promise<string> {
  return (await writeModule(manifests, options)).code;
}

/** What `importManifests` gives: the module, and what running it will report. */
export interface ImportResult {
  /** TypeScript source of the module (what `generateTypeScript` returns). */
  readonly code: string;
  /**
   * What synthesizing the module reports, errors and warnings, found by building its app here: with any error it
   * refuses to synthesize until the code is fixed. Under 'privileged' the objects are the manifests, so these are
   * exactly what `podwright validate --profile privileged` reports for them.
   */
  readonly violations: readonly Violation[];
}

/** The module that rebuilds `manifests`, and what its synth will refuse or warn about. */
export async function importManifests(
  manifests: readonly Record<string, unknown>[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { code, module } = await writeModule(manifests, options);
  return {
    code,
    violations: module.synthesize(
      options.profile ?? 'privileged',
      options.kubeVersion ?? DEFAULT_KUBE_VERSION,
    ),
  };
}

/**
 * `violations` with the file, line and column of the input field each names (as `podwright validate` gives them),
 * when its object is the only one of `sourced` with that kind, namespace and name.
 */
export function locateInInput(
  violations: readonly Violation[],
  sourced: readonly SourcedManifest[],
): Violation[] {
  const key = (ref: ObjectRef) => `${ref.kind}\0${ref.namespace ?? ''}\0${ref.name}`;
  // null: two objects of one name, so a violation of that name cannot say which.
  const byRef = new Map<string, SourcedManifest | null>();
  for (const input of sourced) {
    if (!isPlainObject(input.manifest)) continue;
    const k = key(refOf(input.manifest));
    byRef.set(k, byRef.has(k) ? null : input);
  }
  return violations.map((v) => {
    const locate = byRef.get(key(v.object))?.locate;
    return locate && !v.source ? { ...v, source: locate(v.path) } : v;
  });
}

/** `violations` of `importManifests` as `podwright import` prints them on standard error. */
export function formatImportReport(violations: readonly Violation[]): string {
  const errors = violations.filter(isError).length;
  const warnings = violations.length - errors;
  const head =
    errors > 0
      ? `the generated code refuses to synthesize until ${errors} problem(s) are fixed in it` +
        (warnings > 0 ? ` (and reports ${warnings} warning(s))` : '')
      : `the generated code synthesizes with ${warnings} warning(s), the API server accepts these objects`;
  return `podwright import: ${head}:\n${violations.map((v) => `  - ${formatViolation(v)}`).join('\n')}\n`;
}

async function writeModule(
  manifests: readonly Record<string, unknown>[],
  options: ImportOptions,
): Promise<{ code: string; module: ModuleWriter }> {
  const profile = options.profile ?? 'privileged';
  const kubeVersion = options.kubeVersion ?? DEFAULT_KUBE_VERSION;
  const chartId = options.chartId ?? 'imported';
  checkManifests(manifests);
  const module = new ModuleWriter(chartId);
  for (const manifest of manifests) module.add(manifest);
  const prettier = await loadPrettier();
  const code = await prettier.format(module.source(profile, kubeVersion), {
    parser: 'typescript',
    ...IMPORT_PRETTIER_OPTIONS,
  });
  return { code, module };
}

/** Thrown when prettier is not installed: exit code 2, like other input the command cannot use. */
class MissingFormatterError extends Error {
  /** Process exit code for the CLI. */
  public readonly exitCode = 2 as const;
}

/**
 * prettier, loaded here and not at the top: other commands neither wait for it nor need it. It is an optional peer
 * dependency of the package (only `import` uses it, and most projects that generate code already have it).
 */
async function loadPrettier(): Promise<typeof import('prettier')> {
  try {
    return await import('prettier');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new MissingFormatterError(
      'import formats the code it writes with prettier, which is not installed. Install it: npm install --save-dev prettier',
    );
  }
}

function checkManifests(manifests: readonly Record<string, unknown>[]): void {
  const violations = manifests.flatMap((m, i) => {
    const object = {
      kind: typeof m?.kind === 'string' ? m.kind : '<unknown>',
      name:
        isPlainObject(m?.metadata) && typeof m.metadata.name === 'string'
          ? m.metadata.name
          : `manifests[${i}]`,
    };
    return (['apiVersion', 'kind'] as const)
      .filter((field) => !isPlainObject(m) || typeof m[field] !== 'string' || m[field] === '')
      .map((field) => ({
        object,
        path: field,
        value: isPlainObject(m) ? m[field] : m,
        rule: 'import.object.typeMeta',
        message: 'is required to import a Kubernetes object',
        fix: 'Give every document apiVersion and kind, or leave out documents that are not Kubernetes objects.',
      }));
  });
  if (violations.length > 0)
    throw new PodwrightError(violations, 'podwright import cannot read the manifests');
}

const PODWRIGHT = (name: string): ImportRef => ({ from: 'podwright', name });
const CDK8S = (name: string): ImportRef => ({ from: 'cdk8s', name });

// Names the module itself declares or imports, and words a const may not be called.
const RESERVED = new Set(
  [
    'app chart process k8s App ApiObject JsonPatch PodwrightApp PodwrightChart Pod Volume EnvValue EnvFrom Probe',
    'Handler',
    'Deployment StatefulSet DaemonSet Job CronJob',
    'arguments eval await break case catch class const continue debugger default delete do else enum export',
    'extends false finally for function if import in instanceof let new null return static super switch this',
    'throw true try typeof var void while with yield implements interface package private protected public',
    'undefined NaN Infinity',
  ]
    .join(' ')
    .split(' '),
);

/** One statement block of the module (the consts and calls of one object) and the names it imports. */
interface Block {
  readonly statements: readonly string[];
  readonly imports: readonly ImportRef[];
  /** Builds the object in `chart` as the statements do, so the importer can synthesize the module without running it. */
  readonly build: (chart: PodwrightChart) => void;
}

/** An object the statements create, before any patch. */
type Created = Pick<ApiObject, 'addJsonPatch'>;

/** Collects the objects' code, construct ids and variable names, then assembles the module. */
class ModuleWriter {
  private readonly blocks: Block[] = [];
  private readonly ids = new Set<string>();
  private readonly variables = new Set<string>();

  constructor(private readonly chartId: string) {}

  /** Adds the code of one manifest. */
  public add(manifest: Record<string, unknown>): void {
    const id = this.uniqueId(manifest);
    const isPod = manifest.apiVersion === 'v1' && manifest.kind === 'Pod';
    const workload = WORKLOAD_KINDS[`${String(manifest.apiVersion)} ${String(manifest.kind)}`];
    const built = isPod
      ? this.pod(manifest, id)
      : workload
        ? this.workload(manifest, id, workload)
        : undefined;
    const kind = isPod ? 'Pod' : workload?.name;
    this.blocks.push(typeof built === 'object' ? built : this.apiObject(manifest, id, built, kind));
  }

  /** The module source, unformatted. */
  public source(profile: Profile, kubeVersion: KubeVersion): string {
    const imports = [
      PODWRIGHT('PodwrightApp'),
      PODWRIGHT('PodwrightChart'),
      ...this.blocks.flatMap((b) => b.imports),
    ];
    const lines = [
      '// Generated by `podwright import`. Run it (npx tsx <this file>) to print the YAML it synthesizes.',
      ...(['cdk8s', 'cdk8s-plus-28', 'podwright'] as ImportSource[]).flatMap((from) => {
        const names = [...new Set(imports.filter((i) => i.from === from).map((i) => i.name))].sort();
        return names.length > 0 ? [`import { ${names.join(', ')} } from '${from}';`] : [];
      }),
      '',
      `// Synthesis validates every object as a Kubernetes ${kubeVersion} API server and Pod Security '${profile}' would,`,
      '// and lists every problem before it writes anything.',
      `const app = new PodwrightApp({ kubeVersion: ${print(kubeVersion)} });`,
      profile === 'privileged'
        ? "// 'privileged' adds no security or resource defaults: the objects synthesize exactly as imported."
        : `// '${profile}' adds its security and resource defaults to every Pod that does not set them.`,
      `const chart = new PodwrightChart(app, ${print(this.chartId)}, { profile: ${print(profile)} });`,
      ...this.blocks.flatMap((b) => ['', ...b.statements]),
      '',
      'process.stdout.write(app.synthYaml());',
    ];
    return `${lines.join('\n')}\n`;
  }

  /**
   * What `app.synthYaml()` of the module reports: its app built here, object by object as its statements build
   * them, then synthesized. Errors and warnings, in object order; a construct that throws stops it, as it would
   * stop the module.
   */
  public synthesize(profile: Profile, kubeVersion: KubeVersion): Violation[] {
    const app = new PodwrightApp({ kubeVersion, onWarnings: () => undefined });
    const chart = new PodwrightChart(app, this.chartId, { profile });
    let found: readonly Violation[];
    try {
      for (const block of this.blocks) block.build(chart);
      found = app.synthesize().warnings;
    } catch (error) {
      if (!(error instanceof PodwrightError)) throw error;
      found = error.violations;
    }
    // Where a construct was created is a line of the importer here, not of the module: left out.
    return found.map(({ source: _source, ...violation }) => violation);
  }

  private uniqueId(manifest: Record<string, unknown>): string {
    const name = isPlainObject(manifest.metadata) ? manifest.metadata.name : undefined;
    // Construct ids may not contain '/'; Kubernetes names never do, kinds of unnamed objects never do.
    const base = (
      typeof name === 'string' && name !== '' ? name : String(manifest.kind).toLowerCase()
    ).replace(/\//g, '-');
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  private variable(name: string, fallback: string): string {
    const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
    let base = words.map((w, i) => (i === 0 ? w[0].toLowerCase() : w[0].toUpperCase()) + w.slice(1)).join('');
    if (base === '' || /^[0-9]/.test(base)) base = fallback + base.charAt(0).toUpperCase() + base.slice(1);
    if (RESERVED.has(base)) base = `${base}${fallback.charAt(0).toUpperCase()}${fallback.slice(1)}`;
    let variable = base;
    for (let n = 2; this.variables.has(variable) || RESERVED.has(variable); n++) variable = `${base}${n}`;
    this.variables.add(variable);
    return variable;
  }

  /** A scratch chart to build candidates in: always 'privileged', so what differs is what the constructs lack. */
  private scratch(): PodwrightChart {
    return new PodwrightChart(new App(), this.chartId, { profile: 'privileged' });
  }

  /** `refusal`: why the construct `cls` cannot hold this object, when there is one for its kind. */
  private apiObject(manifest: Record<string, unknown>, id: string, refusal?: string, cls = 'Pod'): Block {
    const { apiVersion, kind, metadata, ...rest } = manifest;
    // cdk8s drops nulls (and empty metadata maps) at synth: they are left out here and restored by the patch.
    const props = withoutNulls({ apiVersion, kind, metadata: cdk8sMetadata(metadata), ...rest }) as Record<
      string,
      Code
    >;
    const patches = patchesBetween(
      new ApiObject(this.scratch(), id, evaluate(props) as never).toJson(),
      manifest,
    );
    const creation = `new ApiObject(chart, ${print(id)}, ${print(props)})`;
    // One line whatever the reason says, so it cannot end the comment.
    const reason = refusal?.replace(/[\r\n\u2028\u2029]+/g, ' ');
    const comment = reason
      ? [`// The ${cls} construct cannot hold this ${cls} (${reason}): kept as a plain ApiObject.`]
      : [];
    const create = (chart: PodwrightChart) => new ApiObject(chart, id, evaluate(props) as never);
    return this.withPatches(id, creation, create, patches, [CDK8S('ApiObject')], comment, 'object');
  }

  private withPatches(
    id: string,
    creation: string,
    create: (chart: PodwrightChart) => Created,
    patches: readonly PatchOp[],
    imports: readonly ImportRef[],
    before: readonly string[] = [],
    fallbackName = 'object',
    calls: readonly ((variable: string) => string)[] = [],
  ): Block {
    const build = (chart: PodwrightChart): void => {
      const object = create(chart);
      if (patches.length > 0) object.addJsonPatch(...patches.map(jsonPatch));
    };
    if (patches.length === 0 && calls.length === 0) {
      return { statements: [...before, `${creation};`], imports, build };
    }
    const variable = this.variable(id, fallbackName);
    const statements = [...before, `const ${variable} = ${creation};`, ...calls.map((c) => c(variable))];
    if (patches.length > 0) {
      statements.push(
        '// The construct does not render these fields as the manifest has them: patched into its JSON.',
        `${variable}.addJsonPatch(${patches.map(patchCode).join(', ')});`,
      );
    }
    return {
      statements,
      imports: [...imports, ...(patches.length > 0 ? [CDK8S('JsonPatch')] : [])],
      build,
    };
  }

  /** The Pod's block, or why the Pod construct cannot hold it (it then becomes a plain ApiObject). */
  private pod(manifest: Record<string, unknown>, id: string): Block | string {
    const code = this.podSpecCode(manifest.spec, 'spec');
    if (typeof code === 'string') return code;
    const props: Record<string, Code> = {};
    const metadata = objectMetadata(manifest.metadata, id);
    if (metadata !== undefined) props.metadata = metadata;
    Object.assign(props, code.props);
    return this.construct(manifest, id, 'Pod', props, code);
  }

  /** The workload's block, or why its construct cannot hold it (it then becomes a plain ApiObject). */
  private workload(manifest: Record<string, unknown>, id: string, kind: WorkloadKind): Block | string {
    const spec = manifest.spec;
    if (!isPlainObject(spec)) return 'it has no spec object';
    const own: Record<string, Code> = {};
    const metadata = objectMetadata(manifest.metadata, id);
    if (metadata !== undefined) own.metadata = metadata;

    let templateParent: Record<string, unknown> = spec;
    if (kind.name === 'CronJob') {
      const jobTemplate = spec.jobTemplate;
      if (!isPlainObject(jobTemplate)) return 'it has no spec.jobTemplate object';
      Object.assign(own, typedFields(spec, 'CronJobSpec', ['jobTemplate']));
      const jobMetadata = cdk8sMetadata(jobTemplate.metadata);
      if (jobMetadata !== undefined) own.jobMetadata = jobMetadata;
      const jobSpec = jobTemplate.spec;
      if (!isPlainObject(jobSpec)) return 'it has no spec.jobTemplate.spec object';
      const jobFields = typedFields(jobSpec, 'JobSpec', ['template']);
      if (Object.keys(jobFields).length > 0) own.jobSpec = jobFields;
      templateParent = jobSpec;
    } else {
      Object.assign(own, typedFields(spec, `${kind.name}Spec`, ['template', 'selector']));
      if (spec.selector !== undefined) own.selector = typedProps(spec.selector, 'LabelSelector');
    }
    const template = templateParent.template;
    if (!isPlainObject(template)) return `it has no ${kind.templatePath} object`;
    const podMetadata = cdk8sMetadata(template.metadata);
    if (podMetadata !== undefined) own.podMetadata = podMetadata;

    const code = this.podSpecCode(template.spec ?? {}, `${kind.templatePath}.spec`);
    if (typeof code === 'string') return code;
    const podProps = { ...code.props };
    // A restart policy the kind does not take, and a Job's Pod-level activeDeadlineSeconds (the Job's own takes
    // the name), go through the patch.
    if (!kind.restartPolicies.includes(podProps.restartPolicy as string)) delete podProps.restartPolicy;
    if (kind.name === 'Job' || kind.name === 'CronJob') delete podProps.activeDeadlineSeconds;
    for (const key of Object.keys(own)) delete podProps[key];
    return this.construct(manifest, id, kind.name, { ...own, ...podProps }, code);
  }

  /** Builds `new Cls(...)` now, then its block with whatever patch makes it synthesize the manifest exactly. */
  private construct(
    manifest: Record<string, unknown>,
    id: string,
    cls: 'Pod' | WorkloadKind['name'],
    props: Record<string, Code>,
    code: PodSpecCode,
  ): Block | string {
    const create = (chart: PodwrightChart, candidate: Record<string, Code>) => {
      const object = new CONSTRUCTS[cls](chart, id, evaluate(candidate) as never);
      for (const init of code.laterInits) object[init.method](evaluate(init.props) as never);
      return object;
    };
    const render = (candidate: Record<string, Code>): unknown => create(this.scratch(), candidate).toJson();
    let got: unknown;
    try {
      got = render(props);
    } catch (e) {
      return e instanceof PodwrightError
        ? e.violations.map((v) => `${v.path} ${v.message}`).join('; ')
        : String((e as Error).message);
    }
    // What the construct would write anyway (the selector from the template labels, the labels `app: NAME`, a
    // Job's restart policy) goes without saying.
    for (const key of DEFAULTED_PROPS) {
      if (!(key in props)) continue;
      const { [key]: _dropped, ...without } = props;
      try {
        if (jsonEqual(render(without), got)) props = without;
      } catch {
        // Without it the construct refuses the object: the prop stays.
      }
    }
    const calls = code.laterInits.map(
      (init) => (variable: string) => `${variable}.${init.method}(${print(init.props)});`,
    );
    const imports = [
      PODWRIGHT(cls),
      ...importsOf(props),
      ...code.laterInits.flatMap((i) => importsOf(i.props)),
      ...code.declarations.flatMap((d) => d.imports),
    ];
    const declarations = code.declarations.map((d) => `const ${d.variable} = ${d.code};`);
    const creation = `new ${cls}(chart, ${print(id)}, ${print(props)})`;
    const fallback = cls.charAt(0).toLowerCase() + cls.slice(1);
    return this.withPatches(
      id,
      creation,
      (chart) => create(chart, props),
      patchesBetween(got, manifest),
      imports,
      declarations,
      fallback,
      calls,
    );
  }

  /** The PodSpecProps of a Pod spec (a Pod's or a template's), or why the constructs cannot hold it. */
  private podSpecCode(spec: unknown, path: string): PodSpecCode | string {
    if (!isPlainObject(spec)) return `it has no ${path} object`;
    const rawVolumes = spec.volumes;
    if (rawVolumes !== undefined && !Array.isArray(rawVolumes)) return `${path}.volumes is not a list`;
    const volumeJson = (rawVolumes ?? []) as unknown[];
    const names = volumeJson.map((v) => (isPlainObject(v) ? v.name : undefined));
    // Mounts refer to volumes by name, and the Pod construct refuses two volumes of one name.
    if (names.some((n) => typeof n !== 'string') || new Set(names).size !== names.length) {
      return 'each volume needs a name of its own';
    }

    const volumes = new Map<string, { variable: string; ref: Expr; declaration: Expr }>();
    for (const json of volumeJson as Record<string, unknown>[]) {
      const name = json.name as string;
      const declaration = volumeExpr(json);
      const variable = this.variable(name, 'volume');
      volumes.set(name, { variable, ref: new Expr(variable, declaration.value), declaration });
    }
    const refs = new Map([...volumes].map(([name, v]) => [name, v.ref]));

    const props: Record<string, Code> = {};
    const laterInits: LaterInit[] = [];
    for (const [key, value] of Object.entries(spec)) {
      switch (key) {
        case 'containers':
        case 'initContainers': {
          if (!Array.isArray(value)) break;
          const built = value.map((c) => containerProps(c, refs));
          if (built.some((b) => b === undefined)) return `each of ${path}.${key} needs a name`;
          const list = built as ContainerCode[];
          if (key === 'containers') {
            props.containers = list.map((c) => c.props);
            break;
          }
          const firstSidecar = list.findIndex((c) => c.sidecar);
          const ordered = firstSidecar < 0 || list.slice(firstSidecar).every((c) => c.sidecar);
          if (ordered) {
            // The Pod adds `initContainers` before `sidecars`, which keeps this order.
            const inits = list.filter((c) => !c.sidecar).map((c) => c.props);
            const sidecars = list.filter((c) => c.sidecar).map((c) => c.props);
            if (inits.length > 0 || sidecars.length === 0) props.initContainers = inits;
            if (sidecars.length > 0) props.sidecars = sidecars;
          } else {
            // Sidecars interleaved with init containers: added one by one, in the manifest's order.
            for (const c of list) {
              laterInits.push({ method: c.sidecar ? 'addSidecar' : 'addInitContainer', props: c.props });
            }
          }
          break;
        }
        case 'volumes':
          props.volumes = [...volumes.values()].map((v) => v.ref);
          break;
        case 'securityContext':
          props.securityContext = typedProps(value, 'PodSecurityContext');
          break;
        case 'restartPolicy':
        case 'dnsPolicy':
          if (typeof value === 'string') props[key] = value;
          break;
        case 'imagePullSecrets':
          props.imagePullSecrets = imagePullSecrets(value);
          break;
        default: {
          const field = fieldsOf('PodSpec').get(key);
          if (field) props[field.prop] = typedValue(value, field.shape);
        }
      }
    }
    const declarations = [...volumes.values()].map((v) => ({
      variable: v.variable,
      code: v.declaration.code,
      imports: v.declaration.imports,
    }));
    return { props, laterInits, declarations };
  }
}

/** Props a construct may default to exactly the manifest's value, tried away one by one. */
const DEFAULTED_PROPS = ['selector', 'podMetadata', 'restartPolicy'];

/** An init container or sidecar added after construction, to keep the manifest's order. */
interface LaterInit {
  readonly method: 'addInitContainer' | 'addSidecar';
  readonly props: Record<string, Code>;
}

/** The code of a Pod spec: PodSpecProps, the calls after construction, and the volume consts it uses. */
interface PodSpecCode {
  readonly props: Record<string, Code>;
  readonly laterInits: readonly LaterInit[];
  readonly declarations: readonly { variable: string; code: string; imports: readonly ImportRef[] }[];
}

/** A workload kind the importer writes with its podwright construct. */
interface WorkloadKind {
  readonly name: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';
  /** Where its Pod template is. */
  readonly templatePath: string;
  /** The template restart policies its construct takes. */
  readonly restartPolicies: readonly string[];
}

const WORKLOAD_KINDS: Readonly<Record<string, WorkloadKind>> = {
  'apps/v1 Deployment': { name: 'Deployment', templatePath: 'spec.template', restartPolicies: ['Always'] },
  'apps/v1 StatefulSet': { name: 'StatefulSet', templatePath: 'spec.template', restartPolicies: ['Always'] },
  'apps/v1 DaemonSet': { name: 'DaemonSet', templatePath: 'spec.template', restartPolicies: ['Always'] },
  'batch/v1 Job': { name: 'Job', templatePath: 'spec.template', restartPolicies: ['OnFailure', 'Never'] },
  'batch/v1 CronJob': {
    name: 'CronJob',
    templatePath: 'spec.jobTemplate.spec.template',
    restartPolicies: ['OnFailure', 'Never'],
  },
};

/** The constructs the importer writes, by class name. */
const CONSTRUCTS = { Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob } as unknown as Record<
  string,
  new (
    scope: PodwrightChart,
    id: string,
    props: never,
  ) => Created & {
    toJson(): unknown;
    addInitContainer(props: never): unknown;
    addSidecar(props: never): unknown;
  }
>;

/** The object's metadata as a construct prop: the name goes without saying when it equals the construct id. */
function objectMetadata(raw: unknown, id: string): Code | undefined {
  const metadata = cdk8sMetadata(raw);
  if (!isPlainObject(metadata)) return undefined;
  const { name, ...others } = metadata;
  const kept = name === id ? others : metadata;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** The fields of `json` that generated type `typeName` has, as typed props; `skip` are handled elsewhere. */
function typedFields(
  json: Record<string, unknown>,
  typeName: string,
  skip: readonly string[],
): Record<string, Code> {
  const fields = fieldsOf(typeName);
  const out: Record<string, Code> = {};
  for (const [key, value] of Object.entries(json)) {
    const field = fields.get(key);
    if (field && !skip.includes(key)) out[field.prop] = typedValue(value, field.shape);
  }
  return out;
}

/** The patches that turn `got` into `manifest`, checked by applying them the way cdk8s will at synth. */
function patchesBetween(got: unknown, manifest: Record<string, unknown>): PatchOp[] {
  const patches = diffJson(got, manifest);
  const patched = JsonPatch.apply(got, ...patches.map(jsonPatch));
  if (!jsonEqual(patched, manifest)) {
    throw new Error(`podwright import: internal error, ${showValue(manifest.metadata)} does not round-trip`);
  }
  return patches;
}

function jsonPatch(op: PatchOp): JsonPatch {
  return op.op === 'remove' ? JsonPatch.remove(op.path) : JsonPatch[op.op](op.path, op.value);
}

function patchCode(op: PatchOp): string {
  return op.op === 'remove'
    ? `JsonPatch.remove(${print(op.path)})`
    : `JsonPatch.${op.op}(${print(op.path)}, ${print(op.value)})`;
}

/** `metadata` as cdk8s keeps it: without nulls, empty maps and empty lists (the patch restores those). */
function cdk8sMetadata(metadata: unknown): unknown {
  const strip = (value: unknown): unknown => {
    if (value === null) return undefined;
    if (Array.isArray(value)) {
      const items = value.map(strip).filter((v) => v !== undefined);
      return items.length > 0 ? items : undefined;
    }
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const kept = strip(v);
      if (kept !== undefined) out[k] = kept;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };
  return strip(metadata);
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
  return out;
}

function imagePullSecrets(value: unknown): Code | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = value.map((s) =>
    isPlainObject(s) && Object.keys(s).length === 1 && typeof s.name === 'string' ? s.name : undefined,
  );
  return names.every((n) => n !== undefined) ? names : undefined;
}

// --- construct factories, each used only when it renders exactly the manifest's JSON ---

/** A call of podwright factory `Class.method`, built now so the importer can check what it renders. */
function factory(owner: keyof typeof FACTORIES, method: string, args: readonly Code[]): Expr | undefined {
  const cls = FACTORIES[owner] as unknown as Record<string, (...a: unknown[]) => unknown>;
  try {
    return call(`${owner}.${method}`, args, cls[method](...args.map(evaluate)), [PODWRIGHT(owner)]);
  } catch {
    // Values of the wrong type (a number where a name belongs, ...) make the factory throw: not this form.
    return undefined;
  }
}

const FACTORIES = { Volume, EnvValue, EnvFrom, Probe, Handler };

/** `expr` if what it renders (undefined fields pruned, as the Pod does) equals `want`, else undefined. */
function exact(expr: Expr | undefined, render: (value: any) => unknown, want: unknown): Expr | undefined {
  if (!expr) return undefined;
  try {
    return jsonEqual(prune(render(expr.value)), want) ? expr : undefined;
  } catch {
    return undefined;
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const modeOf = (v: unknown): Code => (typeof v === 'number' ? mode(v) : v);

/** Only `keys` set (each optional), so a factory that knows exactly these fields can render the object. */
function hasOnly(json: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(json).every((k) => keys.includes(k));
}

function volumeExpr(json: Record<string, unknown>): Expr {
  const { name: rawName, ...source } = json;
  const name = rawName as string;
  const render = (v: Volume) => v.toJson();
  const keys = Object.keys(source);
  const s = keys.length === 1 ? source[keys[0]] : undefined;
  let candidate: Expr | undefined;
  if (isPlainObject(s)) {
    const items = Array.isArray(s.items)
      ? s.items.map((i) => (isPlainObject(i) ? { ...i, mode: modeOf(i.mode) } : i))
      : s.items;
    switch (keys[0]) {
      case 'emptyDir':
        candidate = factory('Volume', 'emptyDir', [
          name,
          optionsOf({ medium: s.medium, sizeLimit: s.sizeLimit }),
        ]);
        break;
      case 'configMap':
        candidate = factory('Volume', 'configMap', [
          name,
          s.name,
          optionsOf({ items, defaultMode: modeOf(s.defaultMode), optional: s.optional }),
        ]);
        break;
      case 'secret':
        candidate = factory('Volume', 'secret', [
          name,
          s.secretName,
          optionsOf({ items, defaultMode: modeOf(s.defaultMode), optional: s.optional }),
        ]);
        break;
      case 'persistentVolumeClaim':
        candidate = factory('Volume', 'persistentVolumeClaim', [
          name,
          s.claimName,
          optionsOf({ readOnly: s.readOnly }),
        ]);
        break;
      case 'hostPath':
        candidate = factory('Volume', 'hostPath', [name, s.path, optionsOf({ type: s.type })]);
        break;
      case 'downwardAPI':
        candidate = factory('Volume', 'downwardApi', [
          name,
          Array.isArray(s.items) ? s.items.map(downwardFile) : undefined,
          optionsOf({ defaultMode: modeOf(s.defaultMode) }),
        ]);
        break;
      case 'projected': {
        const sources = Array.isArray(s.sources)
          ? s.sources.map((p) => typedProps(p, 'VolumeProjection'))
          : [];
        candidate = factory('Volume', 'projected', [
          name,
          sources,
          optionsOf({ defaultMode: modeOf(s.defaultMode) }),
        ]);
        break;
      }
      case 'ephemeral':
        candidate = factory('Volume', 'ephemeral', [
          name,
          typedProps(s.volumeClaimTemplate, 'PersistentVolumeClaimTemplate') ?? {},
        ]);
        break;
    }
  }
  const exactCandidate = exact(candidate, render, json);
  if (exactCandidate) return exactCandidate;
  // Any other source, or one a factory renders differently: the typed k8s.Volume; the Pod's patch adds the rest.
  const typed = typedProps(source, 'Volume') ?? {};
  const fromSource = factory('Volume', 'fromSource', [name, typed]);
  if (!fromSource) throw new Error(`podwright import: internal error, Volume.fromSource refused ${name}`);
  return fromSource;
}

function downwardFile(item: unknown): Code {
  if (!isPlainObject(item)) return item;
  const fieldRef = isPlainObject(item.fieldRef) ? item.fieldRef : {};
  const resource = isPlainObject(item.resourceFieldRef) ? item.resourceFieldRef : {};
  return {
    path: item.path,
    fieldPath: fieldRef.fieldPath,
    resource: resource.resource,
    containerName: resource.containerName,
    divisor: resource.divisor,
    mode: modeOf(item.mode),
  };
}

function envValueExpr(name: string, valueFrom: unknown): Expr | undefined {
  if (!isPlainObject(valueFrom) || Object.keys(valueFrom).length !== 1) return undefined;
  const [[kind, ref]] = Object.entries(valueFrom);
  if (!isPlainObject(ref)) return undefined;
  let candidate: Expr | undefined;
  switch (kind) {
    case 'configMapKeyRef':
      candidate = factory('EnvValue', 'fromConfigMap', [
        ref.name,
        ref.key,
        optionsOf({ optional: ref.optional }),
      ]);
      break;
    case 'secretKeyRef':
      candidate = factory('EnvValue', 'fromSecret', [
        ref.name,
        ref.key,
        optionsOf({ optional: ref.optional }),
      ]);
      break;
    case 'fieldRef':
      candidate = factory('EnvValue', 'fromFieldRef', [ref.fieldPath, ref.apiVersion]);
      break;
    case 'resourceFieldRef':
      candidate = factory('EnvValue', 'fromResource', [
        ref.resource,
        optionsOf({ containerName: ref.containerName, divisor: ref.divisor }),
      ]);
      break;
  }
  return exact(candidate, (v: EnvValue) => v.toJson(name), { name, valueFrom });
}

/** The env as podwright's ordered Record, or undefined when a Record cannot say it (the patch then does). */
function envRecord(value: unknown): Record<string, Code> | undefined {
  if (!Array.isArray(value)) return undefined;
  const record: Record<string, Code> = {};
  for (const entry of value) {
    if (!isPlainObject(entry) || !isString(entry.name) || entry.name in record) return undefined;
    const { name, ...rest } = entry;
    if (hasOnly(rest, ['value']) && isString(rest.value)) record[name] = rest.value;
    else if (hasOnly(rest, ['valueFrom'])) {
      const expr = envValueExpr(name, rest.valueFrom);
      if (!expr) return undefined;
      record[name] = expr;
    } else return undefined;
  }
  // Integer-like keys would be reordered by JavaScript; the order of env matters ($(VAR) references).
  const order = value.map((e) => (e as { name: string }).name);
  return jsonEqual(Object.keys(record), order) ? record : undefined;
}

function envFromList(value: unknown): Code[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.map((entry) => {
    if (!isPlainObject(entry)) return undefined;
    const { prefix, ...refs } = entry;
    const keys = Object.keys(refs);
    const ref = keys.length === 1 ? refs[keys[0]] : undefined;
    if (!isPlainObject(ref)) return undefined;
    const method = { configMapRef: 'configMap', secretRef: 'secret' }[keys[0]];
    if (!method) return undefined;
    const candidate = factory('EnvFrom', method, [ref.name, optionsOf({ optional: ref.optional, prefix })]);
    return exact(candidate, (v: EnvFrom) => v.toJson(), entry);
  });
  return list.every((e) => e !== undefined) ? list : undefined;
}

const TIMING = [
  'initialDelaySeconds',
  'periodSeconds',
  'timeoutSeconds',
  'failureThreshold',
  'successThreshold',
  'terminationGracePeriodSeconds',
];

function headers(value: unknown): Record<string, Code> | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return undefined;
  const record: Record<string, Code> = {};
  for (const h of value) if (isPlainObject(h) && isString(h.name)) record[h.name] = h.value;
  return record;
}

/** A `Probe.*` (kind 'Probe') or `Handler.*` (kind 'Handler') rendering `json` exactly, else undefined. */
function actionExpr(json: unknown, owner: 'Probe' | 'Handler'): Expr | undefined {
  if (!isPlainObject(json)) return undefined;
  const timing: Record<string, Code> = {};
  const actions: [string, unknown][] = [];
  for (const [key, value] of Object.entries(json)) {
    if (owner === 'Probe' && TIMING.includes(key)) timing[key] = value;
    else actions.push([key, value]);
  }
  if (actions.length !== 1 || !isPlainObject(actions[0][1])) return undefined;
  const [[kind, a]] = actions as [string, Record<string, unknown>][];
  const probe = owner === 'Probe';
  let candidate: Expr | undefined;
  switch (kind) {
    case 'exec':
      candidate = factory(owner, 'exec', [a.command, probe ? optionsOf(timing) : undefined]);
      break;
    case 'httpGet':
      candidate = factory(owner, 'httpGet', [
        a.path,
        optionsOf({
          port: a.port,
          host: a.host,
          scheme: a.scheme,
          headers: headers(a.httpHeaders),
          ...timing,
        }),
      ]);
      break;
    case 'tcpSocket':
      candidate = probe
        ? factory(owner, 'tcpSocket', [optionsOf({ port: a.port, host: a.host, ...timing })])
        : factory(owner, 'tcpSocket', [optionsOf({ port: a.port, host: a.host })]);
      break;
    case 'grpc':
      if (probe)
        candidate = factory(owner, 'grpc', [optionsOf({ port: a.port, service: a.service, ...timing })]);
      break;
  }
  return exact(candidate, (v: Probe | Handler) => v.toJson(), json);
}

const PORT_FIELDS = ['containerPort', 'name', 'protocol', 'hostPort', 'hostIP'];
const MOUNT_FIELDS = ['name', 'mountPath', 'readOnly', 'subPath', 'subPathExpr', 'mountPropagation'];

function ports(value: unknown): Code | undefined {
  if (!Array.isArray(value)) return undefined;
  const seen = new Set<string>();
  for (const p of value) {
    if (!isPlainObject(p) || !hasOnly(p, PORT_FIELDS) || typeof p.containerPort !== 'number')
      return undefined;
    // The construct refuses a port declared twice for one protocol; the patch carries such a list.
    const key = `${p.containerPort}/${p.protocol ?? 'TCP'}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
  }
  return value;
}

function resources(value: unknown): Code | undefined {
  if (!isPlainObject(value)) return undefined;
  const out: Record<string, Code> = {};
  for (const key of ['requests', 'limits'] as const) {
    const list = value[key];
    if (list === undefined) continue;
    if (!isPlainObject(list) || !Object.values(list).every((q) => isString(q) || typeof q === 'number')) {
      return undefined;
    }
    out[key] = list;
  }
  return out;
}

function volumeMounts(value: unknown, volumes: ReadonlyMap<string, Expr>): Code | undefined {
  if (!Array.isArray(value)) return undefined;
  const mounts = value.map((m) => {
    if (!isPlainObject(m) || !hasOnly(m, MOUNT_FIELDS) || !isString(m.mountPath) || !isString(m.name)) {
      return undefined;
    }
    const volume = volumes.get(m.name);
    if (!volume) return undefined;
    const { mountPath, readOnly, subPath, subPathExpr, mountPropagation } = m;
    return { path: mountPath, volume, readOnly, subPath, subPathExpr, mountPropagation };
  });
  return mounts.every((m) => m !== undefined) ? mounts : undefined;
}

// Container fields the high-level API renders itself; any other goes through the typed `passThrough`.
const HIGH_LEVEL = new Set(
  (
    'name image command args workingDir env envFrom ports resources securityContext imagePullPolicy ' +
    'livenessProbe readinessProbe startupProbe lifecycle volumeMounts restartPolicy'
  ).split(' '),
);

interface ContainerCode {
  readonly props: Record<string, Code>;
  /** An init container with `restartPolicy: Always`. */
  readonly sidecar: boolean;
}

function containerProps(json: unknown, volumes: ReadonlyMap<string, Expr>): ContainerCode | undefined {
  if (!isPlainObject(json) || !isString(json.name)) return undefined;
  // Name and image lead, as people write them; the other fields keep the manifest's order.
  const props: Record<string, Code> = { name: json.name, image: isString(json.image) ? json.image : '' };
  const passThrough: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (!HIGH_LEVEL.has(key)) {
      passThrough[key] = value;
      continue;
    }
    switch (key) {
      case 'command':
      case 'args':
        if (isStringArray(value)) props[key] = value;
        break;
      case 'workingDir':
      case 'imagePullPolicy':
        if (isString(value)) props[key] = value;
        break;
      case 'env':
        props.env = envRecord(value);
        break;
      case 'envFrom':
        props.envFrom = envFromList(value);
        break;
      case 'ports':
        props.ports = ports(value);
        break;
      case 'resources':
        props.resources = resources(value);
        break;
      case 'securityContext':
        props.securityContext = typedProps(value, 'SecurityContext');
        break;
      case 'livenessProbe':
      case 'readinessProbe':
      case 'startupProbe':
        props[key] = actionExpr(value, 'Probe');
        break;
      case 'lifecycle':
        if (isPlainObject(value)) {
          const lifecycle = {
            postStart: actionExpr(value.postStart, 'Handler'),
            preStop: actionExpr(value.preStop, 'Handler'),
          };
          // When no hook can be written with Handler, the patch carries the whole lifecycle.
          const written = Object.values(lifecycle).some((h) => h !== undefined);
          if (written || Object.keys(value).length === 0) props.lifecycle = lifecycle;
        }
        break;
      case 'volumeMounts':
        props.volumeMounts = volumeMounts(value, volumes);
        break;
    }
  }
  const typed = typedProps(passThrough, 'Container');
  if (typed && Object.keys(typed).length > 0) props.passThrough = typed;
  return { props, sidecar: json.restartPolicy === 'Always' };
}
