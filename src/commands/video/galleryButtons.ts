/**
 * The gallery's buttons: Share to gallery on a finished video's card (requester or Manage Messages; never a video
 * whose requester opted out), and Delete on a gallery post (requester or Manage Messages). "Use this prompt" on a
 * post is the card's Remix (buttons.ts): the form, then a new task charged to whoever clicked, checked like /video.
 */
import { type ButtonInteraction, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { resolveLocale, t } from '../../i18n/index.js';
import type { TaskRecord } from '../../services/tasks/taskRecord.js';
import type { BotContext } from '../../discord/botContext.js';
import { NO_MENTIONS } from '../../discord/render/text.js';
import { mayManageTask } from './mayManageTask.js';

const SHARE_REFUSAL = {
  not_done: 'gallery.share.notDone',
  no_gallery: 'gallery.share.noGallery',
  opted_out: 'gallery.share.optedOut',
  already: 'gallery.share.already',
} as const;

export async function handleGalleryButton(
  interaction: ButtonInteraction,
  ctx: BotContext,
  task: TaskRecord,
  action: 'share' | 'gdelete',
): Promise<void> {
  const locale = resolveLocale(interaction.locale);
  const ephemeral = (content: string) =>
    interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  const mayManage = mayManageTask(task, interaction);
  if (!ctx.gallery || !task.guildId) return void (await ephemeral(t(locale, 'gallery.share.noGallery')));
  if (!mayManage)
    return void (await ephemeral(t(locale, action === 'share' ? 'gallery.share.denied' : 'button.deleteDenied')));
  // Answered (deferred) before anything is written: in a rolling deploy every process receives the click and only
  // the one whose answer Discord takes goes on, so the member who shared is never told it was "already" shared.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  if (action === 'share') {
    const shared = await ctx.gallery.share(task, interaction.user.id);
    const content = t(locale, shared.ok ? 'gallery.share.done' : SHARE_REFUSAL[shared.why]);
    await interaction.editReply({ content, allowedMentions: NO_MENTIONS });
    return;
  }
  await ctx.gallery.remove(task.guildId, task.id, interaction.user.id);
  await interaction.editReply({ content: t(locale, 'button.deleted'), allowedMentions: NO_MENTIONS });
}

/** The admin confirmed a purge (their own request, Manage Server): its posts are removed and the answer says how many. */
export async function confirmGalleryPurge(interaction: ButtonInteraction, ctx: BotContext, requestId: string) {
  const locale = resolveLocale(interaction.locale);
  if (!interaction.guildId || !ctx.gallery || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    await interaction.reply({
      content: t(locale, 'admin.denied'),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  await interaction.deferUpdate();
  const removed = await ctx.gallery.confirmPurge(requestId, interaction.guildId, interaction.user.id);
  await interaction.editReply({
    content:
      removed === undefined ? t(locale, 'button.unknownTask') : t(locale, 'gallery.purge.done', { count: removed }),
    components: [],
    allowedMentions: NO_MENTIONS,
  });
}
