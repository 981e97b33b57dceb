/**
 * kill -9 at each step of a task's life: a real bot process is killed (SIGKILL) at a named checkpoint, a new
 * instance starts on the same SQLite file, and every count must match the tasks: nothing held, nothing lost,
 * nothing charged twice, nothing sent upstream twice.
 */
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Script } from '../../src/dev/fake-seedance/index.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import type { Checkpoint } from '../../src/services/tasks/taskService.js';
import { eventually, type Harness, startHarness } from '../harness.js';
import { killed, startCrashingBot } from '../support/botProcesses.js';
import { type StoreKind, storeKinds } from '../support/tempStore.js';

const MEMBER = { id: '310000000000000001', username: 'dora' };

let h: Harness | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await h?.close();
  h = undefined;
  child = undefined;
});

/** Every figure the ledger keeps, checked against the tasks themselves. */
async function expectCountsMatchTasks(app: App, guildId: string) {
  const tasks = (await app.tasks.listRecentByUser(MEMBER.id, 25)) as TaskRecord[];
  const open = await app.tasks.listOpen();
  expect(open).toEqual([]);
  for (const t of tasks) expect(t.usage).toBe(t.state === 'done' ? 'committed' : 'refunded');
  const snap = await app.ledger.snapshot(guildId, MEMBER.id);
  const charged = tasks.filter((t) => t.usage === 'committed').length;
  expect(snap).toMatchObject({
    guildDay: { tasks: charged },
    memberDay: { tasks: charged },
    guildRunning: 0,
    memberRunning: 0,
  });
  // No usage document still counts a running video.
  expect((await app.store.scan<{ running: number }>('usage:')).filter(([, d]) => d.running !== 0)).toEqual([]);
  return tasks;
}

const cases: Array<{ at: Checkpoint; script: Script; expect: { state: TaskRecord['state']; creates: number } }> = [
  // Crash after the task and its reservation were written, before the reply: sent after the restart.
  { at: 'task.created', script: { kind: 'succeed', queuedMs: 50, runMs: 50 }, expect: { state: 'done', creates: 1 } },
  // After `submitting` was saved, before the create call: never sent, refunded.
  {
    at: 'task.submitting',
    script: { kind: 'succeed', queuedMs: 50, runMs: 50 },
    expect: { state: 'uncertain', creates: 0 },
  },
  // After the create call answered, before its id was saved: not sent again, refunded.
  {
    at: 'task.created_upstream',
    script: { kind: 'succeed', queuedMs: 50, runMs: 50 },
    expect: { state: 'uncertain', creates: 1 },
  },
  // Running with its upstream id saved: followed and delivered by the new process.
  { at: 'task.running', script: { kind: 'succeed', queuedMs: 300, runMs: 300 }, expect: { state: 'done', creates: 1 } },
  // The upstream failed and the refund was settled, the member not yet told: told after the restart.
  {
    at: 'task.settled',
    script: { kind: 'fail', afterMs: 50, reason: 'PROVIDER_MODERATION_ERROR' },
    expect: { state: 'failed', creates: 1 },
  },
  // The video was uploaded but `done` not yet saved: the new process finds it on the card (not uploaded again), charged once.
  {
    at: 'task.delivered_unsaved',
    script: { kind: 'succeed', queuedMs: 50, runMs: 50 },
    expect: { state: 'done', creates: 1 },
  },
  // Everything saved: nothing left to do.
  { at: 'task.delivered', script: { kind: 'succeed', queuedMs: 50, runMs: 50 }, expect: { state: 'done', creates: 1 } },
];

const KINDS = await storeKinds();

describe.each(KINDS)('%s', (kind: StoreKind) => {
  describe('kill -9 at each step of create and settle, then restart', () => {
    for (const c of cases) {
      it(`crash at ${c.at}: the new process ends the task ${c.expect.state}, counts match the tasks`, async () => {
        h = await startHarness({ store: kind, startApp: false, seedance: { defaultScript: c.script } });
        child = await startCrashingBot(h, c.at);
        const ix = h.discord.dispatchCommand({
          name: 'video',
          subcommand: 'text',
          user: MEMBER,
          options: [{ name: 'prompt', value: 'a lighthouse at dusk' }],
        });
        expect(await killed(child)).toBe('SIGKILL');
        const app = await h.restart();
        await eventually(
          async () =>
            (await app.tasks.listRecentByUser(MEMBER.id)).length > 0 && (await app.tasks.listOpen()).length === 0,
          10_000,
          'the task settled and its member told',
        );
        const [task] = await app.tasks.listRecentByUser(MEMBER.id);
        expect(task!.state).toBe(c.expect.state);
        expect(h.seedance.createCount()).toBe(c.expect.creates);
        const tasks = await expectCountsMatchTasks(app, h.discord.guilds[0]!.id);
        expect(tasks).toHaveLength(1);
        if (c.expect.state === 'done') {
          // Exactly one card carries the video.
          const withVideo = [...h.discord.messages.byId.values()].filter((m) => m.attachments.length > 0);
          expect(withVideo).toHaveLength(1);
          // And it was uploaded once: after a crash between the upload and saving `done`, the new process
          // finds the video on the card instead of uploading it again (found by the soak).
          const uploads = h.discord.requests.filter(
            (r) => r.status === 200 && r.files.some((f) => f.name.endsWith('.mp4')),
          );
          expect(uploads).toHaveLength(1);
        }
        void ix;
      }, 40_000);
    }
  });

  describe('kill -9 during the media review of a Manxue upload, then restart', () => {
    const reviewCases: Array<{
      at: Checkpoint;
      expect: { state: TaskRecord['state']; audits: number; creates: number };
    }> = [
      // `review_submitting` saved, the review not yet sent: never sent (it may have been), refunded.
      { at: 'task.review_submitting', expect: { state: 'uncertain', audits: 0, creates: 0 } },
      // In review with the asset ids saved: the new process polls them and creates the task, once.
      { at: 'task.reviewing', expect: { state: 'done', audits: 1, creates: 1 } },
    ];
    for (const c of reviewCases) {
      it(`crash at ${c.at}: the new process ends the task ${c.expect.state}, nothing reviewed twice`, async () => {
        h = await startHarness({
          store: kind,
          startApp: false,
          seedance: { defaultScript: { kind: 'succeed', queuedMs: 50, runMs: 50 }, assetReviewMs: 200 },
        });
        child = await startCrashingBot(h, c.at);
        h.discord.dispatchCommand({
          name: 'video',
          subcommand: 'images',
          user: MEMBER,
          options: [
            { name: 'prompt', value: 'the cat blinks' },
            { name: 'model', value: 'sd2_mx_720p' },
          ],
          attachments: [
            {
              optionName: 'image1',
              filename: 'cat.png',
              contentType: 'image/png',
              size: 9000,
              width: 800,
              height: 800,
            },
          ],
        });
        expect(await killed(child)).toBe('SIGKILL');
        const app = await h.restart();
        await eventually(
          async () =>
            (await app.tasks.listRecentByUser(MEMBER.id)).length > 0 && (await app.tasks.listOpen()).length === 0,
          10_000,
          'the task settled and its member told',
        );
        const [task] = await app.tasks.listRecentByUser(MEMBER.id);
        expect(task!.state).toBe(c.expect.state);
        expect(h.seedance.auditCount()).toBe(c.expect.audits);
        expect(h.seedance.createCount()).toBe(c.expect.creates);
        await expectCountsMatchTasks(app, h.discord.guilds[0]!.id);
      }, 40_000);
    }
  });
});
