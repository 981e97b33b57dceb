/**
 * /video-admin queue (what renders and waits on the server, privately, members named without pings, Cancel for
 * moderators that refunds as the member's own Cancel does) and /tasks status's autocomplete (the member's own
 * recent tasks), against the fake Discord and the fake video service.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import type { UsageDoc } from '../../src/services/usage/usageDoc.js';
import { MANAGE_MESSAGES } from '../fakes/discord/index.js';
import { eventually, type Harness, startHarness } from '../harness.js';

const MANAGE_GUILD = 1n << 5n;
const ADMIN = { id: '930000000000000001', username: 'admin' };
const member = (i: number) => ({ id: String(931000000000000000n + BigInt(i)), username: `m${i}` });

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start() {
  h = await startHarness({
    env: { LIMIT_GUILD_RUNNING: '1', LIMIT_MEMBER_QUEUE: 'none' },
    seedance: { defaultScript: { kind: 'stuck' as const } },
  });
  return h;
}

/** /video from member i, in order (the queue's order is the order of the calls). */
async function ask(i: number, prompt = `p${i}`) {
  const ix = h!.discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: member(i),
    options: [{ name: 'prompt', value: prompt }],
  });
  await h!.discord.waitForCallback(ix.id);
  return ix;
}

const taskOf = async (i: number) => (await h!.app.tasks.listRecentByUser(member(i).id))[0]!;
const guildDoc = async () => (await h!.app.store.get<UsageDoc>(keys.usage(`g${h!.discord.guilds[0]!.id}`)))!;

/** /video-admin queue by `user` with `permissions`: the deferred private answer, once edited in. */
async function queueView(user: { id: string; username: string }, permissions: bigint) {
  const ix = h!.discord.dispatchCommand({ name: 'video-admin', subcommand: 'queue', user, permissions });
  const cb = await h!.discord.waitForCallback(ix.id);
  expect(cb.type).toBe(5);
  expect(cb.data?.flags).toBe(64);
  const edit = await eventually(
    () => h!.discord.requests.find((r) => r.method === 'PATCH' && r.path.includes(ix.token)),
    5000,
    'the queue view',
  );
  const body = edit.body as {
    content: string;
    components?: Array<{ components: Array<{ custom_id: string; label: string }> }>;
    allowed_mentions?: unknown;
  };
  return { ix, body, buttons: (body.components ?? []).flatMap((row) => row.components) };
}

