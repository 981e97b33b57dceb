/**
 * Remix (a modal with the prompt, duration and ratio prefilled) and Extend (the next shot starts from the last
 * frame of this one) through the fake Discord with a real discord.js client, a real ffmpeg and real videos.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { keys } from '../../src/db/keys.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { eventually, FAST_POLL_ENV, type Harness, NO_LIMITS_ENV, startHarness } from '../harness.js';
import { decodeCheck, makeVideo } from '../support/videos.js';

const MEMBER = { id: '340000000000000001', username: 'fay' };
const OTHER = { id: '340000000000000002', username: 'gil' };
let h: Harness | undefined;
let dir: string;
let clip: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'remix-e2e-'));
  clip = join(dir, 'clip.mp4');
  await makeVideo(clip, { seconds: 2, width: 1280, height: 720, bitsPerSec: 1_500_000 });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Body = { content?: string; flags?: number; custom_id?: string; components?: unknown; allowed_mentions?: unknown };

async function finished(harness: Harness, options: { model?: string; prompt?: string; fail?: boolean } = {}) {
  harness.seedance.enqueueScript(
    options.fail
      ? { kind: 'fail', afterMs: 50, reason: 'the render node crashed' }
      : { kind: 'succeed', queuedMs: 50, runMs: 50, videoFile: clip },
  );
  const ix = harness.discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: MEMBER,
    options: [
      { name: 'prompt', value: options.prompt ?? 'a lighthouse at dusk, waves breaking' },
      ...(options.model ? [{ name: 'model', value: options.model }] : []),
    ],
  });
  await harness.discord.waitForCallback(ix.id);
  const task = await eventually(
    async () => {
      const [t] = await harness.app.tasks.listRecentByUser(MEMBER.id);
      return t && ['done', 'failed'].includes(t.state) && !t.interaction.token ? t : undefined;
    },
    20_000,
    'a finished task',
  );
  const card = harness.discord.originalMessage(ix.id)!;
  return { task, card };
}

const buttonIds = (components: unknown) =>
  [...JSON.stringify(components).matchAll(/"custom_id":"([^"]+)"/g)].map((m) => m[1]);

async function click(harness: Harness, customId: string, card: { id: string; channelId: string }, user = MEMBER) {
  const ix = harness.discord.dispatchComponent({ customId, message: { id: card.id, channelId: card.channelId }, user });
  return { ix, callback: await harness.discord.waitForCallback(ix.id) };
}

async function submit(
  harness: Harness,
  customId: string,
  fields: Record<string, string>,
  card: { id: string; channelId: string },
  user = MEMBER,
) {
  const ix = harness.discord.dispatchModalSubmit({ customId, fields, user, message: card });
  return { ix, callback: await harness.discord.waitForCallback(ix.id, 20_000) };
}

const tasksOf = async (harness: Harness, user = MEMBER) => harness.app.tasks.listRecentByUser(user.id);
const newest = async (harness: Harness, parent: TaskRecord, user = MEMBER) =>
  eventually(async () => (await tasksOf(harness, user)).find((t) => t.parentId === parent.id), 10_000, 'the new task');

describe('Remix', () => {
  it('opens a modal with the prompt, duration and ratio prefilled; the edit becomes a new task on the same model, linked back', async () => {
    h = await startHarness({ env: { ...NO_LIMITS_ENV, ...FAST_POLL_ENV } });
    const { task, card } = await finished(h, { model: 'seedance2.0-mini' });
    expect(buttonIds(card.components)).toEqual(
      expect.arrayContaining([`v1:reroll:${task.id}`, `v1:remix:${task.id}`, `v1:extend:${task.id}`]),
    );
    const { callback } = await click(h, `v1:remix:${task.id}`, card, OTHER);
    expect(callback.type).toBe(9);
    const modal = callback.data as Body;
    expect(modal.custom_id).toBe(`v1:remixform:${task.id}`);
    const inputs = JSON.stringify(modal.components);
    expect(inputs).toContain('"value":"a lighthouse at dusk, waves breaking"');
    expect(inputs).toContain(`"value":"${task.request.duration}"`);
    expect(inputs).toContain('"custom_id":"ratio"');
    // The modal is answered after a restart too: its id carries the task, read from the database.
    await h.restart();
    const creates = h.seedance.createCount();
    const { ix } = await submit(
      h,
      modal.custom_id!,
      { prompt: 'the same lighthouse in a snowstorm', duration: '6', ratio: '9:16' },
      card,
      OTHER,
    );
    const remix = await newest(h, task, OTHER);
    expect(remix).toMatchObject({
      model: 'seedance2.0-mini',
      parentKind: 'remix',
      userId: OTHER.id,
      request: { prompt: 'the same lighthouse in a snowstorm', duration: 6, ratio: '9:16' },
    });
    await eventually(() => h!.seedance.createCount() === creates + 1, 5000, 'one create');
    const newCard = h.discord.originalMessage(ix.id)!;
    const embed = JSON.stringify(newCard.embeds);
    expect(embed).toContain(
      `Remix of [\`${task.id}\`](https://discord.com/channels/${task.guildId}/${card.channelId}/${card.id})`,
    );
    // Every message of the new card pings nobody.
    const sent = h.discord.requests.filter((r) => r.path.includes(ix.token ?? '#') && r.body);
    expect(sent.length).toBeGreaterThan(0);
    for (const r of sent)
      expect((r.body as Body).allowed_mentions ?? (r.body as { data?: Body }).data?.allowed_mentions).toEqual({
        parse: [],
      });
  }, 60_000);

  it('an edit that breaks the model’s rules, or the blocklist, is refused privately: nothing created, nothing charged', async () => {
    h = await startHarness({ env: { ...NO_LIMITS_ENV, ...FAST_POLL_ENV } });
    const { task, card } = await finished(h);
    const before = await h.app.ledger.snapshot(task.guildId!, MEMBER.id);
    const creates = h.seedance.createCount();
    const bad = await submit(h, `v1:remixform:${task.id}`, { prompt: 'fine', duration: '99' }, card);
    expect((bad.callback.data as Body).flags).toBe(64);
    expect((bad.callback.data as Body).content).toMatch(/duration/i);
    await h.app.store.transact([keys.settings(task.guildId!)], (tx) =>
      tx.set(keys.settings(task.guildId!), { blocklist: ['snowstorm'] }),
    );
    await new Promise((r) => setTimeout(r, 2100)); // the settings cache lives 2 s
    const blocked = await submit(h, `v1:remixform:${task.id}`, { prompt: 'a SNOWSTORM', duration: '5' }, card);
    expect((blocked.callback.data as Body).content).toContain('“snowstorm”');
    expect(h.seedance.createCount()).toBe(creates);
    expect(await tasksOf(h)).toHaveLength(1);
    expect(await h.app.ledger.snapshot(task.guildId!, MEMBER.id)).toEqual(before);
  }, 60_000);

  it('a failed task offers Retry and Remix, not Extend', async () => {
    h = await startHarness({ env: { ...NO_LIMITS_ENV, ...FAST_POLL_ENV } });
    const { task, card } = await finished(h, { fail: true });
    expect(task.state).toBe('failed');
    const ids = buttonIds(card.components);
    expect(ids).toEqual(expect.arrayContaining([`v1:retry:${task.id}`, `v1:remix:${task.id}`]));
    expect(ids).not.toContain(`v1:extend:${task.id}`);
  }, 30_000);
});

describe('Extend', () => {
  it('posts the last frame in the channel and starts the next shot from it, linked back to the first', async () => {
    h = await startHarness({ env: { ...NO_LIMITS_ENV, ...FAST_POLL_ENV } });
    const { task, card } = await finished(h);
    const { callback } = await click(h, `v1:extend:${task.id}`, card);
    expect(callback.type).toBe(9);
    expect((callback.data as Body).custom_id).toBe(`v1:extendform:${task.id}`);
    const { ix, callback: answer } = await submit(
      h,
      `v1:extendform:${task.id}`,
      { prompt: 'the camera pulls back to reveal the coast', duration: '5' },
      card,
    );
    expect(answer.type).toBe(5); // deferred: the frame takes a moment
    const next = await newest(h, task);
    expect(next).toMatchObject({ parentKind: 'extend', model: task.model });
    expect(next.request.prompt).toBe('the camera pulls back to reveal the coast');
    // The frame is a message of its own in the channel; the new task's first frame is its attachment.
    const frameMsg = [...h.discord.messages.byId.values()].find((m) =>
      m.attachments.some((a) => a.filename.startsWith('last-frame-')),
    )!;
    expect(frameMsg.channelId).toBe(card.channelId);
    expect(next.request.first_image).toContain(`/attachments/${card.channelId}/`);
    expect(next.request.first_image).toContain(`last-frame-${task.id}.jpg`);
    const upload = h.discord.requests.flatMap((r) => r.files).find((f) => f.name.startsWith('last-frame-'))!;
    const jpg = join(dir, 'frame.jpg');
    writeFileSync(jpg, upload.data);
    expect((await decodeCheck(jpg)).summary).toMatch(/Video: mjpeg.*1280x720/);
    // The deferred answer became the new task's card, which links back.
    await eventually(
      () => JSON.stringify(h!.discord.originalMessage(ix.id)?.embeds ?? '').includes('Continues'),
      5000,
      'card',
    );
    expect(JSON.stringify(h.discord.originalMessage(ix.id)!.embeds)).toContain(`Continues [\`${task.id}\`]`);
  }, 60_000);

  it('when the video service no longer has the video, says so privately: no frame, no task, nothing charged', async () => {
    h = await startHarness({ env: { ...NO_LIMITS_ENV, ...FAST_POLL_ENV } });
    const { task, card } = await finished(h);
    const before = await h.app.ledger.snapshot(task.guildId!, MEMBER.id);
    rmSync(clip);
    try {
      const { ix } = await submit(h, `v1:extendform:${task.id}`, { prompt: 'next', duration: '5' }, card);
      await eventually(
        () =>
          h!.discord.requests.some(
            (r) =>
              r.method === 'POST' &&
              r.path.includes(ix.token ?? '') &&
              /no longer has this video/.test(JSON.stringify(r.body)),
          ),
        10_000,
        'the private answer',
      );
      expect(h.discord.originalMessage(ix.id)?.deleted).toBe(true); // the "working" answer was removed
      expect(h.discord.requests.some((r) => r.files.some((f) => f.name.startsWith('last-frame-')))).toBe(false);
      expect(await tasksOf(h)).toHaveLength(1);
      expect(await h.app.ledger.snapshot(task.guildId!, MEMBER.id)).toEqual(before);
    } finally {
      await makeVideo(clip, { seconds: 2, width: 1280, height: 720, bitsPerSec: 1_500_000 });
    }
  }, 60_000);

  it('a member at their daily limit is refused before any work: no download, no ffmpeg job, no frame posted', async () => {
    h = await startHarness({ env: { ...NO_LIMITS_ENV, ...FAST_POLL_ENV, LIMIT_MEMBER_DAILY_TASKS: '1' } });
    const { task, card } = await finished(h);
    const before = await h.app.ledger.snapshot(task.guildId!, MEMBER.id);
    const downloads = () => h!.seedance.requests.filter((r) => r.path.startsWith('/files/')).length;
    const downloaded = downloads();
    const lastFrame = vi.spyOn(h.app.media, 'lastFrame');
    const { callback } = await submit(h, `v1:extendform:${task.id}`, { prompt: 'next shot', duration: '5' }, card);
    // Answered at once, privately, with the limit's words (not deferred for a frame).
    expect(callback.type).toBe(4);
    expect((callback.data as Body).flags).toBe(64);
    expect((callback.data as Body).content).toMatch(/day|limit/i);
    expect(lastFrame).not.toHaveBeenCalled();
    expect(downloads()).toBe(downloaded);
    expect(h.discord.requests.some((r) => r.files.some((f) => f.name.startsWith('last-frame-')))).toBe(false);
    expect(await tasksOf(h)).toHaveLength(1);
    expect(await h.app.ledger.snapshot(task.guildId!, MEMBER.id)).toEqual(before);
  }, 60_000);

  it('a limit reached meanwhile (while the frame is taken) refuses privately and deletes the frame it posted', async () => {
    h = await startHarness({ env: { ...NO_LIMITS_ENV, ...FAST_POLL_ENV, LIMIT_MEMBER_DAILY_TASKS: '2' } });
    const { task, card } = await finished(h);
    const creates = h.seedance.createCount();
    // The frame's upload waits a second (rate limited): meanwhile the member uses their last video of the day.
    h.discord.injectRestFault({
      route: 'POST /channels/:channelId/messages',
      withFilesOnly: true,
      status: 429,
      retryAfterSec: 1,
    });
    const { ix, callback } = await submit(h, `v1:extendform:${task.id}`, { prompt: 'next shot', duration: '5' }, card);
    expect(callback.type).toBe(5); // the pre-check passed: deferred for the frame
    const other = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: MEMBER,
      options: [{ name: 'prompt', value: 'a quiet harbour' }],
    });
    await h.discord.waitForCallback(other.id);
    await eventually(
      () =>
        h!.discord.requests.some(
          (r) => r.method === 'POST' && r.path.includes(ix.token ?? '') && (r.body as Body)?.flags === 64,
        ),
      10_000,
      'the private refusal',
    );
    const frames = [...h.discord.messages.byId.values()].filter((m) =>
      m.attachments.some((a) => a.filename.startsWith('last-frame-')),
    );
    expect(frames).toHaveLength(1);
    expect(frames[0]!.deleted).toBe(true);
    const refusal = h.discord.requests.find(
      (r) => r.method === 'POST' && r.path.includes(ix.token ?? '') && (r.body as Body)?.flags === 64,
    );
    expect((refusal!.body as Body).content).toMatch(/day|limit/i);
    expect(h.seedance.createCount()).toBe(creates + 1); // the /video only
    expect(await tasksOf(h)).toHaveLength(2);
  }, 60_000);

  it('a model that cannot start from a frame shows no Extend button and refuses a forged click', async () => {
    h = await startHarness({ env: { ...NO_LIMITS_ENV, ...FAST_POLL_ENV } });
    const { task, card } = await finished(h, { model: 'seedance2.0-md' });
    expect(buttonIds(card.components)).not.toContain(`v1:extend:${task.id}`);
    expect(buttonIds(card.components)).toContain(`v1:remix:${task.id}`);
    const { callback } = await click(h, `v1:extend:${task.id}`, card);
    expect((callback.data as Body).flags).toBe(64);
    expect((callback.data as Body).content).toContain('cannot be extended');
  }, 30_000);
});
