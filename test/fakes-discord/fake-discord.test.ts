import { Client, GatewayIntentBits, MessageFlags, type Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/index.js';

let discord: FakeDiscord | undefined;
let client: Client | undefined;

async function connect(guilds = 1) {
  discord = await startFakeDiscord({ guilds });
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.restUrl } });
  const ready = new Promise<void>((r) => client!.once('clientReady', () => r()));
  await client.login(discord.botToken);
  await ready;
  return { discord, client };
}

function nextInteraction(c: Client): Promise<Interaction> {
  return new Promise((resolve) => c.once('interactionCreate', resolve));
}

afterEach(async () => {
  await client?.destroy();
  await discord?.close();
  client = undefined;
  discord = undefined;
});

describe('a real discord.js Client against the fake Discord', () => {
  it('logs in through GET /gateway/bot and caches every guild from GUILD_CREATE', async () => {
    const { discord, client } = await connect(200);
    expect(client.guilds.cache.size).toBe(200);
    expect(client.channels.cache.has(discord.guilds[0]!.channelId)).toBe(true);
    expect(discord.requests.some((r) => r.route === 'GET /gateway/bot')).toBe(true);
  });

  it('receives a command with a resolved attachment, defers, then edits in an embed and a file', async () => {
    const { discord, client } = await connect();
    const got = nextInteraction(client);
    const ix = discord.dispatchCommand({ name: 'video', subcommand: 'images', locale: 'zh-CN', options: [{ name: 'prompt', value: 'a fox' }], attachments: [{ optionName: 'image1', filename: 'fox.png', contentType: 'image/png', size: 1234, width: 640, height: 480 }], attachmentSizeLimit: 25 * 1024 * 1024 });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.locale).toBe('zh-CN');
    expect(interaction.attachmentSizeLimit).toBe(25 * 1024 * 1024);
    expect(interaction.options.getSubcommand()).toBe('images');
    expect(interaction.options.getAttachment('image1')).toMatchObject({ name: 'fox.png', contentType: 'image/png', size: 1234 });
    await interaction.deferReply();
    await interaction.editReply({ embeds: [{ title: 'done' }], files: [{ attachment: Buffer.from('video-bytes'), name: 'v.mp4' }] });
    expect((await discord.waitForCallback(ix.id)).type).toBe(5);
    const patch = discord.requests.find((r) => r.route === 'PATCH /webhooks/:appId/:token/messages/:messageId')!;
    expect(patch.files[0]).toMatchObject({ name: 'v.mp4', size: 11 });
    expect(patch.files[0]!.data.toString()).toBe('video-bytes');
    expect(discord.originalMessage(ix.id)).toMatchObject({ embeds: [{ title: 'done' }], attachments: [{ filename: 'v.mp4' }] });
  });

  it('a second acknowledgement is refused with 40060', async () => {
    const { discord, client } = await connect();
    const got = nextInteraction(client);
    discord.dispatchCommand({ name: 'video', options: [] });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a command');
    await interaction.reply({ content: 'one', flags: MessageFlags.Ephemeral });
    interaction.replied = false; // pretend to be a second process that did not see the first reply
    await expect(interaction.reply({ content: 'two' })).rejects.toMatchObject({ code: 40060 });
  });

  it('a button click can update its message', async () => {
    const { discord, client } = await connect();
    let got = nextInteraction(client);
    const cmd = discord.dispatchCommand({ name: 'video', options: [] });
    const first = await got;
    if (!first.isChatInputCommand()) throw new Error('expected a command');
    await first.reply({ content: 'card', components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Go', custom_id: 'v1:reroll:abc' }] }] });
    const messageId = discord.originalMessage(cmd.id)!.id;
    got = nextInteraction(client);
    discord.dispatchComponent({ customId: 'v1:reroll:abc', messageId });
    const click = await got;
    if (!click.isButton()) throw new Error('expected a button');
    expect(click.customId).toBe('v1:reroll:abc');
    await click.update({ content: 'updated' });
    expect(discord.messages.byId.get(messageId)!.content).toBe('updated');
  });

  it('survives a 429 on the webhook edit: the edit lands after Retry-After', async () => {
    const { discord, client } = await connect();
    const got = nextInteraction(client);
    const ix = discord.dispatchCommand({ name: 'video', options: [] });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a command');
    await interaction.deferReply();
    discord.injectRestFault({ route: 'PATCH /webhooks/:appId/:token/messages/:messageId', status: 429, retryAfterSec: 1 });
    const started = Date.now();
    await interaction.editReply({ content: 'after the limit' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const edits = discord.requests.filter((r) => r.route === 'PATCH /webhooks/:appId/:token/messages/:messageId');
    expect(edits.map((r) => r.status)).toEqual([429, 200]);
    expect(discord.originalMessage(ix.id)!.content).toBe('after the limit');
  });

  it('after 15 minutes the webhook token is dead (50027) but the channel edit works', async () => {
    const { discord, client } = await connect();
    const got = nextInteraction(client);
    const ix = discord.dispatchCommand({ name: 'video', options: [] });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a command');
    await interaction.reply({ content: 'working' });
    discord.advanceClock(16 * 60 * 1000);
    await expect(interaction.editReply({ content: 'late' })).rejects.toMatchObject({ code: 50027 });
    const message = discord.originalMessage(ix.id)!;
    const channel = await client.channels.fetch(message.channelId);
    if (!channel?.isTextBased()) throw new Error('expected a text channel');
    await channel.messages.edit(message.id, { content: 'edited through the channel' });
    expect(discord.messages.byId.get(message.id)!.content).toBe('edited through the channel');
  });
});
