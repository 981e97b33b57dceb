/**
 * Finished videos on their way to Discord, and frames taken from them. Owns ffmpeg (found and checked once
 * at start; without a working one everything falls back to links and says so once), the bounded encode
 * queue (`ENCODE_CONCURRENCY` ffmpeg jobs at a time, each with a time limit), and the temporary files: each
 * job has its own directory (jobDirs.ts), removed when the job ends; directories no live job owns (a killed
 * process's) are removed at start and every few minutes. A restart during an encode loses nothing: the task is still `delivering`, and
 * delivery (with the encode) starts again.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PQueue from 'p-queue';
import type { Logger } from '../../logging/logger.js';
import { type DownloadOptions, downloadVideo } from '../download/downloadVideo.js';
import { bundledFfmpegPath, checkFfmpeg, FfmpegError } from './ffmpeg.js';
import { chooseFfmpeg, type FfmpegSource, ffmpegCandidates } from './findFfmpeg.js';
import { fitToLimit } from './fitToLimit.js';
import { createJobDirs, type Owner } from './jobDirs.js';
import { extractLastFrame } from './lastFrame.js';

export interface MediaSettings {
  /** FFMPEG_PATH: a binary, `none` to turn encoding off, or unset for the system's or the bundled one (findFfmpeg.ts). */
  ffmpegPath?: string;
  /** Tests: the PATH searched for a system ffmpeg, the bundled binary, and the check each candidate must pass. */
  pathEnv?: string;
  bundledFfmpeg?: () => string | undefined;
  checkFfmpeg?: typeof checkFfmpeg;
  concurrency: number;
  timeoutMs: number;
  /** The largest finished video fetched for re-encoding (or for its last frame). */
  maxSourceBytes: number;
  /** Where job directories go (default: the OS temp directory). */
  tempRoot?: string;
  download?: Pick<DownloadOptions, 'allowHttp' | 'allowPrivateHosts'>;
  /** Tests: a fake clock, and posing as another process (see jobDirs.ts). */
  now?: () => number;
  owner?: Owner;
}

/** A job directory is left alone this long past the job time limit without a heartbeat (clock skew, stalls). */
const STALE_MARGIN_MS = 60_000;

export type PreparedUpload =
  | { kind: 'file'; data: Buffer; contentType: string; fitted?: { originalBytes: number; scaled: boolean } }
  /** Deliver the link instead, and why. */
  | { kind: 'link'; why: 'too_large' | 'refused' | 'fetch_failed' | 'cannot_fit' | 'no_encoder'; detail?: string };

export type LastFrameResult =
  | { kind: 'frame'; data: Buffer; width: number; height: number }
  | { kind: 'unavailable'; why: 'no_encoder' | 'gone' | 'unreadable' | 'too_large'; detail?: string };

export interface MediaService {
  /** Finds and checks ffmpeg, removes what killed processes left; call once before delivering. */
  start(): Promise<void>;
  readonly canEncode: boolean;
  /** The ffmpeg in use (after start): its path, where it came from (FFMPEG_PATH, the system, the npm package), version. */
  readonly ffmpeg: { path: string; source: FfmpegSource; version: string } | undefined;
  /** The video, ready for an upload of at most `limitBytes`: as it is, fitted by ffmpeg, or a reason for a link. */
  prepareUpload(url: string, limitBytes: number, hooks?: { onFitting?: () => Promise<void> }): Promise<PreparedUpload>;
  lastFrame(url: string): Promise<LastFrameResult>;
  /** Encodes waiting or running (for metrics and tests). */
  readonly pending: number;
  /** Stops every ffmpeg job now (shutdown): their deliveries fail and are tried again after the restart. */
  stop(): void;
  /** Removes job directories no live job owns (start does this, then a timer); resolves with how many. */
  sweep(): Promise<number>;
}

