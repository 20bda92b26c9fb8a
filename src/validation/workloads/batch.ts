// batch/v1 Job and CronJob: the create rules of pkg/apis/batch/validation (1.28; 1.33 where it differs), after
// the batch/v1 defaults and the selector and labels the Job strategy generates.
import { atLeast } from '../../kube-version';
import type { Profile } from '../../profile';
import { type Ctx, type Json, arr, bool, int32, int64, isObj, obj, str, supported } from '../api/context';
import { dns1123Label, dns1123Subdomain, labelValue, qualifiedName } from '../api/formats';
import { validateLabelSelector } from '../api/scheduling';
import { checkSelectorMatches, nonNegative, selectorInvalid, templateLabels, templateSpec } from './common';
import { cronError, timeZoneError } from './cron';
import { validateTemplate } from './template';

const MAX_PARALLELISM_INDEXED = 100000;
const MAX_RULES = 20;
const MAX_PATTERNS = 20;
const MAX_EXIT_CODES = 255;
const MAX_FAILED_INDEXES = 100000;
const COMPLETIONS_SOFT_LIMIT = 100000;
const HIGH_COMPLETIONS_LIMIT = 10000;
const MAX_MANAGED_BY = 63;
const MAX_SUCCESS_RULES = 20;
const MAX_SUCCEEDED_INDEXES = 64 * 1024;
// IsDomainPrefixedPath's path part (apimachinery httpPathFmt).
const HTTP_PATH = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;
const ACTIONS_128 = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const STATUSES = ['False', 'True', 'Unknown'];
const EXIT_OPERATORS = ['In', 'NotIn'];
// The labels the Job strategy adds to the template; the user may set the name ones, but only to the Job's name.
const NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'];
const UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'];

/** ValidateJob (1.28) on create: generated selector and labels, the spec, the Indexed Pods' hostnames. */
export function validateJob(ctx: Ctx, spec: Json, profile: Profile, name: string): void {
  const tpl = 'spec.template';
  const manual = bool(spec.manualSelector) === true;
  const labels = templateLabels(spec.template);
  if (!manual) {
    for (const key of NAME_LABELS) {
      const value = labels[key];
      if (value !== undefined && value !== name) {
        ctx.add(
          `${tpl}.metadata.labels[${key}]`,
          value,
          'job.label.jobName',
          `must be '${name}'`,
          `Remove the ${key} label; the server sets it to the Job's name.`,
        );
      }
    }
    for (const key of UID_LABELS) {
      if (labels[key] !== undefined) {
        ctx.add(
          `${tpl}.metadata.labels[${key}]`,
          labels[key],
          'job.label.controllerUid',
          "must be the Job's uid, which the server assigns",
          `Remove the ${key} label; the server sets it.`,
        );
      }
    }
    // The job-name labels carry the name into the template, where a label value is at most 63 characters.
    if (name && labelValue(name)) {
      ctx.add(
        `${tpl}.labels`,
        name,
        'job.name.labelValue',
        `label value ${labelValue(name)}`,
        'Use a Job name of at most 63 characters: the server copies it into the job-name label.',
      );
    }
    const sel = validateLabelSelector(ctx, spec.selector, 'spec.selector');
    if (sel && !selectorGeneratedOk(sel)) {
      ctx.add(
        'spec.selector',
        sel,
        'job.selector.notGenerated',
        '`selector` not auto-generated',
        'Remove spec.selector (the server generates it), or set manualSelector: true.',
      );
    }
  } else {
    if (spec.selector === undefined || spec.selector === null) {
      ctx.add(
        'spec.selector',
        undefined,
        'job.selector.required',
        'Required value',
        'With manualSelector: true, set spec.selector to match the template labels.',
      );
    }
    const sel = validateLabelSelector(ctx, spec.selector, 'spec.selector');
    if (!sel || !selectorInvalid(sel)) checkSelectorMatches(ctx, sel, tpl, spec.template);
  }
  validateJobSpec(ctx, spec, 'spec', profile);
  const mode = typeof spec.completionMode === 'string' ? spec.completionMode : 'NonIndexed';
  const completions = typeof spec.completions === 'number' ? spec.completions : undefined;
  if (name && mode === 'Indexed' && completions !== undefined && completions > 0) {
    const hostname = `${name}-${completions - 1}`;
    if (dns1123Label(hostname)) {
      ctx.add(
        'metadata.name',
        name,
        'job.name.indexedHostname',
        `will not able to create pod with invalid DNS label: ${hostname}`,
        'Shorten the Job name (lowercase letters, digits and "-") so that "<name>-<index>" fits 63 characters.',
      );
    }
  }
}

