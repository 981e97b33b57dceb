/** One JSON line per figure, the format every benchmark prints. */
export function report(name: string, value: number, unit: string, target: string): void {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, target })}\n`);
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
