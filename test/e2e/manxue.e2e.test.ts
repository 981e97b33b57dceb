import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../src/services/seedance/keyPool.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import type { AttachmentSpec, CommandOption } from '../fakes/discord/index.js';
import { eventually, startHarness, type Harness, type HarnessOptions } from '../harness.js';
import { makeVideo } from '../support/videos.js';

// Manxue (sd2_mx_*) models take uploads through the vendor's media review: the files are submitted for
// review, their asset ids polled until Active, then the task is created with asset:// ids.
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MEMBER = { id: '200000000000000001', username: 'alice' };
const OTHER = { id: '200000000000000002', username: 'bob' };

async function start(options: HarnessOptions = {}) {
  h = await startHarness({ ...options, seedance: { assetReviewMs: 300, ...options.seedance } });
  return h;
}

const png = (optionName: string, extra: Partial<AttachmentSpec> = {}): AttachmentSpec => ({
  optionName,
  filename: `${optionName}.png`,
  contentType: 'image/png',
  size: 50_000,
  width: 1280,
  height: 720,
  ...extra,
});

function video(subcommand: string, options: CommandOption[], attachments: AttachmentSpec[] = [], user = MEMBER) {
  return h!.discord.dispatchCommand({ name: 'video', subcommand, user, options, attachments });
}

const creates = () => h!.seedance.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/seedance/videos'));
const embedOf = (interactionId: string) => JSON.stringify(h!.discord.originalMessage(interactionId)?.embeds ?? []);
const buttonsOf = (interactionId: string) =>
  JSON.stringify(h!.discord.originalMessage(interactionId)?.components ?? []);

async function latestTask(userId = MEMBER.id): Promise<TaskRecord> {
  return eventually(async () => (await h!.app.tasks.listRecentByUser(userId))[0], 3000, 'a task');
}

async function until(id: string, state: TaskRecord['state'] | ((t: TaskRecord) => boolean), ms = 8000) {
  const ok = typeof state === 'function' ? state : (t: TaskRecord) => t.state === state;
  return eventually(
    async () => {
      const t = await h!.app.tasks.get(id);
      return t && ok(t) ? t : undefined;
    },
    ms,
    `task ${id} ${typeof state === 'string' ? state : 'condition'}`,
  );
}

/** The asset id the fake gave the file at `url` (its review record). */
const assetIdOf = (url: string) => [...h!.seedance.assets.values()].find((a) => a.url === url)?.assetId;

async function usageTotals() {
  const u = await h!.app.ledger.snapshot(h!.discord.guilds[0]!.id, MEMBER.id);
  return { tasks: u.guildDay.tasks, running: u.memberRunning };
}

