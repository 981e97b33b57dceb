/** What a message parameter may be, and reading one into text (a missing optional one reads as nothing). */
export type Arg = string | number;

/** An amount of money as a message parameter (a key declares it): written in the reader's locale when rendered. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}
export const money = (amount: number, currency: string): Money => ({ amount, currency });
const isMoney = (v: unknown): v is Money =>
  typeof v === 'object' && v !== null && typeof (v as Money).amount === 'number' && 'currency' in v;

export const s = <T extends object>(p: T, k: keyof T & string): string =>
  String((p as Record<string, unknown>)[k] ?? '');

/** Parameters that are Unix times for Discord's `<t:…>` markup: they stay plain digits in every locale. */
const TIMESTAMPS = new Set(['resetAt', 'startsAt', 'expiresAt']);

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, currency?: string): Intl.NumberFormat {
  const id = `${locale} ${currency ?? ''}`;
  let f = formats.get(id);
  if (!f) {
    // Grouping from 10,000 up (1920 × 1080 stays as written); decimals with the locale's separator.
    f = currency
      ? new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2 })
      : new Intl.NumberFormat(locale, { useGrouping: 'min2', maximumFractionDigits: 2 });
    formats.set(id, f);
  }
  return f;
}

/**
 * The parameters with every number (but a timestamp) and amount of money written the locale's way:
 * 12 000 (fr), 2,5 (de), 12,50 $ (de).
 */
export function localizeNumbers<P extends object>(locale: string, params: P): P {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(params)) {
    let text: string;
    if (isMoney(v)) text = numberFormat(locale, v.currency).format(v.amount);
    else if (typeof v === 'number' && !TIMESTAMPS.has(k) && Number.isFinite(v)) text = numberFormat(locale).format(v);
    else continue;
    out ??= { ...(params as Record<string, unknown>) };
    out[k] = text;
  }
  return (out ?? params) as P;
}
