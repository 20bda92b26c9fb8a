import { Yaml } from 'cdk8s';

/** Manifests as one multi-document YAML stream, exactly as cdk8s writes them. */
export function stringifyManifests(manifests: readonly unknown[]): string {
  return Yaml.stringify(...manifests);
}
