/**
 * Submitted Remix and Extend modals. Remix: the parent's model and references with the edited prompt, duration
 * and ratio, down the same path as /video. Extend: the parent's last frame (ffmpeg) is posted in the channel (or
 * thread) and becomes the first frame of a new task with the edited prompt. Both are checked before any work
 * (Extend: the limits too, read-only): a refusal is private and changes nothing; a frame posted for a request
 * that the reservation then refuses is deleted.
 */
import { type ModalSubmitInteraction, Routes } from 'discord.js';
import { canStartFromFrame, findModel } from '../../catalog/models.js';
import { resolveLocale, t } from '../../i18n/index.js';
import {
  checkVideoRequest,
  inputFromTask,
  requestVideo,
  type VideoRequestDraft,
} from '../../services/generation/requestVideo.js';
import { FINAL_STATES, type TaskRecord } from '../../services/tasks/taskRecord.js';
import type { BotContext } from '../../discord/botContext.js';
import { parseCustomId } from '../../discord/customIds.js';
import { publishTask } from '../../discord/publishTask.js';
import { MODAL_FIELDS } from '../../discord/render/remixModal.js';
import { NO_MENTIONS } from '../../discord/render/text.js';
import { tellPrivately } from '../../discord/tellPrivately.js';
import { cardUrl, refusalText, requestFromCard } from './requestFromCard.js';
import { isUserInstallPlace, memberRoleIds, taskOriginOf } from '../../discord/taskOrigin.js';

