import type { Violation } from '../../errors';
import type { Profile } from '../../profile';
import { checkAdmission } from '../admission';
import { validatePodApi } from '../api';
import { type Ctx, type Json, isObj } from '../api/context';
import { checkPodSecurity } from '../pss';

/** How the API server treats the Pod template of one workload kind, and the Pod its controller creates. */
export interface TemplateOptions {
  /** JSON path of the template: `spec.template`, `spec.jobTemplate.spec.template`, `template`. */
  readonly path: string;
  /** The template as found (undefined when missing). */
  readonly template: unknown;
  /**
   * Whether the server runs ValidatePodTemplateSpec on create. A 1.28 (and 1.33) StatefulSet checks only the
   * template's labels and annotations, so every other Pod rule is broken only when its controller creates Pods.
   */
  readonly serverChecksSpec: boolean;
  /** Whether a controller creates Pods from the template (a PodTemplate object creates none). */
  readonly createsPods: boolean;
  /** The name of a Pod the controller creates, when it is known in advance (a StatefulSet's `web-0`). */
  readonly podName?: string;
  /** Volumes the controller adds by name (a StatefulSet's volumeClaimTemplates), with the path each comes from. */
  readonly addedVolumes?: readonly { readonly volume: Json; readonly path: string }[];
}

// Pod rules ValidatePodCreate applies but ValidatePodTemplateSpec does not (1.28 validatePodMetadataAndSpec and
// ValidatePodCreate): the server takes a workload that breaks them and refuses each of its Pods.
const POD_ONLY_RULES = new Set(['container.image.whitespace', 'pod.nodeName.withSchedulingGates']);

// The template's metadata the server validates (ValidatePodTemplateSpec, and the StatefulSet's own check).
const TEMPLATE_META = ['labels', 'annotations'];

/**
 * Checks the Pod a controller would create from `opts.template` with every Pod rule (validatePodApi) and, for
 * kinds that create Pods, Pod Security at `profile`, reporting each problem at its path inside the workload.
 */
export function validateTemplate(ctx: Ctx, opts: TemplateOptions, profile: Profile): void {
  const tpl = opts.path;
  // A template, metadata or spec of the wrong JSON type is the schema walk's to report (validateWorkload).
  if (opts.template !== undefined && opts.template !== null && !isObj(opts.template)) return;
  const template = opts.template ?? {};
  const meta = template.metadata;
  if (meta !== undefined && meta !== null && !isObj(meta)) return;
  const spec = template.spec;
  if (spec !== undefined && spec !== null && !isObj(spec)) return;
  const { pod, volumePaths } = podOf(opts, meta ?? {}, spec ?? {});
  const kind = ctx.ref.kind;
  const podRule = (v: Violation): boolean =>
    !opts.serverChecksSpec ? v.rule !== 'type' && !isTemplateMeta(v.path) : POD_ONLY_RULES.has(v.rule);
  for (const v of validatePodApi(pod, ctx.ref, ctx.version)) {
    // The controller names the Pod; a name the server refuses is the workload's name, checked by its own rules.
    if (v.path === 'metadata.name' || v.path === 'metadata.generateName') continue;
    // The workload's own schema walk already reported these at their paths, for every kind (strict decoding
    // reads the whole object, even the StatefulSet template the server does not validate).
    if (v.rule === 'type' || v.rule === 'schema.unknownField') continue;
    if (v.rule === 'ephemeralContainer.onCreate' && opts.serverChecksSpec) {
      ctx.out.push({
        ...v,
        path: `${tpl}.spec.ephemeralContainers`,
        rule: 'template.ephemeralContainers',
        message: 'ephemeral containers not allowed in pod template',
      });
      continue;
    }
    const path = mapPath(v, tpl, volumePaths);
    if (!podRule(v)) {
      ctx.out.push({ ...v, path });
      continue;
    }
    // A PodTemplate makes no Pods: what only a Pod would break is no problem of it.
    if (!opts.createsPods) continue;
    ctx.out.push({
      ...v,
      path,
      message: `the server accepts the ${kind} but refuses every Pod it creates: ${v.message}`,
    });
  }
  if (opts.createsPods) {
    // Admission plugins look at Pods only: the workload passes, each Pod is refused.
    for (const v of checkAdmission(pod, ctx.ref, ctx.version)) {
      ctx.out.push({
        ...v,
        path: mapPath(v, tpl, volumePaths),
        message: `the server accepts the ${kind} but refuses every Pod it creates: ${v.message}`,
      });
    }
  }
  if (profile === 'privileged') return;
  for (const v of checkPodSecurity(pod, profile, ctx.ref, ctx.version)) {
    const path = mapPath(v, tpl, volumePaths);
    if (!opts.createsPods) {
      // Pod Security only warns on a PodTemplate, and no controller turns it into Pods.
      ctx.out.push({ ...v, path, severity: 'warning' });
      continue;
    }
    ctx.out.push({
      ...v,
      path,
      message: `Pod Security "${profile}" refuses every Pod this ${kind} creates (the server only warns on the ${kind} itself): ${v.message}`,
    });
  }
}

function isTemplateMeta(path: string): boolean {
  return TEMPLATE_META.some((f) => path === `metadata.${f}` || path.startsWith(`metadata.${f}[`));
}

/** The Pod the controller creates: the template's labels, annotations, finalizers and spec, plus added volumes. */
function podOf(
  opts: TemplateOptions,
  meta: Json,
  spec: Json,
): { pod: Json; volumePaths: Map<number, string> } {
  const metadata: Json = {};
  if (opts.podName) metadata.name = opts.podName;
  else metadata.generateName = 'pod-';
  for (const f of ['labels', 'annotations', 'finalizers']) if (meta[f] !== undefined) metadata[f] = meta[f];
  const volumePaths = new Map<number, string>();
  let podSpec = spec;
  const added = opts.addedVolumes ?? [];
  if (
    added.length > 0 &&
    (spec.volumes === undefined || spec.volumes === null || Array.isArray(spec.volumes))
  ) {
    // A claim replaces the template's volume of the same name in place; the others come last, so the
    // indexes of the template's own volumes stay the same.
    const volumes = [...((spec.volumes as unknown[] | undefined) ?? [])];
    for (const { volume, path } of added) {
      const at = volumes.findIndex((v) => isObj(v) && v.name === volume.name);
      const index = at >= 0 ? at : volumes.length;
      volumes[index] = volume;
      volumePaths.set(index, path);
    }
    podSpec = { ...spec, volumes };
  }
  return { pod: { apiVersion: 'v1', kind: 'Pod', metadata, spec: podSpec }, volumePaths };
}

const VOLUME_INDEX = /^spec\.volumes\[(\d+)\]/;

/**
 * A Pod path inside the workload. Label and annotation rules are reported at `<template>.labels` as
 * ValidatePodTemplateSpec does; type errors at the JSON field; volumes the controller added at their source.
 */
function mapPath(v: Violation, tpl: string, volumePaths: ReadonlyMap<number, string>): string {
  const path = v.path;
  if (path.startsWith('spec.')) {
    const m = VOLUME_INDEX.exec(path);
    const source = m ? volumePaths.get(Number(m[1])) : undefined;
    if (source) return source;
    return `${tpl}.${path}`;
  }
  if (path.startsWith('metadata.')) {
    if (v.rule !== 'type' && isTemplateMeta(path)) return `${tpl}.${path.slice('metadata.'.length)}`;
    return `${tpl}.${path}`;
  }
  return path ? `${tpl}.${path}` : tpl;
}
