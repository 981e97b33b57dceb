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
import { renderBlocklist } from '../discord/render/blocklistText.js';
import { guildSettingsEmbed } from '../discord/render/guildSettingsEmbed.js';
import { escapeUntrusted, NO_MENTIONS } from '../discord/render/text.js';
import type { BotContext } from '../discord/botContext.js';
import type { GuildSettings } from '../services/guildConfig/guildConfig.js';
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
  type ChangeRefused,
} from '../services/guildConfig/settingsChanges.js';
import { cleanTerm, MAX_BLOCKED_TERMS, sameTerm } from '../services/moderation/blocklist.js';
import { LIMIT_NAMES, type LimitName, MEMBER_LIMIT_NAMES, type MemberLimitName } from '../services/usage/limits.js';
import { localize, RATIO_CHOICES, RESOLUTION_CHOICES } from './options.js';
import type { SlashCommand } from '../discord/interactionHandlers.js';

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

function readChange(i: ChatInputCommandInteraction): Change {
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

/** A private reply that pings nobody. */
async function privately(i: ChatInputCommandInteraction, content: string) {
  await i.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

/**
 * Saves a change in one transaction (logged with who made it) and shows the settings under `saved`, or
 * says what was refused (its value passed through `shown`).
 */
async function applyChange(
  i: ChatInputCommandInteraction & { guildId: string },
  ctx: BotContext,
  change: Change,
  saved: (after: GuildSettings, describe: string) => string,
  shown: (value: string) => string = (value) => value,
) {
  const locale = resolveLocale(i.locale);
  const refused = (r: ChangeRefused) => privately(i, t(locale, r.key, { value: shown(r.value) }));
  if (!change.ok) return refused(change);
  const after = await ctx.guildConfig.change(i.guildId, i.user.id, change.describe, change.apply);
  const late = change.refusedAfter?.(after);
  if (late) return refused(late);
  await showSettings(i, ctx, saved(after, change.describe));
}

/** /video-admin blocklist: list the server's prompt terms, or add or remove one. */
async function blocklist(i: ChatInputCommandInteraction & { guildId: string }, ctx: BotContext) {
  const locale = resolveLocale(i.locale);
  const action = i.options.getString('action', true) as 'add' | 'remove' | 'list';
  const current = (await ctx.guildConfig.effective(i.guildId)).blocklist;
  if (action === 'list') return privately(i, renderBlocklist(current, locale));
  const raw = i.options.getString('term') ?? '';
  const saved = (after: GuildSettings) => {
    // Named as stored (the form first added), which may differ from what was typed in case or width.
    const typed = cleanTerm(raw) ?? raw;
    const stored = (action === 'add' ? (after.blocklist ?? []) : current).find((x) => sameTerm(x, typed)) ?? typed;
    const params = { term: escapeUntrusted(stored), count: after.blocklist?.length ?? 0, max: MAX_BLOCKED_TERMS };
    return t(locale, action === 'add' ? 'admin.blocklist.added' : 'admin.blocklist.removed', params);
  };
  // The term is the admin's text: never markup or a mention, in the confirmation as in a refusal.
  await applyChange(i, ctx, changeBlocklist(action, raw, current), saved, escapeUntrusted);
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
    const guildInteraction = interaction as typeof interaction & { guildId: string };
    switch (interaction.options.getSubcommand()) {
      case 'show':
        return showSettings(interaction, ctx);
      case 'blocklist':
        return blocklist(guildInteraction, ctx);
      default:
        return applyChange(guildInteraction, ctx, readChange(interaction), (_, what) =>
          t(locale, 'admin.saved', { what }),
        );
    }
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
