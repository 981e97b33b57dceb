/**
 * The poller's view of Discord: throttled progress edits, failure notices and video delivery, all on
 * the task's own card (see messageTarget.ts for how it is reached). Uploads the video when it fits the
 * upload limit, else shows the link and says it expires; the poller picks the way (upload, link, DM).
 */
import type { Client } from 'discord.js';
import { type Locale, t } from '../i18n/index.js';
import { bytes } from '../i18n/params.js';
import type { Logger } from '../logging/logger.js';
import type { MediaService } from '../services/media/mediaService.js';
import type { DeliveryMode, DeliveryOutcome, TaskPresenter, Unreachable } from '../services/polling/taskPresenter.js';
import type { QueuePlace } from '../services/queue/taskQueue.js';
import { type TaskRecord, VIDEO_URL_LIFETIME_MS } from '../services/tasks/taskRecord.js';
import {
  dm,
  type Fallbacks,
  type MessageBody,
  type RawFile,
  readTaskMessageFiles,
  type Shown,
  showOnTaskMessage,
  UnreachableError,
  WEBHOOK_TOKEN_SAFE_MS,
} from './messageTarget.js';
import { type CardExtras, taskMessage } from './render/taskMessage.js';

const MiB = 1024 * 1024;
/** Discord's default per-file limit for bots and webhooks, when neither the interaction nor the guild says more. */
export const DEFAULT_UPLOAD_LIMIT = 10 * MiB;

export { VIDEO_URL_LIFETIME_MS } from '../services/tasks/taskRecord.js';

export interface PresenterOptions {
  /** Fetches finished videos and fits them to the upload limit. */
  media: MediaService;
  now?: () => number;
  /** Minimum gap between progress edits of one message: young, older than 10 min, older than 1 h (30046). */
  progressGapsMs?: [number, number, number];
  /** Whether a finished video's card offers Share to gallery (its server's gallery is on, not automatic). */
  shareable?: (task: TaskRecord) => Promise<boolean>;
}

const UNREACHABLE: Unreachable = { unreachable: true };
/** The name a task's video is uploaded under: how a card already carrying it is recognised. */
const uploadName = (task: Pick<TaskRecord, 'id'>) => `seedance-${task.id}.mp4`;

