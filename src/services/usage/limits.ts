/**
 * The limits a server can set; `null` means "no limit", said explicitly. The queue limits cap how many
 * requests may wait for a running slot (`0`: none wait, a full running cap refuses as before).
 */
export const LIMIT_NAMES = [
  'guild_daily_tasks',
  'guild_monthly_tasks',
  'guild_monthly_seconds',
  'member_daily_tasks',
  'member_running',
  'guild_running',
  'cooldown_seconds',
  'guild_queue',
  'member_queue',
] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];
export type Limits = Record<LimitName, number | null>;

/** Reads an env value: a whole number ≥ 0, or `none` / `unlimited` for no limit. */
export function parseLimitValue(raw: string): number | null | undefined {
  const v = raw.trim().toLowerCase();
  if (v === 'none' || v === 'unlimited' || v === 'off') return null;
  return /^\d+$/.test(v) ? Number(v) : undefined;
}
