/** What a message parameter may be, and reading one into text (a missing optional one reads as nothing). */
export type Arg = string | number;

export const s = <T extends object>(p: T, k: keyof T & string): string =>
  String((p as Record<string, unknown>)[k] ?? '');

/** Parameters that are Unix times for Discord's `<t:…>` markup: they stay plain digits in every locale. */
const TIMESTAMPS = new Set(['resetAt', 'startsAt', 'expiresAt']);

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let f = formats.get(locale);
  if (!f) {
    // Grouping from 10,000 up (1920 × 1080 stays as written); decimals with the locale's separator.
    f = new Intl.NumberFormat(locale, { useGrouping: 'min2', maximumFractionDigits: 2 });
    formats.set(locale, f);
  }
  return f;
}

/** The parameters with every number (but a timestamp) written the locale's way: 12 000 (fr), 2,5 (de). */
export function localizeNumbers<P extends object>(locale: string, params: P): P {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'number' || TIMESTAMPS.has(k) || !Number.isFinite(v)) continue;
    out ??= { ...(params as Record<string, unknown>) };
    out[k] = numberFormat(locale).format(v);
  }
  return (out ?? params) as P;
}
