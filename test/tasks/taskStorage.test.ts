/**
 * A task is stored as a hot record (what transitions change) and a cold one (the request, who asked): what each
 * transition writes to the database, records of earlier versions written whole, and the token forgotten once told.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import { encodeRecord } from '../../src/db/recordFormat.js';
import type { RecordStore, Writes } from '../../src/db/recordStore.js';
import { startFakeSeedance, type FakeSeedance } from '../../src/dev/fake-seedance/index.js';
import { createSettingsStore } from '../../src/services/guildConfig/settingsStore.js';
import { SeedanceClient } from '../../src/services/seedance/client.js';
import type { NewTask, TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { createTaskService } from '../../src/services/tasks/taskService.js';
import { DETAIL_FIELDS } from '../../src/services/tasks/taskStorage.js';
import { createGuildLedger } from '../../src/services/usage/guildLedger.js';
import { openRecordingStore, type RecordingStore } from '../support/recordingStore.js';
import { NO_LIMITS, quietLogger, type StoreKind, storeKinds } from '../support/tempStore.js';

const KINDS = await storeKinds();
const NOW = Date.UTC(2026, 10, 24, 12);

describe.each(KINDS)('%s', (kind: StoreKind) => {
  let recorded: RecordingStore;
  let store: RecordStore;
  let batches: Writes[];
  let fake: FakeSeedance;

  beforeEach(async () => {
    recorded = await openRecordingStore(kind, 'task-storage');
    ({ store, batches } = recorded);
    fake = await startFakeSeedance({ defaultScript: { kind: 'stuck' } });
  });
  afterEach(async () => {
    await store.close();
    await fake.close();
    await recorded.cleanup();
  });

  function taskService() {
    const ledger = createGuildLedger({
      store,
      settings: createSettingsStore(store),
      defaults: NO_LIMITS,
      dmEnabled: true,
      now: () => NOW,
    });
    const upstream = new SeedanceClient({ baseUrl: fake.url, apiKey: fake.apiKey, timeoutMs: 2000 });
    return createTaskService({ store, upstream, ledger, logger: quietLogger(), now: () => NOW });
  }

  /** A request of a realistic size: a long prompt and a few reference images (Discord CDN URLs). */
  const newTask = (): NewTask => ({
    guildId: '100000000000000001',
    channelId: '100000000000000002',
    userId: '100000000000000003',
    locale: 'en-US',
    interaction: {
      id: '100000000000000004',
      applicationId: '100000000000000005',
      token: `aW50ZXJhY3Rpb246${'x'.repeat(160)}`,
      createdAt: NOW,
    },
    model: 'seedance2.0-mini-sp',
    request: {
      model: 'seedance2.0-mini-sp',
      prompt: 'A red fox runs through fresh snow at dawn, the camera following low and close. '.repeat(6),
      duration: 5,
      images: [1, 2, 3].map(
        (i) =>
          `https://cdn.discordapp.com/attachments/100000000000000002/10000000000000000${i}/ref${i}.png?ex=6760a1b2&is=675f5032&hm=${'f'.repeat(64)}&`,
      ),
    },
    cost: { billing: 'per_task', units: 1, seconds: 5, billedAs: 'seedance2.0-mini-sp-720p' },
  });

  /** Keys of every row written since `from`, and the bytes of each row's value as stored. */
  const writtenSince = (from: number) => {
    const rows = batches.slice(from).flatMap((b) => [...b]);
    return { keys: rows.map(([k]) => k), bytes: rows.map(([, v]) => (v === undefined ? 0 : encodeRecord(v).length)) };
  };

  async function running(tasks: ReturnType<typeof taskService>) {
    const created = await tasks.create(newTask());
    if (!created.ok) throw new Error('not created');
    await tasks.submit(created.task.id);
    const t = (await tasks.get(created.task.id))!;
    expect(t.state).toBe('running');
    return t;
  }

  describe('a status change writes the hot record only', () => {
    it('progress and delivering rewrite `tasks:<id>` (a few hundred bytes), never the request', async () => {
      const tasks = taskService();
      const task = await running(tasks);
      const details = await store.get<Record<string, unknown>>(keys.taskDetails(task.id));
      expect(Object.keys(details!).sort()).toEqual(
        DETAIL_FIELDS.filter((f) => task[f] !== undefined).sort((a, b) => a.localeCompare(b)),
      );
      const whole = encodeRecord(task).length;

      const before = batches.length;
      await tasks.apply(task.id, 'recordProgress', { status: 'running', progress: 40, attempts: 3 });
      await tasks.apply(task.id, 'markDelivering', {
        videoUrl: 'https://videos.example/out.mp4',
        status: 'succeeded',
        attempts: 4,
      });
      const w = writtenSince(before);
      expect(w.keys).toEqual([keys.task(task.id), keys.task(task.id)]);
      for (const b of w.bytes) expect(b).toBeLessThan(450);
      expect(whole).toBeGreaterThan(1500);
      // The cold record is the one written at creation, untouched.
      expect(await store.get(keys.taskDetails(task.id))).toEqual(details);
      const hot = await store.get<Record<string, unknown>>(keys.task(task.id));
      for (const f of DETAIL_FIELDS) expect(hot).not.toHaveProperty(f);
      expect(await tasks.get(task.id)).toMatchObject({
        ...newTask(),
        state: 'delivering',
        progress: 100,
        attempts: 4,
        reservation: task.reservation,
      });
    });

    it('being told rewrites the details once, without the interaction token', async () => {
      const tasks = taskService();
      const task = await running(tasks);
      await tasks.apply(task.id, 'fail', { stage: 'upstream', reason: 'no_video', detail: 'nope' });
      const before = batches.length;
      await tasks.apply(task.id, 'markTold', {});
      expect(writtenSince(before).keys.sort()).toEqual(
        [keys.open(task.id), keys.task(task.id), keys.taskDetails(task.id)].sort(),
      );
      const details = await store.get<TaskRecord>(keys.taskDetails(task.id));
      expect(details?.interaction.token).toBe('');
      expect(details?.request).toEqual(newTask().request);
      expect((await tasks.get(task.id))?.toldAt).toBe(NOW);
    });
  });

  describe('a task written whole by an earlier version', () => {
    it('is read as it is, listed as open, and split when it is next written', async () => {
      const tasks = taskService();
      const task = await running(tasks);
      // What an earlier version stored: the whole task under `tasks:<id>`, no details record.
      const whole = { ...task };
      await store.transact([keys.task(task.id), keys.taskDetails(task.id)], (tx) => {
        tx.set(keys.task(task.id), whole);
        tx.delete(keys.taskDetails(task.id));
      });
      expect(await tasks.get(task.id)).toEqual(whole);
      expect((await tasks.listOpen()).map((t) => t.id)).toEqual([task.id]);

      await tasks.apply(task.id, 'recordProgress', { status: 'running', progress: 10, attempts: 1 });
      expect(await store.get(keys.task(task.id))).not.toHaveProperty('request');
      expect(await store.get(keys.taskDetails(task.id))).toMatchObject({ request: task.request, userId: task.userId });
      expect(await tasks.get(task.id)).toEqual({
        ...whole,
        upstreamStatus: 'running',
        progress: 10,
        attempts: 1,
        updatedAt: NOW,
      });
    });
  });
});
