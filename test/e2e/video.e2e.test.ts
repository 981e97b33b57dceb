import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../harness.js';
import { MANAGE_MESSAGES, type AttachmentSpec, type CommandOption } from '../fakes/discord/index.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const MEMBER = { id: '200000000000000001', username: 'alice' };
const OTHER = { id: '200000000000000002', username: 'bob' };
const png = (optionName: string, extra: Partial<AttachmentSpec> = {}): AttachmentSpec => ({
  optionName,
  filename: `${optionName}.png`,
  contentType: 'image/png',
  size: 50_000,
  width: 800,
  height: 600,
  ...extra,
});

function video(
  subcommand: string,
  options: CommandOption[],
  attachments: AttachmentSpec[] = [],
  extra: Record<string, unknown> = {},
) {
  return h.discord.dispatchCommand({ name: 'video', subcommand, user: MEMBER, options, attachments, ...extra });
}

const creates = () => h.seedance.createCount();

describe('/video, good input', () => {
  it('replies publicly at once, submits exactly the validated body, and edits in the task id', async () => {
    const ix = video('text', [
      { name: 'prompt', value: 'a red fox in snow @everyone' },
      { name: 'model', value: 'seedance2.0-mini-sp' },
      { name: 'duration', value: 8 },
      { name: 'ratio', value: '9:16' },
    ]);
    const cb = await h.discord.waitForCallback(ix.id);
    expect(cb.type).toBe(4);
    expect(((cb.data?.flags as number) ?? 0) & 64).toBe(0); // public
    expect(cb.data?.allowed_mentions).toEqual({ parse: [] });
    await eventually(() => creates() === 1, 5000, 'one create');
    expect(h.seedance.requests.find((r) => r.method === 'POST')!.body).toEqual({
      model: 'seedance2.0-mini-sp',
      prompt: 'a red fox in snow @everyone',
      duration: 8,
      resolution: '720p',
      ratio: '9:16',
    });
    const task = await eventually(
      async () => {
        const [t] = await h.app.tasks.listRecentByUser(MEMBER.id);
        return t?.upstreamTaskId ? t : undefined;
      },
      3000,
      'the upstream task id',
    );
    expect(task.messageId).toBe(h.discord.originalMessage(ix.id)!.id);
    expect(task.upstreamTaskId).toMatch(/^task_/);
    const embed = h.discord.originalMessage(ix.id)!.embeds[0] as {
      description: string;
      fields: Array<{ value: string }>;
    };
    expect(embed.description).toContain('@\u200beveryone'); // shown, defused
    expect(embed.fields.some((f) => f.value.includes(task.id))).toBe(true);
  });

  it('follows the task to the end and edits the same message with the video and buttons', async () => {
    const ix = video(
      'images',
      [
        { name: 'prompt', value: 'the fox jumps' },
        { name: 'model', value: 'seedance2.0-std' },
      ],
      [png('image1'), png('image2')],
    );
    await h.discord.waitForCallback(ix.id);
    const msg = await eventually(
      () => {
        const m = h.discord.originalMessage(ix.id);
        return m && m.attachments.length === 1 ? m : undefined;
      },
      8000,
      'the video upload',
    );
    const [task] = await h.app.tasks.listRecentByUser(MEMBER.id);
    expect(msg.attachments[0]!.filename).toBe(`seedance-${task!.id}.mp4`);
    const labels = JSON.stringify(msg.components);
    expect(labels).toContain(`v1:reroll:${task!.id}`);
    expect(labels).toContain(`v1:delete:${task!.id}`);
    await eventually(async () => (await h.app.tasks.get(task!.id))?.state === 'done', 2000, 'done');
    expect(await h.app.tasks.get(task!.id)).toMatchObject({ usage: 'committed', delivery: { mode: 'upload' } });
    expect(h.seedance.requests.find((r) => r.method === 'POST')!.body).toMatchObject({
      images: [expect.stringContaining('image1.png'), expect.stringContaining('image2.png')],
    });
    expect(creates()).toBe(1);
  });
});