// generateSelector adds the controller-uid label to whatever the user gave; the result must be exactly that.
function selectorGeneratedOk(sel: Json): boolean {
  const labels = isObj(sel.matchLabels) ? Object.keys(sel.matchLabels) : [];
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0;
  return labels.length === 0 && exprs === 0;
}

/** validateJobSpec (1.28): the rules a Job and a CronJob's jobTemplate share. */
function validateJobSpec(ctx: Ctx, spec: Json, at: string, profile: Profile): void {
  const tpl = `${at}.template`;
  const v133 = atLeast(ctx.version, '1.33');
  const parallelism = nonNegative(
    ctx,
    spec.parallelism,
    `${at}.parallelism`,
    'job.parallelism',
    'Use 0 or more.',
  );
  const completions = nonNegative(
    ctx,
    spec.completions,
    `${at}.completions`,
    'job.completions',
    'Use 0 or more.',
  );
  const deadline = int64(spec.activeDeadlineSeconds);
  if (deadline !== undefined && deadline < 0) {
    ctx.add(
      `${at}.activeDeadlineSeconds`,
      deadline,
      'job.activeDeadlineSeconds',
      'must be greater than or equal to 0',
      'Use 0 or more.',
    );
  }
  nonNegative(ctx, spec.backoffLimit, `${at}.backoffLimit`, 'job.backoffLimit', 'Use 0 or more (default 6).');
  nonNegative(
    ctx,
    spec.ttlSecondsAfterFinished,
    `${at}.ttlSecondsAfterFinished`,
    'job.ttlSecondsAfterFinished',
    'Use 0 or more.',
  );
  // 1.28 drops backoffLimitPerIndex and maxFailedIndexes (JobBackoffLimitPerIndex is alpha); 1.33 checks them.
  const perIndex = v133
    ? nonNegative(
        ctx,
        spec.backoffLimitPerIndex,
        `${at}.backoffLimitPerIndex`,
        'job.backoffLimitPerIndex',
        'Use 0 or more.',
      )
    : undefined;
  const maxFailed = v133
    ? nonNegative(
        ctx,
        spec.maxFailedIndexes,
        `${at}.maxFailedIndexes`,
        'job.maxFailedIndexes',
        'Use 0 or more.',
      )
    : undefined;
  if (maxFailed !== undefined && perIndex === undefined) {
    ctx.add(
      `${at}.backoffLimitPerIndex`,
      undefined,
      'job.backoffLimitPerIndex.required',
      'when maxFailedIndexes is specified',
      'Set backoffLimitPerIndex, or remove maxFailedIndexes.',
    );
  }
  // 1.28 drops managedBy (JobManagedBy is alpha there; the schema walk refuses it as a 1.33 field).
  if (v133 && typeof spec.managedBy === 'string') {
    validateManagedBy(ctx, spec.managedBy, `${at}.managedBy`);
  }
  const mode = str(spec.completionMode) || 'NonIndexed';
  if (mode !== 'NonIndexed' && mode !== 'Indexed') {
    ctx.add(
      `${at}.completionMode`,
      mode,
      'job.completionMode',
      supported(['NonIndexed', 'Indexed']),
      'Use NonIndexed (the default) or Indexed.',
    );
  }
  // batch/v1 defaults completions and parallelism to 1 only when both are missing.
  if (mode === 'Indexed') {
    if (completions === undefined && parallelism !== undefined) {
      ctx.add(
        `${at}.completions`,
        undefined,
        'job.completions.indexed',
        'when completion mode is Indexed',
        'Set completions: an Indexed Job runs one Pod per index 0..completions-1.',
      );
    }
    if (parallelism !== undefined && parallelism > MAX_PARALLELISM_INDEXED) {
      ctx.add(
        `${at}.parallelism`,
        parallelism,
        'job.parallelism.indexed',
        `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`,
        `Use at most ${MAX_PARALLELISM_INDEXED}.`,
      );
    }
    // The per-index limits (1.33; both fields are dropped by 1.28), against the defaulted completions.
    if (maxFailed !== undefined || perIndex !== undefined) {
      validatePerIndexLimits(ctx, at, {
        completions: completions ?? (parallelism === undefined ? 1 : undefined),
        parallelism,
        perIndex,
        maxFailed,
      });
    }
  } else if (mode === 'NonIndexed') {
    if (perIndex !== undefined) {
      ctx.add(
        `${at}.backoffLimitPerIndex`,
        perIndex,
        'job.backoffLimitPerIndex.indexed',
        'requires indexed completion mode',
        'Set completionMode: Indexed, or remove backoffLimitPerIndex.',
      );
    }
    if (maxFailed !== undefined) {
      ctx.add(
        `${at}.maxFailedIndexes`,
        maxFailed,
        'job.maxFailedIndexes.indexed',
        'requires indexed completion mode',
        'Set completionMode: Indexed, or remove maxFailedIndexes.',
      );
    }
  }
  const policy = obj(spec.podFailurePolicy);
  if (policy) validatePodFailurePolicy(ctx, policy, `${at}.podFailurePolicy`, spec, perIndex !== undefined);
  // successPolicy is a 1.33 field (JobSuccessPolicy, GA there); 1.28's schema walk refuses it.
  const success = spec.successPolicy === null ? undefined : spec.successPolicy;
  if (v133 && success !== undefined) {
    if (mode !== 'Indexed') {
      ctx.add(
        `${at}.successPolicy`,
        success,
        'job.successPolicy.indexed',
        'requires indexed completion mode',
        'Set completionMode: Indexed, or remove successPolicy.',
      );
    } else if (completions !== undefined || parallelism === undefined) {
      // batch/v1 defaults completions to 1 when parallelism is unset too. With parallelism alone, completions is
      // required above, and the 1.33.3 server fails with an internal error rather than checking the policy.
      validateSuccessPolicy(ctx, obj(success) ?? {}, `${at}.successPolicy`, completions ?? 1);
    }
  }
  validateTemplate(
    ctx,
    { path: tpl, template: spec.template, serverChecksSpec: true, createsPods: true },
    profile,
  );
  const restart = templateSpec(spec.template).restartPolicy;
  const policyText = typeof restart === 'string' ? restart : '';
  if (policyText === '' || policyText === 'Always') {
    ctx.add(
      `${tpl}.spec.restartPolicy`,
      restart,
      'job.restartPolicy.required',
      'valid values: "OnFailure", "Never"',
      'Set restartPolicy: Never (or OnFailure): a Job runs its Pods to completion.',
    );
  } else if (policyText !== 'OnFailure' && policyText !== 'Never') {
    ctx.add(
      `${tpl}.spec.restartPolicy`,
      restart,
      'job.restartPolicy',
      supported(['OnFailure', 'Never']),
      'Use restartPolicy: Never or OnFailure.',
    );
  } else if (policy && policyText !== 'Never') {
    ctx.add(
      `${tpl}.spec.restartPolicy`,
      restart,
      'job.restartPolicy.podFailurePolicy',
      'only "Never" is supported when podFailurePolicy is specified',
      'Use restartPolicy: Never with a podFailurePolicy.',
    );
  }
}

