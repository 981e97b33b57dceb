/**
 * The per-guild usage ledger. A reservation checks every limit and adds the task's usage to the day and
 * month of the guild's usage document and the member's, and to their running counts; settling it releases
 * the running slots and, for a refund, takes the usage back. Exactness comes from the record store: a
 * reservation is one transaction over the two documents it reads (see docs/ARCHITECTURE.md), made together
 * with the task it pays for, so the ledger itself holds no lock and no cache.
 */
import { keys, prefixes } from '../../db/keys.js';
import type { RecordStore, Tx } from '../../db/recordStore.js';
import { type Message, type MessageKey, message, type ParamsOf } from '../../i18n/index.js';
import { money } from '../../i18n/params.js';
import type { SettingsStore } from '../guildConfig/settingsStore.js';
import { findModel } from '../../catalog/models.js';
import type { UsageCost } from '../validation/types.js';
import type { Counter } from './counter.js';
import {
  type Limits,
  type MemberLimitName,
  memberLimits,
  type UserInstallLimits,
  userInstallLimits,
} from './limits.js';
import { DEFAULT_TIME_ZONE, periodsAt } from './periods.js';
import { costMicros, MICROS, type PriceTable } from './prices.js';
import {
  counted,
  EMPTY_USAGE,
  type Slot,
  type UsageDoc,
  withReservation,
  withSettlement,
  withModerated,
  withStarted,
} from './usageDoc.js';

export interface UsageScope {
  guildId: string | null;
  userId: string;
  /** The member's roles in the server (role limits). */
  roleIds?: readonly string[];
  /** Used through the member's own install where the bot is not: the member's `u<user>` scope (see scopeOf). */
  userInstall?: boolean;
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
  /** The currency of `amount.spend` (prices set when it was made). */
  currency?: string;
  /** The model's family, counted per day in the guild's document (the usage chart). */
  family?: string;
}

/** A refused reservation: the limit's message, its parameters checked against its key. */
export type Refusal = { ok: false } & Message;
/** `slot`: the task runs now, or waits in its scope's queue for a running slot (its usage counted already). */
export type ReserveResult = { ok: true; reservation: Reservation; slot: Slot } | Refusal;

/** A reservation ready to run inside a transaction: the records it needs, and the decision. */
export interface UsagePlan {
  keys: string[];
  reserve(tx: Tx): ReserveResult;
  /** The reservation's decision without its writes (`tx` is only read). */
  check(tx: Tx): { ok: true } | Refusal;
}

/** One member's month in a server: their usage, and how many requests the video service refused for content. */
export interface MemberUsageRow {
  userId: string;
  counter: Counter;
  moderated: number;
}

export interface UsageSnapshot {
  guildDay: Counter;
  guildMonth: Counter;
  memberDay: Counter;
  memberMonth: Counter;
  guildRunning: number;
  memberRunning: number;
  guildQueued: number;
  memberQueued: number;
  dayEndsAt: number;
  monthEndsAt: number;
}

export interface GuildLedgerOptions {
  store: RecordStore;
  settings: SettingsStore;
  defaults: Limits;
  dmEnabled: boolean;
  /** User install: whether it is on, and the operator's limits for it (each member's `u<user>` scope). */
  userInstall?: { enabled: boolean; limits: UserInstallLimits };
  /** The operator's prices: reservations then carry their estimated cost, and the spend limit applies. */
  prices?: PriceTable;
  now?: () => number;
}

/**
 * `g<guild>` for a server that added the bot, `dm<user>` for a member's direct messages with the bot, `u<user>`
 * for a member's user-install use where the bot is not (servers that did not add it, group DMs): one budget per
 * member there, whichever server, paid by the operator.
 */
export const scopeOf = (s: Pick<UsageScope, 'guildId' | 'userId' | 'userInstall'>) =>
  s.userInstall ? `u${s.userId}` : s.guildId ? `g${s.guildId}` : `dm${s.userId}`;

