import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import type { UsageDoc } from '../../src/services/usage/usageDoc.js';
import { eventually, type Harness, startHarness } from '../harness.js';
import { MANAGE_MESSAGES } from '../fakes/discord/index.js';
import { type StoreKind, storeKinds } from '../support/tempStore.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const member = (i: number) => ({ id: String(300000000000000000n + BigInt(i)), username: `m${i}` });
const STUCK = { defaultScript: { kind: 'stuck' as const } };

let store: StoreKind = 'sqlite';
async function start(env: Record<string, string>) {
  h = await startHarness({ env: { LIMIT_MEMBER_QUEUE: 'none', ...env }, seedance: STUCK, store });
  return h;
}

/** /video from member i (one after the other, so the queue order is the order of the calls). */
async function ask(i: number, extra: { locale?: string; user?: { id: string; username: string } } = {}) {
  const ix = h!.discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: extra.user ?? member(i),
    locale: extra.locale,
    options: [{ name: 'prompt', value: `p${i}` }],
  });
  const cb = await h!.discord.waitForCallback(ix.id);
  return { ix, cb };
}

const description = (interactionId: string) =>
  String((h!.discord.originalMessage(interactionId)?.embeds[0] as { description?: string })?.description ?? '');
const createdPrompts = () =>
  h!.seedance.requests.filter((r) => r.method === 'POST').map((r) => (r.body as { prompt: string }).prompt);
const taskOf = async (userId: string) => (await h!.app.tasks.listRecentByUser(userId))[0]!;
const guildDoc = async () => {
  const guildId = (await taskOf(member(0).id)).guildId;
  return (await h!.app.store.get<UsageDoc>(keys.usage(`g${guildId}`)))!;
};

/** Finishes the upstream task of the request with prompt `p<i>` (a running slot frees when its video is delivered). */
async function finish(i: number) {
  const find = async () => {
    for (let m = 0; m < 10; m += 1)
      for (const t of await h!.app.tasks.listRecentByUser(member(m).id)) if (t.request.prompt === `p${i}`) return t;
    return undefined;
  };
  const upstream = await eventually(async () => (await find())?.upstreamTaskId, 5000, `p${i} created`);
  h!.seedance.finishTask(upstream, { status: 'completed' });
  await eventually(async () => (await find())?.state === 'done', 8000, `p${i} delivered`);
}

