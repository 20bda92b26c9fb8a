// The schedule syntax the API server accepts: robfig/cron v3's ParseStandard (what batch validation calls), and
// the time zones Go's time.LoadLocation knows.

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS = new Set([
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
]);
// time.ParseDuration: an optional sign, then one or more decimal numbers each with a unit; "0" alone is allowed.
const DURATION = /^[-+]?(?:0|(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;
// strconv.Atoi: an optional sign and decimal digits (that fit an int64).
const ATOI = /^[+-]?[0-9]{1,18}$/;

/** Why ParseStandard refuses `spec`, as its error reads; undefined when it parses. */
export function cronError(spec: string): string | undefined {
  if (spec.length === 0) return 'empty spec string';
  let rest = spec;
  if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
    const space = rest.indexOf(' ');
    const zone = rest.slice(rest.indexOf('=') + 1, space < 0 ? undefined : space);
    if (space < 0 || !loadsLocation(zone)) return `provided bad location ${zone}: unknown time zone ${zone}`;
    rest = rest.slice(space).trim();
  }
  if (rest.startsWith('@')) {
    if (DESCRIPTORS.has(rest)) return undefined;
    if (rest.startsWith('@every ')) {
      const d = rest.slice('@every '.length);
      return DURATION.test(d) ? undefined : `failed to parse duration ${rest}: time: invalid duration "${d}"`;
    }
    return `unrecognized descriptor: ${rest}`;
  }
  const fields = rest.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    for (const expr of fields[i].split(',')) {
      if (expr === '') continue;
      const msg = rangeError(expr, FIELDS[i]);
      if (msg) return msg;
    }
  }
  return undefined;
}

function parseIntOrName(expr: string, names: Bounds['names']): number | string {
  const named = names?.[expr.toLowerCase()];
  if (named !== undefined) return named;
  if (!ATOI.test(expr)) return `failed to parse int from ${expr}`;
  const n = Number(expr);
  if (n < 0) return `negative number (${n}) not allowed: ${expr}`;
  return n;
}

// getRange of robfig/cron v3, in its order of checks.
function rangeError(expr: string, r: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
  } else {
    const s = parseIntOrName(lowAndHigh[0], r.names);
    if (typeof s === 'string') return s;
    start = s;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const e = parseIntOrName(lowAndHigh[1], r.names);
      if (typeof e === 'string') return e;
      end = e;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const s = rangeAndStep[1];
    if (!ATOI.test(s)) return `failed to parse int from ${s}`;
    step = Number(s);
    if (step < 0) return `negative number (${step}) not allowed: ${s}`;
    if (lowAndHigh.length === 1) end = r.max;
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < r.min) return `beginning of range (${start}) below minimum (${r.min}): ${expr}`;
  if (end > r.max) return `end of range (${end}) above maximum (${r.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

const TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;
// Zone files Go finds in the server's /usr/share/zoneinfo that ICU does not know.
const EXTRA_ZONES = new Set(['Factory', 'posixrules', 'localtime']);

/**
 * Why batch validation's validateTimeZone refuses `zone`; undefined when it is valid or when podwright cannot
 * be sure (Go reads the server's own zoneinfo; a zone ICU does not know is refused only when no file could
 * hold it).
 */
export function timeZoneError(zone: string): string | undefined {
  if (zone === '') return 'timeZone must be nil or non-empty string';
  for (const part of zone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TZ_PART.test(part))
      return `unknown time zone ${zone}`;
  }
  if (zone.toLowerCase() === 'local')
    return 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones';
  return loadsLocation(zone) ? undefined : `unknown time zone ${zone}`;
}

/** Whether Go's time.LoadLocation finds `zone` (false only when podwright is sure it does not). */
function loadsLocation(zone: string): boolean {
  if (zone === '' || zone === 'UTC' || zone === 'Local') return true;
  const bare = zone.replace(/^(posix|right)\//, '');
  if (EXTRA_ZONES.has(bare)) return true;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: bare }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  // ICU ignores case, the zoneinfo file names do not: "utc" is no zone.
  return !(resolved !== bare && resolved.toLowerCase() === bare.toLowerCase());
}
