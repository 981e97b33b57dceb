/**
 * The per-guild usage ledger. A reservation checks every limit and adds the task's usage to the day and
 * month of the guild's usage document and the member's, and to their running counts; settling it releases
 * the running slots and, for a refund, takes the usage back. Exactness comes from the record store: a
 * reservation is one transaction over the two documents it reads (see docs/ARCHITECTURE.md), made together
 * with the task it pays for, so the ledger itself holds no lock and no cache.
 */
import { keys, prefixes } from '../../db/keys.js';
import type { RecordStore, Tx } from '../../db/recordStore.js';
import type { MessageKey } from '../../i18n/index.js';
import type { SettingsStore } from '../guildConfig/settingsStore.js';
import type { UsageCost } from '../validation/types.js';
import type { Counter } from './counter.js';
import type { Limits } from './limits.js';
import { periodsAt } from './periods.js';
import { counted, EMPTY_USAGE, type UsageDoc, withReservation, withSettlement } from './usageDoc.js';

export interface UsageScope {
  guildId: string | null;
  userId: string;
  model: string;
  cost: UsageCost;
}

/** What a task holds while it runs: the usage documents it counts in (and runs in), the periods, the amount. */
export interface Reservation {
  docs: string[];
  day: string;
  month: string;
  amount: Counter;
  at: number;
}

export type Refusal = { ok: false; key: MessageKey; params: Record<string, string | number> };
export type ReserveResult = { ok: true; reservation: Reservation } | Refusal;

/** A reservation ready to run inside a transaction: the records it needs, and the decision. */
export interface UsagePlan {
  keys: string[];
  reserve(tx: Tx): ReserveResult;
}

export interface UsageSnapshot {
  guildDay: Counter;
  guildMonth: Counter;
  memberDay: Counter;
  memberMonth: Counter;
  guildRunning: number;
  memberRunning: number;
  dayEndsAt: number;
  monthEndsAt: number;
}

export interface GuildLedgerOptions {
  store: RecordStore;
  settings: SettingsStore;
  defaults: Limits;
  dmEnabled: boolean;
  now?: () => number;
}

/** `g<guild>` for a server, `dm<user>` for a member's direct messages. */
export const scopeOf = (s: Pick<UsageScope, 'guildId' | 'userId'>) => (s.guildId ? `g${s.guildId}` : `dm${s.userId}`);

function scopeKeys(guildId: string | null, userId: string, timeZone: string, at: number) {
  const scope = scopeOf({ guildId, userId });
  return { periods: periodsAt(at, timeZone), guild: keys.usage(scope), member: keys.usage(scope, userId) };
}

export function createGuildLedger(options: GuildLedgerOptions) {
  const { store } = options;
  const now = options.now ?? Date.now;

  async function context(guildId: string | null) {
    const settings = guildId ? await options.settings.get(guildId) : {};
    return { limits: { ...options.defaults, ...settings.limits } as Limits, timeZone: settings.timeZone ?? 'UTC' };
  }

  return {
    async limitsFor(guildId: string | null): Promise<Limits> {
      return (await context(guildId)).limits;
    },

    /** Reads the server's limits and time zone, and names the records a reservation for `scope` needs. */
    async plan(scope: UsageScope): Promise<UsagePlan> {
      if (!scope.guildId && !options.dmEnabled) {
        return { keys: [], reserve: () => ({ ok: false, key: 'limit.dm_disabled', params: {} }) };
      }
      const at = now();
      const { limits, timeZone } = await context(scope.guildId);
      const k = scopeKeys(scope.guildId, scope.userId, timeZone, at);
      const inGuild = scope.guildId !== null;
      // In direct messages the member is the whole scope: only their document counts.
      const docs = inGuild ? [k.guild, k.member] : [k.member];
      const { day, month } = k.periods;
      return {
        keys: docs,
        reserve(tx) {
          const refusal = checkLimits(tx, limits, k, scope, at);
          if (refusal) return refusal;
          const amount: Counter = {
            tasks: 1,
            seconds: scope.cost.seconds,
            perTaskUnits: scope.cost.billing === 'per_task' ? scope.cost.units : 0,
            perSecondUnits: scope.cost.billing === 'per_second' ? scope.cost.units : 0,
          };
          if (inGuild) tx.set(k.guild, withReservation(tx.get<UsageDoc>(k.guild) ?? EMPTY_USAGE, amount, day, month));
          tx.set(k.member, withReservation(tx.get<UsageDoc>(k.member) ?? EMPTY_USAGE, amount, day, month, at));
          return { ok: true, reservation: { docs, day, month, amount, at } };
        },
      };
    },

    /** The records settling `r` touches. */
    settlementKeys: (r: Reservation) => r.docs,

    /** Inside a transaction: frees the running slots, and for a refund takes the usage back. */
    settle(tx: Tx, r: Reservation, outcome: 'committed' | 'refunded'): void {
      for (const key of r.docs) {
        const doc = tx.get<UsageDoc>(key) ?? EMPTY_USAGE;
        tx.set(key, withSettlement(doc, r.amount, r.day, r.month, outcome === 'refunded'));
      }
    },

    /** Current figures of a guild (or a member's DMs) and one member, with the reset times. */
    async snapshot(guildId: string | null, userId: string): Promise<UsageSnapshot> {
      const { timeZone } = await context(guildId);
      const k = scopeKeys(guildId, userId, timeZone, now());
      const found = await store.getMany<UsageDoc>([k.guild, k.member]);
      const member = found.get(k.member) ?? EMPTY_USAGE;
      // In direct messages the member is the whole scope.
      const guild = guildId ? (found.get(k.guild) ?? EMPTY_USAGE) : member;
      const { day, month, dayEndsAt, monthEndsAt } = k.periods;
      return {
        guildDay: counted(guild.day, day),
        guildMonth: counted(guild.month, month),
        memberDay: counted(member.day, day),
        memberMonth: counted(member.month, month),
        guildRunning: guild.running,
        memberRunning: member.running,
        dayEndsAt,
        monthEndsAt,
      };
    },

    /** Every member's usage in the guild's current month (one range scan), most videos first. */
    async memberBreakdown(
      guildId: string,
    ): Promise<{ month: string; rows: Array<{ userId: string; counter: Counter }> }> {
      const { timeZone } = await context(guildId);
      const { month } = periodsAt(now(), timeZone);
      const prefix = prefixes.memberUsage(`g${guildId}`);
      const rows: Array<{ userId: string; counter: Counter }> = [];
      for await (const page of store.pages<UsageDoc>(prefix, 5000)) {
        for (const [key, doc] of page) {
          if (doc.month?.id === month) rows.push({ userId: key.slice(prefix.length), counter: doc.month.counter });
        }
      }
      rows.sort((a, b) => b.counter.tasks - a.counter.tasks || b.counter.seconds - a.counter.seconds);
      return { month, rows };
    },
  };
}

