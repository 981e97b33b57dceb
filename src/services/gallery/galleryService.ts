/**
 * The gallery as commands and buttons use it: share a video (Share button), members' opt-out, removing a video's
 * post (its card or the post deleted), purging posts whose prompt a blocklist term matches, the most-reacted
 * posts of a period. Plain inputs; the Discord side is injected (poster, reactions).
 */
import { keys } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import type { Logger } from '../../logging/logger.js';
import { findBlockedTerm } from '../moderation/blocklist.js';
import type { TaskRecord } from '../tasks/taskRecord.js';
import { getPost, listPosts, removePost, requestShare, setOptOut } from './galleryJobs.js';
import type { GalleryPost } from './galleryRecords.js';
import type { GalleryPoster, GalleryWorker } from './galleryWorker.js';

/** Reaction counts of a post's message, without the requester's own reactions (src/discord/galleryReactions.ts). */
export type CountReactions = (post: GalleryPost) => Promise<number | undefined>;
/** Whether a post's card still exists (false only when Discord says it is gone). */
export type CardExists = (card: NonNullable<GalleryPost['card']>) => Promise<boolean>;

export type TopPeriod = 'day' | 'week' | 'month' | 'all';
const PERIOD_MS: Record<TopPeriod, number> = {
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  all: Infinity,
};
/** The most recent posts of a period whose reactions are read (each is one or more requests to Discord). */
const TOP_SCAN = 50;
const PURGE_TTL_MS = 60 * 60_000;

export function createGalleryService(deps: {
  store: RecordStore;
  worker: Pick<GalleryWorker, 'queued'>;
  poster: Pick<GalleryPoster, 'remove'>;
  countReactions: CountReactions;
  cardExists: CardExists;
  logger: Logger;
  now: () => number;
}) {
  const { store } = deps;

  async function remove(guildId: string, taskId: string, by: string): Promise<boolean> {
    const post = await getPost(store, guildId, taskId);
    if (post) await deps.poster.remove(post);
    const removed = await removePost(store, guildId, taskId);
    if (post || removed) deps.logger.info({ guildId, taskId, by }, 'gallery: post removed');
    return post !== undefined;
  }

  return {
    async share(task: TaskRecord, by: string) {
      const shared = await requestShare(store, task, by, deps.now());
      if (shared.ok) deps.worker.queued(task.id);
      return shared;
    },
    optOut: (guildId: string, userId: string, out: boolean) => setOptOut(store, guildId, userId, out, deps.now()),
    post: (guildId: string, taskId: string) => getPost(store, guildId, taskId),
    remove,
    /** Posts of the server whose prompt a term matches (the blocklist's matching). */
    async matching(guildId: string, term: string): Promise<GalleryPost[]> {
      return (await listPosts(store, guildId)).filter((p) => findBlockedTerm(p.prompt, [term]) !== undefined);
    },
    /** Keeps a purge request until the admin confirms it (its button carries `requestId`); forgotten after an hour. */
    async askPurge(requestId: string, guildId: string, term: string, by: string): Promise<void> {
      await store.transact([keys.galleryPurge(requestId)], (tx) =>
        tx.set(keys.galleryPurge(requestId), { guildId, term, by, at: deps.now() }),
      );
    },
    /** The admin confirmed: the request is taken (once) and its posts removed; undefined when unknown or stale. */
    async confirmPurge(requestId: string, guildId: string, by: string): Promise<number | undefined> {
      const request = await store.transact([keys.galleryPurge(requestId)], (tx) => {
        const r = tx.get<{ guildId: string; term: string; by: string; at: number }>(keys.galleryPurge(requestId));
        tx.delete(keys.galleryPurge(requestId));
        return r;
      });
      if (!request || request.guildId !== guildId || request.by !== by || deps.now() - request.at > PURGE_TTL_MS)
        return undefined;
      return this.purge(guildId, request.term, by);
    },
    async purge(guildId: string, term: string, by: string): Promise<number> {
      let n = 0;
      for (const p of await await this.matching(guildId, term))
        if (await remove(guildId, p.taskId, by).then(() => true)) n += 1;
      deps.logger.info({ guildId, by, removed: n }, 'gallery: posts purged by term');
      return n;
    },
    /** The most-reacted posts of a period, most first (posts nobody reacted to are left out). */
    async top(guildId: string, period: TopPeriod, limit = 10): Promise<Array<{ post: GalleryPost; count: number }>> {
      const since = deps.now() - PERIOD_MS[period];
      const posts = (await listPosts(store, guildId))
        .filter((p) => p.postedAt >= since)
        .sort((a, b) => b.postedAt - a.postedAt)
        .slice(0, TOP_SCAN);
      const counted = await Promise.all(
        posts.map(async (post) => ({ post, count: (await deps.countReactions(post)) ?? 0 })),
      );
      const ranked = counted
        .filter((c) => c.count > 0)
        .sort((a, b) => b.count - a.count || b.post.postedAt - a.post.postedAt);
      // A card a moderator deleted by hand (the bot sees no message events): its post goes now, and is not listed.
      const shown: typeof ranked = [];
      for (const entry of ranked) {
        if (shown.length >= limit) break;
        if (entry.post.card && !(await deps.cardExists(entry.post.card))) {
          await remove(guildId, entry.post.taskId, 'card deleted');
          continue;
        }
        shown.push(entry);
      }
      return shown;
    },
  };
}

export type GalleryService = ReturnType<typeof createGalleryService>;
