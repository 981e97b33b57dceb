/**
 * What a task's public message looks like at each stage: one embed with the prompt and parameters,
 * a status line, and the buttons that make sense for the state (Re-roll/Delete when done, Retry/Delete
 * when it failed). Every payload carries allowedMentions that ping nobody.
 */
import { formatMoney } from '../../services/usage/prices.js';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type APIEmbed } from 'discord.js';
import { canStartFromFrame, findModel } from '../../catalog/models.js';
import { type Locale, t, tableLocale } from '../../i18n/index.js';
import type { QueuePlace } from '../../services/queue/taskQueue.js';
import { inReview } from '../../services/review/assetReview.js';
import { endedWithoutVideo, isFinal, type TaskRecord } from '../../services/tasks/taskRecord.js';
import { customIdFor } from '../customIds.js';
import { shareButtonRow } from './galleryPost.js';
import { failureText } from './failureText.js';
import { NO_MENTIONS, quotePrompt, truncate } from './text.js';

const COLORS = { working: 0x5865f2, done: 0x57f287, failed: 0xed4245 } as const;

/** What the card shows beyond the task itself. */
export interface CardExtras {
  /** The finished video is being re-encoded to fit the server's upload limit. */
  preparing?: boolean;
  /** The server's gallery is not automatic: a finished video's card offers Share to gallery. */
  share?: boolean;
}

export function statusLine(task: TaskRecord, locale: Locale, place?: QueuePlace, extras: CardExtras = {}): string {
  if (extras.preparing && task.state === 'delivering') return t(locale, 'status.preparing');
  switch (task.state) {
    case 'queued':
      return t(locale, 'status.waiting', {
        position: place?.position ?? '?',
        startsAt: place?.startsAt ? Math.floor(place.startsAt / 1000) : '',
      });
    case 'accepted':
      // A Manxue request with uploads: its files go to the media review first.
      return t(locale, inReview(task) ? 'status.reviewing' : 'status.accepted');
    case 'running':
      if (task.upstreamStatus && /queue|pending|submit|wait|created/i.test(task.upstreamStatus) && !task.progress)
        return t(locale, 'status.queued');
      return t(locale, 'status.running', { progress: task.progress ?? '' });
    default:
      return t(locale, `status.${task.state}`);
  }
}

function referencesSummary(task: TaskRecord, locale: Locale): string {
  const r = task.request;
  const parts: string[] = [];
  if (r.images?.length) parts.push(t(locale, 'task.refs.images', { count: r.images.length }));
  if (r.first_image || r.last_image)
    parts.push(
      t(locale, 'task.refs.frames', { which: [r.first_image && '1', r.last_image && '2'].filter(Boolean).join('+') }),
    );
  if (r.reference_videos?.length) parts.push(t(locale, 'task.refs.videos', { count: r.reference_videos.length }));
  if (r.reference_audios?.length) parts.push(t(locale, 'task.refs.audios', { count: r.reference_audios.length }));
  return parts.join(' · ') || t(locale, 'task.refs.none');
}

/**
 * A duration in the locale's own short words, from its table: `42s`, `3m 05s` (en), `3分05秒` (zh, ja),
 * `3분 05초` (ko), `3 мин 05 с` (ru). Not Intl's narrow units: those read `3m 05s` in ja and vary with the ICU build.
 */
export function formatElapsed(ms: number, locale: Locale = 'en-US'): string {
  const total = Math.max(0, Math.round(ms / 1000));
  if (total < 60) return t(locale, 'elapsed.seconds', { seconds: total });
  return t(locale, 'elapsed.minutes', {
    minutes: Math.floor(total / 60),
    seconds: String(total % 60).padStart(2, '0'),
  });
}

