/** /usage me and /usage members: usage against each limit with reset times, and the admin's per-member month (CSV). */
import {
  AttachmentBuilder,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { resolveLocale, t, type Locale } from '../i18n/index.js';
import { NO_MENTIONS } from '../discord/render/text.js';
import { breakdownCsv, usageAgainstLimits, type UsageLine } from '../services/usage/usageReport.js';
import { memberRoleIds } from '../discord/whoAsked.js';
import { localize } from './options.js';
import type { SlashCommand } from './types.js';

const definition = localize(new SlashCommandBuilder(), 'usage')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .addSubcommand((s) => localize(s, 'usage.me'))
  .addSubcommand((s) => localize(s, 'usage.members').addBooleanOption((o) => localize(o, 'csv')))
  .toJSON();

const renderLine = (l: UsageLine, locale: Locale) =>
  t(locale, 'usage.line', {
    label: t(locale, `limit.label.${l.limit}`),
    used: l.used,
    limit: l.max === null ? t(locale, 'admin.show.noLimit') : l.max,
    resetAt: l.max === null ? '' : (l.resetAt ?? ''),
  }) + (l.fromRole ? ` ${t(locale, 'usage.fromRole', { role: l.fromRole })}` : '');

export const usageCommand: SlashCommand = {
  name: definition.name,
  definition,
  async execute(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    const ephemeral = { flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } as const;
    if (interaction.options.getSubcommand() === 'me') {
      const u = await usageAgainstLimits(
        ctx.ledger,
        interaction.guildId,
        interaction.user.id,
        memberRoleIds(interaction),
      );
      // Requests of this member still waiting in this server's queue, with their places.
      const waiting = (await ctx.tasks.listRecentByUser(interaction.user.id, 25)).filter(
        (task) => task.state === 'queued' && task.guildId === interaction.guildId,
      );
      const places = await Promise.all(waiting.map((task) => ctx.queue.placeOf(task)));
      const queued = waiting.map((task, i) =>
        t(locale, 'usage.queuedItem', { id: task.id, position: places[i]?.position ?? '?' }),
      );
      const content = [
        `**${t(locale, 'usage.title')}**`,
        `__${t(locale, 'usage.you')}__`,
        ...u.you.map((l) => renderLine(l, locale)),
        ...(u.server.length ? [`__${t(locale, 'usage.server')}__`, ...u.server.map((l) => renderLine(l, locale))] : []),
        t(locale, 'usage.billing', { perTask: u.month.perTaskUnits, perSecond: u.month.perSecondUnits }),
        ...(queued.length ? [t(locale, 'usage.queued', { list: queued.join(', ') })] : []),
      ].join('\n');
      await interaction.reply({ ...ephemeral, content });
      return;
    }
    if (!interaction.guildId || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await interaction.reply({ ...ephemeral, content: t(locale, 'admin.denied') });
      return;
    }
    // A big server has thousands of rows: acknowledge first (Discord's 3 s), then read and render.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const { month, rows } = await ctx.ledger.memberBreakdown(interaction.guildId);
    const shown = rows
      .slice(0, 25)
      .map(
        (r) =>
          t(locale, 'usage.memberLine', { user: r.userId, tasks: r.counter.tasks, seconds: r.counter.seconds }) +
          (r.moderated ? ` · ${t(locale, 'usage.moderated', { count: r.moderated })}` : ''),
      );
    const content = [
      `**${t(locale, 'usage.membersTitle', { month })}**`,
      ...(rows.length ? shown : [t(locale, 'usage.noMembers')]),
      ...(rows.length > 25 ? [t(locale, 'usage.more', { count: rows.length - 25 })] : []),
    ].join('\n');
    const files = interaction.options.getBoolean('csv')
      ? [new AttachmentBuilder(Buffer.from(breakdownCsv(rows)), { name: `usage-${interaction.guildId}-${month}.csv` })]
      : [];
    await interaction.editReply({ content, files, allowedMentions: NO_MENTIONS });
  },
};
