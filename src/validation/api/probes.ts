import * as kubeVersionModule from '../../kube-version';
import type { Ctx, Json } from './context';
import * as contextModule from './context';
import * as formatsModule from './formats';

// Bound once, like the sibling functions below: a call through the CommonJS export getter costs a lookup each time.
const { atLeast } = kubeVersionModule;

// Functions of sibling modules are bound once here: run through tsx (CommonJS), every `import { f }` call
// otherwise goes through an export getter, which cost a fifth of validation time (docs/performance.md).
const { arr, int32, int64, obj, str, supported, item } = contextModule;
const { httpHeaderName, portName, portNum } = formatsModule;

const HTTP_SCHEMES = ['HTTP', 'HTTPS'];
const PROBE_COUNTS = [
  'initialDelaySeconds',
  'timeoutSeconds',
  'periodSeconds',
  'successThreshold',
  'failureThreshold',
];

/**
 * ValidatePortNumOrName: an IntOrString port is 1..65535 or an IANA_SVC_NAME. Reported at
 * `${handlerPath}.${type}.port` (e.g. `...livenessProbe.httpGet.port`) with rule `${area}.${type}.port.*`, both
 * built only then.
 */
export function validatePortNumOrName(
  ctx: Ctx,
  v: unknown,
  handlerPath: string,
  type: 'httpGet' | 'tcpSocket',
  area: string,
): void {
  if (typeof v === 'string') {
    const msg = portName(v);
    if (msg)
      ctx.add(
        `${handlerPath}.${type}.port`,
        v,
        `${area}.${type}.port.name`,
        msg,
        'Use a port number or the name of a container port, e.g. 8080 or "http".',
      );
  } else if (v === undefined || v === null || (typeof v === 'number' && Number.isInteger(v))) {
    const n = typeof v === 'number' ? v : 0;
    const msg = portNum(n);
    if (msg)
      ctx.add(
        `${handlerPath}.${type}.port`,
        v,
        `${area}.${type}.port.range`,
        msg,
        'Use a port number between 1 and 65535.',
      );
  }
  // Anything else is not an IntOrString: the schema walk reports it.
}

// Whether `field` is a second handler type (`seen` > 0), which it reports.
function another(
  ctx: Ctx,
  h: Json,
  path: string,
  area: string,
  allowGrpc: boolean,
  field: string,
  seen: number,
): boolean {
  if (seen === 0) return false;
  ctx.add(
    `${path}.${field}`,
    h[field],
    `${area}.handler.multiple`,
    'may not specify more than 1 handler type',
    'Keep exactly one of exec, httpGet, tcpSocket' + (allowGrpc ? ' or grpc.' : '.'),
  );
  return true;
}

/**
 * validateHandler (pkg/apis/core/validation): exactly one of exec / httpGet / tcpSocket (/ grpc for probes,
 * / sleep for lifecycle hooks from 1.29 on). Lifecycle handlers have no grpc field, and 1.28 has no `sleep`: the
 * strict decoder refuses those fields, and the handler counts as empty here.
 */
