/**
 * /video-admin queue: the server's running and waiting requests, privately, with Cancel for moderators (the rule of
 * the cards' Cancel, mayManageTask.ts). A cancel here is the member's own Cancel (`queue.cancel`: out of the queue,
 * refunded in the same transaction); the member's card is then told by the poller, and the view is shown again.
 */
import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import type { BotContext } from '../discord/botContext.js';
import { queueViewMessage } from '../discord/render/queueView.js';
import { NO_MENTIONS } from '../discord/render/text.js';
import { resolveLocale, t } from '../i18n/index.js';
import { readServerQueue } from '../services/queue/serverQueue.js';
import type { TaskRecord } from '../services/tasks/taskRecord.js';
import { isTaskModerator, mayManageTask } from './video/mayManageTask.js';

export async function showServerQueue(
  interaction: ChatInputCommandInteraction & { guildId: string },
  ctx: BotContext,
): Promise<void> {
  const locale = resolveLocale(interaction.locale);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const view = await readServerQueue(ctx, interaction.guildId);
  await interaction.editReply({
    ...queueViewMessage(view, locale, { canCancel: isTaskModerator(interaction) }),
    allowedMentions: NO_MENTIONS,
  });
}

/** Cancel on the queue view: a waiting request of this server, by a moderator (or the member who asked). */
export async function cancelFromServerQueue(
  interaction: ButtonInteraction,
  ctx: BotContext,
  task: TaskRecord,
): Promise<void> {
  const locale = resolveLocale(interaction.locale);
  const privately = (key: 'button.cancelDenied' | 'button.cancelTooLate' | 'button.unknownTask') =>
    interaction.reply({ content: t(locale, key), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  if (!interaction.guildId || task.guildId !== interaction.guildId || task.userInstall)
    return void (await privately('button.unknownTask'));
  if (!mayManageTask(task, interaction)) return void (await privately('button.cancelDenied'));
  const cancelled = await ctx.queue.cancel(task.id, interaction.user.id);
  if (!cancelled.ok)
    return void (await privately(cancelled.reason === 'started' ? 'button.cancelTooLate' : 'button.unknownTask'));
  // The member's card is edited (cancelled, refunded) and the member marked told by the poller, as after a restart.
  if (!cancelled.already) ctx.track(cancelled.task);
  const view = await readServerQueue(ctx, interaction.guildId);
  await interaction.update({
    ...queueViewMessage(view, locale, {
      canCancel: isTaskModerator(interaction),
      notice: t(locale, 'admin.queue.cancelled', { id: task.id, user: `<@${task.userId}>` }),
    }),
    allowedMentions: NO_MENTIONS,
  });
}
