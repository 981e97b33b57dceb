/**
 * Running ffmpeg: the binary `@ffmpeg-installer/ffmpeg` ships (which one the bot uses: findFfmpeg.ts), a
 * start-up check that it runs, and one call that spawns it as a child process with a time limit. ffmpeg
 * does the work in its own process, so the event loop never waits on an encode; only its last lines of
 * stderr are kept (for errors), never the media.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** The ffmpeg binary of `@ffmpeg-installer/ffmpeg` for this platform, when it is installed. */
export function bundledFfmpegPath(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  } catch {
    return undefined;
  }
}

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly stderrTail: string,
  ) {
    super(message);
  }
}

export interface RunResult {
  code: number | null;
  stderr: string;
}

const STDERR_KEEP = 16 * 1024;

/**
 * Runs `ffmpeg args` and resolves with its exit code and the last 16 KB of stderr; kills it (SIGKILL)
 * when `timeoutMs` passes or `signal` aborts, and then rejects.
 */
export function runFfmpeg(
  binary: string,
  args: readonly string[],
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new FfmpegError('ffmpeg was stopped', ''));
      return;
    }
    const child = spawn(binary, ['-hide_banner', '-nostdin', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let killedFor: string | undefined;
    const kill = (why: string) => {
      killedFor ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill(`ffmpeg ran longer than ${options.timeoutMs} ms`), options.timeoutMs);
    const onAbort = () => kill('ffmpeg was stopped');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEEP);
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(new FfmpegError(`ffmpeg could not be started: ${err.message}`, ''));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (killedFor) reject(new FfmpegError(killedFor, tail(stderr)));
      else resolve({ code, stderr });
    });
  });
}

/** The last few lines of ffmpeg's stderr, for a log line. */
export function tail(stderr: string, lines = 4): string {
  return stderr.trim().split('\n').slice(-lines).join(' | ').slice(0, 600);
}

/** Checks that `binary` runs and can encode H.264 + AAC; resolves with its version line, or why not. */
export async function checkFfmpeg(
  binary: string,
): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  try {
    // A real (tiny) encode with the codecs delivery uses proves more than a version string.
    const { code, stderr } = await runFfmpeg(
      binary,
      [
        ...['-v', 'error', '-f', 'lavfi', '-i', 'color=c=black:s=64x64:r=24:d=0.2'],
        ...['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono', '-t', '0.2'],
        ...['-c:v', 'libx264', '-c:a', 'aac', '-f', 'null', '-'],
      ],
      { timeoutMs: 15_000 },
    );
    if (code !== 0) return { ok: false, reason: `a test encode exited with ${code}: ${tail(stderr)}` };
    const version = await new Promise<string>((resolve) => {
      const child = spawn(binary, ['-version'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (c: string) => {
        // Only the first line is used: never hold more than a few KB of whatever the binary prints.
        if (out.length < 4096) out += c.slice(0, 4096 - out.length);
      });
      child.once('error', () => resolve('unknown'));
      child.once('close', () => resolve(out.split('\n')[0]?.trim() || 'unknown'));
    });
    return { ok: true, version };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}
