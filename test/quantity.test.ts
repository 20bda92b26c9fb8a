import { describe, expect, it } from 'vitest';
import {
  compareQuantities,
  isInteger,
  isNegative,
  milliValue,
  parseQuantity,
  type Quantity,
} from '../src/quantity';

// Cases mirror k8s.io/apimachinery/pkg/api/resource/quantity_test.go (TestQuantityParse and friends).
const q = (text: string | number): Quantity => {
  const parsed = parseQuantity(text);
  if (!parsed) throw new Error(`expected ${String(text)} to parse`);
  return parsed;
};

describe('parseQuantity', () => {
  it.each([
    ['0', 0n],
    ['1', 1_000_000_000n],
    ['1000m', 1_000_000_000n],
    ['100m', 100_000_000n],
    ['1n', 1n],
    ['1u', 1_000n],
    ['1k', 1_000_000_000_000n],
    ['1M', 10n ** 15n],
    ['1G', 10n ** 18n],
    ['1T', 10n ** 21n],
    ['1P', 10n ** 24n],
    ['1E', 10n ** 27n],
    ['1Ki', 1024n * 10n ** 9n],
    ['1Mi', 1024n ** 2n * 10n ** 9n],
    ['1Gi', 1024n ** 3n * 10n ** 9n],
    ['1Ti', 1024n ** 4n * 10n ** 9n],
    ['1Pi', 1024n ** 5n * 10n ** 9n],
    ['1Ei', 1024n ** 6n * 10n ** 9n],
    ['1.5Gi', 1536n * 1024n ** 2n * 10n ** 9n],
    ['0.5', 500_000_000n],
    ['.5', 500_000_000n],
    ['1.', 1_000_000_000n],
    ['1.G', 10n ** 18n],
    ['+1', 1_000_000_000n],
    ['-1', -1_000_000_000n],
    ['-100m', -100_000_000n],
    ['1e3', 1_000n * 10n ** 9n],
    ['1E3', 1_000n * 10n ** 9n],
    ['1e+3', 1_000n * 10n ** 9n],
    ['1e-3', 1_000_000n],
    ['12e-1', 1_200_000_000n],
    ['007', 7_000_000_000n],
    ['-', 0n],
    ['+', 0n],
    ['.', 0n],
    // parseQuantityString treats a missing numerator as 0, so a bare suffix is a valid zero.
    ['Gi', 0n],
    ['m', 0n],
  ])('parses %s to the exact nano value', (text, nano) => {
    expect(q(text).nano).toBe(nano);
  });

  it('rounds values finer than a nano-unit away from zero, as the API server does', () => {
    expect(q('0.1n').nano).toBe(1n);
    expect(q('1e-12').nano).toBe(1n);
    expect(q('-0.1n').nano).toBe(-1n);
    expect(q('0.0n').nano).toBe(0n);
  });

  it('caps binary quantities at MaxInt64 like ParseQuantity', () => {
    expect(q('100000000000000000000Ei').nano).toBe(((1n << 63n) - 1n) * 1_000_000_000n);
  });

  it('parses JSON numbers from their decimal text', () => {
    expect(q(2).nano).toBe(2_000_000_000n);
    expect(q(0.5).nano).toBe(500_000_000n);
    expect(q(1e21).nano).toBe(10n ** 30n);
    expect(parseQuantity(Number.NaN)).toBeUndefined();
    expect(parseQuantity(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('records the notation of the suffix', () => {
    expect(q('1Gi').format).toBe('BinarySI');
    expect(q('1G').format).toBe('DecimalSI');
    expect(q('1e9').format).toBe('DecimalExponent');
  });

  it.each([
    '',
    ' 1',
    '1 ',
    '1K',
    '1ki',
    '1KiB',
    '1Gb',
    '1e',
    '1e-',
    '1ee3',
    '1e3.5',
    '1e3m',
    '1m5',
    '1.5.5',
    '1-',
    '--1',
    '1i',
    'abc',
    '0x10',
    '1,000',
  ])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  // Unclamped, 10^999999 as a bigint would take minutes: the test timeout, not a clock, catches a regression.
  it('clamps an absurd exponent instead of building a gigantic number', () => {
    expect(q('1e999999').nano > q('1E').nano).toBe(true);
    expect(q('1e-999999').nano).toBe(1n);
  });
});

describe('compareQuantities', () => {
  it('treats 1 and 1000m as equal', () => {
    expect(compareQuantities(q('1'), q('1000m'))).toBe(0);
  });

  it('orders 1Gi above 1G', () => {
    expect(compareQuantities(q('1Gi'), q('1G'))).toBe(1);
    expect(compareQuantities(q('1G'), q('1Gi'))).toBe(-1);
  });

  it('orders negative values below zero', () => {
    expect(compareQuantities(q('-1m'), q('0'))).toBe(-1);
  });
});

describe('isInteger and milliValue', () => {
  it('tells whole numbers from fractions', () => {
    expect(isInteger(q('2'))).toBe(true);
    expect(isInteger(q('2000m'))).toBe(true);
    expect(isInteger(q('1k'))).toBe(true);
    expect(isInteger(q('1500m'))).toBe(false);
    expect(isInteger(q('1n'))).toBe(false);
  });

  it('rounds the milli value up like Quantity.MilliValue', () => {
    expect(milliValue(q('1'))).toBe(1000n);
    expect(milliValue(q('1.0001'))).toBe(1001n);
    expect(milliValue(q('1n'))).toBe(1n);
  });

  it('detects negative quantities', () => {
    expect(isNegative(q('-1'))).toBe(true);
    expect(isNegative(q('0'))).toBe(false);
  });
});
