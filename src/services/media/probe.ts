/**
 * What ffmpeg says about a media file (`ffmpeg -i file`): duration, the first video stream's codec, size and
 * frame rate, and whether it has audio. A file ffmpeg cannot read is `undefined`.
 */
import { runFfmpeg } from './ffmpeg.js';

export interface MediaInfo {
  durationSec: number;
  videoCodec: string;
  width: number;
  height: number;
  fps: number;
  hasAudio: boolean;
  audioCodec?: string;
}

/** Parses the stream summary ffmpeg prints for an input. Exported for tests. */
export function parseMediaInfo(stderr: string): MediaInfo | undefined {
  const d = /Duration:\s*(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr);
  const video = /Stream #\d+:\d+[^:]*: Video: (\w+)[^\n]*?, (\d{2,5})x(\d{2,5})[^\n]*/.exec(stderr);
  if (!d || !video) return undefined;
  const durationSec = Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]);
  const fps = Number(/([\d.]+) fps/.exec(video[0])?.[1] ?? /([\d.]+) tbr/.exec(video[0])?.[1] ?? 24);
  const audio = /Stream #\d+:\d+[^:]*: Audio: (\w+)/.exec(stderr);
  if (!(durationSec > 0)) return undefined;
  return {
    durationSec,
    videoCodec: video[1]!,
    width: Number(video[2]),
    height: Number(video[3]),
    fps: fps > 0 && fps < 1000 ? fps : 24,
    hasAudio: !!audio,
    audioCodec: audio?.[1],
  };
}

export async function probeMedia(
  binary: string,
  file: string,
  timeoutMs = 30_000,
  signal?: AbortSignal,
): Promise<MediaInfo | undefined> {
  const { stderr } = await runFfmpeg(binary, ['-i', file], { timeoutMs, signal });
  return parseMediaInfo(stderr);
}
