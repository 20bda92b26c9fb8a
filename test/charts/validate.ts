import type { Chart } from 'cdk8s';
import type { Violation } from '../../src/errors';
import { Pod } from '../../src/pod';
import { checkPodSecurity } from '../../src/validation/pss';

/**
 * Every violation of every Pod in `chart`, each Pod held to its own profile as the app holds it at synth.
 * Pod Security checks only until the API-server part of `validateManifest` lands.
 */
export function violationsOf(chart: Chart): Violation[] {
  return chart.node
    .findAll()
    .filter((c): c is Pod => c instanceof Pod)
    .flatMap((pod) => checkPodSecurity(pod.toJson(), pod.profile, { kind: 'Pod', name: pod.name }));
}