export function validateHandler(ctx: Ctx, h: Json, path: string, area: string, allowGrpc: boolean): void {
  const allowSleep = !allowGrpc && atLeast(ctx.version, '1.33');
  // How many handler types were seen; a later one is reported by `another` (a module-level function, not a
  // closure: tsx wraps every named closure in a __name call each time the enclosing function runs).
  let count = 0;
  const exec = obj(h.exec);
  if (exec && !another(ctx, h, path, area, allowGrpc, 'exec', count++)) {
    const command = arr(exec.command);
    if (!command || command.length === 0) {
      ctx.add(
        `${path}.exec.command`,
        exec.command,
        `${area}.exec.command.required`,
        'Required value',
        'Give the command to run, e.g. ["cat", "/tmp/healthy"].',
      );
    }
  }
  const httpGet = obj(h.httpGet);
  if (httpGet && !another(ctx, h, path, area, allowGrpc, 'httpGet', count++)) {
    str(httpGet.path); // defaulted to "/" when empty
    validatePortNumOrName(ctx, httpGet.port, path, 'httpGet', area);
    const scheme = str(httpGet.scheme);
    // An empty scheme is defaulted to HTTP.
    if (scheme && !HTTP_SCHEMES.includes(scheme)) {
      ctx.add(
        `${path}.httpGet.scheme`,
        scheme,
        `${area}.httpGet.scheme.unsupported`,
        supported(HTTP_SCHEMES),
        'Use HTTP or HTTPS.',
      );
    }
    const headers = arr(httpGet.httpHeaders);
    if (headers) {
      for (let i = 0; i < headers.length; i++) {
        const header = item(headers[i]);
        if (!header) continue;
        const name = str(header.name);
        const msg = httpHeaderName(name);
        // The API server reports header names at httpHeaders, without the index.
        if (msg)
          ctx.add(
            `${path}.httpGet.httpHeaders`,
            name,
            `${area}.httpGet.header.name`,
            msg,
            'Use a header name like "X-Custom-Header".',
          );
      }
    }
  }
  const tcp = obj(h.tcpSocket);
  if (tcp && !another(ctx, h, path, area, allowGrpc, 'tcpSocket', count++)) {
    validatePortNumOrName(ctx, tcp.port, path, 'tcpSocket', area);
  }
  if (allowGrpc) {
    const grpc = obj(h.grpc);
    if (grpc && !another(ctx, h, path, area, allowGrpc, 'grpc', count++)) {
      const port = int32(grpc.port);
      const msg = portNum(port ?? 0);
      if (msg)
        ctx.add(
          `${path}.grpc.port`,
          grpc.port,
          `${area}.grpc.port.range`,
          msg,
          'Use the gRPC port number, 1-65535.',
        );
    }
  }
  if (allowSleep) {
    const sleep = obj(h.sleep);
    if (sleep && !another(ctx, h, path, area, allowGrpc, 'sleep', count++)) {
      // validateSleepAction with PodLifecycleSleepActionAllowZero (beta, on in 1.33): 0 is allowed.
      const seconds = int64(sleep.seconds) ?? 0;
      const grace = ctx.gracePeriodSeconds;
      if (seconds < 0 || seconds > grace) {
        ctx.add(
          `${path}.sleep`,
          seconds,
          `${area}.sleep.seconds.range`,
          `must be non-negative and less than terminationGracePeriodSeconds (${grace})`,
          `Sleep between 0 and ${grace} seconds, or raise spec.terminationGracePeriodSeconds.`,
        );
      }
    }
  }
  if (count === 0) {
    ctx.add(
      path,
      undefined,
      `${area}.handler.required`,
      'must specify a handler type',
      allowGrpc
        ? 'Add one of exec, httpGet, tcpSocket or grpc.'
        : allowSleep
          ? 'Add one of exec, httpGet, tcpSocket or sleep.'
          : 'Add one of exec, httpGet or tcpSocket (sleep needs Kubernetes 1.29; podwright knows 1.33).',
    );
  }
}

/** Which probe: liveness and startup probes must have successThreshold 1. */
export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/**
 * validateProbe + the successThreshold rule of validateContainers/validateLivenessProbe (1.28). Zero values
 * are defaulted (timeout 1, period 10, success 1, failure 3), so only negatives fail. `containerPath` is the
 * container's; the probe's own path is built only when the probe is there.
 */
export function validateProbe(ctx: Ctx, v: unknown, containerPath: string, kind: ProbeKind): void {
  const probe = obj(v);
  if (!probe) return;
  const path = `${containerPath}.${kind}`;
  validateHandler(ctx, probe, path, 'probe', true);
  let success = 0;
  for (let i = 0; i < PROBE_COUNTS.length; i++) {
    const field = PROBE_COUNTS[i];
    const n = int32(probe[field]);
    if (field === 'successThreshold') success = n ?? 0;
    if (n !== undefined && n < 0) {
      ctx.add(
        `${path}.${field}`,
        n,
        `probe.${field}.nonNegative`,
        'must be greater than or equal to 0',
        `Set ${field} to 0 or more (0 means the default).`,
      );
    }
  }
  if (kind !== 'readinessProbe' && success !== 0 && success !== 1) {
    ctx.add(
      `${path}.successThreshold`,
      success,
      'probe.successThreshold.mustBeOne',
      'must be 1',
      `Remove successThreshold or set it to 1; ${kind === 'livenessProbe' ? 'liveness' : 'startup'} probes succeed on the first success.`,
    );
  }
  const grace = int64(probe.terminationGracePeriodSeconds);
  if (grace !== undefined && grace <= 0) {
    ctx.add(
      `${path}.terminationGracePeriodSeconds`,
      grace,
      'probe.terminationGracePeriodSeconds.positive',
      'must be greater than 0',
      'Use a positive number of seconds or remove the field.',
    );
  }
  // validateReadinessProbe: a failing readiness probe never kills the container, so the field means nothing.
  if (grace !== undefined && kind === 'readinessProbe') {
    ctx.add(
      `${path}.terminationGracePeriodSeconds`,
      grace,
      'probe.terminationGracePeriodSeconds.readiness',
      'must not be set for readinessProbes',
      'Remove terminationGracePeriodSeconds from the readiness probe.',
    );
  }
}

/** validateLifecycle: postStart and preStop handlers of the container at `containerPath`. */
export function validateLifecycle(ctx: Ctx, v: unknown, containerPath: string): void {
  const lifecycle = obj(v);
  if (!lifecycle) return;
  const path = `${containerPath}.lifecycle`;
  for (const hook of ['postStart', 'preStop']) {
    const h = obj(lifecycle[hook]);
    if (h) validateHandler(ctx, h, `${path}.${hook}`, 'lifecycle', false);
  }
}
