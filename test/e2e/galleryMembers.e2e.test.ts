/** The gallery (issue 23) seen by members: points 3 (top list, weekly digest), 4 (Use this prompt) and 5 (purge, failed tasks). */
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, type Harness, startHarness } from '../harness.js';

const MANAGE_GUILD = 1n << 5n;
const FORUM_NEEDS = (1n << 34n) | (1n << 4n) | (1n << 38n);
const ADMIN = { id: '970000000000000001', username: 'admin' };
const MEMBER = { id: '970000000000000002', username: 'fay' };
const OTHER = { id: '970000000000000003', username: 'gus' };
const FANS = ['970000000000000011', '970000000000000012', '970000000000000013'];

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const guildId = () => h!.discord.guilds[0]!.id;
const channelOpt = (id: string) => ({ name: 'channel', value: id, type: ApplicationCommandOptionType.Channel });

async function command(
  name: string,
  subcommand: string,
  options: Array<{ name: string; value: string | boolean; type?: number }>,
  extra: { user?: { id: string; username: string }; locale?: string } = {},
) {
  const ix = h!.discord.dispatchCommand({
    name,
    subcommand,
    options,
    user: extra.user ?? ADMIN,
    permissions: MANAGE_GUILD,
    locale: extra.locale,
  });
  await h!.discord.waitForCallback(ix.id);
  const message = await eventually(() => {
    const m = h!.discord.originalMessage(ix.id);
    return m && !(m.flags & 128) ? m : undefined;
  });
  return { ix, message, content: message.content };
}

async function video(prompt: string, user = MEMBER) {
  const ix = h!.discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user,
    options: [{ name: 'prompt', value: prompt }],
  });
  await h!.discord.waitForCallback(ix.id);
  const task = await eventually(
    async () => (await h!.app.tasks.listRecentByUser(user.id)).find((t) => t.request.prompt === prompt),
    3000,
    'the task',
  );
  await eventually(
    async () => {
      const t = await h!.app.tasks.get(task.id);
      return t && ['done', 'failed', 'timed_out', 'uncertain'].includes(t.state) && t.toldAt;
    },
    15_000,
    'finished',
  );
  return { ix, task: (await h!.app.tasks.get(task.id))! };
}
const postOf = (taskId: string) =>
  eventually(() => h!.app.gallery.post(guildId(), taskId), 10_000, 'the post recorded');

async function forumGallery(extra: Array<{ name: string; value: string | boolean }> = []) {
  h!.discord.setBotPermissions(guildId(), FORUM_NEEDS);
  const forum = h!.discord.addChannel(guildId(), { type: 15 });
  await command('video-admin', 'gallery', [channelOpt(forum.id), { name: 'auto', value: true }, ...extra]);
  return forum;
}

