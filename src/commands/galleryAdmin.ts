/**
 * /video-admin gallery and gallery-purge: set the gallery channel (its kind and the bot's permissions checked
 * first: nothing is saved while one is missing, and each missing one is named), switch auto and the weekly digest,
 * turn it off; remove posts whose prompt matches a term (counted first, then confirmed with a button).
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type ChatInputCommandInteraction,
  MessageFlags,
} from 'discord.js';
import { type Locale, resolveLocale, t } from '../i18n/index.js';
import type { BotContext } from '../discord/botContext.js';
import { customIdFor } from '../discord/customIds.js';
import { checkGalleryChannel } from '../discord/galleryChannel.js';
import { escapeUntrusted, NO_MENTIONS } from '../discord/render/text.js';
import { describeChange, galleryOff, setGallery } from '../services/guildConfig/settingsChanges.js';
import { cleanTerm } from '../services/moderation/blocklist.js';
import type { GalleryAdminArgs } from './videoAdmin.js';

async function privately(i: ChatInputCommandInteraction, content: string) {
  await i.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

export async function galleryAdmin(
  i: ChatInputCommandInteraction & { guildId: string },
  ctx: BotContext,
  args: GalleryAdminArgs,
): Promise<void> {
  const locale = resolveLocale(i.locale);
  if (args.subcommand === 'gallery-purge') return purge(i, ctx, locale, args.term);
  if (args.off) {
    const change = galleryOff();
    if (change.ok) await ctx.guildConfig.change(i.guildId, i.user.id, describeChange(change.summary), change.apply);
    return privately(i, t(locale, 'gallery.admin.off'));
  }
  let place: { channelId: string; kind: 'forum' | 'text'; locale: typeof locale } | undefined;
  let note = '';
  if (args.channel) {
    // The check reads the channel, the server's roles and the bot's member: slower than 3 s at worst.
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    const check = await checkGalleryChannel(i.client.rest, i.guildId, args.channel.id, i.client.user.id);
    if (!check.ok) {
      const text =
        check.why === 'not_visible'
          ? t(locale, 'gallery.admin.notVisible', { channel: args.channel.id })
          : 'missing' in check
            ? t(locale, 'gallery.admin.missing', {
                channel: args.channel.id,
                // Every gallery permission has its name in each locale (gallery.perm.*).
                list: check.missing.map((p) => t(locale, `gallery.perm.${p}` as 'gallery.perm.ViewChannel')).join(', '),
              })
            : t(locale, 'gallery.admin.badChannel');
      await i.editReply({ content: text, allowedMentions: NO_MENTIONS });
      return;
    }
    place = { channelId: args.channel.id, kind: check.kind, locale };
    if (check.kind === 'forum' && check.tagCount >= 19)
      note = `\n${t(locale, 'gallery.admin.tagsFull', { count: check.tagCount })}`;
  }
  const digest = args.digest === undefined ? undefined : args.digest === 'on';
  const change = setGallery(place, { auto: args.auto, digest });
  const answer = async (content: string) =>
    i.deferred ? void (await i.editReply({ content, allowedMentions: NO_MENTIONS })) : privately(i, content);
  if (!change.ok) return answer(t(locale, change.key, { value: change.value }));
  const after = await ctx.guildConfig.change(i.guildId, i.user.id, describeChange(change.summary), change.apply);
  const late = change.refusedAfter?.(after);
  if (late) return answer(t(locale, late.key, { value: late.value }));
  const g = after.gallery!;
  const lines = [
    t(locale, 'gallery.admin.set', {
      channel: g.channelId,
      mode: t(locale, g.auto ? 'gallery.admin.auto' : 'gallery.admin.button'),
    }),
    t(locale, g.digest ? 'gallery.admin.digestOn' : 'gallery.admin.digestOff'),
  ];
  await answer(lines.join('\n') + note);
}

async function purge(
  i: ChatInputCommandInteraction & { guildId: string },
  ctx: BotContext,
  locale: Locale,
  raw: string,
) {
  const term = cleanTerm(raw);
  if (!term || !ctx.gallery) return privately(i, t(locale, 'admin.badTerm'));
  const shown = escapeUntrusted(term);
  const matching = await ctx.gallery.matching(i.guildId, term);
  if (!matching.length) return privately(i, t(locale, 'gallery.purge.none', { term: shown }));
  // The request waits in the store for the admin's click (a stateless button: it works after a restart too).
  await ctx.gallery.askPurge(i.id, i.guildId, term, i.user.id);
  await i.reply({
    content: t(locale, 'gallery.purge.confirm', { count: matching.length, term: shown }),
    components: [
      new ActionRowBuilder<ButtonBuilder>()
        .addComponents(
          new ButtonBuilder()
            .setCustomId(customIdFor('gpurge', i.id))
            .setStyle(ButtonStyle.Danger)
            .setLabel(t(locale, 'gallery.purge.button')),
        )
        .toJSON(),
    ],
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}
