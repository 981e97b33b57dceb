/** The gallery (issue 23) through the real discord.js client and the fake Discord: points 1, 2, 5 and 6. */
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import { eventually, type Harness, startHarness } from '../harness.js';

const MANAGE_GUILD = 1n << 5n;
const MANAGE_MESSAGES = 1n << 13n;
const FORUM_NEEDS = (1n << 34n) | (1n << 4n) | (1n << 38n);
const ADMIN = { id: '950000000000000001', username: 'admin' };
const MEMBER = { id: '950000000000000002', username: 'fay' };
const MOD = { id: '950000000000000003', username: 'mod' };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const guildId = () => h!.discord.guilds[0]!.id;

async function admin(options: Array<{ name: string; value: string | boolean; type?: number }>, locale?: string) {
  const ix = h!.discord.dispatchCommand({
    name: 'video-admin',
    subcommand: 'gallery',
    options,
    user: ADMIN,
    permissions: MANAGE_GUILD,
    locale,
  });
  await h!.discord.waitForCallback(ix.id);
  return eventually(() => {
    const m = h!.discord.originalMessage(ix.id);
    return m && !(m.flags & 128) ? m.content : undefined;
  });
}
const channelOpt = (id: string) => ({ name: 'channel', value: id, type: ApplicationCommandOptionType.Channel });

async function video(prompt = 'a red kite over the dunes at dusk') {
  const ix = h!.discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: MEMBER,
    options: [
      { name: 'prompt', value: prompt },
      { name: 'ratio', value: '16:9' },
    ],
  });
  await h!.discord.waitForCallback(ix.id);
  const task = await eventually(async () => (await h!.app.tasks.listRecentByUser(MEMBER.id))[0], 3000, 'the task');
  await eventually(async () => (await h!.app.tasks.get(task.id))?.state === 'done', 15_000, 'done');
  return { ix, task: (await h!.app.tasks.get(task.id))! };
}
const postsIn = (channelId: string) =>
  [...h!.discord.messages.byId.values()].filter(
    (m) => !m.deleted && (m.channelId === channelId || h!.discord.channels.get(m.channelId)?.parentId === channelId),
  );

/** A text-channel gallery (not auto) and one finished video, whose card offers Share (`clickShare`). */
async function cardInTextGallery() {
  const harness = await startHarness();
  h = harness;
  const text = harness.discord.addChannel(guildId(), { type: 0 });
  await admin([channelOpt(text.id), { name: 'auto', value: false }]);
  const { ix, task } = await video();
  const card = harness.discord.originalMessage(ix.id)!;
  const clickShare = (user: { id: string; username: string }, locale?: string) =>
    harness.discord.dispatchComponent({
      customId: `v1:share:${task.id}`,
      message: { id: card.id, channelId: card.channelId },
      user,
      ...(locale ? { locale } : {}),
    });
  return { harness, text, task, card, clickShare };
}

