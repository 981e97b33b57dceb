/**
 * User install (issue 22 §4) through the real discord.js client and the fake Discord: the registered command JSON,
 * /video where the bot is not (card as the interaction reply, edited through the webhook, the video by DM once the
 * token is spent), the operator's limits for it exact under concurrency, the operator's blocklist everywhere, a
 * server that added the bot keeping its own settings, and everything as before with USER_INSTALL off.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/cli/deployCommands.js';
import { keys } from '../../src/db/keys.js';
import type { UsageDoc } from '../../src/services/usage/usageDoc.js';
import { MANAGE_GUILD, type CommandOption, type DispatchCommand } from '../fakes/discord/index.js';
import { eventually, type Harness, startHarness } from '../harness.js';
import { type StoreKind, storeKinds } from '../support/tempStore.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MEMBER = { id: '610000000000000001', username: 'dana' };
/** A server the fake's bot is not in: the member brought their own install. */
const ELSEWHERE = '620000000000000001';
const EPHEMERAL = 64;
const MINUTE = 60_000;

const USER_INSTALL_ENV = { USER_INSTALL: 'true', LIMIT_USER_DAILY_TASKS: 'none', LIMIT_USER_RUNNING: 'none' };

function video(prompt: string, extra: Partial<DispatchCommand> = {}) {
  return h!.discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: MEMBER,
    options: [{ name: 'prompt', value: prompt }],
    ...extra,
  });
}
/** /video through the member's own install in a server without the bot. */
const videoElsewhere = (prompt: string, extra: Partial<DispatchCommand> = {}) =>
  video(prompt, { guildId: ELSEWHERE, install: 'user', ...extra });

const callback = async (id: string) =>
  (await h!.discord.waitForCallback(id)).data as { content?: string; flags?: number; embeds?: unknown[] };
const usageDoc = async (scope: string) => (await h!.app.store.get<UsageDoc>(keys.usage(scope, MEMBER.id))) ?? undefined;
const channelRequests = (channelId: string) =>
  h!.discord.requests.filter((r) => r.path.includes(`/channels/${channelId}`));

describe('registered commands', () => {
  interface Registered {
    name: string;
    integration_types?: number[];
    contexts?: number[];
    dm_permission?: unknown;
  }
  /** Discord's documented shape (application-commands.mdx): install types 0/1, contexts 0/1/2, no dm_permission. */
  const shapeProblems = (c: Registered) => [
    ...(c.integration_types?.length && c.integration_types.every((x) => x === 0 || x === 1)
      ? []
      : [`${c.name}: integration_types ${JSON.stringify(c.integration_types)}`]),
    ...(c.contexts?.length && c.contexts.every((x) => x === 0 || x === 1 || x === 2)
      ? []
      : [`${c.name}: contexts ${JSON.stringify(c.contexts)}`]),
    ...(c.dm_permission === undefined ? [] : [`${c.name}: dm_permission is deprecated next to contexts`]),
  ];
  const registered = async (userInstall: boolean) => {
    await deployCommands({ token: h!.discord.botToken, restUrl: h!.discord.restUrl, userInstall });
    const list = h!.discord.commands.get('global') as unknown as Registered[];
    expect(list.flatMap(shapeProblems)).toEqual([]);
    return Object.fromEntries(list.map((c) => [c.name, { types: c.integration_types, contexts: c.contexts }]));
  };

  it('without USER_INSTALL every command is server-installed only, contexts as before', async () => {
    h = await startHarness();
    expect(await registered(false)).toEqual({
      video: { types: [0], contexts: [0, 1] },
      tasks: { types: [0], contexts: [0, 1] },
      usage: { types: [0], contexts: [0, 1] },
      settings: { types: [0], contexts: [0, 1] },
      help: { types: [0], contexts: [0, 1] },
      'video-admin': { types: [0], contexts: [0] },
      gallery: { types: [0], contexts: [0] },
      Animate: { types: [0], contexts: [0, 1] },
      'Use as references': { types: [0], contexts: [0, 1] },
    });
  });

  it('with it, the member commands are user-installable everywhere; /video-admin stays a server command', async () => {
    h = await startHarness({ env: USER_INSTALL_ENV });
    expect(await registered(true)).toEqual({
      video: { types: [0, 1], contexts: [0, 1, 2] },
      tasks: { types: [0, 1], contexts: [0, 1, 2] },
      usage: { types: [0, 1], contexts: [0, 1, 2] },
      settings: { types: [0, 1], contexts: [0, 1, 2] },
      help: { types: [0, 1], contexts: [0, 1, 2] },
      'video-admin': { types: [0], contexts: [0] },
      // The gallery is a server's: a server command, like /video-admin.
      gallery: { types: [0], contexts: [0] },
      Animate: { types: [0, 1], contexts: [0, 1, 2] },
      'Use as references': { types: [0, 1], contexts: [0, 1, 2] },
    });
  });
});

