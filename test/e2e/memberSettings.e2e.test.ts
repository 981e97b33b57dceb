import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import { eventually, type Harness, startHarness } from '../harness.js';
import { type CommandOption, MANAGE_GUILD } from '../fakes/discord/index.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const MEMBER = { id: '200000000000000001', username: 'alice' };
const ADMIN = { id: '200000000000000009', username: 'admin' };

type Reply = { content?: string; flags?: number; embeds?: Array<{ fields?: Array<{ name: string; value: string }> }> };

async function settings(subcommand: string, options: CommandOption[] = [], locale?: string): Promise<Reply> {
  const ix = h.discord.dispatchCommand({ name: 'settings', subcommand, user: MEMBER, options, locale });
  const cb = await h.discord.waitForCallback(ix.id);
  expect((cb.data?.flags as number) & 64).toBe(64); // private
  expect(cb.data?.allowed_mentions).toEqual({ parse: [] });
  return cb.data as Reply;
}

/** A /video text request; resolves with its task once the card carries its final state. */
async function videoTask(prompt: string, options: CommandOption[] = []) {
  const ix = h.discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: MEMBER,
    options: [{ name: 'prompt', value: prompt }, ...options],
  });
  const cb = await h.discord.waitForCallback(ix.id);
  expect(((cb.data?.flags as number) ?? 0) & 64).toBe(0);
  const task = await eventually(
    async () => (await h.app.tasks.listRecentByUser(MEMBER.id)).find((t) => t.request.prompt === prompt),
    3000,
    'the task',
  );
  return { ix, task };
}

const body = (taskId: string) => {
  const create = h.seedance.requests.filter((r) => r.method === 'POST');
  return create.map((r) => r.body as Record<string, unknown>).find((b) => String(b.prompt).includes(taskId));
};

const memberDefaultField = (ix: { id: string }) =>
  (h.discord.originalMessage(ix.id)!.embeds[0] as { fields: Array<{ name: string; value: string }> }).fields.find(
    (f) => f.name === 'Your default',
  );

/** Every DM the bot sent to the member (a channel outside any server) that mentions the task. */
const dmsAbout = (taskId: string) => h.discord.messages.all().filter((m) => !m.guildId && m.content.includes(taskId));

