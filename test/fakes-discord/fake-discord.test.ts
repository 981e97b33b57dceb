import {
  Client,
  DiscordAPIError,
  GatewayIntentBits,
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../fakes/discord/index.js';

const WEBHOOK_EDIT = 'PATCH /webhooks/:appId/:token/messages/:messageId';
const CALLBACK = 'POST /interactions/:id/:token/callback';
let discord: FakeDiscord | undefined;
let client: Client | undefined;
/** More clients (other bot processes), destroyed after each test. */
let others: Client[] = [];

async function connect(options: FakeDiscordOptions = {}, clientOptions: { shards?: 'auto' } = {}) {
  discord = await startFakeDiscord(options);
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.restUrl }, ...clientOptions });
  const ready = new Promise<void>((r) => client!.once('clientReady', () => r()));
  await client.login(discord.botToken);
  await Promise.all([ready, discord.waitForReady()]);
  return { discord, client };
}

function next<T extends Interaction>(c: Client, guard: (i: Interaction) => i is T): Promise<T> {
  return new Promise((resolve, reject) =>
    c.once('interactionCreate', (i) =>
      guard(i) ? resolve(i) : reject(new Error(`unexpected interaction type ${i.type}`)),
    ),
  );
}
const isCommand = (i: Interaction): i is ChatInputCommandInteraction => i.isChatInputCommand();
const isButton = (i: Interaction): i is ButtonInteraction => i.isButton();

