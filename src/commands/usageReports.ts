/**
 * /video-admin usage members and /video-admin usage chart: the server's per-member month (with a CSV on request)
 * and its chart of the last 30 days. Deferred first: a big server has thousands of rows (Discord's 3 s).
 */
import { AttachmentBuilder, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import type { BotContext } from '../discord/botContext.js';
import { NO_MENTIONS } from '../discord/render/text.js';
import { formatMonth } from '../i18n/dates.js';
import { type Locale, resolveLocale, t } from '../i18n/index.js';
import { formatMoney } from '../services/usage/prices.js';
import { renderUsageChart } from '../services/usage/usageChart.js';
import { breakdownCsv } from '../services/usage/usageReport.js';

/** Usage by member this month: the first 25 in the reply, every one in the CSV when asked for. */
export async function usageMembers(
  interaction: ChatInputCommandInteraction & { guildId: string },
  ctx: BotContext,
  csv: boolean,
): Promise<void> {
  const locale = resolveLocale(interaction.locale);
  const prices = ctx.ledger.prices;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
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
  const files = csv
    ? [
        new AttachmentBuilder(Buffer.from(breakdownCsv(rows, prices?.currency)), {
          name: `usage-${interaction.guildId}-${month}.csv`,
        }),
      ]
    : [];
  await interaction.editReply({ content, files, allowedMentions: NO_MENTIONS });
}

/** The chart of the server's last 30 days (PNG) with a one-line summary, in the admin's language. */
export async function usageChart(
  interaction: ChatInputCommandInteraction & { guildId: string },
  ctx: BotContext,
): Promise<void> {
  const locale = resolveLocale(interaction.locale);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply({
    ...(await usageChartReply(ctx, interaction.guildId, locale)),
    allowedMentions: NO_MENTIONS,
  });
}

/** The chart's reply: the PNG (services/usage/usageChart.ts) and its caption. */
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
