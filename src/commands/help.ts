/**
 * /help: one private message in the member's language (see render/helpMessage.ts), and its model-family
 * menu, which redraws the message for the chosen family. Everything is read again on each use (the member's
 * limits, whether they are an admin), so the menu works after a restart.
 */
import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  type RepliableInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { resolveLocale } from '../i18n/index.js';
import type { BotContext } from '../discord/botContext.js';
import { HELP_FAMILY_SELECT } from '../discord/customIds.js';
import { type HelpLimits, helpMessage } from '../discord/render/helpMessage.js';
import { NO_MENTIONS } from '../discord/render/text.js';
import { isUserInstallPlace, memberRoleIds } from '../discord/taskOrigin.js';
import { familyRules } from '../services/help/familyRules.js';
import { usageAgainstLimits } from '../services/usage/usageReport.js';
import { MICROS } from '../services/usage/prices.js';
import { chatCommand, defineCommand } from './define.js';

const definition = chatCommand('/help', {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  install: 'everywhere',
  options: [],
});

const FAMILIES = familyRules();

/** The member's limits right now, from the usage ledger (as /usage me reads them). */
async function limitsOf(i: RepliableInteraction, ctx: BotContext): Promise<HelpLimits> {
  // Through the member's own install where the bot is not: their own scope, under the operator's limits.
  const userInstall = isUserInstallPlace(i);
  const [u, snap] = await Promise.all([
    usageAgainstLimits(ctx.ledger, i.guildId, i.user.id, userInstall ? [] : memberRoleIds(i), userInstall),
    ctx.ledger.snapshot(i.guildId, i.user.id, userInstall),
  ]);
  const line = (name: string) => u.you.find((l) => l.limit === name);
  const daily = line('member_daily_tasks');
  const running = line('member_running');
  const prices = ctx.ledger.prices;
  return {
    dailyUsed: daily?.used ?? 0,
    dailyLimit: daily?.max ?? null,
    dailyResetAt: daily?.resetAt,
    running: running?.used ?? 0,
    runningLimit: running?.max ?? null,
    ...(prices
      ? {
          spend: {
            currency: prices.currency,
            mine: snap.memberMonth.spend ?? 0,
            ...(i.guildId && !userInstall
              ? {
                  server: {
                    spent: u.month.spend ?? 0,
                    limit: u.spendLimit === null ? null : Math.round(u.spendLimit * MICROS),
                  },
                }
              : {}),
          },
        }
      : {}),
  };
}

async function view(i: RepliableInteraction, ctx: BotContext, family?: string) {
  return helpMessage({
    locale: resolveLocale(i.locale),
    families: FAMILIES,
    family,
    limits: await limitsOf(i, ctx),
    admin: !!i.guildId && !isUserInstallPlace(i) && i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true,
  });
}

export const helpCommand = defineCommand(definition, {
  async execute(interaction, _args, ctx) {
    await interaction.reply({
      ...(await view(interaction, ctx)),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
});

/** The family menu under /help: the message redrawn for the chosen family. False when it is not /help's menu. */
export async function handleHelpSelect(interaction: StringSelectMenuInteraction, ctx: BotContext): Promise<boolean> {
  if (interaction.customId !== HELP_FAMILY_SELECT) return false;
  await interaction.update({ ...(await view(interaction, ctx, interaction.values[0])), allowedMentions: NO_MENTIONS });
  return true;
}
