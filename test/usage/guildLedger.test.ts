import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tMessage } from '../../src/i18n/index.js';
import { createSettingsStore } from '../../src/services/guildConfig/settingsStore.js';
import { createGuildLedger, type Reservation, type UsageScope } from '../../src/services/usage/guildLedger.js';
import type { Limits } from '../../src/services/usage/limits.js';
import { periodsAt } from '../../src/services/usage/periods.js';
import { NO_LIMITS as NONE, openTempStore, type TempStore, type StoreKind, storeKinds } from '../support/tempStore.js';

const perTask = { billing: 'per_task' as const, units: 1, seconds: 5, billedAs: 'seedance2.0-md' };
const perSecond = { billing: 'per_second' as const, units: 8, seconds: 8, billedAs: 'seedance2.0-sp-720p' };
const scope = (userId: string, guildId: string | null = 'g1', cost: UsageScope['cost'] = perTask): UsageScope => ({
  guildId,
  userId,
  model: 'm',
  cost,
});

const KINDS = await storeKinds();

describe.each(KINDS)('%s', (kind: StoreKind) => {
  let temp: TempStore;
  let clock: number;
  beforeEach(async () => {
    temp = await openTempStore('ledger', kind);
    clock = Date.UTC(2026, 10, 24, 12, 0, 0);
  });
  afterEach(async () => {
    await temp.cleanup();
  });

  /**
   * The ledger as the task service drives it: a reservation is one transaction, settling another. Reservations
   * are kept here by name, as a task record keeps its own.
   */
  const ledgerWith = (limits: Partial<Limits>, extra: { dmEnabled?: boolean } = {}) => {
    const store = temp.store;
    const ledger = createGuildLedger({
      store,
      settings: createSettingsStore(store),
      defaults: { ...NONE, ...limits },
      dmEnabled: extra.dmEnabled ?? true,
      now: () => clock,
    });
    const held = new Map<string, Reservation>();
    return {
      ...ledger,
      async reserve(id: string, s: UsageScope) {
        const plan = await ledger.plan(s);
        const r = await store.transact(plan.keys, (tx) => plan.reserve(tx));
        if (r.ok) held.set(id, r.reservation);
        return r;
      },
      async settle(id: string, outcome: 'committed' | 'refunded') {
        const r = held.get(id)!;
        await store.transact(ledger.settlementKeys(r), (tx) => ledger.settle(tx, r, outcome));
      },
    };
  };

  describe('reservation is exact under concurrency', () => {
    it('200 simultaneous requests against a guild with 50 left accept exactly 50', async () => {
      const ledger = ledgerWith({ guild_daily_tasks: 60 });
      for (let i = 0; i < 10; i += 1) expect((await ledger.reserve(`pre${i}`, scope(`u${i}`))).ok).toBe(true);
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => ledger.reserve(`t${i}`, scope(`m${i}`))));
      expect(results.filter((r) => r.ok)).toHaveLength(50);
      expect((await ledger.snapshot('g1', 'm0')).guildDay.tasks).toBe(60);
    });
  });

  describe('settling a reservation', () => {
    it('a refund gives the usage and the running slot back', async () => {
      const ledger = ledgerWith({});
      await ledger.reserve('a', scope('u1'));
      await ledger.reserve('b', scope('u1'));
      await ledger.settle('a', 'refunded');
      expect(await ledger.snapshot('g1', 'u1')).toMatchObject({
        guildDay: { tasks: 1 },
        memberRunning: 1,
        guildRunning: 1,
      });
    });
    it('a commit keeps the usage and frees the running slot', async () => {
      const ledger = ledgerWith({ member_running: 1 });
      await ledger.reserve('a', scope('u1', 'g1', perSecond));
      expect((await ledger.reserve('b', scope('u1'))).ok).toBe(false);
      await ledger.settle('a', 'committed');
      expect(await ledger.snapshot('g1', 'u1')).toMatchObject({
        guildDay: { tasks: 1, seconds: 8, perSecondUnits: 8, perTaskUnits: 0 },
        memberRunning: 0,
      });
      expect((await ledger.reserve('b', scope('u1'))).ok).toBe(true);
    });
  });

  describe('each limit refuses with its figures and reset time', () => {
    const refusal = async (ledger: ReturnType<typeof ledgerWith>, s: UsageScope) => {
      const r = await ledger.reserve(`x${Math.random()}`, s);
      if (r.ok) throw new Error('expected a refusal');
      return r;
    };
    it('guild daily', async () => {
      const ledger = ledgerWith({ guild_daily_tasks: 1 });
      await ledger.reserve('a', scope('u1'));
      const r = await refusal(ledger, scope('u2'));
      expect(r).toMatchObject({
        key: 'limit.guild_daily_tasks',
        params: { used: 1, limit: 1, resetAt: Date.UTC(2026, 10, 25) / 1000 },
      });
      expect(tMessage('en-US', r)).toContain('1 of its 1 videos today');
    });
    it('guild monthly tasks', async () => {
      const ledger = ledgerWith({ guild_monthly_tasks: 1 });
      await ledger.reserve('a', scope('u1'));
      expect(await refusal(ledger, scope('u2'))).toMatchObject({
        key: 'limit.guild_monthly_tasks',
        params: { resetAt: Date.UTC(2026, 11, 1) / 1000 },
      });
    });
    it('guild monthly seconds count the request about to be made', async () => {
      const ledger = ledgerWith({ guild_monthly_seconds: 10 });
      expect((await ledger.reserve('a', scope('u1', 'g1', perSecond))).ok).toBe(true);
      expect(await refusal(ledger, scope('u2', 'g1', perSecond))).toMatchObject({
        key: 'limit.guild_monthly_seconds',
        params: { used: 8, limit: 10, needed: 8 },
      });
    });
    it('member daily', async () => {
      const l = ledgerWith({ member_daily_tasks: 1 });
      await l.reserve('a', scope('u1'));
      expect(await refusal(l, scope('u1'))).toMatchObject({
        key: 'limit.member_daily_tasks',
        params: { used: 1, limit: 1 },
      });
      expect((await l.reserve('b', scope('u2'))).ok).toBe(true);
    });
    it('running caps', async () => {
      const l = ledgerWith({ member_running: 1, guild_running: 2 });
      await l.reserve('a', scope('u1'));
      expect(await refusal(l, scope('u1'))).toMatchObject({
        key: 'limit.member_running',
        params: { used: 1, limit: 1 },
      });
      await l.reserve('b', scope('u2'));
      expect(await refusal(l, scope('u3'))).toMatchObject({
        key: 'limit.guild_running',
        params: { used: 2, limit: 2 },
      });
    });
    it('cooldown', async () => {
      const l = ledgerWith({ cooldown_seconds: 10 });
      await l.reserve('a', scope('u1'));
      clock += 4000;
      expect(await refusal(l, scope('u1'))).toMatchObject({ key: 'limit.cooldown', params: { seconds: 10 } });
      clock += 6000;
      expect((await l.reserve('b', scope('u1'))).ok).toBe(true);
    });
    it('direct messages can be switched off, and count per user when on', async () => {
      expect(await refusal(ledgerWith({}, { dmEnabled: false }), scope('u1', null))).toMatchObject({
        key: 'limit.dm_disabled',
      });
      const l = ledgerWith({ member_daily_tasks: 1 });
      await l.reserve('a', scope('u1', null));
      expect(await refusal(l, scope('u1', null))).toMatchObject({ key: 'limit.member_daily_tasks' });
      expect((await l.reserve('b', scope('u2', null))).ok).toBe(true);
    });
  });

  describe('periods roll over in the guild time zone', () => {
    it('UTC day and month roll-over reset the daily count', async () => {
      const l = ledgerWith({ guild_daily_tasks: 1 });
      clock = Date.UTC(2026, 10, 30, 23, 59, 0);
      await l.reserve('a', scope('u1'));
      expect((await l.reserve('b', scope('u2'))).ok).toBe(false);
      clock = Date.UTC(2026, 11, 1, 0, 0, 1);
      expect((await l.reserve('c', scope('u2'))).ok).toBe(true);
      const snap = await l.snapshot('g1', 'u2');
      expect(snap.guildMonth.tasks).toBe(1); // a new month too
    });
    it('a guild in Asia/Shanghai rolls over at 16:00 UTC', async () => {
      await createSettingsStore(temp.store).change('g1', () => ({ timeZone: 'Asia/Shanghai' }));
      const l = ledgerWith({ guild_daily_tasks: 1 });
      clock = Date.UTC(2026, 10, 24, 15, 59);
      await l.reserve('a', scope('u1'));
      const r = await l.reserve('b', scope('u2'));
      expect(r).toMatchObject({ ok: false, params: { resetAt: Date.UTC(2026, 10, 24, 16) / 1000 } });
      clock = Date.UTC(2026, 10, 24, 16, 0, 1);
      expect((await l.reserve('c', scope('u2'))).ok).toBe(true);
    });
    it('periodsAt handles daylight saving (New York, 8 March 2026)', () => {
      expect(periodsAt(Date.UTC(2026, 2, 8, 12), 'America/New_York')).toMatchObject({
        day: '2026-03-08',
        dayEndsAt: Date.UTC(2026, 2, 9, 4),
      });
    });
  });

  describe('guild settings survive a restart', () => {
    it('limits stored for a guild override the defaults after reopening the file', async () => {
      await createSettingsStore(temp.store).change('g1', () => ({ limits: { guild_daily_tasks: 1 } }));
      await temp.reopen();
      const l = ledgerWith({ guild_daily_tasks: 100 });
      expect((await l.limitsFor('g1')).guild_daily_tasks).toBe(1);
      await l.reserve('a', scope('u1'));
      expect((await l.reserve('b', scope('u2'))).ok).toBe(false);
    });
  });
});
