import { formatViolation, isError, type Violation } from '../errors';
import { DEFAULT_KUBE_VERSION, type KubeVersion } from '../kube-version';
import type { Profile } from '../profile';
import { isPod, isWorkload, refOf, validateManifest } from '../validation';
import { duplicateFieldWarnings } from '../validation/schema';
import { githubAnnotations, sarifLog } from './ci-formats';
import type { SourcedManifest } from './manifests';

/**
 * Output format of `podwright validate`: `text` for people, `json` rows, a `sarif` 2.1.0 log for code scanning,
 * `github` workflow commands that annotate the offending lines in GitHub Actions.
 */
export type ValidateFormat = 'text' | 'json' | 'sarif' | 'github';

/** What `podwright validate` found. */
export interface ValidateReport {
  /** Every violation, errors and warnings, in file and document order. */
  readonly violations: readonly Violation[];
  /** One line per object that is neither a Pod nor a workload and was not checked. */
  readonly skipped: readonly string[];
  /** How many Pods were checked. */
  readonly pods: number;
  /** How many workloads (Deployments, Jobs, ... : every kind with a Pod template) were checked. */
  readonly workloads: number;
}

/** Validates every Pod and workload in `manifests` at `profile` for `kubeVersion`; other objects are skipped with a note. */
export function validateManifests(
  manifests: readonly SourcedManifest[],
  profile: Profile,
  kubeVersion: KubeVersion = DEFAULT_KUBE_VERSION,
): ValidateReport {
  const violations: Violation[] = [];
  const skipped: string[] = [];
  let pods = 0;
  let workloads = 0;
  for (const { file, manifest, duplicates, locate, plainText } of manifests) {
    // Locations are looked up only for the violations found, so a clean file costs nothing more.
    const located = (found: readonly Violation[]) =>
      locate ? found.map((v) => quoteFix(v.source ? v : { ...v, source: locate(v.path) }, plainText)) : found;
    if (duplicates && typeof manifest === 'object' && manifest !== null) {
      violations.push(
        ...located(duplicateFieldWarnings(duplicates, refOf(manifest as Record<string, unknown>, file))),
      );
    }
    const workload = isWorkload(manifest);
    if (!workload && !isPod(manifest)) {
      const ref =
        typeof manifest === 'object' && manifest !== null
          ? refOf(manifest as Record<string, unknown>)
          : undefined;
      skipped.push(
        `${file}: skipped ${ref ? `${ref.kind} ${ref.name || '<unnamed>'}` : 'a non-object document'} (not a v1 Pod nor a kind with a Pod template)`,
      );
      continue;
    }
    if (workload) workloads++;
    else pods++;
    violations.push(...located(validateManifest(manifest, profile, file, kubeVersion)));
  }
  return { violations, skipped, pods, workloads };
}

/**
 * The report as `podwright validate` prints it: errors, and warnings (what the API server accepts with a warning)
 * marked `warning:`. SARIF and GitHub name files relative to `cwd`, the checked-out repository in CI.
 */
export function renderReport(
  report: ValidateReport,
  format: ValidateFormat,
  cwd: string = process.cwd(),
): string {
  if (format === 'sarif') return `${JSON.stringify(sarifLog(report.violations, cwd), null, 2)}\n`;
  if (format === 'github')
    return [...githubAnnotations(report.violations, cwd), summary(report), ''].join('\n');
  if (format === 'json') {
    const rows = report.violations.map((v) => ({
      file: v.source?.file ?? v.object.file ?? null,
      line: v.source?.line ?? null,
      column: v.source?.column ?? null,
      kind: v.object.kind,
      namespace: v.object.namespace ?? null,
      name: v.object.name,
      path: v.path,
      rule: v.rule,
      message: v.message,
      value: v.value === undefined ? null : v.value,
      fix: v.fix,
      severity: v.severity ?? 'error',
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  return [...report.violations.map(formatViolation), summary(report), ''].join('\n');
}

/** The last line of the text report: how many objects were checked, how many errors and warnings were found. */
function summary(report: ValidateReport): string {
  const errors = report.violations.filter(isError);
  const n = errors.length;
  const w = report.violations.length - n;
  const objects = `${report.pods} Pod(s)${report.workloads > 0 ? ` and ${report.workloads} workload(s)` : ''}`;
  const bad = new Set(errors.map((v) => `${v.object.file}\0${v.object.kind}\0${v.object.name}`)).size;
  const warned = w > 0 ? `, ${w} warning(s)` : '';
  return n === 0 ? `ok: ${objects} valid${warned}` : `${n} violation(s) in ${bad} of ${objects}${warned}`;
}

/**
 * A string field written as an unquoted word or number that kubectl reads as a boolean or number (YAML 1.1:
 * `value: on` is true, `tag: 1.10` is 1.1): the fix says so and how to quote it, which "must be a string" alone
 * does not.
 */
function quoteFix(v: Violation, plainText: ((path: string) => string | undefined) | undefined): Violation {
  if (v.rule !== 'type' || !plainText || (typeof v.value !== 'boolean' && typeof v.value !== 'number'))
    return v;
  if (!v.message.startsWith('must be a string')) return v;
  const text = plainText(v.path);
  if (text === undefined) return v;
  return {
    ...v,
    fix: `kubectl reads the unquoted ${text} as ${JSON.stringify(v.value)} (YAML 1.1): quote it ("${text}") to send the string.`,
  };
}