/** A raw REST call to the fake, for rules discord.js would never let us break. */
async function call(
  d: FakeDiscord,
  method: string,
  path: string,
  body?: unknown,
  auth: string | null = `Bot ${d.botToken}`,
) {
  const res = await fetch(`${d.restUrl}/v10${path}`, {
    method,
    headers: {
      ...(auth ? { authorization: auth } : {}),
      ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    // biome-ignore lint/suspicious/noExplicitAny: raw JSON answers of the fake, read field by field in assertions
    json: text ? (JSON.parse(text) as Record<string, any>) : undefined,
    headers: res.headers,
  };
}

/** A raw gateway connection that keeps every frame it gets. */
function openGateway(url: string) {
  const ws = new WebSocket(url);
  // biome-ignore lint/suspicious/noExplicitAny: raw gateway frames, read field by field in assertions
  const frames: Array<{ op: number; t?: string; s?: number; d?: any }> = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (raw) => {
    frames.push(JSON.parse(String(raw)));
    for (const w of waiters.splice(0)) w();
  });
  const until = async (pred: () => boolean) => {
    while (!pred()) await new Promise<void>((r) => waiters.push(r));
  };
  const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
  return { ws, frames, until, closed, send: (p: unknown) => ws.send(JSON.stringify(p)) };
}

const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;

afterEach(async () => {
  await Promise.all(others.map((c) => c.destroy()));
  others = [];
  await client?.destroy();
  await discord?.close();
  client = undefined;
  discord = undefined;
});

describe('a real discord.js Client against the fake Discord', () => {
  it('logs in with one GET /gateway/bot, JSON without compression, and caches all 200 guilds', async () => {
    const { discord, client } = await connect({ guilds: 200 });
    expect(client.guilds.cache.size).toBe(200);
    expect([...client.guilds.cache.keys()].sort()).toEqual([...discord.guildIds].sort());
    const g = discord.guilds[7]!;
    expect(client.guilds.cache.get(g.id)).toMatchObject({
      name: 'Guild 8',
      memberCount: 2,
      premiumTier: 0,
      ownerId: g.ownerId,
      preferredLocale: 'en-US',
    });
    const channel = client.channels.cache.get(discord.channelIdOf(g.id));
    expect(channel?.isTextBased()).toBe(true);
    expect(
      channel?.isTextBased() &&
        !channel.isDMBased() &&
        channel.permissionsFor(client.user!)?.has(['SendMessages', 'AttachFiles', 'EmbedLinks']),
    ).toBe(true);
    expect(client.application?.id).toBe(discord.applicationId);
    expect(client.user?.id).toBe(discord.botUser.id);
    // READY carries the user and application: login makes no other REST call.
    expect(discord.requests.map((r) => `${r.route} ${r.status}`)).toEqual(['GET /gateway/bot 200']);
    expect(discord.identifies).toMatchObject([
      { url: '/gateway?v=10&encoding=json', intents: GatewayIntentBits.Guilds, compress: false },
    ]);
  });

  it('refuses a wrong token: GET /gateway/bot answers 401 and login rejects with TokenInvalid', async () => {
    discord = await startFakeDiscord();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.restUrl } });
    await expect(client.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(discord.requests).toMatchObject([{ route: 'GET /gateway/bot', status: 401, auth: 'Bot not-the-token' }]);
    expect(discord.identifies).toHaveLength(0);
  });

  it('delivers a command with a resolved attachment and locale; defer then editReply with an embed and a file', async () => {
    const { discord, client } = await connect();
    const got = next(client, isCommand);
    const ix = discord.dispatchCommand({
      name: 'video',
      subcommand: 'images',
      locale: 'zh-CN',
      memberPermissions: 1n << 5n,
      options: [{ name: 'prompt', value: 'a fox' }],
      attachments: [
        { optionName: 'image1', filename: 'fox.png', contentType: 'image/png', size: 1234, width: 640, height: 480 },
      ],
      attachmentSizeLimit: 25 * 1024 * 1024,
    });
    const interaction = await got;
    expect(interaction.id).toBe(ix.id);
    expect(interaction.locale).toBe('zh-CN');
    expect(interaction.guildLocale).toBe('en-US');
    expect(interaction.attachmentSizeLimit).toBe(25 * 1024 * 1024);
    expect(interaction.memberPermissions?.has('ManageGuild')).toBe(true);
    expect(interaction.appPermissions.has('AttachFiles')).toBe(true);
    expect(interaction.options.getSubcommand()).toBe('images');
    expect(interaction.options.getString('prompt')).toBe('a fox');
    expect(interaction.options.getAttachment('image1')).toMatchObject({
      name: 'fox.png',
      contentType: 'image/png',
      size: 1234,
      width: 640,
      height: 480,
    });

    await interaction.deferReply();
    expect(await discord.waitForResponse(ix.id)).toMatchObject({ type: 5 });
    expect(discord.requestsTo(CALLBACK)).toMatchObject([
      { status: 204, body: { type: 5 }, path: `/interactions/${ix.id}/${ix.token}/callback` },
    ]);
    expect(discord.originalMessage(ix.id)!.flags & MessageFlags.Loading).toBeTruthy();
    await interaction.editReply({
      embeds: [{ title: 'done' }],
      files: [{ attachment: Buffer.from('video-bytes'), name: 'v.mp4' }],
    });
    const [patch] = discord.requestsTo(WEBHOOK_EDIT);
    expect(patch).toMatchObject({
      status: 200,
      path: `/webhooks/${discord.applicationId}/${ix.token}/messages/@original`,
      body: { embeds: [{ title: 'done' }] },
    });
    expect(patch!.files).toMatchObject([{ name: 'v.mp4', field: 'files[0]', size: 11 }]);
    expect(patch!.files[0]!.data.toString()).toBe('video-bytes');
    const message = discord.originalMessage(ix.id)!;
    expect(message).toMatchObject({
      kind: 'original',
      flags: 0,
      embeds: [{ title: 'done' }],
      attachments: [{ filename: 'v.mp4', size: 11 }],
      edits: 1,
    });
    expect(discord.messages.inChannel(ix.channelId).map((m) => m.id)).toEqual([message.id]);
  });

  it("delivers a message context menu with the member's message resolved; the message reads back through GET and refresh-urls signs its stale URL", async () => {
    const { discord, client } = await connect();
    const stale = 'https://cdn.discordapp.com/attachments/1/2/cat.png?ex=1&is=0&hm=old';
    const posted = discord.postMessage({
      author: { id: '300000000000000042', username: 'ana' },
      content: 'look',
      attachments: [{ filename: 'cat.png', contentType: 'image/png', size: 2048, width: 800, height: 600, url: stale }],
      embeds: [
        { type: 'image', url: 'https://example.com/dog.jpg', thumbnail: { url: 'https://example.com/dog.jpg' } },
      ],
    });
    const got = next(client, (i): i is MessageContextMenuCommandInteraction => i.isMessageContextMenuCommand());
    const ix = discord.dispatchMessageCommand({ name: 'Animate', message: { id: posted.id } });
    const interaction = await got;
    expect(interaction.commandName).toBe('Animate');
    expect(interaction.targetId).toBe(posted.id);
    expect(interaction.targetMessage.author.id).toBe('300000000000000042');
    expect(interaction.targetMessage.attachments.first()).toMatchObject({
      url: stale,
      contentType: 'image/png',
      width: 800,
    });
    expect(interaction.targetMessage.embeds[0]?.data.thumbnail?.url).toBe('https://example.com/dog.jpg');
    // A modal is the first answer: a form with a select inside a label comes back as its values.
    await interaction.showModal({ custom_id: 'form', title: 'Form', components: [] });
    expect(await discord.waitForCallback(ix.id)).toMatchObject({ type: 9, data: { custom_id: 'form' } });
    const submitted = next(client, (i): i is ModalSubmitInteraction => i.isModalSubmit());
    discord.dispatchModalSubmit({ customId: 'form', fields: { prompt: 'a cat' }, selects: { pick: ['1'] } });
    const modal = await submitted;
    expect(modal.fields.getTextInputValue('prompt')).toBe('a cat');
    expect(modal.fields.getStringSelectValues('pick')).toEqual(['1']);
    await modal.deferUpdate().catch(() => undefined);

    const read = (await client.rest.get(`/channels/${posted.channelId}/messages/${posted.id}`)) as {
      attachments: Array<{ url: string }>;
    };
    expect(read.attachments[0]!.url).toBe(stale);
    const refreshed = (await client.rest.post('/attachments/refresh-urls', { body: { attachment_urls: [stale] } })) as {
      refreshed_urls: Array<{ original: string; refreshed: string }>;
    };
    expect(refreshed.refreshed_urls[0]!.original).toBe(stale);
    expect(
      Number.parseInt(new URL(refreshed.refreshed_urls[0]!.refreshed).searchParams.get('ex')!, 16) * 1000,
    ).toBeGreaterThan(discord.now());
  });

  it('answers with_response=true with the callback resource and its message; follow-ups carry the interaction metadata', async () => {
    const { discord, client } = await connect();
    const got = next(client, isCommand);
    const ix = discord.dispatchCommand({ name: 'video', user: { id: '300000000000000003', username: 'carol' } });
    const interaction = await got;
    const response = await interaction.reply({ content: 'hello', withResponse: true });
    expect(discord.requests.at(-1)).toMatchObject({ route: CALLBACK, status: 200 });
    expect(discord.requests.at(-1)!.query.get('with_response')).toBe('true');
    expect(response.interaction.id).toBe(ix.id);
    expect(response.interaction.responseMessageId).toBe(discord.originalMessage(ix.id)!.id);
    expect(response.resource?.message?.id).toBe(discord.originalMessage(ix.id)!.id);
    expect(response.resource?.message?.content).toBe('hello');
    const reply = await interaction.fetchReply();
    expect(reply.content).toBe('hello');
    expect(reply.interactionMetadata).toMatchObject({ id: ix.id, user: { id: '300000000000000003' } });
    const followUp = await interaction.followUp({ content: 'more', flags: MessageFlags.Ephemeral });
    expect(discord.messages.get(followUp.id)).toMatchObject({
      kind: 'followup',
      content: 'more',
      flags: MessageFlags.Ephemeral,
    });
  });

  it('a button click can update its message; a second acknowledgement is refused with 40060', async () => {
    const { discord, client } = await connect();
    const got = next(client, isCommand);
    const cmd = discord.dispatchCommand({ name: 'video' });
    const first = await got;
    await first.reply({
      content: 'card',
      components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Go', custom_id: 'v1:reroll:abc' }] }],
    });
    const card = discord.originalMessage(cmd.id)!;

    const gotClick = next(client, isButton);
    const click = discord.dispatchComponent({
      customId: 'v1:reroll:abc',
      messageId: card.id,
      user: { id: '200000000000000001', username: 'bob' },
    });
    const button = await gotClick;
    expect(button.customId).toBe('v1:reroll:abc');
    expect(button.message.id).toBe(card.id);
    expect(button.user.username).toBe('bob');
    await button.update({ content: 'updated', components: [] });
    expect(await discord.waitForResponse(click.id)).toMatchObject({ type: 7, data: { content: 'updated' } });
    expect(discord.messages.get(card.id)).toMatchObject({ content: 'updated', components: [], edits: 1 });

    button.replied = false; // a second process that did not see the first answer
    const err = await button.reply({ content: 'two' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect(err).toMatchObject({ code: 40060, status: 400, message: 'Interaction has already been acknowledged.' });
    expect(discord.requestsTo(CALLBACK).map((r) => r.status)).toEqual([204, 204, 400]);
  });

  it('autocomplete gets its focused option and the choices are recorded', async () => {
    const { discord, client } = await connect();
    const got = new Promise<Interaction>((r) => client.once('interactionCreate', r));
    const ix = discord.dispatchAutocomplete({
      name: 'video',
      subcommand: 'text',
      options: [{ name: 'model', value: 'seed', focused: true }],
    });
    const interaction = await got;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    expect(interaction.options.getFocused(true)).toMatchObject({ name: 'model', value: 'seed' });
    await interaction.respond([{ name: 'Seedance 2.0', value: 'seedance2.0' }]);
    expect(await discord.waitForResponse(ix.id)).toEqual({
      type: 8,
      data: { choices: [{ name: 'Seedance 2.0', value: 'seedance2.0' }] },
    });
  });

  it('survives a 429 on the webhook edit: the edit lands after Retry-After', async () => {
    const { discord, client } = await connect();
    const got = next(client, isCommand);
    const ix = discord.dispatchCommand({ name: 'video' });
    const interaction = await got;
    await interaction.deferReply();
    discord.injectRestFault({ route: WEBHOOK_EDIT, status: 429, retryAfterSec: 1 });
    const started = Date.now();
    await interaction.editReply({ content: 'after the limit' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(discord.requestsTo(WEBHOOK_EDIT).map((r) => r.status)).toEqual([429, 200]);
    expect(discord.originalMessage(ix.id)!.content).toBe('after the limit');
  });

  it('after 15 minutes the webhook token is dead (50027) but the channel edit with the bot token works', async () => {
    const { discord, client } = await connect();
    const got = next(client, isCommand);
    const ix = discord.dispatchCommand({ name: 'video' });
    const interaction = await got;
    await interaction.reply({ content: 'working' });
    discord.advanceClock(16 * 60 * 1000);
    await expect(interaction.editReply({ content: 'late' })).rejects.toMatchObject({ code: 50027, status: 401 });
    const message = discord.originalMessage(ix.id)!;
    const channel = await client.channels.fetch(message.channelId);
    if (!channel?.isTextBased()) throw new Error('expected a text channel');
    await channel.messages.edit(message.id, { content: 'edited through the channel' });
    expect(discord.requests.at(-1)).toMatchObject({
      route: 'PATCH /channels/:channelId/messages/:messageId',
      status: 200,
      auth: `Bot ${discord.botToken}`,
    });
    expect(discord.messages.get(message.id)!.content).toBe('edited through the channel');
    discord.deleteMessage(message.channelId, message.id);
    await expect(channel.messages.edit(message.id, { content: 'gone' })).rejects.toMatchObject({
      code: 10008,
      status: 404,
    });
  });

  it('stores bulk-overwritten and created commands and dispatches with their ids', async () => {
    const { discord, client } = await connect();
    const guildId = discord.guildIds[0]!;
    const set = await client.application!.commands.set([{ name: 'video', description: 'Make a video' }], guildId);
    const again = await client.application!.commands.set([{ name: 'video', description: 'Make a video!' }], guildId);
    expect(again.first()!.id).toBe(set.first()!.id);
    expect(discord.commands.get(guildId)).toMatchObject([
      { name: 'video', description: 'Make a video!', guild_id: guildId },
    ]);
    const usage = await client.application!.commands.create({ name: 'usage', description: 'Usage' });
    expect(discord.commands.get('global')).toMatchObject([{ id: usage.id, name: 'usage' }]);
    expect((await client.application!.commands.fetch()).map((c) => c.name)).toEqual(['usage']);
    await client.application!.commands.delete(usage.id);
    expect(discord.commands.get('global')).toEqual([]);
    const got = next(client, isCommand);
    discord.dispatchCommand({ name: 'video', guildId });
    expect((await got).commandId).toBe(set.first()!.id);
  });

  it('resumes after a dropped connection and replays what was dispatched meanwhile', async () => {
    const { discord, client } = await connect({ guilds: 3 });
    discord.disconnectGateway(4000);
    // Dispatched while the bot is away: kept for the session and replayed on RESUME.
    const ix = discord.dispatchCommand({ name: 'video', guildId: discord.guildIds[2]! });
    const interaction = await next(client, isCommand);
    expect(interaction.id).toBe(ix.id);
    await discord.waitForReady();
    expect(discord.resumes).toMatchObject([{ resumed: true, replayed: 1 }]);
    expect(discord.identifies).toHaveLength(1);
    expect(client.guilds.cache.size).toBe(3);

    discord.requestReconnect(); // op 7: discord.js resumes again
    const second = next(client, isCommand);
    await new Promise((r) => setTimeout(r, 20));
    const ix2 = discord.dispatchCommand({ name: 'video' });
    expect((await second).id).toBe(ix2.id);
    expect(discord.resumes.filter((r) => r.resumed)).toHaveLength(2);
  });

  it("splits guilds over the recommended shards and sends each interaction to its guild's shard", async () => {
    const { discord, client } = await connect({ guilds: 20, shards: 2 }, { shards: 'auto' });
    expect(discord.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(client.guilds.cache.size).toBe(20);
    const perShard = [0, 1].map((s) => client.guilds.cache.filter((g) => g.shardId === s).size);
    expect(perShard[0]! + perShard[1]!).toBe(20);
    expect(Math.min(...perShard)).toBeGreaterThan(0);
    const onShard1 = client.guilds.cache.find((g) => g.shardId === 1)!;
    const got = next(client, isCommand);
    discord.dispatchCommand({ name: 'video', guildId: onShard1.id });
    const interaction = await got;
    expect(interaction.guild?.shardId).toBe(1);
  });

  it('client.destroy() and close() leave no sockets or servers open', async () => {
    const before = tcpHandles();
    const { discord, client } = await connect();
    const got = next(client, isCommand);
    discord.dispatchCommand({ name: 'video' });
    await (await got).reply({ content: 'hi' });
    expect(tcpHandles()).toBeGreaterThan(before);
    await client.destroy();
    // discord.js closes with 1000, which ends the session: nothing is left to receive an interaction.
    await new Promise((r) => setTimeout(r, 20));
    expect(() => discord.dispatchCommand({ name: 'video' })).toThrow(/no bot is connected/);
    await discord.close();
    await new Promise((r) => setImmediate(r));
    expect(tcpHandles()).toBe(before);
  });
});

describe('the fake Discord on its own (raw HTTP and WebSocket)', () => {
  it('a client without the GUILDS intent gets READY with the servers and no GUILD_CREATE, and still gets interactions', async () => {
    discord = await startFakeDiscord({ guilds: 3, guildShape: { channels: 50, roles: 30, emojis: 20 } });
    const gw = openGateway(`${discord.gatewayUrl}?v=10&encoding=json`);
    await gw.until(() => gw.frames.length > 0);
    gw.send({ op: 2, d: { token: discord.botToken, intents: 0, properties: {} } });
    await discord.waitForReady();
    const ix = discord.dispatchCommand({ name: 'video', guildId: discord.guildIds[2]! });
    discord.dispatchEvent('THREAD_CREATE', { id: '1', guild_id: discord.guildIds[0], type: 11 });
    await gw.until(() => gw.frames.some((f) => f.t === 'INTERACTION_CREATE'));
    const dispatches = gw.frames.filter((f) => f.op === 0);
    expect(dispatches.map((f) => f.t)).toEqual(['READY', 'INTERACTION_CREATE']);
    expect((dispatches[0]!.d as { guilds: unknown[] }).guilds).toHaveLength(3);
    expect((dispatches[1]!.d as { id: string }).id).toBe(ix.id);
  });

  it('speaks the gateway protocol: HELLO, heartbeat ACK, READY then GUILD_CREATEs, 4004 for a bad token, RESUME', async () => {
    discord = await startFakeDiscord({ guilds: 2, heartbeatIntervalMs: 5000 });
    const url = `${discord.gatewayUrl}?v=10&encoding=json`;

    const bad = openGateway(url);
    await bad.until(() => bad.frames.length > 0);
    expect(bad.frames[0]).toEqual({ op: 10, d: { heartbeat_interval: 5000 } });
    bad.send({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } });
    expect(await bad.closed).toBe(4004);

    const good = openGateway(url);
    await good.until(() => good.frames.length > 0);
    good.send({ op: 1, d: null });
    await good.until(() => good.frames.some((f) => f.op === 11));
    good.send({ op: 2, d: { token: discord.botToken, intents: 1, properties: {} } });
    await discord.waitForReady();
    await good.until(() => good.frames.filter((f) => f.t === 'GUILD_CREATE').length === 2);
    const dispatches = good.frames.filter((f) => f.op === 0);
    expect(dispatches.map((f) => [f.t, f.s])).toEqual([
      ['READY', 1],
      ['GUILD_CREATE', 2],
      ['GUILD_CREATE', 3],
    ]);
    expect(dispatches[0]!.d).toMatchObject({
      user: { id: discord.applicationId, bot: true },
      application: { id: discord.applicationId },
      guilds: discord.guildIds.map((id) => ({ id, unavailable: true })),
      resume_gateway_url: discord.gatewayUrl,
    });
    expect(dispatches[1]!.d).toMatchObject({
      id: discord.guildIds[0],
      channels: [{ id: discord.channelIdOf(discord.guildIds[0]!), type: 0 }],
      roles: [{ id: discord.guildIds[0], name: '@everyone' }],
      members: [{ user: { id: discord.botUser.id } }],
    });

    const ix = discord.dispatchCommand({ name: 'video', guildId: discord.guildIds[1]!, locale: 'fr' });
    await good.until(() => good.frames.some((f) => f.t === 'INTERACTION_CREATE'));
    const create = good.frames.find((f) => f.t === 'INTERACTION_CREATE')!;
    expect(create.s).toBe(4);
    expect(create.d).toMatchObject({
      id: ix.id,
      token: ix.token,
      type: 2,
      guild_id: discord.guildIds[1],
      channel_id: discord.channelIdOf(discord.guildIds[1]!),
      locale: 'fr',
      guild_locale: 'en-US',
      attachment_size_limit: 10 * 1024 * 1024,
      app_permissions: expect.any(String),
      member: { permissions: expect.any(String) },
      data: { name: 'video', type: 1 },
    });

    // The connection drops after s=3 was seen: RESUME replays s=4, then RESUMED.
    const sessionId = dispatches[0]!.d.session_id as string;
    good.ws.terminate();
    await good.closed;
    const resumed = openGateway(url);
    await resumed.until(() => resumed.frames.length > 0);
    resumed.send({ op: 6, d: { token: discord.botToken, session_id: sessionId, seq: 3 } });
    await resumed.until(() => resumed.frames.some((f) => f.t === 'RESUMED'));
    expect(resumed.frames.slice(1).map((f) => [f.t, f.s])).toEqual([
      ['INTERACTION_CREATE', 4],
      ['RESUMED', 5],
    ]);

    // An unknown session cannot be resumed; the client must identify again.
    const unknown = openGateway(url);
    await unknown.until(() => unknown.frames.length > 0);
    unknown.send({ op: 6, d: { token: discord.botToken, session_id: 'nope', seq: 1 } });
    await unknown.until(() => unknown.frames.length > 1);
    expect(unknown.frames[1]).toEqual({ op: 9, d: false });
    unknown.send({ op: 42, d: null });
    expect(await unknown.closed).toBe(4001);
    expect(discord.resumes.map((r) => r.resumed)).toEqual([true, false]);

    const oldVersion = openGateway(`${discord.gatewayUrl}?v=9&encoding=json`);
    expect(await oldVersion.closed).toBe(4012);
    resumed.ws.close();
  });

  it('enforces tokens, deadlines, sizes and unknown resources with Discord error codes', async () => {
    discord = await startFakeDiscord({ ackDeadlineMs: 200, guilds: [{ premiumTier: 0 }, { premiumTier: 2 }] });
    // No discord.js here: a raw socket identifies and receives the dispatches.
    const ws = new WebSocket(discord.gatewayUrl);
    ws.on('open', () =>
      ws.send(JSON.stringify({ op: 2, d: { token: discord!.botToken, intents: 1, properties: {} } })),
    );
    await discord.waitForReady();
    const d = discord;
    const app = d.applicationId;

    expect(await call(d, 'GET', '/users/@me', undefined, 'Bot wrong')).toMatchObject({
      status: 401,
      json: { code: 0, message: '401: Unauthorized' },
    });
    expect(await call(d, 'GET', '/users/@me')).toMatchObject({ status: 200, json: { id: app, bot: true } });
    expect(await call(d, 'GET', '/applications/@me')).toMatchObject({
      status: 200,
      json: { id: app, bot: { id: app } },
    });
    const unknown = await call(d, 'GET', '/guilds/1/roles');
    expect(unknown).toMatchObject({ status: 404, json: { code: 0, message: '404: Not Found' } });
    expect(d.requests.at(-1)).toMatchObject({ route: 'GET /guilds/1/roles', status: 404 });
    expect(unknown.headers.get('x-ratelimit-remaining')).toBe('999');
    expect(await call(d, 'GET', '/channels/1')).toMatchObject({
      status: 404,
      json: { code: 10003, message: 'Unknown Channel' },
    });
    expect(await call(d, 'GET', `/channels/${d.channelIdOf(d.guildIds[0]!)}/messages/1`)).toMatchObject({
      status: 404,
      json: { code: 10008 },
    });

    // Acknowledged too late.
    const late = d.dispatchCommand({ name: 'video' });
    d.advanceClock(250);
    expect(await call(d, 'POST', `/interactions/${late.id}/${late.token}/callback`, { type: 5 }, null)).toMatchObject({
      status: 404,
      json: { code: 10062, message: 'Unknown interaction' },
    });

    // A multipart reply with a file, asking for the callback response.
    const withFile = d.dispatchCommand({ name: 'video' });
    const form = new FormData();
    form.append(
      'payload_json',
      JSON.stringify({ type: 4, data: { content: 'file', attachments: [{ id: 0, filename: 'a.txt' }] } }),
    );
    form.append('files[0]', new Blob([Buffer.from('abc')], { type: 'text/plain' }), 'a.txt');
    const answered = await call(
      d,
      'POST',
      `/interactions/${withFile.id}/${withFile.token}/callback?with_response=true`,
      form,
      null,
    );
    expect(answered).toMatchObject({
      status: 200,
      json: {
        interaction: { id: withFile.id, type: 2, response_message_loading: false, response_message_ephemeral: false },
        resource: {
          type: 4,
          message: { content: 'file', attachments: [{ filename: 'a.txt', size: 3 }], author: { id: app } },
        },
      },
    });
    expect(d.requests.at(-1)!.files).toMatchObject([
      { field: 'files[0]', name: 'a.txt', contentType: 'text/plain', size: 3 },
    ]);

    // Deferred; the first follow-up fills the loading message; a file over the interaction's limit is refused.
    const ix = d.dispatchCommand({ name: 'video', attachmentSizeLimit: 1000 });
    expect(
      (
        await call(
          d,
          'POST',
          `/interactions/${ix.id}/${ix.token}/callback?with_response=true`,
          { type: 5, data: { flags: 64 } },
          null,
        )
      ).json,
    ).toEqual({
      interaction: {
        id: ix.id,
        type: 2,
        response_message_id: d.originalMessage(ix.id)!.id,
        response_message_loading: true,
        response_message_ephemeral: true,
      },
      resource: { type: 5 },
    });
    const big = new FormData();
    big.append('payload_json', JSON.stringify({ content: 'big', attachments: [{ id: 0 }] }));
    big.append('files[0]', new Blob([Buffer.alloc(1001)], { type: 'video/mp4' }), 'big.mp4');
    expect(await call(d, 'PATCH', `/webhooks/${app}/${ix.token}/messages/@original`, big, null)).toMatchObject({
      status: 413,
      json: { code: 40005, message: 'Request entity too large' },
    });
    expect(d.requests.at(-1)!.files).toMatchObject([{ name: 'big.mp4', size: 1001, contentType: 'video/mp4' }]);
    const filled = await call(
      d,
      'POST',
      `/webhooks/${app}/${ix.token}`,
      { content: 'first follow-up', flags: 0 },
      null,
    );
    expect(filled).toMatchObject({
      status: 200,
      json: { id: d.originalMessage(ix.id)!.id, content: 'first follow-up', flags: 64, author: { id: app, bot: true } },
    });
    const second = await call(d, 'POST', `/webhooks/${app}/${ix.token}?wait=true`, { content: 'second' }, null);
    expect(second).toMatchObject({
      status: 200,
      json: { content: 'second', webhook_id: app, interaction_metadata: { id: ix.id } },
    });
    expect(
      d.messages
        .inChannel(ix.channelId)
        .filter((m) => m.interactionId === ix.id)
        .map((m) => [m.kind, m.content]),
    ).toEqual([
      ['original', 'first follow-up'],
      ['followup', 'second'],
    ]);
    // A token reaches its own messages only.
    expect(
      await call(d, 'PATCH', `/webhooks/${app}/${withFile.token}/messages/${second.json!.id}`, { content: 'x' }, null),
    ).toMatchObject({ status: 404, json: { code: 10008 } });

    // Bot-token uploads follow the guild's boost tier: 10 MiB unboosted, 50 MiB at tier 2.
    const upload = (channelId: string, size: number) => {
      const f = new FormData();
      f.append('payload_json', JSON.stringify({ content: 'up' }));
      f.append('files[0]', new Blob([Buffer.alloc(size)]), 'v.mp4');
      return call(d, 'POST', `/channels/${channelId}/messages`, f);
    };
    expect((await upload(d.channelIdOf(d.guildIds[0]!), 11 * 1024 * 1024)).json).toMatchObject({ code: 40005 });
    expect((await upload(d.channelIdOf(d.guildIds[1]!), 11 * 1024 * 1024)).status).toBe(200);
    const boosted = d.dispatchCommand({ name: 'video', guildId: d.guildIds[1]! });
    expect(d.interactions.get(boosted.id)!.attachmentSizeLimit).toBe(50 * 1024 * 1024);

    // Injected faults play once, in order, then the route works again.
    d.injectRestFault({ route: /webhooks/, status: 404, code: 10015 });
    d.injectRestFault({ status: 500 });
    expect(await call(d, 'GET', `/webhooks/${app}/${ix.token}/messages/@original`, undefined, null)).toMatchObject({
      status: 404,
      json: { code: 10015, message: 'Unknown Webhook' },
    });
    expect((await call(d, 'GET', `/webhooks/${app}/${ix.token}/messages/@original`, undefined, null)).status).toBe(500);
    expect((await call(d, 'GET', `/webhooks/${app}/${ix.token}/messages/@original`, undefined, null)).status).toBe(200);
    d.deleteMessage(d.originalMessage(ix.id)!.id);
    expect(await call(d, 'GET', `/webhooks/${app}/${ix.token}/messages/@original`, undefined, null)).toMatchObject({
      status: 404,
      json: { code: 10008, message: 'Unknown Message' },
    });
    ws.close();
  });

  it('sends 5,000 GUILD_CREATEs quickly', async () => {
    discord = await startFakeDiscord({ guilds: 5000 });
    const started = Date.now();
    const gw = openGateway(`${discord.gatewayUrl}?v=10&encoding=json`);
    await gw.until(() => gw.frames.length > 0);
    gw.send({ op: 2, d: { token: discord.botToken, intents: 1, properties: {} } });
    await gw.until(() => gw.frames.length === 5002);
    expect(gw.frames.at(-1)).toMatchObject({ t: 'GUILD_CREATE', s: 5001, d: { id: discord.guildIds[4999] } });
    expect(Date.now() - started).toBeLessThan(5000);
    gw.ws.close();
  });
});

/** One more discord.js client on the fake: another bot process. */
async function another(d: FakeDiscord): Promise<Client> {
  const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: d.restUrl } });
  others.push(c);
  const ready = new Promise<void>((r) => c.once('clientReady', () => r()));
  await c.login(d.botToken);
  await ready;
  return c;
}

