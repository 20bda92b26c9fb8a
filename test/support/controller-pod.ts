// The Pod a workload's controller creates from its template, built here from the controllers' documented behaviour
// (independently of src/validation): the template's labels, annotations and spec, plus what each controller adds
// (a StatefulSet's name, hostname, subdomain and claim volumes; a Job's labels and an Indexed Pod's hostname).
import { isPlainObject } from '../../src/json';

type Obj = Record<string, unknown>;

/** The Pod of `workload` and the path of its template, or undefined for PodTemplates and other objects. */
export interface ControllerPod {
  readonly pod: Obj;
  /** `spec.template` or `spec.jobTemplate.spec.template`. */
  readonly templatePath: string;
  /** Pod paths the controller filled from workload fields, mapped to those fields. */
  readonly fromWorkload: Readonly<Record<string, string>>;
}

const obj = (v: unknown): Obj => (isPlainObject(v) ? v : {});
const JOB_UID = '00000000-0000-4000-8000-000000000000';

function jobLabels(name: string, labels: Obj): Obj {
  return {
    ...labels,
    'batch.kubernetes.io/controller-uid': labels['batch.kubernetes.io/controller-uid'] ?? JOB_UID,
    'batch.kubernetes.io/job-name': labels['batch.kubernetes.io/job-name'] ?? name,
    'controller-uid': labels['controller-uid'] ?? JOB_UID,
    'job-name': labels['job-name'] ?? name,
  };
}

/** Builds the Pod a controller creates from `workload`; undefined when it creates none or has no usable template. */
export function controllerPod(workload: unknown): ControllerPod | undefined {
  if (!isPlainObject(workload)) return undefined;
  const kind = `${String(workload.apiVersion)} ${String(workload.kind)}`;
  const meta = obj(workload.metadata);
  const name = typeof meta.name === 'string' ? meta.name : 'x';
  const spec = obj(workload.spec);
  let templatePath = 'spec.template';
  let template: unknown = spec.template;
  if (kind === 'batch/v1 CronJob') {
    templatePath = 'spec.jobTemplate.spec.template';
    template = obj(obj(spec.jobTemplate).spec).template;
  }
  const known = [
    'apps/v1 Deployment',
    'apps/v1 ReplicaSet',
    'apps/v1 DaemonSet',
    'apps/v1 StatefulSet',
    'batch/v1 Job',
    'batch/v1 CronJob',
    'v1 ReplicationController',
  ];
  if (!known.includes(kind) || !isPlainObject(template)) return undefined;
  const tmeta = obj(template.metadata);
  const podSpec: Obj = { ...obj(template.spec) };
  let labels: Obj = { ...obj(tmeta.labels) };
  const metadata: Obj = { generateName: `${name}-` };
  const fromWorkload: Record<string, string> = {};
  if (kind === 'apps/v1 StatefulSet') {
    const start = Number(obj(spec.ordinals).start ?? 0);
    const podName = `${name}-${Number.isInteger(start) ? start : 0}`;
    delete metadata.generateName;
    metadata.name = podName;
    labels['statefulset.kubernetes.io/pod-name'] = podName;
    podSpec.hostname = podName;
    fromWorkload['spec.hostname'] = 'metadata.name';
    fromWorkload['metadata.name'] = 'metadata.name';
    if (typeof spec.serviceName === 'string' && spec.serviceName !== '') {
      podSpec.subdomain = spec.serviceName;
      fromWorkload['spec.subdomain'] = 'spec.serviceName';
    }
    const claims = Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : [];
    if (claims.length > 0) {
      // The controller keys the claims by name and puts them before the template's own volumes, dropping a
      // template volume of the same name; here the template's volumes keep their indexes (a claim replaces its
      // namesake in place, the others come last), so that a template path names the same volume in the Pod.
      const volumes = [...(Array.isArray(podSpec.volumes) ? podSpec.volumes : [])];
      const seen = new Set<unknown>();
      claims.forEach((c, i) => {
        const claimName = obj(obj(c).metadata).name;
        if (seen.has(claimName)) return;
        seen.add(claimName);
        const volume = {
          name: claimName,
          persistentVolumeClaim: { claimName: `${String(claimName)}-${podName}` },
        };
        const at = volumes.findIndex((v) => obj(v).name === claimName);
        const index = at >= 0 ? at : volumes.length;
        volumes[index] = volume;
        fromWorkload[`spec.volumes[${index}]`] = `spec.volumeClaimTemplates[${i}].metadata.name`;
      });
      podSpec.volumes = volumes;
    }
  } else if (kind === 'batch/v1 Job' || kind === 'batch/v1 CronJob') {
    const jobName = kind === 'batch/v1 CronJob' ? `${name}-29000000` : name;
    const jobSpec = kind === 'batch/v1 CronJob' ? obj(obj(spec.jobTemplate).spec) : spec;
    if (jobSpec.manualSelector !== true) labels = jobLabels(jobName, labels);
    if (jobSpec.completionMode === 'Indexed') {
      metadata.annotations = { 'batch.kubernetes.io/job-completion-index': '0' };
      labels['batch.kubernetes.io/job-completion-index'] = '0';
      if (podSpec.hostname === undefined) podSpec.hostname = `${jobName}-0`;
    }
    metadata.generateName = `${jobName}-`;
  }
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  if (tmeta.annotations !== undefined) {
    metadata.annotations = { ...obj(tmeta.annotations), ...obj(metadata.annotations) };
  }
  if (tmeta.finalizers !== undefined) metadata.finalizers = tmeta.finalizers;
  return { pod: { apiVersion: 'v1', kind: 'Pod', metadata, spec: podSpec }, templatePath, fromWorkload };
}

/**
 * A workload path as a path of its Pod (the inverse of where podwright reports template problems): the
 * template's `labels`/`annotations` and `metadata.*` become the Pod's metadata, `spec.*` the Pod's spec, and the
 * fields the controller copied from the workload become the Pod fields they fill.
 */
export function podPathOf(path: string, cp: ControllerPod): string {
  for (const [podPath, workloadPath] of Object.entries(cp.fromWorkload)) {
    if (path === workloadPath) return podPath;
  }
  const tpl = cp.templatePath;
  if (path === tpl) return '';
  if (!path.startsWith(`${tpl}.`)) return path;
  const rest = path.slice(tpl.length + 1);
  if (rest.startsWith('labels') || rest.startsWith('annotations')) return `metadata.${rest}`;
  return rest;
}