export function taskEmbed(
  task: TaskRecord,
  savedLocale: Locale,
  now: number,
  place?: QueuePlace,
  extras: CardExtras = {},
): APIEmbed {
  // A locale this version has no table for (saved by a newer one) reads English, numbers and units included.
  const locale = tableLocale(savedLocale);
  const r = task.request;
  const color = task.state === 'done' ? COLORS.done : endedWithoutVideo(task.state) ? COLORS.failed : COLORS.working;
  const cost =
    task.cost.billing === 'per_task'
      ? t(locale, 'task.cost.perTask')
      : t(locale, 'task.cost.perSecond', { units: task.cost.units });
  // With the operator's prices set, the estimate the reservation holds (priced when it was made).
  const spend = task.reservation?.amount.spend;
  const estimate =
    spend !== undefined && task.reservation?.currency
      ? `\n${t(locale, 'task.cost.estimate', { amount: formatMoney(spend, task.reservation.currency, locale) })}`
      : '';
  const embed = new EmbedBuilder()
    .setTitle(t(locale, 'task.title'))
    .setColor(color)
    .setDescription(truncate(`${quotePrompt(r.prompt)}\n\n**${statusLine(task, locale, place, extras)}**`, 4000))
    .addFields(
      { name: t(locale, 'task.field.model'), value: `\`${task.model}\``, inline: true },
      {
        name: t(locale, 'task.field.params'),
        value: t(locale, 'task.params', {
          duration: r.duration,
          resolution: r.resolution ?? task.cost.billedAs.match(/(\d+p|\dk)$/)?.[1] ?? '720p',
          ratio: r.ratio ?? r.orientation ?? t(locale, 'task.ratio.auto'),
        }),
        inline: true,
      },
      { name: t(locale, 'task.field.references'), value: referencesSummary(task, locale), inline: true },
      { name: t(locale, 'task.field.requester'), value: `<@${task.userId}>`, inline: true },
      { name: t(locale, 'task.field.cost'), value: cost + estimate, inline: true },
      { name: t(locale, 'task.field.task'), value: `\`${task.id}\``, inline: true },
    );
  const end = task.finishedAt ?? now;
  if (task.state !== 'accepted' && task.state !== 'queued')
    embed.addFields({
      name: t(locale, 'task.field.elapsed'),
      value: formatElapsed(end - task.createdAt, locale),
      inline: true,
    });
  if (task.parentId && task.parentKind) {
    const id = `\`${task.parentId}\``;
    embed.addFields({
      name: t(locale, 'task.field.parent'),
      value: t(locale, `task.parent.${task.parentKind}`, { task: task.parentUrl ? `[${id}](${task.parentUrl})` : id }),
      inline: true,
    });
  }
  // Started from a message (Animate, Use as references): "From: Animated from [this message](link)".
  if (task.source)
    embed.addFields({
      name: t(locale, 'task.field.parent'),
      value: t(locale, `source.card.${task.source.kind}`, {
        message: `[${t(locale, 'source.card.messageLink')}](${task.source.messageUrl})`,
      }),
      inline: true,
    });
  // The member's own defaults this request used (/settings defaults), e.g. "10 s, 16:9".
  const mine = task.memberDefaults;
  if (mine && Object.keys(mine).length)
    embed.addFields({
      name: t(locale, 'task.field.memberDefaults'),
      value: [
        mine.model && `\`${mine.model}\``,
        mine.duration !== undefined && t(locale, 'settings.seconds', { value: mine.duration }),
        mine.ratio,
        mine.resolution,
      ]
        .filter(Boolean)
        .join(', '),
      inline: true,
    });
  const failure = failureText(task, locale);
  if (failure) embed.addFields({ name: t(locale, 'task.field.status'), value: truncate(failure, 1024) });
  // Where the bot is not (user install) the card can be edited for the interaction's 15 minutes only: said
  // beforehand, while the task is open.
  if (task.userInstall && !task.messageMoved && !isFinal(task.state))
    embed.setFooter({ text: t(locale, 'card.userInstallNote') });
  const thumb = r.images?.[0] ?? r.first_image;
  if (thumb?.startsWith('https://')) embed.setThumbnail(thumb);
  return embed.toJSON();
}

/** Whether sending the same request again would be refused again: its content, or a file of it, was refused. */
export function refusedAgainIfResent(task: TaskRecord): boolean {
  const reason = task.lastError?.reason ?? task.lastError?.failureKind;
  return reason === 'review_failed' || reason === 'moderation';
}

/** Discord refuses link buttons whose URL is longer than this (50035). */
export const LINK_BUTTON_MAX_URL = 512;