describe('3. top of the period', () => {
  it('counts reactions of any emoji read from Discord, without the requester’s own, most first (en-US, zh-CN)', async () => {
    h = await startHarness();
    await forumGallery();
    const a = await video('a red kite over the dunes');
    const b = await video('a paper boat in the rain');
    const pa = await postOf(a.task.id);
    const pb = await postOf(b.task.id);
    for (const fan of FANS.slice(0, 1)) h.discord.react(pa.messageId, '👍', fan);
    h.discord.react(pa.messageId, '👍', MEMBER.id);
    h.discord.react(pa.messageId, 'party:123456789012345678', MEMBER.id);
    for (const fan of FANS) h.discord.react(pb.messageId, '🎉', fan);
    const en = await command('gallery', 'top', [{ name: 'period', value: 'week' }], { user: OTHER });
    expect(en.content).toContain('Most-reacted gallery videos (this week)');
    const lines = en.content.split('\n').slice(1);
    expect(lines[0]).toMatch(
      /^1\. \[a paper boat in the rain\]\(https:\/\/discord\.com\/channels\/\d+\/\d+\/\d+\) — 3 reactions$/,
    );
    expect(lines[1]).toMatch(/^2\. \[a red kite over the dunes\]\(.*\) — 1 reactions$/);
    expect(en.message.allowedMentions).toEqual({ parse: [] });
    const zh = await command('gallery', 'top', [{ name: 'period', value: 'all' }], { user: OTHER, locale: 'zh-CN' });
    expect(zh.content).toContain('画廊中反应最多的视频（全部）');
    // A moderator deletes the boat's card by hand: the top list finds it gone and removes its post.
    h.discord.deleteMessage(b.task.messageId!);
    const after = await command('gallery', 'top', [{ name: 'period', value: 'week' }], { user: OTHER });
    expect(after.content).not.toContain('paper boat');
    expect(h.discord.channels.has(pb.postId)).toBe(false);
    h.clock.advance(2 * 86_400_000);
    expect((await command('gallery', 'top', [{ name: 'period', value: 'day' }], { user: OTHER })).content).toBe(
      'No gallery video has reactions in this period yet.',
    );
  }, 60_000);

  it('digest on: “Top 5 of the week” posted on Monday in the server’s time zone, once even when two rounds race', async () => {
    h = await startHarness();
    await command('video-admin', 'timezone', [{ name: 'zone', value: 'Asia/Shanghai' }]);
    const forum = await forumGallery([{ name: 'digest', value: 'on' }]);
    const a = await video('a red kite over the dunes');
    h.discord.react((await postOf(a.task.id)).messageId, '👍', FANS[0]!);
    // Sunday 20:00 UTC is Monday 04:00 in Shanghai.
    const now = new Date(h.clock.now());
    const daysToSunday = (7 - now.getUTCDay()) % 7;
    const sunday20 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysToSunday, 20);
    h.clock.advance(sunday20 - h.clock.now() - 3_600_000 * 6);
    expect(await h.app.galleryDigest.round()).toBe(0);
    h.clock.advance(3_600_000 * 6);
    const rounds = await Promise.all([h.app.galleryDigest.round(), h.app.galleryDigest.round()]);
    expect(rounds.sort()).toEqual([0, 1]);
    expect(await h.app.galleryDigest.round()).toBe(0);
    const digests = [...h.discord.channels.values()].filter(
      (c) => c.parentId === forum.id && c.name?.startsWith('Top 5'),
    );
    expect(digests).toHaveLength(1);
    const digest = h.discord.messages.get(digests[0]!.id)!;
    expect(JSON.stringify(digest.embeds)).toContain('a red kite over the dunes');
    expect(digest.allowedMentions).toEqual({ parse: [] });
  }, 60_000);
});

