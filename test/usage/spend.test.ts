import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.js';
import { tMessage } from '../../src/i18n/index.js';
import { createSettingsStore } from '../../src/services/guildConfig/settingsStore.js';
import { createGuildLedger, type Reservation, type UsageScope } from '../../src/services/usage/guildLedger.js';
import type { Limits } from '../../src/services/usage/limits.js';
import { periodsAt } from '../../src/services/usage/periods.js';
import { costMicros, formatMoney, type PriceTable } from '../../src/services/usage/prices.js';
import { breakdownCsv } from '../../src/services/usage/usageReport.js';
import { NO_LIMITS as NONE, openTempStore, type StoreKind, storeKinds, type TempStore } from '../support/tempStore.js';

const PRICES: PriceTable = {
  currency: 'USD',
  prices: { 'seedance2.0-mini-sp-720p': 0.4, 'seedance2.0-sp-720p': 0.125 },
};
const miniSp = { billing: 'per_task' as const, units: 1, seconds: 5, billedAs: 'seedance2.0-mini-sp-720p' };
const sp8s = { billing: 'per_second' as const, units: 8, seconds: 8, billedAs: 'seedance2.0-sp-720p' };
const unpriced = { billing: 'per_task' as const, units: 1, seconds: 5, billedAs: 'seedance2.0-md' };
const scope = (userId: string, cost: UsageScope['cost'] = miniSp, model = 'seedance2.0-mini-sp'): UsageScope => ({
  guildId: 'g1',
  userId,
  model,
  cost,
});

