/**
 * The poller's view of Discord: throttled progress edits, failure notices and video delivery, all on
 * the task's own message (see messageTarget.ts for how it is reached). Uploads the video when it fits
 * the upload limit, else edits in a link button and says the link expires.
 */
import { GuildPremiumTier, type Client } from 'discord.js';
import { t } from '../i18n/index.js';
import type { Logger } from '../logging/logger.js';
import { downloadVideo } from '../services/delivery/downloadVideo.js';
import type { DeliveryOutcome, TaskPresenter } from '../services/polling/taskPresenter.js';
import type { TaskRecord } from '../services/tasks/taskRecord.js';
import { formatBytes } from '../services/validation/format.js';
import { editTaskMessage, type MessageBody, type RawFile } from './messageTarget.js';
import { taskMessage } from './render/taskMessage.js';

const MiB = 1024 * 1024;
/** Discord's default per-file limit for bots and webhooks, when neither the interaction nor the guild says more. */
export const DEFAULT_UPLOAD_LIMIT = 10 * MiB;
const TIER_LIMIT: Record<number, number> = { [GuildPremiumTier.Tier2]: 50 * MiB, [GuildPremiumTier.Tier3]: 100 * MiB };

export interface PresenterOptions {
  now?: () => number;
  allowHttpVideo?: boolean;
  /** Minimum gap between progress edits of one message: young, older than 10 min, older than 1 h (30046). */
  progressGapsMs?: [number, number, number];
  /** Called when the task's message had to be re-posted (deleted original), so later edits go there. */
  onMessageMoved?: (taskId: string, channelId: string, messageId: string) => Promise<void>;
}

export function createDiscordTaskPresenter(
  client: Client,
  logger: Logger,
  options: PresenterOptions = {},
): TaskPresenter {
  const now = options.now ?? Date.now;
  const gaps = options.progressGapsMs ?? [5_000, 15_000, 60_000];
  const lastEdit = new Map<string, number>();
  const editing = new Set<string>();

  const toBody = (task: TaskRecord, link?: string, note?: string): MessageBody => {
    const m = taskMessage(task, task.locale, now(), link);
    const embeds = note
      ? [
          {
            ...m.embeds[0]!,
            fields: [...(m.embeds[0]!.fields ?? []), { name: t(task.locale, 'task.field.video'), value: note }],
          },
        ]
      : m.embeds;
    return { content: '', embeds, components: m.components, allowed_mentions: { parse: [] } };
  };
  // A replacement message pings the requester only (the original was deleted, so they would not see it).
  const asNewMessage =
    (task: TaskRecord) =>
    (b: MessageBody): MessageBody => ({
      ...b,
      content: t(task.locale, 'delivery.ready', { user: task.userId }),
      allowed_mentions: { parse: [], users: [task.userId] },
    });
  const uploadLimit = (task: TaskRecord) => {
    if (task.uploadLimitBytes) return task.uploadLimitBytes;
    const tier = task.guildId ? client.guilds.cache.get(task.guildId)?.premiumTier : undefined;
    return (tier !== undefined && TIER_LIMIT[tier]) || DEFAULT_UPLOAD_LIMIT;
  };
  const log = (task: TaskRecord) =>
    logger.child({ taskId: task.id, guildId: task.guildId, upstreamTaskId: task.upstreamTaskId });

  async function send(task: TaskRecord, body: MessageBody, files: RawFile[] = [], mayRepost = true) {
    const where = await editTaskMessage(client.rest, task, body, files, now(), mayRepost ? asNewMessage(task) : null);
    if (where?.messageId && where.channelId) await options.onMessageMoved?.(task.id, where.channelId, where.messageId);
    return where ?? { via: 'channel' as const };
  }

  return {
    async progress(task) {
      const age = now() - task.createdAt;
      const gap = age < 10 * 60_000 ? gaps[0] : age < 60 * 60_000 ? gaps[1] : gaps[2];
      if (editing.has(task.id) || now() - (lastEdit.get(task.id) ?? 0) < gap) return;
      editing.add(task.id);
      lastEdit.set(task.id, now());
      try {
        await send(task, toBody(task), [], false);
      } catch (err) {
        log(task).warn({ err }, 'progress edit failed');
      } finally {
        editing.delete(task.id);
      }
    },

    async final(task) {
      lastEdit.delete(task.id);
      try {
        const where = await send(task, toBody(task));
        log(task).info({ via: where.via, state: task.state }, 'member told the task ended without a video');
      } catch (err) {
        log(task).error({ err }, 'could not tell the member their task ended');
      }
    },

    async deliver(delivering): Promise<DeliveryOutcome> {
      lastEdit.delete(delivering.id);
      // The message shows the task as it will be once this edit lands: done, with its buttons.
      const task: TaskRecord = { ...delivering, state: 'done', finishedAt: delivering.finishedAt ?? now() };
      const url = task.videoUrl!;
      const limit = uploadLimit(task);
      const video = await downloadVideo(url, { maxBytes: limit, allowHttp: options.allowHttpVideo });
      const linkBody = (reason: string) => toBody(task, url, t(task.locale, 'delivery.link', { reason }));
      if (video.kind === 'file') {
        const name = `seedance-${task.id}.mp4`;
        const body = { ...toBody(task, url), attachments: [{ id: '0', filename: name }] } as MessageBody;
        try {
          const where = await send(task, body, [{ name, data: video.data, contentType: video.contentType }]);
          log(task).info({ via: where.via, bytes: video.data.length }, 'video delivered as upload');
          return { mode: 'upload', via: where.via };
        } catch (err) {
          // 40005: larger than Discord accepts here after all (limits change); fall back to the link.
          if (Number((err as { code?: unknown }).code) !== 40005) throw err;
        }
      }
      const reason =
        video.kind === 'error'
          ? t(task.locale, 'delivery.reason.fetchFailed')
          : t(task.locale, 'delivery.reason.tooLarge', { limit: formatBytes(limit) });
      if (video.kind === 'error') log(task).warn({ reason: video.message }, 'video download failed; posting the link');
      const where = await send(task, linkBody(reason));
      log(task).info({ via: where.via }, 'video delivered as link');
      return { mode: 'link', via: where.via };
    },
  };
}
