import { compareQuantities, milliValue, parseQuantity, type Quantity } from '../../quantity';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as formatsModule from './formats';

// Functions of sibling modules are bound once here: run through tsx (CommonJS), every `import { f }` call
// otherwise goes through an export getter, which cost a fifth of validation time (docs/performance.md).
const { obj } = contextModule;
const { qualifiedName } = formatsModule;

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
// helper.IsStandardResourceName: names valid for quota; a container may not use them but they get a
// different message than unknown names.
const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'persistentvolumeclaims',
  'requests.storage',
  'configmaps',
  'services.nodeports',
  'services.loadbalancers',
  'storage',
]);
const HUGEPAGES_PREFIX = 'hugepages-';

const isHugePages = (name: string): boolean => name.startsWith(HUGEPAGES_PREFIX);
const isNative = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');

/** helper.IsExtendedResourceName: fully qualified, outside kubernetes.io, valid once prefixed with "requests.". */
export function isExtendedResourceName(name: string): boolean {
  if (isNative(name) || name.startsWith('requests.')) return false;
  return qualifiedName(`requests.${name}`) === undefined;
}

// Quantity strings repeat across Pods ("100m", "128Mi"), so parsed values are memoised; the cache is
// cleared when full so hostile input cannot grow it without bound.
const CACHE_MAX = 4096;
const cache = new Map<string, Quantity | null>();

/** Parses a quantity as Quantity.UnmarshalJSON does (strings are trimmed; numbers parse from their text). */
export function jsonQuantity(v: unknown): Quantity | undefined {
  if (typeof v === 'number') return parseQuantity(v);
  if (typeof v !== 'string') return undefined;
  const hit = cache.get(v);
  if (hit !== undefined) return hit ?? undefined;
  const q = parseQuantity(v.trim());
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(v, q ?? null);
  return q;
}

/** Renders a parsed quantity back for messages: the text as written. */
const shown = (v: unknown): string => String(v);

// The page size of a hugepages-<size> resource, or undefined when the suffix is not a positive quantity.
function hugePageSize(name: string): Quantity | undefined {
  const q = parseQuantity(name.slice(HUGEPAGES_PREFIX.length));
  return q && q.nano > 0n ? q : undefined;
}

/**
 * validateContainerResourceName + validateResourceName: one message per bad name (the API server sometimes
 * prints two for the same name; the first is enough to fix it).
 */
function checkName(ctx: Ctx, name: string, path: string, kind: 'limits' | 'requests'): boolean {
  if (STANDARD_CONTAINER_RESOURCES.has(name)) return true;
  const at = `${path}.${kind}[${name}]`;
  const msg = qualifiedName(name);
  if (msg) {
    ctx.add(
      at,
      name,
      'resources.name.qualifiedName',
      msg,
      'Use cpu, memory, ephemeral-storage, hugepages-<size> or example.com/<name>.',
    );
    return false;
  }
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      const msg2 = STANDARD_RESOURCES.has(name)
        ? 'must be a standard resource for containers'
        : 'must be a standard resource type or fully qualified';
      ctx.add(
        at,
        name,
        'resources.name.unsupported',
        msg2,
        'Use cpu, memory, ephemeral-storage, hugepages-<size>, or a domain-qualified extended resource like example.com/gpu.',
      );
      return false;
    }
  } else if (!isNative(name) && !isExtendedResourceName(name)) {
    ctx.add(
      at,
      name,
      'resources.name.extended',
      "doesn't follow extended resource name standard",
      'Use <domain>/<name> with a domain outside kubernetes.io, e.g. example.com/gpu.',
    );
    return false;
  }
  return true;
}

/** One entry of a ResourceList with a valid name and quantity, linked to the next in the list's order. */
interface Entry {
  readonly name: string;
  readonly q: Quantity;
  readonly raw: unknown;
  next: Entry | undefined;
}

/**
 * Reads `resources.limits` or `resources.requests` of the container at `path`, checking names, syntax and
 * ValidateResourceQuantityValue; returns the first of its usable entries. Entries are linked rather than put in an
 * array, whose first push would allocate room for 17.
 */
