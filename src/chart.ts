import { Chart, type ChartProps } from 'cdk8s';
import type { Construct, IConstruct } from 'constructs';
import { DEFAULT_KUBE_VERSION, parseKubeVersion, type KubeVersion } from './kube-version';
import type { Profile } from './profile';

/** Props of a chart whose objects share one security profile. */
export interface PodwrightChartProps extends ChartProps {
  /** Profile of every Pod in the chart that does not set its own. @default 'restricted' */
  readonly profile?: Profile;
  /**
   * Kubernetes version the chart's objects are validated for (API-server rules and Pod Security policy version).
   * @default the PodwrightApp's `kubeVersion`, else '1.28'
   */
  readonly kubeVersion?: KubeVersion;
}

const CHART_BRAND = Symbol.for('podwright.PodwrightChart');

/** A cdk8s Chart that carries a security profile for the objects in it (podwright, cdk8s-plus or raw). */
export class PodwrightChart extends Chart {
  /**
   * Chart's own `Symbol.hasInstance` answers true for every cdk8s Chart, so subclasses inherit a check that
   * cannot tell them apart; this one looks for PodwrightChart's brand.
   */
  static override [Symbol.hasInstance](x: unknown): x is PodwrightChart {
    return typeof x === 'object' && x !== null && CHART_BRAND in x;
  }

  /** The profile objects in this chart are held to unless they set their own. */
  public readonly profile: Profile;
  /** The version this chart chose, if any; `kubeVersionOf` falls back to the app's. */
  public readonly kubeVersion?: KubeVersion;

  constructor(scope: Construct, id: string, props: PodwrightChartProps = {}) {
    super(scope, id, props);
    this.profile = props.profile ?? 'restricted';
    // Checked here too: JavaScript callers and config files are not held to the type.
    this.kubeVersion = props.kubeVersion === undefined ? undefined : parseKubeVersion(props.kubeVersion);
    Object.defineProperty(this, CHART_BRAND, { value: true });
  }
}

/** The profile in force at `scope`: the nearest enclosing PodwrightChart's, else 'restricted'. */
export function profileOf(scope: IConstruct): Profile {
  for (let c: IConstruct | undefined = scope; c; c = c.node.scope) {
    if (c instanceof PodwrightChart) return c.profile;
  }
  return 'restricted';
}

const VERSION_BRAND = Symbol.for('podwright.kubeVersion');

/** Marks `scope` (a PodwrightApp) as the carrier of `version` for every chart in it that sets none. */
export function brandKubeVersion(scope: IConstruct, version: KubeVersion): void {
  Object.defineProperty(scope, VERSION_BRAND, { value: version });
}

/**
 * The Kubernetes version in force at `scope`: the nearest enclosing PodwrightChart that sets one, else the
 * PodwrightApp's, else '1.28'.
 */
export function kubeVersionOf(scope: IConstruct): KubeVersion {
  for (let c: IConstruct | undefined = scope; c; c = c.node.scope) {
    if (c instanceof PodwrightChart && c.kubeVersion !== undefined) return c.kubeVersion;
    const branded = (c as unknown as Record<symbol, KubeVersion | undefined>)[VERSION_BRAND];
    if (branded !== undefined) return branded;
  }
  return DEFAULT_KUBE_VERSION;
}
