/** Usage figures against limits, and the per-member month breakdown with its CSV, as plain data. */
import type { Counter } from './counter.js';
import type { GuildLedger, MemberUsageRow } from './guildLedger.js';
import type { LimitName, Limits } from './limits.js';
import { MICROS } from './prices.js';

export interface UsageLine {
  limit: LimitName;
  used: number;
  max: number | null;
  resetAt?: number;
  /** The role that gave the member this limit (role limits), if one did. */
  fromRole?: string;
}

export async function usageAgainstLimits(
  ledger: GuildLedger,
  guildId: string | null,
  userId: string,
  roleIds: readonly string[] = [],
  /** The member's own scope (user install where the bot is not): the operator's limits, no server lines. */
  userInstall = false,
): Promise<{ you: UsageLine[]; server: UsageLine[]; month: Counter; spendLimit: number | null }> {
  const [snap, { limits, fromRole }] = await Promise.all([
    ledger.snapshot(guildId, userId, userInstall),
    ledger.memberLimitsFor(guildId, roleIds, userInstall),
  ]);
  const inGuild = guildId !== null && !userInstall;
  const day = Math.floor(snap.dayEndsAt / 1000);
  const month = Math.floor(snap.monthEndsAt / 1000);
  const line = (limit: LimitName, used: number, resetAt?: number): UsageLine => ({
    limit,
    used,
    max: limits[limit as keyof Limits],
    resetAt,
    fromRole: (fromRole as Partial<Record<LimitName, string>>)[limit],
  });
  return {
    you: [
      line('member_daily_tasks', snap.memberDay.tasks, day),
      line('member_running', snap.memberRunning),
      line('member_queue', snap.memberQueued),
    ],
    server: inGuild
      ? [
          line('guild_daily_tasks', snap.guildDay.tasks, day),
          line('guild_monthly_tasks', snap.guildMonth.tasks, month),
          line('guild_monthly_seconds', snap.guildMonth.seconds, month),
          line('guild_running', snap.guildRunning),
          line('guild_queue', snap.guildQueued),
        ]
      : [],
    month: inGuild ? snap.guildMonth : snap.memberMonth,
    /** The scope's monthly spend cap in the prices' currency (null: none): the server's, or the member's own. */
    spendLimit: inGuild || userInstall ? (limits.guild_monthly_spend ?? null) : null,
  };
}

/** The per-member CSV; with prices set (`currency`), one more column: the estimated cost in that currency. */
export function breakdownCsv(rows: MemberUsageRow[], currency?: string): string {
  const lines = [
    `user_id,videos,seconds,per_task_units,per_second_units,content_refusals${currency ? `,estimated_cost_${currency}` : ''}`,
  ];
  for (const r of rows)
    lines.push(
      [
        r.userId,
        r.counter.tasks,
        r.counter.seconds,
        r.counter.perTaskUnits,
        r.counter.perSecondUnits,
        r.moderated,
        ...(currency ? [String((r.counter.spend ?? 0) / MICROS)] : []),
      ].join(','),
    );
  return `${lines.join('\n')}\n`;
}
