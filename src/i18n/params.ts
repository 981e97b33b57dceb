/** What a message parameter may be, and reading one into text (a missing optional one reads as nothing). */
export type Arg = string | number;

/** An amount of money as a message parameter (a key declares it): written in the reader's locale when rendered. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}
export const money = (amount: number, currency: string): Money => ({ amount, currency });

/** A size in bytes as a message parameter: written in the reader's units and decimals (40 MB, 40,5 Mo, 300 KB). */
export interface Bytes {
  readonly bytes: number;
}
export const bytes = (n: number): Bytes => ({ bytes: n });
const isBytes = (v: unknown): v is Bytes =>
  typeof v === 'object' && v !== null && typeof (v as Bytes).bytes === 'number';
const MIB = 1024 * 1024;
const isMoney = (v: unknown): v is Money =>
  typeof v === 'object' && v !== null && typeof (v as Money).amount === 'number' && 'currency' in v;

export const s = <T extends object>(p: T, k: keyof T & string): string =>
  String((p as Record<string, unknown>)[k] ?? '');

/** Parameters that are Unix times for Discord's `<t:…>` markup: they stay plain digits in every locale. */
const TIMESTAMPS = new Set(['resetAt', 'startsAt', 'expiresAt']);

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(
  locale: string,
  kind: 'plain' | 'megabyte' | 'kilobyte' | { currency: string },
): Intl.NumberFormat {
  const id = `${locale} ${typeof kind === 'string' ? kind : kind.currency}`;
  let f = formats.get(id);
  if (!f) {
    // Grouping from 10,000 up (1920 × 1080 stays as written); decimals with the locale's separator.
    f =
      typeof kind === 'object'
        ? new Intl.NumberFormat(locale, { style: 'currency', currency: kind.currency, maximumFractionDigits: 2 })
        : kind === 'plain'
          ? new Intl.NumberFormat(locale, { useGrouping: 'min2', maximumFractionDigits: 2 })
          : new Intl.NumberFormat(locale, {
              style: 'unit',
              unit: kind,
              unitDisplay: 'short',
              maximumFractionDigits: 1,
            });
    formats.set(id, f);
  }
  return f;
}

/** A number as the locale writes it (12.000 in de, 12 000 in fr; four digits stay as written). */
export const formatNumber = (locale: string, n: number): string => numberFormat(locale, 'plain').format(n);

/** Sizes as before (MB from 1 MiB up, else whole KB), in the locale's unit symbols and decimals. */
function formatSize(locale: string, n: number): string {
  return n >= MIB
    ? numberFormat(locale, 'megabyte').format(n / MIB)
    : numberFormat(locale, 'kilobyte').format(Math.ceil(n / 1024));
}

/**
 * The parameters with every number (but a timestamp), amount of money and size written the locale's way:
 * 12 000 (fr), 2,5 (de), 12,50 $ (de), 40,5 Mo (fr).
 */
export function localizeNumbers<P extends object>(locale: string, params: P): P {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(params)) {
    let text: string;
    if (isMoney(v)) text = numberFormat(locale, { currency: v.currency }).format(v.amount);
    else if (isBytes(v)) text = formatSize(locale, v.bytes);
    else if (typeof v === 'number' && !TIMESTAMPS.has(k) && Number.isFinite(v))
      text = numberFormat(locale, 'plain').format(v);
    else continue;
    out ??= { ...(params as Record<string, unknown>) };
    out[k] = text;
  }
  return (out ?? params) as P;
}
