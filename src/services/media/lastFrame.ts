/**
 * The last frame of a video as a JPEG (for Extend: the next shot starts where this one ended). ffmpeg seeks
 * to just before the end and keeps overwriting one image, so what remains is the final decoded frame.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FfmpegError, runFfmpeg, tail } from './ffmpeg.js';
import { type MediaInfo, probeMedia } from './probe.js';

export interface Frame {
  file: string;
  bytes: number;
  width: number;
  height: number;
}

export async function extractLastFrame(
  source: string,
  options: { ffmpeg: string; workDir: string; timeoutMs: number; signal?: AbortSignal },
): Promise<Frame | { unreadable: string }> {
  const info: MediaInfo | undefined = await probeMedia(options.ffmpeg, source, 30_000, options.signal);
  if (!info) return { unreadable: 'ffmpeg finds no video stream in the file' };
  const out = join(options.workDir, 'last-frame.jpg');
  // Half a second before the end holds a dozen frames at 24 fps: the last one written is the last frame.
  const { code, stderr } = await runFfmpeg(
    options.ffmpeg,
    ['-v', 'error', '-y', '-sseof', '-0.5', '-i', source, '-update', '1', '-q:v', '2', out],
    { timeoutMs: options.timeoutMs, signal: options.signal },
  );
  if (code !== 0) throw new FfmpegError(`ffmpeg exited with ${code}`, tail(stderr));
  const bytes = (await stat(out).catch(() => undefined))?.size;
  if (!bytes) return { unreadable: 'ffmpeg wrote no frame' };
  return { file: out, bytes, width: info.width, height: info.height };
}
