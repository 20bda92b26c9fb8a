import type { Ctx, Json } from './context';
import * as contextModule from './context';
import * as formatsModule from './formats';
import * as metaModule from './meta';

// Functions of sibling modules are bound once here: run through tsx (CommonJS), every `import { f }` call
// otherwise goes through an export getter, which cost a fifth of validation time (docs/performance.md).
const { arr, int32, int64, obj, optStr, str, strList, supported, item } = contextModule;
const { dns1123Label, dns1123Subdomain, labelValue, qualifiedName } = formatsModule;
const { validateLabelName, validateLabels } = metaModule;

const TAINT_EFFECTS = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];
const NODE_OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']);
const SCHEDULE_ACTIONS = ['DoNotSchedule', 'ScheduleAnyway'];
const INCLUSION_POLICIES = ['Honor', 'Ignore'];
const PREEMPTION_POLICIES = ['Never', 'PreemptLowerPriority'];

/** ValidateTolerations (1.28). */
export function validateTolerations(ctx: Ctx, v: unknown): void {
  const list = arr(v);
  if (!list) return;
  for (let i = 0; i < list.length; i++) {
    const p = `spec.tolerations[${i}]`;
    const t = item(list[i]);
    if (!t) continue;
    const key = str(t.key);
    const operator = str(t.operator);
    const value = str(t.value);
    const effect = str(t.effect);
    const seconds = int64(t.tolerationSeconds);
    if (key) validateLabelName(ctx, key, `${p}.key`, 'toleration.key.qualifiedName');
    if (!key && operator !== 'Exists') {
      ctx.add(
        `${p}.operator`,
        operator,
        'toleration.operator.existsWithoutKey',
        'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        'Set operator: Exists, or give a key.',
      );
    }
    if (seconds !== undefined && effect !== 'NoExecute') {
      ctx.add(
        `${p}.effect`,
        effect,
        'toleration.tolerationSeconds.noExecute',
        "effect must be 'NoExecute' when `tolerationSeconds` is set",
        'Set effect: NoExecute or remove tolerationSeconds.',
      );
    }
    if (operator === 'Equal' || operator === '') {
      const msg = labelValue(value);
      if (msg)
        ctx.add(
          `${p}.operator`,
          value,
          'toleration.value.labelValue',
          msg,
          'Use a valid label value for the taint value.',
        );
    } else if (operator === 'Exists') {
      if (value)
        ctx.add(
          `${p}.operator`,
          t,
          'toleration.value.withExists',
          "value must be empty when `operator` is 'Exists'",
          'Remove value, or use operator: Equal.',
        );
    } else {
      ctx.add(
        `${p}.operator`,
        operator,
        'toleration.operator.unsupported',
        supported(['Equal', 'Exists']),
        'Use Equal or Exists.',
      );
    }
    if (effect && !TAINT_EFFECTS.includes(effect)) {
      ctx.add(
        `${p}.effect`,
        effect,
        'toleration.effect.unsupported',
        supported(TAINT_EFFECTS),
        'Use NoSchedule, PreferNoSchedule or NoExecute (or leave it empty for all).',
      );
    }
  }
}

/**
 * The value rules node selector and label selector requirements share for the set operators (In, NotIn, Exists,
 * DoesNotExist). Returns false when `op` is not one of them, for the caller's own operators.
 */
function checkSetOperator(
  ctx: Ctx,
  op: string | undefined,
  raw: unknown,
  values: readonly string[],
  p: string,
  rulePrefix: string,
): boolean {
  if (op === 'In' || op === 'NotIn') {
    if (values.length === 0)
      ctx.add(
        `${p}.values`,
        raw,
        `${rulePrefix}.values.required`,
        "must be specified when `operator` is 'In' or 'NotIn'",
        'List at least one value.',
      );
    return true;
  }
  if (op === 'Exists' || op === 'DoesNotExist') {
    if (values.length > 0)
      ctx.add(
        `${p}.values`,
        values,
        `${rulePrefix}.values.forbidden`,
        "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        'Remove values.',
      );
    return true;
  }
  return false;
}

