/**
 * The operator's prices (`PRICES` / `PRICES_FILE`) and what a task is estimated to cost with them. Prices are
 * per billing model (`seedance2.0-mini-sp-720p`, as the catalog names it), in that model's own unit: per task
 * or per second. Amounts are kept as whole millionths of the currency ("micros"), so sums and limits are exact.
 */
import { z } from 'zod';
import type { UsageCost } from '../validation/types.js';

export interface PriceTable {
  /** ISO 4217 code, e.g. USD, CNY. */
  currency: string;
  /** Price of one billing unit, by billing model name (or model id, which then covers every resolution). */
  prices: Record<string, number>;
}

export const MICROS = 1_000_000;

const priceTableSchema = z.object({
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, { error: 'expected a three-letter ISO 4217 currency code such as USD' })
    .transform((c) => c.toUpperCase()),
  prices: z.record(
    z.string().min(1),
    z.number({ error: 'expected a price as a number' }).nonnegative({ error: 'expected a price of 0 or more' }),
  ),
});

/** Reads a price table from JSON text; a problem names what is wrong (never the whole text). */
export function parsePriceTable(text: string): { ok: true; table: PriceTable } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not valid JSON' };
  }
  const parsed = priceTableSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `${issue.path.join('.') || 'the object'}: ${issue.message}` };
  }
  try {
    new Intl.NumberFormat('en-US', { style: 'currency', currency: parsed.data.currency });
  } catch {
    return { ok: false, problem: `currency: ${parsed.data.currency} is not a currency` };
  }
  return { ok: true, table: parsed.data };
}

/** What a task is estimated to cost in micros, or undefined when no price covers it. */
export function costMicros(table: PriceTable | undefined, model: string, cost: UsageCost): number | undefined {
  if (!table) return undefined;
  const price = table.prices[cost.billedAs] ?? table.prices[model];
  if (price === undefined) return undefined;
  return Math.round(price * cost.units * MICROS);
}

/** Micros as money for a member: `$1.25`, `CN¥3.50` (the locale picks the symbol's style). */
export function formatMoney(micros: number, currency: string, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2 }).format(
    micros / MICROS,
  );
}

/** An amount of money as written in the environment (`12.5`), in micros; undefined when it is not one. */
export function parseMoney(raw: string): number | undefined {
  const v = raw.trim();
  return /^\d+(\.\d{1,6})?$/.test(v) ? Math.round(Number(v) * MICROS) : undefined;
}
