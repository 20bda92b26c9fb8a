import { Chart, type ChartProps } from 'cdk8s';
import type { Construct, IConstruct } from 'constructs';
import type { Profile } from './profile';

/** Props of a chart whose objects share one security profile. */
export interface PodwrightChartProps extends ChartProps {
  /** Profile of every Pod in the chart that does not set its own. @default 'restricted' */
  readonly profile?: Profile;
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

  constructor(scope: Construct, id: string, props: PodwrightChartProps = {}) {
    super(scope, id, props);
    this.profile = props.profile ?? 'restricted';
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
