import { ApiObject, App, type AppProps } from 'cdk8s';
import type { IConstruct } from 'constructs';
import { profileOf } from './chart';
import { CHARTS, DEFAULT_CHARTS } from './charts';
import { PodwrightError, type Violation } from './errors';
import { Pod } from './pod';
import type { Profile } from './profile';
import { validateManifest } from './validation';

/** One synthesized object with the chart it belongs to. */
export interface SynthesizedObject {
  /** Id of the chart, which is also the manifest file's name. */
  readonly chart: string;
  /** The Kubernetes JSON object, exactly as written to the manifest. */
  readonly manifest: Record<string, any>;
}

/** The profile `object` is held to: a podwright Pod's own, else the nearest PodwrightChart's, else restricted. */
export function profileOfObject(object: IConstruct): Profile {
  return object instanceof Pod ? (object as Pod).profile : profileOf(object);
}

/**
 * A cdk8s App that refuses to synthesize what the API server or the Pod Security profile would reject: every
 * ApiObject in it (podwright, cdk8s-plus-28 or raw) is validated first, and every violation is reported together.
 */
export class PodwrightApp extends App {
  /** Every object of every chart, in synthesis order, validated. Throws PodwrightError listing every violation. */
  public objects(): SynthesizedObject[] {
    const out: SynthesizedObject[] = [];
    const violations: Violation[] = [];
    for (const chart of this.charts) {
      for (const manifest of Object.values(chart.toJson()) as Record<string, any>[]) {
        out.push({ chart: chart.node.id, manifest });
      }
    }
    for (const object of this.node.findAll()) {
      if (!ApiObject.isApiObject(object)) continue;
      violations.push(...validateManifest(object.toJson(), profileOfObject(object)));
    }
    if (violations.length > 0)
      throw new PodwrightError(violations, `${violations.length} problem(s): nothing synthesized`);
    return out;
  }

  /** Validates every object, then writes the manifests to `outdir` as cdk8s does. */
  public override synth(): void {
    this.objects();
    super.synth();
  }

  /** Validates every object, then returns all manifests as one YAML stream. */
  public override synthYaml(): string {
    this.objects();
    return super.synthYaml();
  }
}

/** Options of `buildApp`. */
export interface BuildAppOptions extends AppProps {
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
