/**
 * Which ffmpeg the bot runs, in order: FFMPEG_PATH when set (the operator decided); the system's (`ffmpeg` on
 * PATH, e.g. Debian's) when it is 5.0 or newer; the one `@ffmpeg-installer/ffmpeg` bundles (a static build from
 * 2018, never patched since); a system one older than 5.0 as the last resort. Each is used only if it works
 * (the caller's check: a real test encode), otherwise the next one is tried; FFMPEG_PATH has no fallback.
 *
 * Why 5.0: ffmpeg decodes files the bot did not make (members' reference videos, the video service's output), so
 * it should be a build a distribution still patches. 5.0 (January 2022) is the oldest line in a Debian release with
 * security support (Debian 12 ships 5.1, Debian 13 7.1; the Docker image and CI install Debian's); older lines
 * (Ubuntu 20.04's 4.2, Debian 11's 4.3) are past their distributions' standard support or FFmpeg's own releases.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type FfmpegSource = 'setting' | 'system' | 'bundled';

export interface FfmpegCandidate {
  path: string;
  source: FfmpegSource;
  /** The release read from `ffmpeg -version` (system binaries only), when it could be read. */
  release?: FfmpegRelease;
}

export interface FfmpegRelease {
  major: number;
  minor: number;
}

/** The oldest system ffmpeg preferred over the bundled one (see above). */
export const MIN_SYSTEM_RELEASE: FfmpegRelease = { major: 5, minor: 0 };

/** libavcodec's major version → FFmpeg's (58 → 4.x, 59 → 5.x, 60 → 6.x, 61 → 7.x, 62 → 8.x). */
const LIBAVCODEC_TO_RELEASE = 54;

/**
 * The FFmpeg release of a `ffmpeg -version` output: from its first line (`ffmpeg version 5.1.6-0+deb12u1`,
 * `ffmpeg version n7.1`), else from the libavcodec line a git build prints (`libavcodec  61.  3.100`), minor 0.
 */
export function parseFfmpegVersion(output: string): FfmpegRelease | undefined {
  const firstLine = output.split('\n', 1)[0] ?? '';
  const release = /^ffmpeg version n?(\d+)\.(\d+)/i.exec(firstLine.trim());
  if (release) return { major: Number(release[1]), minor: Number(release[2]) };
  const avcodec = /^\s*libavcodec\s+(\d+)\.\s*\d+/m.exec(output);
  if (avcodec && Number(avcodec[1]) >= 58) return { major: Number(avcodec[1]) - LIBAVCODEC_TO_RELEASE, minor: 0 };
  return undefined;
}

export const atLeast = (r: FfmpegRelease, min: FfmpegRelease) =>
  r.major > min.major || (r.major === min.major && r.minor >= min.minor);

export const showRelease = (r: FfmpegRelease | undefined) => (r ? `${r.major}.${r.minor}` : 'unknown');

/** The first executable file called `name` in the PATH's folders. */
export function findOnPath(name: string, pathEnv: string | undefined): string | undefined {
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      if (!statSync(file).isFile()) continue;
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not there, or not executable: the next folder
    }
  }
  return undefined;
}

const VERSION_KEEP = 16 * 1024;

/** `binary -version`'s output (its first 16 KB), or undefined when it does not run within `timeoutMs`. */
export function readVersionOutput(binary: string, timeoutMs = 5000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(binary, ['-version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => {
      if (out.length < VERSION_KEEP) out += c.slice(0, VERSION_KEEP - out.length);
    });
    child.once('error', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 && out ? out : undefined);
    });
  });
}

export interface FindFfmpegOptions {
  /** FFMPEG_PATH (`none` is the caller's business). */
  setting?: string;
  /** The PATH to look for a system ffmpeg in (default: this process's). */
  pathEnv?: string;
  /** Where the bundled binary is, if installed. */
  bundled: () => string | undefined;
}

export interface FfmpegCandidates {
  /** In the order to try them. */
  candidates: FfmpegCandidate[];
  /** Why the system ffmpeg is not first (older than 5.0, or its version unreadable), for a log line. */
  systemNote?: string;
}

/** The binaries to try, best first (see the top of this file). */
export async function ffmpegCandidates(options: FindFfmpegOptions): Promise<FfmpegCandidates> {
  if (options.setting) return { candidates: [{ path: options.setting, source: 'setting' }] };
  const bundledPath = options.bundled();
  const bundled: FfmpegCandidate[] = bundledPath ? [{ path: bundledPath, source: 'bundled' }] : [];
  const systemPath = findOnPath('ffmpeg', options.pathEnv ?? process.env.PATH);
  if (!systemPath) return { candidates: bundled };
  const output = await readVersionOutput(systemPath);
  const release = output ? parseFfmpegVersion(output) : undefined;
  const system: FfmpegCandidate = { path: systemPath, source: 'system', release };
  if (release && atLeast(release, MIN_SYSTEM_RELEASE)) return { candidates: [system, ...bundled] };
  const systemNote = !output
    ? `${systemPath} -version did not answer`
    : !release
      ? `the version of ${systemPath} could not be read`
      : `${systemPath} is ffmpeg ${showRelease(release)}, older than ${showRelease(MIN_SYSTEM_RELEASE)}`;
  // A system ffmpeg that answers, however old, still beats no encoder at all.
  return { candidates: [...bundled, ...(output ? [system] : [])], systemNote };
}

export type ChosenFfmpeg = FfmpegCandidate & { version: string };

/**
 * The first candidate `check` accepts, with its version line; the ones it refused, with why (for a log line).
 */
export async function chooseFfmpeg(
  candidates: readonly FfmpegCandidate[],
  check: (path: string) => Promise<{ ok: true; version: string } | { ok: false; reason: string }>,
): Promise<{ chosen?: ChosenFfmpeg; refused: Array<FfmpegCandidate & { reason: string }> }> {
  const refused: Array<FfmpegCandidate & { reason: string }> = [];
  for (const candidate of candidates) {
    const result = await check(candidate.path);
    if (result.ok) return { chosen: { ...candidate, version: result.version }, refused };
    refused.push({ ...candidate, reason: result.reason });
  }
  return { refused };
}
