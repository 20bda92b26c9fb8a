/**
 * String formats from k8s.io/apimachinery/pkg/util/validation/validation.go. Each function returns the API
 * server's message for the first problem, or undefined when the value is valid. Regexes are compiled once.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const PORT_NAME_CHARS = /^[-a-z0-9]+$/;
const PORT_NAME_LETTER = /[a-z]/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;
const HTTP_HEADER_NAME = /^[-A-Za-z0-9]+$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** IsDNS1123Label: lowercase RFC 1123 label, at most 63 characters. */
export function dns1123Label(v: string): string | undefined {
  if (v.length > 63) return 'must be no more than 63 characters';
  if (!DNS1123_LABEL.test(v)) {
    return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc')";
  }
  return undefined;
}

/** IsDNS1123Subdomain: lowercase RFC 1123 subdomain, at most 253 characters. */
export function dns1123Subdomain(v: string): string | undefined {
  if (v.length > 253) return 'must be no more than 253 characters';
  if (!DNS1123_SUBDOMAIN.test(v)) {
    return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')";
  }
  return undefined;
}

const DNS1123_SUBDOMAIN_UNDERSCORE =
  /^_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*$/;

/** IsDNS1123SubdomainWithUnderscore (DNS search domains from 1.32): each label may start with '_' and hold '_'. */
export function dns1123SubdomainWithUnderscore(v: string): string | undefined {
  if (v.length > 253) return 'must be no more than 253 characters';
  if (!DNS1123_SUBDOMAIN_UNDERSCORE.test(v)) {
    return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')";
  }
  return undefined;
}

/** NameIsDNSSubdomain with prefix=true (generateName): a trailing '-' is allowed. */
export function dns1123SubdomainPrefix(v: string): string | undefined {
  return dns1123Subdomain(v.length > 1 && v.endsWith('-') ? `${v.slice(0, -1)}a` : v);
}

/** IsQualifiedName: `[prefix/]name`, name at most 63 characters, prefix a DNS subdomain. */
export function qualifiedName(v: string): string | undefined {
  const parts = v.split('/');
  let name = v;
  if (parts.length === 2) {
    const [prefix] = parts;
    name = parts[1];
    if (prefix.length === 0) return 'prefix part must be non-empty';
    const bad = dns1123Subdomain(prefix);
    if (bad) return `prefix part ${bad}`;
  } else if (parts.length > 2) {
    return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!QUALIFIED_NAME.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc')";
  }
  return undefined;
}

/** IsValidLabelValue: empty, or at most 63 alphanumerics, '-', '_', '.', starting and ending alphanumeric. */
export function labelValue(v: string): string | undefined {
  if (v.length > 63) return 'must be no more than 63 characters';
  if (!LABEL_VALUE.test(v)) {
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345')";
  }
  return undefined;
}

/** IsValidPortName: IANA_SVC_NAME, 1-15 lowercase alphanumerics and '-', at least one letter, no '--'. */
export function portName(v: string): string | undefined {
  if (v.length < 1 || v.length > 15) return 'must be no more than 15 characters';
  if (!PORT_NAME_CHARS.test(v))
    return 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)';
  if (!PORT_NAME_LETTER.test(v)) return 'must contain at least one letter (a-z)';
  if (v.includes('--')) return "must not contain consecutive hyphens ('--')";
  if (v.startsWith('-') || v.endsWith('-')) return "must not begin or end with a hyphen ('-')";
  return undefined;
}

/** IsValidPortNum: 1..65535. */
export function portNum(v: number): string | undefined {
  return v >= 1 && v <= 65535 ? undefined : 'must be between 1 and 65535, inclusive';
}

function chDirPrefix(v: string): string | undefined {
  if (v === '.') return "must not be '.'";
  if (v === '..') return "must not be '..'";
  if (v.startsWith('..')) return "must not start with '..'";
  return undefined;
}

/** IsEnvVarName as of 1.28 (RelaxedEnvironmentVariableValidation arrived in 1.30). */
export function envVarName(v: string): string | undefined {
  if (!ENV_VAR_NAME.test(v)) {
    return "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name', or 'MY_ENV.NAME', or 'MyEnvName1')";
  }
  return chDirPrefix(v);
}

/**
 * IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation, on by default since 1.32): printable ASCII other
 * than '='; '.', '..' and leading digits are fine.
 */
export function relaxedEnvVarName(v: string): string | undefined {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x3d)
      return "a valid environment variable name must consist only of printable ASCII characters other than '='";
  }
  return undefined;
}

/** IsConfigMapKey: at most 253 alphanumerics, '-', '_', '.'; not '.' or '..'. */
export function configMapKey(v: string): string | undefined {
  if (v.length > 253) return 'must be no more than 253 characters';
  if (!CONFIG_MAP_KEY.test(v)) {
    return "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', or 'KEY_NAME', or 'key-name')";
  }
  return chDirPrefix(v);
}

/** IsHTTPHeaderName: RFC 7230 token, restricted to alphanumerics and '-'. */
export function httpHeaderName(v: string): string | undefined {
  return HTTP_HEADER_NAME.test(v)
    ? undefined
    : "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name')";
}

function isIPv4(v: string): boolean {
  const m = IPV4.exec(v);
  // netutils.ParseIPSloppy accepts leading zeros ("010.1.1.1"), so only the range is checked.
  return m !== null && +m[1] <= 255 && +m[2] <= 255 && +m[3] <= 255 && +m[4] <= 255;
}

function isIPv6(v: string): boolean {
  if (!v.includes(':')) return false;
  let head = v;
  const lastColon = v.lastIndexOf(':');
  if (v.indexOf('.', lastColon) !== -1) {
    if (!isIPv4(v.slice(lastColon + 1))) return false;
    head = v.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string): string[] | undefined => {
    if (s === '') return [];
    const g = s.split(':');
    return g.every((x) => HEX_GROUP.test(x)) ? g : undefined;
  };
  const a = groups(halves[0]);
  if (!a) return false;
  if (halves.length === 1) return a.length === 8;
  const b = groups(halves[1]);
  return b !== undefined && a.length + b.length <= 7;
}

/** Whether `v` parses with Go's net.ParseIP (sloppy IPv4: leading zeros allowed). */
export function isIP(v: string): boolean {
  return isIPv4(v) || isIPv6(v);
}

/** validatePathNoBacksteps: no '..' path element. */
export function hasBackstep(p: string): boolean {
  return p === '..' || p.startsWith('../') || p.endsWith('/..') || p.includes('/../');
}
