/**
 * The per-guild usage ledger. A reservation checks every limit and adds the task's usage to the day and
 * month counters of the guild and the member, and to their running counts; a commit releases the running
 * slot; a refund also takes the usage back. keyv has no atomic increment, so every read-check-write of a
 * guild (or of one member's DMs) runs under that scope's mutex (async-mutex); see docs/ARCHITECTURE.md
 * for why this stays exact when the bot is sharded.
 */
import { Mutex } from 'async-mutex';
import type { Counter, Reservation, UsageStore } from '../../db/usageStore.js';
import type { Limits } from './limits.js';
import { periodsAt } from './periods.js';
import type { ReserveResult, UsageLedger, UsageScope } from './usageLedger.js';

export interface GuildLedgerOptions {
  store: UsageStore;
  defaults: Limits;
  dmEnabled: boolean;
  now?: () => number;
}

const scopeKey = (s: Pick<UsageScope, 'guildId' | 'userId'>) => (s.guildId ? `g${s.guildId}` : `dm${s.userId}`);

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

export type GuildLedger = UsageLedger & {
  limitsFor(guildId: string | null): Promise<Limits>;
  /** Current figures of a guild (or a member's DMs) and one member, with the reset times. */
  snapshot(guildId: string | null, userId: string): Promise<UsageSnapshot>;
  /** Every member's usage in the guild's current month, most videos first. */
  memberBreakdown(guildId: string): Promise<{ month: string; rows: Array<{ userId: string; counter: Counter }> }>;
};

