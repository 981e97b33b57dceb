/**
 * /usage me: a member's usage against each limit with reset times (and the estimated cost when prices are set), and
 * their requests waiting in the queue. The server's reports for admins are /video-admin usage (usageReports.ts).
 */
import { InteractionContextType, MessageFlags } from 'discord.js';
import { resolveLocale, t, type Locale } from '../i18n/index.js';
import { NO_MENTIONS } from '../discord/render/text.js';
import { usageAgainstLimits, type UsageLine } from '../services/usage/usageReport.js';
import { isUserInstallPlace, memberRoleIds } from '../discord/taskOrigin.js';
import { chatCommand, defineCommand, subcommand } from './define.js';
import { formatMoney, MICROS } from '../services/usage/prices.js';

const definition = chatCommand('/usage', {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  install: 'everywhere',
  options: [subcommand('/usage me')],
});

const renderLine = (l: UsageLine, locale: Locale) =>
  t(locale, 'usage.line', {
    label: t(locale, `limit.label.${l.limit}`),
    used: l.used,
    limit: l.max === null ? t(locale, 'admin.show.noLimit') : l.max,
    resetAt: l.max === null ? '' : (l.resetAt ?? ''),
  }) + (l.fromRole ? ` ${t(locale, 'usage.fromRole', { role: l.fromRole })}` : '');

export const usageCommand = defineCommand(definition, {
  async execute(interaction, _args, ctx) {
    const locale = resolveLocale(interaction.locale);
    const prices = ctx.ledger.prices;
    // Through the member's own install where the bot is not: their own scope, under the operator's limits.
    const userInstall = isUserInstallPlace(interaction);
    const u = await usageAgainstLimits(
      ctx.ledger,
      interaction.guildId,
      interaction.user.id,
      userInstall ? [] : memberRoleIds(interaction),
      userInstall,
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
      `__${t(locale, userInstall ? 'usage.userScope' : 'usage.you')}__`,
      ...u.you.map((l) => renderLine(l, locale)),
      ...(u.server.length ? [`__${t(locale, 'usage.server')}__`, ...u.server.map((l) => renderLine(l, locale))] : []),
      t(locale, 'usage.billing', { perTask: u.month.perTaskUnits, perSecond: u.month.perSecondUnits }),
      ...(prices
        ? [
            t(locale, 'usage.spend', {
              amount: formatMoney(u.month.spend ?? 0, prices.currency, locale),
              limit:
                u.spendLimit === null ? '' : formatMoney(Math.round(u.spendLimit * MICROS), prices.currency, locale),
            }),
          ]
        : []),
      ...(queued.length ? [t(locale, 'usage.queued', { list: queued.join(', ') })] : []),
    ].join('\n');
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  },
});