describe('/video-admin queue', () => {
  it('lists what renders and what waits, members as mentions that never ping; a moderator cancels and it is refunded', async () => {
    await start();
    await ask(0, 'a fox <@&1> @everyone **bold**');
    await eventually(() => h!.seedance.createCount() === 1, 5000, 'the first one rendering');
    await ask(1, 'second in the house');
    await ask(2);
    expect((await guildDoc()).queued).toBe(2);
    const asked = (await guildDoc()).day?.counter.tasks;
    expect(asked).toBe(3);

    const moderator = await queueView(ADMIN, MANAGE_GUILD | MANAGE_MESSAGES);
    const text = moderator.body.content;
    expect(moderator.body.allowed_mentions).toEqual({ parse: [] });
    expect(text).toContain("**This server's queue**: 1 rendering, 2 waiting");
    const [t0, t1, t2] = [await taskOf(0), await taskOf(1), await taskOf(2)];
    expect(text).toMatch(new RegExp(`\`${t0.id}\` · <@${member(0).id}> · ${t0.model} · started <t:\\d+:R>`));
    expect(text).toMatch(new RegExp(`\\*\\*1\\.\\*\\* \`${t1.id}\` · <@${member(1).id}> · .* asked <t:\\d+:R>`));
    expect(text).toMatch(new RegExp(`\\*\\*2\\.\\*\\* \`${t2.id}\` · <@${member(2).id}>`));
    expect(text).toContain('“second in the house”');
    // The prompt is the member's text: escaped, its mentions defused.
    expect(text).not.toMatch(/<@&1>|[^\u200b]@everyone|\*\*bold\*\*/);
    expect(text.indexOf('Rendering now')).toBeLessThan(text.indexOf('Waiting for a free slot'));
    expect(moderator.buttons.map((b) => [b.custom_id, b.label])).toEqual([
      [`v1:qcancel:${t1.id}`, 'Cancel 1'],
      [`v1:qcancel:${t2.id}`, 'Cancel 2'],
    ]);

    // A Manage Server admin without Manage Messages sees the list, without Cancel.
    const viewer = await queueView({ id: '930000000000000009', username: 'viewer' }, MANAGE_GUILD);
    expect(viewer.body.content).toContain('2 waiting');
    expect(viewer.body.content).toContain('Only members with Manage Messages can cancel requests here.');
    expect(viewer.buttons).toEqual([]);

    // Neither can another member (nor that admin) cancel someone else's request with a crafted click.
    const message = h!.discord.originalMessage(moderator.ix.id)!;
    for (const [user, permissions] of [
      [member(2), 0n],
      [{ id: '930000000000000009', username: 'viewer' }, MANAGE_GUILD],
    ] as const) {
      const denied = h!.discord.dispatchComponent({
        customId: `v1:qcancel:${t1.id}`,
        message: { id: message.id, channelId: message.channelId },
        user,
        memberPermissions: permissions,
      });
      const answer = await h!.discord.waitForCallback(denied.id);
      expect(String(answer.data?.content)).toContain('Only the member who asked');
      expect(answer.data?.flags).toBe(64);
    }
    expect((await taskOf(1)).state).toBe('queued');

    // The moderator cancels: out of the queue, refunded exactly as the member's own Cancel, the view shown again.
    const click = h!.discord.dispatchComponent({
      customId: `v1:qcancel:${t1.id}`,
      message: { id: message.id, channelId: message.channelId },
      user: ADMIN,
      memberPermissions: MANAGE_GUILD | MANAGE_MESSAGES,
    });
    const updated = await h!.discord.waitForCallback(click.id);
    expect(updated.type).toBe(7);
    const after = updated.data as {
      content: string;
      allowed_mentions?: unknown;
      components: Array<{ components: Array<{ custom_id: string }> }>;
    };
    expect(after.allowed_mentions).toEqual({ parse: [] });
    expect(after.content).toContain(`Cancelled \`${t1.id}\` of <@${member(1).id}>`);
    expect(after.content).toContain('1 rendering, 1 waiting');
    expect(after.components.flatMap((r) => r.components).map((b) => b.custom_id)).toEqual([`v1:qcancel:${t2.id}`]);
    expect(await taskOf(1)).toMatchObject({
      state: 'failed',
      usage: 'refunded',
      lastError: { reason: 'member_cancelled' },
    });
    expect((await guildDoc()).queued).toBe(1);
    expect((await guildDoc()).day?.counter.tasks).toBe(2);
    // The member's card says so, and the member counts as told.
    await eventually(async () => (await taskOf(1)).toldAt !== undefined, 5000, 'the member told of the cancellation');
    const card = h!.discord.originalMessage((await taskOf(1)).interaction.id!)!;
    expect(JSON.stringify(card.embeds)).toContain('Failed');
    // Nothing was ever sent upstream for it.
    expect(h!.seedance.createCount()).toBe(1);

    // A running request cannot be cancelled from here.
    const late = h!.discord.dispatchComponent({
      customId: `v1:qcancel:${t0.id}`,
      message: { id: message.id, channelId: message.channelId },
      user: ADMIN,
      memberPermissions: MANAGE_GUILD | MANAGE_MESSAGES,
    });
    expect(String((await h!.discord.waitForCallback(late.id)).data?.content)).toContain('cannot cancel it');
  });

  it('is empty when nothing runs, and refused to members without Manage Server', async () => {
    await start();
    const { body, buttons } = await queueView(ADMIN, MANAGE_GUILD);
    expect(body.content).toBe(
      "**This server's queue**: 0 rendering, 0 waiting\nNothing is rendering or waiting on this server.",
    );
    expect(buttons).toEqual([]);
    const ix = h!.discord.dispatchCommand({ name: 'video-admin', subcommand: 'queue', user: member(5) });
    expect(String((await h!.discord.waitForCallback(ix.id)).data?.content)).toMatch(/Only members with Manage Server/);
  });

  it('in Chinese too', async () => {
    await start();
    await ask(0);
    await ask(1);
    const ix = h!.discord.dispatchCommand({
      name: 'video-admin',
      subcommand: 'queue',
      user: ADMIN,
      permissions: MANAGE_GUILD | MANAGE_MESSAGES,
      locale: 'zh-CN',
    });
    await h!.discord.waitForCallback(ix.id);
    const edit = await eventually(
      () => h!.discord.requests.find((r) => r.method === 'PATCH' && r.path.includes(ix.token)),
      5000,
      'the queue view',
    );
    const body = edit.body as { content: string; components: Array<{ components: Array<{ label: string }> }> };
    expect(body.content).toContain('**本服务器的队列**：1 个生成中，1 个排队中');
    expect(body.content).toContain('等待空位');
    expect(body.components[0]!.components[0]!.label).toBe('取消第 1 位');
  });
});

