import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../harness.js';
import { type StoreKind, storeKinds } from '../support/tempStore.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MEMBER = { id: '300000000000000001', username: 'carol' };
const MiB = 1024 * 1024;

async function submit(harness: Harness, prompt = 'a lighthouse at dusk') {
  const ix = harness.discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: MEMBER,
    options: [{ name: 'prompt', value: prompt }],
  });
  await harness.discord.waitForCallback(ix.id);
  const task = await eventually(
    async () => {
      const [t] = await harness.app.tasks.listRecentByUser(MEMBER.id);
      return t && t.state === 'running' ? t : undefined;
    },
    5000,
    'a running task',
  );
  return { ix, task };
}

const stateOf = async (harness: Harness, id: string) => (await harness.app.tasks.get(id))?.state;
const uploadsTo = (harness: Harness, messageId: string) =>
  harness.discord.requests.filter(
    (r) =>
      r.files.length > 0 && r.method === 'PATCH' && harness.discord.messages.byId.get(messageId)?.attachments.length,
  );
const embedText = (harness: Harness, messageId: string) =>
  JSON.stringify(harness.discord.messages.byId.get(messageId)?.embeds ?? []);

const KINDS = await storeKinds();

describe.each(KINDS)('%s', (kind: StoreKind) => {
  describe('a task is delivered exactly once', () => {
    it('one create, one upload, usage committed once', async () => {
      h = await startHarness({ store: kind });
      const { ix, task } = await submit(h);
      await eventually(async () => (await stateOf(h!, task.id)) === 'done', 8000, 'done');
      const messageId = h.discord.originalMessage(ix.id)!.id;
      expect(h.seedance.createCount()).toBe(1);
      expect(h.discord.requests.filter((r) => r.files.length > 0)).toHaveLength(1);
      expect(h.discord.messages.byId.get(messageId)!.attachments).toHaveLength(1);
      const usage = await h.app.ledger.snapshot(h.discord.guilds[0]!.id, MEMBER.id);
      expect(usage).toMatchObject({
        guildDay: { tasks: 1, seconds: 5, perTaskUnits: 1 },
        memberDay: { tasks: 1 },
        guildRunning: 0,
        memberRunning: 0,
      });
      expect(uploadsTo(h, messageId)).toHaveLength(1);
    });
  });

  describe('restarts', () => {
    it('a task running when the bot stops is resumed by a new instance and delivered once', async () => {
      h = await startHarness({ store: kind, seedance: { defaultScript: { kind: 'stuck' } } });
      const { ix, task } = await submit(h);
      await h.stopApp();
      h.seedance.finishTask(task.upstreamTaskId!, { status: 'completed' });
      const app = await h.restart();
      await eventually(async () => (await app.tasks.get(task.id))?.state === 'done', 8000, 'done after restart');
      expect(h.seedance.createCount()).toBe(1);
      expect(h.discord.requests.filter((r) => r.files.length > 0)).toHaveLength(1);
      expect(h.discord.originalMessage(ix.id)!.attachments).toHaveLength(1);
      expect((await app.tasks.get(task.id))!.usage).toBe('committed');
      // Counted once across both instances, and no longer running.
      expect(await app.ledger.snapshot(h.discord.guilds[0]!.id, MEMBER.id)).toMatchObject({
        guildDay: { tasks: 1 },
        guildRunning: 0,
        memberRunning: 0,
      });
    });

    it('a task caught mid-submit becomes uncertain on restart: told, refunded, never sent twice', async () => {
      h = await startHarness({ store: kind });
      const created = await h.app.tasks.create({
        guildId: h.discord.guilds[0]!.id,
        channelId: h.discord.guilds[0]!.channelId,
        userId: MEMBER.id,
        locale: 'en-US',
        interaction: { applicationId: h.discord.applicationId, token: 'expired-token', createdAt: h.clock.now() },
        model: 'seedance2.0-mini-sp',
        request: { model: 'seedance2.0-mini-sp', prompt: 'x', duration: 5 },
        cost: { billing: 'per_task', units: 1, seconds: 5, billedAs: 'seedance2.0-mini-sp-720p' },
      });
      if (!created.ok) throw new Error('not created');
      // The process "dies" right after writing `submitting`, before the create call returns.
      await h.app.tasks.apply(created.task.id, 'startSubmitting', undefined);
      const app = await h.restart();
      const after = await app.tasks.get(created.task.id);
      expect(after).toMatchObject({ state: 'uncertain', usage: 'refunded' });
      expect(h.seedance.createCount()).toBe(0);
      // No message id was saved, so the member hears about it in the channel.
      const notice = await eventually(
        () =>
          h!.discord.messages
            .inChannel(h!.discord.guilds[0]!.channelId)
            .find((m) => JSON.stringify(m.embeds).includes('lost track')),
        3000,
        'the notice',
      );
      expect(notice.allowedMentions).toEqual({ parse: [], users: [MEMBER.id] });
    });
  });

  describe('failures are told in plain words and refunded', () => {
    it('a moderation refusal upstream', async () => {
      h = await startHarness({ store: kind });
      h.seedance.enqueueScript({ kind: 'fail', afterMs: 50, reason: 'PROVIDER_MODERATION_ERROR: TRADEMARK' });
      const { ix, task } = await submit(h);
      await eventually(async () => (await stateOf(h!, task.id)) === 'failed', 5000, 'failed');
      const messageId = h.discord.originalMessage(ix.id)!.id;
      await eventually(
        () => embedText(h!, messageId).includes('refused this request for its content'),
        3000,
        'the failure text',
      );
      // The same request would be refused again: no Retry, Remix stays; the vendor's code is not shown.
      const components = JSON.stringify(h.discord.messages.byId.get(messageId)!.components);
      expect(components).not.toContain(`v1:retry:${task.id}`);
      expect(components).toContain(`v1:remix:${task.id}`);
      expect(embedText(h, messageId)).not.toMatch(/PROVIDER_MODERATION_ERROR|TRADEMARK/);
      expect(await h.app.tasks.get(task.id)).toMatchObject({
        usage: 'refunded',
        lastError: { reason: 'moderation', stage: 'upstream' },
      });
      // A card drawn before Retry left such cards may still carry it: the click is answered privately, nothing sent.
      const creates = h.seedance.createCount();
      const retry = h.discord.dispatchComponent({ customId: `v1:retry:${task.id}`, messageId, user: MEMBER });
      const answer = JSON.stringify(await h.discord.waitForCallback(retry.id));
      expect(answer).toContain('refused this request for its content');
      expect(h.seedance.createCount()).toBe(creates);
      expect((await h.app.tasks.listRecentByUser(MEMBER.id)).length).toBe(1);
    });

    it('the video service account out of balance: the operator is alerted (error log and counter)', async () => {
      h = await startHarness({ store: kind });
      h.seedance.enqueueScript({ kind: 'fail', afterMs: 50, reason: 'insufficient account balance' });
      const { ix, task } = await submit(h);
      await eventually(async () => (await stateOf(h!, task.id)) === 'failed', 5000, 'failed');
      const messageId = h.discord.originalMessage(ix.id)!.id;
      await eventually(
        () => embedText(h!, messageId).includes('the bot operator has been alerted'),
        3000,
        'the failure text',
      );
      const alerts = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.component === 'quota');
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        level: 'error',
        key: task.upstreamKey,
        guildId: task.guildId,
        taskId: task.id,
      });
      expect(await h.app.metrics.scrape()).toContain(`seedance_bot_quota_failures_total{key="${task.upstreamKey}"} 1`);
    });

    it('the upstream refusing the create (HTTP 500) refunds at once and offers Retry', async () => {
      h = await startHarness({ store: kind });
      h.seedance.injectFault('create', { status: 500 });
      const ix = h.discord.dispatchCommand({
        name: 'video',
        subcommand: 'text',
        user: MEMBER,
        options: [{ name: 'prompt', value: 'x' }],
      });
      await h.discord.waitForCallback(ix.id);
      const [task] = await eventually(
        async () => {
          const list = await h!.app.tasks.listRecentByUser(MEMBER.id);
          return list[0] && ['failed', 'uncertain'].includes(list[0].state) ? list : undefined;
        },
        5000,
        'a settled task',
      );
      // A 5xx may have reached the server: the outcome is unknown, so it is never resent automatically.
      expect(task).toMatchObject({ state: 'uncertain', usage: 'refunded' });
      expect(h.seedance.createCount()).toBe(1);
    });

    it('a task past its deadline is timed out, told and refunded', async () => {
      h = await startHarness({
        store: kind,
        env: { TASK_DEADLINE_MIN: '0.005' },
        seedance: { defaultScript: { kind: 'stuck' } },
      });
      const { ix, task } = await submit(h);
      await eventually(async () => (await stateOf(h!, task.id)) === 'timed_out', 5000, 'timed out');
      expect((await h.app.tasks.get(task.id))!.usage).toBe('refunded');
      await eventually(
        () => embedText(h!, h!.discord.originalMessage(ix.id)!.id).includes('No result after'),
        3000,
        'the timeout text',
      );
    });
  });

  describe('delivery', () => {
    it('a video larger than the upload limit becomes a link button with its expiry', async () => {
      h = await startHarness({ store: kind });
      h.seedance.enqueueScript({ kind: 'succeed', queuedMs: 50, runMs: 50, videoBytes: 11 * MiB });
      const { ix, task } = await submit(h);
      await eventually(async () => (await stateOf(h!, task.id)) === 'done', 8000, 'done');
      const msg = h.discord.originalMessage(ix.id)!;
      expect(msg.attachments).toHaveLength(0);
      expect(JSON.stringify(msg.components)).toContain(task.videoUrl ?? (await h.app.tasks.get(task.id))!.videoUrl!);
      expect(JSON.stringify(msg.embeds)).toContain('about 3 days');
      expect((await h.app.tasks.get(task.id))!.delivery).toMatchObject({ mode: 'link' });
    });

    it('after the 15-minute token expires, the message is edited through the channel', async () => {
      h = await startHarness({ store: kind, seedance: { defaultScript: { kind: 'stuck' } } });
      const { ix, task } = await submit(h);
      h.clock.advance(16 * 60 * 1000);
      h.seedance.finishTask(task.upstreamTaskId!, { status: 'completed' });
      await eventually(async () => (await stateOf(h!, task.id)) === 'done', 8000, 'done');
      expect((await h.app.tasks.get(task.id))!.delivery).toMatchObject({ via: 'channel', mode: 'upload' });
      expect(h.discord.originalMessage(ix.id)!.attachments).toHaveLength(1);
      const late = h.discord.requests.filter((r) => r.route === 'PATCH /channels/:channelId/messages/:messageId');
      expect(late.length).toBeGreaterThan(0);
    });

    it('when a moderator deleted the card, the video goes to the requester by DM, not back into the channel', async () => {
      h = await startHarness({ store: kind, seedance: { defaultScript: { kind: 'stuck' } } });
      const { ix, task } = await submit(h);
      const original = h.discord.originalMessage(ix.id)!;
      h.discord.deleteMessage(original.id);
      h.seedance.finishTask(task.upstreamTaskId!, { status: 'completed' });
      await eventually(async () => (await stateOf(h!, task.id)) === 'done', 8000, 'done');
      // Nothing new in the channel where the card was deleted ...
      expect(h.discord.messages.inChannel(original.channelId).filter((m) => m.id !== original.id)).toEqual([]);
      // ... the requester got it in a DM, with the video and no ping.
      const done = (await h.app.tasks.get(task.id))!;
      expect(done).toMatchObject({ delivery: { via: 'dm', mode: 'upload' }, usage: 'committed', messageMoved: true });
      const dm = h.discord.messages.byId.get(done.messageId!)!;
      expect(dm.channelId).not.toBe(original.channelId);
      expect(dm.attachments).toHaveLength(1);
      expect(dm.allowedMentions).toEqual({ parse: [], users: [] });
    });
  });

  describe('query budget', () => {
    it('never exceeds the configured queries per second, and a 429 pauses every query', async () => {
      h = await startHarness({
        store: kind,
        env: { POLL_QUERIES_PER_SEC: '5', POLL_MIN_INTERVAL_SEC: '0.05', POLL_MAX_INTERVAL_SEC: '0.05' },
        seedance: { defaultScript: { kind: 'stuck' } },
      });
      for (let i = 0; i < 8; i += 1) {
        const ix = h.discord.dispatchCommand({
          name: 'video',
          subcommand: 'text',
          user: { id: `40000000000000000${i}` },
          options: [{ name: 'prompt', value: `task ${i}` }],
        });
        await h.discord.waitForCallback(ix.id);
      }
      await eventually(() => h!.seedance.queryCount() >= 5, 5000, 'queries');
      const injectedAt = h.clock.now();
      h.seedance.injectFault('query', { status: 429, retryAfterSec: 1 });
      await new Promise((r) => setTimeout(r, 2500));
      const times = h.seedance.requests.filter((r) => r.method === 'GET').map((r) => r.at);
      let worst = 0;
      for (const t of times) worst = Math.max(worst, times.filter((u) => u >= t && u < t + 1000).length);
      expect(worst).toBeLessThanOrEqual(5);
      // The first query after the injection got the 429; queries already started may still answer, but no
      // new one starts until Retry-After (1 s) has passed.
      const limitedAt = times.find((t) => t >= injectedAt)!;
      const nextStarts = times.filter((t) => t > limitedAt + 100);
      expect(nextStarts.length).toBeGreaterThan(0);
      expect(nextStarts[0]! - limitedAt).toBeGreaterThanOrEqual(950);
      expect(h.app.poller.stats.rateLimited).toBe(1);
    });
  });

  describe('buttons after a restart', () => {
    it('Re-roll on a message finished before the restart still works', async () => {
      h = await startHarness({ store: kind });
      const { ix, task } = await submit(h);
      await eventually(async () => (await stateOf(h!, task.id)) === 'done', 8000, 'done');
      const messageId = h.discord.originalMessage(ix.id)!.id;
      const app = await h.restart();
      const click = h.discord.dispatchComponent({ customId: `v1:reroll:${task.id}`, messageId, user: MEMBER });
      expect((await h.discord.waitForCallback(click.id)).type).toBe(4);
      await eventually(() => h!.seedance.createCount() === 2, 5000, 'a second create');
      const [reroll] = await app.tasks.listRecentByUser(MEMBER.id);
      expect(reroll).toMatchObject({ parentId: task.id });
    });
  });
});