/** ValidateNodeSelectorRequirement / ValidateNodeFieldSelectorRequirement. */
function validateNodeTerm(ctx: Ctx, term: Json, path: string): void {
  const exprs = arr(term.matchExpressions) ?? [];
  for (let j = 0; j < exprs.length; j++) {
    const p = `${path}.matchExpressions[${j}]`;
    const r = item(exprs[j]);
    if (!r) continue;
    const op = str(r.operator);
    const values = strList(r.values) ?? [];
    const setOperator = checkSetOperator(ctx, op, r.values, values, p, 'affinity.nodeSelector');
    if (!setOperator && (op === 'Gt' || op === 'Lt')) {
      if (values.length !== 1)
        ctx.add(
          `${p}.values`,
          values,
          'affinity.nodeSelector.values.single',
          "must be specified single value when `operator` is 'Lt' or 'Gt'",
          'Give exactly one integer value.',
        );
    } else if (!setOperator) {
      ctx.add(
        `${p}.operator`,
        op,
        'affinity.nodeSelector.operator',
        'not a valid selector operator',
        `Use one of ${[...NODE_OPERATORS].join(', ')}.`,
      );
    }
    validateLabelName(ctx, str(r.key), `${p}.key`, 'affinity.nodeSelector.key');
  }
  const fields = arr(term.matchFields) ?? [];
  for (let j = 0; j < fields.length; j++) {
    const p = `${path}.matchFields[${j}]`;
    const r = item(fields[j]);
    if (!r) continue;
    const op = str(r.operator);
    const values = strList(r.values) ?? [];
    if (op === 'In' || op === 'NotIn') {
      if (values.length !== 1)
        ctx.add(
          `${p}.values`,
          values,
          'affinity.nodeSelector.matchFields.values',
          "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
          'Give exactly one node name.',
        );
    } else {
      ctx.add(
        `${p}.operator`,
        op,
        'affinity.nodeSelector.operator',
        'not a valid selector operator',
        'Use In or NotIn for matchFields.',
      );
    }
    const key = str(r.key);
    if (key !== 'metadata.name') {
      ctx.add(
        `${p}.key`,
        key,
        'affinity.nodeSelector.matchFields.key',
        'not a valid field selector key',
        'Use key: metadata.name.',
      );
    } else {
      values.forEach((val, k) => {
        const msg = dns1123Subdomain(val);
        if (msg)
          ctx.add(
            `${p}.values[${k}]`,
            val,
            'affinity.nodeSelector.matchFields.value',
            msg,
            'Use a node name.',
          );
      });
    }
  }
}

/** ValidateLabelSelector (apimachinery meta/v1/validation). */
export function validateLabelSelector(ctx: Ctx, v: unknown, path: string): Json | undefined {
  const sel = obj(v);
  if (!sel) return undefined;
  validateLabels(ctx, sel.matchLabels, `${path}.matchLabels`, 'selector.matchLabels');
  const exprs = arr(sel.matchExpressions) ?? [];
  for (let i = 0; i < exprs.length; i++) {
    const p = `${path}.matchExpressions[${i}]`;
    const r = item(exprs[i]);
    if (!r) continue;
    const op = str(r.operator);
    const values = strList(r.values) ?? [];
    if (!checkSetOperator(ctx, op, r.values, values, p, 'selector')) {
      ctx.add(
        `${p}.operator`,
        op,
        'selector.operator',
        'not a valid selector operator',
        'Use In, NotIn, Exists or DoesNotExist.',
      );
    }
    validateLabelName(ctx, str(r.key), `${p}.key`, 'selector.key');
    values.forEach((val, k) => {
      const msg = labelValue(val);
      if (msg) ctx.add(`${p}.values[${k}]`, val, 'selector.value', msg, 'Use a valid label value.');
    });
  }
  return sel;
}

function validatePodAffinityTerm(ctx: Ctx, term: Json, path: string): void {
  validateLabelSelector(ctx, term.labelSelector, `${path}.labelSelector`);
  validateLabelSelector(ctx, term.namespaceSelector, `${path}.namespaceSelector`);
  const namespaces = strList(term.namespaces) ?? [];
  for (let i = 0; i < namespaces.length; i++) {
    const ns = namespaces[i];
    const msg = dns1123Label(ns);
    // The API server prints this at ".namespace" (singular).
    if (msg) ctx.add(`${path}.namespace`, ns, 'affinity.pod.namespaces', msg, 'Use a namespace name.');
  }
  const key = str(term.topologyKey);
  if (!key) {
    // The API server also prints the qualified-name errors of the empty key; one message is enough.
    ctx.add(
      `${path}.topologyKey`,
      term.topologyKey,
      'affinity.pod.topologyKey.required',
      'can not be empty',
      'Set topologyKey, e.g. "kubernetes.io/hostname".',
    );
  } else {
    validateLabelName(ctx, key, `${path}.topologyKey`, 'affinity.pod.topologyKey.qualifiedName');
  }
}

