import { kubeVersionOf } from '../../src/chart';
import type { Chart } from 'cdk8s';
import type { Violation } from '../../src/errors';
import { AbstractPod } from '../../src/pod-template';
import { validateManifest } from '../../src/validation';

/** Every violation of every Pod and workload in `chart`, each held to its own profile as the app holds it at synth. */
export function violationsOf(chart: Chart): Violation[] {
  return chart.node
    .findAll()
    .filter((c): c is AbstractPod => c instanceof AbstractPod)
    .flatMap((pod) => validateManifest(pod.toJson(), pod.profile, undefined, kubeVersionOf(pod)));
}