describe('an image on sd2_mx_720p', () => {
  it('is reviewed, then the task is created with its asset:// id and delivered; the card says it is reviewing', async () => {
    await start({ seedance: { assetReviewMs: 600 } });
    const ix = video(
      'images',
      [
        { name: 'prompt', value: 'the cat turns its head' },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      [png('image1')],
    );
    const cb = await h!.discord.waitForCallback(ix.id);
    expect(cb.type).toBe(4);
    expect(((cb.data?.flags as number) ?? 0) & 64).toBe(0);
    expect(JSON.stringify(cb.data?.embeds)).toContain('Reviewing your media with the video service');
    const task = await latestTask();
    const reviewing = await until(task.id, 'reviewing');
    const url = reviewing.request.images![0]!;
    expect(url).toMatch(/^https:\/\/cdn\.discordapp\.com\/.*image1\.png\?/);
    expect(h!.seedance.audits()).toEqual([{ imageUrls: [url] }]);
    expect(creates()).toHaveLength(0); // nothing is created while the review runs

    const done = await until(task.id, 'done');
    expect(creates()).toHaveLength(1);
    const assetId = assetIdOf(url)!;
    expect(creates()[0]!.body).toMatchObject({ model: 'sd2_mx_720p', images: [`asset://${assetId}`] });
    expect(done).toMatchObject({
      usage: 'committed',
      review: { items: [{ assetId, status: 'Active', field: 'images' }] },
    });
    expect(done.request.images).toEqual([url]); // the member's request keeps the file
    // Status queries went out while Processing, within the query budget.
    expect(h!.seedance.assetStatusCount()).toBeGreaterThanOrEqual(2);
    expect(h!.seedance.auditCount()).toBe(1);
    await eventually(() => h!.discord.originalMessage(ix.id)?.attachments.length === 1, 5000, 'the video upload');
  });

  it('Re-roll reuses the reviewed asset: no second review, the same asset id', async () => {
    await start();
    const ix = video(
      'images',
      [
        { name: 'prompt', value: 'a lighthouse' },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      [png('image1')],
    );
    await h!.discord.waitForCallback(ix.id);
    const first = await until((await latestTask()).id, 'done');
    const messageId = h!.discord.originalMessage(ix.id)!.id;
    expect(h!.seedance.auditCount()).toBe(1);

    const click = h!.discord.dispatchComponent({ customId: `v1:reroll:${first.id}`, messageId, user: OTHER });
    await h!.discord.waitForCallback(click.id);
    const rerolled = await until((await latestTask(OTHER.id)).id, 'done');
    expect(rerolled.parentId).toBe(first.id);
    expect(h!.seedance.auditCount()).toBe(1); // reviewed once, reused
    expect(creates()).toHaveLength(2);
    const firstImages = (creates()[0]!.body as { images: string[] }).images;
    expect(firstImages[0]).toMatch(/^asset:\/\/ast_/);
    expect(creates()[1]!.body).toMatchObject({ images: firstImages });
    expect(rerolled.review?.items[0]).toMatchObject({ reused: true, assetId: first.review!.items[0]!.assetId });
  });
});

describe('Re-roll when Discord cannot sign the attachment URLs anew', () => {
  /** A reviewed, finished task; then Discord refuses to re-sign its URLs and the member clicks Re-roll. */
  const rerollWithoutResign = async (beforeClick: () => Promise<void> = async () => {}) => {
    const ix = video(
      'images',
      [
        { name: 'prompt', value: 'a paper boat' },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      [png('image1')],
    );
    await h!.discord.waitForCallback(ix.id);
    const done = await until((await latestTask()).id, 'done');
    await beforeClick();
    h!.discord.injectRestFault({ route: 'POST /attachments/refresh-urls', status: 503, times: 10 });
    const click = h!.discord.dispatchComponent({
      customId: `v1:reroll:${done.id}`,
      messageId: h!.discord.originalMessage(ix.id)!.id,
      user: MEMBER,
    });
    const cb = await h!.discord.waitForCallback(click.id);
    expect(h!.discord.requestsTo('POST /attachments/refresh-urls').length).toBeGreaterThanOrEqual(1);
    return { done, cb };
  };

  it('files already reviewed: it starts anyway with the cached asset ids, no new review', async () => {
    await start();
    const { done, cb } = await rerollWithoutResign();
    expect((cb.data?.flags as number | undefined) ?? 0).toBe(0); // the public card, not "upload them again"
    const rerolled = await until((await latestTask()).id, (t) => t.id !== done.id && t.state === 'done');
    expect(rerolled.parentId).toBe(done.id);
    expect(h!.seedance.auditCount()).toBe(1); // no new review
    const assetId = done.review!.items[0]!.assetId!;
    expect(rerolled.review?.items[0]).toMatchObject({ reused: true, assetId });
    expect(creates()[1]!.body).toMatchObject({ images: [`asset://${assetId}`] });
  });

  it('files the review cache no longer holds: the member is asked to upload again, nothing sent', async () => {
    await start();
    const { cb } = await rerollWithoutResign(async () => {
      // As after the cache's 30 days: the file would have to be fetched (and reviewed) again.
      const stored: string[] = [];
      for await (const page of h!.app.store.pages('assets:')) stored.push(...page.map(([k]) => k));
      expect(stored).toHaveLength(1);
      await h!.app.store.transact(stored, (tx) => {
        for (const k of stored) tx.delete(k);
      });
    });
    expect(cb.data?.flags).toBe(64);
    expect(String(cb.data?.content)).toContain('upload them again');
    expect(h!.seedance.auditCount()).toBe(1);
    expect(creates()).toHaveLength(1);
    expect(await h!.app.tasks.listRecentByUser(MEMBER.id)).toHaveLength(1);
  });
});

describe('several API keys: the media review fails over to a healthy key', () => {
  const K1 = 'sk_review_first';
  const K2 = 'sk_review_second';
  const startTwoKeys = () =>
    start({ seedance: { apiKey: K1, apiKeys: [K2] }, env: { SEEDANCE_API_KEY: `${K1},${K2}` } });
  const auditKeys = () =>
    h!.seedance.requests.filter((r) => r.path.endsWith('/assets/audit')).map((r) => r.headers.authorization);
  const upload = (prompt: string) =>
    video(
      'images',
      [
        { name: 'prompt', value: prompt },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      [png('image1')],
    );

  it('the first key refused: the files are reviewed under the next key and the task is created with it', async () => {
    await startTwoKeys();
    h!.seedance.setKeyState(K1, 'refused');
    const ix = upload('a heron takes off');
    await h!.discord.waitForCallback(ix.id);
    const done = await until((await latestTask()).id, 'done');
    expect(auditKeys()).toEqual([`Bearer ${K1}`, `Bearer ${K2}`]); // refused (nothing reviewed), then K2
    expect(done).toMatchObject({ usage: 'committed', upstreamKey: keyFingerprint(K2) });
    expect(h!.seedance.createCountFor(K2)).toBe(1);
    const assetId = assetIdOf(done.request.images![0]!)!;
    expect(h!.seedance.assets.get(assetId)?.apiKey).toBe(K2);
    expect(creates()[0]!.body).toMatchObject({ images: [`asset://${assetId}`] });
    // The next upload goes straight to K2 (K1 is set aside), and a Re-roll reuses K2's review.
    const next = upload('a heron lands');
    await h!.discord.waitForCallback(next.id);
    await until((await latestTask()).id, 'done');
    expect(auditKeys()).toEqual([`Bearer ${K1}`, `Bearer ${K2}`, `Bearer ${K2}`]);
  });

  it('the first key out of balance: its create is refused, the files are reviewed again under the next key', async () => {
    await startTwoKeys();
    h!.seedance.setKeyState(K1, 'broke');
    const ix = upload('a storm over the bay');
    await h!.discord.waitForCallback(ix.id);
    const done = await until((await latestTask()).id, 'done', 15_000);
    // K1 reviewed (its account still does that) but could not create; K2 reviewed again and created.
    expect(auditKeys()).toEqual([`Bearer ${K1}`, `Bearer ${K2}`]);
    expect(h!.seedance.createCountFor(K1)).toBe(1);
    expect(h!.seedance.createCountFor(K2)).toBe(1);
    expect(done).toMatchObject({ usage: 'committed', upstreamKey: keyFingerprint(K2) });
    const k2Asset = [...h!.seedance.assets.values()].find((a) => a.apiKey === K2)!;
    expect(done.review?.items[0]).toMatchObject({ assetId: k2Asset.assetId });
    expect(await usageTotals()).toEqual({ tasks: 1, running: 0 }); // charged once
  });
});

describe('several uploads in review at once', () => {
  it('share status queries: one query asks about the files of several tasks, each task is created once', async () => {
    await start({ seedance: { assetReviewMs: 1500 } });
    const users = [0, 1, 2, 3, 4].map((n) => ({ id: `20000000000000010${n}`, username: `m${n}` }));
    const ixs = users.map((user, n) =>
      video(
        'images',
        [
          { name: 'prompt', value: `scene ${n}` },
          { name: 'model', value: 'sd2_mx_720p' },
        ],
        [png('image1', { filename: `scene${n}.png` })],
        user,
      ),
    );
    for (const ix of ixs) await h!.discord.waitForCallback(ix.id);
    const tasks = await Promise.all(users.map((u) => latestTask(u.id)));
    await Promise.all(tasks.map((t) => until(t.id, 'done', 10_000)));
    expect(h!.seedance.auditCount()).toBe(5);
    expect(creates()).toHaveLength(5);
    const asked = h!.seedance.requests
      .filter((r) => r.path.endsWith('/assets/status'))
      .map((r) =>
        decodeURIComponent(r.query ?? '')
          .replace(/^assetIds=/, '')
          .split(','),
      );
    expect(Math.max(...asked.map((ids) => ids.length))).toBeGreaterThan(1);
  });
});

describe('a reused asset the video service no longer knows', () => {
  it('fails refunded, is forgotten, and Retry reviews the file again', async () => {
    await start();
    const ix = video(
      'images',
      [
        { name: 'prompt', value: 'a harbour' },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      [png('image1')],
    );
    await h!.discord.waitForCallback(ix.id);
    const first = await until((await latestTask()).id, 'done');
    h!.seedance.assets.clear(); // expired upstream
    const reroll = h!.discord.dispatchComponent({
      customId: `v1:reroll:${first.id}`,
      messageId: h!.discord.originalMessage(ix.id)!.id,
      user: MEMBER,
    });
    await h!.discord.waitForCallback(reroll.id);
    const refused = await until((await latestTask()).id, (t) => t.id !== first.id && !!t.toldAt);
    expect(refused).toMatchObject({ state: 'failed', usage: 'refunded', lastError: { reason: 'invalid_request' } });
    expect(h!.seedance.auditCount()).toBe(1);
    const retry = h!.discord.dispatchComponent({
      customId: `v1:retry:${refused.id}`,
      messageId: h!.discord.originalMessage(reroll.id)!.id,
      user: MEMBER,
    });
    await h!.discord.waitForCallback(retry.id);
    const retried = await until((await latestTask()).id, (t) => t.id !== refused.id && t.state === 'done');
    expect(retried.parentId).toBe(refused.id);
    expect(h!.seedance.auditCount()).toBe(2); // reviewed again, not reused
    expect(retried.review?.items[0]?.reused).toBeUndefined();
  });
});

describe('Remix and Extend on a Manxue model', () => {
  let dir: string;
  let clip: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'manxue-e2e-'));
    clip = join(dir, 'clip.mp4');
    await makeVideo(clip, { seconds: 2, width: 1280, height: 720, bitsPerSec: 1_000_000 });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function finishedWithImage() {
    h!.seedance.enqueueScript({ kind: 'succeed', queuedMs: 50, runMs: 50, videoFile: clip });
    const ix = video(
      'images',
      [
        { name: 'prompt', value: 'a kite over the dunes' },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      [png('image1')],
    );
    await h!.discord.waitForCallback(ix.id);
    const task = await until((await latestTask()).id, (t) => t.state === 'done' && !t.interaction.token, 20_000);
    const card = h!.discord.originalMessage(ix.id)!;
    return { task, card: { id: card.id, channelId: card.channelId } };
  }

  it('Remix keeps the reviewed image: no second review, the same asset id', async () => {
    await start();
    const { task, card } = await finishedWithImage();
    const modal = h!.discord.dispatchComponent({ customId: `v1:remix:${task.id}`, message: card, user: MEMBER });
    expect((await h!.discord.waitForCallback(modal.id)).type).toBe(9);
    h!.seedance.enqueueScript({ kind: 'succeed', queuedMs: 50, runMs: 50, videoFile: clip });
    const ix = h!.discord.dispatchModalSubmit({
      customId: `v1:remixform:${task.id}`,
      fields: { prompt: 'the kite at night', duration: '6', ratio: '' },
      user: MEMBER,
      message: card,
    });
    await h!.discord.waitForCallback(ix.id, 20_000);
    const remix = await until(
      (
        await eventually(
          async () => (await h!.app.tasks.listRecentByUser(MEMBER.id)).find((t) => t.parentId === task.id),
          5000,
          'remix',
        )
      ).id,
      'done',
      20_000,
    );
    expect(h!.seedance.auditCount()).toBe(1);
    expect(creates()[1]!.body).toMatchObject({
      prompt: 'the kite at night',
      duration: 6,
      images: [`asset://${task.review!.items[0]!.assetId}`],
    });
    expect(remix.review?.items[0]).toMatchObject({ reused: true });
  }, 60_000);

  it('Extend sends the last frame through the media review, then starts from it as an asset', async () => {
    await start();
    const { task, card } = await finishedWithImage();
    const modal = h!.discord.dispatchComponent({ customId: `v1:extend:${task.id}`, message: card, user: MEMBER });
    expect((await h!.discord.waitForCallback(modal.id)).type).toBe(9);
    h!.seedance.enqueueScript({ kind: 'succeed', queuedMs: 50, runMs: 50, videoFile: clip });
    const ix = h!.discord.dispatchModalSubmit({
      customId: `v1:extendform:${task.id}`,
      fields: { prompt: 'the kite lands', duration: '5' },
      user: MEMBER,
      message: card,
    });
    await h!.discord.waitForCallback(ix.id, 20_000);
    const next = await until(
      (
        await eventually(
          async () => (await h!.app.tasks.listRecentByUser(MEMBER.id)).find((t) => t.parentId === task.id),
          20_000,
          'extend',
        )
      ).id,
      'done',
      20_000,
    );
    const frame = next.request.first_image!;
    expect(frame).toContain(`last-frame-${task.id}.jpg`);
    expect(h!.seedance.audits()).toEqual([{ imageUrls: [task.request.images![0]] }, { imageUrls: [frame] }]);
    expect(creates()[1]!.body).toMatchObject({ first_image: `asset://${assetIdOf(frame)}` });
    expect(creates()[1]!.body).not.toHaveProperty('images');
  }, 60_000);

  it('a card whose file the review refused offers neither Retry nor Remix, and a forged Remix is refused', async () => {
    await start();
    const ix = video(
      'images',
      [
        { name: 'prompt', value: 'p' },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      [png('image1', { filename: 'review-fail.png' })],
    );
    await h!.discord.waitForCallback(ix.id);
    const task = await until((await latestTask()).id, (t) => !!t.toldAt);
    expect(buttonsOf(ix.id)).not.toMatch(/v1:(retry|remix):/);
    const card = h!.discord.originalMessage(ix.id)!;
    const click = h!.discord.dispatchComponent({
      customId: `v1:remix:${task.id}`,
      message: { id: card.id, channelId: card.channelId },
      user: MEMBER,
    });
    const cb = await h!.discord.waitForCallback(click.id);
    expect(cb.type).toBe(4);
    expect(String(cb.data?.content)).toMatch(/different file/);
  });
});

describe('frames and a reference video on sd2_mx_video_720p', () => {
  it('first and last frames become asset:// ids in first_image and last_image', async () => {
    await start();
    const ix = video(
      'frames',
      [
        { name: 'prompt', value: 'from dawn to dusk' },
        { name: 'model', value: 'sd2_mx_video_720p' },
      ],
      [png('first_frame'), png('last_frame', { width: 720, height: 1280 })],
    );
    await h!.discord.waitForCallback(ix.id);
    const done = await until((await latestTask()).id, 'done');
    const [first, last] = [done.request.first_image!, done.request.last_image!];
    expect(h!.seedance.audits()).toEqual([{ imageUrls: [first, last] }]);
    expect(creates()[0]!.body).toMatchObject({
      first_image: `asset://${assetIdOf(first)}`,
      last_image: `asset://${assetIdOf(last)}`,
    });
    expect(creates()[0]!.body).not.toHaveProperty('images');
  });

  it('a reference video and a reference image go in videoUrls/imageUrls, then reference_videos/images', async () => {
    await start();
    const ix = video(
      'references',
      [
        { name: 'prompt', value: 'dance like this' },
        { name: 'model', value: 'sd2_mx_video_720p' },
      ],
      [
        {
          optionName: 'video1',
          filename: 'moves.mp4',
          contentType: 'video/mp4',
          size: 2_000_000,
          width: 1280,
          height: 720,
        },
        png('image1'),
      ],
    );
    await h!.discord.waitForCallback(ix.id);
    const done = await until((await latestTask()).id, 'done');
    const [vid, img] = [done.request.reference_videos![0]!, done.request.images![0]!];
    expect(h!.seedance.audits()).toEqual([{ imageUrls: [img], videoUrls: [vid] }]);
    expect(creates()[0]!.body).toMatchObject({
      images: [`asset://${assetIdOf(img)}`],
      reference_videos: [`asset://${assetIdOf(vid)}`],
    });
  });
});

describe('a review that fails', () => {
  it('names the file and the reason, refunds, creates nothing, and offers no Retry', async () => {
    await start();
    const ix = video(
      'images',
      [
        { name: 'prompt', value: 'portrait' },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      [png('image1', { filename: 'review-fail_me.png' })],
    );
    await h!.discord.waitForCallback(ix.id);
    const task = await latestTask();
    const failed = await until(task.id, (t) => !!t.toldAt);
    expect(failed).toMatchObject({
      state: 'failed',
      usage: 'refunded',
      lastError: { stage: 'review', reason: 'review_failed', file: 'review-fail_me.png' },
    });
    const embed = embedOf(ix.id);
    expect(embed).toContain('review-fail\\\\_me.png'); // named, escaped (the underscore is not markup)
    expect(embed).toContain('recognisable real person'); // the upstream's reason
    expect(embed).toContain('refunded');
    expect(buttonsOf(ix.id)).not.toContain('v1:retry:');
    expect(creates()).toHaveLength(0);
    expect(await usageTotals()).toEqual({ tasks: 0, running: 0 });
    // A Retry click on the task (an old card) is refused privately; nothing is reviewed again.
    const click = h!.discord.dispatchComponent({
      customId: `v1:retry:${task.id}`,
      messageId: h!.discord.originalMessage(ix.id)!.id,
      user: MEMBER,
    });
    const cb = await h!.discord.waitForCallback(click.id);
    expect((cb.data?.flags as number) & 64).toBe(64);
    expect(String(cb.data?.content)).toMatch(/different file/);
    expect(h!.seedance.auditCount()).toBe(1);
  });

  it('a file refused at submission (failedItems) is named too, in zh-CN', async () => {
    await start();
    const ix = h!.discord.dispatchCommand({
      name: 'video',
      subcommand: 'images',
      user: MEMBER,
      locale: 'zh-CN',
      options: [
        { name: 'prompt', value: '肖像' },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      attachments: [png('image1', { filename: 'review-refuse.png' })],
    });
    await h!.discord.waitForCallback(ix.id);
    const failed = await until((await latestTask()).id, (t) => !!t.toldAt);
    expect(failed).toMatchObject({ state: 'failed', usage: 'refunded', lastError: { reason: 'review_failed' } });
    expect(embedOf(ix.id)).toContain('素材审核拒绝了 review-refuse.png');
    expect(embedOf(ix.id)).toContain('unsupported encoding');
    expect(h!.seedance.assetStatusCount()).toBe(0);
    expect(creates()).toHaveLength(0);
  });

  it('a review that takes longer than ASSET_REVIEW_TIMEOUT_MIN fails refunded and says so', async () => {
    await start({ env: { ASSET_REVIEW_TIMEOUT_MIN: '0.01' } });
    const ix = video(
      'images',
      [
        { name: 'prompt', value: 'slow' },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      [png('image1', { filename: 'review-stuck.png' })],
    );
    await h!.discord.waitForCallback(ix.id);
    const failed = await until((await latestTask()).id, (t) => !!t.toldAt);
    expect(failed).toMatchObject({ state: 'failed', usage: 'refunded', lastError: { reason: 'review_timeout' } });
    expect(embedOf(ix.id)).toContain('did not finish within 1 minutes');
    expect(creates()).toHaveLength(0);
    expect(await usageTotals()).toEqual({ tasks: 0, running: 0 });
  });
});

describe('durability', () => {
  it('a restart during the review resumes polling; nothing is submitted twice', async () => {
    await start({ seedance: { assetReviewMs: 2500 } });
    const ix = video(
      'images',
      [
        { name: 'prompt', value: 'after the restart' },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      [png('image1')],
    );
    await h!.discord.waitForCallback(ix.id);
    const task = await until((await latestTask()).id, 'reviewing');
    await h!.stopApp();
    const app = await h!.restart();
    const done = await eventually(
      async () => {
        const t = await app.tasks.get(task.id);
        return t?.state === 'done' ? t : undefined;
      },
      10_000,
      'done after the restart',
    );
    expect(h!.seedance.auditCount()).toBe(1);
    expect(creates()).toHaveLength(1);
    expect(creates()[0]!.body).toMatchObject({ images: [`asset://${done.review!.items[0]!.assetId}`] });
    expect(done.usage).toBe('committed');
  });

  it('a review submission with an unknown outcome is never resent: uncertain, refunded', async () => {
    await start();
    h!.seedance.injectFault('audit', { kind: 'reset' });
    const ix = video(
      'images',
      [
        { name: 'prompt', value: 'lost answer' },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      [png('image1')],
    );
    await h!.discord.waitForCallback(ix.id);
    const ended = await until((await latestTask()).id, (t) => !!t.toldAt);
    expect(ended).toMatchObject({ state: 'uncertain', usage: 'refunded', lastError: { reason: 'review_uncertain' } });
    expect(h!.seedance.auditCount()).toBe(1);
    expect(creates()).toHaveLength(0);
  });
});

describe('refused before anything is sent', () => {
  it.each([
    ['a side under 300 px', { width: 299, height: 400 }, /299×400 px.*300 to 6000 px/],
    ['a side over 6000 px', { width: 6400, height: 4000 }, /6400×4000 px.*300 to 6000 px/],
    ['a ratio outside 0.4–2.5', { width: 3000, height: 1000 }, /aspect ratio 3\b.*0\.4 to 2\.5/],
  ])('%s', async (_name, size, expected) => {
    await start();
    const ix = video(
      'images',
      [
        { name: 'prompt', value: 'x' },
        { name: 'model', value: 'sd2_mx_720p' },
      ],
      [png('image1', size)],
    );
    const cb = await h!.discord.waitForCallback(ix.id);
    expect((cb.data?.flags as number) & 64).toBe(64);
    expect(String(cb.data?.content)).toMatch(expected);
    await new Promise((r) => setTimeout(r, 100));
    expect(h!.seedance.requests).toHaveLength(0);
    expect(await h!.app.tasks.listRecentByUser(MEMBER.id)).toHaveLength(0);
    expect(await usageTotals()).toEqual({ tasks: 0, running: 0 });
  });

  it('asset ids typed by a member are sent as they are, without a review', async () => {
    await start();
    // The references mode takes no typed URLs; the JSON path of the CLI and the service do. Here: the service.
    const created = await h!.app.tasks.create({
      guildId: h!.discord.guilds[0]!.id,
      channelId: '1',
      userId: MEMBER.id,
      locale: 'en-US',
      interaction: { applicationId: '1', token: 't', createdAt: Date.now() },
      model: 'sd2_mx_720p',
      request: { model: 'sd2_mx_720p', prompt: 'p', duration: 5, images: ['asset://typed-1'] },
      cost: { billing: 'per_second', units: 5, seconds: 5, billedAs: 'sd2_mx_720p' },
    });
    if (!created.ok) throw new Error('not created');
    const sent = await h!.app.tasks.submit(created.task.id);
    expect(h!.seedance.auditCount()).toBe(0);
    // The fake knows no asset typed-1: the vendor refuses it, which shows the id went out untouched.
    expect(creates()[0]!.body).toMatchObject({ images: ['asset://typed-1'] });
    expect(sent.state).toBe('failed');
  });
});
