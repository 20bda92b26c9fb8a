// The cdk8s-cli validation plugin, driven the way `cdk8s synth --validate` drives it: a plain cdk8s App synthesizes
// with construct metadata, cdk8s-cli's own ValidationContext reads the manifests and that metadata, the plugin fills
// the report.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiObject, App, Chart } from 'cdk8s';
// cdk8s-cli exports this as 'cdk8s-cli/plugins'; tsconfig's node10 resolution does not read `exports`.
import { ValidationContext } from '../node_modules/cdk8s-cli/lib/plugins/validation';
import { describe, expect, it } from 'vitest';
import { PodwrightValidation, type PodwrightValidationProps } from '../src/cdk8s-plugin';

/** Synthesizes one Pod with `containerName` through a plain cdk8s App; returns cdk8s-cli's context for it. */
function synthesize(containerName: string): ValidationContext {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'podwright-cdk8s-plugin-'));
  const app = new App({ outdir, recordConstructMetadata: true });
  const chart = new Chart(app, 'web');
  new ApiObject(chart, 'pod', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: { containers: [{ name: containerName, image: 'nginx:1.27' }] },
  });
  app.synth();
  const manifests = fs.readdirSync(outdir).filter((f) => f.endsWith('.k8s.yaml'));
  const metadata = JSON.parse(fs.readFileSync(path.join(outdir, 'construct-metadata.json'), 'utf8'));
  return new ValidationContext(
    manifests.map((f) => path.join(outdir, f)),
    'podwright',
    '0.1.0',
    metadata.resources,
  );
}

type ValidationViolationJson = ReturnType<ValidationContext['report']['toJson']>['violations'][number];

async function validate(context: ValidationContext, props: PodwrightValidationProps) {
  await new PodwrightValidation(props).validate(context);
  return context.report.toJson();
}

describe('the cdk8s validation plugin', () => {
  it('fails an invalid Pod in cdk8s report, with the construct path and the field path', async () => {
    const report = await validate(synthesize('Web'), { profile: 'privileged' });
    expect(report.summary.status).toBe('failure');
    expect(report.violations).toEqual([
      expect.objectContaining({
        ruleName: 'container.name.dns1123Label',
        violatingConstructs: [
          expect.objectContaining({
            resourceName: 'web',
            constructPath: 'web/pod',
            locations: ['spec.containers[0].name'],
          }),
        ],
      }),
    ]);
  });

  it('passes a valid Pod', async () => {
    const report = await validate(synthesize('web'), { profile: 'privileged' });
    expect(report.summary).toMatchObject({ status: 'success', metadata: { profile: 'privileged' } });
    expect(report.violations).toEqual([]);
  });

  it('holds Pods to the restricted profile by default', async () => {
    const report = await validate(synthesize('web'), {});
    expect(report.summary.status).toBe('failure');
    expect(
      report.violations.map((v: ValidationViolationJson) => v.violatingConstructs[0].locations[0]),
    ).toContain('spec.containers[0].securityContext.allowPrivilegeEscalation');
  });

  it('fails when its properties name an unknown profile', () => {
    expect(() => new PodwrightValidation({ profile: 'strict' as never })).toThrow(
      /properties.profile: .*Use restricted, baseline or privileged/,
    );
  });
});
