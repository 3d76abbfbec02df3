export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(values) {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** RSS sampled every `everyMs` ms; `stop()` returns the peak growth over the starting RSS, in MB. */
export function rssSampler(everyMs = 10) {
  const start = process.memoryUsage.rss();
  let peak = start;
  const t = setInterval(() => {
    const r = process.memoryUsage.rss();
    if (r > peak) peak = r;
  }, everyMs);
  return {
    stop() {
      clearInterval(t);
      const r = process.memoryUsage.rss();
      if (r > peak) peak = r;
      return { startMb: start / 1e6, peakMb: peak / 1e6, growthMb: (peak - start) / 1e6 };
    },
  };
}
