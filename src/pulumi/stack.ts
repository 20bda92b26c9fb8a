import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { PodwrightApp, SynthesizedObject } from '../app';
import { formatViolation } from '../errors';

/** Arguments of a PodwrightStack. */
export interface PodwrightStackArgs {
  /** The app to deploy: the same App that `cdk8s synth` writes to dist/. */
  readonly app: PodwrightApp;
  /** kubeconfig context to deploy to. @default the kubeconfig's current context */
  readonly context?: string;
  /** Namespace for objects that set none. @default the context's namespace, usually 'default' */
  readonly namespace?: string;
}

type ResourceClass = new (
  name: string,
  args: any,
  opts?: pulumi.CustomResourceOptions,
) => pulumi.CustomResource;

/** Typed @pulumi/kubernetes resources by `apiVersion/kind`; any other kind is registered generically. */
const TYPED: Readonly<Record<string, ResourceClass>> = {
  'v1/Pod': k8s.core.v1.Pod,
  'v1/ConfigMap': k8s.core.v1.ConfigMap,
  'v1/Secret': k8s.core.v1.Secret,
  'v1/Service': k8s.core.v1.Service,
  'v1/ServiceAccount': k8s.core.v1.ServiceAccount,
  'v1/PersistentVolumeClaim': k8s.core.v1.PersistentVolumeClaim,
  'v1/Namespace': k8s.core.v1.Namespace,
  'apps/v1/Deployment': k8s.apps.v1.Deployment,
  'apps/v1/StatefulSet': k8s.apps.v1.StatefulSet,
  'apps/v1/DaemonSet': k8s.apps.v1.DaemonSet,
  'apps/v1/ReplicaSet': k8s.apps.v1.ReplicaSet,
  'batch/v1/Job': k8s.batch.v1.Job,
  'batch/v1/CronJob': k8s.batch.v1.CronJob,
};

/** Kinds that create Pods from a template: reported in the stack's `workloads` output. */
const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
]);

/** The Pulumi resource name of a synthesized object: unique per chart, namespace, kind and name. */
export function resourceName({ chart, manifest }: SynthesizedObject): string {
  const { namespace, name } = manifest.metadata ?? {};
  const kind = manifest.kind === 'Pod' ? '' : `${String(manifest.kind).toLowerCase()}-`;
  return [chart, namespace, `${kind}${name}`].filter(Boolean).join('-');
}

/**
 * Every object of a podwright App as its typed @pulumi/kubernetes resource, grouped under one component.
 * The App is validated before anything is registered, so an invalid Pod never leads to a partial deploy.
 */
export class PodwrightStack extends pulumi.ComponentResource {
  /** Names of the Pods deployed. */
  public readonly podNames: pulumi.Output<string[]>;
  /** The workloads deployed, as `Kind/name` (`Deployment/web`, `CronJob/report`), in registration order. */
  public readonly workloads: pulumi.Output<string[]>;
  /** Namespace objects without their own namespace go to. */
  public readonly namespace: pulumi.Output<string>;

  constructor(name: string, args: PodwrightStackArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validate first: this throws PodwrightError listing every problem before any resource exists.
    const { objects, warnings } = args.app.synthesize();
    super('podwright:index:Stack', name, {}, opts);
    // What the API server accepts with a warning is deployed, and said.
    for (const warning of warnings) void pulumi.log.warn(formatViolation(warning), this);
    const provider =
      args.context !== undefined || args.namespace !== undefined
        ? new k8s.Provider(
            `${name}-provider`,
            { context: args.context, namespace: args.namespace },
            { parent: this },
          )
        : undefined;
    const pods: pulumi.Output<string>[] = [];
    const workloads: pulumi.Output<string>[] = [];
    for (const object of objects) {
      const { manifest } = object;
      const typed = TYPED[`${manifest.apiVersion}/${manifest.kind}`];
      const options = { parent: this, provider };
      const resourceArgs = manifest as Record<string, any>;
      const resource = typed
        ? new typed(resourceName(object), resourceArgs, options)
        : new k8s.apiextensions.CustomResource(resourceName(object), resourceArgs as any, options);
      if (manifest.kind === 'Pod') {
        pods.push((resource as k8s.core.v1.Pod).metadata.name);
      } else if (WORKLOAD_KINDS.has(manifest.kind)) {
        const { metadata } = resource as k8s.apps.v1.Deployment;
        workloads.push(metadata.name.apply((n) => `${manifest.kind}/${n}`));
      }
    }
    this.podNames = pulumi.all(pods);
    this.workloads = pulumi.all(workloads);
    this.namespace = pulumi.output(args.namespace ?? 'default');
    this.registerOutputs({ podNames: this.podNames, workloads: this.workloads, namespace: this.namespace });
  }
}
