// The Pulumi program (Pulumi.yaml runs it through index.js): the same App `cdk8s synth` writes to dist/, deployed.
import * as pulumi from '@pulumi/pulumi';
import { buildApp } from '../app';
import { DEFAULT_CHARTS } from '../charts';
import type { KubeVersion } from '../kube-version';
import { PodwrightStack } from './stack';

const config = new pulumi.Config('podwright');

const stack = new PodwrightStack('podwright', {
  app: buildApp({
    charts: config.getObject<string[]>('charts') ?? DEFAULT_CHARTS,
    // buildApp checks it and lists the supported versions when it is not one.
    kubeVersion: config.get('kubeVersion') as KubeVersion | undefined,
  }),
  context: config.get('context'),
  namespace: config.get('namespace'),
});

/** Names of the Pods this stack deployed. */
export const podNames = stack.podNames;
/** The workloads this stack deployed, as `Kind/name`. */
export const workloads = stack.workloads;
/** Namespace of the objects that set none. */
export const namespace = stack.namespace;