describe('a member default is used by /video and shown on the card', () => {
  it('model, duration and ratio come from /settings; the card says "Your default"', async () => {
    const saved = await settings('defaults', [
      { name: 'model', value: 'seedance2.0-sp' },
      { name: 'duration', value: 10 },
      { name: 'ratio', value: '16:9' },
    ]);
    expect(saved.content).toContain('Saved your defaults.');
    expect(saved.content).toContain('seedance2.0-sp');
    const { ix, task } = await videoTask('fox A');
    await eventually(() => body('fox A'), 3000, 'the create call');
    expect(body('fox A')).toMatchObject({ model: 'seedance2.0-sp', duration: 10, ratio: '16:9' });
    expect(task.memberDefaults).toEqual({ model: 'seedance2.0-sp', duration: 10, ratio: '16:9' });
    await eventually(() => memberDefaultField(ix), 3000, 'the card');
    expect(memberDefaultField(ix)!.value).toBe('`seedance2.0-sp`, 10 s, 16:9');
  });

  it('what the member types in /video wins; nothing typed from their defaults → no "Your default"', async () => {
    await settings('defaults', [{ name: 'duration', value: 10 }]);
    const { ix } = await videoTask('fox B', [{ name: 'duration', value: 6 }]);
    await eventually(() => body('fox B'), 3000, 'the create call');
    expect(body('fox B')).toMatchObject({ duration: 6 });
    await eventually(() => h.discord.originalMessage(ix.id)?.embeds.length, 3000, 'the card');
    expect(memberDefaultField(ix)).toBeUndefined();
  });

  it('a default model the server switched off is skipped (the rest still applies) and /settings show says so', async () => {
    await settings('defaults', [
      { name: 'model', value: 'seedance2.0-sp' },
      { name: 'duration', value: 10 },
    ]);
    const off = h.discord.dispatchCommand({
      name: 'video-admin',
      subcommand: 'model',
      user: ADMIN,
      permissions: MANAGE_GUILD,
      options: [
        { name: 'action', value: 'disable' },
        { name: 'model', value: 'seedance2.0-sp' },
      ],
    });
    await h.discord.waitForCallback(off.id);
    const { ix, task } = await videoTask('fox C');
    await eventually(() => body('fox C'), 3000, 'the create call');
    expect(body('fox C')).toMatchObject({ model: 'seedance2.0-mini-sp', duration: 10 });
    expect(task.memberDefaults).toEqual({ duration: 10 });
    await eventually(() => memberDefaultField(ix), 3000, 'the card');
    expect(memberDefaultField(ix)!.value).toBe('10 s');
    expect((await settings('show')).content).toMatch(/seedance2\.0-sp\*\* \(switched off on this server/);
  });

  it("/video's model autocomplete lists the member's default first, marked", async () => {
    await settings('defaults', [{ name: 'model', value: 'seedance2.0-md' }]);
    const ix = h.discord.dispatchAutocomplete({
      name: 'video',
      subcommand: 'text',
      user: MEMBER,
      options: [
        { name: 'prompt', value: 'x' },
        { name: 'model', value: '', focused: true },
      ],
    });
    const cb = await h.discord.waitForCallback(ix.id);
    const choices = (cb.data as { choices: Array<{ name: string; value: string }> }).choices;
    expect(choices[0]).toMatchObject({ value: 'seedance2.0-md', name: expect.stringMatching(/^★ your default · /) });
    expect(choices.filter((c) => c.name.startsWith('★'))).toHaveLength(1);
  });
});

describe('/settings show, refusals and reset', () => {
  it('shows nothing set, refuses a value the model does not take (nothing saved), then resets', async () => {
    expect((await settings('show')).content).toContain("none set: the server's defaults apply");
    const refused = await settings('defaults', [
      { name: 'model', value: 'seedance2.0-md' },
      { name: 'ratio', value: '21:9' },
    ]);
    expect(refused.content).toContain(
      'Aspect ratio `21:9` is not available on seedance2.0-md: allowed 16:9, 9:16, 1:1',
    );
    expect(await h.app.store.get(keys.memberSettings(MEMBER.id))).toBeUndefined();
    await settings('defaults', [{ name: 'resolution', value: '480p' }]);
    expect((await settings('show')).content).toContain('Resolution: **480p**');
    const cleared = await settings('defaults', [{ name: 'reset', value: true }]);
    expect(cleared.content).toContain('Your defaults were cleared.');
    expect(cleared.content).toContain("none set: the server's defaults apply");
    expect(h.logs.some((l) => l.includes('member settings changed') && l.includes(MEMBER.id))).toBe(true);
  });

  it('answers in zh-CN', async () => {
    const zh = await settings('defaults', [{ name: 'duration', value: 8 }], 'zh-CN');
    expect(zh.content).toContain('已保存你的默认值。');
    expect(zh.content).toContain('时长：**8 秒**');
  });
});

describe('the DM when a video of mine ends: once, on finish and on failure', () => {
  it('a finished video: one DM with the task, the video link and the card link', async () => {
    expect((await settings('notify', [{ name: 'dm', value: true }])).content).toContain('You will get a DM');
    const { task } = await videoTask('fox D');
    const done = await eventually(
      async () => ((await h.app.tasks.get(task.id))?.state === 'done' ? h.app.tasks.get(task.id) : undefined),
      8000,
      'done',
    );
    const [dm] = await eventually(() => (dmsAbout(task.id).length ? dmsAbout(task.id) : undefined), 3000, 'the DM');
    expect(dm!.content).toContain('is ready');
    expect(dm!.content).toContain(done!.videoUrl!);
    expect(dm!.content).toContain(
      `https://discord.com/channels/${done!.guildId}/${done!.channelId}/${done!.messageId}`,
    );
    expect(dm!.allowedMentions).toEqual({ parse: [] });
    await new Promise((r) => setTimeout(r, 300));
    expect(dmsAbout(task.id)).toHaveLength(1);
    expect(await h.app.store.get(keys.dmNotice(task.id))).toBeUndefined();
  });

  it('a failed video: one DM with the plain reason', async () => {
    await settings('notify', [{ name: 'dm', value: true }]);
    h.seedance.enqueueScript({ kind: 'fail', afterMs: 50, reason: 'Read timed out' });
    const { task } = await videoTask('fox E');
    const [dm] = await eventually(() => (dmsAbout(task.id).length ? dmsAbout(task.id) : undefined), 8000, 'the DM');
    expect(dm!.content).toContain('ended without a video');
    expect(dm!.content).toContain('Read timed out');
    await new Promise((r) => setTimeout(r, 300));
    expect(dmsAbout(task.id)).toHaveLength(1);
  });

  it('no DM without notify; closed DMs are logged once and ignored', async () => {
    const { task: quiet } = await videoTask('fox F');
    await eventually(async () => (await h.app.tasks.get(quiet.id))?.toldAt, 8000, 'told');
    expect(dmsAbout(quiet.id)).toHaveLength(0);
    await settings('notify', [{ name: 'dm', value: true }]);
    h.discord.closeDms(MEMBER.id);
    const { task } = await videoTask('fox G');
    await eventually(async () => (await h.app.tasks.get(task.id))?.toldAt, 8000, 'told');
    const closed = () => h.logs.filter((l) => l.includes('does not take DMs') && l.includes(task.id));
    await eventually(() => closed().length, 3000, 'the log line');
    await new Promise((r) => setTimeout(r, 300));
    expect(closed()).toHaveLength(1);
    expect((await h.app.tasks.get(task.id))?.state).toBe('done');
  });

  it('the choice is read when the video ends: turned on while it renders, the DM still comes', async () => {
    h.seedance.enqueueScript({ kind: 'succeed', queuedMs: 300, runMs: 600 });
    const { task } = await videoTask('fox I');
    expect((await h.app.tasks.get(task.id))?.toldAt).toBeUndefined();
    await settings('notify', [{ name: 'dm', value: true }]);
    await eventually(() => dmsAbout(task.id).length, 8000, 'the DM');
    expect(await h.app.tasks.get(task.id)).toMatchObject({ state: 'done', dmNoticeOwed: true });
  });

  it('a notice still owed when the bot stopped is sent after the restart, once', async () => {
    await settings('notify', [{ name: 'dm', value: true }]);
    const { task } = await videoTask('fox H');
    await eventually(() => dmsAbout(task.id).length, 8000, 'the first DM');
    // As if the process had stopped between telling the member and taking the notice.
    await h.app.store.transact([keys.dmNotice(task.id)], (tx) =>
      tx.set(keys.dmNotice(task.id), { taskId: task.id, userId: MEMBER.id, at: Date.now() }),
    );
    await h.restart();
    await eventually(() => dmsAbout(task.id).length === 2, 5000, 'the owed DM');
    expect(await h.app.store.get(keys.dmNotice(task.id))).toBeUndefined();
  });
});
