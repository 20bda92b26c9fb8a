import { Chart, type ChartProps } from 'cdk8s';
import type { Construct, IConstruct } from 'constructs';
import type { Profile } from './profile';

/** Props of a chart whose objects share one security profile. */
export interface PodwrightChartProps extends ChartProps {
  /** Profile of every Pod in the chart that does not set its own. @default 'restricted' */
  readonly profile?: Profile;
}

/** A cdk8s Chart that carries a security profile for the objects in it (podwright, cdk8s-plus or raw). */
export class PodwrightChart extends Chart {
  /** The profile objects in this chart are held to unless they set their own. */
  public readonly profile: Profile;

  constructor(scope: Construct, id: string, props: PodwrightChartProps = {}) {
    super(scope, id, props);
    this.profile = props.profile ?? 'restricted';
  }
}

/** The profile in force at `scope`: the nearest enclosing PodwrightChart's, else 'restricted'. */
export function profileOf(scope: IConstruct): Profile {
  for (let c: IConstruct | undefined = scope; c; c = c.node.scope) {
    // Chart's Symbol.hasInstance narrows to Chart, not to the subclass; the cast restores it.
    if (c instanceof PodwrightChart) return (c as PodwrightChart).profile;
  }
  return 'restricted';
}