describe('/video, bad input: one ephemeral message listing every problem, nothing sent or charged', () => {
  it.each([
    [
      'a ratio the model does not take',
      'text',
      [
        { name: 'prompt', value: 'x' },
        { name: 'model', value: 'seedance2.0-md' },
        { name: 'ratio', value: '21:9' },
      ],
      [],
      /16:9, 9:16, 1:1/,
    ],
    [
      'too many images',
      'images',
      [
        { name: 'prompt', value: 'x' },
        { name: 'model', value: 'seedance2.0-md' },
      ],
      [1, 2, 3, 4, 5].map((n) => png(`image${n}`)),
      /at most 4/,
    ],
    [
      'a PDF given as an image',
      'images',
      [{ name: 'prompt', value: 'x' }],
      [png('image1', { filename: 'doc.pdf', contentType: 'application/pdf' })],
      /application\/pdf/,
    ],
    [
      // Discord never sends this (image1 is required in images mode): the definition refuses it before any
      // service runs. Audio alone is the validation's rule (test/validation), reached by the CLI.
      'a forged request without its required image (audio only)',
      'images',
      [
        { name: 'prompt', value: 'x' },
        { name: 'model', value: 'seedance2.0-sp' },
      ],
      [{ optionName: 'audio', filename: 'a.mp3', contentType: 'audio/mpeg', size: 10_000 }],
      /nothing was charged/,
    ],
    [
      'an oversize file',
      'images',
      [{ name: 'prompt', value: 'x' }],
      [png('image1', { size: 40 * 1024 * 1024 })],
      /40 MB; the limit is 30 MB/,
    ],
    [
      'an upload the media review of a Manxue model would refuse (too small)',
      'images',
      [
        { name: 'prompt', value: 'x' },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      [png('image1', { width: 200, height: 200 })],
      /300 to 6000 px/,
    ],
  ] as const)('%s', async (_name, sub, options, attachments, expected) => {
    const ix = video(sub, [...options] as CommandOption[], [...attachments] as AttachmentSpec[]);
    const cb = await h.discord.waitForCallback(ix.id);
    expect(cb.type).toBe(4);
    expect((cb.data?.flags as number) & 64).toBe(64);
    expect(String(cb.data?.content)).toMatch(expected);
    expect(cb.data?.allowed_mentions).toEqual({ parse: [] });
    await new Promise((r) => setTimeout(r, 100));
    expect(creates()).toBe(0);
    expect(await h.app.tasks.listRecentByUser(MEMBER.id)).toHaveLength(0);
    const usage = await h.app.ledger.snapshot(h.discord.guilds[0]!.id, MEMBER.id);
    expect(usage.guildDay.tasks + usage.memberDay.tasks + usage.memberRunning).toBe(0);
  });

  it("answers in the member's language (zh-CN)", async () => {
    const ix = video(
      'text',
      [
        { name: 'prompt', value: 'x' },
        { name: 'model', value: 'seedance2.0-md' },
        { name: 'duration', value: 30 },
      ],
      [],
      { locale: 'zh-CN' },
    );
    const cb = await h.discord.waitForCallback(ix.id);
    expect(String(cb.data?.content)).toContain('不支持时长 30 秒');
  });
});

describe('buttons on a finished video', () => {
  async function finishedMessage() {
    const ix = video('text', [{ name: 'prompt', value: 'waves' }]);
    await h.discord.waitForCallback(ix.id);
    const [task] = await h.app.tasks.listRecentByUser(MEMBER.id);
    await eventually(async () => (await h.app.tasks.get(task!.id))?.state === 'done', 8000, 'done');
    return { task: task!, messageId: h.discord.originalMessage(ix.id)!.id };
  }

  it('Re-roll starts a new task with the same parameters, charged to whoever clicked', async () => {
    const { task, messageId } = await finishedMessage();
    const click = h.discord.dispatchComponent({ customId: `v1:reroll:${task.id}`, messageId, user: OTHER });
    const cb = await h.discord.waitForCallback(click.id);
    expect(cb.type).toBe(4);
    await eventually(() => creates() === 2, 5000, 'a second create');
    const bodies = h.seedance.requests.filter((r) => r.method === 'POST').map((r) => r.body);
    expect(bodies[1]).toEqual(bodies[0]);
    const [reroll] = await h.app.tasks.listRecentByUser(OTHER.id);
    expect(reroll).toMatchObject({ parentId: task.id, userId: OTHER.id });
  });

  it('Re-roll and Retry of a prompt the server has blocked since are refused privately; nothing is sent or charged', async () => {
    const done = await finishedMessage();
    h.seedance.enqueueScript({ kind: 'fail', afterMs: 50, reason: 'Read timed out' });
    const failedIx = video('text', [{ name: 'prompt', value: 'waves at dusk' }]);
    await h.discord.waitForCallback(failedIx.id);
    const failed = await eventually(
      async () => {
        const [latest] = await h.app.tasks.listRecentByUser(MEMBER.id);
        return latest?.id !== done.task.id && latest?.toldAt ? latest : undefined;
      },
      8000,
      'failed and told',
    );
    const admin = h.discord.dispatchCommand({
      name: 'video-admin',
      subcommand: 'blocklist',
      user: OTHER,
      permissions: 1n << 5n,
      options: [
        { name: 'action', value: 'add' },
        { name: 'term', value: 'WAVES' },
      ],
    });
    await h.discord.waitForCallback(admin.id);
    const usage = await h.app.ledger.snapshot(h.discord.guilds[0]!.id, MEMBER.id);

    const reroll = h.discord.dispatchComponent({
      customId: `v1:reroll:${done.task.id}`,
      messageId: done.messageId,
      user: MEMBER,
    });
    const retry = h.discord.dispatchComponent({
      customId: `v1:retry:${failed.id}`,
      messageId: h.discord.originalMessage(failedIx.id)!.id,
      user: MEMBER,
      locale: 'zh-CN',
    });
    const [rerolled, retried] = [await h.discord.waitForCallback(reroll.id), await h.discord.waitForCallback(retry.id)];
    expect(rerolled.data).toMatchObject({
      flags: 64,
      content: 'Not started, nothing charged: the prompt contains “WAVES”, which this server does not allow.',
    });
    expect(retried.data).toMatchObject({
      flags: 64,
      content: '未开始，未扣除额度：提示词包含本服务器不允许的“WAVES”。',
    });
    expect(creates()).toBe(2);
    expect(await h.app.tasks.listRecentByUser(MEMBER.id)).toHaveLength(2);
    expect(await h.app.ledger.snapshot(h.discord.guilds[0]!.id, MEMBER.id)).toEqual(usage);
  });

  it('Delete is refused to another member, allowed to the requester and to Manage Messages', async () => {
    const { task, messageId } = await finishedMessage();
    const denied = h.discord.dispatchComponent({ customId: `v1:delete:${task.id}`, messageId, user: OTHER });
    const deniedCb = await h.discord.waitForCallback(denied.id);
    expect((deniedCb.data?.flags as number) & 64).toBe(64);
    expect(String(deniedCb.data?.content)).toMatch(/Only the member/);
    expect(h.discord.messages.byId.get(messageId)!.deleted).toBe(false);

    const moderator = h.discord.dispatchComponent({
      customId: `v1:delete:${task.id}`,
      messageId,
      user: OTHER,
      permissions: MANAGE_MESSAGES,
    });
    await h.discord.waitForCallback(moderator.id);
    await eventually(() => h.discord.messages.byId.get(messageId)!.deleted, 3000, 'deletion');
  });

  it('a button whose task is unknown says so instead of failing silently', async () => {
    const { messageId } = await finishedMessage();
    const click = h.discord.dispatchComponent({ customId: 'v1:reroll:doesnotexist', messageId, user: MEMBER });
    expect(String((await h.discord.waitForCallback(click.id)).data?.content)).toMatch(/no longer known/);
  });
});

describe('platform rules', () => {
  it('a 429 from Discord on the reply is waited out; the task still goes through', async () => {
    h.discord.injectRestFault({ route: 'POST /interactions/:id/:token/callback', status: 429, retryAfterSec: 1 });
    const ix = video('text', [{ name: 'prompt', value: 'slow start' }]);
    await h.discord.waitForCallback(ix.id, 5000);
    await eventually(() => creates() === 1, 5000, 'create');
  });

  it('no message the bot sends can ping anyone but, at most, the requester', async () => {
    video('text', [{ name: 'prompt', value: '<@&123456789012345678> @here hi' }]);
    video('text', [
      { name: 'prompt', value: 'x' },
      { name: 'model', value: 'nope' },
    ]);
    await eventually(() => h.discord.messages.all().some((m) => m.attachments.length > 0), 8000, 'a delivered video');
    const sent = h.discord.requests.filter(
      (r) => r.body && (r.method === 'POST' || r.method === 'PATCH') && r.route !== 'PUT /applications/:appId/commands',
    );
    expect(sent.length).toBeGreaterThan(2);
    for (const r of sent) {
      const body = r.body as {
        data?: { allowed_mentions?: unknown; content?: unknown };
        allowed_mentions?: unknown;
        type?: number;
      };
      const mentions = body.type !== undefined ? body.data?.allowed_mentions : body.allowed_mentions;
      if (body.type === 5 || body.type === 6) continue; // deferrals carry no content
      expect(mentions, `${r.route}`).toMatchObject({ parse: [] });
    }
  });
});

describe('limits through Discord', () => {
  it('a member over their running cap gets a private message naming the limit; nothing is sent', async () => {
    await h.close();
    h = await startHarness({
      env: { LIMIT_MEMBER_RUNNING: '1', LIMIT_MEMBER_QUEUE: '0' },
      seedance: { defaultScript: { kind: 'stuck' } },
    });
    const first = video('text', [{ name: 'prompt', value: 'one' }]);
    await h.discord.waitForCallback(first.id);
    await eventually(() => creates() === 1, 3000, 'first create');
    const second = video('text', [{ name: 'prompt', value: 'two' }]);
    const cb = await h.discord.waitForCallback(second.id);
    expect((cb.data?.flags as number) & 64).toBe(64);
    expect(String(cb.data?.content)).toMatch(/Not started, nothing charged: you already have 1 of 1 videos rendering/);
    await new Promise((r) => setTimeout(r, 100));
    expect(creates()).toBe(1);
  });
});