describe('1. a gallery channel, checked when set', () => {
  it('names every missing permission in the admin’s language and saves nothing (en-US, zh-CN)', async () => {
    h = await startHarness();
    const forum = h.discord.addChannel(guildId(), { type: 15 });
    const en = await admin([channelOpt(forum.id), { name: 'auto', value: true }]);
    expect(en).toContain('Manage Threads and Posts');
    expect(en).toContain('Manage Channels (to create forum tags)');
    expect(en).toContain('Send Messages in Threads and Posts');
    expect(en).not.toContain('Attach Files');
    const zh = await admin([channelOpt(forum.id)], 'zh-CN');
    expect(zh).toContain('管理子区和帖子');
    expect(zh).toContain('管理频道');
    expect((await h.app.store.get<{ gallery?: unknown }>(keys.settings(guildId())))?.gallery).toBeUndefined();
  });

  it('View Channel denied by an overwrite: named, nothing saved', async () => {
    h = await startHarness();
    h.discord.setBotPermissions(guildId(), FORUM_NEEDS);
    const text = h.discord.addChannel(guildId(), {
      type: 0,
      permissionOverwrites: [{ id: guildId(), type: 0, allow: '0', deny: String(1n << 10n) }],
    });
    expect(await admin([channelOpt(text.id)])).toMatch(/lacks these permissions.*View Channel/);
    expect((await h.app.store.get<{ gallery?: unknown }>(keys.settings(guildId())))?.gallery).toBeUndefined();
  });

  it('forum, auto: each finished video is one post with title, video file, tags (created once), requester not pinged', async () => {
    h = await startHarness();
    h.discord.setBotPermissions(guildId(), FORUM_NEEDS);
    const forum = h.discord.addChannel(guildId(), { type: 15 });
    expect(await admin([channelOpt(forum.id), { name: 'auto', value: true }])).toContain(`<#${forum.id}>`);
    const { task } = await video();
    const post = await eventually(() => postsIn(forum.id)[0], 10_000, 'the forum post');
    const thread = h.discord.channels.get(post.channelId)!;
    expect(thread).toMatchObject({ type: 11, parentId: forum.id, name: 'a red kite over the dunes at dusk' });
    expect(post.attachments.map((a) => a.filename)).toEqual([`gallery-${task.id}.mp4`]);
    expect(post.allowedMentions).toEqual({ parse: [] });
    expect(post.content).toContain(`<@${MEMBER.id}>`);
    expect(JSON.stringify(post.components)).toContain(`v1:remix:${task.id}`);
    const tagNames = forum.availableTags!.map((x) => x.name);
    expect(tagNames).toContain('16:9');
    expect(thread.appliedTags).toHaveLength(2);
    await video('a second kite');
    await eventually(() => postsIn(forum.id).length === 2, 10_000, 'the second post');
    expect(forum.availableTags).toHaveLength(2);
  }, 40_000);

  it('text channel, not auto: the card offers Share (requester or Manage Messages), posted once', async () => {
    const { harness, text, task, card, clickShare } = await cardInTextGallery();
    expect(JSON.stringify(card.components)).toContain(`v1:share:${task.id}`);
    expect(postsIn(text.id)).toHaveLength(0);
    const stranger = clickShare({ id: '950000000000000009', username: 'x' });
    expect((await harness.discord.waitForCallback(stranger.id)).data?.content).toMatch(/Only the requester/);
    expect(await harness.discord.deferredReply(clickShare(MEMBER).id)).toMatch(/Shared/);
    await eventually(() => postsIn(text.id)[0], 10_000, 'the post');
    expect(await harness.discord.deferredReply(clickShare(MEMBER, 'zh-CN').id)).toBe('此视频已在画廊中。');
    expect(postsIn(text.id)).toHaveLength(1);
  }, 40_000);

  it('a Share click another process answered first (40060) shares nothing here: the one that answered shares it', async () => {
    const { harness, text, clickShare } = await cardInTextGallery();
    // In a rolling deploy both processes receive the click; Discord took the other one's answer.
    harness.discord.injectRestFault({ route: 'POST /interactions/:id/:token/callback', status: 400, code: 40060 });
    clickShare(MEMBER);
    await eventually(
      () =>
        harness.discord.requests.some((r) => r.route === 'POST /interactions/:id/:token/callback' && r.status === 400),
      5000,
      'the answer refused',
    );
    // The click as the process that answered saw it: that one shares it, and says so (not "already in the gallery").
    expect(await harness.discord.deferredReply(clickShare(MEMBER).id)).toMatch(/Shared/);
    await eventually(() => postsIn(text.id)[0], 10_000, 'the post');
    expect(postsIn(text.id)).toHaveLength(1);
  }, 40_000);
});

describe('2. members choose', () => {
  it('an opted-out member’s video is never shared, not even by a moderator', async () => {
    h = await startHarness();
    const text = h.discord.addChannel(guildId(), { type: 0 });
    await admin([channelOpt(text.id), { name: 'auto', value: false }]);
    const out = h.discord.dispatchCommand({ name: 'gallery', subcommand: 'opt-out', user: MEMBER, options: [] });
    expect((await h.discord.waitForCallback(out.id)).data?.content).toMatch(/will not be shared/);
    const { ix, task } = await video();
    const card = h.discord.originalMessage(ix.id)!;
    expect(JSON.stringify(card.components)).not.toContain('v1:share:');
    const mod = h.discord.dispatchComponent({
      customId: `v1:share:${task.id}`,
      message: { id: card.id, channelId: card.channelId },
      user: MOD,
      permissions: MANAGE_MESSAGES,
    });
    expect(await h.discord.deferredReply(mod.id)).toMatch(/keeps their videos out/);
    // zh-CN: the same choice, in the member's language (opt-in then out again).
    const zhIn = h.discord.dispatchCommand({
      name: 'gallery',
      subcommand: 'opt-in',
      user: MEMBER,
      options: [],
      locale: 'zh-CN',
    });
    expect((await h.discord.waitForCallback(zhIn.id)).data?.content).toBe('你的视频可以再次分享到本服务器的画廊。');
    const zhOut = h.discord.dispatchCommand({
      name: 'gallery',
      subcommand: 'opt-out',
      user: MEMBER,
      options: [],
      locale: 'zh-CN',
    });
    expect((await h.discord.waitForCallback(zhOut.id)).data?.content).toBe('你的视频将不会分享到本服务器的画廊。');
    await admin([{ name: 'auto', value: true }]);
    await video('another one');
    await new Promise((r) => setTimeout(r, 500));
    expect(postsIn(text.id)).toHaveLength(0);
  }, 40_000);
});

