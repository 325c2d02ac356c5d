/** Small, pure statistics helpers for the benchmark (no I/O): percentiles, medians, formatting. */

/**
 * The p-th percentile (0–100) of `values` by linear interpolation between closest ranks (the same definition as
 * NumPy's default and Excel's PERCENTILE.INC). NaN for an empty list; the input is not modified.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (rank - lo);
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export function max(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((m, v) => (v > m ? v : m), -Infinity);
}

/** Median of the non-null values (null when none): per-run results that failed or timed out are left out. */
export function medianOf(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return present.length ? median(present) : null;
}

/** `a / b` rounded to two decimals, or null when either side is missing. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return Math.round((a / b) * 100) / 100;
}

/** Fixed decimals, thousands separated by a thin-free comma; '–' for missing values. */
export function fmt(value: number | null | undefined, decimals = 0): string {
  if (value == null || !Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