export type GuildLedger = ReturnType<typeof createGuildLedger>;

function checkLimits(
  tx: Tx,
  limits: Limits,
  k: ReturnType<typeof scopeKeys>,
  scope: UsageScope,
  at: number,
): Refusal | undefined {
  const sec = (ms: number) => Math.floor(ms / 1000);
  const p = k.periods;
  const member = tx.get<UsageDoc>(k.member) ?? EMPTY_USAGE;
  const guild = scope.guildId ? (tx.get<UsageDoc>(k.guild) ?? EMPTY_USAGE) : EMPTY_USAGE;
  const runMember = member.running;
  const runGuild = guild.running;
  const last = member.last ?? 0;
  const refuse = (key: MessageKey, params: Record<string, string | number>): Refusal => ({ ok: false, key, params });
  if (limits.cooldown_seconds !== null && last && at - last < limits.cooldown_seconds * 1000) {
    return refuse('limit.cooldown', {
      seconds: limits.cooldown_seconds,
      resetAt: sec(last + limits.cooldown_seconds * 1000),
    });
  }
  if (limits.member_running !== null && runMember >= limits.member_running) {
    return refuse('limit.member_running', { used: runMember, limit: limits.member_running });
  }
  if (scope.guildId && limits.guild_running !== null && runGuild >= limits.guild_running) {
    return refuse('limit.guild_running', { used: runGuild, limit: limits.guild_running });
  }
  const memberDay = counted(member.day, p.day);
  if (limits.member_daily_tasks !== null && memberDay.tasks + 1 > limits.member_daily_tasks) {
    return refuse('limit.member_daily_tasks', {
      used: memberDay.tasks,
      limit: limits.member_daily_tasks,
      resetAt: sec(p.dayEndsAt),
    });
  }
  if (!scope.guildId) return undefined;
  const guildDay = counted(guild.day, p.day);
  const guildMonth = counted(guild.month, p.month);
  if (limits.guild_daily_tasks !== null && guildDay.tasks + 1 > limits.guild_daily_tasks) {
    return refuse('limit.guild_daily_tasks', {
      used: guildDay.tasks,
      limit: limits.guild_daily_tasks,
      resetAt: sec(p.dayEndsAt),
    });
  }
  if (limits.guild_monthly_tasks !== null && guildMonth.tasks + 1 > limits.guild_monthly_tasks) {
    return refuse('limit.guild_monthly_tasks', {
      used: guildMonth.tasks,
      limit: limits.guild_monthly_tasks,
      resetAt: sec(p.monthEndsAt),
    });
  }
  if (limits.guild_monthly_seconds !== null && guildMonth.seconds + scope.cost.seconds > limits.guild_monthly_seconds) {
    return refuse('limit.guild_monthly_seconds', {
      used: guildMonth.seconds,
      limit: limits.guild_monthly_seconds,
      needed: scope.cost.seconds,
      resetAt: sec(p.monthEndsAt),
    });
  }
  return undefined;
}
