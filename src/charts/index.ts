import type { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { AgentDaemonSet } from './agent-daemonset';
import { HardenedWeb } from './hardened-web';
import { HelloCronJob } from './hello-cronjob';
import { HelloWorld } from './hello-world';
import { HttpProbes } from './http-probes';
import { InitVolume } from './init-volume';
import { PiJob } from './pi-job';
import { QosClasses } from './qos-classes';
import { SharedProcessNamespace } from './shared-process-namespace';
import { SharedVolume } from './shared-volume';
import { SidecarLogs } from './sidecar-logs';
import { StoreStatefulSet } from './store-statefulset';
import { WebDeployment } from './web-deployment';

/** Every chart of the app by name; the name is also the chart id and the manifest file name in `dist/`. */
export const CHARTS: Readonly<Record<string, (scope: Construct) => Chart>> = {
  'hello-world': (scope) => new HelloWorld(scope, 'hello-world'),
  'shared-volume': (scope) => new SharedVolume(scope, 'shared-volume'),
  'sidecar-logs': (scope) => new SidecarLogs(scope, 'sidecar-logs'),
  'init-volume': (scope) => new InitVolume(scope, 'init-volume'),
  'http-probes': (scope) => new HttpProbes(scope, 'http-probes'),
  'qos-classes': (scope) => new QosClasses(scope, 'qos-classes'),
  'shared-process-namespace': (scope) => new SharedProcessNamespace(scope, 'shared-process-namespace'),
  'web-deployment': (scope) => new WebDeployment(scope, 'web-deployment'),
  'store-statefulset': (scope) => new StoreStatefulSet(scope, 'store-statefulset'),
  'agent-daemonset': (scope) => new AgentDaemonSet(scope, 'agent-daemonset'),
  'pi-job': (scope) => new PiJob(scope, 'pi-job'),
  'hello-cronjob': (scope) => new HelloCronJob(scope, 'hello-cronjob'),
  'hardened-web': (scope) => new HardenedWeb(scope, 'hardened-web'),
};

/** The charts the Pulumi stack deploys when its config names none. */
export const DEFAULT_CHARTS: readonly string[] = ['hello-world'];

export { AgentDaemonSet } from './agent-daemonset';
export { HardenedWeb, HARDENED_WEB_DRAIN_SECONDS, HARDENED_WEB_PORT } from './hardened-web';
export { HelloCronJob } from './hello-cronjob';
export { HelloWorld } from './hello-world';
export { HttpProbes, HTTP_PROBES_PORT } from './http-probes';
export { InitVolume, INIT_VOLUME_PORT } from './init-volume';
export { PiJob } from './pi-job';
export { QosClasses } from './qos-classes';
export { SharedProcessNamespace } from './shared-process-namespace';
export { SharedVolume, SHARED_VOLUME_PORT } from './shared-volume';
export { SidecarLogs } from './sidecar-logs';
export { StoreStatefulSet } from './store-statefulset';
export { WebDeployment, WEB_DEPLOYMENT_PORT } from './web-deployment';