export function createDiscordTaskPresenter(client: Client, logger: Logger, options: PresenterOptions): TaskPresenter {
  const now = options.now ?? Date.now;
  const gaps = options.progressGapsMs ?? [5_000, 15_000, 60_000];
  const lastEdit = new Map<string, number>();
  const editing = new Set<string>();

  const toBody = (
    task: TaskRecord,
    video?: { url: string; note: string },
    place?: QueuePlace,
    extras?: CardExtras,
  ): MessageBody => {
    const m = taskMessage(task, task.locale, now(), video, place, extras);
    return { content: '', embeds: m.embeds, components: m.components, allowed_mentions: { parse: [] } };
  };
  const withContent =
    (content: string, users: string[] = []) =>
    (b: MessageBody): MessageBody => ({
      ...b,
      content,
      allowed_mentions: { parse: [], users },
    });
  /** A fresh card pings the requester only; a DM needs no mention. */
  const fallbacks = (task: TaskRecord, key: 'delivery.ready' | 'notice.ended'): Fallbacks => ({
    fresh: withContent(t(task.locale, key, { user: task.userId }), [task.userId]),
    dm: withContent(t(task.locale, key === 'delivery.ready' ? 'delivery.dmReady' : 'notice.dmEnded')),
  });
  // Every interaction says its upload limit (the server's boost tier included); tasks from before that was
  // recorded get Discord's default.
  // Where the bot is not (user install), a video finishing after the token's time goes by DM: Discord's default there.
  const uploadLimit = (task: TaskRecord) => {
    const limit = task.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT;
    const byDm = task.userInstall && now() - task.interaction.createdAt >= WEBHOOK_TOKEN_SAFE_MS;
    return byDm ? Math.min(limit, DEFAULT_UPLOAD_LIMIT) : limit;
  };
  const log = (task: TaskRecord) =>
    logger.child({ taskId: task.id, guildId: task.guildId, upstreamTaskId: task.upstreamTaskId });
  const linkNote = (locale: Locale, reason: string) => t(locale, 'delivery.link', { reason });

  async function show(task: TaskRecord, body: MessageBody, files: RawFile[], fb: Fallbacks): Promise<Shown | null> {
    return showOnTaskMessage(client.rest, task, body, files, now(), fb);
  }

  const shareExtras = async (task: TaskRecord): Promise<CardExtras> =>
    (await options.shareable?.(task).catch(() => false)) ? { share: true } : {};

  async function deliverLink(task: TaskRecord, reason: string, viaDm: boolean): Promise<DeliveryOutcome> {
    const body = toBody(
      task,
      { url: task.videoUrl!, note: linkNote(task.locale, reason) },
      undefined,
      await shareExtras(task),
    );
    const fb = fallbacks(task, 'delivery.ready');
    // DM mode: the card could not be edited at all, so the link goes straight to the member.
    const where = viaDm ? await dm(client.rest, task, fb.dm!(body), []) : await show(task, body, [], fb);
    if (!where) throw new Error('the video link could not be shown');
    log(task).info({ via: where.via }, 'video delivered as link');
    return { mode: 'link', via: where.via, movedTo: where.movedTo };
  }

  return {
    async queued(task, place) {
      // Throttled by the queue itself (rounds, per-card gaps); kept apart from progress edits.
      try {
        await show(task, toBody(task, undefined, place), [], { fresh: (b) => b, dm: null });
      } catch (err) {
        log(task).warn({ err }, 'queue position edit failed');
      }
    },

    async progress(task) {
      const age = now() - task.createdAt;
      const gap = age < 10 * 60_000 ? gaps[0] : age < 60 * 60_000 ? gaps[1] : gaps[2];
      if (editing.has(task.id) || now() - (lastEdit.get(task.id) ?? 0) < gap) return;
      editing.add(task.id);
      lastEdit.set(task.id, now());
      try {
        await show(task, toBody(task), [], { fresh: (b) => b, dm: null });
      } catch (err) {
        log(task).warn({ err }, 'progress edit failed');
      } finally {
        editing.delete(task.id);
      }
    },

    async final(task) {
      lastEdit.delete(task.id);
      try {
        const where = await show(task, toBody(task), [], fallbacks(task, 'notice.ended'));
        log(task).info({ via: where?.via, state: task.state }, 'member told the task ended without a video');
        return { movedTo: where?.movedTo };
      } catch (err) {
        if (err instanceof UnreachableError) return UNREACHABLE;
        throw err;
      }
    },

    async alreadyDelivered(task) {
      const card = await readTaskMessageFiles(client.rest, task, now());
      return card?.files.includes(uploadName(task)) ? { mode: 'upload', via: card.via } : undefined;
    },

    async deliver(delivering, mode: DeliveryMode) {
      lastEdit.delete(delivering.id);
      // The card shows the task as it will be once this edit lands: done, with its buttons.
      const task: TaskRecord = { ...delivering, state: 'done', finishedAt: delivering.finishedAt ?? now() };
      try {
        if (mode === 'dm') return await deliverLink(task, t(task.locale, 'delivery.reason.uploadFailed'), true);
        if (mode === 'link') return await deliverLink(task, t(task.locale, 'delivery.reason.uploadFailed'), false);
        const limit = uploadLimit(task);
        const prepared = await options.media.prepareUpload(task.videoUrl!, limit, {
          // Re-encoding takes a while: the card says what is happening meanwhile.
          onFitting: async () => {
            await show(task, toBody(delivering, undefined, undefined, { preparing: true }), [], {
              fresh: (b) => b,
              dm: null,
            }).catch((err: unknown) => log(task).warn({ err }, 'could not show that the video is being prepared'));
          },
        });
        if (prepared.kind === 'file') {
          const name = uploadName(task);
          const note = prepared.fitted
            ? t(task.locale, 'delivery.fitted', {
                limit: bytes(limit),
                expiresAt: Math.floor((task.finishedAt! + VIDEO_URL_LIFETIME_MS) / 1000),
              })
            : '';
          const body = {
            ...toBody(task, { url: task.videoUrl!, note }, undefined, await shareExtras(task)),
            attachments: [{ id: '0', filename: name }],
          };
          try {
            const where = await show(
              task,
              body as MessageBody,
              [{ name, data: prepared.data, contentType: prepared.contentType }],
              fallbacks(task, 'delivery.ready'),
            );
            if (!where) throw new Error('the video could not be shown');
            log(task).info(
              { via: where.via, bytes: prepared.data.length, fittedFrom: prepared.fitted?.originalBytes },
              'video delivered as upload',
            );
            return {
              mode: 'upload',
              via: where.via,
              movedTo: where.movedTo,
              ...(where.fileUrl ? { fileUrl: where.fileUrl } : {}),
            };
          } catch (err) {
            // 40005: larger than Discord accepts here after all (limits change): the link instead.
            if (Number((err as { code?: unknown }).code) !== 40005) throw err;
            return await deliverLink(task, t(task.locale, 'delivery.reason.tooLarge', { limit: bytes(limit) }), false);
          }
        }
        if (prepared.why !== 'too_large' && prepared.why !== 'no_encoder')
          log(task).warn({ reason: prepared.detail, why: prepared.why }, 'video not uploaded; posting the link');
        const reason =
          prepared.why === 'too_large' || prepared.why === 'no_encoder'
            ? t(task.locale, 'delivery.reason.tooLarge', { limit: bytes(limit) })
            : prepared.why === 'cannot_fit'
              ? t(task.locale, 'delivery.reason.cannotFit', { limit: bytes(limit) })
              : prepared.why === 'refused'
                ? t(task.locale, 'delivery.reason.notFetched')
                : t(task.locale, 'delivery.reason.fetchFailed');
        return await deliverLink(task, reason, false);
      } catch (err) {
        if (err instanceof UnreachableError) return UNREACHABLE;
        throw err;
      }
    },
  };
}
