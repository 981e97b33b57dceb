/**
 * Fitting a finished video to Discord's default upload limit: a 15 s 1080p clip of about 25 MB (a test pattern
 * with moving noise and a tone, made by ffmpeg) into 10 MiB, as delivery does it (two-pass H.264 + AAC).
 * Figures: wall-clock seconds of encoding per second of video, the encoder's peak memory (ffmpeg's VmHWM,
 * sampled from /proc while it runs, plus the bot process's own growth), and the fitted size over the limit.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundledFfmpegPath } from '../src/services/media/ffmpeg.js';
import { fitToLimit } from '../src/services/media/fitToLimit.js';
import { report } from './report.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;

/** Largest VmHWM (kB) of any running process whose command line mentions `marker`. */
function sampleFfmpegPeak(marker: string): number {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]));
    } catch {
      // the process ended between the listing and the read
    }
  }
  return peak;
}

export async function benchEncode(): Promise<void> {
  const ffmpeg = process.env.FFMPEG_PATH || bundledFfmpegPath();
  if (!ffmpeg) {
    process.stderr.write('encode bench skipped: no ffmpeg (install @ffmpeg-installer/ffmpeg or set FFMPEG_PATH)\n');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-encode-'));
  try {
    const source = join(dir, 'source-1080p.mp4');
    await run(ffmpeg, [
      ...['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=24'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', '15', '-vf', 'noise=alls=12:allf=t'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '13M', '-maxrate', '13M', '-bufsize', '4M'],
      ...['-c:a', 'aac', '-b:a', '128k', '-pix_fmt', 'yuv420p', source],
    ]);
    const sourceBytes = statSync(source).size;
    const limit = 10 * MiB;
    const work = join(dir, 'job');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(work);
    let ffmpegPeakKb = 0;
    const sampler = setInterval(() => {
      ffmpegPeakKb = Math.max(ffmpegPeakKb, sampleFfmpegPeak(source));
    }, 50);
    const rssBefore = process.memoryUsage().rss;
    let botPeak = rssBefore;
    const botSampler = setInterval(() => {
      botPeak = Math.max(botPeak, process.memoryUsage().rss);
    }, 50);
    const started = performance.now();
    const fit = await fitToLimit(source, limit, { ffmpeg, workDir: work, timeoutMs: 600_000 });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    clearInterval(botSampler);
    if (fit.kind !== 'fitted') throw new Error(`the bench clip did not fit: ${fit.reason}`);
    process.stderr.write(
      `encode: ${(sourceBytes / MiB).toFixed(1)} MiB 1080p 15 s → ${(fit.bytes / MiB).toFixed(2)} MiB in ${seconds.toFixed(1)} s\n`,
    );
    report(
      'encode_seconds_per_video_second_1080p',
      seconds / fit.info.durationSec,
      's',
      '< 2 (15 s 1080p, 25 MB → 10 MiB)',
    );
    report(
      'encode_peak_rss',
      ffmpegPeakKb / 1024 + (botPeak - rssBefore) / MiB,
      'MB',
      'reported (ffmpeg VmHWM + bot growth)',
    );
    report('encode_fitted_size_over_limit', fit.bytes / limit, 'ratio', '0.85–1.0');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