describe.each(await storeKinds())('on %s', (kind) => {
  beforeEach(() => {
    store = kind;
  });

  describe('a full running cap queues requests instead of refusing them', () => {
    it('10 requests with a cap of 2: 2 run, 8 wait with positions 1–8, all delivered in order, each created once', async () => {
      await start({ LIMIT_GUILD_RUNNING: '2' });
      const asked: Array<Awaited<ReturnType<typeof ask>>> = [];
      for (let i = 0; i < 10; i += 1) asked.push(await ask(i));
      for (const { cb } of asked) expect(((cb.data?.flags as number) ?? 0) & 64).toBe(0); // public cards, no refusal
      await eventually(() => h!.seedance.createCount() === 2, 5000, 'two creates');
      for (let i = 2; i < 10; i += 1) expect(description(asked[i]!.ix.id)).toContain(`Queued — position ${i - 1}`);
      expect(description(asked[9]!.ix.id)).toMatch(/expected to start <t:\d+:R>/);
      const card = h!.discord.originalMessage(asked[5]!.ix.id)!;
      expect(JSON.stringify(card.components)).toContain(`v1:cancel:`);
      expect((await guildDoc()).running).toBe(2);
      expect((await guildDoc()).queued).toBe(8);
      expect((await guildDoc()).day?.counter.tasks).toBe(10); // queued requests count in the day already

      await finish(0);
      // The first in line starts, and the cards behind it move up.
      await eventually(() => h!.seedance.createCount() === 3, 5000, 'third create');
      await eventually(() => description(asked[3]!.ix.id).includes('Queued — position 1'), 5000, 'moved up');
      await eventually(() => description(asked[9]!.ix.id).includes('Queued — position 7'), 5000, 'last moved up');
      for (let i = 1; i < 10; i += 1) await finish(i);
      expect(createdPrompts()).toEqual(Array.from({ length: 10 }, (_, i) => `p${i}`));
      expect(h!.seedance.createCount()).toBe(10);
      const doc = await guildDoc();
      expect(doc.running).toBe(0);
      expect(doc.queued ?? 0).toBe(0);
      expect(doc.day?.counter.tasks).toBe(10);
    });

    it('a member at their own running cap does not hold up the members behind them', async () => {
      await start({ LIMIT_GUILD_RUNNING: '3', LIMIT_MEMBER_RUNNING: '1' });
      const alice = member(0);
      await ask(0);
      await eventually(() => h!.seedance.createCount() === 1, 5000, 'first create');
      const second = await ask(1, { user: alice });
      expect(description(second.ix.id)).toContain('Queued — position 1');
      // Bob comes after alice's waiting request, but a slot is free for him: he starts, alice keeps waiting.
      await ask(2);
      await eventually(() => h!.seedance.createCount() === 2, 5000, "bob's create");
      expect(createdPrompts()).toEqual(['p0', 'p2']);
      expect((await taskOf(alice.id)).state).toBe('queued');
      await finish(0);
      await eventually(() => h!.seedance.createCount() === 3, 5000, "alice's second create");
      expect(createdPrompts()).toEqual(['p0', 'p2', 'p1']);
    });

    it('beyond the queue limits a request is refused as before, naming the limit; nothing is charged', async () => {
      await start({ LIMIT_GUILD_RUNNING: '1', LIMIT_GUILD_QUEUE: '1' });
      await ask(0);
      await ask(1);
      const { cb } = await ask(2);
      expect(((cb.data?.flags as number) ?? 0) & 64).toBe(64);
      expect(String(cb.data?.content)).toContain("this server's queue is full (1 of 1 waiting)");
      expect((await guildDoc()).day?.counter.tasks).toBe(2);
      // The first one is sent once its card is up; the refused one never is.
      await eventually(() => h!.seedance.createCount() === 1, 5000, 'the running one created');
      await new Promise((r) => setTimeout(r, 100));
      expect(h!.seedance.createCount()).toBe(1);
    });

    it('a member queue limit of 0 turns the queue off for members: the running cap refuses', async () => {
      await start({ LIMIT_MEMBER_RUNNING: '1', LIMIT_MEMBER_QUEUE: '0' });
      await ask(0);
      const { cb } = await ask(1, { user: member(0) });
      expect(String(cb.data?.content)).toContain('you already have 1 of 1 videos rendering');
    });

    it('a running cap of 0 refuses at once, naming the limit (en-US and zh-CN); nothing waits or is charged', async () => {
      await start({ LIMIT_MEMBER_RUNNING: '0', LIMIT_GUILD_QUEUE: 'none' });
      const en = await ask(0);
      expect(((en.cb.data?.flags as number) ?? 0) & 64).toBe(64);
      expect(String(en.cb.data?.content)).toContain('“Videos rendering at once per member” is set to 0');
      const zh = await ask(1, { locale: 'zh-CN' });
      expect(String(zh.cb.data?.content)).toContain('“每位成员同时生成数”限制设为 0');
      expect(await h!.app.tasks.listRecentByUser(member(0).id)).toEqual([]);
      expect(await h!.app.store.scan('queue:')).toEqual([]);
    });

    it('shows the queue in Chinese for a zh-CN member', async () => {
      await start({ LIMIT_GUILD_RUNNING: '1' });
      await ask(0);
      const { ix } = await ask(1, { locale: 'zh-CN' });
      expect(description(ix.id)).toContain('排队中 — 第 1 位');
    });
  });

  describe('Cancel', () => {
    it('takes a waiting request out of the queue, refunds it and moves the others up; others may not', async () => {
      await start({ LIMIT_GUILD_RUNNING: '1' });
      await ask(0);
      const a = await ask(1);
      const b = await ask(2);
      expect(description(b.ix.id)).toContain('Queued — position 2');
      const task = await taskOf(member(1).id);
      const messageId = h!.discord.originalMessage(a.ix.id)!.id;

      const denied = h!.discord.dispatchComponent({ customId: `v1:cancel:${task.id}`, messageId, user: member(2) });
      expect(String((await h!.discord.waitForCallback(denied.id)).data?.content)).toContain(
        'Only the member who asked',
      );
      expect((await taskOf(member(1).id)).state).toBe('queued');

      const click = h!.discord.dispatchComponent({ customId: `v1:cancel:${task.id}`, messageId, user: member(1) });
      expect((await h!.discord.waitForCallback(click.id)).type).toBe(7); // the card itself is updated
      expect(description(a.ix.id)).toContain('Failed');
      const cancelled = await taskOf(member(1).id);
      expect(cancelled).toMatchObject({
        state: 'failed',
        usage: 'refunded',
        lastError: { reason: 'member_cancelled' },
      });
      await eventually(() => description(b.ix.id).includes('Queued — position 1'), 5000, 'b moved up');
      // Clicked again (or the same click answered by another process of a rolling deploy): the same answer, the
      // cancelled card, never "too late"; nothing more is refunded.
      const again = h!.discord.dispatchComponent({ customId: `v1:cancel:${task.id}`, messageId, user: member(1) });
      expect((await h!.discord.waitForCallback(again.id)).type).toBe(7);
      expect(description(a.ix.id)).toContain('Failed');
      expect((await guildDoc()).day?.counter.tasks).toBe(2);
      expect((await guildDoc()).queued).toBe(1);

      // A moderator may cancel someone else's; a started task cannot be cancelled.
      await finish(0);
      await eventually(() => h!.seedance.createCount() === 2, 5000, 'b created');
      expect(createdPrompts()).toEqual(['p0', 'p2']);
      const started = await taskOf(member(2).id);
      const late = h!.discord.dispatchComponent({
        customId: `v1:cancel:${started.id}`,
        messageId: h!.discord.originalMessage(b.ix.id)!.id,
        user: member(9),
        memberPermissions: MANAGE_MESSAGES,
      });
      expect(String((await h!.discord.waitForCallback(late.id)).data?.content)).toContain('cannot cancel it');
    });
  });

  describe('a reply that fails while the queue moves', () => {
    const REPLY_LOST = { route: 'POST /interactions/:id/:token/callback', status: 404, code: 10062 } as const;

    it('a queued task started while its reply is pending is not abandoned: it is followed and delivered', async () => {
      await start({ LIMIT_GUILD_RUNNING: '1' });
      await ask(0);
      await eventually(() => h!.seedance.createCount() === 1, 5000, 'first create');
      const queue = h!.app.queue;
      const joined = queue.joined;
      let started: string | undefined;
      // While the new request's card is being prepared, a slot frees: the queue starts it and sends it upstream.
      // Then its reply fails (too late): the card never exists.
      queue.joined = async (task) => {
        await finish(0);
        started = await eventually(async () => (await h!.app.tasks.get(task.id))?.upstreamTaskId, 5000, 'p1 sent');
        h!.discord.injectRestFault(REPLY_LOST);
        return joined(task);
      };
      h!.discord.dispatchCommand({
        name: 'video',
        subcommand: 'text',
        user: member(1),
        options: [{ name: 'prompt', value: 'p1' }],
      });
      await eventually(() => started, 8000, 'p1 started from the queue');
      await new Promise((r) => setTimeout(r, 200)); // the reply has failed by now
      expect(await taskOf(member(1).id)).toMatchObject({ state: 'running', usage: 'reserved' });
      await finish(1);
      expect(await taskOf(member(1).id)).toMatchObject({ state: 'done', usage: 'committed' });
      expect(createdPrompts()).toEqual(['p0', 'p1']);
      const doc = await guildDoc();
      expect(doc.running).toBe(0);
      expect(doc.queued ?? 0).toBe(0);
      expect(doc.day?.counter.tasks).toBe(2);
    });

    it('a reply that fails while the task still waits abandons it: refunded, never sent upstream', async () => {
      await start({ LIMIT_GUILD_RUNNING: '1' });
      await ask(0);
      await eventually(() => h!.seedance.createCount() === 1, 5000, 'first create');
      h!.discord.injectRestFault(REPLY_LOST);
      h!.discord.dispatchCommand({
        name: 'video',
        subcommand: 'text',
        user: member(1),
        options: [{ name: 'prompt', value: 'p1' }],
      });
      const dropped = await eventually(
        async () => {
          const t = (await h!.app.tasks.listRecentByUser(member(1).id))[0];
          return t?.toldAt ? t : undefined;
        },
        5000,
        'p1 abandoned',
      );
      expect(dropped).toMatchObject({ state: 'failed', usage: 'refunded', lastError: { reason: 'reply_failed' } });
      await finish(0);
      await new Promise((r) => setTimeout(r, 500));
      expect(createdPrompts()).toEqual(['p0']);
      const doc = await guildDoc();
      expect(doc.queued ?? 0).toBe(0);
      expect(doc.day?.counter.tasks).toBe(1);
    });
  });

  describe('restarts', () => {
    it('a non-empty queue survives a restart and resumes in order', async () => {
      await start({ LIMIT_GUILD_RUNNING: '1' });
      for (let i = 0; i < 3; i += 1) await ask(i);
      await eventually(() => h!.seedance.createCount() === 1, 5000, 'first create');
      await h!.restart();
      expect((await guildDoc()).queued).toBe(2);
      await finish(0);
      await finish(1);
      await finish(2);
      expect(createdPrompts()).toEqual(['p0', 'p1', 'p2']);
    });
  });
});
