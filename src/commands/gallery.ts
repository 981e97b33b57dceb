/** /gallery: a member keeps their videos out of the server's gallery (or lets them in), or sees its most-reacted videos. */
import { InteractionContextType, MessageFlags } from 'discord.js';
import { resolveLocale, t } from '../i18n/index.js';
import { topLines } from '../discord/render/galleryPost.js';
import { NO_MENTIONS, truncate } from '../discord/render/text.js';
import { wordChoice } from './choices.js';
import { chatCommand, defineCommand, option, subcommand } from './define.js';

const definition = chatCommand('/gallery', {
  contexts: [InteractionContextType.Guild],
  install: 'guild',
  options: [
    subcommand('/gallery opt-out'),
    subcommand('/gallery opt-in'),
    subcommand('/gallery top', [
      option.string('period', {
        required: true,
        choices: (['day', 'week', 'month', 'all'] as const).map(wordChoice),
      }),
    ]),
  ],
});

export const galleryCommand = defineCommand(definition, {
  async execute(interaction, args, ctx) {
    const locale = resolveLocale(interaction.locale);
    const privately = (content: string) =>
      interaction.deferred
        ? interaction.editReply({ content, allowedMentions: NO_MENTIONS }).then(() => undefined)
        : interaction
            .reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
            .then(() => undefined);
    const guildId = interaction.guildId;
    if (!guildId || !ctx.gallery) return privately(t(locale, 'gallery.serverOnly'));
    switch (args.subcommand) {
      case 'opt-out':
      case 'opt-in': {
        const out = args.subcommand === 'opt-out';
        await ctx.gallery.optOut(guildId, interaction.user.id, out);
        ctx.logger.info({ guildId, userId: interaction.user.id, out }, 'gallery: member choice saved');
        return privately(t(locale, out ? 'gallery.optOut' : 'gallery.optIn'));
      }
      case 'top': {
        // Reactions are read from Discord, a request or more per post: the answer may take a few seconds.
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const top = await ctx.gallery.top(guildId, args.period);
        if (!top.length) return privately(t(locale, 'gallery.top.none'));
        const lines = topLines(top, locale);
        const title = t(locale, 'gallery.top.title', { period: t(locale, `gallery.period.${args.period}`) });
        return privately(truncate(`**${title}**\n${lines.join('\n')}`, 2000));
      }
    }
  },
});