function weight(ctx: Ctx, v: unknown, path: string): void {
  const w = int32(v) ?? 0;
  if (w <= 0 || w > 100)
    ctx.add(
      path,
      v,
      'affinity.weight.range',
      'must be in the range 1-100',
      'Use a weight between 1 and 100.',
    );
}

/** validateAffinity: node affinity, pod affinity and anti-affinity (1.28). */
export function validateAffinity(ctx: Ctx, v: unknown): void {
  const path = 'spec.affinity';
  const a = obj(v);
  if (!a) return;
  const na = obj(a.nodeAffinity);
  if (na) {
    const rp = `${path}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`;
    const req = obj(na.requiredDuringSchedulingIgnoredDuringExecution);
    if (req) {
      const terms = arr(req.nodeSelectorTerms);
      if (!terms || terms.length === 0) {
        ctx.add(
          `${rp}.nodeSelectorTerms`,
          req.nodeSelectorTerms,
          'affinity.nodeSelectorTerms.required',
          'must have at least one node selector term',
          'Add a nodeSelectorTerm with matchExpressions.',
        );
      } else {
        terms.forEach((t, i) => {
          const term = item(t);
          if (term) validateNodeTerm(ctx, term, `${rp}.nodeSelectorTerms[${i}]`);
        });
      }
    }
    const pp = `${path}.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution`;
    (arr(na.preferredDuringSchedulingIgnoredDuringExecution) ?? []).forEach((t, i) => {
      const term = item(t);
      if (!term) return;
      weight(ctx, term.weight, `${pp}[${i}].weight`);
      validateNodeTerm(ctx, obj(term.preference) ?? {}, `${pp}[${i}].preference`);
    });
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const pa = obj(a[kind]);
    if (!pa) continue;
    const rp = `${path}.${kind}.requiredDuringSchedulingIgnoredDuringExecution`;
    (arr(pa.requiredDuringSchedulingIgnoredDuringExecution) ?? []).forEach((t, i) => {
      const term = item(t);
      if (term) validatePodAffinityTerm(ctx, term, `${rp}[${i}]`);
    });
    const pp = `${path}.${kind}.preferredDuringSchedulingIgnoredDuringExecution`;
    (arr(pa.preferredDuringSchedulingIgnoredDuringExecution) ?? []).forEach((t, i) => {
      const term = item(t);
      if (!term) return;
      weight(ctx, term.weight, `${pp}[${i}].weight`);
      validatePodAffinityTerm(ctx, obj(term.podAffinityTerm) ?? {}, `${pp}[${i}].podAffinityTerm`);
    });
  }
}