describe('prices', () => {
  it('a task costs its units times the price of its billing model (or of its model id), kept in micros', () => {
    expect(costMicros(PRICES, 'seedance2.0-mini-sp', miniSp)).toBe(400_000);
    expect(costMicros(PRICES, 'seedance2.0-sp', sp8s)).toBe(1_000_000);
    expect(costMicros({ currency: 'USD', prices: { 'seedance2.0-md': 0.3 } }, 'seedance2.0-md', unpriced)).toBe(
      300_000,
    );
    expect(costMicros(PRICES, 'seedance2.0-md', unpriced)).toBeUndefined();
    expect(costMicros(undefined, 'seedance2.0-mini-sp', miniSp)).toBeUndefined();
  });
  it('formats money in the member language', () => {
    expect(formatMoney(1_250_000, 'USD', 'en-US')).toBe('$1.25');
    expect(formatMoney(3_500_000, 'CNY', 'zh-CN')).toBe('¥3.50');
  });
  it('PRICES and PRICES_FILE are read and checked at start-up, naming what is wrong', () => {
    const base = { SEEDANCE_API_KEY: 'k' };
    const ok = loadConfig({ ...base, PRICES: JSON.stringify(PRICES), LIMIT_GUILD_MONTHLY_SPEND: '12.5' });
    expect(ok.ok && ok.config.prices).toEqual(PRICES);
    expect(ok.ok && ok.config.limits.guild_monthly_spend).toBe(12.5);
    const problems = (env: Record<string, string>) => {
      const r = loadConfig({ ...base, ...env });
      return r.ok ? [] : r.problems;
    };
    expect(problems({ PRICES: '{nope' })).toEqual(['PRICES: not valid JSON']);
    expect(problems({ PRICES: '{"currency":"dollars","prices":{}}' })[0]).toMatch(
      /^PRICES: currency: expected a three-letter/,
    );
    expect(problems({ PRICES: '{"currency":"USD","prices":{"x":-1}}' })[0]).toMatch(
      /^PRICES: prices.x: expected a price of 0/,
    );
    expect(problems({ LIMIT_GUILD_MONTHLY_SPEND: 'lots' })[0]).toMatch(
      /^LIMIT_GUILD_MONTHLY_SPEND: expected an amount/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'prices-'));
    try {
      writeFileSync(join(dir, 'prices.json'), JSON.stringify({ currency: 'cny', prices: { a: 1 } }));
      const fromFile = loadConfig({ ...base, PRICES_FILE: join(dir, 'prices.json') });
      expect(fromFile.ok && fromFile.config.prices).toEqual({ currency: 'CNY', prices: { a: 1 } });
      expect(problems({ PRICES_FILE: join(dir, 'missing.json') })[0]).toMatch(/^PRICES_FILE: cannot read .*ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('the CSV gains an estimated cost column only when prices are set', () => {
    const rows = [
      {
        userId: 'u1',
        counter: { tasks: 2, seconds: 10, perTaskUnits: 2, perSecondUnits: 0, spend: 800_000 },
        moderated: 0,
      },
    ];
    expect(breakdownCsv(rows)).toBe(
      'user_id,videos,seconds,per_task_units,per_second_units,content_refusals\nu1,2,10,2,0,0\n',
    );
    expect(breakdownCsv(rows, 'USD')).toBe(
      'user_id,videos,seconds,per_task_units,per_second_units,content_refusals,estimated_cost_USD\nu1,2,10,2,0,0,0.8\n',
    );
  });
});

const KINDS = await storeKinds();

describe.each(KINDS)('%s: the monthly spend limit', (kind: StoreKind) => {
  let temp: TempStore;
  let clock: number;
  beforeEach(async () => {
    temp = await openTempStore('spend', kind);
    clock = Date.UTC(2026, 10, 24, 12, 0, 0);
  });
  afterEach(async () => {
    await temp.cleanup();
  });

  const ledgerWith = (limits: Partial<Limits>, prices: PriceTable | null = PRICES) => {
    const store = temp.store;
    const ledger = createGuildLedger({
      store,
      settings: createSettingsStore(store),
      defaults: { ...NONE, ...limits },
      dmEnabled: true,
      prices: prices ?? undefined,
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

  it('is exact under concurrency: 200 simultaneous $0.40 requests with $18.00 left accept exactly 45', async () => {
    const ledger = ledgerWith({ guild_monthly_spend: 20 });
    for (let i = 0; i < 5; i += 1) expect((await ledger.reserve(`pre${i}`, scope(`u${i}`))).ok).toBe(true);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => ledger.reserve(`t${i}`, scope(`m${i}`))));
    expect(results.filter((r) => r.ok)).toHaveLength(45);
    const refused = results.find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, key: 'limit.guild_monthly_spend' });
    expect((await ledger.snapshot('g1', 'm0')).guildMonth).toMatchObject({ tasks: 50, spend: 20_000_000 });
  });

  it('refuses with the money spent, the cap, what the request needs and when the month resets', async () => {
    const ledger = ledgerWith({ guild_monthly_spend: 1 });
    expect((await ledger.reserve('a', scope('u1'))).ok).toBe(true);
    expect((await ledger.reserve('b', scope('u2'))).ok).toBe(true);
    const r = await ledger.reserve('c', scope('u3'));
    expect(r).toEqual({
      ok: false,
      key: 'limit.guild_monthly_spend',
      params: {
        used: { amount: 0.8, currency: 'USD' },
        limit: { amount: 1, currency: 'USD' },
        needed: { amount: 0.4, currency: 'USD' },
        resetAt: periodsAt(clock).monthEndsAt / 1000,
      },
    });
    if (r.ok) throw new Error('expected a refusal');
    expect(tMessage('en-US', r)).toBe(
      `this server has spent an estimated $0.80 of its $1.00 this month and this video would cost $0.40; resets <t:${Date.UTC(2026, 11, 1) / 1000}:R>.`,
    );
    expect(tMessage('zh-CN', r)).toContain('$0.80');
    // The amounts are written the reader's way (issue 22 §5): decimal comma and symbol after in German.
    expect(tMessage('de', r)).toMatch(/0,80\s\$ von 1,00\s\$/);
    // A refund gives the money back: the next request fits again.
    await ledger.settle('a', 'refunded');
    expect((await ledger.reserve('c', scope('u3'))).ok).toBe(true);
  });

  it('prices per-second models by their seconds; an unpriced model costs nothing against the cap', async () => {
    const ledger = ledgerWith({ guild_monthly_spend: 1.5 });
    const a = await ledger.reserve('a', scope('u1', sp8s, 'seedance2.0-sp'));
    expect(a.ok && a.reservation).toMatchObject({ amount: { spend: 1_000_000 }, currency: 'USD' });
    expect((await ledger.reserve('b', scope('u1', sp8s, 'seedance2.0-sp'))).ok).toBe(false);
    const free = await ledger.reserve('c', scope('u2', unpriced, 'seedance2.0-md'));
    expect(free.ok && free.reservation.amount.spend).toBeUndefined();
  });

  it('without prices the limit does not apply and nothing is priced', async () => {
    const ledger = ledgerWith({ guild_monthly_spend: 0 }, null);
    const r = await ledger.reserve('a', scope('u1'));
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && r.reservation.amount).not.toHaveProperty('spend');
  });

  it('counts videos per day and model family for the chart, in the guild time zone; a refund takes its day back', async () => {
    const ledger = ledgerWith({});
    await ledger.reserve('a', scope('u1'));
    await ledger.reserve('b', scope('u1', sp8s, 'seedance2.0-sp'));
    clock -= 3 * 86_400_000;
    await ledger.reserve('old', scope('u2'));
    clock += 3 * 86_400_000;
    await ledger.settle('b', 'refunded');
    await ledger.reserve('c', scope('u3', sp8s, 'seedance2.0-sp'));
    const h = await ledger.dailyHistory('g1', 30);
    expect(h.days).toHaveLength(30);
    expect(h.days.at(-1)).toEqual({ day: '2026-11-24', byFamily: { 'mini-sp': 1, 'sp-economy': 1 } });
    expect(h.days.at(-4)).toEqual({ day: '2026-11-21', byFamily: { 'mini-sp': 1 } });
    expect(h.days[0]!.day).toBe('2026-10-26');
    expect(h.month).toBe('2026-11');
  });
});
