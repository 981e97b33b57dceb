import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys, prefixes } from '../../src/db/keys.js';
import type { RecordStore } from '../../src/db/recordStore.js';
import { startFakeSeedance, type FakeSeedance } from '../../src/dev/fake-seedance/index.js';
import { createTaskLeases, LeaseLostError } from '../../src/services/cluster/taskLeases.js';
import { createSettingsStore } from '../../src/services/guildConfig/settingsStore.js';
import { createAssetCache } from '../../src/services/review/assetReview.js';
import { keyFingerprint } from '../../src/services/seedance/keyPool.js';
import { AssetReviewClient } from '../../src/services/seedance/assets.js';
import { SeedanceClient } from '../../src/services/seedance/client.js';
import { reconcile } from '../../src/services/tasks/reconcile.js';
import { IllegalTransitionError } from '../../src/services/tasks/stateMachine.js';
import type { NewTask, TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { createTaskService } from '../../src/services/tasks/taskService.js';
import { readOneTask } from '../../src/services/tasks/taskStorage.js';
import { createGuildLedger } from '../../src/services/usage/guildLedger.js';
import type { Limits } from '../../src/services/usage/limits.js';
import {
  NO_LIMITS,
  openTempStore,
  quietLogger,
  type TempStore,
  type StoreKind,
  storeKinds,
} from '../support/tempStore.js';

const KINDS = await storeKinds();

describe.each(KINDS)('%s', (kind: StoreKind) => {
  let temp: TempStore;
  let fake: FakeSeedance;
  beforeEach(async () => {
    temp = await openTempStore('tasks', kind);
    fake = await startFakeSeedance({ defaultScript: { kind: 'stuck' } });
  });
  afterEach(async () => {
    await temp.cleanup();
    await fake.close();
  });

  const NOW = Date.UTC(2026, 10, 24, 12);

  function services(limits: Partial<Limits> = {}) {
    const store = temp.store;
    const settings = createSettingsStore(store);
    const ledger = createGuildLedger({
      store,
      settings,
      defaults: { ...NO_LIMITS, ...limits },
      dmEnabled: true,
      now: () => NOW,
    });
    const upstream = new SeedanceClient({
      baseUrl: fake.url,
      apiKey: fake.apiKey,
      timeoutMs: 2000,
      logger: quietLogger(),
    });
    const tasks = createTaskService({ store, upstream, ledger, logger: quietLogger(), now: () => NOW });
    return { store, ledger, tasks, settings };
  }

  const newTask = (userId = 'u1', guildId: string | null = 'g1'): NewTask => ({
    guildId,
    channelId: 'c1',
    userId,
    locale: 'en-US',
    interaction: { applicationId: 'app', token: 'interaction-token', createdAt: NOW },
    model: 'seedance2.0-mini-sp',
    request: { model: 'seedance2.0-mini-sp', prompt: 'a fox', duration: 5 },
    cost: { billing: 'per_task', units: 1, seconds: 5, billedAs: 'seedance2.0-mini-sp-720p' },
  });

  async function created(tasks: ReturnType<typeof services>['tasks'], userId = 'u1') {
    const r = await tasks.create(newTask(userId));
    if (!r.ok) throw new Error(`not created: ${JSON.stringify(r)}`);
    return r.task;
  }

  describe('a running slot is dated inside the transaction that takes or frees it', () => {
    // Found by the soak: a process waiting for the records dated its start before another process's finish
    // that it had waited for, so the tasks' own times showed 5 running under a cap of 4 for a few ms.
    it('creation, a start from the queue and a final state read the time with the records held', async () => {
      let clock = NOW;
      const { ledger, store } = services({ guild_running: 1, guild_queue: null, member_queue: null });
      // Every transaction's function runs 1 s after it was asked for (waiting for another's records, say).
      const slow = Object.create(store) as typeof store;
      slow.transact = (keys, fn) =>
        store.transact(keys, (tx) => {
          clock += 1000;
          return fn(tx);
        });
      const tasks = createTaskService({
        store: slow,
        upstream: { createTask: async () => ({ taskId: 'up' }) } as never,
        ledger,
        logger: quietLogger(),
        now: () => clock,
      });
      const asked = clock;
      const first = await created(tasks, 'u1');
      expect(first.startedAt).toBe(asked + 1000);
      expect(first.createdAt).toBe(asked + 1000);
      const second = await created(tasks, 'u2');
      expect(second.state).toBe('queued');
      const beforeEnd = clock;
      const ended = await tasks.apply(first.id, 'abandon', { stage: 'delivery', reason: 'reply_failed' });
      expect(ended.finishedAt).toBe(beforeEnd + 1000);
      const beforeStart = clock;
      const [started] = await tasks.startQueued(second.guildId ? `g${second.guildId}` : `dm${second.userId}`);
      expect(started?.startedAt).toBe(beforeStart + 1000);
      expect(started!.startedAt!).toBeGreaterThan(ended.finishedAt!);
    });
  });

  describe('the process that takes a task out of the queue holds it from then on', () => {
    // Found by the soak: one process cancelled a task another process held while it waited; the holder never
    // looks at a waiting task again, and the canceller, not holding it, could not tell the member.
    it('a Cancel made by another process moves the lease to it; the old holder can no longer change the task', async () => {
      const { ledger, store } = services({ guild_running: 1, guild_queue: null, member_queue: null });
      const upstream = { createTask: async () => ({ taskId: 'up' }) } as never;
      // One bot process: its lease holder and its task service, on the shared store.
      const processNamed = async (processId: string) => {
        const leases = createTaskLeases(
          store,
          { leaseMs: 60_000, shards: { count: 1, ids: [0] }, processId },
          () => NOW,
        );
        await leases.renew();
        return {
          leases,
          tasks: createTaskService({ store, upstream, ledger, logger: quietLogger(), now: () => NOW, leases }),
        };
      };
      const { tasks: one } = await processNamed('one');
      const { tasks: two, leases: leasesTwo } = await processNamed('two');
      await created(one, 'u1');
      const waiting = await created(one, 'u2');
      expect(waiting.state).toBe('queued');
      expect(await store.get(keys.open(waiting.id))).toMatchObject({ owner: 'one' });

      const cancelled = await two.apply(waiting.id, 'cancelQueued', { by: 'u2' });
      expect(cancelled.state).toBe('failed');
      expect(await store.get(keys.open(waiting.id))).toMatchObject({ owner: 'two' });
      expect(leasesTwo.holds(waiting.id)).toBe(true);
      if (store.shared)
        await expect(one.apply(waiting.id, 'markTold', {}, undefined, { owner: 'one' })).rejects.toThrow(
          LeaseLostError,
        );
      const told = await two.apply(waiting.id, 'markTold', {}, undefined, { owner: 'two' });
      expect(told.toldAt).toBe(NOW);
      expect(await store.get(keys.open(waiting.id))).toBeUndefined();
    });
  });

  describe('creating a task is one transaction', () => {
    it('writes the task, its reservation, its open-index entry and the member list together', async () => {
      const { tasks } = services();
      const task = await created(tasks);
      const reopened = await temp.reopen();
      expect(await readOneTask(reopened, task.id)).toMatchObject({
        state: 'accepted',
        usage: 'reserved',
        reservation: { docs: ['usage:gg1', 'usage:gg1:uu1'], day: '2026-11-24', month: '2026-11' },
      });
      expect(await reopened.get(keys.open(task.id))).toMatchObject({ guildId: 'g1' });
      expect(await reopened.get(keys.userTasks('u1'))).toEqual([task.id]);
      // The member's index of every task (My videos), keyed by the request's arrival.
      expect(task.listedAt).toBe(NOW);
      expect(await reopened.scan(prefixes.memberTasksOf('u1'))).toEqual([[keys.memberTask('u1', NOW, task.id), 1]]);
    });

    it('a refusal writes nothing at all', async () => {
      const { tasks } = services({ member_daily_tasks: 1 });
      await created(tasks);
      const refused = await tasks.create(newTask());
      expect(refused).toMatchObject({ ok: false, key: 'limit.member_daily_tasks' });
      expect(await temp.store.scan('tasks:')).toHaveLength(1);
      expect(await temp.store.scan('task_details:')).toHaveLength(1);
      expect(await temp.store.scan('open_tasks:')).toHaveLength(1);
      expect((await temp.store.get<string[]>(keys.userTasks('u1')))!.length).toBe(1);
      expect(await temp.store.scan(prefixes.memberTasksOf('u1'))).toHaveLength(1);
    });
  });

  describe('a task is sent upstream once', () => {
    it('two overlapping submits of one accepted task make one create, and neither throws', async () => {
      const { tasks } = services();
      const task = await created(tasks);
      const [a, b] = await Promise.all([tasks.submit(task.id), tasks.submit(task.id)]);
      expect(fake.createCount()).toBe(1);
      // The one that sent it ends running; the other found it already being sent and left it alone.
      expect([a.state, b.state]).toContain('running');
      for (const s of [a.state, b.state]) expect(['submitting', 'running']).toContain(s);
      expect((await tasks.get(task.id))!.state).toBe('running');
    });

    it('submit acts only on an accepted task', async () => {
      const { tasks } = services();
      const task = await created(tasks);
      await tasks.submit(task.id);
      const again = await tasks.submit(task.id);
      expect(again.state).toBe('running');
      expect(fake.createCount()).toBe(1);
    });
  });

  describe('settlement happens exactly once, with the final state', () => {
    it('failing, failing again and timing out at once: refunded once, running slots freed once', async () => {
      const { tasks, ledger } = services();
      const a = await created(tasks, 'u1');
      await created(tasks, 'u1');
      await tasks.submit(a.id);
      const results = await Promise.all([
        tasks.end(a.id, 'fail', { stage: 'upstream', reason: 'transient' }),
        tasks.end(a.id, 'fail', { stage: 'upstream', reason: 'transient' }),
        tasks.end(a.id, 'timeOut', { minutes: 30 }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const snap = await ledger.snapshot('g1', 'u1');
      expect(snap).toMatchObject({
        guildDay: { tasks: 1 },
        memberDay: { tasks: 1 },
        guildRunning: 1,
        memberRunning: 1,
      });
      expect((await tasks.get(a.id))!.usage).toBe('refunded');
    });

    it('a delivered video commits its usage; a later failure cannot refund it', async () => {
      const { tasks, ledger } = services();
      const a = await created(tasks);
      await tasks.submit(a.id);
      await tasks.apply(a.id, 'markDelivering', {
        videoUrl: 'https://video.example/a.mp4',
        status: 'completed',
        attempts: 1,
      });
      const [delivered, failed] = await Promise.all([
        tasks.apply(a.id, 'markDelivered', { mode: 'upload', via: 'webhook' }),
        tasks.end(a.id, 'fail', { stage: 'delivery', reason: 'undeliverable' }),
      ]);
      expect(delivered).toMatchObject({ state: 'done', usage: 'committed' });
      expect(failed).toBeUndefined();
      expect(await ledger.snapshot('g1', 'u1')).toMatchObject({
        guildDay: { tasks: 1 },
        guildRunning: 0,
        memberRunning: 0,
      });
    });
  });

  describe('named transitions own their rules', () => {
    it('a move the state machine does not allow is refused and changes nothing', async () => {
      const { tasks } = services();
      const a = await created(tasks);
      await expect(tasks.apply(a.id, 'markDelivered', { mode: 'upload', via: 'webhook' })).rejects.toBeInstanceOf(
        IllegalTransitionError,
      );
      expect((await tasks.get(a.id))!.state).toBe('accepted');
    });

    it('decides on the record read inside its transaction: abandoning a task that is rendering is refused', async () => {
      const { tasks, ledger } = services();
      const stale = await created(tasks);
      const running = await tasks.submit(stale.id);
      expect(running.state).toBe('running');
      // The caller still holds its `accepted` copy (a reply that failed): the task has been sent since.
      const ended = await tasks.tryEnd(stale.id, 'abandon', { stage: 'delivery', reason: 'reply_failed' }, stale);
      expect(ended).toMatchObject({ ok: false, task: { state: 'running', usage: 'reserved' } });
      expect(await tasks.get(stale.id)).toMatchObject({ state: 'running', usage: 'reserved' });
      expect(await temp.store.get(keys.open(stale.id))).toBeDefined();
      expect(await ledger.snapshot('g1', 'u1')).toMatchObject({ guildDay: { tasks: 1 }, guildRunning: 1 });
    });

    it('a finished task keeps its token until the member is told, then leaves the open index without it', async () => {
      const { tasks } = services();
      const a = await created(tasks);
      await tasks.submit(a.id);
      const ended = (await tasks.end(a.id, 'fail', { stage: 'upstream', reason: 'moderation', detail: 'TRADEMARK' }))!;
      expect(ended.interaction.token).toBe('interaction-token');
      expect(await temp.store.get(keys.open(a.id))).toBeDefined();
      const told = await tasks.apply(a.id, 'markTold', {});
      expect(told.interaction.token).toBe('');
      expect(await temp.store.get(keys.open(a.id))).toBeUndefined();
      expect((await temp.store.scan('finished_tasks:')).map(([, v]) => v)).toEqual([{ id: a.id }]);
    });
  });

  describe('running caps: read when deciding who starts, a cap of 0 refused at once', () => {
    const QUEUES_ON = { guild_queue: null, member_queue: null } as const;

    it('a running cap of 0 (server, member, or a role) refuses the request at once, naming the limit; nothing written', async () => {
      const asked = async (limits: Partial<Limits>, roleIds: string[] = [], roleLimits?: object) => {
        const s = services({ ...QUEUES_ON, ...limits });
        if (roleLimits) await s.settings.change('g1', (x) => ({ ...x, roleLimits: roleLimits as never }));
        return s.tasks.create(newTask(), { roleIds });
      };
      expect(await asked({ guild_running: 0 })).toMatchObject({ ok: false, key: 'limit.guild_running_zero' });
      expect(await asked({ member_running: 0 })).toMatchObject({ ok: false, key: 'limit.member_running_zero' });
      expect(await asked({ member_running: 2 }, ['r1'], { r1: { member_running: 0 } })).toMatchObject({
        ok: false,
        key: 'limit.member_running_zero',
      });
      expect(await temp.store.scan('tasks:')).toHaveLength(0);
      expect(await temp.store.scan('task_details:')).toHaveLength(0);
      expect(await temp.store.scan('queue:')).toHaveLength(0);
    });

    it('a queue entry written with its cap inside (old data, cap 0) starts once a slot is free', async () => {
      const { tasks } = services({ ...QUEUES_ON, guild_running: 1 });
      const first = await created(tasks, 'u1');
      const waiting = await created(tasks, 'u2');
      expect(waiting.state).toBe('queued');
      // What the code before this change wrote for a request made under a member running cap of 0.
      const queueKey = (await temp.store.scan('queue:'))[0]![0];
      await temp.store.transact([queueKey], (tx) => tx.set(queueKey, { userId: 'u2', memberRunningCap: 0 }));
      await tasks.end(first.id, 'fail', { stage: 'submit', reason: 'auth' });
      expect((await tasks.startQueued('gg1')).map((t) => t.id)).toEqual([waiting.id]);
      expect((await tasks.get(waiting.id))!.state).toBe('accepted');
    });

    it("a member's role limit raised while they wait applies at once: their queued request starts", async () => {
      const { tasks, settings } = services({ ...QUEUES_ON, member_running: 1 });
      const first = await tasks.create(newTask(), { roleIds: ['r1'] });
      const second = await tasks.create(newTask(), { roleIds: ['r1'] });
      if (!first.ok || !second.ok) throw new Error('not created');
      expect([first.task.state, second.task.state]).toEqual(['accepted', 'queued']);
      expect(await tasks.startQueued('gg1')).toEqual([]);
      await settings.change('g1', (x) => ({ ...x, roleLimits: { r1: { member_running: 2 } } }));
      expect((await tasks.startQueued('gg1')).map((t) => t.id)).toEqual([second.task.id]);
    });
  });

  describe('start-up reconciliation', () => {
    it('rebuilds running counts from the open tasks and drops index entries of missing tasks', async () => {
      const { tasks, ledger, store } = services();
      const a = await created(tasks, 'u1');
      const b = await created(tasks, 'u2');
      await tasks.submit(a.id);
      await tasks.end(b.id, 'fail', { stage: 'submit', reason: 'auth' });
      // What an old version could leave behind: counts written out of order, an index entry without a task.
      await store.transact(['usage:gg1', 'usage:gg1:uu2', keys.open('ghost')], (tx) => {
        tx.set('usage:gg1', { ...tx.get<object>('usage:gg1'), running: 7 });
        tx.set('usage:gg1:uu2', { ...tx.get<object>('usage:gg1:uu2'), running: 3 });
        tx.set(keys.open('ghost'), { createdAt: NOW, guildId: 'g1' });
      });
      const report = await reconcile(store, ledger, quietLogger());
      expect(report).toMatchObject({ droppedIndexEntries: 1, runningFixed: 2 });
      expect(await ledger.snapshot('g1', 'u1')).toMatchObject({ guildRunning: 1, memberRunning: 1 });
      expect(await ledger.snapshot('g1', 'u2')).toMatchObject({ memberRunning: 0 });
      expect(await store.get(keys.open('ghost'))).toBeUndefined();
      // A second pass finds nothing to do.
      expect(await reconcile(store, ledger, quietLogger())).toMatchObject({ droppedIndexEntries: 0, runningFixed: 0 });
    });

    it('runs while tasks are made: a task created meanwhile keeps its slot and its counts, the rest is fixed', async () => {
      const { tasks, ledger, store } = services();
      const a = await created(tasks, 'u1');
      await tasks.submit(a.id);
      await store.transact(['usage:gg1:uu2'], (tx) => tx.set('usage:gg1:uu2', { running: 3 }));
      // A member asks for a video after the tasks were read, before the places are looked at.
      let late: TaskRecord | undefined;
      const busy: RecordStore = {
        ...store,
        pages: (prefix, size) =>
          prefix !== prefixes.slots || late
            ? store.pages(prefix, size)
            : (async function* () {
                late = await created(tasks, 'u1');
                yield* store.pages(prefix, size);
              })(),
      };
      const report = await reconcile(busy, ledger, quietLogger());
      expect(late).toBeDefined();
      // The guild's and u1's documents changed meanwhile (left, and right); u2's stale count was fixed.
      expect(report).toMatchObject({ runningFixed: 1, placesDropped: 0 });
      expect(await ledger.snapshot('g1', 'u1')).toMatchObject({ guildRunning: 2, memberRunning: 2 });
      expect(await ledger.snapshot('g1', 'u2')).toMatchObject({ memberRunning: 0 });
      expect(await store.scan(prefixes.slots)).toHaveLength(2);
    });
  });

  describe('the media review of a Manxue upload', () => {
    function reviewing() {
      const base = services();
      const upstream = new SeedanceClient({ baseUrl: fake.url, apiKey: fake.apiKey, timeoutMs: 2000 });
      const tasks = createTaskService({
        store: base.store,
        upstream,
        ledger: base.ledger,
        logger: quietLogger(),
        now: () => NOW,
        review: {
          cache: createAssetCache({ store: base.store, fingerprint: () => keyFingerprint('k'), now: () => NOW }),
          client: new AssetReviewClient(upstream),
        },
      });
      return { ...base, tasks };
    }
    const manxue = (): NewTask => ({
      ...newTask(),
      model: 'sd2_mx_720p',
      request: {
        model: 'sd2_mx_720p',
        prompt: 'p',
        duration: 5,
        images: ['https://cdn.discordapp.com/attachments/1/2/a.png?ex=1', 'asset://typed'],
      },
      cost: { billing: 'per_second', units: 5, seconds: 5, billedAs: 'sd2_mx_720p' },
    });

    it('is submitted once however many callers race, saved as review_submitting first; typed asset ids are not reviewed', async () => {
      const { tasks } = reviewing();
      const r = await tasks.create(manxue());
      if (!r.ok) throw new Error('not created');
      const states = await Promise.all([tasks.submit(r.task.id), tasks.submit(r.task.id), tasks.submit(r.task.id)]);
      expect(fake.audits()).toEqual([{ imageUrls: ['https://cdn.discordapp.com/attachments/1/2/a.png?ex=1'] }]);
      expect(states.map((t) => t.state)).toContain('reviewing');
      const stored = (await tasks.get(r.task.id))!;
      expect(stored).toMatchObject({ state: 'reviewing', review: { items: [{ field: 'images', index: 0 }] } });
      expect(stored.review!.items).toHaveLength(1);
      expect(fake.createCount()).toBe(0);
    });

    it('the named transitions: only from their states; a refusal and a timeout fail refunded with the file named', async () => {
      const { tasks, ledger } = reviewing();
      const r = await tasks.create(manxue());
      if (!r.ok) throw new Error('not created');
      await expect(tasks.apply(r.task.id, 'markReviewed', { checks: 1 })).rejects.toBeInstanceOf(
        IllegalTransitionError,
      );
      await expect(tasks.apply(r.task.id, 'timeOutReview', { minutes: 10 })).rejects.toBeInstanceOf(
        IllegalTransitionError,
      );
      const inReview = await tasks.submit(r.task.id);
      expect(inReview.state).toBe('reviewing');
      await expect(tasks.apply(r.task.id, 'startReviewSubmitting', { items: [] })).rejects.toBeInstanceOf(
        IllegalTransitionError,
      );
      const failed = await tasks.apply(r.task.id, 'failReview', { file: 'a.png', detail: 'watermark' });
      expect(failed).toMatchObject({
        state: 'failed',
        usage: 'refunded',
        lastError: { stage: 'review', reason: 'review_failed', file: 'a.png', detail: 'watermark' },
      });
      expect((await ledger.snapshot('g1', 'u1')).guildDay.tasks).toBe(0);
    });
  });
});