function readList(ctx: Ctx, v: unknown, path: string, kind: 'limits' | 'requests'): Entry | undefined {
  const list = obj(v);
  if (!list) return undefined;
  let first: Entry | undefined;
  let last: Entry | undefined;
  for (const name in list) {
    const raw = list[name] ?? 0; // null decodes to the zero Quantity, and the entry stays: a null memory limit is 0
    const nameOk = checkName(ctx, name, path, kind);
    const q = jsonQuantity(raw);
    if (!q) {
      // A value that is neither a string nor a number is the schema walk's to report.
      if (typeof raw === 'string' || typeof raw === 'number') {
        ctx.add(
          `${path}.${kind}[${name}]`,
          raw,
          `resources.${kind}.quantity`,
          "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
          'Write a quantity like "500m", "1", "128Mi" or "1Gi".',
        );
      }
      continue;
    }
    if (q.nano < 0n) {
      ctx.add(
        `${path}.${kind}[${name}]`,
        raw,
        `resources.${kind}.negative`,
        'must be greater than or equal to 0',
        'Use a non-negative quantity.',
      );
    } else if (nameOk && isExtendedResourceName(name) && milliValue(q) % 1000n !== 0n) {
      ctx.add(
        `${path}.${kind}[${name}]`,
        raw,
        `resources.${kind}.integer`,
        'must be an integer',
        'Extended resources are counted in whole units; use e.g. "1".',
      );
    }
    if (nameOk && isHugePages(name)) {
      const size = hugePageSize(name);
      // IsHugePageResourceValueDivisible compares Quantity.Value() (rounded up to a whole unit) with the size.
      const units = q.nano / 1_000_000_000n + (q.nano % 1_000_000_000n > 0n ? 1n : 0n);
      const sizeUnits = size ? size.nano / 1_000_000_000n : 0n;
      if (sizeUnits === 0n || units % sizeUnits !== 0n) {
        ctx.add(
          `${path}.${kind}[${name}]`,
          raw,
          `resources.${kind}.hugePagesMultiple`,
          `${shown(raw)} is not positive integer multiple of ${name}`,
          'Request a whole number of pages of that size.',
        );
      }
    }
    if (nameOk) {
      const entry: Entry = { name, q, raw, next: undefined };
      if (last) last.next = entry;
      else first = entry;
      last = entry;
    }
  }
  return first;
}

function entryNamed(first: Entry | undefined, name: string): Entry | undefined {
  for (let e = first; e; e = e.next) if (e.name === name) return e;
  return undefined;
}

/**
 * ValidateResourceRequirements (pkg/apis/core/validation, 1.28): names, quantities, requests <= limits,
 * extended resources equal, limits required for extended resources, hugepages need cpu or memory.
 * Requests are compared after the server's defaulting, which copies limits into missing requests. `containerPath`
 * is the container's.
 */
export function validateResources(ctx: Ctx, v: unknown, containerPath: string): void {
  const res = obj(v);
  if (!res) return;
  const path = `${containerPath}.resources`;
  const limits = readList(ctx, res.limits, path, 'limits');
  const requests = readList(ctx, res.requests, path, 'requests');
  let cpuOrMemory = false;
  let hugePages = false;
  for (let l = limits; l; l = l.next) {
    if (l.name === 'cpu' || l.name === 'memory') cpuOrMemory = true;
    if (isHugePages(l.name)) hugePages = true;
  }
  for (let r = requests; r; r = r.next) {
    if (r.name === 'cpu' || r.name === 'memory') cpuOrMemory = true;
    if (isHugePages(r.name)) hugePages = true;
    const limit = entryNamed(limits, r.name);
    // helper.IsOvercommitAllowed: native resources other than hugepages may be overcommitted.
    const overcommit = isNative(r.name) && !isHugePages(r.name);
    if (limit) {
      const cmp = compareQuantities(r.q, limit.q);
      if (cmp !== 0 && !overcommit) {
        ctx.add(
          `${path}.requests`,
          r.raw,
          'resources.requests.notEqualLimit',
          `must be equal to ${r.name} limit of ${shown(limit.raw)}`,
          `Set requests[${r.name}] and limits[${r.name}] to the same value.`,
        );
      } else if (cmp > 0) {
        ctx.add(
          `${path}.requests`,
          r.raw,
          'resources.requests.exceedsLimit',
          `must be less than or equal to ${r.name} limit of ${shown(limit.raw)}`,
          `Lower requests[${r.name}] to at most ${shown(limit.raw)} or raise the limit.`,
        );
      }
    } else if (!overcommit) {
      ctx.add(
        `${path}.limits`,
        undefined,
        'resources.limits.requiredForExtended',
        'Limit must be set for non overcommitable resources',
        `Set limits[${r.name}] equal to requests[${r.name}].`,
      );
    }
  }
  if (hugePages && !cpuOrMemory) {
    ctx.add(
      path,
      undefined,
      'resources.hugePages.requireCpuOrMemory',
      'HugePages require cpu or memory',
      'Also request or limit memory (or cpu) for this container.',
    );
  }
}
