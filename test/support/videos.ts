/**
 * Real videos for tests, made by the same ffmpeg the bot uses (no binary fixtures in git): a test pattern
 * with moving noise (so it does not compress to nothing) and a tone, at a chosen size, length and bitrate.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { bundledFfmpegPath } from '../../src/services/media/ffmpeg.js';
import { ffmpegCandidates } from '../../src/services/media/findFfmpeg.js';

const run = promisify(execFile);

/** The ffmpeg the bot picks on this machine (a system one ≥ 5.0, else the bundled one; FFMPEG_PATH not read). */
export const FFMPEG = (await ffmpegCandidates({ bundled: bundledFfmpegPath })).candidates[0]!.path;

export async function makeVideo(
  file: string,
  o: { seconds: number; width: number; height: number; bitsPerSec: number; audio?: boolean },
): Promise<void> {
  const rate = String(o.bitsPerSec);
  await run(FFMPEG, [
    ...['-hide_banner', '-v', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc2=size=${o.width}x${o.height}:rate=24`],
    ...(o.audio === false ? [] : ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000']),
    ...['-t', String(o.seconds), '-vf', 'noise=alls=12:allf=t'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', rate, '-maxrate', rate, '-bufsize', rate],
    ...(o.audio === false ? [] : ['-c:a', 'aac', '-b:a', '128k']),
    ...['-pix_fmt', 'yuv420p', file],
  ]);
}

/** Decodes every frame: resolves with ffmpeg's error output (empty for a valid file) and the stream summary. */
export async function decodeCheck(file: string): Promise<{ errors: string; summary: string }> {
  const decoded = await run(FFMPEG, ['-hide_banner', '-v', 'error', '-i', file, '-f', 'null', '-']).catch(
    (err: { stderr?: string }) => ({ stderr: err.stderr ?? 'ffmpeg failed' }),
  );
  const summary = await run(FFMPEG, ['-hide_banner', '-i', file]).catch((err: { stderr?: string }) => ({
    stderr: err.stderr ?? '',
  }));
  return { errors: decoded.stderr.trim(), summary: summary.stderr };
}
