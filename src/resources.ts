import { compareQuantities, parseQuantity, type Quantity } from './quantity';
import type { Profile } from './profile';
import type { Json } from './json';

/**
 * A resource quantity as Kubernetes writes it: `'250m'`, `'64Mi'`, `'1'`, or a plain number of units.
 * Syntax is checked by validation, with the field path, at synth.
 */
export type QuantityValue = string | number;

/** Amounts per resource name: `cpu`, `memory`, `ephemeral-storage`, `hugepages-2Mi`, `nvidia.com/gpu`, ... */
export interface ResourceList {
  /** CPU in cores or millicores (`'250m'`). */
  readonly cpu?: QuantityValue;
  /** Memory in bytes with a unit (`'64Mi'`). */
  readonly memory?: QuantityValue;
  /** Local ephemeral storage (`'1Gi'`). */
  readonly 'ephemeral-storage'?: QuantityValue;
  /** Extended resources and hugepages, by their full name. */
  readonly [name: string]: QuantityValue | undefined;
}

/** Requests and limits of one container. */
export interface Resources {
  /** What the scheduler reserves. @default the limit when one is set, else cpu 50m, memory 32Mi (`restricted`, `baseline`); none (`privileged`) */
  readonly requests?: ResourceList;
  /** What the container may not exceed. @default cpu 200m, memory 64Mi (`restricted`, `baseline`); none (`privileged`) */
  readonly limits?: ResourceList;
}

/** Requests podwright gives a container that does not set them: enough for a small process. */
export const DEFAULT_REQUESTS: Readonly<Record<'cpu' | 'memory', string>> = { cpu: '50m', memory: '32Mi' };

/** Limits podwright gives a container that does not set them: the seed insists every container has limits. */
export const DEFAULT_LIMITS: Readonly<Record<'cpu' | 'memory', string>> = { cpu: '200m', memory: '64Mi' };

/**
 * The container's resources as they will be synthesized: the user's values, field by field, over the profile's
 * defaults, for cpu and memory each. Neither set: both defaults. A limit alone: the request takes the limit's value,
 * as the API server would default it. A request alone: the default limit, raised to the request if it is larger, so
 * overriding one field never makes the pair invalid.
 */
export function effectiveResources(user: Resources | undefined, profile: Profile): Json | undefined {
  const requests: Record<string, QuantityValue> = {};
  const limits: Record<string, QuantityValue> = {};
  copyDefined(user?.requests, requests);
  copyDefined(user?.limits, limits);
  if (profile !== 'privileged') {
    for (const name of ['cpu', 'memory'] as const) {
      if (requests[name] === undefined && limits[name] === undefined) {
        requests[name] = DEFAULT_REQUESTS[name];
        limits[name] = DEFAULT_LIMITS[name];
      } else if (limits[name] === undefined) {
        limits[name] = larger(DEFAULT_LIMITS[name], requests[name]);
      } else if (requests[name] === undefined) {
        // What the API server does with a limit alone: the request defaults to it (so limits alone stay Guaranteed).
        requests[name] = limits[name];
      }
    }
  }
  const out: Json = {};
  if (Object.keys(limits).length > 0) out.limits = limits;
  if (Object.keys(requests).length > 0) out.requests = requests;
  return Object.keys(out).length > 0 ? out : user === undefined ? undefined : {};
}

function copyDefined(from: ResourceList | undefined, to: Record<string, QuantityValue>): void {
  if (!from) return;
  for (const [name, value] of Object.entries(from)) {
    if (value !== undefined) to[name] = value;
  }
}

/** The larger of a default and a user value; an unparsable user value leaves the default, for validation to report. */
function larger(fallback: string, user: QuantityValue | undefined): QuantityValue {
  if (user === undefined) return fallback;
  const parsed = parseQuantity(user);
  if (parsed === undefined) return fallback;
  return compareQuantities(parsed, parseQuantity(fallback) as Quantity) === 1 ? user : fallback;
}

/** The Kubernetes quality-of-service classes. */
export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = ['cpu', 'memory'];

/**
 * The QoS class Kubernetes gives a Pod with these containers (all of them, init containers included), as
 * `GetPodQOS` in kubernetes pkg/apis/core/helper/qos computes it after the API server has defaulted each
 * missing request to its limit.
 */
export function qosClassOf(containers: readonly Json[]): QosClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  for (const container of containers) {
    const resources = (container.resources ?? {}) as { requests?: Json; limits?: Json };
    // The API server defaults a missing request to the limit before the class is computed.
    const containerRequests = { ...resources.limits, ...resources.requests };
    for (const [name, raw] of Object.entries(containerRequests)) {
      const q = positive(name, raw);
      if (q) requests.set(name, add(requests.get(name), q));
    }
    const found = new Set<string>();
    for (const [name, raw] of Object.entries(resources.limits ?? {})) {
      const q = positive(name, raw);
      if (!q) continue;
      found.add(name);
      limits.set(name, add(limits.get(name), q));
    }
    if (!QOS_RESOURCES.every((name) => found.has(name))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, request] of requests) {
      const limit = limits.get(name);
      if (!limit || compareQuantities(limit, request) !== 0) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

function positive(name: string, raw: unknown): Quantity | undefined {
  if (!QOS_RESOURCES.includes(name)) return undefined;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const q = parseQuantity(raw);
  return q && compareQuantities(q, ZERO) === 1 ? q : undefined;
}

const ZERO = parseQuantity('0') as Quantity;

function add(a: Quantity | undefined, b: Quantity): Quantity {
  return a === undefined ? b : { nano: a.nano + b.nano, format: a.format };
}