// validateJobSpec (1.33) on an Indexed Job's maxFailedIndexes, and on parallelism above the soft completions limit.
function validatePerIndexLimits(
  ctx: Ctx,
  at: string,
  n: { completions?: number; parallelism?: number; perIndex?: number; maxFailed?: number },
): void {
  const { completions, parallelism, perIndex, maxFailed } = n;
  const mp = `${at}.maxFailedIndexes`;
  if (completions !== undefined && maxFailed !== undefined && maxFailed > completions) {
    ctx.add(
      mp,
      maxFailed,
      'job.maxFailedIndexes.completions',
      'must be less than or equal to completions',
      `Use at most completions (${completions}).`,
    );
  }
  if (maxFailed !== undefined && maxFailed > MAX_FAILED_INDEXES) {
    ctx.add(
      mp,
      maxFailed,
      'job.maxFailedIndexes.max',
      `must be less than or equal to ${MAX_FAILED_INDEXES}`,
      `Use at most ${MAX_FAILED_INDEXES}.`,
    );
  }
  if (completions === undefined || completions <= COMPLETIONS_SOFT_LIMIT || perIndex === undefined) return;
  const high = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
  if (maxFailed === undefined) {
    ctx.add(
      mp,
      undefined,
      'job.maxFailedIndexes.required',
      `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`,
      `Set maxFailedIndexes (at most ${HIGH_COMPLETIONS_LIMIT}).`,
    );
  }
  if (parallelism !== undefined && parallelism > HIGH_COMPLETIONS_LIMIT) {
    ctx.add(
      `${at}.parallelism`,
      parallelism,
      'job.parallelism.highCompletions',
      `must be less than or equal to ${HIGH_COMPLETIONS_LIMIT} ${high}`,
      `Use at most ${HIGH_COMPLETIONS_LIMIT}.`,
    );
  }
  if (maxFailed !== undefined && maxFailed > HIGH_COMPLETIONS_LIMIT) {
    ctx.add(
      mp,
      maxFailed,
      'job.maxFailedIndexes.highCompletions',
      `must be less than or equal to ${HIGH_COMPLETIONS_LIMIT} ${high}`,
      `Use at most ${HIGH_COMPLETIONS_LIMIT}.`,
    );
  }
}

