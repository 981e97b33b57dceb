/**
 * A submitted Animate / Use as references form: the message is read again (the form may have sat open for
 * minutes; stale file URLs are signed anew), its media becomes the request on the model the form named, and the
 * request goes down the same path as /video (policy, blocklists, the member's defaults, validation, limits,
 * queue, media review) to the same public card, which links back to the message. Refusals are private and change
 * nothing. The form's id carries everything, so this works after a restart.
 */
import type { ModalSubmitInteraction } from 'discord.js';
import { findModel } from '../../catalog/models.js';
import { resolveLocale, t } from '../../i18n/index.js';
import {
  draftFromSource,
  hasUsableMedia,
  type ImagePick,
  leaveDefaultsOut,
  modelTakes,
} from '../../services/generation/fromMessage.js';
import { requestVideo } from '../../services/generation/requestVideo.js';
import type { BotContext } from '../../discord/botContext.js';
import type { SourceFormId } from '../../discord/customIds.js';
import { publishTask } from '../../discord/publishTask.js';
import { PICK_ALL, SOURCE_FIELDS } from '../../discord/render/sourceModal.js';
import { readSourceMessage } from '../../discord/sourceMessage.js';
import { memberRoleIds, taskOriginOf } from '../../discord/taskOrigin.js';
import { tellPrivately } from '../../discord/tellPrivately.js';
import { readEdits } from '../video/modals.js';
import { refusalText } from '../video/requestFromCard.js';

/** The image the member picked (the first when the form had no menu, or the value is not one of ours). */
function readPick(interaction: ModalSubmitInteraction): ImagePick {
  let value: string | undefined;
  try {
    value = interaction.fields.getStringSelectValues(SOURCE_FIELDS.pick)[0];
  } catch {
    value = undefined;
  }
  if (value === PICK_ALL) return 'all';
  return value && /^\d{1,2}$/.test(value) ? Number(value) : 0;
}

export async function submitSourceForm(
  interaction: ModalSubmitInteraction,
  ctx: BotContext,
  form: SourceFormId,
): Promise<void> {
  const locale = resolveLocale(interaction.locale);
  const origin = taskOriginOf(interaction);
  const log = ctx.logger.child({ guildId: origin.guildId, action: form.kind, messageId: form.messageId });
  const model = findModel(form.model);
  const fresh = await readSourceMessage(
    interaction.client.rest,
    form.channelId,
    form.messageId,
    ctx.now(),
    ctx.sourceMemory?.recall(form.channelId, form.messageId),
  );
  if (!fresh.ok) {
    log.warn({ why: fresh.why, detail: fresh.detail }, 'the source message could not be read again');
    await tellPrivately(interaction, t(locale, fresh.why === 'gone' ? 'source.gone' : 'source.mediaExpired'));
    return;
  }
  // The message may have been edited meanwhile: its media is what it shows now.
  if (!hasUsableMedia(form.kind, fresh.media)) {
    await tellPrivately(interaction, t(locale, `source.noMedia.${form.kind}`));
    return;
  }
  if (!model || !modelTakes(form.kind, model, fresh.media)) {
    await tellPrivately(interaction, t(locale, 'source.noModel'));
    return;
  }
  const typed = draftFromSource(form.kind, model, fresh.media, readPick(interaction), readEdits(interaction));
  // Left as prefilled = left to the defaults, so the card says which of the member's own it used.
  const cfg = await ctx.guildConfig.effective(origin.userInstall ? null : origin.guildId);
  const draft = leaveDefaultsOut(typed, (await ctx.memberSettings.get(origin.userId)).defaults, cfg);
  const messageUrl = `https://discord.com/channels/${interaction.guildId ?? '@me'}/${form.channelId}/${form.messageId}`;
  const result = await requestVideo(ctx, origin, draft, {
    roleIds: memberRoleIds(interaction),
    // Left empty in the form: the member's own defaults fill it, as in /video.
    memberDefaults: true,
    source: { kind: form.kind, messageUrl },
  });
  const refusal = refusalText(result, locale);
  if (refusal) await tellPrivately(interaction, refusal);
  else if (result.kind === 'accepted') await publishTask(interaction, result.task, ctx);
  // claimed: another process of the bot (sharing the database) answers this interaction.
}