export function createMediaService(settings: MediaSettings, logger: Logger): MediaService {
  const root = settings.tempRoot ?? join(tmpdir(), 'seedance-bot-media');
  const queue = new PQueue({ concurrency: Math.max(1, settings.concurrency) });
  let ffmpeg: string | undefined;
  let ffmpegInfo: MediaService['ffmpeg'];
  let checked = false;
  const stopping = new AbortController();
  // A job may wait in the queue: its lock is touched while it exists, so only a dead owner's goes stale.
  const jobDirs = createJobDirs({
    root,
    staleAfterMs: settings.timeoutMs + STALE_MARGIN_MS,
    now: settings.now,
    owner: settings.owner,
  });
  const withJobDir = jobDirs.withJobDir;
  let sweeper: NodeJS.Timeout | undefined;
  const sweepQuietly = (why: string) =>
    jobDirs.sweep().then(
      (removed) => {
        if (removed) logger.info({ removed, why }, 'removed temporary media files left by a stopped process');
      },
      (err: unknown) => logger.warn({ err }, 'could not sweep temporary media files'),
    );

  const download = (url: string, file: string, maxBytes: number) =>
    downloadVideo(url, { ...settings.download, maxBytes, toFile: file, timeoutMs: settings.timeoutMs });

  return {
    get canEncode() {
      return !!ffmpeg;
    },
    get ffmpeg() {
      return ffmpegInfo;
    },
    get pending() {
      return queue.size + queue.pending;
    },

    stop() {
      queue.clear();
      stopping.abort();
      if (sweeper) clearInterval(sweeper);
      jobDirs.stop();
    },

    sweep: () => jobDirs.sweep(),

    async start() {
      if (checked) return;
      checked = true;
      await sweepQuietly('start');
      // A predecessor in another PID namespace (a new container) is judged by its last heartbeat: swept later.
      sweeper = setInterval(() => void sweepQuietly('periodic'), settings.timeoutMs + STALE_MARGIN_MS);
      sweeper.unref();
      if (settings.ffmpegPath === 'none') {
        logger.info('video encoding is off (FFMPEG_PATH=none): videos over the upload limit are delivered as links');
        return;
      }
      const { candidates, systemNote } = await ffmpegCandidates({
        setting: settings.ffmpegPath,
        pathEnv: settings.pathEnv,
        bundled: settings.bundledFfmpeg ?? bundledFfmpegPath,
      });
      if (systemNote) logger.info({ reason: systemNote }, 'the system ffmpeg is not preferred');
      if (candidates.length === 0) {
        logger.warn(
          'no ffmpeg found (install it, or set FFMPEG_PATH): videos over the upload limit are delivered as links',
        );
        return;
      }
      const { chosen, refused } = await chooseFfmpeg(candidates, settings.checkFfmpeg ?? checkFfmpeg);
      for (const r of refused)
        logger.warn({ ffmpeg: r.path, source: r.source, reason: r.reason }, 'ffmpeg does not work: not used');
      if (!chosen) {
        logger.warn('no working ffmpeg: videos over the upload limit are delivered as links');
        return;
      }
      ffmpeg = chosen.path;
      ffmpegInfo = { path: chosen.path, source: chosen.source, version: chosen.version };
      logger.info(
        { ffmpeg: chosen.path, source: chosen.source, version: chosen.version },
        'ffmpeg ready for fitting videos to upload limits',
      );
    },

    async prepareUpload(url, limitBytes, hooks = {}) {
      if (!ffmpeg) {
        const got = await downloadVideo(url, { ...settings.download, maxBytes: limitBytes });
        if (got.kind === 'file') return got;
        if (got.kind === 'too_large') return { kind: 'link', why: 'no_encoder' };
        if (got.kind === 'refused') return { kind: 'link', why: 'refused', detail: got.message };
        return { kind: 'link', why: 'fetch_failed', detail: got.kind === 'error' ? got.message : got.kind };
      }
      const binary = ffmpeg;
      return withJobDir(async (dir) => {
        const source = join(dir, 'source.mp4');
        const got = await download(url, source, Math.max(limitBytes, settings.maxSourceBytes));
        if (got.kind === 'too_large') return { kind: 'link', why: 'too_large', detail: 'over VIDEO_SOURCE_MAX_MB' };
        if (got.kind === 'refused') return { kind: 'link', why: 'refused', detail: got.message };
        if (got.kind !== 'saved')
          return { kind: 'link', why: 'fetch_failed', detail: 'message' in got ? got.message : '' };
        // Under the limit: uploaded exactly as the video service made it.
        if (got.bytes <= limitBytes)
          return { kind: 'file', data: await readFile(source), contentType: got.contentType };
        await hooks.onFitting?.();
        try {
          const fit = await queue.add(() =>
            fitToLimit(source, limitBytes, {
              ffmpeg: binary,
              workDir: dir,
              timeoutMs: settings.timeoutMs,
              signal: stopping.signal,
            }),
          );
          if (fit.kind !== 'fitted') return { kind: 'link', why: 'cannot_fit', detail: fit.reason };
          return {
            kind: 'file',
            data: await readFile(fit.file),
            contentType: 'video/mp4',
            fitted: { originalBytes: got.bytes, scaled: fit.plan.scaled },
          };
        } catch (err) {
          // Stopped for shutdown: not a reason for a link; delivery is tried again after the restart.
          if (stopping.signal.aborted) throw err;
          const detail = err instanceof FfmpegError ? `${err.message}: ${err.stderrTail}` : String(err);
          return { kind: 'link', why: 'cannot_fit', detail };
        }
      });
    },

    async lastFrame(url) {
      if (!ffmpeg) return { kind: 'unavailable', why: 'no_encoder' };
      const binary = ffmpeg;
      return withJobDir(async (dir) => {
        const source = join(dir, 'source.mp4');
        const got = await download(url, source, settings.maxSourceBytes);
        if (got.kind === 'too_large') return { kind: 'unavailable', why: 'too_large' };
        if (got.kind !== 'saved')
          return { kind: 'unavailable', why: 'gone', detail: 'message' in got ? got.message : '' };
        try {
          const frame = await queue.add(() =>
            extractLastFrame(source, {
              ffmpeg: binary,
              workDir: dir,
              timeoutMs: settings.timeoutMs,
              signal: stopping.signal,
            }),
          );
          if ('unreadable' in frame) return { kind: 'unavailable', why: 'unreadable', detail: frame.unreadable };
          return { kind: 'frame', data: await readFile(frame.file), width: frame.width, height: frame.height };
        } catch (err) {
          if (stopping.signal.aborted) throw err;
          const detail = err instanceof FfmpegError ? `${err.message}: ${err.stderrTail}` : String(err);
          return { kind: 'unavailable', why: 'unreadable', detail };
        }
      });
    },
  };
}
