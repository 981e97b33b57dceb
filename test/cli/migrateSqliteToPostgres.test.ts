import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqliteToPostgres } from '../../src/cli/migrateSqliteToPostgres.js';
import { keys } from '../../src/db/keys.js';
import { openStore } from '../../src/db/openStore.js';
import type { RecordStore } from '../../src/db/recordStore.js';
import { createSettingsStore } from '../../src/services/guildConfig/settingsStore.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { createTaskService } from '../../src/services/tasks/taskService.js';
import { createGuildLedger } from '../../src/services/usage/guildLedger.js';
import { dropSchema, newSchema, POSTGRES_URL } from '../support/postgres.js';
import { NO_LIMITS, openTempStore, quietLogger, storeKinds, type TempStore } from '../support/tempStore.js';

const HAS_POSTGRES = (await storeKinds()).includes('postgres');

let source: TempStore | undefined;
let target: RecordStore | undefined;
let schema: string | undefined;
afterEach(async () => {
  await source?.cleanup();
  await target?.close();
  if (schema) await dropSchema(schema);
  source = target = schema = undefined;
});

const openTarget = async () => {
  schema = newSchema();
  target = await openStore(
    { databasePath: '', databaseUrl: POSTGRES_URL, databaseSchema: schema, poolSize: 2 },
    quietLogger(),
  );
  return target;
};

/** A bot's SQLite file after a month of use: tasks in every state, usage every day of November. */
async function monthOfUse(store: RecordStore) {
  let clock = Date.UTC(2026, 10, 1, 10);
  const ledger = createGuildLedger({
    store,
    settings: createSettingsStore(store),
    defaults: NO_LIMITS,
    dmEnabled: true,
    now: () => clock,
  });
  const upstream = { createTask: async () => ({ taskId: `up_${Math.random()}`, status: 'queued' }) };
  const tasks = createTaskService({ store, ledger, upstream, logger: quietLogger(), now: () => clock });
  const make = async (user: string) => {
    const r = await tasks.create({
      guildId: 'g1',
      channelId: 'c1',
      userId: user,
      locale: 'en-US',
      interaction: { applicationId: 'a', token: 'tok', createdAt: clock },
      model: 'seedance2.0-mini-sp',
      request: { model: 'seedance2.0-mini-sp', prompt: `day ${clock}`, duration: 5 },
      cost: { billing: 'per_task', units: 1, seconds: 5, billedAs: 'seedance2.0-mini-sp-720p' },
    });
    if (!r.ok) throw new Error('refused');
    return r.task;
  };
  for (let day = 0; day < 24; day += 1) {
    clock = Date.UTC(2026, 10, 1 + day, 10);
    const t = await tasks.submit((await make(`u${day % 5}`)).id);
    await tasks.apply(t.id, 'markDelivering', {
      videoUrl: 'https://v.example/a.mp4',
      status: 'completed',
      attempts: 3,
    });
    await tasks.apply(t.id, 'markDelivered', { mode: 'upload', via: 'webhook' });
  }
  const states: Record<string, TaskRecord> = {};
  states.accepted = await make('u9');
  states.submitting = await tasks.apply((await make('u9')).id, 'startSubmitting', undefined);
  states.running = await tasks.submit((await make('u9')).id);
  const delivering = await tasks.submit((await make('u9')).id);
  states.delivering = await tasks.apply(delivering.id, 'markDelivering', {
    videoUrl: 'https://v.example/b.mp4',
    status: 'completed',
    attempts: 1,
  });
  states.failed = (await tasks.end((await tasks.submit((await make('u9')).id)).id, 'fail', {
    stage: 'upstream',
    reason: 'moderation',
  }))!;
  states.timed_out = (await tasks.end((await tasks.submit((await make('u9')).id)).id, 'timeOut', { minutes: 30 }))!;
  const uncertain = await tasks.apply((await make('u9')).id, 'startSubmitting', undefined);
  states.uncertain = (await tasks.end(uncertain.id, 'markUncertain', {
    stage: 'restart',
    reason: 'restart_submitting',
  }))!;
  return { states, ledger, clock };
}

describe.skipIf(!HAS_POSTGRES)('npm run migrate-sqlite-to-postgres', () => {
  it('copies a month of use with tasks in every state; the copy reads the same and counts the same', async () => {
    source = await openTempStore('migrate-src');
    const { states, ledger, clock } = await monthOfUse(source.store);
    const before = await source.store.scan('');
    const usageBefore = await ledger.snapshot('g1', 'u9');
    await source.store.close();
    const pg = await openTarget();
    const { records } = await migrateSqliteToPostgres(source.file, pg, quietLogger());
    expect(records).toBe(before.length);
    expect(await pg.scan('')).toEqual(before);
    for (const [state, t] of Object.entries(states))
      expect((await pg.get<TaskRecord>(keys.task(t.id)))?.state).toBe(state);
    const copied = createGuildLedger({
      store: pg,
      settings: createSettingsStore(pg),
      defaults: NO_LIMITS,
      dmEnabled: true,
      now: () => clock,
    });
    expect(await copied.snapshot('g1', 'u9')).toEqual(usageBefore);
    // 24 delivered, 4 still counted (accepted, submitting, running, delivering), 3 refunded.
    expect((await copied.memberBreakdown('g1')).rows.reduce((n, r) => n + r.counter.tasks, 0)).toBe(24 + 4);
  });

  it('refuses a target that already holds records, and a file another process holds', async () => {
    source = await openTempStore('migrate-src');
    await source.store.transact(['tasks:x'], (tx) => tx.set('tasks:x', { id: 'x' }));
    const pg = await openTarget();
    await pg.transact(['tasks:y'], (tx) => tx.set('tasks:y', { id: 'y' }));
    await expect(migrateSqliteToPostgres(source.file, pg, quietLogger())).rejects.toThrow(/already holds records/);
    const empty = await openStore(
      { databasePath: '', databaseUrl: POSTGRES_URL, databaseSchema: newSchema(), poolSize: 1 },
      quietLogger(),
    );
    const emptySchema = empty.location.match(/schema (\w+)/)![1]!;
    try {
      // `source` is still open: the bot holds its file.
      await expect(migrateSqliteToPostgres(source.file, empty, quietLogger())).rejects.toThrow(/stop the bot first/);
    } finally {
      await empty.close();
      await dropSchema(emptySchema);
    }
  });

  it('as a command: usage errors exit 2', () => {
    const cli = fileURLToPath(new URL('../../src/cli/migrateSqliteToPostgres.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', cli], {
      env: { ...process.env, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run migrate-sqlite-to-postgres');
  });
});
