/**
 * /settings: a member's own defaults for /video (model, ratio, resolution, duration; `reset` clears them)
 * and the DM when a video of theirs ends. Stored once for every server; every answer is private. `gallery` is the
 * exception: whether this server's gallery may share the member's videos, kept per server (the record
 * /gallery opt-out writes).
 */
import { type ChatInputCommandInteraction, InteractionContextType, MessageFlags } from 'discord.js';
import { MODELS } from '../catalog/models.js';
import { resolveLocale, t } from '../i18n/index.js';
import { isUserInstallPlace } from '../discord/taskOrigin.js';
import { memberSettingsRefusal, memberSettingsText } from '../discord/render/memberSettingsText.js';
import { NO_MENTIONS } from '../discord/render/text.js';
import type { BotContext } from '../discord/botContext.js';
import { setMemberDefaults, setNotifyDm } from '../services/memberSettings/settingsChanges.js';
import { ratioChoices, resolutionChoices } from './choices.js';
import { chatCommand, defineCommand, option, subcommand } from './define.js';

const definition = chatCommand('/settings', {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  install: 'everywhere',
  options: [
    subcommand('/settings show'),
    subcommand('/settings defaults', [
      option.string('model', { autocomplete: true }),
      option.string('ratio', { choices: ratioChoices }),
      option.string('resolution', { choices: resolutionChoices }),
      option.integer('duration', { min: 1, max: 15 }),
      option.boolean('reset'),
    ]),
    subcommand('/settings notify', [option.boolean('dm', { required: true })]),
    // The same per-server choice as /gallery opt-out and opt-in (issue 23 §2): one record, two ways to set it.
    subcommand('/settings gallery', [option.boolean('share', { required: true })]),
  ],
});

async function privately(i: ChatInputCommandInteraction, content: string) {
  await i.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

/** The models enabled where the member is (undefined in DMs and where the bot is not: no server settings there). */
async function enabledHere(i: ChatInputCommandInteraction, ctx: BotContext) {
  return i.guildId && !isUserInstallPlace(i) ? (await ctx.guildConfig.effective(i.guildId)).enabledModels : undefined;
}

export const settingsCommand = defineCommand(definition, {
  async execute(interaction, args, ctx) {
    const locale = resolveLocale(interaction.locale);
    const userId = interaction.user.id;
    if (args.subcommand === 'show') {
      const s = await ctx.memberSettings.get(userId);
      return privately(interaction, memberSettingsText(s, locale, await enabledHere(interaction, ctx)));
    }
    if (args.subcommand === 'notify') {
      const change = setNotifyDm(args.dm);
      if (!change.ok) return privately(interaction, memberSettingsRefusal(change.problems, locale));
      const after = await ctx.memberSettings.change(userId, change.describe, change.apply);
      const saved = t(locale, args.dm ? 'settings.notifySaved.on' : 'settings.notifySaved.off');
      return privately(interaction, memberSettingsText(after, locale, await enabledHere(interaction, ctx), saved));
    }
    if (args.subcommand === 'gallery') {
      // The gallery is a server's: in direct messages and where only the member installed the bot there is none.
      const guildId = interaction.guildId;
      if (!guildId || isUserInstallPlace(interaction) || !ctx.gallery)
        return privately(interaction, t(locale, 'gallery.serverOnly'));
      await ctx.gallery.optOut(guildId, userId, !args.share);
      ctx.logger.info({ guildId, userId, out: !args.share }, 'gallery: member choice saved');
      return privately(interaction, t(locale, args.share ? 'gallery.optIn' : 'gallery.optOut'));
    }
    const values = { model: args.model, ratio: args.ratio, resolution: args.resolution, duration: args.duration };
    const reset = args.reset ?? false;
    if (!reset && Object.values(values).every((v) => v === undefined))
      return privately(interaction, t(locale, 'settings.nothing'));
    const change = setMemberDefaults(values, reset, await ctx.memberSettings.get(userId));
    if (!change.ok) return privately(interaction, memberSettingsRefusal(change.problems, locale));
    const after = await ctx.memberSettings.change(userId, change.describe, change.apply);
    const onlyReset = reset && Object.values(values).every((v) => v === undefined);
    const saved = t(locale, onlyReset ? 'settings.cleared' : 'settings.saved');
    await privately(interaction, memberSettingsText(after, locale, await enabledHere(interaction, ctx), saved));
  },
  async autocomplete(interaction) {
    const typed = String(interaction.options.getFocused()).trim().toLowerCase();
    await interaction.respond(
      MODELS.filter((m) => !typed || m.id.includes(typed) || m.label.en.toLowerCase().includes(typed))
        .slice(0, 25)
        .map((m) => ({ name: m.id, value: m.id })),
    );
  },
});
