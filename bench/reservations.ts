/**
 * Usage reservations on a real SQLite file, 50 guilds with a daily cap: the ledger's reservation alone (one
 * transaction over the guild's and the member's usage documents, as before), and the whole task creation
 * /video waits for (the reservation, the task record and its indexes in one transaction). Latency of a
 * burst of 1,000 at once (mostly queueing), at an open-loop arrival of 200/s, and over-spend (must be 0).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { openStore } from '../src/db/openStore.js';
import { createLogger } from '../src/logging/logger.js';
import { createSettingsStore } from '../src/services/guildConfig/settingsStore.js';
import { createTaskService } from '../src/services/tasks/taskService.js';
import { createGuildLedger } from '../src/services/usage/guildLedger.js';
import { percentile, report } from './report.js';

const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, d) => d() }) });

export async function benchReservations(count = 1000, guilds = 50, perGuildLimit = 15): Promise<void> {
  // Warm-up, not reported: the same bursts once, as a bot that has been running a while has compiled these paths.
  await runReservations(count, guilds, perGuildLimit, 'burst', 'reserve');
  await runReservations(count, guilds, perGuildLimit, 'burst', 'create');
  const burst = await runReservations(count, guilds, perGuildLimit, 'burst', 'reserve');
  report('reservation_latency_p50', burst.p50, 'ms', 'informational (burst of 1,000, reservation alone)');
  report('reservation_latency_p99', burst.p99, 'ms', 'p99 < 100 ms (burst of 1,000 at once over 50 guilds)');
  report('reservations_over_spent', burst.overSpent, 'reservations', '0');
  const open = await runReservations(count, guilds, perGuildLimit, 'open', 'reserve');
  report('reservation_latency_p99_open_loop_200_per_s', open.p99, 'ms', 'p99 < 100 ms (200 arrivals/s)');
  report('reservations_over_spent_open_loop', open.overSpent, 'reservations', '0');
  const created = await runReservations(count, guilds, perGuildLimit, 'burst', 'create');
  report(
    'task_create_latency_p99',
    created.p99,
    'ms',
    'informational (burst of 1,000 /video: reservation + task record + indexes)',
  );
  report('task_create_over_spent', created.overSpent, 'reservations', '0');
  const createdOpen = await runReservations(count, guilds, perGuildLimit, 'open', 'create');
  report('task_create_latency_p99_open_loop_200_per_s', createdOpen.p99, 'ms', 'p99 < 100 ms (200 arrivals/s)');
}

async function runReservations(
  count: number,
  guilds: number,
  perGuildLimit: number,
  mode: 'burst' | 'open',
  what: 'reserve' | 'create',
  perSecond = 200,
) {
  const dir = mkdtempSync(join(tmpdir(), 'seedance-reserve-'));
  const store = await openStore({ databasePath: join(dir, 'usage.sqlite') }, quiet);
  try {
    const ledger = createGuildLedger({
      store,
      settings: createSettingsStore(store),
      defaults: {
        guild_daily_tasks: perGuildLimit,
        guild_monthly_tasks: null,
        guild_monthly_seconds: null,
        guild_monthly_spend: null,
        member_daily_tasks: null,
        member_running: null,
        guild_running: null,
        cooldown_seconds: null,
        guild_queue: 0,
        member_queue: 0,
      },
      dmEnabled: true,
    });
    const tasks = createTaskService({
      store,
      ledger,
      logger: quiet,
      upstream: { createTask: () => Promise.reject(new Error('not used')) },
    });
    const latencies: number[] = [];
    const accepted = new Map<string, number>();
    const cost = { billing: 'per_task' as const, units: 1, seconds: 5, billedAs: 'seedance2.0-md' };
    const reserve = async (guildId: string, userId: string) => {
      const plan = await ledger.plan({ guildId, userId, model: 'seedance2.0-md', cost });
      return store.transact(plan.keys, (tx) => plan.reserve(tx));
    };
    const one = async (i: number) => {
      const guildId = `g${i % guilds}`;
      const started = performance.now();
      const r =
        what === 'reserve'
          ? await reserve(guildId, `u${i}`)
          : await tasks.create({
              guildId,
              channelId: 'c',
              userId: `u${i}`,
              locale: 'en-US',
              interaction: { applicationId: 'a', token: 't', createdAt: Date.now() },
              model: 'seedance2.0-md',
              request: { model: 'seedance2.0-md', prompt: `p${i}`, duration: 5 },
              cost,
            });
      latencies.push(performance.now() - started);
      if (r.ok) accepted.set(guildId, (accepted.get(guildId) ?? 0) + 1);
    };
    if (mode === 'burst') await Promise.all(Array.from({ length: count }, (_, i) => one(i)));
    else {
      const all: Array<Promise<void>> = [];
      const t0 = performance.now();
      for (let i = 0; i < count; i += 1) {
        const due = t0 + (i * 1000) / perSecond;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        all.push(one(i));
      }
      await Promise.all(all);
    }
    const overSpent = [...accepted.values()].reduce((sum, n) => sum + Math.max(0, n - perGuildLimit), 0);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), overSpent };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
