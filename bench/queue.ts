/**
 * The queue on a real SQLite file: one server with a running cap of 1 and 1,000 requests waiting. Time
 * from a running task ending (its slot freed) to the next waiting task's create call, and the cost of one
 * round of queue-position refreshes (positions and estimates for all 1,000, the card edits it decides on).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { openStore } from '../src/db/openStore.js';
import { createLogger } from '../src/logging/logger.js';
import { createSettingsStore } from '../src/services/guildConfig/settingsStore.js';
import { createRenderTimes } from '../src/services/queue/renderTimes.js';
import { createTaskQueue } from '../src/services/queue/taskQueue.js';
import type { TaskRecord } from '../src/services/tasks/taskRecord.js';
import { createTaskService } from '../src/services/tasks/taskService.js';
import { createGuildLedger } from '../src/services/usage/guildLedger.js';
import { percentile, report } from './report.js';
import { NO_LIMITS } from '../test/support/tempStore.js';

const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, d) => d() }) });
const GUILD = '100000000000000001';

export async function benchQueue(waiting = 1000, handoffs = 200): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seedance-queue-'));
  const store = await openStore({ databasePath: join(dir, 'queue.sqlite') }, quiet);
  try {
    const ledger = createGuildLedger({
      store,
      settings: createSettingsStore(store),
      // One running slot per server, no other limit and an unbounded queue: every request but the first waits.
      defaults: { ...NO_LIMITS, guild_running: 1, guild_queue: null, member_queue: null },
      dmEnabled: true,
    });
    // The create call is where the measurement ends; the answer comes at once (an upstream task id).
    const createCalls: number[] = [];
    let n = 0;
    const tasks = createTaskService({
      store,
      ledger,
      logger: quiet,
      upstream: {
        createTask: async () => {
          createCalls.push(performance.now());
          n += 1;
          return { taskId: `up_${n}` };
        },
      },
    });
    let edits = 0;
    const running: TaskRecord[] = [];
    const queue = createTaskQueue({
      tasks,
      ledger,
      renderTimes: createRenderTimes(store),
      presenter: {
        queued: async () => {
          edits += 1;
        },
      },
      logger: quiet,
      onStarted: (t) => void tasks.submit(t.id).then((s) => running.push(s)),
      ownsScope: () => true,
      settings: { sweepMs: 3_600_000, refreshGapMs: 3_600_000 },
    });
    const cost = { billing: 'per_task' as const, units: 1, seconds: 5, billedAs: 'seedance2.0-md' };
    const create = (i: number) =>
      tasks.create({
        guildId: GUILD,
        channelId: '1',
        userId: String(200000000000000000n + BigInt(i)),
        locale: 'en-US',
        interaction: { applicationId: 'a', token: 't', createdAt: Date.now() },
        model: 'seedance2.0-md',
        request: { model: 'seedance2.0-md', prompt: `p${i}`, duration: 5 },
        cost,
      });
    const first = await create(0);
    if (!first.ok) throw new Error('the first task was refused');
    running.push(await tasks.submit(first.task.id));
    for (let i = 1; i <= waiting; i += 1) {
      const r = await create(i);
      if (!r.ok || r.task.state !== 'queued') throw new Error('a request was not queued');
    }
    const scope = `g${GUILD}`;

    // One refresh round with every card unseen (1,000 places computed, the first 25 edited), then one after
    // the queue moved by one (every position changed).
    let t0 = performance.now();
    await queue.refresh(scope);
    const firstRound = performance.now() - t0;

    const latencies: number[] = [];
    for (let k = 0; k < handoffs; k += 1) {
      const current = running.shift()!;
      const calls = createCalls.length;
      const freedAt = performance.now();
      await tasks.end(current.id, 'fail', { stage: 'upstream', reason: 'unknown' }, current);
      while (createCalls.length === calls || running.length === 0) await new Promise((r) => setImmediate(r));
      latencies.push(createCalls[calls]! - freedAt);
    }
    t0 = performance.now();
    const editsBefore = edits;
    await queue.refresh(scope);
    const movedRound = performance.now() - t0;

    report('queue_slot_to_create_p50', percentile(latencies, 50), 'ms', `informational (${waiting} waiting, cap 1)`);
    report('queue_slot_to_create_p99', percentile(latencies, 99), 'ms', `p99 < 100 ms (${waiting} waiting)`);
    report('queue_refresh_round_ms', firstRound, 'ms', `informational (${waiting} waiting, all cards unseen)`);
    report(
      'queue_refresh_round_after_move_ms',
      movedRound,
      'ms',
      `informational (${waiting - handoffs} waiting, every position changed; ${edits - editsBefore} edits decided)`,
    );
    await queue.stop();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