export function taskButtons(task: TaskRecord, locale: Locale, videoLink?: string) {
  const buttons: ButtonBuilder[] = [];
  // Only a request still waiting in the queue can be cancelled: the video service has no cancel call.
  if (task.state === 'queued')
    buttons.push(
      new ButtonBuilder()
        .setCustomId(customIdFor('cancel', task.id))
        .setStyle(ButtonStyle.Secondary)
        .setLabel(t(locale, 'button.cancel'))
        .setEmoji('✖️'),
    );
  if (videoLink && videoLink.length <= LINK_BUTTON_MAX_URL) {
    buttons.push(new ButtonBuilder().setStyle(ButtonStyle.Link).setURL(videoLink).setLabel(t(locale, 'button.open')));
  }
  if (task.state === 'done')
    buttons.push(
      new ButtonBuilder()
        .setCustomId(customIdFor('reroll', task.id))
        .setStyle(ButtonStyle.Primary)
        .setLabel(t(locale, 'button.reroll'))
        .setEmoji('🎲'),
    );
  // The same request would be refused again (a file the media review refused, content the video service
  // refused): no Retry; the member needs another file, or another prompt through Remix.
  if (endedWithoutVideo(task.state) && !refusedAgainIfResent(task)) {
    buttons.push(
      new ButtonBuilder()
        .setCustomId(customIdFor('retry', task.id))
        .setStyle(ButtonStyle.Primary)
        .setLabel(t(locale, 'button.retry'))
        .setEmoji('🔁'),
    );
  }
  // Remix: the same model and references with an edited prompt, duration or ratio (finished or failed; not
  // when the media review refused one of those references).
  if (isFinal(task.state) && task.lastError?.reason !== 'review_failed')
    buttons.push(
      new ButtonBuilder()
        .setCustomId(customIdFor('remix', task.id))
        .setStyle(ButtonStyle.Secondary)
        .setLabel(t(locale, 'button.remix'))
        .setEmoji('🎛️'),
    );
  // Extend: the next shot starts from this video's last frame (models that take a first frame alone).
  const model = findModel(task.model);
  if (task.state === 'done' && model && canStartFromFrame(model))
    buttons.push(
      new ButtonBuilder()
        .setCustomId(customIdFor('extend', task.id))
        .setStyle(ButtonStyle.Secondary)
        .setLabel(t(locale, 'button.extend'))
        .setEmoji('⏭️'),
    );
  if (isFinal(task.state)) {
    buttons.push(
      new ButtonBuilder()
        .setCustomId(customIdFor('delete', task.id))
        .setStyle(ButtonStyle.Secondary)
        .setLabel(t(locale, 'button.delete'))
        .setEmoji('🗑️'),
    );
  }
  return buttons.length ? [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons).toJSON()] : [];
}

/**
 * Adds the video's link to the embed: a note (why it is a link, how long it lives) and, when the URL is too
 * long for a link button, the URL itself in the note, or at the end of the description if the note cannot hold it.
 */
function withVideo(embed: APIEmbed, locale: Locale, video: { url: string; note: string }): APIEmbed {
  const inButton = video.url.length <= LINK_BUTTON_MAX_URL;
  if (inButton && !video.note) return embed;
  const name = t(locale, 'task.field.video');
  const withUrl = inButton ? video.note : `${video.note}${video.note ? '\n' : ''}${video.url}`;
  if (withUrl.length <= 1024) return { ...embed, fields: [...(embed.fields ?? []), { name, value: withUrl }] };
  const fields = video.note ? [...(embed.fields ?? []), { name, value: truncate(video.note, 1024) }] : embed.fields;
  return { ...embed, fields, description: `${embed.description ?? ''}\n\n${video.url}` };
}

/** The message body (for reply, editReply, webhook or channel edits) of a task at its current stage. */
export function taskMessage(
  task: TaskRecord,
  locale: Locale,
  now: number,
  video?: { url: string; note: string },
  place?: QueuePlace,
  extras: CardExtras = {},
) {
  const embed = taskEmbed(task, locale, now, place, extras);
  return {
    content: '',
    embeds: [video ? withVideo(embed, locale, video) : embed],
    components: [
      ...taskButtons(task, locale, video?.url),
      ...(extras.share && task.state === 'done' ? [shareButtonRow(task, locale)] : []),
    ],
    allowedMentions: NO_MENTIONS,
  };
}