/** A raw gateway connection that has identified (a bot process that can be killed with `ws.terminate()`). */
async function identified(d: FakeDiscord) {
  const gw = openGateway(`${d.gatewayUrl}?v=10&encoding=json`);
  await gw.until(() => gw.frames.length > 0);
  gw.send({ op: 2, d: { token: d.botToken, intents: 1, properties: {} } });
  await gw.until(() => gw.frames.some((f) => f.t === 'READY'));
  return gw;
}
const interactionIds = (gw: ReturnType<typeof openGateway>) =>
  gw.frames.filter((f) => f.t === 'INTERACTION_CREATE').map((f) => f.d.id as string);
const seen = (c: Client) => {
  const ids: string[] = [];
  c.on('interactionCreate', (i) => void ids.push(i.id));
  return ids;
};
const until = async (pred: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('several bot processes and random faults (the chaos soak)', () => {
  it('every connection gets each interaction; a killed one is left out, a new one is served, all resume after disconnectGateway()', async () => {
    const { discord, client } = await connect();
    const b = await another(discord);
    const doomed = await identified(discord);
    const [gotA, gotB] = [seen(client), seen(b)];

    const first = discord.dispatchCommand({ name: 'video' });
    await until(() => gotA.includes(first.id) && gotB.includes(first.id));
    await doomed.until(() => interactionIds(doomed).includes(first.id));
    // The first process to answer wins; the other is refused, as with Discord.
    const answer = (type: number) =>
      call(
        discord,
        'POST',
        `/interactions/${first.id}/${first.token}/callback`,
        { type, data: { content: 'card' } },
        null,
      );
    expect((await answer(4)).status).toBe(204);
    expect((await answer(4)).json).toMatchObject({ code: 40060 });
    const card = discord.originalMessage(first.id)!;

    // kill -9: the socket just dies (1006); dispatching still works and reaches the live ones.
    doomed.ws.terminate();
    expect(await doomed.closed).toBe(1006);
    const click = discord.dispatchComponent({ customId: 'v1:reroll:x', messageId: card.id });
    await until(() => gotA.includes(click.id) && gotB.includes(click.id));
    // A new process starts: it gets what is dispatched from then on, the others too.
    const fresh = await identified(discord);
    const modal = discord.dispatchModalSubmit({
      customId: 'v1:remix:x',
      fields: { prompt: 'p' },
      message: { id: card.id },
    });
    await fresh.until(() => interactionIds(fresh).includes(modal.id));
    await until(() => gotA.includes(modal.id) && gotB.includes(modal.id));
    expect(interactionIds(doomed)).toEqual([first.id]);
    expect(interactionIds(fresh)).toEqual([modal.id]);

    // disconnectGateway() drops every connection: both discord.js processes resume, the raw one sees 4000.
    discord.disconnectGateway();
    expect(await fresh.closed).toBe(4000);
    await until(() => discord.resumes.filter((r) => r.resumed).length === 2);
    await discord.waitForReady();
    const after = discord.dispatchCommand({ name: 'video' });
    await until(() => gotA.includes(after.id) && gotB.includes(after.id));
    expect(discord.identifies).toHaveLength(4);
  });

  it('closeDms, deleteMessage and the injected faults reach every process', async () => {
    const { discord, client } = await connect();
    const b = await another(discord);
    const app = discord.applicationId;
    const user = '400000000000000004';

    // closeDms: whichever process sends the DM gets 50007 (opening the channel works).
    discord.closeDms(user);
    for (const c of [client, b])
      await expect((await c.users.createDM(user)).send('x')).rejects.toMatchObject({
        code: 50007,
        status: 403,
      });

    // deleteMessage: the card one process made is gone for the other.
    const channel = await b.channels.fetch(discord.channelIdOf(discord.guildIds[0]!));
    if (!channel?.isTextBased() || channel.isDMBased()) throw new Error('expected a guild text channel');
    const posted = await channel.send('card');
    discord.deleteMessage(posted.id);
    const other = await client.channels.fetch(channel.id);
    if (!other?.isTextBased()) throw new Error('expected a text channel');
    await expect(other.messages.edit(posted.id, { content: 'x' })).rejects.toMatchObject({ code: 10008 });

    // An expired interaction token on the webhook routes: 404 10062.
    const ix = discord.dispatchCommand({ name: 'video' });
    await call(discord, 'POST', `/interactions/${ix.id}/${ix.token}/callback`, { type: 5 }, null);
    discord.injectRestFault({ route: WEBHOOK_EDIT, status: 404, code: 10062 });
    discord.injectRestFault({ route: 'POST /webhooks/:appId/:token', status: 404, code: 10062 });
    expect(
      await call(discord, 'PATCH', `/webhooks/${app}/${ix.token}/messages/@original`, { content: 'x' }, null),
    ).toMatchObject({ status: 404, json: { code: 10062, message: 'Unknown interaction' } });
    expect(await call(discord, 'POST', `/webhooks/${app}/${ix.token}`, { content: 'x' }, null)).toMatchObject({
      status: 404,
      json: { code: 10062 },
    });
    // 429 with retry_after (body and header), then a 500.
    discord.injectRestFault({ route: WEBHOOK_EDIT, status: 429, retryAfterSec: 2 });
    discord.injectRestFault({ route: WEBHOOK_EDIT, status: 500 });
    const limited = await call(discord, 'PATCH', `/webhooks/${app}/${ix.token}/messages/@original`, {}, null);
    expect(limited).toMatchObject({ status: 429, json: { retry_after: 2, global: false } });
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await call(discord, 'PATCH', `/webhooks/${app}/${ix.token}/messages/@original`, {}, null)).status).toBe(
      500,
    );
    // 413 on uploads only: the same edit without a file goes through.
    discord.injectRestFault({ route: WEBHOOK_EDIT, status: 413, withFilesOnly: true });
    expect(
      (await call(discord, 'PATCH', `/webhooks/${app}/${ix.token}/messages/@original`, { content: 'a' }, null)).status,
    ).toBe(200);
    const form = new FormData();
    form.append('payload_json', JSON.stringify({ content: 'video', attachments: [{ id: 0 }] }));
    form.append('files[0]', new Blob([Buffer.alloc(10)], { type: 'video/mp4' }), 'v.mp4');
    expect(await call(discord, 'PATCH', `/webhooks/${app}/${ix.token}/messages/@original`, form, null)).toMatchObject({
      status: 413,
      json: { code: 40005 },
    });
    expect(discord.restFaultCounts()).toEqual({ '404:10062': 2, '429': 1, '500': 1, '413:40005': 1 });
  });

  it('a fault hook is asked when no injected fault matches; its faults are counted', async () => {
    discord = await startFakeDiscord();
    const d = discord;
    const asked: Array<[string, boolean]> = [];
    d.setRestFaultHook((route, hasFiles) => {
      asked.push([route, hasFiles]);
      if (route === 'POST /channels/:channelId/messages') return hasFiles ? { status: 413 } : { status: 502 };
      if (route === 'GET /users/@me') return { status: 429, retryAfterSec: 1, global: true };
      return undefined;
    });
    const channel = d.channelIdOf(d.guildIds[0]!);
    expect((await call(d, 'POST', `/channels/${channel}/messages`, { content: 'x' })).status).toBe(502);
    const form = new FormData();
    form.append('payload_json', JSON.stringify({ content: 'v' }));
    form.append('files[0]', new Blob([Buffer.alloc(5)]), 'v.mp4');
    expect((await call(d, 'POST', `/channels/${channel}/messages`, form)).json).toMatchObject({ code: 40005 });
    expect((await call(d, 'GET', '/users/@me')).json).toMatchObject({ retry_after: 1, global: true });
    expect((await call(d, 'GET', `/channels/${channel}`)).status).toBe(200);
    d.injectRestFault({ route: 'GET /users/@me', status: 500 });
    expect((await call(d, 'GET', '/users/@me')).status).toBe(500); // the injected one first: the hook is not asked
    expect(asked).toEqual([
      ['POST /channels/:channelId/messages', false],
      ['POST /channels/:channelId/messages', true],
      ['GET /users/@me', false],
      ['GET /channels/:channelId', false],
    ]);
    d.setRestFaultHook(undefined);
    expect((await call(d, 'GET', '/users/@me')).status).toBe(200);
    expect(d.restFaultCounts()).toEqual({ '502': 1, '413:40005': 1, '429': 1, '500': 1 });
  });

  it('recordRequests: false keeps no requests but counts .mp4 uploads per message; messages keep their edits', async () => {
    discord = await startFakeDiscord({ recordRequests: false });
    const d = discord;
    const app = d.applicationId;
    const gw = await identified(d);
    const mp4 = (content: string, name = 'v.mp4') => {
      const form = new FormData();
      form.append('payload_json', JSON.stringify({ content, attachments: [{ id: 0 }] }));
      form.append('files[0]', new Blob([Buffer.alloc(20)], { type: 'video/mp4' }), name);
      return form;
    };
    const ix = d.dispatchCommand({ name: 'video', attachmentSizeLimit: 1000 });
    await call(d, 'POST', `/interactions/${ix.id}/${ix.token}/callback`, { type: 5 }, null);
    const card = d.originalMessage(ix.id)!.id;
    expect((await call(d, 'PATCH', `/webhooks/${app}/${ix.token}/messages/@original`, mp4('one'), null)).status).toBe(
      200,
    );
    expect((await call(d, 'PATCH', `/webhooks/${app}/${ix.token}/messages/@original`, mp4('two'), null)).status).toBe(
      200,
    );
    // Not counted: a refused upload, a file that is not an .mp4, an edit without a file.
    d.injectRestFault({ route: WEBHOOK_EDIT, status: 413, withFilesOnly: true });
    expect((await call(d, 'PATCH', `/webhooks/${app}/${ix.token}/messages/@original`, mp4('x'), null)).status).toBe(
      413,
    );
    expect(
      (await call(d, 'PATCH', `/webhooks/${app}/${ix.token}/messages/@original`, mp4('png', 'a.png'), null)).status,
    ).toBe(200);
    expect(
      (await call(d, 'PATCH', `/webhooks/${app}/${ix.token}/messages/@original`, { content: 'three' }, null)).status,
    ).toBe(200);
    const follow = await call(d, 'POST', `/webhooks/${app}/${ix.token}`, mp4('follow-up'), null);
    const channelPost = await call(d, 'POST', `/channels/${ix.channelId}/messages`, mp4('fresh card'));
    expect([follow.status, channelPost.status]).toEqual([200, 200]);

    expect(d.requests).toEqual([]);
    expect(d.uploadCount()).toBe(4);
    expect(d.uploadsByMessage()).toEqual(
      new Map([
        [card, 2],
        [follow.json!.id as string, 1],
        [channelPost.json!.id as string, 1],
      ]),
    );
    expect(d.messages.get(card)).toMatchObject({ content: 'three', edits: 4, attachments: [{ filename: 'a.png' }] });
    gw.ws.close();
  });
});
