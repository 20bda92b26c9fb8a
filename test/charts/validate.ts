import type { Chart } from 'cdk8s';
import type { Violation } from '../../src/errors';
import { Pod } from '../../src/pod';
import { validateManifest } from '../../src/validation';

/** Every violation of every Pod in `chart`, each Pod held to its own profile as the app holds it at synth. */
export function violationsOf(chart: Chart): Violation[] {
  return chart.node
    .findAll()
    .filter((c): c is Pod => c instanceof Pod)
    .flatMap((pod) => validateManifest(pod.toJson(), pod.profile));
}
