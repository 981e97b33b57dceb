/** Start-up, shutdown and what members see: the task lifecycle through the real bot and both fakes. */
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import type { NewTask, TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { eventually, type Harness, startHarness } from '../harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MEMBER = { id: '320000000000000001', username: 'erin' };

const newTask = (harness: Harness, userId: string): NewTask => ({
  guildId: harness.discord.guilds[0]!.id,
  channelId: harness.discord.guilds[0]!.channelId,
  userId,
  locale: 'en-US',
  interaction: { applicationId: harness.discord.applicationId, token: 'old-token', createdAt: harness.clock.now() },
  model: 'seedance2.0-mini-sp',
  request: { model: 'seedance2.0-mini-sp', prompt: `left over by ${userId}`, duration: 5 },
  cost: { billing: 'per_task', units: 1, seconds: 5, billedAs: 'seedance2.0-mini-sp-720p' },
});

describe('start-up takes over open tasks before taking interactions', () => {
  it('accepted tasks are sent once, a new /video right after READY is not touched by recovery, a broken record does not stop the bot', async () => {
    h = await startHarness({ seedance: { defaultScript: { kind: 'stuck' } } });
    const leftover: TaskRecord[] = [];
    for (const u of ['330000000000000001', '330000000000000002', '330000000000000003']) {
      const r = await h.app.tasks.create(newTask(h, u));
      if (!r.ok) throw new Error('refused');
      leftover.push(r.task);
    }
    // A record an old bug could leave: it cannot even be settled.
    const broken = await h.app.tasks.create(newTask(h, '330000000000000009'));
    if (!broken.ok) throw new Error('refused');
    await h.app.tasks.apply(broken.task.id, 'startSubmitting', undefined);
    await h.app.store.transact([keys.task(broken.task.id)], (tx) => {
      const t = tx.get<TaskRecord>(keys.task(broken.task.id))!;
      tx.set(keys.task(broken.task.id), { ...t, reservation: { ...t.reservation!, docs: null } });
    });
    await h.stopApp();
    // Recovery's creates are slow, so anything racing them would show.
    h.seedance.injectFault('create', { kind: 'delay', ms: 300 }, 3);
    const app = await h.restart();
    const ix = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: MEMBER,
      options: [{ name: 'prompt', value: 'fresh' }],
    });
    await h.discord.waitForCallback(ix.id);
    await eventually(
      async () => (await app.tasks.listOpen()).filter((t) => t.state === 'running').length === 4,
      8000,
      'four running',
    );
    expect(h.seedance.createCount()).toBe(4);
    for (const t of leftover) expect((await app.tasks.get(t.id))!.state).toBe('running');
    const [fresh] = await app.tasks.listRecentByUser(MEMBER.id);
    expect(fresh).toMatchObject({ state: 'running' });
    expect(h.logs.some((l) => l.includes('could not recover this task') && l.includes(broken.task.id))).toBe(true);
    expect(app.discord.isReady()).toBe(true);
  });
});

describe('graceful shutdown', () => {
  it('a /video whose create call is in flight at SIGTERM is finished, recorded running, and resumed after the restart', async () => {
    h = await startHarness({ seedance: { defaultScript: { kind: 'succeed', queuedMs: 100, runMs: 100 } } });
    h.seedance.injectFault('create', { kind: 'delay', ms: 800 });
    const ix = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: MEMBER,
      options: [{ name: 'prompt', value: 'in flight' }],
    });
    await h.discord.waitForCallback(ix.id);
    await eventually(() => h!.seedance.createCount() === 1, 3000, 'the create call under way');
    await h.stopApp(5000);
    const app = await h.restart();
    const [task] = await app.tasks.listRecentByUser(MEMBER.id);
    expect(task!.upstreamTaskId).toBeTruthy();
    await eventually(
      async () => (await app.tasks.get(task!.id))?.state === 'done',
      8000,
      'delivered after the restart',
    );
    expect(h.seedance.createCount()).toBe(1);
    expect((await app.tasks.get(task!.id))!.usage).toBe('committed');
  });
});

describe('what members see is never markup they did not mean', () => {
  it('a prompt with a masked link, headings and lists is shown as text; so is the upstream error', async () => {
    h = await startHarness();
    h.seedance.enqueueScript({
      kind: 'fail',
      afterMs: 50,
      reason: 'rejected [appeal here](https://evil.example)\n# URGENT',
    });
    const ix = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: MEMBER,
      options: [{ name: 'prompt', value: '[free nitro](https://evil.example)\n# Big\n-# small\n- one\n1. two' }],
    });
    await h.discord.waitForCallback(ix.id);
    const message = () => h!.discord.originalMessage(ix.id)!;
    await eventually(() => JSON.stringify(message().embeds).includes('URGENT'), 8000, 'the failure shown');
    const embed = message().embeds[0] as { description: string; fields: Array<{ value: string }> };
    const shown = [embed.description, ...embed.fields.map((f) => f.value)].join('\n');
    expect(shown).not.toMatch(/(^|[^\\])\[(free nitro|appeal here)\]\(https/);
    for (const line of shown.split('\n')) expect(line.replace(/^> /, '')).not.toMatch(/^(#{1,3} |-# |- |\d+\. )/);
  });
});
