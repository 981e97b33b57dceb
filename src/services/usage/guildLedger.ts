/**
 * The per-guild usage ledger. A reservation checks every limit and adds the task's usage to the day and
 * month counters of the guild and the member, and to their running counts; settling it releases the
 * running slots and, for a refund, takes the usage back. Exactness comes from the record store: a
 * reservation is one transaction over every record it reads (see docs/ARCHITECTURE.md), made together
 * with the task it pays for, so the ledger itself holds no lock and no cache.
 */
import { keys, prefixes } from '../../db/keys.js';
import type { RecordStore, Tx } from '../../db/recordStore.js';
import type { MessageKey } from '../../i18n/index.js';
import type { SettingsStore } from '../guildConfig/settingsStore.js';
import type { UsageCost } from '../validation/types.js';
import { addCounter, type Counter, EMPTY_COUNTER } from './counter.js';
import type { Limits } from './limits.js';
import { periodsAt } from './periods.js';

export interface UsageScope {
  guildId: string | null;
  userId: string;
  model: string;
  cost: UsageCost;
}

/** What a task holds while it runs: the counters it added to and the running slots it occupies. */
export interface Reservation {
  counters: string[];
  running: string[];
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
  const p = periodsAt(at, timeZone);
  return {
    periods: p,
    guildDay: keys.counter(scope, `d:${p.day}`),
    guildMonth: keys.counter(scope, `m:${p.month}`),
    memberDay: keys.counter(scope, `d:${p.day}`, userId),
    memberMonth: keys.counter(scope, `m:${p.month}`, userId),
    guildRunning: keys.running(scope),
    memberRunning: keys.running(scope, userId),
    last: keys.lastRequest(scope, userId),
  };
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
      const counters = inGuild ? [k.guildDay, k.guildMonth, k.memberDay, k.memberMonth] : [k.memberDay, k.memberMonth];
      const running = inGuild ? [k.guildRunning, k.memberRunning] : [k.memberRunning];
      return {
        keys: [...counters, ...running, k.last],
        reserve(tx) {
          const refusal = checkLimits(tx, limits, k, scope, at);
          if (refusal) return refusal;
          const amount: Counter = {
            tasks: 1,
            seconds: scope.cost.seconds,
            perTaskUnits: scope.cost.billing === 'per_task' ? scope.cost.units : 0,
            perSecondUnits: scope.cost.billing === 'per_second' ? scope.cost.units : 0,
          };
          for (const key of counters) tx.set(key, addCounter(tx.get<Counter>(key) ?? EMPTY_COUNTER, amount, 1));
          for (const key of running) tx.set(key, (tx.get<number>(key) ?? 0) + 1);
          tx.set(k.last, at);
          return { ok: true, reservation: { counters, running, amount, at } };
        },
      };
    },

    /** The records settling `r` touches. */
    settlementKeys: (r: Reservation) => [...r.counters, ...r.running],

    /** Inside a transaction: frees the running slots, and for a refund takes the usage back. */
    settle(tx: Tx, r: Reservation, outcome: 'committed' | 'refunded'): void {
      for (const key of r.running) {
        const n = (tx.get<number>(key) ?? 0) - 1;
        if (n > 0) tx.set(key, n);
        else tx.delete(key);
      }
      if (outcome === 'refunded') {
        for (const key of r.counters) tx.set(key, addCounter(tx.get<Counter>(key) ?? EMPTY_COUNTER, r.amount, -1));
      }
    },

    /** Current figures of a guild (or a member's DMs) and one member, with the reset times. */
    async snapshot(guildId: string | null, userId: string): Promise<UsageSnapshot> {
      const { timeZone } = await context(guildId);
      const k = scopeKeys(guildId, userId, timeZone, now());
      const found = await store.getMany<Counter | number>([
        k.guildDay,
        k.guildMonth,
        k.memberDay,
        k.memberMonth,
        k.guildRunning,
        k.memberRunning,
      ]);
      const counter = (key: string) => (found.get(key) as Counter | undefined) ?? EMPTY_COUNTER;
      return {
        guildDay: counter(k.guildDay),
        guildMonth: counter(k.guildMonth),
        memberDay: counter(k.memberDay),
        memberMonth: counter(k.memberMonth),
        guildRunning: (found.get(k.guildRunning) as number | undefined) ?? 0,
        memberRunning: (found.get(k.memberRunning) as number | undefined) ?? 0,
        dayEndsAt: k.periods.dayEndsAt,
        monthEndsAt: k.periods.monthEndsAt,
      };
    },

    /** Every member's usage in the guild's current month (one range scan), most videos first. */
    async memberBreakdown(
      guildId: string,
    ): Promise<{ month: string; rows: Array<{ userId: string; counter: Counter }> }> {
      const { timeZone } = await context(guildId);
      const { month } = periodsAt(now(), timeZone);
      const prefix = prefixes.memberCounters(`g${guildId}`, `m:${month}`);
      const rows: Array<{ userId: string; counter: Counter }> = [];
      let after: string | undefined;
      for (;;) {
        const page = await store.scan<Counter>(prefix, { after, limit: 5000 });
        for (const [key, counter] of page) rows.push({ userId: key.slice(prefix.length), counter });
        if (page.length < 5000) break;
        after = page[page.length - 1]![0];
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
  const counter = (key: string) => tx.get<Counter>(key) ?? EMPTY_COUNTER;
  const runMember = tx.get<number>(k.memberRunning) ?? 0;
  const runGuild = scope.guildId ? (tx.get<number>(k.guildRunning) ?? 0) : 0;
  const last = tx.get<number>(k.last) ?? 0;
  const refuse = (key: MessageKey, params: Record<string, string | number>): Refusal => ({ ok: false, key, params });
  const p = k.periods;
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
  const memberDay = counter(k.memberDay);
  if (limits.member_daily_tasks !== null && memberDay.tasks + 1 > limits.member_daily_tasks) {
    return refuse('limit.member_daily_tasks', {
      used: memberDay.tasks,
      limit: limits.member_daily_tasks,
      resetAt: sec(p.dayEndsAt),
    });
  }
  if (!scope.guildId) return undefined;
  const guildDay = counter(k.guildDay);
  const guildMonth = counter(k.guildMonth);
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
