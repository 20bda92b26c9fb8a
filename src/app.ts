import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiObject, App, Chart, DependencyGraph, Names, YamlOutputType, type AppProps } from 'cdk8s';
import type { IConstruct } from 'constructs';
import { brandKubeVersion, kubeVersionOf, profileOf } from './chart';
import { CHARTS, DEFAULT_CHARTS } from './charts';
import { formatViolation, isError, PodwrightError, type Violation } from './errors';
import { AbstractPod } from './pod-template';
import { DEFAULT_KUBE_VERSION, parseKubeVersion, type KubeVersion } from './kube-version';
import type { Profile } from './profile';
import { sourceOf } from './source';
import { validateManifest } from './validation';
import { stringifyManifests } from './yaml';

/** One synthesized object with the chart it belongs to. */
export interface SynthesizedObject {
  /** Id of the chart, which is also the manifest file's name. */
  readonly chart: string;
  /** The Kubernetes JSON object, exactly as written to the manifest. */
  readonly manifest: Record<string, any>;
}

/** The profile `object` is held to: a podwright Pod's or workload's own, else the nearest PodwrightChart's, else restricted. */
export function profileOfObject(object: IConstruct): Profile {
  return object instanceof AbstractPod ? object.profile : profileOf(object);
}

/** What `PodwrightApp.synthesize()` found: every object, in the order and files cdk8s would write them. */
export interface Synthesis {
  /** Every object, chart by chart, in dependency order. */
  readonly objects: readonly SynthesizedObject[];
  /** Whether charts depend on each other, in which case cdk8s prefixes file names with an index. */
  readonly hasDependantCharts: boolean;
  /** What the API server accepts with a warning: reported, never a reason to stop. */
  readonly warnings: readonly Violation[];
}

/** Props of a PodwrightApp. */
export interface PodwrightAppProps extends AppProps {
  /**
   * Kubernetes version of the cluster the app deploys to: API-server rules and the Pod Security policy version
   * follow it. A PodwrightChart can set its own.
   * @default '1.28'
   */
  readonly kubeVersion?: KubeVersion;

  /**
   * Where `synth()` and `synthYaml()` report warnings (objects the API server accepts with a warning).
   * @default one text block on standard error
   */
  readonly onWarnings?: (warnings: readonly Violation[]) => void;
}

/** Warnings as podwright prints them: a heading, then one line per warning. */
export function formatWarnings(warnings: readonly Violation[]): string {
  const lines = warnings.map((w) => `  - ${formatViolation(w)}`);
  return `podwright: ${warnings.length} warning(s), the API server accepts these objects:\n${lines.join('\n')}\n`;
}

const stderrWarnings = (warnings: readonly Violation[]): void => {
  process.stderr.write(formatWarnings(warnings));
};

/**
 * A cdk8s App that refuses to synthesize what the API server or the Pod Security profile would reject: every
 * ApiObject in it (podwright, cdk8s-plus-28 or raw) is validated first, and every violation is reported together.
 *
 * It renders each object once. cdk8s's own `synth()` calls `chart.toJson()` per chart, and each of those resolves
 * and validates the whole App again, so time grows with charts x objects; here it grows with objects.
 */
export class PodwrightApp extends App {
  /** Kubernetes version objects are validated for, unless their PodwrightChart sets its own. */
  public readonly kubeVersion: KubeVersion;

  // App keeps its own copy private; cdk8s-cli asks for construct metadata through the environment.
  private readonly recordMetadata: boolean;
  private readonly onWarnings: (warnings: readonly Violation[]) => void;

  constructor(props: PodwrightAppProps = {}) {
    super(props);
    this.onWarnings = props.onWarnings ?? stderrWarnings;
    // Checked here too: the Pulumi config and JavaScript callers are not held to the type.
    this.kubeVersion = parseKubeVersion(props.kubeVersion ?? DEFAULT_KUBE_VERSION);
    brandKubeVersion(this, this.kubeVersion);
    this.recordMetadata =
      props.recordConstructMetadata ?? process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true';
  }

  /**
   * Validates every object and renders it once. Throws PodwrightError listing every violation when any is an
   * error; warnings alone are returned with the objects.
   */
  public synthesize(): Synthesis {
    const all = this.node.findAll();
    const hasDependantCharts = resolveDependencies(all);
    const violations: Violation[] = [];
    for (const construct of all) {
      for (const message of construct.node.validate()) {
        violations.push(
          withSource(construct, {
            object: { kind: 'Construct', name: construct.node.path },
            path: '',
            value: undefined,
            rule: 'cdk8s.validation',
            message,
            fix: 'See the construct that reported it.',
          }),
        );
      }
    }
    const objects: SynthesizedObject[] = [];
    for (const chart of this.charts) {
      for (const object of apiObjectsOf(chart)) {
        const manifest = object.toJson();
        const found = validateManifest(manifest, profileOfObject(object), undefined, kubeVersionOf(object));
        if (found.length > 0) {
          const source = sourceOf(object);
          violations.push(...(source ? found.map((v) => ({ ...v, source })) : found));
        }
        objects.push({ chart: chart.node.id, manifest });
      }
    }
    const errors = violations.filter(isError).length;
    if (errors > 0) {
      const warned = violations.length > errors ? ` and ${violations.length - errors} warning(s)` : '';
      throw new PodwrightError(violations, `${errors} problem(s)${warned} found, nothing synthesized`);
    }
    return { objects, hasDependantCharts, warnings: violations };
  }

