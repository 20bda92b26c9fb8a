import type * as K8s from 'cdk8s-plus-33/lib/imports/k8s';

let loaded: typeof K8s | undefined;

/**
 * cdk8s-plus-33's generated Kubernetes 1.33 types and their `toJson_*` mappers, loaded on first use. Pods render
 * the parts a user typed (pass-through fields, security contexts) through these mappers, which know every field of
 * 1.33 and so of 1.28 too; cdk8s-plus-28's would drop the newer fields without a word. Loaded late because the
 * generated module costs about 100 ms to load and a Pod that sets none of those parts never needs it; the validate
 * command never loads it.
 */
export function k8s133(): typeof K8s {
  // A plain require: this code is CommonJS (tsc and tsx), and a static import would load the module at start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('cdk8s-plus-33/lib/imports/k8s') as typeof K8s;
  return loaded;
}
