/**
 * Start-up with 10,000 (and 100,000) open tasks in the database (running upstream, as after a deploy at a busy hour): how long
 * until the bot takes interactions (open, reconcile, take-over, gateway READY), and whether the first status
 * queries stay within the query budget (no thundering herd: every task is due at once after a restart).
 */
import { eventually, NO_LIMITS_ENV, startHarness } from '../test/harness.js';
import { report } from './report.js';
import { seedOpenTasks } from './seedOpenTasks.js';

const BUDGET = 50;

export async function benchStartup(OPEN = 10_000): Promise<void> {
  const label = `${OPEN / 1000}k`;
  const h = await startHarness({
    env: { ...NO_LIMITS_ENV, LOG_LEVEL: 'warn', POLL_QUERIES_PER_SEC: String(BUDGET), POLL_FIRST_DELAY_SEC: '600' },
    seedance: { defaultScript: { kind: 'stuck' } },
  });
  try {
    const guild = h.discord.guilds[0]!;
    // Batched copies of a task made the bot's way (see seedOpenTasks): 100,000 one by one would take minutes.
    await seedOpenTasks({
      store: h.app.store,
      tasks: h.app.tasks,
      ledger: h.app.ledger,
      fake: h.seedance,
      logger: h.app.logger,
      count: OPEN,
      guildIds: [guild.id],
      scriptOf: () => ({ kind: 'stuck' }),
    });
    await h.stopApp(5000);

    const startedAt = h.clock.now();
    const t0 = performance.now();
    const app = await h.restart();
    report(`startup_ready_ms_${label}_open_tasks`, performance.now() - t0, 'ms', '< 5000 (ready to take interactions)');
    const open = (await app.tasks.listOpen()).length;
    if (open !== OPEN) throw new Error(`${open} open tasks instead of ${OPEN}`);
    // The restarted poller takes every task over and queries them all again: at most the budget per second.
    const isQuery = (r: { method: string; at: number }) => r.method === 'GET' && r.at >= startedAt;
    await eventually(() => h.seedance.requests.filter(isQuery).length >= BUDGET * 12, 60_000, 'queries flowing');
    const starts = h.seedance.requests
      .filter(isQuery)
      .map((r) => r.at)
      .sort((a, b) => a - b);
    let maxWindow = 0;
    for (let i = 0, j = 0; i < starts.length; i += 1) {
      while (starts[i]! - starts[j]! >= 1000) j += 1;
      maxWindow = Math.max(maxWindow, i - j + 1);
    }
    report(`startup_${label}_open_max_queries_in_1s`, maxWindow, 'queries', `<= budget ${BUDGET}/s`);
    report(
      `startup_${label}_open_first_query_ms`,
      starts[0]! - startedAt,
      'ms',
      'informational (after restart begins)',
    );
  } finally {
    await h.close();
  }
}
