/**
 * /video-admin: a server's own settings. Visible by default to Manage Server only, and checked again
 * here, since server owners can override a command's default permissions.
 */
import {
  ChannelType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { MODELS } from '../catalog/models.js';
import { resolveLocale, t } from '../i18n/index.js';
import { guildSettingsEmbed } from '../discord/render/guildSettingsEmbed.js';
import { escapeUntrusted, joinWithMore, NO_MENTIONS } from '../discord/render/text.js';
import type { BotContext } from '../discord/botContext.js';
import {
  changeChannels,
  changeModel,
  setDefaults,
  setLimit,
  setRole,
  setRoleLimit,
  changeBlocklist,
  setTimeZone,
  type Change,
} from '../services/guildConfig/settingsChanges.js';
import { LIMIT_NAMES, type LimitName, MEMBER_LIMIT_NAMES, type MemberLimitName } from '../services/usage/limits.js';
import { localize, RATIO_CHOICES, RESOLUTION_CHOICES } from './options.js';
import type { SlashCommand } from './types.js';

const choice = (name: string, zh?: string) => ({
  name,
  value: name,
  ...(zh ? { name_localizations: { 'zh-CN': zh } } : {}),
});

const definition = localize(new SlashCommandBuilder(), 'admin')
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) => localize(s, 'admin.show'))
  .addSubcommand((s) =>
    localize(s, 'admin.limit')
      .addStringOption((o) =>
        localize(o, 'limit_name')
          .setRequired(true)
          .addChoices(...LIMIT_NAMES.map((n) => choice(n))),
      )
      .addStringOption((o) => localize(o, 'limit_value').setRequired(true).setMaxLength(12)),
  )
  .addSubcommand((s) =>
    localize(s, 'admin.channel')
      .addStringOption((o) =>
        localize(o, 'action')
          .setRequired(true)
          .addChoices(choice('add', '添加'), choice('remove', '移除'), choice('clear', '清空')),
      )
      .addChannelOption((o) =>
        localize(o, 'channel').addChannelTypes(ChannelType.GuildText, ChannelType.PublicThread, ChannelType.GuildForum),
      ),
  )
  .addSubcommand((s) =>
    localize(s, 'admin.model')
      .addStringOption((o) =>
        localize(o, 'action').setRequired(true).addChoices(choice('enable', '启用'), choice('disable', '停用')),
      )
      .addStringOption((o) => localize(o, 'model').setRequired(true).setAutocomplete(true)),
  )
  .addSubcommand((s) =>
    localize(s, 'admin.defaults')
      .addStringOption((o) => localize(o, 'model').setAutocomplete(true))
      .addStringOption((o) => localize(o, 'ratio').addChoices(...RATIO_CHOICES.map((r) => choice(r))))
      .addStringOption((o) => localize(o, 'resolution').addChoices(...RESOLUTION_CHOICES.map((r) => choice(r))))
      .addIntegerOption((o) => localize(o, 'duration').setMinValue(1).setMaxValue(15))
      .addBooleanOption((o) => localize(o, 'reset')),
  )
  .addSubcommand((s) =>
    localize(s, 'admin.timezone').addStringOption((o) => localize(o, 'zone').setRequired(true).setMaxLength(64)),
  )
  .addSubcommand((s) => localize(s, 'admin.role').addRoleOption((o) => localize(o, 'role')))
  .addSubcommand((s) =>
    localize(s, 'admin.roleLimit')
      .addRoleOption((o) => localize(o, 'role').setRequired(true))
      .addStringOption((o) =>
        localize(o, 'limit_name')
          .setRequired(true)
          .addChoices(...MEMBER_LIMIT_NAMES.map((n) => choice(n))),
      )
      .addStringOption((o) => localize(o, 'limit_value').setRequired(true).setMaxLength(12)),
  )
  .addSubcommand((s) =>
    localize(s, 'admin.blocklist')
      .addStringOption((o) =>
        localize(o, 'action')
          .setRequired(true)
          .addChoices(choice('add', '添加'), choice('remove', '移除'), choice('list', '列表')),
      )
      .addStringOption((o) => localize(o, 'term').setMaxLength(100)),
  )
  .toJSON();