/** The scope's kind, from its name (queue sweeps and starts know only the name). */
export const isUserScope = (scope: string) => scope.startsWith('u');

function scopeKeys(guildId: string | null, userId: string, timeZone: string, at: number, userInstall = false) {
  const scope = scopeOf({ guildId, userId, userInstall });
  return { periods: periodsAt(at, timeZone), guild: keys.usage(scope), member: keys.usage(scope, userId) };
}

export function createGuildLedger(options: GuildLedgerOptions) {
  const { store } = options;
  const now = options.now ?? Date.now;

  async function context(guildId: string | null, roleIds: readonly string[] = [], userInstall = false) {
    // The member's own scope: the operator's limits, no server's settings (that server did not add the bot).
    if (userInstall) return { limits: userLimits(), fromRole: {}, timeZone: DEFAULT_TIME_ZONE };
    const settings = guildId ? await options.settings.get(guildId) : {};
    const server = { ...options.defaults, ...settings.limits } as Limits;
    const { limits, fromRole } = memberLimits(server, settings.roleLimits, roleIds);
    return { limits, fromRole, timeZone: settings.timeZone ?? DEFAULT_TIME_ZONE };
  }

  const userLimits = () =>
    userInstallLimits(options.defaults, options.userInstall?.limits ?? { dailyTasks: 0, running: 0, monthlySpend: 0 });

  /** Reads the server's limits and time zone, and names the records a reservation for `scope` needs. */
  async function plan(scope: UsageScope): Promise<UsagePlan> {
    const off: MessageKey | undefined = scope.userInstall
      ? options.userInstall?.enabled
        ? undefined
        : 'limit.user_install_disabled'
      : !scope.guildId && !options.dmEnabled
        ? 'limit.dm_disabled'
        : undefined;
    if (off) {
      const refused = (): Refusal => ({ ok: false, key: off, params: {} }) as Refusal;
      return { keys: [], reserve: refused, check: refused };
    }
    const at = now();
    const userInstall = scope.userInstall === true;
    const { limits, timeZone } = await context(scope.guildId, scope.roleIds, userInstall);
    const k = scopeKeys(scope.guildId, scope.userId, timeZone, at, userInstall);
    // A server that added the bot: its document and the member's. Elsewhere the member is the whole scope.
    const inGuild = scope.guildId !== null && !userInstall;
    // In direct messages the member is the whole scope: only their document counts.
    const docs = inGuild ? [k.guild, k.member] : [k.member];
    const { day, month } = k.periods;
    return {
      keys: docs,
      check(tx) {
        const spend = costMicros(options.prices, scope.model, scope.cost);
        const decision = checkLimits(tx, limits, k, scope, at, spend, options.prices?.currency);
        return 'ok' in decision ? decision : { ok: true };
      },
      reserve(tx) {
        const spend = costMicros(options.prices, scope.model, scope.cost);
        const decision = checkLimits(tx, limits, k, scope, at, spend, options.prices?.currency);
        if ('ok' in decision) return decision;
        const { slot } = decision;
        const amount: Counter = {
          tasks: 1,
          seconds: scope.cost.seconds,
          perTaskUnits: scope.cost.billing === 'per_task' ? scope.cost.units : 0,
          perSecondUnits: scope.cost.billing === 'per_second' ? scope.cost.units : 0,
          ...(spend !== undefined ? { spend } : {}),
        };
        const family = inGuild ? (findModel(scope.model)?.family ?? 'other') : undefined;
        if (inGuild)
          tx.set(
            k.guild,
            withReservation(tx.get<UsageDoc>(k.guild) ?? EMPTY_USAGE, amount, day, month, undefined, slot, family),
          );
        tx.set(k.member, withReservation(tx.get<UsageDoc>(k.member) ?? EMPTY_USAGE, amount, day, month, at, slot));
        return {
          ok: true,
          reservation: {
            docs,
            day,
            month,
            amount,
            at,
            ...(spend !== undefined ? { currency: options.prices!.currency } : {}),
            ...(family ? { family } : {}),
          },
          slot,
        };
      },
    };
  }

  return {
    /** The operator's prices, when set (estimated costs are shown with their currency). */
    prices: options.prices,

    async limitsFor(guildId: string | null, userInstall = false): Promise<Limits> {
      return (await context(guildId, [], userInstall)).limits;
    },

    /**
     * The running caps that apply now (null = no cap): the server's, and a member's given the roles they
     * hold, from the current settings (the queue decides who starts with these, never with caps of the past).
     */
    async runningCaps(
      guildId: string | null,
      userInstall = false,
    ): Promise<{ guild: number | null; member(roleIds: readonly string[]): number | null }> {
      if (userInstall) {
        const cap = userLimits().member_running;
        return { guild: null, member: () => cap };
      }
      const settings = guildId ? await options.settings.get(guildId) : {};
      const server = { ...options.defaults, ...settings.limits } as Limits;
      return {
        guild: guildId ? server.guild_running : null,
        member: (roleIds) => memberLimits(server, settings.roleLimits, roleIds).limits.member_running,
      };
    },

    /** A member's limits (their roles' most generous member limits over the server's), and which role gave each. */
    async memberLimitsFor(
      guildId: string | null,
      roleIds: readonly string[],
      userInstall = false,
    ): Promise<{ limits: Limits; fromRole: Partial<Record<MemberLimitName, string>> }> {
      const { limits, fromRole } = await context(guildId, roleIds, userInstall);
      return { limits, fromRole };
    },

    plan,

    /**
     * The same rules as the reservation, read-only: whether a request for `scope` would be refused now (a limit,
     * the cooldown, the spend). Work done before the reservation (Extend's frame) runs only when it passes; the
     * reservation still decides, in its transaction, since usage may change in between. A full running cap is
     * no refusal (the request would wait in the queue).
     */
    async precheck(scope: UsageScope): Promise<Refusal | undefined> {
      const planned = await plan(scope);
      const found = await store.getMany<unknown>(planned.keys);
      const readOnly: Tx = {
        get: <V>(key: string) => found.get(key) as V | undefined,
        set: () => {
          throw new Error('a precheck writes nothing');
        },
        delete: () => {
          throw new Error('a precheck writes nothing');
        },
      };
      const decision = planned.check(readOnly);
      return decision.ok ? undefined : decision;
    },

    /** The records settling `r` touches. */
    settlementKeys: (r: Reservation) => r.docs,

    /** Inside a transaction: frees the running slot (or the place in the queue), and for a refund takes the usage back. */
    settle(tx: Tx, r: Reservation, outcome: 'committed' | 'refunded', slot: Slot = 'running'): void {
      for (const [i, key] of r.docs.entries()) {
        const doc = tx.get<UsageDoc>(key) ?? EMPTY_USAGE;
        // Only the guild's document (the first of two) counts videos per day and family.
        const family = r.docs.length > 1 && i === 0 ? r.family : undefined;
        tx.set(key, withSettlement(doc, r.amount, r.day, r.month, outcome === 'refunded', slot, family));
      }
    },

    /** Inside a transaction: the video service refused the member's request for its content (counted per month). */
    countModerated(tx: Tx, r: Reservation): void {
      const member = r.docs[r.docs.length - 1]!;
      tx.set(member, withModerated(tx.get<UsageDoc>(member) ?? EMPTY_USAGE, r.month));
    },

    /** Inside a transaction: a queued task takes a running slot in each document it counts in. */
    start(tx: Tx, r: Reservation): void {
      for (const key of r.docs) tx.set(key, withStarted(tx.get<UsageDoc>(key) ?? EMPTY_USAGE));
    },

    /** Current figures of a guild (or a member's DMs, or own scope) and one member, with the reset times. */
    async snapshot(guildId: string | null, userId: string, userInstall = false): Promise<UsageSnapshot> {
      const { timeZone } = await context(guildId, [], userInstall);
      const k = scopeKeys(guildId, userId, timeZone, now(), userInstall);
      const found = await store.getMany<UsageDoc>([k.guild, k.member]);
      const member = found.get(k.member) ?? EMPTY_USAGE;
      // In direct messages and the member's own scope the member is the whole scope.
      const guild = guildId && !userInstall ? (found.get(k.guild) ?? EMPTY_USAGE) : member;
      const { day, month, dayEndsAt, monthEndsAt } = k.periods;
      return {
        guildDay: counted(guild.day, day),
        guildMonth: counted(guild.month, month),
        memberDay: counted(member.day, day),
        memberMonth: counted(member.month, month),
        guildRunning: guild.running,
        memberRunning: member.running,
        guildQueued: guild.queued ?? 0,
        memberQueued: member.queued ?? 0,
        dayEndsAt,
        monthEndsAt,
      };
    },

    /**
     * The guild's videos per day and model family over the last `days` days (oldest first, today last), in
     * its time zone, with its month so far and its monthly cap (the usage chart). One record read.
     */
    async dailyHistory(
      guildId: string,
      days = 30,
    ): Promise<{
      timeZone: string;
      days: Array<{ day: string; byFamily: Record<string, number> }>;
      month: string;
      monthlyCap: number | null;
    }> {
      const { limits, timeZone } = await context(guildId);
      const at = now();
      const { month } = periodsAt(at, timeZone);
      const doc = (await store.get<UsageDoc>(keys.usage(scopeOf({ guildId, userId: '' })))) ?? EMPTY_USAGE;
      const out: Array<{ day: string; byFamily: Record<string, number> }> = [];
      // Walk back one day at a time from today's noon in the zone (periods name the day in the zone).
      const seen = new Set<string>();
      for (let i = 0; out.length < days && i < days + 3; i++) {
        const { day } = periodsAt(at - i * 86_400_000, timeZone);
        if (seen.has(day)) continue;
        seen.add(day);
        out.push({ day, byFamily: { ...doc.days?.[day] } });
      }
      return { timeZone, days: out.reverse(), month, monthlyCap: limits.guild_monthly_tasks };
    },

    /** Every member's usage in the guild's current month (one range scan), most videos first. */
    async memberBreakdown(guildId: string): Promise<{ month: string; rows: MemberUsageRow[] }> {
      const { timeZone } = await context(guildId);
      const { month } = periodsAt(now(), timeZone);
      const prefix = prefixes.memberUsage(`g${guildId}`);
      const rows: MemberUsageRow[] = [];
      for await (const page of store.pages<UsageDoc>(prefix, 5000)) {
        for (const [key, doc] of page) {
          const moderated = doc.moderated?.id === month ? doc.moderated.count : 0;
          if (doc.month?.id === month || moderated)
            rows.push({ userId: key.slice(prefix.length), counter: counted(doc.month, month), moderated });
        }
      }
      rows.sort((a, b) => b.counter.tasks - a.counter.tasks || b.counter.seconds - a.counter.seconds);
      return { month, rows };
    },
  };
}

