/**
 * Button clicks on task messages, resolved from the database by the task id in the custom_id:
 * Re-roll (a finished task, same parameters, new usage), Retry (a task that did not finish), Delete
 * and Cancel (a task waiting in the queue), both for the requester or members with Manage Messages.
 */
import { MessageFlags, PermissionFlagsBits, type ButtonInteraction } from 'discord.js';
import { resolveLocale, t } from '../i18n/index.js';
import { inputFromTask, requestVideo, type VideoRequestDraft } from '../services/generation/requestVideo.js';
import { FINAL_STATES } from '../services/tasks/taskRecord.js';
import type { BotContext } from './botContext.js';
import { parseCustomId } from './customIds.js';
import { publishTask } from './publishTask.js';
import { taskMessage } from './render/taskMessage.js';
import { refreshAttachmentUrls } from './refreshAttachmentUrls.js';
import { renderProblemList } from './render/problemList.js';
import { renderRefusal } from './render/refusal.js';
import { NO_MENTIONS } from './render/text.js';
import { memberRoleIds, whoAsked } from './whoAsked.js';

export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const locale = resolveLocale(interaction.locale);
  const ephemeral = (content: string) =>
    interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  const parsed = parseCustomId(interaction.customId);
  const task = parsed && (await ctx.tasks.get(parsed.taskId));
  if (!parsed || !task) {
    await ephemeral(t(locale, 'button.unknownTask'));
    return;
  }

  const mayManage =
    task.userId === interaction.user.id ||
    interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) === true;

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
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.message.delete();
    ctx.logger.info({ taskId: task.id, guildId: task.guildId, by: interaction.user.id }, 'task message deleted');
    await interaction.editReply({ content: t(locale, 'button.deleted'), allowedMentions: NO_MENTIONS });
    return;
  }

  const wanted =
    parsed.action === 'reroll' ? task.state === 'done' : FINAL_STATES.includes(task.state) && task.state !== 'done';
  if (!wanted) {
    await ephemeral(t(locale, 'button.notFinished'));
    return;
  }
  // The media review refused one of its files: sending the same file again would be refused again.
  if (parsed.action === 'retry' && task.lastError?.reason === 'review_failed') {
    await ephemeral(t(locale, 'button.reviewFailed'));
    return;
  }
  // The stored references are Discord CDN URLs that expire: sign stale ones anew, or ask for a new upload.
  const draft = inputFromTask(task);
  const refreshed = await refreshAttachmentUrls(interaction.client.rest, mediaUrls(draft), ctx.now());
  if (!refreshed.ok) {
    ctx.logger.warn(
      { taskId: task.id, guildId: task.guildId, reason: refreshed.reason },
      'reference URLs could not be refreshed',
    );
    await ephemeral(t(locale, 'button.mediaExpired'));
    return;
  }
  // A new task, charged to whoever clicked, re-checked against today's rules.
  const result = await requestVideo(ctx, whoAsked(interaction), withMediaUrls(draft, refreshed.urls), {
    parentId: task.id,
    roleIds: memberRoleIds(interaction),
  });
  if (result.kind === 'invalid') await ephemeral(renderProblemList(result.problems, locale));
  else if (result.kind === 'refused' || result.kind === 'policy' || result.kind === 'blocked')
    await ephemeral(renderRefusal(result, locale));
  else if (result.kind === 'accepted') await publishTask(interaction, result.task, ctx);
  // claimed: another process of the bot (sharing the database) answers this click.
}

/** Every media URL a request refers to. */
function mediaUrls(d: VideoRequestDraft): string[] {
  return [d.images, d.referenceVideos, d.referenceAudios, [d.firstImage, d.lastImage]]
    .flatMap((list) => list ?? [])
    .filter((m): m is NonNullable<typeof m> => !!m)
    .map((m) => m.url);
}

/** The request with its media URLs replaced (refreshed ones). */
function withMediaUrls(d: VideoRequestDraft, urls: Map<string, string>): VideoRequestDraft {
  const swap = <M extends { url: string }>(m: M | undefined) => (m ? { ...m, url: urls.get(m.url) ?? m.url } : m);
  return {
    ...d,
    images: d.images?.map((m) => swap(m)!),
    referenceVideos: d.referenceVideos?.map((m) => swap(m)!),
    referenceAudios: d.referenceAudios?.map((m) => swap(m)!),
    firstImage: swap(d.firstImage),
    lastImage: swap(d.lastImage),
  };
}