/** /video-admin blocklist list: every term, escaped, as many as one message holds. */
async function listBlocklist(i: ChatInputCommandInteraction, ctx: BotContext) {
  const locale = resolveLocale(i.locale);
  const terms = (await ctx.guildConfig.effective(i.guildId)).blocklist;
  const title = t(locale, 'admin.blocklist.title', { count: terms.length });
  const content = terms.length
    ? `${title}\n${joinWithMore(
        terms.map((x) => `• ${escapeUntrusted(x)}`),
        '\n',
        2000 - title.length - 1,
        (count) => t(locale, 'list.more', { count }),
      )}`
    : t(locale, 'admin.blocklist.empty');
  await i.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

function readChange(i: ChatInputCommandInteraction, blocklist: readonly string[]): Change {
  switch (i.options.getSubcommand()) {
    case 'limit':
      return setLimit(i.options.getString('name', true) as LimitName, i.options.getString('value', true));
    case 'channel':
      return changeChannels(
        i.options.getString('action', true) as 'add' | 'remove' | 'clear',
        i.options.getChannel('channel')?.id,
      );
    case 'model':
      return changeModel(
        i.options.getString('action', true) as 'enable' | 'disable',
        i.options.getString('model', true),
      );
    case 'defaults':
      return setDefaults(
        {
          model: i.options.getString('model') ?? undefined,
          ratio: i.options.getString('ratio') ?? undefined,
          resolution: i.options.getString('resolution') ?? undefined,
          duration: i.options.getInteger('duration') ?? undefined,
        },
        i.options.getBoolean('reset') ?? false,
      );
    case 'timezone':
      return setTimeZone(i.options.getString('zone', true));
    case 'blocklist':
      return changeBlocklist(
        i.options.getString('action', true) as 'add' | 'remove',
        i.options.getString('term') ?? '',
        blocklist,
      );
    case 'role-limit':
      return setRoleLimit(
        i.options.getRole('role', true).id,
        i.options.getString('name', true) as MemberLimitName,
        i.options.getString('value', true),
      );
    default:
      return setRole(i.options.getRole('role')?.id);
  }
}

async function showSettings(i: ChatInputCommandInteraction, ctx: BotContext, prefix = '') {
  const locale = resolveLocale(i.locale);
  const [cfg, own] = await Promise.all([ctx.guildConfig.effective(i.guildId), ctx.guildConfig.settings(i.guildId!)]);
  await i.reply({
    content: prefix,
    embeds: [guildSettingsEmbed(cfg, own, locale)],
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}

export const videoAdminCommand: SlashCommand = {
  name: definition.name,
  definition,
  async execute(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    if (!interaction.guildId || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await interaction.reply({
        content: t(locale, 'admin.denied'),
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    if (interaction.options.getSubcommand() === 'show') return showSettings(interaction, ctx);
    const blocklist = (await ctx.guildConfig.effective(interaction.guildId)).blocklist;
    if (interaction.options.getSubcommand() === 'blocklist' && interaction.options.getString('action') === 'list')
      return listBlocklist(interaction, ctx);
    const change = readChange(interaction, blocklist);
    if (!change.ok) {
      await interaction.reply({
        content: t(locale, change.key, { value: change.value }),
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    await ctx.guildConfig.change(interaction.guildId, interaction.user.id, change.describe, change.apply);
    await showSettings(interaction, ctx, t(locale, 'admin.saved', { what: change.describe }));
  },
  async autocomplete(interaction) {
    const typed = String(interaction.options.getFocused()).toLowerCase();
    await interaction.respond(
      MODELS.filter((m) => m.id.includes(typed))
        .slice(0, 25)
        .map((m) => ({ name: m.id, value: m.id })),
    );
  },
};
