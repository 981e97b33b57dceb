/**
 * /video-admin: a server's own settings, its usage reports (`usage members`, `usage chart`) and its queue. Visible by
 * default to Manage Server only, and checked again here, since server owners can override a command's default
 * permissions.
 */
import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { MODELS } from '../catalog/models.js';
import { resolveLocale, t } from '../i18n/index.js';
import { renderBlocklist } from '../discord/render/blocklistText.js';
import { guildSettingsEmbed } from '../discord/render/guildSettingsEmbed.js';
import { renderChange } from '../discord/render/settingChange.js';
import { escapeUntrusted, NO_MENTIONS } from '../discord/render/text.js';
import type { BotContext } from '../discord/botContext.js';
import { isUserInstallPlace } from '../discord/taskOrigin.js';
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
  type ChangeSummary,
  describeChange,
} from '../services/guildConfig/settingsChanges.js';
import { cleanTerm, MAX_BLOCKED_TERMS, sameTerm } from '../services/moderation/blocklist.js';
import { LIMIT_NAMES, MEMBER_LIMIT_NAMES } from '../services/usage/limits.js';
import { limitChoice, ratioChoices, resolutionChoices, wordChoice } from './choices.js';
import { galleryAdmin } from './galleryAdmin.js';
import { type ArgumentsOf, chatCommand, defineCommand, option, subcommand, subcommandGroup } from './define.js';
import { showServerQueue } from './queueView.js';
import { usageChart, usageMembers } from './usageReports.js';

const definition = chatCommand('/video-admin', {
  contexts: [InteractionContextType.Guild],
  install: 'guild',
  defaultMemberPermissions: PermissionFlagsBits.ManageGuild,
  options: [
    subcommand('/video-admin show'),
    subcommand('/video-admin limit', [
      option.string('name', {
        required: true,
        choices: LIMIT_NAMES.map(limitChoice),
      }),
      option.string('value', { required: true, maxLength: 12 }),
    ]),
    subcommand('/video-admin channel', [
      option.string('action', {
        required: true,
        choices: [wordChoice('add'), wordChoice('remove'), wordChoice('clear')],
      }),
      option.channel('channel', [ChannelType.GuildText, ChannelType.PublicThread, ChannelType.GuildForum]),
    ]),
    subcommand('/video-admin model', [
      option.string('action', { required: true, choices: [wordChoice('enable'), wordChoice('disable')] }),
      option.string('model', { required: true, autocomplete: true }),
    ]),
    subcommand('/video-admin defaults', [
      option.string('model', { autocomplete: true }),
      option.string('ratio', { choices: ratioChoices }),
      option.string('resolution', { choices: resolutionChoices }),
      option.integer('duration', { min: 1, max: 15 }),
      option.boolean('reset'),
    ]),
    subcommand('/video-admin timezone', [option.string('zone', { required: true, maxLength: 64 })]),
    subcommand('/video-admin role', [option.role('role')]),
    subcommand('/video-admin role-limit', [
      option.role('role', { required: true }),
      option.string('name', {
        required: true,
        choices: MEMBER_LIMIT_NAMES.map(limitChoice),
      }),
      option.string('value', { required: true, maxLength: 12 }),
    ]),
    subcommand('/video-admin blocklist', [
      option.string('action', {
        required: true,
        choices: [wordChoice('add'), wordChoice('remove'), wordChoice('list')],
      }),
      option.string('term', { maxLength: 100 }),
    ]),
    subcommand('/video-admin gallery', [
      option.channel('channel', [ChannelType.GuildForum, ChannelType.GuildText, ChannelType.GuildAnnouncement]),
      option.boolean('auto'),
      option.string('digest', { choices: [wordChoice('on'), wordChoice('off')] }),
      option.boolean('off'),
    ]),
    subcommand('/video-admin gallery-purge', [option.string('term', { required: true, maxLength: 100 })]),
    subcommand('/video-admin queue'),
    subcommandGroup('/video-admin usage', [
      subcommand('/video-admin usage members', [option.boolean('csv')]),
      subcommand('/video-admin usage chart'),
    ]),
  ],
});