describe('/tasks status id: autocomplete', () => {
  it("offers the member's own recent tasks (prompt, state, age → id), filtered by what they type; never others'", async () => {
    await start();
    await ask(0, 'a red fox in the snow');
    await ask(0, 'a blue whale');
    await ask(1, 'someone else entirely');
    const complete = async (typed: string, user = member(0), locale?: string) => {
      const ix = h!.discord.dispatchAutocomplete({
        name: 'tasks',
        subcommand: 'status',
        user,
        locale,
        options: [{ name: 'id', value: typed, focused: true }],
      });
      const cb = await h!.discord.waitForCallback(ix.id);
      expect(cb.type).toBe(8);
      return (cb.data as { choices: Array<{ name: string; value: string }> }).choices;
    };
    const mine = await h!.app.tasks.listRecentByUser(member(0).id);
    const all = await complete('');
    expect(all.map((c) => c.value)).toEqual(mine.map((t) => t.id));
    expect(all.map((c) => c.name)).toEqual([
      expect.stringMatching(/^a blue whale · 🕒 waiting · \d+ sec\. ago$|^a blue whale · 🕒 waiting · now$/),
      expect.stringMatching(/^a red fox in the snow · ⏳ in progress · /),
    ]);
    expect((await complete('fox')).map((c) => c.value)).toEqual([mine[1]!.id]);
    expect((await complete(mine[0]!.id.slice(-6))).map((c) => c.value)).toEqual([mine[0]!.id]);
    // Another member's prompt or id finds nothing here.
    const theirs = (await h!.app.tasks.listRecentByUser(member(1).id))[0]!;
    expect(await complete('someone')).toEqual([]);
    expect(await complete(theirs.id)).toEqual([]);
    // In the member's language.
    expect((await complete('whale', member(0), 'zh-CN'))[0]!.name).toContain('🕒 排队中');
  });

  it('at most 25 choices', async () => {
    h = await startHarness({
      env: { LIMIT_MEMBER_QUEUE: 'none', LIMIT_GUILD_QUEUE: 'none', LIMIT_GUILD_RUNNING: '1' },
    });
    for (let i = 0; i < 27; i += 1) await ask(3, `prompt number ${i}`);
    expect(await h.app.tasks.listRecentByUser(member(3).id, 100)).toHaveLength(25);
    const ix = h.discord.dispatchAutocomplete({
      name: 'tasks',
      subcommand: 'status',
      user: member(3),
      options: [{ name: 'id', value: '', focused: true }],
    });
    const choices = ((await h.discord.waitForCallback(ix.id)).data as { choices: unknown[] }).choices;
    expect(choices).toHaveLength(25);
    expect(choices[0]).toMatchObject({ name: expect.stringMatching(/^prompt number 26 · /) });
  });
});