describe('2. members choose in /settings too', () => {
  it('/settings gallery share:False writes the record /gallery opt-out writes; share:True lets the next video in', async () => {
    h = await startHarness();
    const text = h.discord.addChannel(guildId(), { type: 0 });
    await admin([channelOpt(text.id), { name: 'auto', value: true }]);
    const settings = (share: boolean, extra: { locale?: string; guildId?: null } = {}) =>
      h!.discord.dispatchCommand({
        name: 'settings',
        subcommand: 'gallery',
        user: MEMBER,
        options: [{ name: 'share', value: share }],
        ...extra,
      });
    const optOutKey = keys.galleryOptOut(guildId(), MEMBER.id);
    const off = await h.discord.waitForCallback(settings(false).id);
    expect(off.data?.content).toMatch(/will not be shared/);
    expect(off.data?.flags ?? 0).toBe(64);
    expect(await h.app.store.get(optOutKey)).toBeDefined();
    // /gallery opt-in reads and clears the same record, and /settings sets it again (in zh-CN).
    await h.discord.waitForCallback(
      h.discord.dispatchCommand({ name: 'gallery', subcommand: 'opt-in', user: MEMBER, options: [] }).id,
    );
    expect(await h.app.store.get(optOutKey)).toBeUndefined();
    const zh = await h.discord.waitForCallback(settings(false, { locale: 'zh-CN' }).id);
    expect(zh.data?.content).toBe('你的视频将不会分享到本服务器的画廊。');
    await video('kept out');
    await new Promise((r) => setTimeout(r, 500));
    expect(postsIn(text.id)).toHaveLength(0);
    // In a direct message there is no server gallery: refused, nothing written.
    const dm = await h.discord.waitForCallback(settings(true, { guildId: null }).id);
    expect(dm.data?.content).toBe('The gallery is a server feature.');
    expect(await h.app.store.get(optOutKey)).toBeDefined();
    const on = await h.discord.waitForCallback(settings(true).id);
    expect(on.data?.content).toMatch(/may be shared/);
    expect(await h.app.store.get(optOutKey)).toBeUndefined();
    await video('let in');
    await eventually(() => postsIn(text.id).length === 1 || undefined, 10_000, 'the post');
  }, 40_000);
});

