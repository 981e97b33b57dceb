/** An admin's saved change as shown back to them: the service's summary with channels and roles as mentions. */
import type { ChangeSummary } from '../../services/guildConfig/settingsChanges.js';
import { escapeUntrusted } from './text.js';

export function renderChange(c: ChangeSummary): string {
  const shown = (v: number | null | 'default') => (v === null ? 'none' : String(v));
  switch (c.setting) {
    case 'limit':
      return `${c.name} = ${shown(c.value)}`;
    case 'roleLimit':
      return `<@&${c.roleId}> ${c.name} = ${shown(c.value)}`;
    case 'channels':
      return c.action === 'clear'
        ? 'channels = everywhere'
        : `channels ${c.action === 'add' ? '+' : '-'} <#${c.channelId}>`;
    case 'model':
      return `model ${c.modelId} ${c.enabled ? 'enabled' : 'disabled'}`;
    case 'defaults':
      return `defaults ${c.reset ? 'reset, then ' : ''}${escapeUntrusted(JSON.stringify(c.values))}`;
    case 'timeZone':
      return `timezone = ${escapeUntrusted(c.zone)}`;
    case 'role':
      return `role = ${c.roleId ? `<@&${c.roleId}>` : 'everyone'}`;
    case 'blocklist':
      return `blocklist ${c.action === 'add' ? '+' : '-'} ${escapeUntrusted(c.term)}`;
    case 'gallery':
      return c.off
        ? 'gallery off'
        : `gallery${c.channelId ? ` = <#${c.channelId}>` : ''}${c.auto === undefined ? '' : ` auto = ${c.auto}`}${c.digest === undefined ? '' : ` digest = ${c.digest ? 'on' : 'off'}`}`;
  }
}