/** validateTopologySpreadConstraints (1.28, MatchLabelKeysInPodTopologySpread beta). */
export function validateTopologySpread(ctx: Ctx, v: unknown): void {
  const list = arr(v);
  if (!list) return;
  const parsed = list.map((c) => (c && typeof c === 'object' ? (c as Json) : undefined));
  for (let i = 0; i < list.length; i++) {
    const p = `spec.topologySpreadConstraints[${i}]`;
    const c = item(list[i]);
    if (!c) continue;
    const maxSkew = int32(c.maxSkew) ?? 0;
    if (maxSkew <= 0)
      ctx.add(
        `${p}.maxSkew`,
        c.maxSkew,
        'topologySpread.maxSkew.positive',
        'must be greater than zero',
        'Set maxSkew to 1 or more.',
      );
    const key = str(c.topologyKey);
    if (!key)
      ctx.add(
        `${p}.topologyKey`,
        c.topologyKey,
        'topologySpread.topologyKey.required',
        'can not be empty',
        'Set topologyKey, e.g. "topology.kubernetes.io/zone".',
      );
    const when = str(c.whenUnsatisfiable);
    if (!SCHEDULE_ACTIONS.includes(when)) {
      ctx.add(
        `${p}.whenUnsatisfiable`,
        when,
        'topologySpread.whenUnsatisfiable.unsupported',
        supported(SCHEDULE_ACTIONS),
        'Use DoNotSchedule or ScheduleAnyway.',
      );
    }
    for (let j = i + 1; j < parsed.length; j++) {
      const other = parsed[j];
      if (
        other &&
        other.topologyKey === (c.topologyKey ?? '') &&
        other.whenUnsatisfiable === (c.whenUnsatisfiable ?? '')
      ) {
        ctx.add(
          `${p}.{topologyKey, whenUnsatisfiable}`,
          `{${key}, ${when}}`,
          'topologySpread.duplicate',
          'Duplicate value',
          'Merge the constraints with the same topologyKey and whenUnsatisfiable.',
        );
        break;
      }
    }
    const minDomains = int32(c.minDomains);
    if (minDomains !== undefined) {
      if (minDomains <= 0)
        ctx.add(
          `${p}.minDomains`,
          minDomains,
          'topologySpread.minDomains.positive',
          'must be greater than zero',
          'Set minDomains to 1 or more.',
        );
      if (when !== 'DoNotSchedule') {
        ctx.add(
          `${p}.minDomains`,
          minDomains,
          'topologySpread.minDomains.doNotSchedule',
          `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${when}`,
          'Use whenUnsatisfiable: DoNotSchedule or remove minDomains.',
        );
      }
    }
    for (const f of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const policy = optStr(c[f]);
      if (policy !== undefined && !INCLUSION_POLICIES.includes(policy)) {
        ctx.add(
          `${p}.${f}`,
          policy,
          `topologySpread.${f}.unsupported`,
          supported(INCLUSION_POLICIES),
          'Use Honor or Ignore.',
        );
      }
    }
    const selector = validateLabelSelector(ctx, c.labelSelector, `${p}.labelSelector`);
    const keys = strList(c.matchLabelKeys);
    if (keys && keys.length > 0) {
      if (!selector) {
        ctx.add(
          `${p}.matchLabelKeys`,
          keys,
          'topologySpread.matchLabelKeys.withoutSelector',
          'must not be specified when labelSelector is not set',
          'Add a labelSelector or remove matchLabelKeys.',
        );
      } else {
        const used = new Set<string>(
          Object.keys(isObjLike(selector.matchLabels) ? selector.matchLabels : {}),
        );
        for (const e of Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []) {
          if (e && typeof e === 'object' && typeof (e as Json).key === 'string')
            used.add((e as Json).key as string);
        }
        keys.forEach((k, j) => {
          const msg = qualifiedName(k);
          if (msg)
            ctx.add(
              `${p}.matchLabelKeys[${j}]`,
              k,
              'topologySpread.matchLabelKeys.qualifiedName',
              msg,
              'Use a label key.',
            );
          else if (used.has(k))
            ctx.add(
              `${p}.matchLabelKeys[${j}]`,
              k,
              'topologySpread.matchLabelKeys.inSelector',
              'exists in both matchLabelKeys and labelSelector',
              'Remove the key from one of them.',
            );
        });
      }
    }
  }
}

const isObjLike = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** validateSchedulingGates (1.28): qualified names, no duplicates; reported at the list index. */
export function validateSchedulingGates(ctx: Ctx, v: unknown): void {
  const list = arr(v);
  if (!list) return;
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const p = `spec.schedulingGates[${i}]`;
    const g = item(list[i]);
    if (!g) continue;
    const name = str(g.name);
    const msg = qualifiedName(name);
    if (msg)
      ctx.add(
        p,
        name,
        'schedulingGate.name.qualifiedName',
        msg,
        'Use a gate name like "example.com/wait-for-quota".',
      );
    if (seen.has(name))
      ctx.add(p, name, 'schedulingGate.name.duplicate', 'Duplicate value', 'List each scheduling gate once.');
    seen.add(name);
  }
}

/** validatePreemptionPolicy. */
export function validatePreemptionPolicy(ctx: Ctx, v: unknown): void {
  const policy = optStr(v);
  if (policy !== undefined && !PREEMPTION_POLICIES.includes(policy)) {
    ctx.add(
      'spec.preemptionPolicy',
      policy,
      'pod.preemptionPolicy.unsupported',
      supported(PREEMPTION_POLICIES),
      'Use PreemptLowerPriority or Never.',
    );
  }
}
