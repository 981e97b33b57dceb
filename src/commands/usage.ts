/**
 * /usage me, /usage members and /usage server: usage against each limit with reset times (and the estimated
 * cost when prices are set), the admin's per-member month (CSV), and the admin's chart of the last 30 days.
 */
import { AttachmentBuilder, InteractionContextType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { formatMonth } from '../i18n/dates.js';
import { resolveLocale, t, type Locale } from '../i18n/index.js';
import { NO_MENTIONS } from '../discord/render/text.js';
import { breakdownCsv, usageAgainstLimits, type UsageLine } from '../services/usage/usageReport.js';
import { isUserInstallPlace, memberRoleIds } from '../discord/taskOrigin.js';
import { chatCommand, defineCommand, option, subcommand } from './define.js';
import type { BotContext } from '../discord/botContext.js';
import { formatMoney, MICROS } from '../services/usage/prices.js';
import { renderUsageChart } from '../services/usage/usageChart.js';

const definition = chatCommand('/usage', {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  // `/usage me` works everywhere; members and server are checked at run time (contexts are per command).
  install: 'everywhere',
  options: [
    subcommand('/usage me'),
    subcommand('/usage members', [option.boolean('csv')]),
    subcommand('/usage server'),
  ],
});

const renderLine = (l: UsageLine, locale: Locale) =>
  t(locale, 'usage.line', {
    label: t(locale, `limit.label.${l.limit}`),
    used: l.used,
    limit: l.max === null ? t(locale, 'admin.show.noLimit') : l.max,
    resetAt: l.max === null ? '' : (l.resetAt ?? ''),
  }) + (l.fromRole ? ` ${t(locale, 'usage.fromRole', { role: l.fromRole })}` : '');

export const usageCommand = defineCommand(definition, {
  async execute(interaction, args, ctx) {
    const locale = resolveLocale(interaction.locale);
    const ephemeral = { flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } as const;
    const prices = ctx.ledger.prices;
    // Through the member's own install where the bot is not: their own scope, under the operator's limits.
    const userInstall = isUserInstallPlace(interaction);
    if (args.subcommand === 'me') {
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
      await interaction.reply({ ...ephemeral, content });
      return;
    }
    // Members and server are about a server that added the bot: never one the member only brought their app to.
    if (userInstall) {
      await interaction.reply({ ...ephemeral, content: t(locale, 'usage.serverOnly') });
      return;
    }
    if (!interaction.guildId || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await interaction.reply({ ...ephemeral, content: t(locale, 'admin.denied') });
      return;
    }
    // A big server has thousands of rows: acknowledge first (Discord's 3 s), then read and render.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    if (args.subcommand === 'server') {
      await interaction.editReply({
        ...(await usageChartReply(ctx, interaction.guildId, locale)),
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    const { month, rows } = await ctx.ledger.memberBreakdown(interaction.guildId);
    const shown = rows
      .slice(0, 25)
      .map(
        (r) =>
          t(locale, 'usage.memberLine', { user: r.userId, tasks: r.counter.tasks, seconds: r.counter.seconds }) +
          (prices
            ? ` · ${t(locale, 'usage.memberCost', { amount: formatMoney(r.counter.spend ?? 0, prices.currency, locale) })}`
            : '') +
          (r.moderated ? ` · ${t(locale, 'usage.moderated', { count: r.moderated })}` : ''),
      );
    const content = [
      `**${t(locale, 'usage.membersTitle', { month: formatMonth(locale, month) })}**`,
      ...(rows.length ? shown : [t(locale, 'usage.noMembers')]),
      ...(rows.length > 25 ? [t(locale, 'usage.more', { count: rows.length - 25 })] : []),
    ].join('\n');
    const files = args.csv
      ? [
          new AttachmentBuilder(Buffer.from(breakdownCsv(rows, prices?.currency)), {
            name: `usage-${interaction.guildId}-${month}.csv`,
          }),
        ]
      : [];
    await interaction.editReply({ content, files, allowedMentions: NO_MENTIONS });
  },
});

/** The chart of the server's last 30 days (PNG) with a one-line summary, in the member's language. */
async function usageChartReply(ctx: BotContext, guildId: string, locale: Locale) {
  const history = await ctx.ledger.dailyHistory(guildId, 30);
  const total = (d: { byFamily: Record<string, number> }) => Object.values(d.byFamily).reduce((a, b) => a + b, 0);
  const png = renderUsageChart({
    days: history.days,
    month: history.month,
    monthlyCap: history.monthlyCap,
    locale,
    labels: {
      title: t(locale, 'usage.chart.title'),
      perDay: t(locale, 'usage.chart.perDay'),
      monthSoFar: t(locale, 'usage.chart.monthSoFar'),
      cap: t(locale, 'usage.chart.cap', { limit: history.monthlyCap ?? '' }),
    },
  });
  return {
    content: t(locale, 'usage.chart.caption', {
      zone: history.timeZone,
      total: history.days.reduce((a, d) => a + total(d), 0),
      month: history.days.filter((d) => d.day.startsWith(`${history.month}-`)).reduce((a, d) => a + total(d), 0),
    }),
    files: [new AttachmentBuilder(png, { name: `usage-${guildId}-${history.days.at(-1)?.day ?? 'chart'}.png` })],
  };
}
