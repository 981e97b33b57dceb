/**
 * One JSON line per figure, the format every benchmark prints: two decimals, three significant digits below 1
 * (0.304 ms against a target of 0.3 must not print as 0.3, a pass).
 */
export function report(name: string, value: number, unit: string, target: string): void {
  process.stdout.write(`${JSON.stringify({ name, value: rounded(value), unit, target })}\n`);
}

export const rounded = (value: number): number =>
  Math.abs(value) < 1 && value !== 0 ? Number(value.toPrecision(3)) : Math.round(value * 100) / 100;

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
