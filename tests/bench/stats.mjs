// Summaries of timing samples: median and 95th percentile (nearest rank), rounded for the report.

/** @param {number[]} sorted ascending @param {number} p in [0, 1] */
function quantile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank];
}

/** Rounds to 2 decimals (a figure in ms), keeping NaN and null as null. */
export function round(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** @param {number[]} samples */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
    n: sorted.length,
  };
}

/** The median of a few samples (for repeated whole-page runs). */
export function median(samples) {
  return round(
    quantile(
      [...samples].sort((a, b) => a - b),
      0.5,
    ),
  );
}