describe('4. Use this prompt', () => {
  it('any member gets the Remix form prefilled; the new task is theirs, made in the post where generation is allowed', async () => {
    h = await startHarness();
    const forum = await forumGallery();
    const { task } = await video('a lighthouse at dusk, waves breaking');
    const post = await postOf(task.id);
    const click = h.discord.dispatchComponent({
      customId: `v1:remix:${task.id}`,
      message: { id: post.messageId, channelId: post.postId },
      user: OTHER,
      thread: { id: post.postId, parentId: forum.id, forum: true },
    });
    const modal = await h.discord.waitForCallback(click.id);
    expect(modal.type).toBe(9);
    expect(JSON.stringify(modal.data)).toContain('a lighthouse at dusk, waves breaking');
    const zhClick = h.discord.dispatchComponent({
      customId: `v1:remix:${task.id}`,
      message: { id: post.messageId, channelId: post.postId },
      user: OTHER,
      locale: 'zh-CN',
      thread: { id: post.postId, parentId: forum.id, forum: true },
    });
    expect(JSON.stringify((await h.discord.waitForCallback(zhClick.id)).data)).toContain('改编这个视频');
    const submit = h.discord.dispatchModalSubmit({
      customId: `v1:remixform:${task.id}`,
      fields: { prompt: 'the same lighthouse in snow', duration: '', ratio: '' },
      user: OTHER,
      message: { id: post.messageId, channelId: post.postId },
      thread: { id: post.postId, parentId: forum.id, forum: true },
    });
    await h.discord.waitForCallback(submit.id, 20_000);
    const mine = await eventually(async () => (await h!.app.tasks.listRecentByUser(OTHER.id))[0], 10_000, 'their task');
    expect(mine).toMatchObject({ userId: OTHER.id, parentKind: 'remix', channelId: post.postId });
  }, 60_000);

  it('where generation is not allowed, the form says where to ask and nothing is made', async () => {
    h = await startHarness();
    const main = h.discord.guilds[0]!.channelId;
    await command('video-admin', 'channel', [{ name: 'action', value: 'add' }, channelOpt(main)]);
    const forum = await forumGallery();
    const { task } = await video('a lighthouse at dusk, waves breaking');
    const post = await postOf(task.id);
    const submit = h.discord.dispatchModalSubmit({
      customId: `v1:remixform:${task.id}`,
      fields: { prompt: 'the same lighthouse in snow', duration: '', ratio: '' },
      user: OTHER,
      message: { id: post.messageId, channelId: post.postId },
      thread: { id: post.postId, parentId: forum.id, forum: true },
    });
    const answer = await h.discord.waitForCallback(submit.id, 20_000);
    const text = JSON.stringify(answer.data ?? {}) + (h.discord.originalMessage(submit.id)?.content ?? '');
    expect(text).toContain(`<#${main}>`);
    expect(await h.app.tasks.listRecentByUser(OTHER.id)).toEqual([]);
  }, 60_000);
});

describe('5. moderation', () => {
  it('purge by term: counts first, removes only after the admin confirms with the button', async () => {
    h = await startHarness();
    const forum = await forumGallery();
    const a = await video('a red kite over the dunes');
    const b = await video('a burning castle at night');
    const pa = await postOf(a.task.id);
    const pb = await postOf(b.task.id);
    const asked = await command('video-admin', 'gallery-purge', [{ name: 'term', value: 'Castle' }]);
    expect(asked.content).toContain('1 gallery posts have a prompt matching “Castle”');
    expect(h.discord.channels.has(pb.postId)).toBe(true);
    const zh = await command('video-admin', 'gallery-purge', [{ name: 'term', value: 'castle' }], { locale: 'zh-CN' });
    expect(zh.content).toContain('有 1 个画廊帖子的提示词匹配“castle”');
    const confirm = h.discord.dispatchComponent({
      customId: `v1:gpurge:${asked.ix.id}`,
      message: { id: asked.message.id, channelId: asked.message.channelId },
      user: ADMIN,
      permissions: MANAGE_GUILD,
    });
    await h.discord.waitForCallback(confirm.id);
    await eventually(() => !h!.discord.channels.has(pb.postId), 5000, 'the castle post removed');
    expect(h.discord.channels.has(pa.postId)).toBe(true);
    expect(await h.app.gallery.post(guildId(), b.task.id)).toBeUndefined();
    expect(forum.id).toBeTruthy();
  }, 60_000);

  it('nothing from a failed task: not posted automatically, and Share refuses it', async () => {
    h = await startHarness({
      seedance: { defaultScript: { kind: 'fail', afterMs: 50, reason: 'PROVIDER_MODERATION_ERROR: refused' } },
    });
    const forum = await forumGallery();
    const { ix, task } = await video('a red kite over the dunes');
    expect(task.state).toBe('failed');
    const card = h.discord.originalMessage(ix.id)!;
    const share = h.discord.dispatchComponent({
      customId: `v1:share:${task.id}`,
      message: { id: card.id, channelId: card.channelId },
      user: MEMBER,
    });
    // Answered at once (deferred), the words edited in.
    expect(await h.discord.deferredReply(share.id)).toBe('Only finished videos can be shared.');
    await new Promise((r) => setTimeout(r, 300));
    expect([...h.discord.channels.values()].filter((c) => c.parentId === forum.id)).toEqual([]);
  }, 60_000);
});