export async function handleModalSubmit(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void> {
  const locale = resolveLocale(interaction.locale);
  const parsed = parseCustomId(interaction.customId);
  const kind = parsed?.action === 'remixform' ? 'remix' : parsed?.action === 'extendform' ? 'extend' : undefined;
  const task = kind && parsed ? await ctx.tasks.get(parsed.taskId) : undefined;
  if (!kind || !task) {
    await tellPrivately(interaction, t(locale, 'button.unknownTask'));
    return;
  }
  const edits = readEdits(interaction);
  if (kind === 'remix') {
    if (!FINAL_STATES.includes(task.state)) {
      await tellPrivately(interaction, t(locale, 'button.notFinished'));
      return;
    }
    // The media review refused one of its files: the remix would send the same file again.
    if (task.lastError?.reason === 'review_failed') {
      await tellPrivately(interaction, t(locale, 'button.reviewFailed'));
      return;
    }
    await requestFromCard(interaction, ctx, task, { ...inputFromTask(task), ...edits }, 'remix');
    return;
  }
  await extend(interaction, ctx, task, edits);
}

/** What the member typed in a form (Remix, Extend, Animate): the prompt always; duration and ratio when not left empty. */
export function readEdits(
  interaction: ModalSubmitInteraction,
): Pick<VideoRequestDraft, 'prompt' | 'duration' | 'ratio'> {
  const field = (id: string) => {
    try {
      return interaction.fields.getTextInputValue(id).trim();
    } catch {
      return '';
    }
  };
  const duration = field(MODAL_FIELDS.duration);
  const ratio = field(MODAL_FIELDS.ratio);
  return {
    prompt: field(MODAL_FIELDS.prompt),
    // Digits become a number; anything else goes to validation as typed, which names the problem.
    ...(duration ? { duration: /^\d{1,3}$/.test(duration) ? Number(duration) : duration } : {}),
    ...(ratio ? { ratio } : {}),
  };
}

async function extend(
  interaction: ModalSubmitInteraction,
  ctx: BotContext,
  parent: TaskRecord,
  edits: Pick<VideoRequestDraft, 'prompt' | 'duration' | 'ratio'>,
): Promise<void> {
  const locale = resolveLocale(interaction.locale);
  const log = ctx.logger.child({ taskId: parent.id, guildId: parent.guildId, action: 'extend' });
  // The last frame is posted in the channel as the new task's first frame: where the bot is not, it cannot post.
  if (isUserInstallPlace(interaction)) {
    await tellPrivately(interaction, t(locale, 'extend.userInstall'));
    return;
  }
  const model = findModel(parent.model);
  if (parent.state !== 'done' || !parent.videoUrl) {
    await tellPrivately(interaction, t(locale, 'button.notFinished'));
    return;
  }
  if (!model || !canStartFromFrame(model)) {
    await tellPrivately(interaction, t(locale, 'button.extendUnavailable'));
    return;
  }
  if (!ctx.media.canEncode) {
    await tellPrivately(interaction, t(locale, 'extend.noEncoder'));
    return;
  }
  const origin = taskOriginOf(interaction);
  const roleIds = memberRoleIds(interaction);
  const draft = (firstImage: VideoRequestDraft['firstImage']): VideoRequestDraft => ({
    model: parent.model,
    prompt: edits.prompt,
    duration: edits.duration ?? parent.request.duration,
    resolution: parent.request.resolution,
    ratio: edits.ratio ?? parent.request.ratio,
    firstImage,
  });
  // Every rule but the limits, before any work: a frame of the right kind stands in for the real one.
  const early = await checkVideoRequest(
    ctx,
    origin,
    draft({ url: 'https://cdn.discordapp.com/attachments/0/0/last-frame.jpg', contentType: 'image/jpeg' }),
    { roleIds },
  );
  if (early.kind !== 'ok') {
    await tellPrivately(interaction, refusalText(early, locale) ?? t(locale, 'error.generic'));
    return;
  }
  // The limits too, read through the ledger with the reservation's own rules: a member at a limit (or in a
  // cooldown) gets no download, no ffmpeg job and no frame. The reservation at the end still decides.
  const limited = await ctx.ledger.precheck({
    guildId: origin.guildId,
    userId: origin.userId,
    roleIds,
    model: early.checked.model.id,
    cost: early.checked.cost,
    ...(origin.userInstall ? { userInstall: true } : {}),
  });
  if (limited) {
    const { ok: _ok, ...refusal } = limited;
    await tellPrivately(
      interaction,
      refusalText({ kind: 'refused', ...refusal }, locale) ?? t(locale, 'error.generic'),
    );
    return;
  }

  await interaction.deferReply();
  await interaction
    .editReply({ content: t(locale, 'extend.working'), allowedMentions: NO_MENTIONS })
    .catch((err: unknown) => log.warn({ err }, 'could not show that the frame is being taken'));
  const giveUp = async (content: string) => {
    await interaction.deleteReply().catch((err: unknown) => log.warn({ err }, 'could not remove the working note'));
    await tellPrivately(interaction, content);
  };

  const frame = await ctx.media.lastFrame(parent.videoUrl);
  if (frame.kind !== 'frame') {
    log.warn({ why: frame.why, detail: frame.detail }, 'last frame not taken');
    await giveUp(t(locale, frame.why === 'no_encoder' ? 'extend.noEncoder' : 'extend.videoGone'));
    return;
  }
  // The frame goes in the channel (or thread) where the member works: the new task's first frame is its URL.
  const name = `last-frame-${parent.id}.jpg`;
  let posted: { id: string; attachments?: Array<{ url: string }> };
  try {
    posted = (await interaction.client.rest.post(Routes.channelMessages(interaction.channelId!), {
      body: { content: t(locale, 'extend.frameCaption', { id: parent.id }), allowed_mentions: { parse: [] } },
      files: [{ name, data: frame.data, contentType: 'image/jpeg' }],
    })) as typeof posted;
  } catch (err) {
    log.warn({ err }, 'could not post the last frame');
    await giveUp(t(locale, 'extend.framePostFailed'));
    return;
  }
  const url = posted.attachments?.[0]?.url;
  const result = url
    ? await requestVideo(
        ctx,
        origin,
        draft({
          url,
          name,
          contentType: 'image/jpeg',
          sizeBytes: frame.data.length,
          width: frame.width,
          height: frame.height,
          fromAttachment: true,
        }),
        { roleIds, parent: { id: parent.id, kind: 'extend', messageUrl: cardUrl(parent) } },
      )
    : undefined;
  if (result?.kind === 'accepted') {
    await publishTask(interaction, result.task, ctx);
    return;
  }
  // Refused after all (a limit reached meanwhile) or claimed elsewhere: the frame is not needed.
  await interaction.client.rest
    .delete(Routes.channelMessage(interaction.channelId!, posted.id))
    .catch((err: unknown) => log.warn({ err }, 'could not delete the unused frame'));
  if (result?.kind === 'claimed') return;
  await giveUp((result && refusalText(result, locale)) ?? t(locale, 'extend.framePostFailed'));
}