// IsDomainPrefixedPath and the length limit, as validateJobSpec (1.33) applies them to managedBy.
function validateManagedBy(ctx: Ctx, value: string, at: string): void {
  const fix =
    'Name the controller that manages the Job as a domain-prefixed path, e.g. "kueue.x-k8s.io/multikueue".';
  if (value === '') {
    ctx.add(at, value, 'job.managedBy.required', 'Required value', fix);
    return;
  }
  const slash = value.indexOf('/');
  const host = slash < 0 ? '' : value.slice(0, slash);
  const path = slash < 0 ? '' : value.slice(slash + 1);
  if (host === '' || path === '') {
    ctx.add(at, value, 'job.managedBy.format', 'must be a domain-prefixed path (such as "acme.io/foo")', fix);
  } else {
    const hostError = dns1123Subdomain(host);
    if (hostError) ctx.add(at, host, 'job.managedBy.domain', hostError, fix);
    if (!HTTP_PATH.test(path)) {
      ctx.add(
        at,
        path,
        'job.managedBy.path',
        "Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')",
        fix,
      );
    }
  }
  if (value.length > MAX_MANAGED_BY) {
    ctx.add(
      at,
      value,
      'job.managedBy.length',
      `may not be more than ${MAX_MANAGED_BY} bytes`,
      `Use at most ${MAX_MANAGED_BY} characters.`,
    );
  }
}

