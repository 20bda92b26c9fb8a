// The API servers of this run, for `describe.each` in the server suite's files.
import { describe, inject, it } from 'vitest';
import type { ServerInfo } from './apiserver';

/**
 * `[fullVersion, server]` for each API server the global setup started. Without any (no assets), it registers one
 * skipped test instead, so the file still holds a suite: vitest fails a file that has none, and the run's
 * `server suite skipped: ...` line already says why and how to get the binaries.
 */
export function eachServer(): (readonly [string, ServerInfo])[] {
  const servers = inject('apiservers');
  if (servers.length === 0) {
    describe.skip('kube-apiserver', () => {
      it('needs kube-apiserver and etcd through KUBEBUILDER_ASSETS', () => undefined);
    });
  }
  return servers.map((s) => [s.fullVersion, s] as const);
}