describe('5. moderation stays in charge', () => {
  it('deleting the card removes the post; the post’s Delete works for Manage Messages only besides the requester', async () => {
    h = await startHarness();
    const text = h.discord.addChannel(guildId(), { type: 0 });
    await admin([channelOpt(text.id), { name: 'auto', value: true }]);
    const first = await video();
    const post = await eventually(() => postsIn(text.id)[0], 10_000, 'the post');
    const card = h.discord.originalMessage(first.ix.id)!;
    const del = h.discord.dispatchComponent({
      customId: `v1:delete:${first.task.id}`,
      message: { id: card.id, channelId: card.channelId },
      user: MEMBER,
    });
    await h.discord.waitForCallback(del.id);
    await eventually(() => h!.discord.messages.get(post.id)?.deleted, 5000, 'the post deleted');
    const second = await video('a second kite');
    const post2 = await eventually(() => postsIn(text.id)[0], 10_000, 'the second post');
    const denied = h.discord.dispatchComponent({
      customId: `v1:gdelete:${second.task.id}`,
      message: { id: post2.id, channelId: text.id },
      user: { id: '950000000000000009', username: 'x' },
    });
    expect((await h.discord.waitForCallback(denied.id)).data?.content).toMatch(/Only the requester|Manage Messages/);
    const deniedZh = h.discord.dispatchComponent({
      customId: `v1:gdelete:${second.task.id}`,
      message: { id: post2.id, channelId: text.id },
      user: { id: '950000000000000009', username: 'x' },
      locale: 'zh-CN',
    });
    expect((await h.discord.waitForCallback(deniedZh.id)).data?.content).toMatch(/[\u4e00-\u9fff]/);
    expect(h.discord.messages.get(post2.id)?.deleted).toBe(false);
    const mod = h.discord.dispatchComponent({
      customId: `v1:gdelete:${second.task.id}`,
      message: { id: post2.id, channelId: text.id },
      user: MOD,
      permissions: MANAGE_MESSAGES,
    });
    await h.discord.waitForCallback(mod.id);
    await eventually(() => h!.discord.messages.get(post2.id)?.deleted, 5000, 'the post deleted by a moderator');
  }, 40_000);
});

describe('6. durable and polite', () => {
  it('killed after Discord took the post, before it was saved: after the restart it is there once', async () => {
    let crash = true;
    h = await startHarness({
      galleryCheckpoint: (name) => {
        if (crash && name === 'gallery.posted_unsaved') throw new Error('simulated crash');
      },
    });
    const text = h.discord.addChannel(guildId(), { type: 0 });
    await admin([channelOpt(text.id), { name: 'auto', value: true }]);
    const { task } = await video();
    await eventually(() => postsIn(text.id)[0], 10_000, 'the post');
    expect(await h.app.store.get(keys.galleryJob(task.id))).toBeDefined();
    crash = false;
    await h.restart();
    await eventually(
      async () => (await h!.app.store.get(keys.galleryPost(guildId(), task.id))) !== undefined,
      10_000,
      'recorded',
    );
    expect(postsIn(text.id)).toHaveLength(1);
    expect(h.logs.join('')).toContain('an earlier attempt posted it');
  }, 40_000);

  it('a gallery channel the bot can no longer see: the post fails clearly (an error line), nothing half-posted', async () => {
    h = await startHarness();
    const text = h.discord.addChannel(guildId(), { type: 0 });
    await admin([channelOpt(text.id), { name: 'auto', value: true }]);
    text.botAbsent = true;
    const { task } = await video();
    await eventually(
      () => h!.logs.some((l) => l.includes('the bot may not post in the gallery channel')),
      10_000,
      'the error line',
    );
    // The line comes just before the job is dropped: wait for the drop, not for the line alone.
    await eventually(async () => (await h!.app.store.get(keys.galleryJob(task.id))) === undefined, 5000, 'job dropped');
    expect(postsIn(text.id)).toHaveLength(0);
    expect(await h.app.store.get(keys.galleryPost(guildId(), task.id))).toBeUndefined();
  }, 40_000);

  it('a deleted gallery channel turns the feature off with one log line and a note in /video-admin show', async () => {
    h = await startHarness();
    const text = h.discord.addChannel(guildId(), { type: 0 });
    await admin([channelOpt(text.id), { name: 'auto', value: true }]);
    h.discord.deleteChannel(text.id);
    await video();
    await eventually(
      async () => (await h!.app.store.get<{ gallery?: { off?: unknown } }>(keys.settings(guildId())))?.gallery?.off,
      10_000,
      'turned off',
    );
    expect(h.logs.filter((l) => l.includes('gallery channel deleted; gallery turned off'))).toHaveLength(1);
    const ix = h.discord.dispatchCommand({
      name: 'video-admin',
      subcommand: 'show',
      options: [],
      user: ADMIN,
      permissions: MANAGE_GUILD,
    });
    expect(JSON.stringify((await h.discord.waitForCallback(ix.id)).data?.embeds)).toContain('was deleted');
    const zh = h.discord.dispatchCommand({
      name: 'video-admin',
      subcommand: 'show',
      options: [],
      user: ADMIN,
      permissions: MANAGE_GUILD,
      locale: 'zh-CN',
    });
    expect(JSON.stringify((await h.discord.waitForCallback(zh.id)).data?.embeds)).toContain('已被删除');
  }, 40_000);
});
