/** Getting a finished video to the member whatever Discord does, and the requests that depend on Discord's rules. */
import { afterEach, describe, expect, it } from 'vitest';
import type { AttachmentSpec } from '../fakes/discord/index.js';
import { eventually, type Harness, startHarness } from '../harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MEMBER = { id: '340000000000000001', username: 'fay' };
const components = (m: { components: unknown }) => JSON.stringify(m.components);

async function run(harness: Harness, prompt = 'a kite over dunes') {
  const ix = harness.discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: MEMBER,
    options: [{ name: 'prompt', value: prompt }],
  });
  await harness.discord.waitForCallback(ix.id);
  const task = await eventually(async () => (await harness.app.tasks.listRecentByUser(MEMBER.id))[0], 3000, 'the task');
  return { ix, task };
}

describe('a finished video is never given up silently', () => {
  it('uploads that keep failing: the link goes in the card instead, the member keeps the video, usage committed', async () => {
    h = await startHarness({ env: { POLL_MIN_INTERVAL_SEC: '0.05' } });
    h.discord.injectRestFault({ status: 500, withFilesOnly: true, times: 100 });
    const { ix, task } = await run(h);
    await eventually(async () => (await h!.app.tasks.get(task.id))?.state === 'done', 20_000, 'done');
    const done = (await h.app.tasks.get(task.id))!;
    expect(done).toMatchObject({ usage: 'committed', delivery: { mode: 'link' } });
    const card = h.discord.originalMessage(ix.id)!;
    expect(card.attachments).toHaveLength(0);
    expect(components(card)).toContain(done.videoUrl!);
    expect(JSON.stringify(card.embeds)).toContain('about 3 days');
  }, 30_000);

  it('when not even the link can be shown in the card, it goes to the member by DM', async () => {
    h = await startHarness({ seedance: { defaultScript: { kind: 'stuck' } } });
    const { ix, task } = await run(h);
    const running = await eventually(
      async () => {
        const t = await h!.app.tasks.get(task.id);
        return t?.upstreamTaskId ? t : undefined;
      },
      3000,
      'running',
    );
    // Every edit of the card fails from now on (Discord down for that message), DMs still work.
    h.discord.injectRestFault({ route: /^PATCH /, status: 503, times: 1000 });
    h.seedance.finishTask(running.upstreamTaskId!, { status: 'completed' });
    await eventually(async () => (await h!.app.tasks.get(task.id))?.state === 'done', 40_000, 'done');
    const done = (await h.app.tasks.get(task.id))!;
    expect(done).toMatchObject({ usage: 'committed', delivery: { mode: 'link', via: 'dm' } });
    const dm = h.discord.messages.byId.get(done.messageId!)!;
    expect(dm.channelId).not.toBe(h.discord.originalMessage(ix.id)!.channelId);
    expect(JSON.stringify(dm.embeds) + components(dm)).toContain(done.videoUrl!);
  }, 60_000);

  it('a deleted card and closed DMs: nothing is posted publicly, the task ends refunded and logged', async () => {
    h = await startHarness({ seedance: { defaultScript: { kind: 'stuck' } } });
    const { ix, task } = await run(h);
    const running = await eventually(
      async () => {
        const t = await h!.app.tasks.get(task.id);
        return t?.upstreamTaskId ? t : undefined;
      },
      3000,
      'running',
    );
    const card = h.discord.originalMessage(ix.id)!;
    h.discord.deleteMessage(card.id);
    h.discord.closeDms(MEMBER.id);
    h.seedance.finishTask(running.upstreamTaskId!, { status: 'completed' });
    await eventually(async () => (await h!.app.tasks.get(task.id))?.state === 'failed', 8000, 'ended');
    expect(await h.app.tasks.get(task.id)).toMatchObject({
      usage: 'refunded',
      lastError: { stage: 'delivery', reason: 'message_deleted' },
    });
    expect(h.discord.messages.inChannel(card.channelId).filter((m) => m.id !== card.id)).toEqual([]);
    expect(h.logs.some((l) => l.includes('does not accept DMs'))).toBe(true);
    expect(await h.app.ledger.snapshot(h.discord.guilds[0]!.id, MEMBER.id)).toMatchObject({
      guildDay: { tasks: 0 },
      guildRunning: 0,
    });
  });
});

describe('long video URLs', () => {
  it('a URL over 512 characters is put in the embed, not in a link button Discord would refuse', async () => {
    h = await startHarness();
    h.seedance.enqueueScript({
      kind: 'succeed',
      queuedMs: 50,
      runMs: 50,
      urlQueryChars: 700,
      videoBytes: 11 * 1024 * 1024,
    });
    const { ix, task } = await run(h);
    await eventually(async () => (await h!.app.tasks.get(task.id))?.state === 'done', 8000, 'done');
    const done = (await h.app.tasks.get(task.id))!;
    expect(done.videoUrl!.length).toBeGreaterThan(512);
    const card = h.discord.originalMessage(ix.id)!;
    expect(components(card)).not.toContain('"style":5');
    expect(JSON.stringify(card.embeds)).toContain(done.videoUrl!);
    // Discord accepted every message the bot sent (the fake answers 50035 as Discord does).
    expect(h.discord.requests.filter((r) => r.status === 400)).toEqual([]);
  });
});

