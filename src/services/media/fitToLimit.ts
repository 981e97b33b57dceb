/**
 * Re-encodes a video so that it fits an upload limit: H.264 (two passes, so the size lands where it was
 * aimed) + AAC in MP4 with `+faststart`, at the bitrates of planFit. A result still over the limit is
 * encoded once more at a bitrate lowered by the miss. Everything is written inside `workDir`, which the
 * caller owns and removes.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FfmpegError, runFfmpeg, tail } from './ffmpeg.js';
import { type FitPlan, FIT_TARGET_SHARE, planFit } from './fitPlan.js';
import { type MediaInfo, probeMedia } from './probe.js';

export type FitResult =
  | { kind: 'fitted'; file: string; bytes: number; info: MediaInfo; plan: FitPlan }
  /** ffmpeg cannot read the file as a video. */
  | { kind: 'unreadable'; reason: string }
  /** Too long for the limit even at the lowest useful bitrate, or the encode kept missing. */
  | { kind: 'cannot_fit'; reason: string };

export interface FitOptions {
  ffmpeg: string;
  workDir: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** x264 speed preset: `veryfast` is a good size/time trade on small machines. */
  preset?: string;
}

export async function fitToLimit(source: string, limitBytes: number, options: FitOptions): Promise<FitResult> {
  const deadline = Date.now() + options.timeoutMs;
  const left = () => Math.max(1000, deadline - Date.now());
  const info = await probeMedia(options.ffmpeg, source, Math.min(30_000, options.timeoutMs), options.signal);
  if (!info) return { kind: 'unreadable', reason: 'ffmpeg finds no video stream in the file' };
  let share = FIT_TARGET_SHARE;
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const plan = planFit(info, limitBytes, share);
    if (!plan) return { kind: 'cannot_fit', reason: `${info.durationSec.toFixed(1)} s cannot fit ${limitBytes} bytes` };
    const out = join(options.workDir, `fitted-${attempt}.mp4`);
    await encode(source, out, plan, info, { ...options, timeoutMs: left() });
    const bytes = (await stat(out)).size;
    if (bytes <= limitBytes) return { kind: 'fitted', file: out, bytes, info, plan };
    // Missed (rare with two passes): aim lower by the ratio of the miss, with 3 % to spare.
    share = share * (limitBytes / bytes) * 0.97;
  }
  return { kind: 'cannot_fit', reason: 'the encode stayed over the limit twice' };
}

async function encode(source: string, out: string, plan: FitPlan, info: MediaInfo, o: FitOptions): Promise<void> {
  const passlog = join(o.workDir, 'pass');
  const video = [
    ...['-c:v', 'libx264', '-preset', o.preset ?? 'veryfast', '-b:v', String(plan.videoBitsPerSec)],
    ...['-pix_fmt', 'yuv420p', '-passlogfile', passlog],
    ...(plan.scaled ? ['-vf', `scale=${plan.width}:${plan.height}`] : []),
  ];
  const deadline = Date.now() + o.timeoutMs;
  const run = async (args: string[]) => {
    const { code, stderr } = await runFfmpeg(o.ffmpeg, args, {
      timeoutMs: Math.max(1000, deadline - Date.now()),
      signal: o.signal,
    });
    if (code !== 0) throw new FfmpegError(`ffmpeg exited with ${code}`, tail(stderr));
  };
  await run(['-v', 'error', '-y', '-i', source, ...video, '-pass', '1', '-an', '-f', 'null', '-']);
  const audio = info.hasAudio ? ['-c:a', 'aac', '-b:a', String(plan.audioBitsPerSec)] : ['-an'];
  await run([
    ...['-v', 'error', '-y', '-i', source, ...video, '-pass', '2', ...audio],
    ...['-map_metadata', '-1', '-movflags', '+faststart', out],
  ]);
}
