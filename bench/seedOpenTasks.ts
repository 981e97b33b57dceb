/**
 * Seeds many open running tasks quickly for the scale benchmarks: a few tasks are made the bot's way (the task
 * service's create and submit against the fake Seedance), then each is copied in batched store transactions
 * (every record whose key names the task, with the task id and upstream id replaced) and the copies are
 * registered in the fake as their own upstream tasks; reconciliation then rebuilds the running counts from the
 * open tasks, as it does at start-up.
 */
import { collect, type RecordStore } from '../src/db/recordStore.js';
import type { FakeSeedance } from '../src/dev/fake-seedance/index.js';
import type { Script } from '../src/dev/fake-seedance/scripts.js';
import type { Logger } from '../src/logging/logger.js';
import { newTaskId } from '../src/services/tasks/createTask.js';
import { reconcile } from '../src/services/tasks/reconcile.js';
import type { TaskService } from '../src/services/tasks/taskService.js';
import type { GuildLedger } from '../src/services/usage/guildLedger.js';

export interface SeedOptions {
  store: RecordStore;
  tasks: Pick<TaskService, 'create' | 'submit'>;
  ledger: GuildLedger;
  fake: FakeSeedance;
  logger: Logger;
  count: number;
  /** Guild ids the tasks are spread over (one template task each). */
  guildIds: readonly string[];
  /** The upstream script of task `i` (its render time). */
  scriptOf: (i: number) => Script;
  /** Records written per transaction. */
  batch?: number;
}

/** Returns the upstream ids of every seeded task, in order. */
export async function seedOpenTasks(o: SeedOptions): Promise<string[]> {
  const templates: Array<{ id: string; upstreamId: string; records: Array<[string, string]> }> = [];
  for (const [g, guildId] of o.guildIds.entries()) {
    const created = await o.tasks.create({
      guildId,
      channelId: '2',
      userId: String(900_000_000_000_000_000n + BigInt(g)),
      locale: 'en-US',
      interaction: { applicationId: '3', token: 't', createdAt: Date.now() },
      model: 'seedance2.0-mini-sp',
      request: { model: 'seedance2.0-mini-sp', prompt: `scale ${g}`, duration: 5 },
      cost: { billing: 'per_task', units: 1, seconds: 5, billedAs: 'seedance2.0-mini-sp-720p' },
    });
    if (!created.ok) throw new Error('the template task was refused');
    const submitted = await o.tasks.submit(created.task.id);
    if (submitted.state !== 'running' || !submitted.upstreamTaskId) throw new Error('the template did not run');
    templates.push({ id: submitted.id, upstreamId: submitted.upstreamTaskId, records: [] });
  }
  // Every record naming a template task (its record, open entry, running slot, and any a later version adds).
  const all = await collect<unknown>(o.store, '');
  for (const t of templates)
    t.records = all.filter(([k]) => k.includes(t.id)).map(([k, v]) => [k, JSON.stringify(v)] as [string, string]);

  const upstreamIds: string[] = [];
  // About three records per task: a batch stays under the PostgreSQL store's 500 locks per transaction.
  const batch = o.batch ?? 150;
  const at = Date.now();
  let inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < o.count; i += batch) {
    const writes = new Map<string, unknown>();
    for (let j = i; j < Math.min(o.count, i + batch); j += 1) {
      const t = templates[j % templates.length]!;
      // The templates themselves are the first tasks; the rest are copies.
      const id = j < templates.length ? t.id : newTaskId();
      const upstreamId = j < templates.length ? t.upstreamId : `scale_${j}`;
      const fakeTask = o.fake.tasks.get(t.upstreamId)!;
      o.fake.tasks.set(upstreamId, { ...fakeTask, taskId: upstreamId, createdAt: at, script: o.scriptOf(j) });
      upstreamIds.push(upstreamId);
      if (j < templates.length) continue;
      for (const [k, v] of t.records)
        writes.set(k.replaceAll(t.id, id), JSON.parse(v.replaceAll(t.id, id).replaceAll(t.upstreamId, upstreamId)));
    }
    if (writes.size)
      inFlight.push(
        o.store.transact([...writes.keys()], (tx) => {
          for (const [k, v] of writes) tx.set(k, v);
        }),
      );
    if (inFlight.length >= 8) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  await reconcile(o.store, o.ledger, o.logger);
  return upstreamIds;
}
