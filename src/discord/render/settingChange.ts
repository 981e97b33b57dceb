/** An admin's saved change as shown back to them, in their language: limits by their labels, channels and roles as mentions. */
import { type Locale, t } from '../../i18n/index.js';
import type { ChangeSummary } from '../../services/guildConfig/settingsChanges.js';
import { escapeUntrusted } from './text.js';

export function renderChange(c: ChangeSummary, locale: Locale): string {
  const shown = (v: number | null | 'default') =>
    v === null ? t(locale, 'admin.show.noLimit') : v === 'default' ? t(locale, 'admin.show.fromDefault') : v;
  switch (c.setting) {
    case 'limit':
      return t(locale, 'admin.change.limit', { label: t(locale, `limit.label.${c.name}`), value: shown(c.value) });
    case 'roleLimit':
      return t(locale, 'admin.change.roleLimit', {
        role: `<@&${c.roleId}>`,
        label: t(locale, `limit.label.${c.name}`),
        value: shown(c.value),
      });
    case 'channels':
      return c.action === 'clear'
        ? t(locale, 'admin.change.channelsCleared')
        : t(locale, c.action === 'add' ? 'admin.change.channelAdded' : 'admin.change.channelRemoved', {
            channel: `<#${c.channelId}>`,
          });
    case 'model':
      return t(locale, c.enabled ? 'admin.change.modelEnabled' : 'admin.change.modelDisabled', { model: c.modelId });
    case 'defaults': {
      const values = Object.values(c.values).map((v) => escapeUntrusted(String(v)));
      return t(locale, c.reset ? 'admin.change.defaultsReset' : 'admin.change.defaults', {
        values: values.length ? values.join(' · ') : t(locale, 'admin.show.none'),
      });
    }
    case 'timeZone':
      return t(locale, 'admin.change.timeZone', { zone: escapeUntrusted(c.zone) });
    case 'role':
      return c.roleId
        ? t(locale, 'admin.change.role', { role: `<@&${c.roleId}>` })
        : t(locale, 'admin.change.roleEveryone');
    case 'blocklist':
      return t(locale, c.action === 'add' ? 'admin.change.blocklistAdded' : 'admin.change.blocklistRemoved', {
        term: escapeUntrusted(c.term),
      });
    case 'gallery': {
      if (c.off) return t(locale, 'admin.change.galleryOff');
      const parts = [
        ...(c.channelId ? [t(locale, 'admin.change.galleryChannel', { channel: `<#${c.channelId}>` })] : []),
        ...(c.auto === undefined
          ? []
          : [t(locale, c.auto ? 'admin.change.galleryAutoOn' : 'admin.change.galleryAutoOff')]),
        ...(c.digest === undefined
          ? []
          : [t(locale, c.digest ? 'admin.change.galleryDigestOn' : 'admin.change.galleryDigestOff')]),
      ];
      return parts.join(' · ');
    }
  }
}
