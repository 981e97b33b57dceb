/** A gallery post's message: the video's prompt, model, parameters, requester (shown, never pinged), the card's link, and its buttons. */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type APIEmbed } from 'discord.js';
import { type Locale, t } from '../../i18n/index.js';
import type { TaskRecord } from '../../services/tasks/taskRecord.js';
import type { GalleryPost } from '../../services/gallery/galleryRecords.js';
import type { GallerySettings } from '../../services/gallery/gallerySettings.js';
import { postTitle } from '../../services/gallery/postContent.js';
import { customIdFor } from '../customIds.js';
import { escapeUntrusted, NO_MENTIONS, quotePrompt } from './text.js';

/** The card's jump link, when the card is a message in a server channel. */
export function cardLink(task: TaskRecord): string | undefined {
  return task.guildId && task.messageId
    ? `https://discord.com/channels/${task.guildId}/${task.channelId}/${task.messageId}`
    : undefined;
}

/** The post as the bot sends it, in the server's language where it has one (the requester's otherwise). */
export function galleryPostBody(task: TaskRecord, locale: Locale, video: { fileName?: string; link?: string }) {
  const r = task.request;
  const params = [`${r.duration}s`, r.resolution, r.ratio].filter(Boolean).join(' · ');
  const embed: APIEmbed = {
    title: escapeUntrusted(postTitle(r.prompt, 200)),
    description: quotePrompt(r.prompt, 1500),
    color: 0x2ecc71,
    fields: [
      { name: t(locale, 'task.field.model'), value: `\`${task.model}\``, inline: true },
      { name: t(locale, 'task.field.params'), value: params, inline: true },
      { name: t(locale, 'task.field.requester'), value: `<@${task.userId}>`, inline: true },
      ...(video.link ? [{ name: t(locale, 'task.field.video'), value: video.link }] : []),
    ],
    footer: { text: task.id },
  };
  const buttons = [
    new ButtonBuilder()
      .setCustomId(customIdFor('remix', task.id))
      .setStyle(ButtonStyle.Primary)
      .setLabel(t(locale, 'gallery.post.use'))
      .setEmoji('✨'),
    new ButtonBuilder()
      .setCustomId(customIdFor('gdelete', task.id))
      .setStyle(ButtonStyle.Secondary)
      .setLabel(t(locale, 'button.delete'))
      .setEmoji('🗑️'),
  ];
  const card = cardLink(task);
  if (card)
    buttons.push(new ButtonBuilder().setStyle(ButtonStyle.Link).setURL(card).setLabel(t(locale, 'gallery.post.card')));
  return {
    content: t(locale, 'gallery.post.requester', { user: task.userId }),
    embeds: [embed],
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons).toJSON()],
    allowed_mentions: NO_MENTIONS,
    ...(video.fileName ? { attachments: [{ id: '0', filename: video.fileName }] } : {}),
  };
}

/** The Share to gallery button, on a finished video's card when the gallery is not automatic. */
export function shareButtonRow(task: TaskRecord, locale: Locale) {
  return new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      new ButtonBuilder()
        .setCustomId(customIdFor('share', task.id))
        .setStyle(ButtonStyle.Success)
        .setLabel(t(locale, 'gallery.share'))
        .setEmoji('🖼️'),
    )
    .toJSON();
}

/** The weekly digest's title (a forum post's name), with its week. */
export const digestTitle = (monday: string, locale: Locale) => `${t(locale, 'gallery.digest.title')} · ${monday}`;
/** What marks a week's digest message (its footer): how a later attempt finds one already posted. */
export const digestMarker = (monday: string) => `digest ${monday}`;

/** A post's jump link: its forum post, or its message in a text channel. */
export function postLink(post: GalleryPost): string {
  return `https://discord.com/channels/${post.guildId}/${post.kind === 'forum' ? post.postId : post.channelId}/${post.messageId}`;
}

/** One line per post of a top list: rank, title (a link), reactions. */
export function topLines(entries: Array<{ post: GalleryPost; count: number }>, locale: Locale): string[] {
  return entries.map(({ post, count }, n) =>
    t(locale, 'gallery.top.line', {
      rank: n + 1,
      title: escapeUntrusted(postTitle(post.prompt, 60)).replace(/[[\]]/g, ''),
      count,
      link: postLink(post),
    }),
  );
}

/** "Top 5 of the week": the week's most-reacted videos, each linked (nobody pinged). */
export function digestBody(
  _gallery: GallerySettings,
  monday: string,
  entries: Array<{ post: GalleryPost; count: number }>,
  locale: Locale,
) {
  const lines = topLines(entries, locale);
  return {
    embeds: [
      {
        title: digestTitle(monday, locale),
        description: lines.length ? lines.join('\n') : t(locale, 'gallery.top.none'),
        color: 0xf1c40f,
        footer: { text: digestMarker(monday) },
      },
    ],
    allowed_mentions: NO_MENTIONS,
  };
}