// validateSuccessPolicy (1.33), for an Indexed Job of `completions` indexes.
function validateSuccessPolicy(ctx: Ctx, policy: Json, at: string, completions: number): void {
  const rulesPath = `${at}.rules`;
  const rules = arr(policy.rules) ?? [];
  if (rules.length === 0) {
    ctx.add(
      rulesPath,
      undefined,
      'job.successPolicy.rules.required',
      'at least one rules must be specified when the successPolicy is specified',
      'Add a rule with succeededIndexes, succeededCount or both, or remove successPolicy.',
    );
  }
  if (rules.length > MAX_SUCCESS_RULES) {
    ctx.add(
      rulesPath,
      rules.length,
      'job.successPolicy.rules.tooMany',
      `must have at most ${MAX_SUCCESS_RULES} items`,
      `Keep at most ${MAX_SUCCESS_RULES} rules.`,
    );
  }
  rules.forEach((raw, i) => {
    const p = `${rulesPath}[${i}]`;
    // A null entry decodes to an empty rule.
    const rule = raw === null ? {} : obj(raw);
    if (!rule) return;
    const indexes = rule.succeededIndexes === null ? undefined : rule.succeededIndexes;
    const count = rule.succeededCount === null ? undefined : rule.succeededCount;
    if (indexes === undefined && count === undefined) {
      ctx.add(
        p,
        undefined,
        'job.successPolicy.rule.required',
        'at least one of succeededCount or succeededIndexes must be specified',
        'Set succeededIndexes (e.g. "0,2-4"), succeededCount, or both.',
      );
    }
    let total = 0;
    if (typeof indexes === 'string') {
      const ip = `${p}.succeededIndexes`;
      if (indexes.length > MAX_SUCCEEDED_INDEXES) {
        ctx.add(
          ip,
          indexes,
          'job.successPolicy.succeededIndexes.length',
          `may not be more than ${MAX_SUCCEEDED_INDEXES} bytes`,
          'List fewer intervals.',
        );
      }
      const parsed = parseIndexes(indexes, completions);
      if (typeof parsed === 'string') {
        ctx.add(
          ip,
          indexes,
          'job.successPolicy.succeededIndexes',
          `error parsing succeededIndexes: ${parsed}`,
          `List indexes below ${completions} in increasing order, as intervals separated by commas: "0,2-4".`,
        );
      } else {
        total = parsed;
      }
    }
    const n = int32(count);
    if (n !== undefined) {
      const cp = `${p}.succeededCount`;
      if (n < 0) {
        ctx.add(
          cp,
          n,
          'job.successPolicy.succeededCount',
          'must be greater than or equal to 0',
          'Use 0 or more.',
        );
      }
      if (n > completions) {
        ctx.add(
          cp,
          n,
          'job.successPolicy.succeededCount.completions',
          `must be less than or equal to ${completions} (the number of specified completions)`,
          `Use at most spec.completions (${completions}).`,
        );
      }
      if (indexes !== undefined && n > total) {
        ctx.add(
          cp,
          n,
          'job.successPolicy.succeededCount.indexes',
          `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`,
          'Use at most as many as succeededIndexes lists, or list more indexes.',
        );
      }
    }
  });
}

/**
 * validateIndexesFormat: the number of indexes in `text` ("1,3-5,7"), or the server's error. An index is Go's
 * strconv.Atoi (an optional '+', decimal digits, within int64) below `completions`; intervals increase.
 */
function parseIndexes(text: string, completions: number): number | string {
  if (text === '') return 0;
  let last: number | undefined;
  let total = 0;
  for (const interval of text.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) {
      return `the fragment ${JSON.stringify(interval)} violates the requirement that an index interval can have at most two parts separated by '-'`;
    }
    const bounds: number[] = [];
    for (const limit of limits) {
      if (!/^\+?[0-9]+$/.test(limit) || BigInt(limit) > 9223372036854775807n) {
        return `cannot convert string to integer for index: ${JSON.stringify(limit)}`;
      }
      const n = Number(limit);
      if (n >= completions) return `too large index: ${JSON.stringify(limit)}`;
      bounds.push(n);
    }
    const [x, y = x] = bounds;
    if (bounds.length === 2 && x >= y) return `non-increasing order, previous: ${x}, current: ${y}`;
    if (last !== undefined && last >= x) return `non-increasing order, previous: ${last}, current: ${x}`;
    total += y - x + 1;
    last = y;
  }
  return total;
}

