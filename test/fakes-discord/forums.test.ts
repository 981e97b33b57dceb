/**
 * The fake Discord's forum channels, threads with tags, channel PATCH for tags, reactions with counts and
 * per-emoji user lists, the server's roles and overwrites (for permission checks) and per-route rate limits:
 * each as Discord answers it, through raw REST and through discord.js.
 */
import { Client, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../fakes/discord/index.js';

let discord: FakeDiscord | undefined;
let client: Client | undefined;
afterEach(async () => {
  await client?.destroy();
  await discord?.close();
  client = undefined;
  discord = undefined;
});

async function start(options: FakeDiscordOptions = {}) {
  discord = await startFakeDiscord(options);
  client = new Client({ intents: [], rest: { api: discord.restUrl } });
  client.rest.setToken(discord.botToken);
  return { d: discord, rest: client.rest };
}

async function raw(d: FakeDiscord, method: string, path: string, body?: unknown) {
  const res = await fetch(`${d.restUrl}/v10${path}`, {
    method,
    headers: { authorization: `Bot ${d.botToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: raw JSON answers of the fake, read field by field
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as any) : undefined };
}

describe('forum channels and their posts', () => {
  it('a post is a thread with its first message (same id) and tags the forum has', async () => {
    const { d, rest } = await start();
    const guildId = d.guilds[0]!.id;
    const forum = d.addChannel(guildId, { type: 15 });
    const patched = (await rest.patch(Routes.channel(forum.id), {
      body: { available_tags: [{ name: 'mini' }, { name: '16:9' }] },
    })) as { available_tags: Array<{ id: string; name: string }> };
    expect(patched.available_tags.map((x) => x.name)).toEqual(['mini', '16:9']);
    const tagId = patched.available_tags[0]!.id;
    const thread = (await rest.post(Routes.threads(forum.id), {
      body: { name: 'a kite', message: { content: 'hello', allowed_mentions: { parse: [] } }, applied_tags: [tagId] },
    })) as { id: string; parent_id: string; applied_tags: string[]; message: { id: string } };
    expect(thread).toMatchObject({ parent_id: forum.id, applied_tags: [tagId] });
    expect(thread.message.id).toBe(thread.id);
    const first = (await rest.get(Routes.channelMessage(thread.id, thread.id))) as { content: string };
    expect(first.content).toBe('hello');
    const active = (await rest.get(Routes.guildActiveThreads(guildId))) as { threads: Array<{ id: string }> };
    expect(active.threads.map((t) => t.id)).toEqual([thread.id]);
    await rest.delete(Routes.channel(thread.id));
    await expect(rest.get(Routes.channel(thread.id))).rejects.toMatchObject({ code: 10003 });
  });

  it('refuses a tag the forum does not have, more than 5 tags on a post, and more than 20 on a forum', async () => {
    const { d } = await start();
    const forum = d.addChannel(d.guilds[0]!.id, { type: 15 });
    const unknown = await raw(d, 'POST', `/channels/${forum.id}/threads`, {
      name: 'x',
      message: { content: 'x' },
      applied_tags: ['123'],
    });
    expect(unknown.json).toMatchObject({ code: 50035 });
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `t${i}` }));
    expect((await raw(d, 'PATCH', `/channels/${forum.id}`, { available_tags: many })).json).toMatchObject({
      code: 50035,
    });
    const twenty = await raw(d, 'PATCH', `/channels/${forum.id}`, { available_tags: many.slice(0, 20) });
    expect(twenty.json.available_tags).toHaveLength(20);
    const six = (twenty.json.available_tags as Array<{ id: string }>).slice(0, 6).map((x) => x.id);
    const tooMany = await raw(d, 'POST', `/channels/${forum.id}/threads`, {
      name: 'x',
      message: { content: 'x' },
      applied_tags: six,
    });
    expect(tooMany.status).toBe(400);
    // A text channel takes no threads this way.
    expect((await raw(d, 'POST', `/channels/${d.guilds[0]!.channelId}/threads`, { name: 'x' })).status).toBe(400);
  });
});

describe('reactions', () => {
  it('a message lists each emoji with its count; the per-emoji list says who reacted', async () => {
    const { d, rest } = await start();
    const channelId = d.guilds[0]!.channelId;
    const m = (await rest.post(Routes.channelMessages(channelId), { body: { content: 'vote' } })) as { id: string };
    d.react(m.id, '👍', '111111111111111111');
    d.react(m.id, '👍', '222222222222222222');
    d.react(m.id, 'party:333333333333333333', '111111111111111111');
    const got = (await rest.get(Routes.channelMessage(channelId, m.id))) as {
      reactions: Array<{ count: number; emoji: { id: string | null; name: string } }>;
    };
    expect(got.reactions.map((r) => [r.emoji.name, r.emoji.id, r.count])).toEqual([
      ['👍', null, 2],
      ['party', '333333333333333333', 1],
    ]);
    const users = (await rest.get(Routes.channelMessageReaction(channelId, m.id, encodeURIComponent('👍')))) as Array<{
      id: string;
    }>;
    expect(users.map((u) => u.id)).toEqual(['111111111111111111', '222222222222222222']);
  });
});

describe('roles, overwrites and the bot member (permission checks)', () => {
  it('GET the guild gives its roles and owner; the bot member its roles; a channel its overwrites', async () => {
    const { d, rest } = await start();
    const guildId = d.guilds[0]!.id;
    d.setBotPermissions(guildId, 1n << 34n);
    const guild = (await rest.get(Routes.guild(guildId))) as { owner_id: string; roles: Array<{ id: string }> };
    const me = (await rest.get(Routes.guildMember(guildId, d.botUser.id))) as { roles: string[] };
    expect(guild.roles.map((r) => r.id)).toEqual([guildId, me.roles[0]]);
    const overwrite = { id: guildId, type: 0, allow: '0', deny: String(1n << 15n) };
    const c = d.addChannel(guildId, { type: 0, permissionOverwrites: [overwrite] });
    expect(
      ((await rest.get(Routes.channel(c.id))) as { permission_overwrites: unknown[] }).permission_overwrites,
    ).toEqual([overwrite]);
  });
});

describe('per-route rate limits', () => {
  it('beyond the limit in a window: 429 with Discord’s headers, counted; discord.js waits instead of meeting it', async () => {
    const { d, rest } = await start({ rateLimit: { limit: 3, windowMs: 1000 } });
    const channelId = d.guilds[0]!.channelId;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await raw(d, 'POST', `/channels/${channelId}/messages`, { content: 'x' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(d.rateLimitedCount()).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 7 }, () => rest.post(Routes.channelMessages(channelId), { body: { content: 'y' } })),
    );
    // 7 posts at 3 per second: two windows waited out, and not one more 429.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(d.rateLimitedCount()).toBe(1);
  });
});