export type GuildLedger = ReturnType<typeof createGuildLedger>;

/**
 * Decides a reservation: refused by a period limit or the cooldown; else it runs now, or waits in the queue
 * when a running cap is full (or others already wait: first come, first served), or is refused when the
 * queue is full too. The queue limits count requests waiting; `0` turns the queue off.
 */
function checkLimits(
  tx: Tx,
  limits: Limits,
  k: ReturnType<typeof scopeKeys>,
  scope: UsageScope,
  at: number,
  spend?: number,
  currency?: string,
): Refusal | { slot: Slot } {
  const sec = (ms: number) => Math.floor(ms / 1000);
  const p = k.periods;
  const inGuild = scope.guildId !== null && !scope.userInstall;
  const member = tx.get<UsageDoc>(k.member) ?? EMPTY_USAGE;
  const guild = inGuild ? (tx.get<UsageDoc>(k.guild) ?? EMPTY_USAGE) : member;
  const last = member.last ?? 0;
  const refuse = <K extends MessageKey>(key: K, params: ParamsOf<K>): Refusal => ({
    ok: false,
    ...message(key, params),
  });
  // A running cap of 0 (the server's, or the member's, a role's included): nothing could ever start, so the
  // request is refused at once, naming the limit, instead of waiting in a queue that cannot move for it.
  if (inGuild && limits.guild_running === 0) return refuse('limit.guild_running_zero', {});
  if (limits.member_running === 0) return refuse('limit.member_running_zero', {});
  if (limits.cooldown_seconds !== null && last && at - last < limits.cooldown_seconds * 1000) {
    return refuse('limit.cooldown', {
      seconds: limits.cooldown_seconds,
      resetAt: sec(last + limits.cooldown_seconds * 1000),
    });
  }
  const memberDay = counted(member.day, p.day);
  if (limits.member_daily_tasks !== null && memberDay.tasks + 1 > limits.member_daily_tasks) {
    return refuse('limit.member_daily_tasks', {
      used: memberDay.tasks,
      limit: limits.member_daily_tasks,
      resetAt: sec(p.dayEndsAt),
    });
  }
  if (inGuild) {
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
    if (
      limits.guild_monthly_seconds !== null &&
      guildMonth.seconds + scope.cost.seconds > limits.guild_monthly_seconds
    ) {
      return refuse('limit.guild_monthly_seconds', {
        used: guildMonth.seconds,
        limit: limits.guild_monthly_seconds,
        needed: scope.cost.seconds,
        resetAt: sec(p.monthEndsAt),
      });
    }
  }
  // The scope's monthly spend: the server's, or the member's own (user install); never a bot DM's (as before).
  const cap = inGuild || scope.userInstall ? limits.guild_monthly_spend : null;
  if (cap !== null && cap !== undefined && spend !== undefined && currency) {
    const capMicros = Math.round(cap * MICROS);
    const used = counted(guild.month, p.month).spend ?? 0;
    if (used + spend > capMicros) {
      return refuse(inGuild ? 'limit.guild_monthly_spend' : 'limit.user_monthly_spend', {
        used: money(used / MICROS, currency),
        limit: money(capMicros / MICROS, currency),
        needed: money(spend / MICROS, currency),
        resetAt: sec(p.monthEndsAt),
      });
    }
  }
  // Running caps: run now, or wait in the queue.
  const memberFull = limits.member_running !== null && member.running >= limits.member_running;
  const guildFull = inGuild && limits.guild_running !== null && guild.running >= limits.guild_running;
  const othersWait = (guild.queued ?? 0) > 0;
  if (!memberFull && !guildFull && !othersWait) return { slot: 'running' };
  const full: Refusal | undefined = memberFull
    ? refuse('limit.member_running', { used: member.running, limit: limits.member_running! })
    : guildFull
      ? refuse('limit.guild_running', { used: guild.running, limit: limits.guild_running! })
      : undefined;
  const guildQueue = inGuild ? limits.guild_queue : null;
  if (guildQueue !== null && (guild.queued ?? 0) >= guildQueue) {
    // The queue is full: refused, unless a slot is free after all (the waiting ones are capped members).
    if (!full) return { slot: 'running' };
    return guildQueue === 0 ? full : refuse('limit.guild_queue', { used: guild.queued ?? 0, limit: guildQueue });
  }
  if (limits.member_queue !== null && (member.queued ?? 0) >= limits.member_queue) {
    if (!full) return { slot: 'running' };
    return limits.member_queue === 0
      ? full
      : refuse('limit.member_queue', { used: member.queued ?? 0, limit: limits.member_queue });
  }
  return { slot: 'queued' };
}
