/** 1,000 concurrent usage reservations across 50 guilds on a real SQLite file: latency and over-spend. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/openDatabase.js';
import { createUsageStore } from '../src/db/usageStore.js';
import { createGuildLedger } from '../src/services/usage/guildLedger.js';
import { percentile, report } from './report.js';

export async function benchReservations(count = 1000, guilds = 50, perGuildLimit = 15): Promise<void> {
  await runReservations(100, 10, 5, false); // warm-up (JIT, first SQLite pages); not reported
  await runReservations(count, guilds, perGuildLimit, true);
}

async function runReservations(count: number, guilds: number, perGuildLimit: number, print: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seedance-reserve-'));
  const db = await openDatabase(join(dir, 'usage.sqlite'));
  try {
    const ledger = createGuildLedger({
      store: createUsageStore(db),
      defaults: {
        guild_daily_tasks: perGuildLimit,
        guild_monthly_tasks: null,
        guild_monthly_seconds: null,
        member_daily_tasks: null,
        member_running: null,
        guild_running: null,
        cooldown_seconds: null,
      },
      dmEnabled: true,
    });
    const latencies: number[] = [];
    const accepted = new Map<string, number>();
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const guildId = `g${i % guilds}`;
        const started = performance.now();
        const r = await ledger.reserve(`t${i}`, {
          guildId,
          userId: `u${i}`,
          model: 'seedance2.0-md',
          cost: { billing: 'per_task', units: 1, seconds: 5, billedAs: 'seedance2.0-md' },
        });
        latencies.push(performance.now() - started);
        if (r.ok) accepted.set(guildId, (accepted.get(guildId) ?? 0) + 1);
      }),
    );
    const overSpent = [...accepted.values()].reduce((sum, n) => sum + Math.max(0, n - perGuildLimit), 0);
    if (!print) return;
    report('reservation_latency_p50', percentile(latencies, 50), 'ms', 'informational');
    report('reservation_latency_p99', percentile(latencies, 99), 'ms', 'p99 < 100 ms');
    report('reservations_over_spent', overSpent, 'reservations', '0');
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
