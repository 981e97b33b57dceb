/** Usage figures against limits, and the per-member month breakdown with its CSV, as plain data. */
import type { Counter } from './counter.js';
import type { GuildLedger } from './guildLedger.js';
import type { LimitName, Limits } from './limits.js';

export interface UsageLine {
  limit: LimitName;
  used: number;
  max: number | null;
  resetAt?: number;
}

export async function usageAgainstLimits(
  ledger: GuildLedger,
  guildId: string | null,
  userId: string,
): Promise<{ you: UsageLine[]; server: UsageLine[]; month: Counter }> {
  const [snap, limits] = await Promise.all([ledger.snapshot(guildId, userId), ledger.limitsFor(guildId)]);
  const day = Math.floor(snap.dayEndsAt / 1000);
  const month = Math.floor(snap.monthEndsAt / 1000);
  const line = (limit: LimitName, used: number, resetAt?: number): UsageLine => ({
    limit,
    used,
    max: limits[limit as keyof Limits],
    resetAt,
  });
  return {
    you: [
      line('member_daily_tasks', snap.memberDay.tasks, day),
      line('member_running', snap.memberRunning),
      line('member_queue', snap.memberQueued),
    ],
    server: guildId
      ? [
          line('guild_daily_tasks', snap.guildDay.tasks, day),
          line('guild_monthly_tasks', snap.guildMonth.tasks, month),
          line('guild_monthly_seconds', snap.guildMonth.seconds, month),
          line('guild_running', snap.guildRunning),
          line('guild_queue', snap.guildQueued),
        ]
      : [],
    month: guildId ? snap.guildMonth : snap.memberMonth,
  };
}

export function breakdownCsv(rows: Array<{ userId: string; counter: Counter }>): string {
  const lines = ['user_id,videos,seconds,per_task_units,per_second_units'];
  for (const r of rows)
    lines.push(
      [r.userId, r.counter.tasks, r.counter.seconds, r.counter.perTaskUnits, r.counter.perSecondUnits].join(','),
    );
  return `${lines.join('\n')}\n`;
}
