/**
 * The Discord side of the gallery: a forum post (a thread with its first message and tags, the tags created on the
 * forum when missing and there is room) or a text-channel message, with the fitted video as on the card; finding
 * a post an earlier attempt made (by its Use this prompt button, which carries the task id); deleting a post.
 */
import { DiscordAPIError, type REST, Routes } from 'discord.js';
import type { Logger } from '../logging/logger.js';
import type { MediaService } from '../services/media/mediaService.js';
import {
  GalleryChannelGoneError,
  GalleryForbiddenError,
  type GalleryPoster,
} from '../services/gallery/galleryWorker.js';
import type { GallerySettings } from '../services/gallery/gallerySettings.js';
import type { PlacedPost } from '../services/gallery/galleryRecords.js';
import { MAX_POST_TAGS, planTags, postTitle, wantedTags } from '../services/gallery/postContent.js';
import type { TaskRecord } from '../services/tasks/taskRecord.js';
import { customIdFor } from './customIds.js';
import { DEFAULT_UPLOAD_LIMIT } from './discordTaskPresenter.js';
import { digestBody, digestMarker, digestTitle, galleryPostBody } from './render/galleryPost.js';
import type { DigestPoster } from '../services/gallery/weeklyDigest.js';

interface ForumTag {
  id: string;
  name: string;
  moderated?: boolean;
  emoji_id?: string | null;
  emoji_name?: string | null;
}
interface ChannelAnswer {
  id: string;
  type: number;
  available_tags?: ForumTag[];
}
interface MessageAnswer {
  id: string;
  author?: { id: string };
  components?: Array<{ components?: Array<{ custom_id?: string }> }>;
}

const code = (err: unknown) => (err instanceof DiscordAPIError ? Number(err.code) : undefined);
const EPOCH = 1420070400000n;
const snowflakeAt = (ms: number) => ((BigInt(Math.max(0, Math.floor(ms))) - EPOCH) << 22n).toString();
const timeOf = (id: string) => Number((BigInt(id) >> 22n) + EPOCH);

