// vitest globalSetup of the server suite: starts one control plane per Kubernetes version, once per run, and
// hands the connection details to the test files through `provide` (read them with `inject('apiservers')`).
import type { TestProject } from 'vitest/node';
import {
  type ControlPlane,
  HOW_TO_GET_ASSETS,
  SUITE_VERSIONS,
  type ServerInfo,
  findAssets,
  startControlPlane,
} from './apiserver';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The API servers of this run, one per version; empty when the server suite is skipped. */
    apiservers: ServerInfo[];
  }
}

/** Why the server suite does not run, or undefined when it does. */
function skipReason(found: ReturnType<typeof findAssets>, versions: string[]): string | undefined {
  if (!process.env.KUBEBUILDER_ASSETS) return `KUBEBUILDER_ASSETS is not set; ${HOW_TO_GET_ASSETS}`;
  if (versions.length === 0) {
    const seen = found.assets.map((a) => a.fullVersion).join(', ') || 'none';
    const problems = found.problems.length ? ` (${found.problems.join('; ')})` : '';
    return `no assets for ${SUITE_VERSIONS.join(', ')} in KUBEBUILDER_ASSETS (found: ${seen})${problems}; ${HOW_TO_GET_ASSETS}`;
  }
  return undefined;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const found = findAssets();
  const wanted = found.assets.filter((a) => SUITE_VERSIONS.includes(a.version));
  const reason = skipReason(
    found,
    wanted.map((a) => a.version),
  );
  if (reason) console.log(`server suite skipped: ${reason}`);
  const started = await Promise.allSettled(wanted.map((a) => startControlPlane(a)));
  const planes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stopAll = async (): Promise<void> => {
    await Promise.all(planes.map((p: ControlPlane) => p.stop()));
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  for (const p of planes)
    console.log(`server suite: kube-apiserver ${p.fullVersion} ready in ${p.startMs} ms at ${p.url}`);
  project.provide(
    'apiservers',
    planes.map(({ version, fullVersion, url, token }) => ({ version, fullVersion, url, token })),
  );
  return stopAll;
}
