/**
 * Button clicks on task messages, resolved from the database by the task id in the custom_id:
 * Re-roll (a finished task, same parameters, new usage), Retry (a task that did not finish), Remix and
 * Extend (open a modal; see modals.ts), Delete and Cancel (a task waiting in the queue), both for the
 * requester or members with Manage Messages.
 */
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { resolveLocale, t } from '../../i18n/index.js';
import { canStartFromFrame, findModel } from '../../catalog/models.js';
import { inputFromTask } from '../../services/generation/requestVideo.js';
import { FINAL_STATES } from '../../services/tasks/taskRecord.js';
import type { BotContext } from '../../discord/botContext.js';
import { parseCustomId } from '../../discord/customIds.js';
import { deleteTaskCard } from '../../discord/taskCardActions.js';
import { isUserInstallPlace } from '../../discord/taskOrigin.js';
import { remixModal } from '../../discord/render/remixModal.js';
import { refusedAgainIfResent, taskMessage } from '../../discord/render/taskMessage.js';
import { NO_MENTIONS } from '../../discord/render/text.js';
import { mayManageTask } from './mayManageTask.js';
import { confirmGalleryPurge, handleGalleryButton } from './galleryButtons.js';
import { requestFromCard } from './requestFromCard.js';
import { cancelFromServerQueue } from '../queueView.js';

export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const locale = resolveLocale(interaction.locale);
  const ephemeral = (content: string) =>
    interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  const parsed = parseCustomId(interaction.customId);
  // A purge's confirmation carries its request's id, not a task's.
  if (parsed?.action === 'gpurge') return confirmGalleryPurge(interaction, ctx, parsed.taskId);
  const task = parsed && (await ctx.tasks.get(parsed.taskId));
  if (!parsed || !task) {
    await ephemeral(t(locale, 'button.unknownTask'));
    return;
  }

  if (parsed.action === 'share' || parsed.action === 'gdelete')
    return handleGalleryButton(interaction, ctx, task, parsed.action);
  // Cancel on /video-admin queue's view (not on the card).
  if (parsed.action === 'qcancel') return cancelFromServerQueue(interaction, ctx, task);

  const mayManage = mayManageTask(task, interaction);

  if (parsed.action === 'cancel') {
    if (!mayManage) {
      await ephemeral(t(locale, 'button.cancelDenied'));
      return;
    }
    const cancelled = await ctx.queue.cancel(task.id, interaction.user.id);
    if (!cancelled.ok) {
      await ephemeral(t(locale, cancelled.reason === 'started' ? 'button.cancelTooLate' : 'button.unknownTask'));
      return;
    }
    const ended = cancelled.task;
    if (cancelled.already) {
      // Cancelled already (by this click, answered by another process, or an earlier one): the card as it is.
      await interaction.update(taskMessage(ended, ended.locale, ctx.now()));
      return;
    }
    try {
      // The click's own answer edits the card: cancelled, with Retry and Delete.
      await interaction.update(taskMessage(ended, ended.locale, ctx.now()));
      await ctx.tasks.apply(ended.id, 'markTold', {});
    } catch (err) {
      ctx.logger.warn(
        { err, taskId: ended.id, guildId: ended.guildId },
        'could not show the cancellation; the poller will',
      );
      ctx.track(ended);
    }
    return;
  }

  if (parsed.action === 'delete') {
    if (!mayManage) {
      await ephemeral(t(locale, 'button.deleteDenied'));
      return;
    }
    if (isUserInstallPlace(interaction)) {
      // Where the bot is not, it cannot reach the channel: the click's own webhook deletes the message it is on.
      await interaction.deferUpdate();
      await interaction.deleteReply();
      ctx.logger.info({ taskId: task.id, guildId: task.guildId, by: interaction.user.id }, 'task message deleted');
      await interaction.followUp({
        content: t(locale, 'button.deleted'),
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    // The same operation as the web's Delete (My videos): the message, the log line, the gallery post.
    await deleteTaskCard(
      { rest: interaction.client.rest, logger: ctx.logger, gallery: ctx.gallery, now: ctx.now },
      task,
      { channelId: interaction.channelId, messageId: interaction.message.id },
      interaction.user.id,
    );
    await interaction.editReply({ content: t(locale, 'button.deleted'), allowedMentions: NO_MENTIONS });
    return;
  }

  if (parsed.action === 'remix' || parsed.action === 'extend') {
    if (!FINAL_STATES.includes(task.state) || (parsed.action === 'extend' && task.state !== 'done')) {
      await ephemeral(t(locale, 'button.notFinished'));
      return;
    }
    const model = findModel(task.model);
    if (parsed.action === 'extend' && !(model && canStartFromFrame(model))) {
      await ephemeral(t(locale, 'button.extendUnavailable'));
      return;
    }
    // The media review refused one of its files: a remix would send the same file again.
    if (task.lastError?.reason === 'review_failed') {
      await ephemeral(t(locale, 'button.reviewFailed'));
      return;
    }
    // A modal is the answer to the click itself: it must go out within Discord's 3 s, so nothing else runs first.
    await interaction.showModal(remixModal(task, locale, parsed.action));
    return;
  }

  if (parsed.action !== 'reroll' && parsed.action !== 'retry') {
    await ephemeral(t(locale, 'button.unknownTask'));
    return;
  }
  const wanted =
    parsed.action === 'reroll' ? task.state === 'done' : FINAL_STATES.includes(task.state) && task.state !== 'done';
  if (!wanted) {
    await ephemeral(t(locale, 'button.notFinished'));
    return;
  }
  // Its content, or one of its files, was refused: the same request would be refused again (a card drawn before
  // Retry was taken off such cards may still show the button).
  if (parsed.action === 'retry' && refusedAgainIfResent(task)) {
    await ephemeral(
      t(locale, task.lastError?.reason === 'review_failed' ? 'button.reviewFailed' : 'failure.moderation'),
    );
    return;
  }
  // A new task, charged to whoever clicked, re-checked against today's rules.
  await requestFromCard(interaction, ctx, task, inputFromTask(task), parsed.action);
}