export function createGalleryPoster(deps: {
  rest: REST;
  botId: () => string | undefined;
  media: MediaService;
  logger: Logger;
}): GalleryPoster & { digest: DigestPoster } {
  const { rest } = deps;
  const carries = (m: MessageAnswer, taskId: string) =>
    (m.components ?? []).some((row) =>
      (row.components ?? []).some((c) => c.custom_id === customIdFor('remix', taskId)),
    );

  /** Discord's answers as the worker's typed errors. */
  function typed(err: unknown, channelId: string): unknown {
    const c = code(err);
    if (c === 10003) return new GalleryChannelGoneError(channelId);
    if (c === 50001 || c === 50013) return new GalleryForbiddenError(channelId, c);
    return err;
  }

  /** A forum's tags as last read or written, for a minute: a burst of posts reads the forum once, not per post. */
  const tagCache = new Map<string, { at: number; tags: ForumTag[] }>();
  const TAG_CACHE_MS = 60_000;

  /**
   * One tag lookup per forum at a time: PATCH replaces the whole tag list, so two posts adding the same tags at
   * once would each send a list without the other's new tags (Discord would delete them).
   */
  const tagTurns = new Map<string, Promise<unknown>>();
  function tagsFor(task: TaskRecord, forumId: string): Promise<string[]> {
    const turn = (tagTurns.get(forumId) ?? Promise.resolve()).then(
      () => readOrCreateTags(task, forumId),
      () => readOrCreateTags(task, forumId),
    );
    tagTurns.set(
      forumId,
      turn.catch(() => undefined),
    );
    return turn;
  }

  /** The forum's tag ids for this video; missing tags created when there is room (a full forum is logged). */
  async function readOrCreateTags(task: TaskRecord, forumId: string): Promise<string[]> {
    const wanted = wantedTags(task);
    const cached = tagCache.get(forumId);
    const fresh = cached && Date.now() - cached.at < TAG_CACHE_MS ? cached.tags : undefined;
    let tags = fresh ?? ((await rest.get(Routes.channel(forumId))) as ChannelAnswer).available_tags ?? [];
    const plan = planTags(
      tags.map((x) => x.name),
      wanted,
    );
    if (plan.noRoom.length)
      deps.logger.warn(
        { guildId: task.guildId, taskId: task.id, channelId: forumId, tags: plan.noRoom },
        'gallery: the forum has 20 tags; these were not created',
      );
    if (plan.create.length) {
      try {
        const updated = (await rest.patch(Routes.channel(forumId), {
          body: { available_tags: [...tags, ...plan.create.map((name) => ({ name }))] },
          reason: 'gallery tags',
        })) as ChannelAnswer;
        tags = updated.available_tags ?? tags;
      } catch (err) {
        tagCache.delete(forumId);
        deps.logger.warn({ err, guildId: task.guildId, channelId: forumId }, 'gallery: could not create forum tags');
      }
    }
    if (!plan.create.length || tags.length) tagCache.set(forumId, { at: Date.now(), tags });
    const byName = new Map(tags.map((x) => [x.name.toLowerCase(), x.id]));
    return wanted
      .map((n) => byName.get(n.toLowerCase()))
      .filter((id): id is string => id !== undefined)
      .slice(0, MAX_POST_TAGS);
  }

  async function videoFile(task: TaskRecord) {
    const limit = task.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT;
    const prepared = await deps.media.prepareUpload(task.videoUrl!, limit);
    return prepared.kind === 'file'
      ? { name: `gallery-${task.id}.mp4`, data: prepared.data, contentType: prepared.contentType }
      : undefined;
  }

  const digest: DigestPoster = {
    async post(gallery, monday, entries) {
      const locale = gallery.locale ?? 'en-US';
      const body = digestBody(gallery, monday, entries, locale);
      try {
        if (gallery.kind === 'forum') {
          const thread = (await rest.post(Routes.threads(gallery.channelId), {
            body: { name: digestTitle(monday, locale), message: body },
          })) as { id: string };
          return thread.id;
        }
        return ((await rest.post(Routes.channelMessages(gallery.channelId), { body })) as { id: string }).id;
      } catch (err) {
        throw typed(err, gallery.channelId);
      }
    },
    async find(gallery, monday, since) {
      const marker = digestMarker(monday);
      if (gallery.kind === 'text') {
        const query = new URLSearchParams({ after: snowflakeAt(since), limit: '100' });
        const list = (await rest.get(Routes.channelMessages(gallery.channelId), { query })) as Array<{
          id: string;
          embeds?: Array<{ footer?: { text?: string } }>;
        }>;
        return list.find((m) => m.embeds?.some((e) => e.footer?.text === marker))?.id;
      }
      const guild = ((await rest.get(Routes.channel(gallery.channelId))) as { guild_id: string }).guild_id;
      const active = (await rest.get(Routes.guildActiveThreads(guild))) as {
        threads: Array<{ id: string; parent_id?: string; name?: string }>;
      };
      const title = digestTitle(monday, gallery.locale ?? 'en-US');
      return active.threads.find(
        (th) => th.parent_id === gallery.channelId && th.name === title && timeOf(th.id) >= since,
      )?.id;
    },
  };

  return {
    digest,
    async post(task, gallery: GallerySettings): Promise<PlacedPost> {
      const locale = task.locale;
      const file = await videoFile(task);
      const body = galleryPostBody(task, locale, file ? { fileName: file.name } : { link: task.videoUrl });
      const files = file ? [file] : [];
      try {
        if (gallery.kind === 'forum') {
          const applied = await tagsFor(task, gallery.channelId);
          const thread = (await rest.post(Routes.threads(gallery.channelId), {
            body: { name: postTitle(task.request.prompt), message: body, applied_tags: applied },
            files,
          })) as { id: string };
          return { kind: 'forum', channelId: gallery.channelId, postId: thread.id, messageId: thread.id };
        }
        const message = (await rest.post(Routes.channelMessages(gallery.channelId), { body, files })) as { id: string };
        return { kind: 'text', channelId: gallery.channelId, postId: message.id, messageId: message.id };
      } catch (err) {
        throw typed(err, gallery.channelId);
      }
    },

    async find(task, gallery, since) {
      const bot = deps.botId();
      try {
        if (gallery.kind === 'text') {
          const query = new URLSearchParams({ after: snowflakeAt(since), limit: '100' });
          const list = (await rest.get(Routes.channelMessages(gallery.channelId), { query })) as MessageAnswer[];
          const hit = list.find((m) => (!bot || m.author?.id === bot) && carries(m, task.id));
          return hit ? { kind: 'text', channelId: gallery.channelId, postId: hit.id, messageId: hit.id } : undefined;
        }
        const active = (await rest.get(Routes.guildActiveThreads(task.guildId!))) as {
          threads: Array<{ id: string; parent_id?: string; owner_id?: string }>;
        };
        const candidates = active.threads.filter(
          (th) => th.parent_id === gallery.channelId && (!bot || th.owner_id === bot) && timeOf(th.id) >= since,
        );
        for (const th of candidates) {
          const first = (await rest.get(Routes.channelMessage(th.id, th.id)).catch(() => undefined)) as
            | MessageAnswer
            | undefined;
          if (first && carries(first, task.id))
            return { kind: 'forum', channelId: gallery.channelId, postId: th.id, messageId: th.id };
        }
        return undefined;
      } catch (err) {
        throw typed(err, gallery.channelId);
      }
    },

    async remove(post) {
      try {
        if (post.kind === 'forum') await rest.delete(Routes.channel(post.postId));
        else await rest.delete(Routes.channelMessage(post.channelId, post.messageId));
      } catch (err) {
        const c = code(err);
        if (c !== 10003 && c !== 10008) throw err;
      }
    },
  };
}