describe('/video where the bot is not', () => {
  it('answers with the card as the reply, edits it through the webhook, and DMs the video after the token', async () => {
    h = await startHarness({ env: USER_INSTALL_ENV, seedance: { defaultScript: { kind: 'stuck' } } });
    const ix = videoElsewhere('a kite over the dunes');
    const reply = await callback(ix.id);
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(0);
    // Said beforehand, on the card itself.
    expect(JSON.stringify(reply.embeds)).toContain('updates for 15 minutes only');
    const task = await eventually(
      async () => {
        const [t] = await h!.app.tasks.listRecentByUser(MEMBER.id);
        return t?.state === 'running' ? t : undefined;
      },
      5000,
      'a running task',
    );
    expect(task).toMatchObject({ userInstall: true, guildId: ELSEWHERE });
    expect(task.reservation?.docs).toEqual([keys.usage(`u${MEMBER.id}`, MEMBER.id)]);
    // The card was edited through the interaction's webhook; the bot never tried the channel itself.
    await eventually(
      () => h!.discord.requestsTo('PATCH /webhooks/:appId/:token/messages/:messageId').length > 0,
      3000,
      'an edit through the webhook',
    );
    expect(channelRequests(ix.channelId)).toEqual([]);

    // The token runs out; the video finishes later.
    h.clock.advance(16 * MINUTE);
    h.seedance.finishTask(task.upstreamTaskId!, { status: 'completed' });
    const done = await eventually(
      async () => {
        const t = await h!.app.tasks.get(task.id);
        return t?.state === 'done' ? t : undefined;
      },
      8000,
      'done',
    );
    expect(done).toMatchObject({ delivery: { via: 'dm', mode: 'upload' }, usage: 'committed', messageMoved: true });
    const dm = h.discord.messages.byId.get(done.messageId!)!;
    expect(dm.channelId).not.toBe(ix.channelId);
    expect(dm.attachments).toHaveLength(1);
    expect(dm.allowedMentions).toEqual({ parse: [], users: [] });
    // Still nothing sent to the server's channel, which the bot cannot reach.
    expect(channelRequests(ix.channelId)).toEqual([]);
    expect(await usageDoc(`u${MEMBER.id}`)).toMatchObject({ running: 0 });
    expect(await h.app.store.get(keys.usage(`g${ELSEWHERE}`))).toBeUndefined();
  });

  it('a member whose DMs are closed cannot be reached after the token: the video is refunded, never posted', async () => {
    h = await startHarness({ env: USER_INSTALL_ENV, seedance: { defaultScript: { kind: 'stuck' } } });
    const ix = videoElsewhere('a lantern in fog');
    await callback(ix.id);
    const task = await eventually(
      async () => {
        const [t] = await h!.app.tasks.listRecentByUser(MEMBER.id);
        return t?.state === 'running' ? t : undefined;
      },
      5000,
      'a running task',
    );
    h.discord.closeDms(MEMBER.id);
    h.clock.advance(16 * MINUTE);
    h.seedance.finishTask(task.upstreamTaskId!, { status: 'completed' });
    const ended = await eventually(
      async () => {
        const t = await h!.app.tasks.get(task.id);
        return t?.state === 'failed' ? t : undefined;
      },
      8000,
      'ended',
    );
    expect(ended.usage).toBe('refunded');
    expect(channelRequests(ix.channelId)).toEqual([]);
    expect(await usageDoc(`u${MEMBER.id}`)).toMatchObject({ running: 0 });
  });

  it('in a group DM too, in the same budget; /usage me shows it and /video-admin usage chart is refused there', async () => {
    h = await startHarness({ env: { ...USER_INSTALL_ENV, LIMIT_USER_DAILY_TASKS: '2' } });
    const first = videoElsewhere('one');
    expect((await callback(first.id)).embeds).toBeDefined();
    const second = video('two', { groupDm: true, guildId: null });
    expect((await callback(second.id)).embeds).toBeDefined();
    const third = videoElsewhere('three', { guildId: '620000000000000002' });
    const refused = await callback(third.id);
    expect((refused.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.content).toContain('2');
    expect(h.seedance.createCount()).toBeLessThanOrEqual(2);

    const me = h.discord.dispatchCommand({
      name: 'usage',
      subcommand: 'me',
      user: MEMBER,
      guildId: ELSEWHERE,
      install: 'user',
    });
    const meText = (await callback(me.id)).content ?? '';
    expect(meText).toContain('Your own use');
    expect(meText).toContain('**2** / 2');
    const server = h.discord.dispatchCommand({
      name: 'video-admin',
      subcommandGroup: 'usage',
      subcommand: 'chart',
      user: MEMBER,
      guildId: ELSEWHERE,
      install: 'user',
      permissions: MANAGE_GUILD,
    });
    expect((await callback(server.id)).content).toBe('This works only in a server that added the bot.');
  });

  it("/help where the bot is not: the operator's limits for the member's own scope, no admin section", async () => {
    h = await startHarness({ env: { ...USER_INSTALL_ENV, LIMIT_USER_DAILY_TASKS: '3', LIMIT_USER_RUNNING: '1' } });
    const ix = h.discord.dispatchCommand({
      name: 'help',
      user: MEMBER,
      guildId: ELSEWHERE,
      install: 'user',
      permissions: MANAGE_GUILD,
    });
    const data = (await callback(ix.id)) as {
      flags?: number;
      embeds?: Array<{ title?: string; description?: string }>;
    };
    expect((data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const limits = data.embeds!.find((e) => e.title === 'Your limits right now')!;
    expect(limits.description).toContain('Videos left today: **3** of 3');
    expect(limits.description).toContain('Rendering now: **0** of 1 at once');
    expect(JSON.stringify(data)).not.toContain('/video-admin');
  });
});

const KINDS = await storeKinds();

describe.each(KINDS)("the operator's limits for user install are exact under concurrency (%s)", (store: StoreKind) => {
  it('10 requests at once with LIMIT_USER_RUNNING=2: 2 run, 3 wait (LIMIT_MEMBER_QUEUE), 5 are refused', async () => {
    h = await startHarness({
      store,
      env: { ...USER_INSTALL_ENV, LIMIT_USER_RUNNING: '2', LIMIT_MEMBER_QUEUE: '3' },
      seedance: { defaultScript: { kind: 'stuck' } },
    });
    const ixs = Array.from({ length: 10 }, (_, i) => videoElsewhere(`burst ${i}`));
    const replies = await Promise.all(ixs.map((ix) => callback(ix.id)));
    const refused = replies.filter((r) => ((r.flags ?? 0) & EPHEMERAL) === EPHEMERAL);
    expect(refused).toHaveLength(5);
    const states = async () => (await h!.app.tasks.listRecentByUser(MEMBER.id, 25)).map((t) => t.state).sort();
    await eventually(async () => (await states()).filter((x) => x === 'running').length === 2, 5000, 'two running');
    expect(await states()).toEqual(['queued', 'queued', 'queued', 'running', 'running']);
    expect(h.seedance.createCount()).toBe(2);
    expect(await usageDoc(`u${MEMBER.id}`)).toMatchObject({ running: 2, queued: 3 });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.seedance.createCount()).toBe(2);
  });

  it('10 requests at once with LIMIT_USER_DAILY_TASKS=3 across two servers without the bot: exactly 3 accepted', async () => {
    h = await startHarness({ store, env: { ...USER_INSTALL_ENV, LIMIT_USER_DAILY_TASKS: '3' } });
    const ixs = Array.from({ length: 10 }, (_, i) =>
      videoElsewhere(`day ${i}`, { guildId: i % 2 ? ELSEWHERE : '620000000000000002' }),
    );
    const replies = await Promise.all(ixs.map((ix) => callback(ix.id)));
    expect(replies.filter((r) => ((r.flags ?? 0) & EPHEMERAL) === 0)).toHaveLength(3);
    expect((await h.app.tasks.listRecentByUser(MEMBER.id, 25)).length).toBe(3);
  });

  it('LIMIT_USER_MONTHLY_SPEND with prices: 6 requests at once at 0.40 each under 1.00, exactly 2 accepted', async () => {
    h = await startHarness({
      store,
      env: {
        ...USER_INSTALL_ENV,
        PRICES: JSON.stringify({ currency: 'USD', prices: { 'seedance2.0-mini-sp-720p': 0.4 } }),
        LIMIT_USER_MONTHLY_SPEND: '1',
      },
    });
    const ixs = Array.from({ length: 6 }, (_, i) => videoElsewhere(`spend ${i}`));
    const replies = await Promise.all(ixs.map((ix) => callback(ix.id)));
    expect(replies.filter((r) => ((r.flags ?? 0) & EPHEMERAL) === 0)).toHaveLength(2);
    const refusal = replies.find((r) => ((r.flags ?? 0) & EPHEMERAL) === EPHEMERAL)!.content ?? '';
    expect(refusal).toContain('your monthly spend outside servers that added the bot');
    expect((await usageDoc(`u${MEMBER.id}`))?.month?.counter.spend).toBe(800_000);
  });
});

describe("the card's buttons where the bot is not", () => {
  it('Re-roll answers with a new card in the same budget; Delete removes the card through the click', async () => {
    h = await startHarness({ env: USER_INSTALL_ENV });
    const ix = videoElsewhere('a paper boat');
    await callback(ix.id);
    const first = await eventually(
      async () => {
        const [t] = await h!.app.tasks.listRecentByUser(MEMBER.id);
        return t?.state === 'done' ? t : undefined;
      },
      8000,
      'done',
    );
    expect(first.delivery?.via).toBe('webhook');
    const card = { id: first.messageId!, channelId: ix.channelId };
    const click = (action: string) =>
      h!.discord.dispatchComponent({
        customId: `v1:${action}:${first.id}`,
        message: card,
        user: MEMBER,
        guildId: ELSEWHERE,
        install: 'user',
      });

    const reroll = await callback(click('reroll').id);
    expect((reroll.flags ?? 0) & EPHEMERAL).toBe(0);
    const [second] = await h.app.tasks.listRecentByUser(MEMBER.id);
    expect(second).toMatchObject({ parentId: first.id, userInstall: true });

    const extend = h.discord.dispatchModalSubmit({
      customId: `v1:extendform:${first.id}`,
      fields: { prompt: 'and then it sails on', duration: '5' },
      user: MEMBER,
      guildId: ELSEWHERE,
      install: 'user',
      message: card,
    });
    const refused = await callback(extend.id);
    expect((refused.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.content).toContain('Extend needs the bot in this server');
    expect(await h.app.tasks.listRecentByUser(MEMBER.id)).toHaveLength(2);

    const del = click('delete');
    await h.discord.waitForCallback(del.id);
    await eventually(() => h!.discord.messages.byId.get(card.id)?.deleted, 3000, 'the card deleted');
    expect(channelRequests(ix.channelId)).toEqual([]);
  });
});

describe("the operator's blocklist (BLOCKLIST_FILE)", () => {
  it('refuses in a server whose own list is empty and in a DM; read again on SIGHUP', async () => {
    const dir = (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'blocklist-'));
    const file = join(dir, 'blocklist.txt');
    writeFileSync(file, "# the operator's terms\nforbidden fruit\n禁止词\n");
    h = await startHarness({ env: { ...USER_INSTALL_ENV, BLOCKLIST_FILE: file } });
    const inServer = await callback(video('A FORBIDDEN   Fruit on a table').id);
    expect((inServer.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(inServer.content).toContain('which this bot does not allow anywhere');
    const inDm = await callback(video('一个禁止词的画面', { guildId: null }).id);
    expect(inDm.content).toContain('禁止词');
    const elsewhere = await callback(videoElsewhere('forbidden fruit again').id);
    expect(elsewhere.content).toContain('does not allow anywhere');
    expect(h.seedance.createCount()).toBe(0);
    expect(await h.app.tasks.listRecentByUser(MEMBER.id)).toEqual([]);

    appendFileSync(file, 'dragon\n');
    expect(h.app.reloadBlocklist()).toBe(true);
    expect((await callback(video('a dragon at dawn').id)).content).toContain('“dragon”');
    // A word that only contains a term is not the term.
    expect(((await callback(video('dragonfly at dawn').id)).flags ?? 0) & EPHEMERAL).toBe(0);
  });
});

describe('a server that added the bot keeps its own settings', () => {
  it('with the member also having the app installed, the server decides: its budget and its channel rule', async () => {
    // User-install use would be refused (daily 0): only the server's own budget lets this through.
    h = await startHarness({ env: { USER_INSTALL: 'true', LIMIT_USER_DAILY_TASKS: '0' } });
    const guildId = h.discord.guilds[0]!.id;
    const accepted = await callback(video('in a server that added the bot', { install: 'both' }).id);
    expect((accepted.flags ?? 0) & EPHEMERAL).toBe(0);
    const [task] = await h.app.tasks.listRecentByUser(MEMBER.id);
    expect(task?.userInstall).toBeUndefined();
    expect(task?.reservation?.docs).toEqual([keys.usage(`g${guildId}`), keys.usage(`g${guildId}`, MEMBER.id)]);

    // Run through the member's own install only (no server-install owner named): the bot is in this server
    // (READY listed it), so the server still decides.
    const own = await callback(video('through my own install, here', { install: 'user' }).id);
    expect((own.flags ?? 0) & EPHEMERAL).toBe(0);
    const [again, before] = await h.app.tasks.listRecentByUser(MEMBER.id);
    expect(before?.id).toBe(task?.id);
    expect(again?.reservation?.docs[0]).toBe(keys.usage(`g${guildId}`));

    const other = '630000000000000001';
    const set = h.discord.dispatchCommand({
      name: 'video-admin',
      subcommand: 'channel',
      options: [{ name: 'action', value: 'add' }, { name: 'channel', value: other, type: 7 } as CommandOption],
      user: { id: '610000000000000009' },
      permissions: MANAGE_GUILD,
    });
    await callback(set.id);
    const refused = await callback(video('outside the allowed channel', { install: 'both' }).id);
    expect(refused.content).toContain(`<#${other}>`);
  });
});

describe('USER_INSTALL off', () => {
  it('a request through a user install (commands left registered) is refused, nothing reserved or sent', async () => {
    h = await startHarness();
    const reply = await callback(videoElsewhere('a quiet harbour').id);
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('only in servers that added it');
    expect(h.seedance.createCount()).toBe(0);
    expect(await h.app.tasks.listRecentByUser(MEMBER.id)).toEqual([]);
    expect(await usageDoc(`u${MEMBER.id}`)).toBeUndefined();
  });
});
