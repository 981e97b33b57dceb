/**
 * The admin's view of a server's settings: limits (with where each comes from), channels, role, blocklist size,
 * models, defaults.
 */
import type { APIEmbed } from 'discord.js';
import { t, type Locale } from '../../i18n/index.js';
import { formatNumber } from '../../i18n/params.js';
import type { EffectiveGuildConfig, GuildSettings } from '../../services/guildConfig/guildConfig.js';
import { LIMIT_NAMES } from '../../services/usage/limits.js';
import { joinWithMore, truncate } from './text.js';

/** Discord's limit for one embed field's value. */
const FIELD_MAX = 1024;

export function guildSettingsEmbed(cfg: EffectiveGuildConfig, own: GuildSettings, locale: Locale): APIEmbed {
  const limits = LIMIT_NAMES.map((name) => {
    const v = cfg.limits[name];
    const value = v === null ? t(locale, 'admin.show.noLimit') : formatNumber(locale, v);
    const origin = own.limits && name in own.limits ? '' : ` ${t(locale, 'admin.show.fromDefault')}`;
    return `${t(locale, `limit.label.${name}`)}: **${value}**${origin} \`${name}\``;
  });
  const who = `@: ${cfg.roleId ? `<@&${cfg.roleId}>` : t(locale, 'admin.show.everyone')}`;
  const zone = `🕒 ${cfg.timeZone}`;
  const blocklist = t(locale, 'admin.show.blocklist', { count: cfg.blocklist.length });
  const g = own.gallery;
  const gallery = `🖼️ ${t(locale, 'gallery.show.title')}: ${
    !g
      ? t(locale, 'gallery.show.none')
      : g.off
        ? t(locale, 'gallery.show.deleted', { channel: g.channelId })
        : `<#${g.channelId}> (${t(locale, g.auto ? 'gallery.admin.auto' : 'gallery.admin.button')}${g.digest ? `; ${t(locale, 'gallery.admin.digestOn')}` : ''})`
  }`;
  const others = [who, zone, blocklist, gallery];
  // Many generation channels: as many as fit in the field (with the other lines), then "and N more".
  const room = FIELD_MAX - '#: '.length - others.reduce((n, line) => n + line.length + 1, 0);
  const channels = cfg.channels.length
    ? joinWithMore(
        cfg.channels.map((c) => `<#${c}>`),
        ', ',
        room,
        (count) => t(locale, 'list.more', { count }),
      )
    : t(locale, 'admin.show.everywhere');
  const where = [`#: ${channels}`, ...others];
  const roleLimits = Object.entries(own.roleLimits ?? {}).flatMap(([role, set]) =>
    Object.entries(set).map(
      ([name, v]) =>
        `<@&${role}> \`${name}\`: **${v === null ? t(locale, 'admin.show.noLimit') : formatNumber(locale, v)}**`,
    ),
  );
  const disabled = own.disabledModels ?? [];
  const defaults = Object.entries(cfg.defaults).map(([k, v]) => `${k}: \`${v}\``);
  return {
    title: t(locale, 'admin.show.title'),
    color: 0x5865f2,
    fields: [
      { name: t(locale, 'admin.show.limits'), value: truncate(limits.join('\n'), FIELD_MAX) },
      ...(roleLimits.length
        ? [
            {
              name: t(locale, 'admin.show.roleLimits'),
              value: joinWithMore(roleLimits, '\n', FIELD_MAX, (count) => t(locale, 'list.more', { count })),
            },
          ]
        : []),
      { name: t(locale, 'admin.show.where'), value: where.join('\n') },
      {
        name: t(locale, 'admin.show.models'),
        value: truncate(
          disabled.length
            ? t(locale, 'admin.show.disabled', { list: disabled.join(', ') })
            : t(locale, 'admin.show.allModels'),
          FIELD_MAX,
        ),
      },
      {
        name: t(locale, 'admin.show.defaults'),
        value: `model: \`${cfg.defaultModel}\`${defaults.length ? `\n${defaults.join('\n')}` : ''}`,
      },
    ],
  };
}