function containerNames(template: unknown): Set<string> {
  const spec = templateSpec(template);
  const names = new Set<string>();
  for (const list of [spec.containers, spec.initContainers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) if (isObj(c) && typeof c.name === 'string') names.add(c.name);
  }
  return names;
}

// validatePodFailurePolicy (1.28). 1.28 drops the FailIndex rules before validation (its feature is alpha).
function validatePodFailurePolicy(
  ctx: Ctx,
  policy: Json,
  at: string,
  spec: Json,
  hasPerIndex: boolean,
): void {
  const rulesPath = `${at}.rules`;
  const v133 = atLeast(ctx.version, '1.33');
  const all = arr(policy.rules) ?? [];
  const rules = v133 ? all : all.filter((r) => !(isObj(r) && r.action === 'FailIndex'));
  if (rules.length > MAX_RULES) {
    ctx.add(
      rulesPath,
      rules.length,
      'job.podFailurePolicy.rules.tooMany',
      `must have at most ${MAX_RULES} items`,
      `Keep at most ${MAX_RULES} rules.`,
    );
  }
  const names = containerNames(spec.template);
  rules.forEach((raw, i) => {
    // Indexes after a dropped rule shift, as they do on the server.
    const p = `${rulesPath}[${i}]`;
    // A null entry decodes to an empty rule, which then breaks the rules below.
    const rule = raw === null ? {} : obj(raw);
    if (!rule) return;
    const action = str(rule.action);
    if (action === '') {
      ctx.add(
        `${p}.action`,
        action,
        'job.podFailurePolicy.action.required',
        'valid values: ["Count" "FailIndex" "FailJob" "Ignore"]',
        'Set action: FailJob, Ignore or Count.',
      );
    } else if (action === 'FailIndex') {
      if (!hasPerIndex) {
        ctx.add(
          `${p}.action`,
          action,
          'job.podFailurePolicy.action.failIndex',
          'requires the backoffLimitPerIndex to be set',
          'Set backoffLimitPerIndex, or use another action.',
        );
      }
    } else if (!ACTIONS_128.includes(action)) {
      ctx.add(
        `${p}.action`,
        action,
        'job.podFailurePolicy.action',
        supported(ACTIONS_128),
        'Use FailJob, Ignore or Count.',
      );
    }
    const onExit = obj(rule.onExitCodes);
    if (onExit) validateOnExitCodes(ctx, onExit, `${p}.onExitCodes`, names);
    const conditions = arr(rule.onPodConditions) ?? [];
    if (conditions.length > MAX_PATTERNS) {
      ctx.add(
        `${p}.onPodConditions`,
        conditions.length,
        'job.podFailurePolicy.onPodConditions.tooMany',
        `must have at most ${MAX_PATTERNS} items`,
        `Keep at most ${MAX_PATTERNS} patterns.`,
      );
    }
    conditions.forEach((c, j) => {
      const cp = `${p}.onPodConditions[${j}]`;
      const pattern = c === null ? {} : obj(c);
      if (!pattern) return;
      const type = str(pattern.type);
      const typeError = qualifiedName(type);
      if (typeError)
        ctx.add(
          `${cp}.type`,
          type,
          'job.podFailurePolicy.conditionType',
          typeError,
          'Use a condition type like DisruptionTarget.',
        );
      // batch/v1 defaults a missing status to True.
      const status = str(pattern.status);
      if (status && !STATUSES.includes(status)) {
        ctx.add(
          `${cp}.status`,
          status,
          'job.podFailurePolicy.conditionStatus',
          supported(STATUSES),
          'Use True, False or Unknown.',
        );
      }
    });
    if (onExit && conditions.length > 0) {
      ctx.add(
        p,
        undefined,
        'job.podFailurePolicy.rule.both',
        'specifying both OnExitCodes and OnPodConditions is not supported',
        'Split the rule in two.',
      );
    }
    if (!onExit && conditions.length === 0) {
      ctx.add(
        p,
        undefined,
        'job.podFailurePolicy.rule.none',
        'specifying one of OnExitCodes and OnPodConditions is required',
        'Add onExitCodes or onPodConditions.',
      );
    }
  });
}

