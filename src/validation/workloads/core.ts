// core/v1 ReplicationController and PodTemplate: ValidateReplicationController and ValidatePodTemplate (1.28).
import type { Profile } from '../../profile';
import { type Ctx, type Json, strMap } from '../api/context';
import { nonNegative, readOnlyDisks, requireRestartAlways, selectorMatches, templateLabels } from './common';
import { validateTemplate } from './template';

const TPL = 'spec.template';

/** ValidateReplicationController (1.28), after v1 defaulting copies the template's labels into the selector. */
export function validateReplicationController(ctx: Ctx, spec: Json, profile: Profile): void {
  nonNegative(ctx, spec.minReadySeconds, 'spec.minReadySeconds', 'rc.minReadySeconds', 'Use 0 or more.');
  const given = strMap(spec.selector);
  const hasTemplate = spec.template !== undefined && spec.template !== null;
  const labels = templateLabels(spec.template);
  const selector = given && Object.keys(given).length > 0 ? given : hasTemplate ? labels : {};
  if (Object.keys(selector).length === 0) {
    ctx.add(
      'spec.selector',
      given,
      'rc.selector.required',
      'Required value',
      'Give the template labels (the selector defaults to them) or set spec.selector, e.g. {app: web}.',
    );
  }
  const replicas = nonNegative(ctx, spec.replicas, 'spec.replicas', 'rc.replicas', 'Use 0 or more.') ?? 1;
  if (!hasTemplate) {
    ctx.add(
      TPL,
      undefined,
      'rc.template.required',
      'Required value',
      'Add a Pod template under spec.template.',
    );
    return;
  }
  if (Object.keys(selector).length > 0 && !selectorMatches({ matchLabels: selector }, labels)) {
    ctx.add(
      `${TPL}.metadata.labels`,
      labels,
      'workload.selector.mismatch',
      '`selector` does not match template `labels`',
      `Give the template every label of spec.selector.`,
    );
  }
  validateTemplate(
    ctx,
    { path: TPL, template: spec.template, serverChecksSpec: true, createsPods: true },
    profile,
  );
  if (replicas > 1) readOnlyDisks(ctx, TPL, spec.template);
  requireRestartAlways(
    ctx,
    TPL,
    spec.template,
    'activeDeadlineSeconds in ReplicationController is not Supported',
  );
}

/** ValidatePodTemplate: the template at `template`, checked as every workload's is; it creates no Pods itself. */
export function validatePodTemplate(ctx: Ctx, manifest: Json, profile: Profile): void {
  validateTemplate(
    ctx,
    { path: 'template', template: manifest.template, serverChecksSpec: true, createsPods: false },
    profile,
  );
}
