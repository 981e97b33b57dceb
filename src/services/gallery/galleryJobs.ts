/**
 * The gallery's named state changes, each one transaction: a finished video queued for its gallery (in the
 * transaction that made the task `done`, or by the Share button), a job claimed by one process (a lease), a post
 * recorded (the job deleted in the same transaction), a job dropped, a post removed, a member's opt-out.
 */
import { keys, prefixes } from '../../db/keys.js';
import type { RecordStore, Tx } from '../../db/recordStore.js';
import type { GuildSettings } from '../guildConfig/settingsStore.js';
import type { TaskRecord } from '../tasks/taskRecord.js';
import type { GalleryJob, GalleryPost, PlacedPost } from './galleryRecords.js';
import { activeGallery } from './gallerySettings.js';

/**
 * Part of the transaction that makes a task `done` (tasks/transitionRunner `onDelivered`): with the gallery on
 * `auto`, the video is queued for it there, so a crash right after cannot lose it.
 */
export const queueOnDelivered = {
  keys(task: TaskRecord): string[] {
    if (!task.guildId || task.userInstall) return [];
    return [keys.settings(task.guildId), keys.galleryJob(task.id), keys.galleryOptOut(task.guildId, task.userId)];
  },
  write(tx: Tx, task: TaskRecord, at: number): void {
    if (!task.guildId || task.userInstall || task.state !== 'done') return;
    const gallery = activeGallery(tx.get<GuildSettings>(keys.settings(task.guildId))?.gallery);
    if (!gallery?.auto || tx.get(keys.galleryOptOut(task.guildId, task.userId))) return;
    const job: GalleryJob = { taskId: task.id, guildId: task.guildId, userId: task.userId, via: 'auto', createdAt: at };
    tx.set(keys.galleryJob(task.id), job);
  },
};

export type ShareRefusal = 'not_done' | 'no_gallery' | 'opted_out' | 'already';

/** The Share button: queues a finished video for the gallery, unless it is not done, opted out, or already there. */
export async function requestShare(
  store: RecordStore,
  task: TaskRecord,
  by: string,
  at: number,
): Promise<{ ok: true } | { ok: false; why: ShareRefusal }> {
  const guildId = task.guildId;
  if (!guildId || task.state !== 'done' || task.userInstall) return { ok: false, why: 'not_done' };
  const k = [
    keys.settings(guildId),
    keys.galleryJob(task.id),
    keys.galleryPost(guildId, task.id),
    keys.galleryOptOut(guildId, task.userId),
  ] as const;
  return store.transact(k, (tx) => {
    if (!activeGallery(tx.get<GuildSettings>(k[0])?.gallery)) return { ok: false, why: 'no_gallery' } as const;
    if (tx.get(k[3])) return { ok: false, why: 'opted_out' } as const;
    if (tx.get(k[1]) || tx.get(k[2])) return { ok: false, why: 'already' } as const;
    const job: GalleryJob = { taskId: task.id, guildId, userId: task.userId, via: 'button', by, createdAt: at };
    tx.set(k[1], job);
    return { ok: true } as const;
  });
}

/**
 * Takes a job to post it: only when nobody holds it (or their lease ran out, or `force`: a single process after a
 * restart). Says whether an earlier attempt may have posted it already (then the gallery is looked at first).
 */
export async function claimJob(
  store: RecordStore,
  taskId: string,
  owner: string,
  at: number,
  leaseMs: number,
  force = false,
): Promise<{ job: GalleryJob; lookFirst: boolean } | undefined> {
  return store.transact([keys.galleryJob(taskId)], (tx) => {
    const job = tx.get<GalleryJob>(keys.galleryJob(taskId));
    if (!job) return undefined;
    const held = job.claim && job.claim.owner !== owner && job.claim.until > at && !force;
    if (held) return undefined;
    const claimed: GalleryJob = {
      ...job,
      claim: { owner, until: at + leaseMs, attempt: (job.claim?.attempt ?? 0) + 1, firstAt: job.claim?.firstAt ?? at },
    };
    tx.set(keys.galleryJob(taskId), claimed);
    return { job: claimed, lookFirst: job.claim !== undefined };
  });
}

/** The post exists: recorded, and the job deleted, in one transaction. */
export async function recordPosted(
  store: RecordStore,
  job: GalleryJob,
  task: Pick<TaskRecord, 'request' | 'model' | 'channelId' | 'messageId' | 'userInstall'>,
  placed: PlacedPost,
  at: number,
): Promise<GalleryPost> {
  const post: GalleryPost = {
    taskId: job.taskId,
    guildId: job.guildId,
    userId: job.userId,
    kind: placed.kind,
    channelId: placed.channelId,
    postId: placed.postId,
    messageId: placed.messageId,
    prompt: task.request.prompt,
    model: task.model,
    postedAt: at,
    ...(task.messageId && !task.userInstall ? { card: { channelId: task.channelId, messageId: task.messageId } } : {}),
  };
  await store.transact([keys.galleryJob(job.taskId), keys.galleryPost(job.guildId, job.taskId)], (tx) => {
    tx.delete(keys.galleryJob(job.taskId));
    tx.set(keys.galleryPost(job.guildId, job.taskId), post);
  });
  return post;
}

/** A job that will not be posted (opted out meanwhile, gallery off, the task gone): deleted. */
export async function dropJob(store: RecordStore, taskId: string): Promise<void> {
  await store.transact([keys.galleryJob(taskId)], (tx) => tx.delete(keys.galleryJob(taskId)));
}

/** Forgets a post (its message was deleted) and any job still waiting for the same video. */
export async function removePost(
  store: RecordStore,
  guildId: string,
  taskId: string,
): Promise<GalleryPost | undefined> {
  return store.transact([keys.galleryPost(guildId, taskId), keys.galleryJob(taskId)], (tx) => {
    const post = tx.get<GalleryPost>(keys.galleryPost(guildId, taskId));
    tx.delete(keys.galleryPost(guildId, taskId));
    tx.delete(keys.galleryJob(taskId));
    return post;
  });
}

export async function getPost(store: RecordStore, guildId: string, taskId: string) {
  return store.get<GalleryPost>(keys.galleryPost(guildId, taskId));
}

/** Every post of a server, oldest key first. */
export async function listPosts(store: RecordStore, guildId: string): Promise<GalleryPost[]> {
  const out: GalleryPost[] = [];
  for await (const page of store.pages<GalleryPost>(prefixes.galleryPostsOf(guildId)))
    for (const [, p] of page) out.push(p);
  return out;
}

/** A member keeps their videos out of a server's gallery (or lets them in again); waiting jobs of theirs go. */
export async function setOptOut(store: RecordStore, guildId: string, userId: string, out: boolean, at: number) {
  await store.transact([keys.galleryOptOut(guildId, userId)], (tx) => {
    if (out) tx.set(keys.galleryOptOut(guildId, userId), { at });
    else tx.delete(keys.galleryOptOut(guildId, userId));
  });
}

export async function isOptedOut(store: RecordStore, guildId: string, userId: string): Promise<boolean> {
  return (await store.get(keys.galleryOptOut(guildId, userId))) !== undefined;
}
