import type { Construct } from 'constructs';
import type { Pod } from '../../src/pod';

/**
 * Documentation Pods written with the constructs, keyed by their path under kubernetes/website
 * `content/en/examples/` (`pods/simple-pod.yaml`); each builds its Pod in `scope`.
 */
export type DocPods = Readonly<Record<string, (scope: Construct) => Pod>>;
