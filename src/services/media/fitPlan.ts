/**
 * How to make a video fit an upload limit: the bitrates (and, only when needed, a smaller frame) that an
 * H.264 + AAC encode should aim for. Pure arithmetic, so it is tested without ffmpeg.
 *
 * The target is the limit minus a safety margin (container overhead, rate-control error): a two-pass encode
 * lands within a few percent of its bitrate. The frame is scaled down only when the bits per pixel would fall
 * below what still looks like video (0.05 for H.264), keeping the aspect ratio and even dimensions.
 */
import type { MediaInfo } from './probe.js';

export interface FitPlan {
  videoBitsPerSec: number;
  audioBitsPerSec: number;
  /** Output frame size (the input's when no scaling is needed). */
  width: number;
  height: number;
  scaled: boolean;
}

/** Share of the limit the encode aims at. */
export const FIT_TARGET_SHARE = 0.94;
/** Below this many bits per pixel per frame, scale the frame down rather than starve it. */
export const MIN_BITS_PER_PIXEL = 0.05;
const MIN_VIDEO_BITS = 150_000;
const MIN_SIDE = 144;

export function planFit(info: MediaInfo, limitBytes: number, share = FIT_TARGET_SHARE): FitPlan | undefined {
  const totalBits = (limitBytes * share * 8) / info.durationSec;
  const audioBitsPerSec = !info.hasAudio ? 0 : totalBits > 2_000_000 ? 128_000 : totalBits > 600_000 ? 96_000 : 64_000;
  const videoBitsPerSec = Math.floor(totalBits - audioBitsPerSec);
  if (videoBitsPerSec < MIN_VIDEO_BITS) return undefined;
  const bpp = videoBitsPerSec / (info.width * info.height * info.fps);
  if (bpp >= MIN_BITS_PER_PIXEL)
    return { videoBitsPerSec, audioBitsPerSec, width: info.width, height: info.height, scaled: false };
  const factor = Math.sqrt(bpp / MIN_BITS_PER_PIXEL);
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  let width = even(info.width * factor);
  let height = even(info.height * factor);
  const short = Math.min(width, height);
  if (short < MIN_SIDE) {
    const up = MIN_SIDE / short;
    width = even(width * up);
    height = even(height * up);
  }
  return { videoBitsPerSec, audioBitsPerSec, width, height, scaled: true };
}
