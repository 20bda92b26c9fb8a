import type { ApiObjectMetadata } from 'cdk8s';
import type { Construct } from 'constructs';
import type { Json } from './json';
import { AbstractPod, hasBrand, type PodSpecProps } from './pod-template';
import { recordSource } from './source';

/** Everything that describes a Pod: its metadata and its spec. Every PodSpec field of Kubernetes 1.28 is a typed prop. */
export interface PodProps extends PodSpecProps {
  /** Name, labels, annotations, namespace. @default name = the construct id */
  readonly metadata?: ApiObjectMetadata;
}

const POD_BRAND = Symbol.for('podwright.Pod');

/**
 * A Kubernetes Pod: one or more containers placed together on one node, sharing IP, ports, hostname, IPC and
 * volumes. Its spec is a {@link PodTemplate}'s, the same every workload renders. Secure by default (`restricted`)
 * and still starts images that run as root.
 */
export class Pod extends AbstractPod {
  /**
   * ApiObject's own `Symbol.hasInstance` answers true for every ApiObject, so subclasses inherit a check that
   * cannot tell them apart; this one looks for Pod's brand.
   */
  static override [Symbol.hasInstance](x: unknown): x is Pod {
    return hasBrand(x, POD_BRAND);
  }

  constructor(scope: Construct, id: string, props: PodProps = {}) {
    const { metadata, ...spec } = props;
    super(
      scope,
      id,
      { apiVersion: 'v1', kind: 'Pod', metadata: { ...metadata, name: metadata?.name ?? id } },
      { spec, specPath: 'spec' },
    );
    Object.defineProperty(this, POD_BRAND, { value: true });
    recordSource(this, new.target);
  }

  protected specJson(): Json {
    return this.template.specJson();
  }
}
