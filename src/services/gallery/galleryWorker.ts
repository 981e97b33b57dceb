/**
 * Posts queued videos in their servers' galleries, as a durable step after delivery: jobs live in the store
 * (written with the task's `done`, or by the Share button), one process claims each (a lease), a later attempt
 * looks in the gallery for a post made by an earlier one before posting (a process killed after Discord took the
 * post), and the post is recorded in the transaction that deletes the job. Its own small p-queue: discord.js queues
 * the requests per route and waits out rate limits, so a burst of videos never turns into a 429 storm.
 */
import PQueue from 'p-queue';
import type { RecordStore } from '../../db/recordStore.js';
import { keys, prefixes } from '../../db/keys.js';
import type { Logger } from '../../logging/logger.js';
import type { SettingsStore } from '../guildConfig/settingsStore.js';
import type { TaskRecord } from '../tasks/taskRecord.js';
import { claimJob, dropJob, isOptedOut, recordPosted } from './galleryJobs.js';
import type { GalleryJob, GalleryPost, PlacedPost } from './galleryRecords.js';
import { activeGallery, type GallerySettings } from './gallerySettings.js';

/** The gallery channel is gone (deleted): the gallery is turned off. */
export class GalleryChannelGoneError extends Error {
  constructor(readonly channelId: string) {
    super(`gallery channel ${channelId} no longer exists`);
  }
}
/** The bot may not post there (it cannot see the channel, or lost a permission): the job is dropped, loudly. */
export class GalleryForbiddenError extends Error {
  constructor(
    readonly channelId: string,
    readonly code: number,
  ) {
    super(`the bot may not post in gallery channel ${channelId} (Discord code ${code})`);
  }
}

/** The Discord side of a gallery (src/discord/galleryPoster.ts). */
export interface GalleryPoster {
  /** Posts the video; throws GalleryChannelGoneError / GalleryForbiddenError, or anything else for a retry. */
  post(task: TaskRecord, gallery: GallerySettings): Promise<PlacedPost>;
  /** A post of this task made since `since` by an earlier attempt, if one landed. */
  find(task: TaskRecord, gallery: GallerySettings, since: number): Promise<PlacedPost | undefined>;
  /** Deletes a post (the thread, or the message); already gone is fine. */
  remove(post: Pick<GalleryPost, 'kind' | 'channelId' | 'postId' | 'messageId'>): Promise<void>;
}

export interface GalleryWorkerDeps {
  store: RecordStore;
  settings: SettingsStore;
  getTask(id: string): Promise<TaskRecord | undefined>;
  poster: GalleryPoster;
  /** The bot turns a server's gallery off itself (its channel was deleted): one settings change, logged. */
  turnOff(guildId: string, channelId: string): Promise<void>;
  logger: Logger;
  now: () => number;
  owner: string;
  /** Posts in flight at once (discord.js queues per route beyond that). */
  concurrency: number;
  leaseMs: number;
  retryBaseMs: number;
  maxBackoffMs: number;
  /** How often the store is looked at for jobs (other processes', expired leases). */
  sweepMs: number;
  /** A test stops the process here: after Discord took the post, before it is recorded. */
  checkpoint?: (name: 'gallery.posted_unsaved', taskId: string) => void;
}