describe('threads and forum posts', () => {
  it('a thread or forum post inside an allowed channel may generate; one elsewhere is refused', async () => {
    h = await startHarness();
    const guild = h.discord.guilds[0]!;
    const admin = { id: '340000000000000009', username: 'admin' };
    const allow = h.discord.dispatchCommand({
      name: 'video-admin',
      subcommand: 'channel',
      user: admin,
      permissions: 1n << 5n,
      options: [
        { name: 'action', value: 'add' },
        { name: 'channel', value: guild.channelId, type: 7 },
      ],
    });
    await h.discord.waitForCallback(allow.id);
    const inThread = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: MEMBER,
      thread: { id: '340000000000000100', parentId: guild.channelId },
      options: [{ name: 'prompt', value: 'in a thread' }],
    });
    expect((await h.discord.waitForCallback(inThread.id)).type).toBe(4);
    const inPost = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: { id: '340000000000000002' },
      thread: { id: '340000000000000101', parentId: guild.channelId, forum: true },
      options: [{ name: 'prompt', value: 'in a forum post' }],
    });
    const post = await h.discord.waitForCallback(inPost.id);
    expect(post.data?.content ?? '', String(post.data?.content)).toBe('');
    expect(post.type).toBe(4);
    const elsewhere = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: { id: '340000000000000003' },
      thread: { id: '340000000000000102', parentId: '340000000000000999' },
      options: [{ name: 'prompt', value: 'elsewhere' }],
    });
    const refused = await h.discord.waitForCallback(elsewhere.id);
    expect(refused.data?.flags).toBe(64);
    expect(String(refused.data?.content)).toContain(`<#${guild.channelId}>`);
    await eventually(() => h!.seedance.createCount() === 2, 5000, 'two creates');
  });
});

describe('references of Retry and Re-roll', () => {
  const png: AttachmentSpec = {
    optionName: 'image1',
    filename: 'fox.png',
    contentType: 'image/png',
    size: 50_000,
    width: 800,
    height: 600,
  };

  /** An image request that failed upstream (so Retry is offered), its member told; and a Retry click on it. */
  async function failedImageTask(harness: Harness) {
    harness.seedance.enqueueScript({ kind: 'fail', afterMs: 50, reason: 'Read timed out' });
    const ix = harness.discord.dispatchCommand({
      name: 'video',
      subcommand: 'images',
      user: MEMBER,
      options: [{ name: 'prompt', value: 'the fox runs' }],
      attachments: [png],
    });
    await harness.discord.waitForCallback(ix.id);
    const [task] = await eventually(
      async () => {
        const list = await harness.app.tasks.listRecentByUser(MEMBER.id);
        return list[0]?.toldAt ? list : undefined;
      },
      8000,
      'failed and told',
    );
    const retry = () =>
      harness.discord.dispatchComponent({
        customId: `v1:retry:${task!.id}`,
        messageId: harness.discord.originalMessage(ix.id)!.id,
        user: MEMBER,
      });
    return { task: task!, retry };
  }

  it('expired Discord CDN URLs are signed anew before the request is sent again', async () => {
    h = await startHarness();
    const { task, retry } = await failedImageTask(h);
    const click = retry();
    expect((await h.discord.waitForCallback(click.id)).type).toBe(4);
    await eventually(() => h!.seedance.createCount() === 2, 5000, 'sent again');
    const resent = (h.seedance.requests.filter((r) => r.method === 'POST')[1]!.body as { images: string[] }).images[0]!;
    expect(h.discord.requestsTo('POST /attachments/refresh-urls')).toHaveLength(1);
    expect(new URL(resent).pathname).toBe(new URL(task.request.images![0]!).pathname);
    expect(Number.parseInt(new URL(resent).searchParams.get('ex')!, 16) * 1000).toBeGreaterThan(h.clock.now());
  });

  it('when Discord cannot refresh them, the member is asked to upload again and nothing is sent or charged', async () => {
    h = await startHarness();
    const { retry } = await failedImageTask(h);
    h.discord.injectRestFault({ route: 'POST /attachments/refresh-urls', status: 503, times: 10 });
    const cb = await h.discord.waitForCallback(retry().id);
    expect(cb.data?.flags).toBe(64);
    expect(String(cb.data?.content)).toContain('upload them again');
    expect(h.seedance.createCount()).toBe(1);
    expect(await h.app.tasks.listRecentByUser(MEMBER.id)).toHaveLength(1);
  });
});
