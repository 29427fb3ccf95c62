/** Summaries of repeated measurements: the median and the middle half (p25–p75). */
export interface Summary {
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
  runs: number;
}

/** The value at quantile `q` (0…1) of sorted values, interpolated between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const a = sorted[low]!;
  const b = sorted[high]!;
  return a + (b - a) * (at - low);
}

export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarise');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    runs: sorted.length,
  };
}

/** Runs `once` `warmup` times unmeasured, then `runs` times, and returns each run's result. */
export async function repeat<T>(
  warmup: number,
  runs: number,
  once: (run: number) => Promise<T>,
): Promise<T[]> {
  for (let i = 0; i < warmup; i++) await once(-1 - i);
  const results: T[] = [];
  for (let i = 0; i < runs; i++) results.push(await once(i));
  return results;
}
