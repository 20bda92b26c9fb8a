// podwright's checks as a cdk8s-cli validation plugin: any cdk8s app gets them from its cdk8s.yaml with
// `cdk8s synth --validate` (see README). The types below are the part of cdk8s-cli's plugin contract
// (cdk8s-cli/plugins: `Validation`, `ValidationContext`, `ValidationReport`) this plugin uses, written out so that
// the package does not depend on cdk8s-cli, which loads the plugin and passes the context in.
import { isError, showValue, type Violation } from './errors';
import { DEFAULT_KUBE_VERSION, parseKubeVersion, type KubeVersion } from './kube-version';
import { isProfile, type Profile } from './profile';
import { validateManifest } from './validation';

/** One resource cdk8s-cli's report names; it adds the construct path from the resource's name. */
export interface CdkValidationResource {
  /** `metadata.name` of the object: the key of cdk8s's construct metadata. */
  readonly resourceName: string;
  /** Field paths in the object that violate the rule. */
  readonly locations: readonly string[];
  /** Manifest the object was synthesized to. */
  readonly manifestPath: string;
}

/** The part of cdk8s-cli's `ValidationContext` the plugin uses. */
export interface CdkValidationContext {
  /** Manifests cdk8s synthesized. */
  readonly manifests: readonly string[];
  /** Every document of one manifest. */
  parseManifest(manifestPath: string): any[];
  /** The report cdk8s prints. */
  readonly report: {
    addViolation(violation: {
      ruleName: string;
      recommendation: string;
      fix: string;
      violatingResources: CdkValidationResource[];
    }): void;
    submit(status: 'success' | 'failure', metadata?: Record<string, string>): void;
  };
}

/** Properties of the plugin, from `properties:` of its entry in cdk8s.yaml. */
export interface PodwrightValidationProps {
  /** Pod Security profile every Pod and workload is held to. @default 'restricted' */
  readonly profile?: Profile;
  /** Kubernetes version whose API server rules apply. @default '1.28' */
  readonly kubeVersion?: KubeVersion;
}

/**
 * A cdk8s-cli validation plugin: every Pod and workload in the synthesized manifests is checked as the API server
 * and Pod Security admission would, and each violation appears in cdk8s's report with the object's construct path
 * and the field path. Warnings (objects the server accepts with a warning) are reported but do not fail.
 */
export class PodwrightValidation {
  private readonly profile: Profile;
  private readonly kubeVersion: KubeVersion;

  constructor(props: PodwrightValidationProps = {}) {
    const profile = props.profile ?? 'restricted';
    if (!isProfile(profile)) {
      throw new Error(
        `properties.profile: not a Pod Security profile, got ${showValue(profile)}. Use restricted, baseline or privileged`,
      );
    }
    this.profile = profile;
    this.kubeVersion =
      props.kubeVersion === undefined ? DEFAULT_KUBE_VERSION : parseKubeVersion(props.kubeVersion);
  }

  /** Checks every object of every manifest and submits the report. */
  public async validate(context: CdkValidationContext): Promise<void> {
    // One report entry per rule and message, listing every object and field path it applies to.
    const entries = new Map<
      string,
      { ruleName: string; violation: Violation; resources: CdkValidationResource[] }
    >();
    let failed = false;
    for (const manifestPath of context.manifests) {
      for (const object of context.parseManifest(manifestPath)) {
        for (const v of validateManifest(object, this.profile, manifestPath, this.kubeVersion)) {
          failed ||= isError(v);
          const ruleName = isError(v) ? v.rule : `${v.rule} (warning: the API server accepts it)`;
          const key = `${ruleName}\0${v.message}\0${v.fix}`;
          const entry = entries.get(key) ?? { ruleName, violation: v, resources: [] };
          entry.resources.push({ resourceName: v.object.name, locations: [v.path], manifestPath });
          entries.set(key, entry);
        }
      }
    }
    for (const { ruleName, violation, resources } of entries.values()) {
      context.report.addViolation({
        ruleName,
        recommendation: violation.message,
        fix: violation.fix,
        violatingResources: resources,
      });
    }
    context.report.submit(failed ? 'failure' : 'success', {
      profile: this.profile,
      kubeVersion: this.kubeVersion,
    });
  }
}
