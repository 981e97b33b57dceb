/**
 * Apps → Animate / Use as references on a message: read the message's media, pick the model that takes it (the
 * member's default, else the server's, else the first that does), and open the form prefilled with the member's
 * and the server's defaults. A message without usable media, or a place with no model for it, gets a private
 * answer. Nothing is stored: the form's id carries the message and the model.
 */
import { InteractionContextType, type MessageContextMenuCommandInteraction } from 'discord.js';
import type { MessageCommandKey } from '../../i18n/commandTexts.js';
import { resolveLocale, t } from '../../i18n/index.js';
import { chooseSourceModel, hasUsableMedia, type SourceKind } from '../../services/generation/fromMessage.js';
import { applyDefaults } from '../../services/memberSettings/applyDefaults.js';
import type { BotContext } from '../../discord/botContext.js';
import { sourceModal } from '../../discord/render/sourceModal.js';
import { mediaOfMessage } from '../../discord/sourceMessage.js';
import { isUserInstallPlace } from '../../discord/taskOrigin.js';
import { tellPrivately } from '../../discord/tellPrivately.js';
import { defineMessageCommand } from '../define.js';

async function openSourceForm(
  kind: SourceKind,
  interaction: MessageContextMenuCommandInteraction,
  ctx: BotContext,
): Promise<void> {
  const locale = resolveLocale(interaction.locale);
  const message = interaction.targetMessage;
  const media = mediaOfMessage(message);
  if (!hasUsableMedia(kind, media)) {
    await tellPrivately(interaction, t(locale, `source.noMedia.${kind}`));
    return;
  }
  // Where the bot is not (user install) no server's settings apply, as for /video; nor can it read the message
  // again on submit: its media is remembered while the form is open.
  const userInstall = isUserInstallPlace(interaction);
  const cfg = await ctx.guildConfig.effective(userInstall ? null : interaction.guildId);
  const mine = (await ctx.memberSettings.get(interaction.user.id)).defaults;
  const chosen = chooseSourceModel(kind, media, mine?.model, cfg);
  if (!chosen) {
    await tellPrivately(interaction, t(locale, 'source.noModel'));
    return;
  }
  // The same precedence as /video for what the form shows: the member's defaults, then the server's.
  const prefill = applyDefaults({ prompt: '', model: chosen.model.id }, mine, cfg).input;
  if (userInstall) ctx.sourceMemory?.remember(message.channelId, message.id, media);
  const duration = typeof prefill.duration === 'number' ? prefill.duration : chosen.model.duration.default;
  await interaction.showModal(
    sourceModal(
      {
        kind,
        channelId: message.channelId,
        messageId: message.id,
        model: chosen.model,
        reason: chosen.reason,
        media,
        duration,
        ratio: prefill.ratio,
      },
      locale,
    ),
  );
}

const menu = (key: MessageCommandKey, kind: SourceKind) =>
  defineMessageCommand(key, {
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    install: 'everywhere',
    execute: (interaction, ctx) => openSourceForm(kind, interaction, ctx),
  });

export const animateCommand = menu('animate', 'animate');
export const referencesCommand = menu('references', 'references');
