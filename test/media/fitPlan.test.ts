import { describe, expect, it } from 'vitest';
import { FIT_TARGET_SHARE, MIN_BITS_PER_PIXEL, planFit } from '../../src/services/media/fitPlan.js';
import { parseMediaInfo } from '../../src/services/media/probe.js';

const MiB = 1024 * 1024;
const hd = { durationSec: 15, videoCodec: 'h264', width: 1920, height: 1080, fps: 24, hasAudio: true };

describe('planFit', () => {
  it('aims the whole file (video + audio) at the target share of the limit', () => {
    const plan = planFit(hd, 10 * MiB)!;
    const bytes = ((plan.videoBitsPerSec + plan.audioBitsPerSec) * hd.durationSec) / 8;
    expect(bytes / (10 * MiB)).toBeCloseTo(FIT_TARGET_SHARE, 2);
    expect(plan).toMatchObject({ width: 1920, height: 1080, scaled: false, audioBitsPerSec: 128_000 });
  });

  it('keeps 1080p when the bits per pixel allow it, and scales 4K down keeping the ratio and even sides', () => {
    const uhd = { ...hd, width: 3840, height: 2160 };
    const plan = planFit(uhd, 10 * MiB)!;
    expect(plan.scaled).toBe(true);
    expect(plan.width % 2).toBe(0);
    expect(plan.height % 2).toBe(0);
    expect(plan.width / plan.height).toBeCloseTo(16 / 9, 1);
    expect(plan.videoBitsPerSec / (plan.width * plan.height * 24)).toBeGreaterThanOrEqual(MIN_BITS_PER_PIXEL * 0.95);
  });

  it('portrait video keeps its orientation when scaled', () => {
    const plan = planFit({ ...hd, width: 1080, height: 1920, durationSec: 60 }, 10 * MiB)!;
    expect(plan.scaled).toBe(true);
    expect(plan.height).toBeGreaterThan(plan.width);
  });

  it('no audio track: every bit goes to the video', () => {
    const plan = planFit({ ...hd, hasAudio: false }, 10 * MiB)!;
    expect(plan.audioBitsPerSec).toBe(0);
  });

  it('a video too long for the limit at any useful bitrate cannot be planned', () => {
    expect(planFit({ ...hd, durationSec: 3600 }, 10 * MiB)).toBeUndefined();
  });
});

describe('parseMediaInfo', () => {
  it('reads duration, codec, size, frame rate and audio from ffmpeg’s input summary', () => {
    const stderr = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'src.mp4':
  Duration: 00:00:15.02, start: 0.000000, bitrate: 13034 kb/s
    Stream #0:0(und): Video: h264 (Constrained Baseline) (avc1 / 0x31637661), yuv420p, 1920x1080 [SAR 1:1 DAR 16:9], 12985 kb/s, 24 fps, 24 tbr, 12288 tbn, 48 tbc (default)
    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, mono, fltp, 62 kb/s (default)
At least one output file must be specified`;
    expect(parseMediaInfo(stderr)).toEqual({
      durationSec: 15.02,
      videoCodec: 'h264',
      width: 1920,
      height: 1080,
      fps: 24,
      hasAudio: true,
      audioCodec: 'aac',
    });
  });

  it('a file without a video stream (or not media at all) is unreadable', () => {
    expect(parseMediaInfo('src.mp4: Invalid data found when processing input')).toBeUndefined();
    expect(parseMediaInfo('Duration: 00:00:03.00\n    Stream #0:0: Audio: aac, 48000 Hz')).toBeUndefined();
  });
});