export function createGuildLedger(options: GuildLedgerOptions): GuildLedger {
  const { store } = options;
  const now = options.now ?? Date.now;
  const locks = new Map<string, Mutex>();
  const lock = (key: string) => {
    let m = locks.get(key);
    if (!m) locks.set(key, (m = new Mutex()));
    return m;
  };

  async function limitsFor(guildId: string | null): Promise<Limits> {
    if (!guildId) return options.defaults;
    return { ...options.defaults, ...(await store.settings(guildId)).limits };
  }

  const add = (a: Counter, b: Counter, sign: 1 | -1): Counter => ({
    tasks: Math.max(0, a.tasks + sign * b.tasks),
    seconds: Math.max(0, a.seconds + sign * b.seconds),
    perTaskUnits: Math.max(0, a.perTaskUnits + sign * b.perTaskUnits),
    perSecondUnits: Math.max(0, a.perSecondUnits + sign * b.perSecondUnits),
  });

  async function warm(scope: UsageScope, at: number): Promise<void> {
    const key = scopeKey(scope);
    const settings = scope.guildId ? await store.settings(scope.guildId) : {};
    const p = periodsAt(at, settings.timeZone ?? 'UTC');
    const member = `${key}:u${scope.userId}`;
    const keys = {
      counters: [`${key}:d:${p.day}`, `${key}:m:${p.month}`, `${member}:d:${p.day}`, `${member}:m:${p.month}`],
      running: [key, member],
      last: [member],
    };
    if (store.cached(keys)) return;
    await Promise.all([
      ...keys.counters.map((k) => store.counter(k)),
      ...keys.running.map((k) => store.running(k)),
      store.lastRequest(member),
    ]);
  }

  async function release(taskId: string, scope: UsageScope, to: 'committed' | 'refunded'): Promise<void> {
    const persisted = await lock(scopeKey(scope)).runExclusive(async () => {
      const r = await store.reservation(taskId);
      if (r?.state !== 'reserved') return undefined; // settled already: exactly once
      const writes: Array<Promise<unknown>> = [store.setReservation({ ...r, state: to })];
      for (const key of r.running) writes.push(store.setRunning(key, (await store.running(key)) - 1));
      if (to === 'refunded')
        for (const key of r.counters) writes.push(store.setCounter(key, add(await store.counter(key), r.amount, -1)));
      return Promise.all(writes);
    });
    await persisted;
  }

  return {
    limitsFor,
    async memberBreakdown(guildId) {
      const { month } = periodsAt(now(), (await store.settings(guildId)).timeZone ?? 'UTC');
      const rows = await store.memberCounters(`g${guildId}`, `m:${month}`);
      rows.sort((a, b) => b.counter.tasks - a.counter.tasks || b.counter.seconds - a.counter.seconds);
      return { month, rows };
    },
    async snapshot(guildId, userId) {
      const key = scopeKey({ guildId, userId });
      const settings = guildId ? await store.settings(guildId) : {};
      const p = periodsAt(now(), settings.timeZone ?? 'UTC');
      const member = `${key}:u${userId}`;
      return {
        guildDay: await store.counter(`${key}:d:${p.day}`),
        guildMonth: await store.counter(`${key}:m:${p.month}`),
        memberDay: await store.counter(`${member}:d:${p.day}`),
        memberMonth: await store.counter(`${member}:m:${p.month}`),
        guildRunning: await store.running(key),
        memberRunning: await store.running(member),
        dayEndsAt: p.dayEndsAt,
        monthEndsAt: p.monthEndsAt,
      };
    },
    async reserve(taskId, scope): Promise<ReserveResult> {
      if (!scope.guildId && !options.dmEnabled) return { ok: false, key: 'limit.dm_disabled', params: {} };
      const key = scopeKey(scope);
      // Load this request's figures into the cache before queueing for the lock (one batched read for every
      // concurrent request), so nothing under the lock waits for the disk.
      await warm(scope, now());
      // Decide and update the (cached) figures under the guild's lock; wait for SQLite after releasing it, so
      // the next request of the guild is decided on the new figures without waiting for the disk.
      const decided = await lock(key).runExclusive(
        async (): Promise<{ result: ReserveResult; persisted?: Promise<unknown> }> => {
          const at = now();
          const settings = scope.guildId ? await store.settings(scope.guildId) : {};
          const limits = { ...options.defaults, ...settings.limits };
          const p = periodsAt(at, settings.timeZone ?? 'UTC');
          const member = `${key}:u${scope.userId}`;
          const keys = {
            guildDay: `${key}:d:${p.day}`,
            guildMonth: `${key}:m:${p.month}`,
            memberDay: `${member}:d:${p.day}`,
            memberMonth: `${member}:m:${p.month}`,
          };
          const [guildDay, guildMonth, memberDay, runGuild, runMember, last] = await Promise.all([
            store.counter(keys.guildDay),
            store.counter(keys.guildMonth),
            store.counter(keys.memberDay),
            store.running(`${key}`),
            store.running(member),
            store.lastRequest(member),
          ]);
          const sec = Math.floor;
          const refuse = (k: ReserveResult & { ok: false }) => ({ result: k });
          if (limits.cooldown_seconds !== null && last && at - last < limits.cooldown_seconds * 1000) {
            return refuse({
              ok: false,
              key: 'limit.cooldown',
              params: {
                seconds: limits.cooldown_seconds,
                resetAt: sec((last + limits.cooldown_seconds * 1000) / 1000),
              },
            });
          }
          if (limits.member_running !== null && runMember >= limits.member_running)
            return refuse({
              ok: false,
              key: 'limit.member_running',
              params: { used: runMember, limit: limits.member_running },
            });
          if (scope.guildId && limits.guild_running !== null && runGuild >= limits.guild_running)
            return refuse({
              ok: false,
              key: 'limit.guild_running',
              params: { used: runGuild, limit: limits.guild_running },
            });
          if (limits.member_daily_tasks !== null && memberDay.tasks + 1 > limits.member_daily_tasks) {
            return refuse({
              ok: false,
              key: 'limit.member_daily_tasks',
              params: { used: memberDay.tasks, limit: limits.member_daily_tasks, resetAt: sec(p.dayEndsAt / 1000) },
            });
          }
          if (scope.guildId) {
            if (limits.guild_daily_tasks !== null && guildDay.tasks + 1 > limits.guild_daily_tasks) {
              return refuse({
                ok: false,
                key: 'limit.guild_daily_tasks',
                params: { used: guildDay.tasks, limit: limits.guild_daily_tasks, resetAt: sec(p.dayEndsAt / 1000) },
              });
            }
            if (limits.guild_monthly_tasks !== null && guildMonth.tasks + 1 > limits.guild_monthly_tasks) {
              return refuse({
                ok: false,
                key: 'limit.guild_monthly_tasks',
                params: {
                  used: guildMonth.tasks,
                  limit: limits.guild_monthly_tasks,
                  resetAt: sec(p.monthEndsAt / 1000),
                },
              });
            }
            if (
              limits.guild_monthly_seconds !== null &&
              guildMonth.seconds + scope.cost.seconds > limits.guild_monthly_seconds
            ) {
              return refuse({
                ok: false,
                key: 'limit.guild_monthly_seconds',
                params: {
                  used: guildMonth.seconds,
                  limit: limits.guild_monthly_seconds,
                  needed: scope.cost.seconds,
                  resetAt: sec(p.monthEndsAt / 1000),
                },
              });
            }
          }
          const amount: Counter = {
            tasks: 1,
            seconds: scope.cost.seconds,
            perTaskUnits: scope.cost.billing === 'per_task' ? scope.cost.units : 0,
            perSecondUnits: scope.cost.billing === 'per_second' ? scope.cost.units : 0,
          };
          const counters = scope.guildId
            ? [keys.guildDay, keys.guildMonth, keys.memberDay, keys.memberMonth]
            : [keys.memberDay, keys.memberMonth];
          const running = scope.guildId ? [key, member] : [member];
          // The reservation travels with the counters: a crash leaves a record that refund/commit can settle.
          const reservation: Reservation = { taskId, counters, running, amount, state: 'reserved', at };
          // All writes are queued together on the one connection and awaited before saying yes.
          const current = await Promise.all([
            ...counters.map((k) => store.counter(k)),
            ...running.map((k) => store.running(k)),
          ]);
          const persisted = Promise.all([
            store.setReservation(reservation),
            ...counters.map((k, i) => store.setCounter(k, add(current[i] as Counter, amount, 1))),
            ...running.map((k, i) => store.setRunning(k, (current[counters.length + i] as number) + 1)),
            store.setLastRequest(member, at),
          ]);
          return { result: { ok: true }, persisted };
        },
      );
      await decided.persisted;
      return decided.result;
    },
    commit: (taskId, scope) => release(taskId, scope, 'committed'),
    refund: (taskId, scope) => release(taskId, scope, 'refunded'),
  };
}
