/**
 * Kubernetes `resource.Quantity` parsing, mirroring `ParseQuantity` in
 * k8s.io/apimachinery/pkg/api/resource/quantity.go (`parseQuantityString` + `suffixHandler.interpret`).
 *
 * Values are held exactly as a bigint count of nano-units (1e-9), because that is the finest precision the
 * API server keeps: `ParseQuantity` rounds every non-zero value away from zero to a whole nano-unit.
 */

/** Which notation a quantity was written in (Go's `resource.Format`). */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A parsed quantity: an exact value in nano-units (1e-9) plus the notation it was written in. */
export interface Quantity {
  /** The value times 1e9, rounded away from zero to a whole nano-unit as the API server does. */
  readonly nano: bigint;
  /** The notation of the suffix, which the API server keeps when it re-serialises the value. */
  readonly format: QuantityFormat;
}

const NANO_PER_UNIT = 1_000_000_000n;
// BinarySI values are capped at MaxInt64 by ParseQuantity (`maxAllowed`); decimal ones are not.
const MAX_INT64 = (1n << 63n) - 1n;
const MAX_BINARY_NANO = MAX_INT64 * NANO_PER_UNIT;
// Exponents beyond this are clamped so a hostile `1e999999999` cannot make us build a gigantic bigint. The
// clamped value is still far beyond anything a resource could hold, so comparisons keep their meaning.
const MAX_EXPONENT = 4096;

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  '': 0,
  n: -9,
  u: -6,
  m: -3,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
// The characters parseQuantityString accepts at the start of a suffix.
const SUFFIX_CHARS = 'eEinumkKMGTP';
// strconv.ParseInt(s, 10, 64): optional sign, at least one digit.
const GO_INT = /^[+-]?[0-9]+$/;

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/**
 * Parses a quantity exactly as `resource.ParseQuantity` accepts it, or returns undefined when the API server
 * would reject it. Numbers are parsed from their JSON text, as `Quantity.UnmarshalJSON` does.
 * Like `ParseQuantity` (and unlike `UnmarshalJSON`) surrounding whitespace is an error.
 */
export function parseQuantity(text: string | number): Quantity | undefined {
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) return undefined;
    text = String(text);
  }
  if (typeof text !== 'string' || text.length === 0) return undefined;
  const end = text.length;
  let pos = 0;
  let negative = false;
  if (text[0] === '-') {
    negative = true;
    pos++;
  } else if (text[0] === '+') {
    pos++;
  }
  // Leading zeros are skipped; a string of only a sign and zeros is zero (Go accepts "-" and "+" as 0 too).
  while (pos < end && text[pos] === '0') pos++;
  const numStart = pos;
  while (pos < end && isDigit(text[pos])) pos++;
  const num = text.slice(numStart, pos);
  let denom = '';
  if (pos < end && text[pos] === '.') {
    pos++;
    const denomStart = pos;
    while (pos < end && isDigit(text[pos])) pos++;
    denom = text.slice(denomStart, pos);
  }
  // Suffix: letters from SUFFIX_CHARS, then an optional sign and digits (for exponents), then the end.
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(text[pos])) pos++;
  if (pos < end && (text[pos] === '-' || text[pos] === '+')) pos++;
  while (pos < end && isDigit(text[pos])) pos++;
  if (pos < end) return undefined;
  const suffix = text.slice(suffixStart);

  let base: 2 | 10;
  let exponent: number;
  let format: QuantityFormat;
  if (suffix in DECIMAL_SUFFIXES) {
    base = 10;
    exponent = DECIMAL_SUFFIXES[suffix];
    format = 'DecimalSI';
  } else if (suffix in BINARY_SUFFIXES) {
    base = 2;
    exponent = BINARY_SUFFIXES[suffix];
    format = 'BinarySI';
  } else if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && GO_INT.test(suffix.slice(1))) {
    base = 10;
    // Go converts the parsed int64 with int32(parsed), which wraps; mimic that before clamping.
    exponent = Number(BigInt.asIntN(32, BigInt(suffix.slice(1))));
    format = 'DecimalExponent';
  } else {
    return undefined;
  }

  // Exact value = digits * 10^(-len(denom)) * base^exponent; scaled to nano-units and rounded away from 0.
  const digits = BigInt((num || '0') + denom);
  let numerator = digits * NANO_PER_UNIT;
  let denominator = 10n ** BigInt(denom.length);
  if (base === 2) {
    numerator <<= BigInt(exponent);
  } else if (exponent >= 0) {
    numerator *= 10n ** BigInt(Math.min(exponent, MAX_EXPONENT));
  } else {
    denominator *= 10n ** BigInt(Math.min(-exponent, MAX_EXPONENT));
  }
  let nano = numerator / denominator;
  if (nano * denominator !== numerator) nano += 1n;
  if (base === 2 && nano > MAX_BINARY_NANO) nano = MAX_BINARY_NANO;
  return { nano: negative ? -nano : nano, format };
}

/** Compares two quantities like Go's `Quantity.Cmp`: -1 when a < b, 0 when equal, 1 when a > b. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

/** Whether the quantity is a whole number (no fractional part at all). */
export function isInteger(q: Quantity): boolean {
  return q.nano % NANO_PER_UNIT === 0n;
}

/**
 * The value in milli-units rounded up (towards +infinity), like Go's `Quantity.MilliValue`.
 * Validation uses `MilliValue() % 1000 != 0` to decide "must be an integer", so it is exposed for that.
 */
export function milliValue(q: Quantity): bigint {
  const milli = q.nano / 1_000_000n;
  return milli * 1_000_000n < q.nano ? milli + 1n : milli;
}

/** Whether the quantity is below zero. */
export function isNegative(q: Quantity): boolean {
  return q.nano < 0n;
}
