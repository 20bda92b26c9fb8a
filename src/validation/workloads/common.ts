import { atLeast } from '../../kube-version';
import { type Ctx, type Json, int32, isObj, supported } from '../api/context';
import { labelValue, qualifiedName } from '../api/formats';
import { validateLabelSelector } from '../api/scheduling';

/** ValidateNonnegativeField on an optional int32 field; returns the value read. */
export function nonNegative(
  ctx: Ctx,
  v: unknown,
  path: string,
  rule: string,
  fix: string,
): number | undefined {
  const n = int32(v);
  if (n !== undefined && n < 0) ctx.add(path, n, rule, 'must be greater than or equal to 0', fix);
  return n;
}

const SET_OPERATORS = new Set(['In', 'NotIn']);
const EXIST_OPERATORS = new Set(['Exists', 'DoesNotExist']);

/**
 * Whether metav1.LabelSelectorAsSelector fails on `sel` (it refuses what ValidateLabelSelector refuses): bad
 * keys or values, an unknown operator, In/NotIn without values, Exists/DoesNotExist with values.
 */
export function selectorInvalid(sel: Json): boolean {
  const labels = isObj(sel.matchLabels) ? sel.matchLabels : {};
  for (const k in labels) {
    const v = labels[k];
    if (qualifiedName(k) || (typeof v === 'string' && labelValue(v))) return true;
  }
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : [];
  for (const e of exprs) {
    if (!isObj(e)) continue;
    const key = typeof e.key === 'string' ? e.key : '';
    const op = typeof e.operator === 'string' ? e.operator : '';
    const values = Array.isArray(e.values) ? e.values : [];
    if (qualifiedName(key)) return true;
    if (SET_OPERATORS.has(op)) {
      if (values.length === 0) return true;
      if (values.some((x) => typeof x === 'string' && labelValue(x))) return true;
    } else if (EXIST_OPERATORS.has(op)) {
      if (values.length > 0) return true;
    } else return true;
  }
  return false;
}