export function createGalleryWorker(deps: GalleryWorkerDeps) {
  const queue = new PQueue({ concurrency: Math.max(1, deps.concurrency) });
  const active = new Set<string>();
  const retries = new Map<string, NodeJS.Timeout>();
  const failures = new Map<string, number>();
  let sweepTimer: NodeJS.Timeout | undefined;
  let running = false;
  let posted = 0;
  const log = (job: Pick<GalleryJob, 'taskId' | 'guildId'>) =>
    deps.logger.child({ taskId: job.taskId, guildId: job.guildId });

  function enqueue(taskId: string, force = false): void {
    if (!running || active.has(taskId)) return;
    active.add(taskId);
    void queue
      .add(() => work(taskId, force))
      .catch((err: unknown) => {
        deps.logger.error({ err, taskId }, 'gallery post failed unexpectedly; will try again');
        retry(taskId);
      })
      .finally(() => {
        if (!retries.has(taskId)) active.delete(taskId);
      });
  }

  function retry(taskId: string): void {
    if (!running) return;
    const n = (failures.get(taskId) ?? 0) + 1;
    failures.set(taskId, n);
    const delay = Math.min(deps.maxBackoffMs, deps.retryBaseMs * 2 ** Math.min(6, n - 1));
    const timer = setTimeout(() => {
      retries.delete(taskId);
      active.delete(taskId);
      enqueue(taskId, true);
    }, delay);
    timer.unref?.();
    retries.set(taskId, timer);
  }

  async function work(taskId: string, force: boolean): Promise<void> {
    // Most finished videos have no job (no gallery, or not automatic): a read, not a transaction, says so.
    if (!(await deps.store.get(keys.galleryJob(taskId)))) return;
    const claimed = await claimJob(deps.store, taskId, deps.owner, deps.now(), deps.leaseMs, force);
    if (!claimed) return;
    const { job, lookFirst } = claimed;
    const task = await deps.getTask(taskId);
    // Nothing from a failed, refused or cancelled task; nothing of a member who opted out meanwhile.
    if (task?.state !== 'done' || !task.videoUrl) {
      log(job).warn({ state: task?.state }, 'gallery: the task has no finished video; not posted');
      return dropJob(deps.store, taskId);
    }
    if (await isOptedOut(deps.store, job.guildId, job.userId)) {
      log(job).info('gallery: the member opted out; not posted');
      return dropJob(deps.store, taskId);
    }
    const gallery = activeGallery((await deps.settings.get(job.guildId)).gallery);
    if (!gallery) {
      log(job).info('gallery: off on this server; not posted');
      return dropJob(deps.store, taskId);
    }
    try {
      const landed = lookFirst ? await deps.poster.find(task, gallery, job.claim!.firstAt - 5_000) : undefined;
      if (landed) log(job).info({ postId: landed.postId }, 'gallery: an earlier attempt posted it; not posted again');
      const placed = landed ?? (await deps.poster.post(task, gallery));
      deps.checkpoint?.('gallery.posted_unsaved', taskId);
      await recordPosted(deps.store, job, task, placed, deps.now());
      failures.delete(taskId);
      posted += 1;
      log(job).info({ postId: placed.postId, channelId: placed.channelId, via: job.via }, 'gallery: video posted');
    } catch (err) {
      if (err instanceof GalleryChannelGoneError) {
        // One log line for the server (the settings change's own line says who: the bot).
        if (gallery.channelId === err.channelId) {
          await deps.turnOff(job.guildId, err.channelId);
          log(job).warn({ channelId: err.channelId }, 'gallery channel deleted; gallery turned off');
        }
        return dropJob(deps.store, taskId);
      }
      if (err instanceof GalleryForbiddenError) {
        log(job).error(
          { channelId: err.channelId, code: err.code },
          'gallery: the bot may not post in the gallery channel; video not posted',
        );
        return dropJob(deps.store, taskId);
      }
      log(job).warn({ err, attempt: job.claim?.attempt }, 'gallery: post failed; will try again');
      retry(taskId);
    }
  }

  /** Every job in the store: those nobody holds (or `force`: this process is the only one, after a restart). */
  async function sweep(force: boolean): Promise<number> {
    let found = 0;
    for await (const page of deps.store.pages<GalleryJob>(prefixes.galleryJob)) {
      for (const [, job] of page) {
        found += 1;
        enqueue(job.taskId, force);
      }
    }
    return found;
  }

  return {
    /** Takes every waiting job (a single process: its own from before a restart too), then sweeps now and then. */
    async start(single: boolean): Promise<number> {
      running = true;
      const found = await sweep(single);
      sweepTimer = setInterval(() => void sweep(false).catch(() => undefined), deps.sweepMs);
      sweepTimer.unref();
      return found;
    },
    /** A job was just written (by this process): post it now. */
    queued(taskId: string): void {
      enqueue(taskId);
    },
    get pending(): number {
      return active.size;
    },
    get posted(): number {
      return posted;
    },
    async stop(graceMs: number): Promise<void> {
      running = false;
      if (sweepTimer) clearInterval(sweepTimer);
      for (const t of retries.values()) clearTimeout(t);
      retries.clear();
      queue.clear();
      await Promise.race([queue.onIdle(), new Promise((r) => setTimeout(r, graceMs).unref?.())]);
    },
  };
}

export type GalleryWorker = ReturnType<typeof createGalleryWorker>;
