/**
 * Apps → Animate and Apps → Use as references on a member's message, through the fake Discord with a real
 * discord.js client: the form (model, defaults, image pick), the submit that re-reads the message and signs its
 * stale file URLs anew, the public card linking back to the message, and the private refusals that change nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { EPHEMERAL, MANAGE_GUILD, type AttachmentSpec, type StoredMessage } from '../fakes/discord/index.js';
import { eventually, type Harness, NO_LIMITS_ENV, startHarness } from '../harness.js';

const MEMBER = { id: '360000000000000001', username: 'ines' };
const POSTER = { id: '360000000000000002', username: 'jon' };
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Modal = { custom_id: string; title: string; components: unknown[] };
type Reply = { content?: string; flags?: number; embeds?: Array<{ fields?: Array<{ name: string; value: string }> }> };

const png = (filename: string, extra: Partial<AttachmentSpec> = {}): AttachmentSpec => ({
  filename,
  contentType: 'image/png',
  size: 200_000,
  width: 1280,
  height: 720,
  ...extra,
});
const mp4: AttachmentSpec = { filename: 'walk.mp4', contentType: 'video/mp4', size: 3_000_000 };

function post(attachments: AttachmentSpec[], extra: { content?: string; embeds?: unknown[] } = {}) {
  return h!.discord.postMessage({ author: POSTER, attachments, content: extra.content ?? 'look at this', ...extra });
}

async function menu(name: 'Animate' | 'Use as references', message: StoredMessage, locale?: string) {
  const ix = h!.discord.dispatchMessageCommand({ name, message: { id: message.id }, user: MEMBER, locale });
  return { ix, callback: await h!.discord.waitForCallback(ix.id) };
}

async function submit(
  customId: string,
  fields: Record<string, string>,
  options: { selects?: Record<string, string[]>; locale?: string } = {},
) {
  const ix = h!.discord.dispatchModalSubmit({ customId, fields, user: MEMBER, ...options });
  return { ix, reply: (await h!.discord.waitForCallback(ix.id, 10_000)).data as Reply };
}

const tasks = () => h!.app.tasks.listRecentByUser(MEMBER.id);
const newTask = () => eventually(async () => (await tasks())[0], 5000, 'the task');
const linkTo = (m: StoredMessage) => `https://discord.com/channels/${m.guildId}/${m.channelId}/${m.id}`;
const fromField = (reply: Reply) => reply.embeds?.[0]?.fields?.find((f) => f.name === 'From')?.value;
const signedUntil = (url: string) => Number.parseInt(new URL(url).searchParams.get('ex') ?? '0', 16) * 1000;

async function setDefaults(model: string) {
  const ix = h!.discord.dispatchCommand({
    name: 'settings',
    subcommand: 'defaults',
    user: MEMBER,
    options: [{ name: 'model', value: model }],
  });
  await h!.discord.waitForCallback(ix.id);
}

describe('Animate on a message with one image', () => {
  it('opens a form naming the model; the image becomes the first frame, the stale URL is signed anew, the card links back', async () => {
    h = await startHarness({ env: NO_LIMITS_ENV });
    const message = post([png('cat.png')]);
    const { callback } = await menu('Animate', message);
    expect(callback.type).toBe(9);
    const modal = callback.data as unknown as Modal;
    expect(modal.custom_id).toBe(`v1:srcform:a:${message.channelId}:${message.id}:seedance2.0-mini-sp`);
    expect(modal.title).toBe('Animate this message');
    const form = JSON.stringify(modal.components);
    expect(form).toContain("Model: seedance2.0-mini-sp (this server's default)");
    // The duration is prefilled (the model's default here); one image: nothing to pick.
    expect(form).toMatch(/"custom_id":"duration"[^}]*"value":"\d+"/);
    expect(form).not.toContain('"custom_id":"pick"');

    const refreshes = h.discord.requestsTo('POST /attachments/refresh-urls').length;
    const { reply } = await submit(modal.custom_id, { prompt: 'the cat stretches and yawns', duration: '6' });
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(fromField(reply)).toBe(`Animated from [this message](${linkTo(message)})`);
    const task = await newTask();
    expect(task).toMatchObject({
      model: 'seedance2.0-mini-sp',
      request: { prompt: 'the cat stretches and yawns', duration: 6 },
      source: { kind: 'animate', messageUrl: linkTo(message) },
    });
    expect(task.request.images).toBeUndefined();
    // The message was read again, and its URL (ex=0, long expired) was signed anew before it was sent.
    expect(h.discord.requestsTo('GET /channels/:channelId/messages/:messageId').length).toBeGreaterThan(0);
    expect(h.discord.requestsTo('POST /attachments/refresh-urls').length).toBe(refreshes + 1);
    expect(task.request.first_image).toContain(
      `/attachments/${message.channelId}/${message.attachments[0]!.id}/cat.png`,
    );
    expect(signedUntil(task.request.first_image!)).toBeGreaterThan(h.clock.now());
    await eventually(() => h!.seedance.createCount() === 1, 5000, 'one create');
  });

  it("on the member's default that takes no first frame, the image is a reference image (the form says so)", async () => {
    h = await startHarness({ env: NO_LIMITS_ENV });
    await setDefaults('seedance2.0-md');
    const message = post([png('dog.png')]);
    const modal = (await menu('Animate', message)).callback.data as unknown as Modal;
    expect(modal.custom_id.endsWith(':seedance2.0-md')).toBe(true);
    expect(JSON.stringify(modal.components)).toContain('Model: seedance2.0-md (your default)');
    const { reply } = await submit(modal.custom_id, { prompt: 'the dog wags its tail', duration: '5' });
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(0);
    const task = await newTask();
    expect(task.model).toBe('seedance2.0-md');
    expect(task.request.first_image).toBeUndefined();
    expect(task.request.images).toHaveLength(1);
    // The model the form named was the member's default, left as it was: the card says so, as for /video.
    expect(task.memberDefaults).toEqual({ model: 'seedance2.0-md' });
    expect(reply.embeds?.[0]?.fields?.find((f) => f.name === 'Your default')?.value).toBe('`seedance2.0-md`');
  });

  it('an image embed counts as an image; a URL still fresh is not refreshed', async () => {
    h = await startHarness({ env: NO_LIMITS_ENV });
    const message = post([], {
      embeds: [
        { type: 'image', url: 'https://example.com/owl.jpg', thumbnail: { url: 'https://example.com/owl.jpg' } },
      ],
    });
    const modal = (await menu('Animate', message)).callback.data as unknown as Modal;
    const refreshes = h.discord.requestsTo('POST /attachments/refresh-urls').length;
    await submit(modal.custom_id, { prompt: 'the owl turns its head' });
    const task = await newTask();
    expect(task.request.first_image).toBe('https://example.com/owl.jpg');
    expect(h.discord.requestsTo('POST /attachments/refresh-urls').length).toBe(refreshes);
  });
});

describe('Animate on a message with several images', () => {
  it('the form lets the member pick one (it becomes the first frame) or all of them as references', async () => {
    h = await startHarness({ env: NO_LIMITS_ENV });
    const message = post([png('a.png'), png('b.png'), png('c.png')]);
    const modal = (await menu('Animate', message)).callback.data as unknown as Modal;
    const form = JSON.stringify(modal.components);
    expect(form).toContain('"custom_id":"pick"');
    for (const value of ['"value":"0"', '"value":"1"', '"value":"2"', '"value":"all"']) expect(form).toContain(value);
    expect(form).toContain('Image 2: b.png');
    expect(form).toContain('All 3 images as references');

    await submit(modal.custom_id, { prompt: 'the second one moves' }, { selects: { pick: ['1'] } });
    const one = await newTask();
    expect(one.request.first_image).toContain('/b.png');
    expect(one.request.images).toBeUndefined();

    await submit(modal.custom_id, { prompt: 'all of them together' }, { selects: { pick: ['all'] } });
    const all = await eventually(
      async () => (await tasks()).find((t) => t.request.prompt === 'all of them together'),
      5000,
      'the second task',
    );
    expect(all.request.first_image).toBeUndefined();
    expect(all.request.images?.map((u) => new URL(u).pathname.split('/').pop())).toEqual(['a.png', 'b.png', 'c.png']);
  });
});

describe('Use as references', () => {
  it('every image and the video become references on a model that takes both; the card links back', async () => {
    h = await startHarness({ env: NO_LIMITS_ENV });
    const message = post([png('front.png'), png('side.png'), mp4]);
    const modal = (await menu('Use as references', message)).callback.data as unknown as Modal;
    expect(modal.custom_id).toBe(`v1:srcform:r:${message.channelId}:${message.id}:seedance2.0-mini-sp`);
    expect(modal.title).toBe('Use as references');
    expect(JSON.stringify(modal.components)).not.toContain('"custom_id":"pick"');
    const { reply } = await submit(modal.custom_id, { prompt: 'the character walks like in the clip' });
    expect(fromField(reply)).toBe(`References from [this message](${linkTo(message)})`);
    const task = await newTask();
    expect(task.request.images).toHaveLength(2);
    expect(task.request.reference_videos).toHaveLength(1);
    expect(task.request.reference_videos![0]).toContain('/walk.mp4');
    expect(task.source).toEqual({ kind: 'references', messageUrl: linkTo(message) });
  });
});

describe('refusals are private and change nothing', () => {
  it('a message without media gets a clear private answer and no form', async () => {
    h = await startHarness({ env: NO_LIMITS_ENV });
    const message = post([{ filename: 'notes.txt', contentType: 'text/plain', size: 100 }], { content: 'just text' });
    for (const name of ['Animate', 'Use as references'] as const) {
      const { callback } = await menu(name, message);
      expect(callback.type).toBe(4);
      const reply = callback.data as Reply;
      expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(reply.content).toMatch(/no (image|image or video).*Nothing was created/);
    }
    expect(await tasks()).toEqual([]);
  });

  it("an invalid duration is refused in the member's language; nothing is created or charged", async () => {
    h = await startHarness({ env: NO_LIMITS_ENV });
    const message = post([png('cat.png')]);
    const modal = (await menu('Animate', message, 'zh-CN')).callback.data as unknown as Modal;
    expect(modal.title).toBe('让这条消息动起来');
    const { reply } = await submit(modal.custom_id, { prompt: '猫伸了个懒腰', duration: '99' }, { locale: 'zh-CN' });
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('不支持时长 99 秒');
    expect(await tasks()).toEqual([]);
    expect(h.seedance.createCount()).toBe(0);
  });

  it("the server's blocklist and channel rules apply as to /video", async () => {
    h = await startHarness({ env: NO_LIMITS_ENV });
    const guildId = h.discord.guilds[0]!.id;
    const settingsKey = keys.settings(guildId);
    await h.app.store.transact([settingsKey], (tx) => tx.set(settingsKey, { blocklist: ['gore'] }));
    const message = post([png('cat.png')]);
    const modal = (await menu('Animate', message)).callback.data as unknown as Modal;
    const blocked = await submit(modal.custom_id, { prompt: 'the cat, with gore' });
    expect((blocked.reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(blocked.reply.content).toContain('gore');
    // Only another channel allowed (an admin's change): the form from this one is refused on submit.
    const admin = h.discord.dispatchCommand({
      name: 'video-admin',
      subcommand: 'channel',
      user: { id: '360000000000000009' },
      permissions: MANAGE_GUILD,
      options: [
        { name: 'action', value: 'add' },
        { name: 'channel', value: '370000000000000099', type: ApplicationCommandOptionType.Channel },
      ],
    });
    await h.discord.waitForCallback(admin.id);
    const elsewhere = await submit(modal.custom_id, { prompt: 'the cat' });
    expect((elsewhere.reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(elsewhere.reply.content).toContain('370000000000000099');
    expect(await tasks()).toEqual([]);
    expect(h.seedance.createCount()).toBe(0);
  });

  it('a message deleted while the form was open: a private answer, nothing created', async () => {
    h = await startHarness({ env: NO_LIMITS_ENV });
    const message = post([png('cat.png')]);
    const modal = (await menu('Animate', message)).callback.data as unknown as Modal;
    h.discord.deleteMessage(message.channelId, message.id);
    const { reply } = await submit(modal.custom_id, { prompt: 'the cat' });
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('could not be read again');
    expect(await tasks()).toEqual([]);
  });
});

describe('a restart between opening the form and submitting it', () => {
  it('the form still works: its id carries the message and the model, read again on submit', async () => {
    h = await startHarness({ env: NO_LIMITS_ENV });
    const message = post([png('cat.png')]);
    const modal = (await menu('Animate', message)).callback.data as unknown as Modal;
    await h.restart();
    const { reply } = await submit(modal.custom_id, { prompt: 'after the restart' });
    expect(fromField(reply)).toBe(`Animated from [this message](${linkTo(message)})`);
    expect((await newTask()).request.first_image).toContain('/cat.png');
  });
});

describe('where the bot is not (user install)', () => {
  const ELSEWHERE = '370000000000000001';
  const CHANNEL = '370000000000000002';
  const USER_INSTALL_ENV = { USER_INSTALL: 'true', LIMIT_USER_DAILY_TASKS: 'none', LIMIT_USER_RUNNING: 'none' };

  it('the files remembered from the menu are signed anew; the card is the reply; after a restart the form asks to be opened again', async () => {
    h = await startHarness({ env: { ...NO_LIMITS_ENV, ...USER_INSTALL_ENV } });
    const message = h.discord.postMessage({ channelId: CHANNEL, author: POSTER, attachments: [png('cat.png')] });
    const open = async () => {
      const ix = h!.discord.dispatchMessageCommand({
        name: 'Animate',
        message: { id: message.id },
        user: MEMBER,
        guildId: ELSEWHERE,
        install: 'user',
      });
      return (await h!.discord.waitForCallback(ix.id)).data as unknown as Modal;
    };
    const modal = await open();
    // The bot cannot read that channel (403): the media remembered when the form opened is used.
    const ix = h.discord.dispatchModalSubmit({
      customId: modal.custom_id,
      fields: { prompt: 'the cat elsewhere' },
      user: MEMBER,
      guildId: ELSEWHERE,
      channelId: CHANNEL,
      install: 'user',
    });
    const reply = (await h.discord.waitForCallback(ix.id, 10_000)).data as Reply;
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(JSON.stringify(reply.embeds)).toContain('updates for 15 minutes only');
    expect(fromField(reply)).toBe(
      `Animated from [this message](https://discord.com/channels/${ELSEWHERE}/${CHANNEL}/${message.id})`,
    );
    const task = await newTask();
    expect(task.userInstall).toBe(true);
    expect(signedUntil(task.request.first_image!)).toBeGreaterThan(h.clock.now());

    await h.restart();
    const again = h.discord.dispatchModalSubmit({
      customId: modal.custom_id,
      fields: { prompt: 'after the restart' },
      user: MEMBER,
      guildId: ELSEWHERE,
      channelId: CHANNEL,
      install: 'user',
    });
    const refused = (await h.discord.waitForCallback(again.id, 10_000)).data as Reply;
    expect((refused.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.content).toContain('open the form again');
    expect(await tasks()).toHaveLength(1);
  });
});

describe('on a Manxue model (the media review)', () => {
  it("the message's image is reviewed first, then the task is created with its asset id", async () => {
    h = await startHarness({ env: NO_LIMITS_ENV, seedance: { assetReviewMs: 300 } });
    await setDefaults('sd2_mx_720p');
    const message = post([png('cat.png')]);
    const modal = (await menu('Animate', message)).callback.data as unknown as Modal;
    expect(modal.custom_id.endsWith(':sd2_mx_720p')).toBe(true);
    const { reply } = await submit(modal.custom_id, { prompt: 'the cat turns its head', duration: '5' });
    expect(JSON.stringify(reply.embeds)).toContain('Reviewing your media with the video service');
    const task = await newTask();
    const url = task.request.first_image!;
    expect(url).toContain('/cat.png');
    await eventually(() => h!.seedance.audits().length === 1, 5000, 'the review submission');
    expect(h.seedance.audits()).toEqual([{ imageUrls: [url] }]);
    await eventually(
      () => h!.seedance.requests.some((r) => r.method === 'POST' && r.path.endsWith('/seedance/videos')),
      8000,
      'the create after the review',
    );
    const create = h.seedance.requests.find((r) => r.method === 'POST' && r.path.endsWith('/seedance/videos'))!;
    expect((create.body as { first_image?: string }).first_image).toMatch(/^asset:\/\//);
  });
});
