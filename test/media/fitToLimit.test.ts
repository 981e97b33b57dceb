import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitToLimit } from '../../src/services/media/fitToLimit.js';
import { extractLastFrame } from '../../src/services/media/lastFrame.js';
import { parseMediaInfo } from '../../src/services/media/probe.js';
import { decodeCheck, FFMPEG, makeVideo } from '../support/videos.js';

const MiB = 1024 * 1024;
let dir: string;
let source: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fit-test-'));
  source = join(dir, 'source.mp4');
  // A 4 s 1080p clip at 12 Mbit/s (about 6 MB).
  await makeVideo(source, { seconds: 4, width: 1920, height: 1080, bitsPerSec: 12_000_000 });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fitToLimit (real ffmpeg)', () => {
  it('fits an over-limit 1080p clip into the limit as valid H.264 + AAC of the same length, without needless loss', async () => {
    const limit = 2 * MiB;
    expect(statSync(source).size).toBeGreaterThan(2 * limit);
    const work = mkdtempSync(join(dir, 'job-'));
    const fit = await fitToLimit(source, limit, { ffmpeg: FFMPEG, workDir: work, timeoutMs: 120_000 });
    expect(fit.kind).toBe('fitted');
    if (fit.kind !== 'fitted') return;
    expect(fit.bytes).toBeLessThanOrEqual(limit);
    expect(fit.bytes / limit).toBeGreaterThanOrEqual(0.85);
    const check = await decodeCheck(fit.file);
    expect(check.errors).toBe('');
    const info = parseMediaInfo(check.summary)!;
    expect(info).toMatchObject({ videoCodec: 'h264', audioCodec: 'aac', width: 1920, height: 1080 });
    expect(Math.abs(info.durationSec - 4)).toBeLessThanOrEqual(0.2);
  }, 120_000);

  it('a file that is not a video is unreadable, not an exception', async () => {
    const bad = join(dir, 'corrupt.mp4');
    writeFileSync(bad, Buffer.alloc(200_000, 7));
    const work = mkdtempSync(join(dir, 'job-'));
    const fit = await fitToLimit(bad, 100_000, { ffmpeg: FFMPEG, workDir: work, timeoutMs: 30_000 });
    expect(fit.kind).toBe('unreadable');
  });

  it('a time limit stops ffmpeg and rejects', async () => {
    const work = mkdtempSync(join(dir, 'job-'));
    await expect(fitToLimit(source, 2 * MiB, { ffmpeg: FFMPEG, workDir: work, timeoutMs: 300 })).rejects.toThrow(
      /longer than/,
    );
  });

  it('takes the last frame as a JPEG of the video’s size', async () => {
    const work = mkdtempSync(join(dir, 'job-'));
    const frame = await extractLastFrame(source, { ffmpeg: FFMPEG, workDir: work, timeoutMs: 30_000 });
    expect('file' in frame).toBe(true);
    if (!('file' in frame)) return;
    expect(frame).toMatchObject({ width: 1920, height: 1080 });
    const summary = (await decodeCheck(frame.file)).summary;
    expect(summary).toMatch(/Video: mjpeg.*1920x1080/);
  });
});
