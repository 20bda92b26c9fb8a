import type { Ctx, Json } from './context';
import * as contextModule from './context';
import * as formatsModule from './formats';
import * as kubeVersionModule from '../../kube-version';

// Bound once, like the sibling functions below: a call through the CommonJS export getter costs a lookup each time.
const { atLeast } = kubeVersionModule;

// Functions of sibling modules are bound once here: run through tsx (CommonJS), every `import { f }` call
// otherwise goes through an export getter, which cost a fifth of validation time (docs/performance.md).
const { arr, obj, str, strList, supported, item } = contextModule;
const { dns1123Label, dns1123Subdomain, dns1123SubdomainWithUnderscore, isIP } = formatsModule;

const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;
const MAX_SEARCH_CHARS = 2048;

/** validateDNSPolicy + validatePodDNSConfig (1.28). An empty dnsPolicy is defaulted to ClusterFirst. */
export function validateDns(ctx: Ctx, spec: Json): void {
  const policy = str(spec.dnsPolicy);
  if (policy && !DNS_POLICIES.includes(policy)) {
    ctx.add(
      'spec.dnsPolicy',
      policy,
      'dns.policy.unsupported',
      supported(DNS_POLICIES),
      'Use ClusterFirst, ClusterFirstWithHostNet, Default or None.',
    );
  }
  const path = 'spec.dnsConfig';
  const config = obj(spec.dnsConfig);
  const nameservers = config ? strList(config.nameservers) : undefined;
  if (policy === 'None') {
    if (!config) {
      ctx.add(
        path,
        undefined,
        'dns.config.requiredForNone',
        'must provide `dnsConfig` when `dnsPolicy` is None',
        'Add dnsConfig with at least one nameserver.',
      );
      return;
    }
    if (!nameservers || nameservers.length === 0) {
      ctx.add(
        `${path}.nameservers`,
        config.nameservers,
        'dns.nameservers.requiredForNone',
        'must provide at least one DNS nameserver when `dnsPolicy` is None',
        'Add a nameserver IP, e.g. "1.1.1.1".',
      );
      return;
    }
  }
  if (!config) return;
  if (nameservers) {
    if (nameservers.length > MAX_NAMESERVERS) {
      ctx.add(
        `${path}.nameservers`,
        nameservers,
        'dns.nameservers.max',
        `must not have more than ${MAX_NAMESERVERS} nameservers`,
        'Keep at most three nameservers.',
      );
    }
    nameservers.forEach((ns, i) => {
      if (!isIP(ns))
        ctx.add(
          `${path}.nameservers[${i}]`,
          ns,
          'dns.nameservers.ip',
          'must be valid IP address',
          'Use an IPv4 or IPv6 address.',
        );
    });
  }
  const searches = strList(config.searches);
  if (searches) {
    if (searches.length > MAX_SEARCHES) {
      ctx.add(
        `${path}.searches`,
        searches,
        'dns.searches.max',
        `must not have more than ${MAX_SEARCHES} search paths`,
        'Keep at most 32 search domains.',
      );
    }
    if (searches.join(' ').length > MAX_SEARCH_CHARS) {
      ctx.add(
        `${path}.searches`,
        searches,
        'dns.searches.length',
        `must not have more than ${MAX_SEARCH_CHARS} characters (including spaces) in the search list`,
        'Shorten the search list.',
      );
    }
    // 1.33 (since 1.32): "." alone is a valid search domain, and labels may hold '_' (SRV-style names).
    const relaxed = atLeast(ctx.version, '1.33');
    searches.forEach((s, i) => {
      if (relaxed && s === '.') return;
      // A trailing dot (fully qualified) is fine.
      const domain = s.endsWith('.') ? s.slice(0, -1) : s;
      const msg = relaxed ? dns1123SubdomainWithUnderscore(domain) : dns1123Subdomain(domain);
      if (msg)
        ctx.add(
          `${path}.searches[${i}]`,
          s,
          'dns.searches.dns1123Subdomain',
          msg,
          'Use a lowercase domain like "svc.cluster.local".',
        );
    });
  }
  const options = arr(config.options);
  options?.forEach((o, i) => {
    const opt = item(o);
    if (!opt) return;
    const name = str(opt.name);
    if (!name)
      ctx.add(
        `${path}.options[${i}]`,
        opt,
        'dns.options.name.required',
        'must not be empty',
        'Give the option a name, e.g. "ndots".',
      );
  });
}

/** ValidateHostAliases + hostname/subdomain (ValidatePodSpec). */
const HOSTNAME_FIELDS = ['hostname', 'subdomain'];

export function validateHostnames(ctx: Ctx, spec: Json): void {
  for (let i = 0; i < HOSTNAME_FIELDS.length; i++) {
    const f = HOSTNAME_FIELDS[i];
    const v = str(spec[f]);
    if (!v) continue;
    const msg = dns1123Label(v);
    if (msg)
      ctx.add(
        `spec.${f}`,
        v,
        `pod.${f}.dns1123Label`,
        msg,
        'Use lowercase letters, digits and "-", at most 63 characters.',
      );
  }
  const aliases = arr(spec.hostAliases);
  // 1.28's ValidateHostAliases reports spec.hostAliases.ip / .hostnames without indexes (v1.28.7 says so).
  const indexed = atLeast(ctx.version, '1.33');
  aliases?.forEach((a, i) => {
    const p = `spec.hostAliases[${i}]`;
    const at = indexed ? p : 'spec.hostAliases';
    const alias = item(a);
    if (!alias) return;
    const ip = str(alias.ip);
    if (!isIP(ip))
      ctx.add(
        `${at}.ip`,
        ip,
        'hostAlias.ip.invalid',
        'must be valid IP address',
        'Use an IPv4 or IPv6 address, e.g. "10.0.0.10".',
      );
    (strList(alias.hostnames) ?? []).forEach((h, j) => {
      const msg = dns1123Subdomain(h);
      if (msg)
        ctx.add(
          indexed ? `${p}.hostnames[${j}]` : `${at}.hostnames`,
          h,
          'hostAlias.hostnames.dns1123Subdomain',
          msg,
          'Use a lowercase host name like "db.local".',
        );
    });
  });
}