function validateOnExitCodes(ctx: Ctx, onExit: Json, p: string, names: Set<string>): void {
  const op = str(onExit.operator);
  if (op === '') {
    ctx.add(
      `${p}.operator`,
      op,
      'job.podFailurePolicy.operator.required',
      'valid values: ["In" "NotIn"]',
      'Set operator: In or NotIn.',
    );
  } else if (!EXIT_OPERATORS.includes(op)) {
    ctx.add(
      `${p}.operator`,
      op,
      'job.podFailurePolicy.operator',
      supported(EXIT_OPERATORS),
      'Use In or NotIn.',
    );
  }
  const container = onExit.containerName;
  if (typeof container === 'string' && !names.has(container)) {
    ctx.add(
      `${p}.containerName`,
      container,
      'job.podFailurePolicy.containerName',
      'must be one of the container or initContainer names in the pod template',
      'Name a container of the template.',
    );
  }
  const vp = `${p}.values`;
  const raw = arr(onExit.values) ?? [];
  const values: number[] = [];
  for (let j = 0; j < raw.length; j++) {
    const n = int32(raw[j]);
    if (n === undefined) return;
    values.push(n);
  }
  if (values.length === 0) {
    ctx.add(
      vp,
      values,
      'job.podFailurePolicy.values.required',
      'at least one value is required',
      'List the exit codes, e.g. [1, 42].',
    );
    return;
  }
  if (values.length > MAX_EXIT_CODES) {
    ctx.add(
      vp,
      values.length,
      'job.podFailurePolicy.values.tooMany',
      `must have at most ${MAX_EXIT_CODES} items`,
      `List at most ${MAX_EXIT_CODES} exit codes.`,
    );
    return;
  }
  const seen = new Set<number>();
  let ordered = true;
  values.forEach((n, j) => {
    if (op === 'In' && n === 0) {
      ctx.add(
        `${vp}[${j}]`,
        n,
        'job.podFailurePolicy.values.zero',
        'must not be 0 for the In operator',
        'Remove 0: a container that exits 0 succeeded.',
      );
    }
    if (seen.has(n))
      ctx.add(
        `${vp}[${j}]`,
        n,
        'job.podFailurePolicy.values.duplicate',
        'Duplicate value',
        'List each exit code once.',
      );
    else seen.add(n);
    if (j > 0 && values[j - 1] > n) ordered = false;
  });
  if (!ordered)
    ctx.add(
      vp,
      values,
      'job.podFailurePolicy.values.order',
      'must be ordered',
      'List the exit codes in ascending order.',
    );
}

const CONCURRENCY = ['Allow', 'Forbid', 'Replace'];
const CRONJOB_NAME_MAX = 52;

