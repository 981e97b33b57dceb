/**
 * Finished videos larger than the server's upload limit are re-encoded by a real ffmpeg to fit, and
 * uploaded into the card with the full-quality link beside them; videos under the limit go up untouched.
 * The videos are real ones made by ffmpeg for each run (no binary fixtures).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseMediaInfo } from '../../src/services/media/probe.js';
import { eventually, type Harness, startHarness } from '../harness.js';
import { decodeCheck, makeVideo } from '../support/videos.js';

const MiB = 1024 * 1024;
const MEMBER = { id: '340000000000000001', username: 'fay' };
const LIMIT = 1.5 * MiB;
let h: Harness | undefined;
let dir: string;
let big: string;
let small: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'encode-e2e-'));
  big = join(dir, 'big.mp4');
  small = join(dir, 'small.mp4');
  // 3 s of 1080p at 10 Mbit/s: about 3.8 MB, well over the 1.5 MiB limit the interactions below carry.
  await makeVideo(big, { seconds: 3, width: 1920, height: 1080, bitsPerSec: 10_000_000 });
  await makeVideo(small, { seconds: 2, width: 640, height: 360, bitsPerSec: 1_000_000 });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function run(harness: Harness) {
  const ix = harness.discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: MEMBER,
    attachmentSizeLimit: LIMIT,
    options: [{ name: 'prompt', value: 'waves on a basalt shore' }],
  });
  await harness.discord.waitForCallback(ix.id);
  const task = await eventually(async () => (await harness.app.tasks.listRecentByUser(MEMBER.id))[0], 3000, 'the task');
  return { ix, task };
}

const uploads = (harness: Harness) => harness.discord.requests.flatMap((r) => r.files).filter((f) => f.size > 0);
const cardText = (harness: Harness, ixId: string) => {
  const card = harness.discord.originalMessage(ixId)!;
  return JSON.stringify(card.embeds) + JSON.stringify(card.components);
};

describe('fit to the upload limit', () => {
  it('an over-limit 1080p video is uploaded fitted (valid H.264, same length, ≤ the limit), with the full-quality link', async () => {
    h = await startHarness({ env: { POLL_MIN_INTERVAL_SEC: '0.05' } });
    h.seedance.enqueueScript({ kind: 'succeed', queuedMs: 50, runMs: 50, videoFile: big });
    const { ix, task } = await run(h);
    await eventually(async () => (await h!.app.tasks.get(task.id))?.state === 'done', 60_000, 'done');
    const done = (await h.app.tasks.get(task.id))!;
    expect(done).toMatchObject({ usage: 'committed', delivery: { mode: 'upload' } });
    const [file] = uploads(h);
    expect(file).toBeDefined();
    expect(file!.size).toBeLessThanOrEqual(LIMIT);
    expect(file!.size / LIMIT).toBeGreaterThanOrEqual(0.85);
    const out = join(dir, 'uploaded.mp4');
    writeFileSync(out, file!.data);
    const check = await decodeCheck(out);
    expect(check.errors).toBe('');
    const info = parseMediaInfo(check.summary)!;
    expect(info.videoCodec).toBe('h264');
    expect(Math.abs(info.durationSec - 3)).toBeLessThanOrEqual(0.2);
    // The card said what was happening, then kept the original link beside the upload, with its expiry.
    const edits = h.discord.requests.map((r) => JSON.stringify(r.body ?? {}));
    expect(edits.some((b) => b.includes('Preparing the video for Discord'))).toBe(true);
    const card = h.discord.originalMessage(ix.id)!;
    expect(card.attachments).toHaveLength(1);
    expect(cardText(h, ix.id)).toContain(done.videoUrl!);
    expect(cardText(h, ix.id)).toContain('Made smaller to fit');
    expect(cardText(h, ix.id)).toMatch(/The full-quality video is behind the Open video button until <t:\d+:f>\./);
    // The expiry is given once.
    expect(cardText(h, ix.id).match(/<t:\d+:[fR]>/g)).toHaveLength(1);
    expect(h.app.media.pending).toBe(0);
  }, 90_000);

  it('a video under the limit is uploaded byte for byte', async () => {
    h = await startHarness({ env: { POLL_MIN_INTERVAL_SEC: '0.05' } });
    h.seedance.enqueueScript({ kind: 'succeed', queuedMs: 50, runMs: 50, videoFile: small });
    const { ix, task } = await run(h);
    await eventually(async () => (await h!.app.tasks.get(task.id))?.state === 'done', 20_000, 'done');
    const [file] = uploads(h);
    expect(file!.data.equals(readFileSync(small))).toBe(true);
    expect(cardText(h, ix.id)).not.toContain('Made smaller');
  }, 30_000);

  it('a corrupt over-limit file falls back to the link, saying it could not be made small enough', async () => {
    h = await startHarness({ env: { POLL_MIN_INTERVAL_SEC: '0.05' } });
    h.seedance.enqueueScript({ kind: 'succeed', queuedMs: 50, runMs: 50, videoBytes: 3 * MiB });
    const { ix, task } = await run(h);
    await eventually(async () => (await h!.app.tasks.get(task.id))?.state === 'done', 20_000, 'done');
    const done = (await h.app.tasks.get(task.id))!;
    expect(done).toMatchObject({ usage: 'committed', delivery: { mode: 'link' } });
    expect(uploads(h)).toEqual([]);
    expect(cardText(h, ix.id)).toContain('could not be made small enough');
    expect(h.logs.some((l) => l.includes('video not uploaded; posting the link'))).toBe(true);
  }, 30_000);

  it('without a working ffmpeg the bot starts, says so once, and delivers the link', async () => {
    h = await startHarness({ env: { POLL_MIN_INTERVAL_SEC: '0.05', FFMPEG_PATH: join(dir, 'no-such-ffmpeg') } });
    expect(h.logs.filter((l) => l.includes('ffmpeg does not work')).length).toBe(1);
    h.seedance.enqueueScript({ kind: 'succeed', queuedMs: 50, runMs: 50, videoFile: big });
    const { ix, task } = await run(h);
    await eventually(async () => (await h!.app.tasks.get(task.id))?.state === 'done', 20_000, 'done');
    expect((await h.app.tasks.get(task.id))!.delivery).toMatchObject({ mode: 'link' });
    expect(cardText(h, ix.id)).toContain('upload limit');
    expect(h.logs.filter((l) => l.includes('ffmpeg does not work')).length).toBe(1);
  }, 30_000);

  it('a restart while the video is being encoded delivers it after the restart, once, and leaves no temp files', async () => {
    const tempRoot = join(dir, 'media-tmp');
    h = await startHarness({ env: { POLL_MIN_INTERVAL_SEC: '0.05', MEDIA_TMP_DIR: tempRoot } });
    h.seedance.enqueueScript({ kind: 'succeed', queuedMs: 50, runMs: 50, videoFile: big });
    const { ix, task } = await run(h);
    await eventually(
      () => h!.discord.requests.some((r) => JSON.stringify(r.body ?? {}).includes('Preparing the video')),
      20_000,
      'encoding started',
    );
    await h.restart();
    await eventually(async () => (await h!.app.tasks.get(task.id))?.state === 'done', 60_000, 'done after restart');
    expect((await h.app.tasks.get(task.id))!.delivery).toMatchObject({ mode: 'upload' });
    expect(uploads(h)).toHaveLength(1);
    expect(h.discord.originalMessage(ix.id)!.attachments).toHaveLength(1);
    const { readdirSync } = await import('node:fs');
    await eventually(() => readdirSync(tempRoot).length === 0, 5000, 'temp files removed');
  }, 90_000);
});