  /** Every object of every chart, in synthesis order, validated. Throws PodwrightError listing every violation. */
  public objects(): SynthesizedObject[] {
    return [...this.synthesize().objects];
  }

  /** Validates every object, then writes the manifests to `outdir` with cdk8s's file layout. */
  public override synth(): void {
    const { objects, hasDependantCharts, warnings } = this.synthesize();
    if (warnings.length > 0) this.onWarnings(warnings);
    const perChart = this.yamlOutputType === YamlOutputType.FILE_PER_CHART;
    if ((!perChart && this.yamlOutputType !== YamlOutputType.FILE_PER_APP) || this.recordMetadata) {
      // Layouts podwright does not render itself: cdk8s writes them, after the validation above.
      super.synth();
      return;
    }
    fs.mkdirSync(this.outdir, { recursive: true });
    if (!perChart) {
      if (objects.length > 0) this.write('app', objects);
      return;
    }
    let index = 0;
    for (const chart of this.charts) {
      const name = Names.toDnsLabel(chart);
      const file = hasDependantCharts ? `${String(index++).padStart(4, '0')}-${name}` : name;
      this.write(
        file,
        objects.filter((o) => o.chart === chart.node.id),
      );
    }
  }

  /** Validates every object, then returns all manifests as one YAML stream. */
  public override synthYaml(): string {
    const { objects, warnings } = this.synthesize();
    if (warnings.length > 0) this.onWarnings(warnings);
    return stringifyManifests(objects.map((o) => o.manifest));
  }

  private write(file: string, objects: readonly SynthesizedObject[]): void {
    const text = stringifyManifests(objects.map((o) => o.manifest));
    fs.writeFileSync(path.join(this.outdir, `${file}${this.outputFileExtension}`), text, 'utf8');
  }
}

/** `violation` with the line of user code that created `construct`, when one was recorded. */
function withSource(construct: IConstruct, violation: Violation): Violation {
  const source = sourceOf(construct);
  return source ? { ...violation, source } : violation;
}

/**
 * Turns implicit construct dependencies into chart and object dependencies, as cdk8s does before it synthesizes
 * (its `resolveDependencies`, which is not exported). Returns whether any chart depends on another.
 */
function resolveDependencies(all: readonly IConstruct[]): boolean {
  let hasDependantCharts = false;
  for (const parent of all) {
    if (!(parent instanceof Chart)) continue;
    for (const child of parent.node.children) {
      if (child instanceof Chart) {
        parent.node.addDependency(child);
        hasDependantCharts = true;
      }
    }
  }
  for (const source of all) {
    for (const target of source.node.dependencies) {
      const sourceChart = Chart.of(source);
      const targetChart = Chart.of(target);
      if (sourceChart !== targetChart) {
        sourceChart.node.addDependency(targetChart);
        hasDependantCharts = true;
      }
      const targets = target.node
        .findAll()
        .filter((c) => c instanceof ApiObject && Chart.of(c) === targetChart);
      const sources = source.node
        .findAll()
        .filter((c) => c instanceof ApiObject && Chart.of(c) === sourceChart);
      for (const t of targets) for (const s of sources) if (t !== s) s.node.addDependency(t);
    }
  }
  return hasDependantCharts;
}

/** The ApiObjects of `chart` (not of charts nested in it), in dependency order, as cdk8s orders them. */
function apiObjectsOf(chart: Chart): ApiObject[] {
  return new DependencyGraph(chart.node)
    .topology()
    .filter((c): c is ApiObject => c instanceof ApiObject && Chart.of(c) === chart);
}

/** Options of `buildApp`. */
export interface BuildAppOptions extends PodwrightAppProps {
  /** Charts to include, by name (see `CHARTS`). @default every chart */
  readonly charts?: readonly string[];
}

/**
 * Builds the podwright App: the one source of truth that `cdk8s synth` writes to `dist/` and the Pulumi program
 * deploys.
 */
export function buildApp(options: BuildAppOptions = {}): PodwrightApp {
  const { charts = Object.keys(CHARTS), ...appProps } = options;
  const unknown = charts.filter((name) => !(name in CHARTS));
  if (unknown.length > 0) {
    throw new PodwrightError(
      unknown.map((name) => ({
        object: { kind: 'App', name: 'podwright' },
        path: 'charts',
        value: name,
        rule: 'app.chart.unknown',
        message: 'is not a chart of this app',
        fix: `Use one of: ${Object.keys(CHARTS).join(', ')} (default: ${DEFAULT_CHARTS.join(', ')}).`,
      })),
    );
  }
  const app = new PodwrightApp(appProps);
  for (const name of charts) CHARTS[name](app);
  return app;
}