/** ValidateCronJobCreate (1.28; 1.33 refuses TZ in the schedule): schedule, time zone, the Job template. */
export function validateCronJob(ctx: Ctx, spec: Json, profile: Profile, name: string): void {
  const schedule = str(spec.schedule);
  const timeZone = spec.timeZone === null ? undefined : spec.timeZone;
  if (schedule === '') {
    ctx.add(
      'spec.schedule',
      spec.schedule,
      'cronjob.schedule.required',
      'Required value',
      'Set a schedule, e.g. "0 * * * *" or "@hourly".',
    );
  } else {
    const msg = cronError(schedule);
    if (msg)
      ctx.add(
        'spec.schedule',
        schedule,
        'cronjob.schedule',
        msg,
        'Use five fields (minute hour day-of-month month day-of-week), e.g. "*/5 * * * *", or @hourly, @daily, @weekly, @monthly, @yearly.',
      );
    if (schedule.includes('TZ')) {
      if (atLeast(ctx.version, '1.33')) {
        ctx.add(
          'spec.schedule',
          schedule,
          'cronjob.schedule.tz',
          'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
          'Move the zone to spec.timeZone.',
        );
      } else if (timeZone !== undefined) {
        ctx.add(
          'spec.schedule',
          schedule,
          'cronjob.schedule.tz',
          'cannot use both timeZone field and TZ or CRON_TZ in schedule',
          'Remove TZ= or CRON_TZ= from the schedule.',
        );
      } else {
        ctx.warn(
          'spec.schedule',
          schedule,
          'cronjob.schedule.tz',
          'CRON_TZ or TZ used in schedule is not officially supported',
          'Move the zone to spec.timeZone.',
        );
      }
    }
  }
  const deadline = int64(spec.startingDeadlineSeconds);
  if (deadline !== undefined && deadline < 0) {
    ctx.add(
      'spec.startingDeadlineSeconds',
      deadline,
      'cronjob.startingDeadlineSeconds',
      'must be greater than or equal to 0',
      'Use 0 or more.',
    );
  }
  if (timeZone !== undefined) {
    const zone = str(timeZone);
    const msg = typeof timeZone === 'string' ? timeZoneError(zone) : undefined;
    if (msg)
      ctx.add(
        'spec.timeZone',
        zone,
        'cronjob.timeZone',
        msg,
        'Use an IANA time zone name such as "Etc/UTC" or "Europe/Berlin".',
      );
  }
  const concurrency = str(spec.concurrencyPolicy) || 'Allow';
  if (!CONCURRENCY.includes(concurrency)) {
    ctx.add(
      'spec.concurrencyPolicy',
      concurrency,
      'cronjob.concurrencyPolicy',
      supported(CONCURRENCY),
      'Use Allow (the default), Forbid or Replace.',
    );
  }
  const jobTemplate = obj(spec.jobTemplate) ?? {};
  const jobSpec = obj(jobTemplate.spec) ?? {};
  validateJobSpec(ctx, jobSpec, 'spec.jobTemplate.spec', profile);
  if (jobSpec.selector !== undefined && jobSpec.selector !== null) {
    ctx.add(
      'spec.jobTemplate.spec.selector',
      jobSpec.selector,
      'cronjob.selector',
      '`selector` will be auto-generated',
      'Remove the selector from the job template.',
    );
  }
  if (jobSpec.manualSelector === true) {
    ctx.add(
      'spec.jobTemplate.spec.manualSelector',
      true,
      'cronjob.manualSelector',
      supported(['nil', 'false']),
      'Remove manualSelector from the job template.',
    );
  }
  nonNegative(
    ctx,
    spec.successfulJobsHistoryLimit,
    'spec.successfulJobsHistoryLimit',
    'cronjob.successfulJobsHistoryLimit',
    'Use 0 or more.',
  );
  nonNegative(
    ctx,
    spec.failedJobsHistoryLimit,
    'spec.failedJobsHistoryLimit',
    'cronjob.failedJobsHistoryLimit',
    'Use 0 or more.',
  );
  if (name.length > CRONJOB_NAME_MAX) {
    ctx.add(
      'metadata.name',
      name,
      'cronjob.name.length',
      `must be no more than ${CRONJOB_NAME_MAX} characters`,
      'Shorten the name: each Job is named "<name>-<11 characters>", at most 63.',
    );
  }
}
