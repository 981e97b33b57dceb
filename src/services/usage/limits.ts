/**
 * The limits a server can set; `null` means "no limit", said explicitly. `guild_monthly_spend` is money in
 * the operator's currency (see prices.ts), checked only when prices are set. The queue limits cap how many
 * requests may wait for a running slot (`0`: none wait, a full running cap refuses as before).
 */
export const LIMIT_NAMES = [
  'guild_daily_tasks',
  'guild_monthly_tasks',
  'guild_monthly_seconds',
  'guild_monthly_spend',
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

/** The limits that apply to one member, which a server may raise (or lower) per role. */
export const MEMBER_LIMIT_NAMES = ['member_daily_tasks', 'member_running', 'member_queue', 'cooldown_seconds'] as const;
export type MemberLimitName = (typeof MEMBER_LIMIT_NAMES)[number];
export type RoleLimits = Record<string, Partial<Record<MemberLimitName, number | null>>>;

/** Which is more generous for a member: no limit beats any number; a shorter cooldown, a higher count. */
function moreGenerous(name: MemberLimitName, a: number | null, b: number | null): boolean {
  if (a === null) return b !== null;
  if (b === null) return false;
  return name === 'cooldown_seconds' ? a < b : a > b;
}

/**
 * A member's limits: for each member limit, the most generous value among their roles that set it, else
 * the server's value; `fromRole` says which role gave it.
 */
export function memberLimits(
  limits: Limits,
  roleLimits: RoleLimits | undefined,
  roleIds: readonly string[],
): { limits: Limits; fromRole: Partial<Record<MemberLimitName, string>> } {
  const out: Limits = { ...limits };
  const fromRole: Partial<Record<MemberLimitName, string>> = {};
  for (const name of MEMBER_LIMIT_NAMES) {
    let best: { value: number | null; role: string } | undefined;
    for (const role of roleIds) {
      const set = roleLimits?.[role];
      if (!set || !(name in set)) continue;
      const value = set[name] ?? null;
      if (!best || moreGenerous(name, value, best.value)) best = { value, role };
    }
    if (best) {
      out[name] = best.value;
      fromRole[name] = best.role;
    }
  }
  return { limits: out, fromRole };
}

/** The operator's limits for a member's user-install use (LIMIT_USER_*; null = no limit). */
export interface UserInstallLimits {
  dailyTasks: number | null;
  running: number | null;
  /** Money in the prices' currency per calendar month (UTC); checked only when prices are set. */
  monthlySpend: number | null;
}

/**
 * The limits of a member's own scope (`u<user>`: servers that did not add the bot, group DMs): the member is the
 * whole scope, so the server limits do not apply; the scope's monthly spend is the member's. Cooldown and the
 * member queue are the bot's defaults.
 */
export function userInstallLimits(defaults: Limits, user: UserInstallLimits): Limits {
  return {
    ...defaults,
    guild_daily_tasks: null,
    guild_monthly_tasks: null,
    guild_monthly_seconds: null,
    guild_running: null,
    guild_queue: null,
    guild_monthly_spend: user.monthlySpend,
    member_daily_tasks: user.dailyTasks,
    member_running: user.running,
  };
}