type AdminArgs = ArgumentsOf<typeof definition>;
/** The sub-commands that change one setting (show and blocklist have their own paths). */
type ChangeArgs = Exclude<
  AdminArgs,
  { subcommand: 'show' | 'blocklist' | 'gallery' | 'gallery-purge' | 'queue' | 'usage members' | 'usage chart' }
>;
export type GalleryAdminArgs = Extract<AdminArgs, { subcommand: 'gallery' | 'gallery-purge' }>;

function readChange(args: ChangeArgs): Change {
  switch (args.subcommand) {
    case 'limit':
      return setLimit(args.name, args.value);
    case 'channel':
      return changeChannels(args.action, args.channel?.id);
    case 'model':
      return changeModel(args.action, args.model);
    case 'defaults':
      return setDefaults(
        { model: args.model, ratio: args.ratio, resolution: args.resolution, duration: args.duration },
        args.reset ?? false,
      );
    case 'timezone':
      return setTimeZone(args.zone);
    case 'role-limit':
      return setRoleLimit(args.role.id, args.name, args.value);
    case 'role':
      return setRole(args.role?.id);
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
export async function applyChange(
  i: ChatInputCommandInteraction & { guildId: string },
  ctx: BotContext,
  change: Change,
  saved: (after: GuildSettings, summary: ChangeSummary) => string,
  shown: (value: string) => string = (value) => value,
) {
  const locale = resolveLocale(i.locale);
  const refused = (r: ChangeRefused) => privately(i, t(locale, r.key, { value: shown(r.value) }));
  if (!change.ok) return refused(change);
  const after = await ctx.guildConfig.change(i.guildId, i.user.id, describeChange(change.summary), change.apply);
  const late = change.refusedAfter?.(after);
  if (late) return refused(late);
  await showSettings(i, ctx, saved(after, change.summary));
}

/** /video-admin blocklist: list the server's prompt terms, or add or remove one. */
async function blocklist(
  i: ChatInputCommandInteraction & { guildId: string },
  ctx: BotContext,
  args: Extract<AdminArgs, { subcommand: 'blocklist' }>,
) {
  const locale = resolveLocale(i.locale);
  const { action } = args;
  const current = (await ctx.guildConfig.effective(i.guildId)).blocklist;
  if (action === 'list') return privately(i, renderBlocklist(current, locale));
  const raw = args.term ?? '';
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

export async function showSettings(i: ChatInputCommandInteraction, ctx: BotContext, prefix = '') {
  const locale = resolveLocale(i.locale);
  // Read past the process's cache: a change just made elsewhere (another process, the web console) shows at once.
  const [cfg, own] = await Promise.all([
    ctx.guildConfig.effective(i.guildId, { fresh: true }),
    ctx.guildConfig.settings(i.guildId!, { fresh: true }),
  ]);
  await i.reply({
    content: prefix,
    embeds: [guildSettingsEmbed(cfg, own, locale)],
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}

export const videoAdminCommand = defineCommand(definition, {
  async execute(interaction, args, ctx) {
    const locale = resolveLocale(interaction.locale);
    if (!interaction.guildId || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await interaction.reply({
        content: t(locale, 'admin.denied'),
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    // Never about a server that did not add the bot (a member's own install there: Discord should not send it).
    if (isUserInstallPlace(interaction)) {
      await interaction.reply({
        content: t(locale, 'usage.serverOnly'),
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    const guildInteraction = interaction as typeof interaction & { guildId: string };
    switch (args.subcommand) {
      case 'show':
        return showSettings(interaction, ctx);
      case 'blocklist':
        return blocklist(guildInteraction, ctx, args);
      case 'gallery':
      case 'gallery-purge':
        return galleryAdmin(guildInteraction, ctx, args);
      case 'queue':
        return showServerQueue(guildInteraction, ctx);
      case 'usage members':
        return usageMembers(guildInteraction, ctx, args.csv ?? false);
      case 'usage chart':
        return usageChart(guildInteraction, ctx);
      default:
        return applyChange(guildInteraction, ctx, readChange(args), (_, summary) =>
          t(locale, 'admin.saved', { what: renderChange(summary, locale) }),
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
});