/** Whether `sel` (a valid LabelSelector) selects `labels`; a missing selector selects nothing. */
export function selectorMatches(sel: Json | undefined, labels: Json): boolean {
  if (!sel) return false;
  const matchLabels = isObj(sel.matchLabels) ? sel.matchLabels : {};
  for (const k in matchLabels) if (labels[k] !== matchLabels[k]) return false;
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : [];
  for (const e of exprs) {
    if (!isObj(e)) continue;
    const key = e.key as string;
    const has = typeof labels[key] === 'string';
    const values = Array.isArray(e.values) ? e.values : [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(labels[key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Whether the selector has neither matchLabels nor matchExpressions (labels.Selector.Empty). */
export function selectorEmpty(sel: Json): boolean {
  const labels = isObj(sel.matchLabels) ? Object.keys(sel.matchLabels).length : 0;
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0;
  return labels + exprs === 0;
}

/** The template's labels as a map (anything else reads as none). */
export function templateLabels(template: unknown): Json {
  if (!isObj(template) || !isObj(template.metadata) || !isObj(template.metadata.labels)) return {};
  return template.metadata.labels;
}

/**
 * The apps/v1 selector rules of Deployment, ReplicaSet and StatefulSet: required, valid, not empty, and matching
 * the template's labels. Returns whether the selector parsed (the server checks the template only then).
 */
export function validateRequiredSelector(
  ctx: Ctx,
  spec: Json,
  tplPath: string,
  template: unknown,
  emptyMessage: string,
  invalidMessage: string,
): boolean {
  const kind = ctx.ref.kind;
  if (spec.selector === undefined || spec.selector === null) {
    ctx.add(
      'spec.selector',
      undefined,
      'workload.selector.required',
      'Required value',
      `Set spec.selector.matchLabels to the template's labels, e.g. {app: web}.`,
    );
    return false;
  }
  const sel = validateLabelSelector(ctx, spec.selector, 'spec.selector');
  if (!sel) return false;
  const empty = selectorEmpty(sel);
  if (empty) {
    ctx.add(
      'spec.selector',
      sel,
      'workload.selector.empty',
      emptyMessage,
      `Select the ${kind}'s Pods by their labels, e.g. matchLabels: {app: web}.`,
    );
  }
  if (selectorInvalid(sel)) {
    ctx.add('spec.selector', sel, 'workload.selector.invalid', invalidMessage, 'Fix the selector above.');
    return false;
  }
  if (!empty) checkSelectorMatches(ctx, sel, tplPath, template);
  return true;
}

/** The selector must select the Pods the template makes: "`selector` does not match template `labels`". */
export function checkSelectorMatches(
  ctx: Ctx,
  sel: Json | undefined,
  tplPath: string,
  template: unknown,
): void {
  const labels = templateLabels(template);
  if (selectorMatches(sel, labels)) return;
  ctx.add(
    `${tplPath}.metadata.labels`,
    labels,
    'workload.selector.mismatch',
    '`selector` does not match template `labels`',
    `Give the template every label the selector asks for, e.g. copy spec.selector.matchLabels into ${tplPath}.metadata.labels.`,
  );
}

/** The template's spec as an object (anything else reads as empty; validateTemplate reports the type). */
export function templateSpec(template: unknown): Json {
  return isObj(template) && isObj(template.spec) ? template.spec : {};
}

/** A template whose Pods must restart Always (Deployment, ReplicaSet, DaemonSet, StatefulSet, RC). */
export function requireRestartAlways(ctx: Ctx, tplPath: string, template: unknown, noDeadline: string): void {
  const spec = templateSpec(template);
  const policy = typeof spec.restartPolicy === 'string' ? spec.restartPolicy : '';
  // SetDefaults_PodSpec sets Always when it is missing.
  if (policy !== '' && policy !== 'Always') {
    ctx.add(
      `${tplPath}.spec.restartPolicy`,
      policy,
      'workload.restartPolicy',
      supported(['Always']),
      `Remove restartPolicy: a ${ctx.ref.kind}'s Pods always restart (use a Job for run-to-completion Pods).`,
    );
  }
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    ctx.add(
      `${tplPath}.spec.activeDeadlineSeconds`,
      spec.activeDeadlineSeconds,
      'workload.activeDeadlineSeconds',
      noDeadline,
      `Remove activeDeadlineSeconds from the template: a ${ctx.ref.kind}'s Pods run until replaced.`,
    );
  }
}

/**
 * ValidateReadOnlyPersistentDisks: a GCE persistent disk shared by several Pods must be read-only. Applies to
 * DaemonSets always and to ReplicaSets, Deployments and ReplicationControllers with more than one replica.
 */
export function readOnlyDisks(ctx: Ctx, tplPath: string, template: unknown): void {
  // Gone by 1.33 (SkipReadOnlyValidationGCE): v1.33.3 accepts a writable GCE PD in a DaemonSet and a ReplicaSet.
  if (atLeast(ctx.version, '1.33')) return;
  const volumes = templateSpec(template).volumes;
  if (!Array.isArray(volumes)) return;
  volumes.forEach((v, i) => {
    if (!isObj(v) || !isObj(v.gcePersistentDisk)) return;
    if (v.gcePersistentDisk.readOnly === true) return;
    ctx.add(
      `${tplPath}.spec.volumes[${i}].gcePersistentDisk.readOnly`,
      v.gcePersistentDisk.readOnly ?? false,
      'workload.gcePersistentDisk.readOnly',
      'must be true for replicated pods > 1; GCE PD can only be mounted on multiple machines if it is read-only',
      'Set readOnly: true, or run one replica.',
    );
  });
}

/**
 * An IntOrString field (maxSurge, maxUnavailable): an int32 or a string. Returns the value as
 * getIntOrPercentValue reads it and whether it is a percentage.
 */
export function intOrPercent(
  ctx: Ctx,
  v: unknown,
  path: string,
  rule: string,
): { value: number; percent: boolean } | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') {
    const n = int32(v);
    if (n === undefined) return undefined;
    if (n < 0)
      ctx.add(
        path,
        n,
        `${rule}.nonNegative`,
        'must be greater than or equal to 0',
        'Use 0 or more, or "25%".',
      );
    return { value: n, percent: false };
  }
  // Neither an int32 nor a string: the schema walk reports it.
  if (typeof v !== 'string') return undefined;
  const percent = /^[0-9]+%$/.test(v);
  if (!percent) {
    ctx.add(
      path,
      v,
      `${rule}.percent`,
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      'Use a number like 1 or a percentage like "25%".',
    );
  }
  // getIntOrPercentValue: a valid percentage reads as its number, any other text as strconv.Atoi reads it
  // (0 when that fails).
  const digits = percent ? v.slice(0, -1) : v;
  const value = /^[+-]?[0-9]{1,18}$/.test(digits) ? Number(digits) : 0;
  return { value, percent };
}

/** IsNotMoreThan100Percent. */
export function notOver100(
  ctx: Ctx,
  got: { value: number; percent: boolean } | undefined,
  raw: unknown,
  path: string,
  rule: string,
): void {
  if (!got || !got.percent || got.value <= 100) return;
  ctx.add(path, raw, `${rule}.max`, 'must not be greater than 100%', 'Use a percentage of at most "100%".');
}
